"""The posts component: offices held by people ("Minister for Trade and Industry").

A post is a title, after modifiers such as "Senior" or "Deputy", with its "of"/"for"
complement or a remit in brackets; some titles are posts on their own ("Deputy Prime
Minister").
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.lexicon import Lexicon, common_words, lexicon_setting
from docgraph.names import looks_like_acronym
from docgraph.ner import candidates as cands
from docgraph.ner.acronyms import long_form_start
from docgraph.ner.candidates import Candidate
from docgraph.ner.gazetteer import gazetteer_index
from docgraph.ner.heads import head_label
from docgraph.ner.model import model_candidates_of
from docgraph.ner.people import name_end, non_name_words, person_starts
from docgraph.ner.tokens import (
    CONNECTORS,
    POSSESSIVE,
    Phrases,
    bracketed_acronym,
    joined,
    lower_words,
    name_like,
    name_like_word,
    without_brackets,
    words,
)
from docgraph.vocab import coarse_type

_ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# What may stand between a name and the post said of it, or between two such posts.
_APPOSITION_GAPS = frozenset({",", "(", ")", "/", "and", "&"})
# Classes of a place or body that may qualify a post named right after it.
_QUALIFIERS = frozenset({"Country", "City", "Place", "AdministrativeArea",
                         "IntergovernmentalOrganization"})


def find_posts(doc: Doc, lexicon: Lexicon, titles: Phrases, honorifics: Phrases,
               persons: set[int] | None = None, vocabulary: frozenset[str] = frozenset()
               ) -> list[Candidate]:
    """Offices: "Minister for Trade and Industry", "Deputy Prime Minister".

    A post is a title (after modifiers such as "Senior", "Deputy") with an "of"/"for"
    complement, or a title that is a post on its own. The complement runs over
    capitalised words, "and"/"and the", possessives ("People's Republic") and lists
    ("Science, Innovation, and Technology"), and stops before a name, a new post or
    lower-case text. ``persons`` are tokens where a person's name starts (see
    :func:`docgraph.ner.people.person_starts`): a remit never swallows a name.
    ``vocabulary`` holds common English nouns and adjectives (lower case), which remits
    are made of and names mostly are not.
    """
    known = _Titles(doc, lexicon, titles)
    bounds = _Bounds(doc, lexicon, known, honorifics,
                     persons if persons is not None else set(), vocabulary)
    found: list[Candidate] = []
    texts = words(doc)
    # A post starts with a modifier, a title, a title's acronym or (a field) a
    # capitalised word: any other word is passed over on its text.
    openers = lexicon.post_modifiers | titles.firsts | set(known.acronyms)
    index = 0
    while index < len(doc):
        start = index
        if (texts[start] not in openers and not name_like_word(texts[start])) or (
                start > 1 and texts[start - 1] == "-" and joined(doc, start) and
                joined(doc, start - 1) and texts[start - 2][:1].isupper()):
            # No post starts inside a capitalised hyphenated word ("Guest-Of-Honour
            # Minister X"); after "then-" or "ex-" one does.
            index += 1
            continue
        if texts[start] in lexicon.post_modifiers and bounds.inside_qualifier(start):
            # "International Telecommunications Union Director": the body's last word,
            # not a modifier; the body qualifies the title after it.
            index += 1
            continue
        index, size = bounds.fielded_title(start)
        fielded = size > 0
        # Modifiers come before a title, but some titles start with one ("Chief
        # Executive"), so a title is tried first at every step.
        while not fielded and index < len(doc) and not known.match(doc, index) and \
                texts[index] in lexicon.post_modifiers:
            index += 1
            if index < len(doc) and texts[index] == "-" and joined(doc, index):
                index += 1
        if not fielded:
            size = known.match(doc, index) if index < len(doc) else 0
        if not size:
            index = start + 1
            continue
        end = index + size
        if end < len(doc) and texts[end] in ("'s", "\u2019s"):
            index = end  # "the Prime Minister's Office" names a body, not a post
            continue
        complement_end = bounds.complement(end)
        long_title = known.acronyms.get(doc[index].text) if size == 1 else None
        # A title's acronym alone is a post only next to a name: "sent by SMS" is not.
        standalone = long_title is None and doc[start:end].text in lexicon.standalone_posts
        if doc[index:end].text in lexicon.shared_titles and \
                not bounds.appositive(start, complement_end, found,
                                      bounds.qualified(start) < start):
            index = end
            continue
        if complement_end > end:
            end = complement_end
        elif end < len(doc) and texts[end] in ("Of", "For"):
            # A title-case line ("Minister-in-Charge Of The Smart Nation Initiative"):
            # the office goes on in words a heading capitalises, which cannot be told from
            # the heading's own; the title alone would be a post cut short.
            index = end
            continue
        elif not standalone and \
                not bounds.appositive(start, end, found, bounds.qualified(start) < start):
            index = end
            continue
        end = _unit_after_acronym(doc, bounds.remit(start, end), lexicon)
        first = bounds.qualified(start)
        # A post is named without the acronyms in it ("Managing Director (MD) of the
        # Info-communications Development Authority"), and "CE of GovTech" as the "Chief
        # Executive of GovTech" it stands for.
        name = without_brackets(doc, first, end)
        if long_title:
            name = " ".join(part for part in (
                without_brackets(doc, first, index) if index > first else "", long_title,
                without_brackets(doc, index + 1, end) if index + 1 < end else "") if part)
        found.append(Candidate(first, end, "Post", "posts",
                               name=name if name != doc[first:end].text else None))
        index = end
    return found


def _unit_after_acronym(doc: Doc, end: int, lexicon: Lexicon) -> int:
    """Where a remit ends that goes on with a unit named after its body's acronym.

    "Chair of the APEC Business Advisory Council (ABAC) Digital Workgroup": the chair is
    of the workgroup, whose name the bracketed acronym begins.
    """
    if end + 3 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")" or \
            not looks_like_acronym(doc[end + 1].text):
        return end
    start = stop = end + 3
    while stop < len(doc) and stop - start < 4 and name_like(doc[stop]):
        stop += 1
    return stop if stop > start and head_label(doc, start, stop, lexicon) else end


class _Titles:
    """The lexicon's titles, and the acronyms the document defines for them.

    "Chief Executive (CE) of the Government Technology Agency ... As CE of GovTech since
    2016": once defined, "CE" is the title "Chief Executive". The acronym must spell the
    title (with its modifiers: "Senior Minister of State (SMS)") letter by letter.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon, titles: Phrases) -> None:
        self._titles = titles
        self._words = titles.words
        self._doc = doc
        self._texts = words(doc)
        self.acronyms: dict[str, str] = {}
        for index, text in enumerate(words(doc)):
            if text != "(" or not bracketed_acronym(doc, index):
                continue
            acronym = doc[index + 1].text
            if acronym in self.acronyms or titles.match(doc, index + 1):
                continue
            for start in range(max(0, index - 6), index):
                if start + titles.match(doc, start) != index:
                    continue
                while start > 0 and doc[start - 1].text in lexicon.post_modifiers:
                    start -= 1
                if long_form_start(acronym, [t.text for t in doc[start:index]]) == 0:
                    self.acronyms[acronym] = doc[start:index].text
                break

    def match(self, doc: Doc, start: int) -> int:
        """Length in tokens of the title at ``start`` (0 for none)."""
        texts = self._texts if doc is self._doc else words(doc)
        size = self._titles.match_words(texts, start)
        if size:
            return size
        return 1 if texts[start] in self.acronyms else 0

    def plural(self, doc: Doc, start: int) -> bool:
        """Whether a title in the plural starts at ``start`` ("Members", "Directors")."""
        text = doc[start].text
        if not text.endswith("s") or len(text) < 4:
            return False
        return text[:-1] in self._words


