"""The posts component: offices held by people ("Minister for Trade and Industry").

A post is a title, after modifiers such as "Senior" or "Deputy", with its "of"/"for"
complement or a remit in brackets; some titles are posts on their own ("Deputy Prime
Minister").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.lexicon import Lexicon, lexicon_setting
from docgraph.ner.model import model_candidates_of
from docgraph.ner.people import name_end, non_name_words, person_starts
from docgraph.ner.tokens import CONNECTORS, Phrases, joined, name_like

# What may stand between a name and the post said of it, or between two such posts.
_APPOSITION_GAPS = frozenset({",", "(", ")", "/", "and", "&"})
# Classes of a place or body that may qualify a post named right after it.
_QUALIFIERS = frozenset({"Country", "City", "Place", "AdministrativeArea",
                         "IntergovernmentalOrganization"})


def find_posts(doc: Doc, lexicon: Lexicon, titles: Phrases, honorifics: Phrases,
               persons: set[int] | None = None) -> list[Candidate]:
    """Offices: "Minister for Trade and Industry", "Deputy Prime Minister".

    A post is a title (after modifiers such as "Senior", "Deputy") with an "of"/"for"
    complement, or a title that is a post on its own. The complement runs over
    capitalised words, "and"/"and the", possessives ("People's Republic") and lists
    ("Science, Innovation, and Technology"), and stops before a name, a new post or
    lower-case text. ``persons`` are tokens where a person's name starts (see
    :func:`docgraph.ner.people.person_starts`): a remit never swallows a name.
    """
    bounds = _Bounds(doc, lexicon, titles, honorifics, persons or set())
    found: list[Candidate] = []
    index = 0
    while index < len(doc):
        start = index
        # Modifiers come before a title, but some titles start with one ("Chief
        # Executive"), so a title is tried first at every step.
        while index < len(doc) and not titles.match(doc, index) and \
                doc[index].text in lexicon.post_modifiers:
            index += 1
            if index < len(doc) and doc[index].text == "-" and joined(doc, index):
                index += 1
        size = titles.match(doc, index) if index < len(doc) else 0
        if not size:
            index = start + 1
            continue
        end = index + size
        if end < len(doc) and doc[end].text in ("'s", "\u2019s"):
            index = end  # "the Prime Minister's Office" names a body, not a post
            continue
        complement_end = bounds.complement(end)
        core = doc[start:end].text
        if complement_end > end:
            end = complement_end
        elif core not in lexicon.standalone_posts and \
                not bounds.appositive(start, end, found, bounds.qualified(start) < start):
            index = end
            continue
        end = bounds.remit(end)
        found.append(Candidate(bounds.qualified(start), end, "Post", "posts"))
        index = end
    return found


class _Bounds:
    """Where a post's complement ends."""

    def __init__(self, doc: Doc, lexicon: Lexicon, titles: Phrases, honorifics: Phrases,
                 persons: set[int]) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.titles = titles
        self.honorifics = honorifics
        self.persons = persons
        people = [c for c in cands.candidates(doc) if c.label == "Person"]
        self._people_starts = {c.start for c in people if c.source == "people"}
        self._people_ends = {c.end for c in people} | {
            c.end for c in model_candidates_of(doc, lexicon) if c.label == "Person"}
        # Nationalities qualify posts too ("European Commissioner for Internal Market",
        # "Thai Deputy Prime Minister"); the model's NORP entities are they.
        self._qualifiers = [c for c in cands.candidates(doc)
                            if c.source == "gazetteer" and c.label in _QUALIFIERS] + [
            c for c in model_candidates_of(doc, lexicon) if c.label in ("Place",)
            and c.end - c.start == 1] + [
            Candidate(e.start, e.end, "Place", "model") for e in doc.ents
            if e.label_ == "NORP" and e.end - e.start == 1]

    def appositive(self, start: int, end: int, found: list[Candidate], qualified: bool
                   ) -> bool:
        """Whether a bare title is said of someone, so is a post on its own.

        "Mr Bojan Blecic, Senior Vice President, Head of ...", "Mr Ng (Chairman)",
        "Chairman and Co-Founder", "Vice Premier Ding Xuexiang": next to a person's
        name or to another such post.
        """
        if self.honorifics.match(self.doc, start):
            return False  # "Senator Birmingham": a form of address
        if end in self.persons or self.people_start(end):
            # "Vice Premier Ding", but "Minister Teo", "Secretary Raimondo": one word of
            # address says no more than the person's rank.
            return qualified or end - start > 1 or \
                self.doc[start].text not in self.lexicon.titles
        index = start - 1
        steps = 0
        while index >= 0 and steps < 3 and self.doc[index].text in _APPOSITION_GAPS:
            index -= 1
            steps += 1
        if steps == 0 or index < 0:
            return False
        return self.people_end(index + 1) or any(post.end == index + 1 for post in found)

    def people_start(self, index: int) -> bool:
        """Whether a name found after an honorific starts at ``index``."""
        return index in self._people_starts

    def people_end(self, index: int) -> bool:
        """Whether a person's name (with or without honorific) ends at ``index``."""
        return index in self._people_ends

    def remit(self, end: int) -> int:
        """A remit in brackets after a post: "Permanent Secretary (Health)"."""
        doc = self.doc
        if end < len(doc) and doc[end].text == "(":
            close = next((i for i in range(end + 1, min(len(doc), end + 12))
                          if doc[i].text == ")"), None)
            # Words of a remit ("Planning, Landuse and Environment"), not an acronym
            # ("DG CONNECT") nor a name.
            if close and close > end + 1 and all(
                    (self._word(i) and not doc[i].is_upper) or doc[i].lower_ in ("and", "&", ",")
                    for i in range(end + 1, close)):
                return close + 1
        return end

    def qualified(self, start: int) -> int:
        """Take in a place or body named right before a title: "Cambodia Prime Minister".

        "Singapore Senior Minister of State", "Shenzhen Mayor", "MCI Permanent
        Secretary": the qualifier makes the post specific. A possessive ("Australia's
        Minister") is not taken in; it is the person's country, not the post's name.
        """
        for qualifier in self._qualifiers:
            if qualifier.end == start and (qualifier.start == 0 or
                                           self.doc[qualifier.start - 1].text not in ("'s", "’s")):
                return qualifier.start
        return start

    def _word(self, index: int) -> bool:
        """A capitalised word that can continue a remit (not a title, honorific, name)."""
        doc = self.doc
        return index < len(doc) and name_like(doc[index]) and \
            not self.titles.match(doc, index) and \
            doc[index].text not in self.lexicon.post_modifiers and \
            not self.honorifics.match(doc, index) and index not in self.persons

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
        if doc[start].text not in ("of", "for"):
            return start
        index = start + 1
        if index < len(doc) and doc[index].text == "the":
            index += 1
        last = start
        while index < len(doc):
            token = doc[index]
            text = token.text
            if name_like(token) and not self.honorifics.match(doc, index) and (
                    index == last or not self.titles.match(doc, index) or last == start) \
                    and not (index in self.persons and last > start):
                index += 1
                last = index
            elif text in ("and", "&") and last == index and self._word(index + 1):
                index += 1
            elif text in ("and", "&") and last == index and index + 1 < len(doc) and \
                    doc[index + 1].text == "the" and self._word(index + 2):
                index += 2  # "Sustainability and the Environment"
            elif text in ("of", "for", "on") and last == index and index + 1 < len(doc) and \
                    (name_like(doc[index + 1]) or doc[index + 1].text == "the"):
                index += 2 if doc[index + 1].text == "the" else 1
            elif text in ("'s", "\u2019s") and last == index and joined(doc, index) and \
                    self._word(index + 1):
                index += 1  # "the People's Republic of China"
            elif last == index and ((text == "-" and joined(doc, index)) or (
                    text == "," and self._list_continues(index + 1))):
                index += 1
            else:
                break
        return last if last > start else start

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
            elif token.text == ",":
                pass
            elif not self._word(index):
                return False
            elif seen_and:
                return True
            index += 1
        return False


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

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        persons = person_starts(doc, self.lexicon)
        doc.user_data[cands.PERSON_STARTS] = sorted(persons)
        posts = find_posts(doc, self.lexicon, self.titles, self.honorifics, persons)
        people = {c.start for c in cands.candidates(doc) if c.label == "Person"
                  and c.source == "people"}
        blocked = cands.covered(doc, ["gazetteer"])
        cands.add(doc, posts)
        cands.add(doc, [c for c in titled_names(doc, posts, persons, self.lexicon, blocked)
                        if c.start not in people])
        return doc