class _Bounds:
    """Where a post's complement ends."""

    def __init__(self, doc: Doc, lexicon: Lexicon, titles: _Titles, honorifics: Phrases,
                 persons: set[int], vocabulary: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self._texts = words(doc)
        self.lexicon = lexicon
        self.titles = titles
        self.honorifics = honorifics
        self.persons = persons
        self._remits = remit_words(doc, lexicon)
        # Words of the bodies the document names by a head noun ("Ministry of ..."),
        # where: such a phrase runs over a name right after it ("the Ministry of Digital
        # Economy Lim Wei Ling"), so a word is no evidence at its own place.
        self._phrased = body_phrase_words(doc, lexicon)
        self._vocabulary = vocabulary
        self._lower = lower_words(doc)
        people = [c for c in cands.candidates(doc) if c.label == "Person"]
        # Where the gazetteer's bodies start, and where they end.
        self._bodies = {c.start: c.end for c in cands.candidates(doc)
                        if c.source == "gazetteer" and coarse_type(c.label) == "Organization"}
        self._people_starts = {c.start for c in people if c.source == "people"}
        self._people_ends = {c.end for c in people} | {
            c.end for c in model_candidates_of(doc, lexicon) if c.label == "Person"}
        # Nationalities qualify posts too ("European Commissioner for Internal Market",
        # "Thai Deputy Prime Minister"); the model's NORP entities are they.
        # Bodies too: those the gazetteer knows and acronyms ("MCI Permanent Secretary")
        # that are no country ("UK's Foreign Secretary": the person's country).
        places = {i for c in cands.candidates(doc) if c.source == "gazetteer" and
                  coarse_type(c.label) in ("Country", "Place") for i in range(c.start, c.end)}
        self._places = places
        self._qualifiers = [c for c in cands.candidates(doc)
                            if c.source == "gazetteer" and (c.label in _QUALIFIERS or
                                                            coarse_type(c.label) == "Organization")
                            ] + [
            Candidate(i, i + 1, "Organization", "posts") for i, text in enumerate(words(doc))
            if looks_like_acronym(text) and len(text) > 1 and text not in lexicon.not_entities
            and not titles.match(doc, i) and i not in places
            and not honorifics.match(doc, i)] + [  # "H.E. President X": an address
            c for c in model_candidates_of(doc, lexicon) if c.label in ("Place",)
            and c.end - c.start == 1] + [
            Candidate(e.start, e.end, "Place", "model") for e in doc.ents
            if e.label_ == "NORP" and e.end - e.start == 1]
        self._qualifier_insides = {i for c in self._qualifiers
                                   for i in range(c.start + 1, c.end)}

    def inside_qualifier(self, index: int) -> bool:
        """Whether token ``index`` is inside a place or body, after its first word."""
        return index in self._qualifier_insides

    def fielded_title(self, start: int) -> tuple[int, int]:
        """A title after modifiers and the words of a field: "Senior Technology Advisor".

        "Trade Commissioner", "National Archivist", "Principal Private Secretary",
        "Country Director", "Project Manager": one or two English words (nouns and
        adjectives, no names or acronyms) before a title name the field of the office.
        Returns where the title starts and its length (0 when there is none).
        """
        doc, texts = self.doc, self._texts
        if texts[start] not in self.lexicon.post_modifiers and \
                not name_like_word(texts[start]):
            return start, 0  # most words: a field word is capitalised, as a modifier is
        index = start
        while index < len(doc) and texts[index] in self.lexicon.post_modifiers and \
                not self._title_itself(index):
            index += 1
        modified = index > start
        fields = 0
        while fields < 2 and index < len(doc) and not self.titles.match(doc, index) and \
                self._field_word(index, modified):
            index += 1
            fields += 1
            if modified and index + 2 < len(doc) and texts[index] in ("and", "&") and \
                    self._field_word(index + 1) and self.titles.match(doc, index + 2):
                index += 1  # "Chief Science and Technology Officer": one field of two
        size = self.titles.match(doc, index) if fields and index < len(doc) else 0
        return (index, size) if size else (start, 0)

    def _title_itself(self, index: int) -> bool:
        """Whether a word that may modify a title is the title here.

        "Principal of Ngee Ann Polytechnic" is a title; "Principal Private Secretary"
        and "Principal Engineer" are titles it modifies.
        """
        size = self.titles.match(self.doc, index)
        if size != 1 or index + 1 >= len(self.doc):
            return size > 0
        return not (self.titles.match(self.doc, index + 1) or
                    self._field_word(index + 1, True))

    def _field_word(self, index: int, modified: bool = False) -> bool:
        """Whether a word can name the field of an office ("Technology" Advisor).

        After a modifier, a word of a newer field the vocabulary lacks will do too:
        "Chief Fintech Officer", "Senior Cybersecurity Manager".
        """
        token = self.doc[index]
        text = token.text
        return name_like(token) and token.is_alpha and not token.is_upper and \
            not token.is_sent_start and (modified or text.lower() in self._vocabulary) and \
            token.pos_ in ("PROPN", "NOUN", "ADJ") and \
            text not in self.lexicon.post_modifiers and \
            not self.honorifics.match(self.doc, index) and index not in self.persons

    def appositive(self, start: int, end: int, found: list[Candidate], qualified: bool
                   ) -> bool:
        """Whether a bare title is said of someone, so is a post on its own.

        "Mr Bojan Blecic, Senior Vice President, Head of ...", "Mr Ng (Chairman)",
        "Chairman and Co-Founder", "Vice Premier Ding Xuexiang": next to a person's
        name or to another such post.
        """
        if self.honorifics.match(self.doc, start):
            return False  # "Senator Birmingham": a form of address
        if not qualified and start > 0 and name_like(self.doc[start - 1]) and \
                not self.people_end(start) and not self.doc[start].is_sent_start:
            return False  # "Chief Fintech Officer": the end of a title not known whole
        after = end
        while after < len(self.doc) and after - end < 2 and \
                self.doc[after].text in ("–", "—", "-", ":", ","):
            after += 1
        if after > end and after < len(self.doc) and (
                self.honorifics.match(self.doc, after) or self.people_start(after) or
                (after in self.persons and self.doc[end].text == ",")):
            # "Deputy Chairman – Mr Loh Lik Peng", a role in a list; "Shenzhen Mayor, Mr
            # Qin Weizhong", a title the name is in apposition to.
            return True
        honorific = end
        while honorific < len(self.doc) and self.honorifics.match(self.doc, honorific):
            honorific += self.honorifics.match(self.doc, honorific)
        if honorific > end and self.people_start(honorific):
            # "NLB Chairman Mdm Chua Li Ting": an office, then its holder; "Minister Mr
            # Tan" only addresses him.
            return qualified or end - start > 1 or \
                self.doc[start].text not in self.lexicon.address_titles
        if end in self.persons or self.people_start(end):
            # "President Xi Jinping", "Vice Premier Ding", but "Minister Teo", "Secretary
            # Raimondo": a word of address says no more than the person's rank.
            return qualified or end - start > 1 or \
                self.doc[start].text not in self.lexicon.address_titles
        if self._complement_of_someone(start):
            return True
        # "Mr Simon Israel, SingPost Chairman,": the gap is before the title's qualifier.
        index = (self.qualified(start) if qualified else start) - 1
        steps = 0
        while index >= 0 and steps < 3 and self.doc[index].text in _APPOSITION_GAPS:
            index -= 1
            steps += 1
        if steps == 0 or index < 0:
            return False
        return self.people_end(index + 1) or any(post.end == index + 1 for post in found)

    def _complement_of_someone(self, start: int) -> bool:
        """Whether a bare title is what a person is: "Mr Kok was Senior Director, ...".

        The title follows a form of "be" (past adverbs: "is also currently Chairman")
        whose subject is a person's name or "he"/"she".
        """
        doc = self.doc
        index = start - 1
        while index >= 0 and start - index <= 4 and (
                doc[index].pos_ == "ADV" or doc[index].text == ","):
            index -= 1
        if index < 0 or doc[index].lemma_ != "be":
            return False
        verb = doc[index]
        subjects = [t for t in verb.children if t.dep_ == "nsubj"]
        if not subjects and verb.dep_ in ("aux", "auxpass"):
            subjects = [t for t in verb.head.children if t.dep_ == "nsubj"]
        # A name that ends right at the verb is its subject whatever the parse makes of
        # the name's last word ("Mr Kok Ping Soon was ...": "Soon" read as an adverb).
        return self.people_end(index) or any(
            t.lower_ in ("he", "she") or self.people_end(t.i + 1) for t in subjects)

    def people_start(self, index: int) -> bool:
        """Whether a name found after an honorific starts at ``index``."""
        return index in self._people_starts

    def people_end(self, index: int) -> bool:
        """Whether a person's name (with or without honorific) ends at ``index``."""
        return index in self._people_ends

    def remit(self, start: int, end: int) -> int:
        """A remit in brackets after a post: "Permanent Secretary (Health)".

        Words the post already has are a short name of its body, not a remit: "Director
        of Smart Illumination Pte Ltd (Smart Illumination)".
        """
        doc = self.doc
        if end < len(doc) and doc[end].text == "(":
            close = next((i for i in range(end + 1, min(len(doc), end + 12))
                          if doc[i].text == ")"), None)
            if close and {t.text for t in doc[end + 1 : close]} <= \
                    {t.text for t in doc[start:end]}:
                return end
            # Words of a remit ("Planning, Landuse and Environment"), not an acronym
            # ("DG CONNECT") nor a name.
            if close and close > end + 1 and all(
                    (self._word(i) and not looks_like_acronym(doc[i].text))
                    or doc[i].lower_ in ("and", "&", ",")
                    for i in range(end + 1, close)):
                return close + 1
        return end

    def qualified(self, start: int) -> int:
        """Take in a place or body named right before a title: "Cambodia Prime Minister".

        "Singapore Senior Minister of State", "Shenzhen Mayor", "MCI Permanent
        Secretary", "NTC Chairperson": the qualifier makes the post specific. A country's
        possessive ("Australia's Minister") is not taken in; it is the person's country,
        not the post's name. A body's is: "NLB's Chairman" is the office of the NLB.
        """
        doc = self.doc
        for qualifier in self._qualifiers:
            if qualifier.end == start and (qualifier.start == 0 or
                                           doc[qualifier.start - 1].text not in ("'s", "’s")):
                return qualifier.start
            if qualifier.end + 1 == start and doc[qualifier.end].text in POSSESSIVE and \
                    coarse_type(qualifier.label) == "Organization" and \
                    qualifier.label != "IntergovernmentalOrganization":
                return qualifier.start
        return start

    def _joins(self, index: int, last: int) -> bool:
        """Whether "and" at ``index`` goes on from the remit ending at ``last``."""
        return last == index or (last == index - 1 and self.doc[index - 1].text == ",")

    def _name_follows(self, index: int) -> bool:
        """Whether a person's name, not more of a remit, starts at ``index``.

        A remit is made of words that name fields of government ("Trade", "Law",
        "Sustainability"): words of the bodies the gazetteers and the document name, and
        words the document also writes in lower case. Two to four capitalised words that
        end the capitalised run, none of them such a word and at least half of them no
        English word, are a name: "... Foreign Trade and Tourism Ana Quispe signed".
        """
        doc = self.doc
        if self._known_remit(index):
            return False
        end = index
        words: list[tuple[str, int]] = []
        # An honorific starts a name, so a name never runs over one: in "Trade Relations
        # Mr Tan", "Relations" ends the remit. A hyphenated name ("Anne-Marie") is one word.
        while end < len(doc) and len(words) < 5 and name_like(doc[end]) and \
                not self._known_remit(end) and not self.honorifics.match(doc, end):
            stop = end + 1
            while stop + 1 < len(doc) and doc[stop].text == "-" and joined(doc, stop) and \
                    joined(doc, stop + 1) and name_like(doc[stop + 1]):
                stop += 2
            words.append((doc[end:stop].text, end))
            end = stop
        if len(words) < 2 or (end < len(doc) and name_like(doc[end])):
            return False
        if any(t.text in self.lexicon.heads for t in doc[index:end]):
            return False  # "Director of Smart Illumination Pte Ltd": a body, not a person
        # Most words of a name are no English words ("Ana Quispe", "Chea Vandeth").
        remits = [self._remit(word, at) for word, at in words]
        if remits[0] and len(words) > 2 and 2 * remits[1:].count(False) >= len(words) - 1:
            return False  # "... for Internal Market Thierry Breton": "Market" is remit
        return 2 * remits.count(False) >= len(words)

    def _remit(self, word: str, index: int) -> bool:
        """A word of a remit by the document, the gazetteers or the dictionary.

        A dictionary word counts only if it is mostly written in lower case: "Ling",
        "Wei" and "Hong" are English nouns too, but rare ones, and mostly names.
        """
        lower = word.lower()
        singular = lower[:-1] if lower.endswith("s") else lower
        return self._known_remit(index) or word.isupper() or any(
            form in self._vocabulary and form in common_words() for form in (lower, singular))

    def _known_remit(self, index: int) -> bool:
        """A remit word by the gazetteers or the document itself, not by a dictionary.

        A word of a body's phrase counts only where the phrase is not this very place.
        """
        word = self.doc[index].text
        return word in self._remits or word.lower() in self._lower or \
            bool(self._phrased.get(word, frozenset()) - {index})

    def _word(self, index: int) -> bool:
        """A capitalised word that can continue a remit (not a title, honorific, name)."""
        doc = self.doc
        return index < len(doc) and name_like(doc[index]) and \
            not self.titles.match(doc, index) and \
            doc[index].text not in self.lexicon.post_modifiers and \
            not self.honorifics.match(doc, index) and not self._named(index)

    def _named(self, index: int) -> bool:
        """Whether a person's name starts at ``index``.

        The model may start a name on a remit's last word ("Telecommunications Lucia
        Wibowo"); a remit word with more capitals after it is still remit.
        """
        doc = self.doc
        return index in self.persons and not (
            self._known_remit(index) and index + 1 < len(doc) and name_like(doc[index + 1]))

    def complement(self, start: int) -> int:
        """End of an "of X"/"for X" complement (or a "(Law and Health)" remit) at ``start``."""
        doc = self.doc
        if start >= len(doc):
            return start
        if doc[start].text == "(":
            close = next((i for i in range(start + 1, min(len(doc), start + 12))
                          if doc[i].text == ")"), None)
            if close and all(name_like(t) or t.lower_ in ("and", "&", ",")
                             for t in doc[start + 1 : close]):
                return self.complement(close + 1) \
                    if close + 1 < len(doc) and doc[close + 1].text in CONNECTORS else close + 1
            return start
        if doc[start].text == "in" and start + 2 < len(doc) and \
                doc[start + 1].text == "the" and start + 2 in self._bodies:
            return self._bodies[start + 2]  # "Minister in the Prime Minister's Office"
        if doc[start].text not in ("of", "for"):
            return start
        index = start + 1
        if index < len(doc) and doc[index].text == "the":
            index += 1
        last = start
        while index < len(doc):
            token = doc[index]
            text = token.text
            named = self._named(index)
            # "Chairman of the 7th ... Meeting", "Chairman of the SINGPEX 2019 Organising
            # Committee"
            numbered = (_ORDINAL.match(text) is not None or _YEAR.match(text) is not None) \
                and index + 1 < len(doc) and name_like(doc[index + 1])
            if (name_like(token) or numbered) and not self.honorifics.match(doc, index) and (
                    index == last or not self.titles.match(doc, index) or last == start) \
                    and not (named and last > start):
                if last > start and self._name_follows(index):
                    self.persons.add(index)  # "Minister for Trade and Industry Chan Chun Sing"
                    break
                index += 1
                last = index
            elif text in ("and", "&") and self._joins(index, last) and \
                    self._word(index + 1) and not self.titles.plural(doc, index + 1) and \
                    not self._titled(index + 1) and not self._acronym_modifier(index + 1):
                # "Chairman of the Council, and Members of ...", "... for Oceans and
                # Atmosphere and NOAA Administrator": a new phrase, not more of the remit.
                index += 1
            elif text in ("and", "&") and self._joins(index, last) and \
                    index + 1 < len(doc) and doc[index + 1].text == "the" and \
                    self._word(index + 2):
                index += 2  # "Sustainability and the Environment"
            elif text in ("of", "for", "on") and last == index and index + 1 < len(doc) and \
                    (name_like(doc[index + 1]) or doc[index + 1].text == "the"):
                index += 2 if doc[index + 1].text == "the" else 1
            elif text in ("'s", "\u2019s") and last == index and joined(doc, index) and \
                    self._word(index + 1):
                index += 1  # "the People's Republic of China"
            elif text == "in" and last == index and self._field_ends(index + 1):
                index += 1  # "Chairperson of SG Women in Tech"
            elif last == index and text == "-" and joined(doc, index) and \
                    index + 1 < len(doc) and joined(doc, index + 1) and doc[index + 1].is_lower:
                index += 2  # "Info-communications Development Authority": one word
                last = index
            elif last == index and ((text == "-" and joined(doc, index)) or (
                    text == "," and self._list_continues(index + 1))):
                index += 1
            else:
                break
        return last if last > start else start

    def _field_ends(self, start: int) -> bool:
        """Whether one or two capitalised words of a field end a remit: "... in Tech".

        Not a place ("Director of Sales in Asia") nor a name or a title, and the remit
        ends right after them.
        """
        doc = self.doc
        end = start
        while end < len(doc) and end - start < 2 and name_like(doc[end]) and \
                end not in self._places and end not in self.persons and \
                not self.titles.match(doc, end) and not self._named(end):
            end += 1
        return end > start and (end >= len(doc) or not doc[end].text[:1].isalnum())

    def _acronym_modifier(self, index: int) -> bool:
        """Whether an acronym at ``index`` modifies the common noun after it.

        "Head of the Tamil Resource Panel, and NTC member Ms X": "NTC member" starts a
        new description; the remit ended before "and".
        """
        doc = self.doc
        return index + 1 < len(doc) and doc[index].is_upper and len(doc[index]) > 1 and \
            doc[index + 1].is_lower and doc[index + 1].pos_ == "NOUN"

    def _titled(self, start: int) -> bool:
        """Whether a title ends the capitalised words from ``start``: "NOAA Administrator".

        A name after it does not count against it ("... and NOAA Administrator Dr X").
        """
        doc = self.doc
        index = start
        while index < len(doc) and index - start < 3 and name_like(doc[index]):
            size = self.titles.match(doc, index)
            after = index + size
            if size and (after >= len(doc) or not name_like(doc[after]) or
                         self.honorifics.match(doc, after) or after in self.persons):
                return True
            index += 1
        return False

    def _list_continues(self, start: int) -> bool:
        """After a comma: "Tourism and Investment" continues a list; "Mr Gan" does not.

        An Oxford comma is part of a list ("Science, Innovation, and Technology").
        """
        doc = self.doc
        index = start
        seen_and = False
        while index < len(doc) and index - start < 10:
            token = doc[index]
            if token.text in ("and", "&"):
                seen_and = True
            elif token.text == "," or (token.text == "the" and seen_and):
                pass  # "Information, Communications and the Digital Economy"
            elif not self._word(index):
                return False
            elif seen_and:
                return True
            index += 1
        return False


def english_words(nlp: Language) -> frozenset[str]:
    """Common English nouns and adjectives, from the model's lemmatizer tables (WordNet's).

    A blank pipeline has none; remits are then told from names by the gazetteers and the
    document alone.
    """
    if "lemmatizer" not in nlp.component_names:  # disabled by build_pipeline, still there
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(word for pos in ("noun", "adj") for word in index.get(pos, ())
                     if "_" not in word)


def remit_words(doc: Doc, lexicon: Lexicon) -> frozenset[str]:
    """Words that name fields of government: those of the bodies the gazetteers know.

    And of the bodies found in the document so far. See also :func:`body_phrase_words`.
    """
    words = set(_gazetteer_words())
    for candidate in cands.candidates(doc):
        if coarse_type(candidate.label) == "Organization":
            words.update(t.text for t in doc[candidate.start : candidate.end])
    return frozenset(w for w in words if w[:1].isupper())


def body_phrase_words(doc: Doc, lexicon: Lexicon) -> dict[str, frozenset[int]]:
    """The capitalised words of the phrases that open with a body's head noun, and where.

    "Ministry of Post and Telecommunications": words that name fields of government.
    """
    found: dict[str, set[int]] = {}
    for start, end in _body_phrases(doc, lexicon):
        for index in range(start, end):
            if doc[index].text[:1].isupper():
                found.setdefault(doc[index].text, set()).add(index)
    return {word: frozenset(places) for word, places in found.items()}


@functools.cache
def _gazetteer_words() -> frozenset[str]:
    return frozenset(word for entry in gazetteer_index(()).entries
                     if coarse_type(entry.label) in ("Organization", "Work", "Country")
                     for form in (entry.name, *entry.aliases) for word in form.split())


def _body_phrases(doc: Doc, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Capitalised phrases that open with a body's head noun ("Ministry of ...")."""
    found = []
    texts = words(doc)
    for index, text in enumerate(texts):
        if lexicon.heads.get(text) in ("Ministry", "GovernmentAgency") and \
                index + 1 < len(doc) and texts[index + 1] in ("of", "for"):
            end = index + 2
            while end < len(doc) and (name_like(doc[end]) or doc[end].text in (
                    "and", "&", "the", ",")) and end - index < 12:
                end += 1
            found.append((index, end))
    return found


def titled_names(doc: Doc, posts: list[Candidate], persons: set[int], lexicon: Lexicon,
                 blocked: set[int]) -> list[Candidate]:
    """A name straight after a post, with no comma: "Minister for Law K Shanmugam".

    The post is a title here; the name must start where a person's name does by other
    evidence (``persons``), so "Minister for Trade Singapore" names no one.
    """
    non_names = non_name_words(lexicon)
    found = []
    for post in posts:
        start = post.end
        if start not in persons or start in blocked:
            continue
        end = name_end(doc, start, lexicon, non_names)
        if end <= start or any(i in blocked for i in range(start, end)):
            continue
        stop = end + 1 if end < len(doc) and doc[end].text in lexicon.name_suffixes else end
        found.append(Candidate(start, stop, "Person", "people", name=doc[start:end].text))
    return found


class Posts:
    """Offices ("Minister for Trade and Industry", "Deputy Prime Minister")."""

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = lexicon_setting(lexicon)
        self.titles = Phrases(nlp, self.lexicon.post_titles)
        self.honorifics = Phrases(nlp, self.lexicon.honorifics)
        self.vocabulary = english_words(nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        persons = person_starts(doc, self.lexicon)
        posts = find_posts(doc, self.lexicon, self.titles, self.honorifics, persons,
                           self.vocabulary)
        doc.user_data[cands.PERSON_STARTS] = sorted(persons)
        people = {c.start for c in cands.candidates(doc) if c.label == "Person"
                  and c.source == "people"}
        blocked = cands.covered(doc, ["gazetteer"])
        cands.add(doc, posts)
        cands.add(doc, [c for c in titled_names(doc, posts, persons, self.lexicon, blocked)
                        if c.start not in people])
        return doc
