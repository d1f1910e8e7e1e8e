"""The names component: capitalised names typed by their head noun ("... Authority").

The lexicon's head nouns say what a name is; a name is split at "of"/"on"/"for" and
typed by the last head noun of its core, and its complements belong to it ("Ministry of
Trade and Industry"). The helpers here are shared with the other components that type a
name by its head (acronym long forms, the model's untyped names).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.lexicon import Lexicon, lexicon_setting
from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.tokens import (
    CAMEL,
    CONNECTORS,
    DETERMINERS,
    TITLE_CASE_GLUE,
    bracketed_acronym,
    joined,
    lower_words,
    name_like,
    name_like_word,
    proper_word,
    without_brackets,
    words,
)
from docgraph.vocab import coarse_type

# An amount of money: capitalised by its currency ("S$70", "US$"), never a name's start.
_MONEY = re.compile(r"^[A-Z]{1,3}\$")


def find_names(doc: Doc, lexicon: Lexicon, persons: set[int] | None = None,
               places: set[tuple[int, int]] | None = None,
               located: set[int] | None = None,
               countries: set[tuple[int, int]] | None = None) -> list[Candidate]:
    """Capitalised names that say what they are: "... Authority", "Project ...".

    A name is split at "of"/"on"/"for"; the first part whose last words are a head noun
    in the lexicon gives the class, and the complements after it belong to the name
    ("Ministry of Trade and Industry", "ASEAN Guide on AI Governance and Ethics").
    One-word camel-case names (GovTech, PhoGPT) are organisations or, by their ending,
    products. A bare head after "the" ("the Working Group") is kept as an anaphor for
    the resolver to attach to the one name in the document with that head, if any.
    ``located`` are tokens where the name of a place or body starts: "in" before one
    says where, not what ("... on Digital Trade in Singapore"); ``countries`` are the
    gazetteer's countries, which end a complement after "and" ("the Department for
    Science, Innovation and Technology and Singapore's ...").
    """
    persons = persons or set()
    places = places or set()
    located = located or set()
    lower = lower_words(doc)
    found: list[Candidate] = []
    index = 0
    texts = words(doc)
    while index < len(doc):
        # Capitalised function words start sentences and headings, not names ("About",
        # "Under", "The"). Most words are let go on their text, before a Token is made.
        if not name_like_word(texts[index]) or texts[index] in DETERMINERS or \
                _MONEY.match(texts[index]) or (
                    texts[index] in _TIME_WORDS and index + 1 < len(doc) and
                    doc[index + 1].like_num):
            # "S$70 million Future Communications R&D Programme": an amount; "the 7
            # January 2025 Parliament sitting": a date, before the name.
            index += 1
            continue
        token = doc[index]
        # A capitalised "-ing" word inside a sentence starts a name ("Housing & Development
        # Board", "Building and Construction Authority"), whatever its tag.
        gerund = token.text.endswith("ing") and not token.is_sent_start and \
            token.text[1:].islower()
        if (token.is_stop and not _acronym(doc, index)) or (not gerund and token.pos_ in (
                "ADP", "DET", "VERB", "AUX", "ADV", "PRON", "SCONJ", "CCONJ")):
            index += 1
            continue
        start = _titled_start(doc, compound_start(doc, index))
        end = _phrase_end(doc, start, lexicon, persons, located)
        typed = _typed_parts(doc, start, end, lexicon, places, countries or set())
        lowercase = _lowercase_head(doc, start, end, lexicon, places, lower)
        if lowercase is not None:
            typed = [lowercase]
        if not typed and end - start > 1:  # "VinAI and ThaiLLM"
            typed = [replace(c, start=compound_start(doc, c.start))
                     for i in range(start, end) for c in _single_word(doc, i, lexicon)
                     if not c.anaphor]
        found.extend(_named_without_brackets(doc, c) for c in typed)
        found.extend(_named_without_brackets(doc, c) for c in _bodies_met(doc, typed, lexicon))
        # "the Ministry of Communications and Information & Ministry of Health": a name
        # that ends inside the phrase leaves the rest to be read again.
        resume = max((c.end for c in typed), default=end)
        elided = _elided(doc, typed, end, located)
        if elided is not None:
            found.append(elided)
            resume = elided.end
        index = max(resume if resume < end else end, index + 1)
    return found


def _titled_start(doc: Doc, start: int) -> int:
    """Where a name starts that opens with capitalised function words after "the".

    "the Be Internet Awesome programme", "the Do Not Call Registry", "the Our Singapore
    Conversation": inside a sentence, such words are capitalised only in a title.
    """
    index = start
    while index >= 2 and doc[index - 1].is_stop and doc[index - 1].is_title and \
            not doc[index - 1].is_sent_start:
        index -= 1
    return index if index < start and doc[index - 1].lower_ == "the" else start


def _acronym(doc: Doc, index: int) -> bool:
    """An acronym spelt like a stop word, inside mixed-case text.

    "IT" of "IT Leaders Awards", "US" of "US Chamber of Commerce"; in an all-capitals
    heading, "AT" and "BY" are words.
    """
    text = doc[index].text
    return len(text) > 1 and text.isupper() and text.isalpha() and index + 1 < len(doc) \
        and not doc[index + 1].text.isupper() and \
        (index == 0 or not doc[index - 1].text.isupper())


def compound_start(doc: Doc, index: int) -> int:
    """The first word of the hyphenated compound whose last part is at ``index``.

    A name does not start inside a word: "Five-Year UN Open-Ended Working Group",
    "i-MiEV", "e-Government Leaders Forum" (the first part, a stop word, a number or a
    lower-case letter, was passed over as no name's start).
    """
    while index >= 2 and _compound_first(doc, index - 2):
        index -= 2
    return index


def _compound_first(doc: Doc, index: int) -> bool:
    """Whether token ``index`` starts a hyphenated word a name can start with.

    Its first part is a capitalised word or one or two letters: "Five-Year",
    "e-Government".
    """
    text = doc[index].text
    return _hyphen_follows(doc, index) and text.isalpha() and \
        (text[0].isupper() or len(text) <= 2)


def _hyphen_follows(doc: Doc, index: int) -> bool:
    """Whether token ``index`` is joined by a hyphen, without spaces, to the next word."""
    return index + 2 < len(doc) and doc[index + 1].text == "-" and \
        joined(doc, index + 1) and joined(doc, index + 2)


def _elided(doc: Doc, typed: list[Candidate], end: int, located: set[int]
            ) -> Candidate | None:
    """The second of two names sharing their first words, written without them.

    "X Singapore Branch and Shenzhen Branch" names "X Shenzhen Branch" too. After a
    name come "and", a place and the name's own last word, ending the phrase; a place
    stands in the same position in the first name ("Singapore"): the words before it
    are the second name's too. ("Ngee Ann Polytechnic and Republic Polytechnic" are
    two names of their own.)
    """
    if not typed:
        return None
    first = max(typed, key=lambda c: c.end)
    last = doc[first.end - 1].text
    start = first.end + 1
    if first.end >= end or doc[first.end].text not in ("and", "&"):
        return None
    stop = next((i + 1 for i in range(start + 1, min(start + 3, end))
                 if doc[i].text == last), None)
    if stop is None or stop != end or not all(name_like(t) for t in doc[start:stop]):
        return None
    size = stop - start
    if start not in located or first.end - size not in located:
        return None
    words = doc[first.start : first.end]
    if len(words) <= size or [t.text for t in words[-size:]] == \
            [t.text for t in doc[start:stop]]:
        return None
    prefix = doc[first.start : first.end - size].text
    return Candidate(start, stop, first.label, "names", typed_by_head=True,
                     name=f"{prefix} {doc[start:stop].text}")


def _bodies_met(doc: Doc, typed: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """The body a meeting's name says it is a meeting of: "Meeting of the Nordic Council".

    The meeting keeps its whole name; the body in its "of" complement is a name too.
    """
    found = []
    for meeting in typed:
        if coarse_type(meeting.label) != "Meeting":
            continue
        core = core_end(doc, meeting.start, meeting.end)
        if core >= meeting.end or doc[core].text != "of":
            continue
        start = core + 2 if core + 1 < meeting.end and doc[core + 1].text == "the" else core + 1
        found += [c for c in _typed_parts(doc, start, meeting.end, lexicon)
                  if coarse_type(c.label) == "Organization" and c.start == start]
    return found


def _lowercase_head(doc: Doc, start: int, end: int, lexicon: Lexicon,
                    places: set[tuple[int, int]], lower: frozenset[str]) -> Candidate | None:
    """A capitalised name and the lower-case noun after it that says what it is.

    "OneService app", "Sungai Brunei Clean Up project", "Joint Implementation Committee
    meeting". A lone place or country before the noun ("a Singapore project") or a
    single common word is a description, not a name.
    """
    if end >= len(doc) or end <= start:
        return None
    head = doc[end]
    label = lexicon.lowercase_heads.get(head.text)
    if label is None or not head.text.islower() or (start, end) in places:
        return None
    words = doc[start:end]
    if len(words) == 1 and not (CAMEL.match(words[0].text) or
                                any(c.isdigit() for c in words[0].text)):
        return None
    if all(t.lower_ in lower for t in words if t.is_alpha):
        return None  # "a Government-to-Government dialogue": capitalised common words
    return Candidate(start, end + 1, label, "names", typed_by_head=True)


def _named_without_brackets(doc: Doc, candidate: Candidate) -> Candidate:
    """A name with an acronym in brackets inside it is named without the acronym."""
    name = without_brackets(doc, candidate.start, candidate.end)
    if name != doc[candidate.start : candidate.end].text:
        return replace(candidate, name=name)
    return candidate


# Days and months: a name's complement never starts with one.
_TIME_WORDS = frozenset([*calendar.day_name, *calendar.month_name[1:],
                         *calendar.month_abbr[1:], "Sept"])


def _post_follows(doc: Doc, index: int, lexicon: Lexicon) -> bool:
    """Whether a post's title (after modifiers) starts at ``index``: a new post."""
    while index < len(doc) and doc[index].text in lexicon.post_modifiers:
        index += 1
    return index < len(doc) and doc[index].text in lexicon.title_starts


def _phrase_end(doc: Doc, start: int, lexicon: Lexicon, persons: set[int],
                located: set[int] | frozenset[int] = frozenset()) -> int:
    """End of the capitalised phrase from ``start``: the longest stretch a name can take.

    It runs over capitalised words and numbers, "of"/"on"/"for"/"and" (with "the")
    between them, hyphenated words ("Singapore-Australia", "Info-communications"),
    possessives ("Prime Minister's Office", "Ministers' Meeting") and, inside a
    complement, comma lists ("Department of Environment, Parks and Recreation") and
    "in" before a field ("Memorandum of Understanding on Cooperation in Digital
    Government"), but not before a place or body (``located``: "... in Singapore").
    """
    index = start
    last = start
    complement = False
    while index < len(doc):
        token = doc[index]
        text = token.text
        if index > start and index in persons and doc[index - 1].text not in CONNECTORS \
                and (complement or head_label(doc, start, index, lexicon) is not None):
            # "Premier of the State Council of China Li Qiang": a name after a whole
            # one; but "Ng Teng Fong General Hospital" is named after a person.
            break
        if index > start and text in TITLE_CASE_GLUE and \
                not _inside_head(doc[index - 1].text, text, lexicon) and \
                not (index + 1 < len(doc) and doc[index + 1].text == "-" and
                     joined(doc, index + 1)):  # "Procurement On-Line"
            break  # a title-case heading: "Appointment Of Public Sector ... Committee"
        if name_like(token) or (token.like_num and index > start):
            index += 1
            last = index
        elif index == start and _hyphen_follows(doc, index):
            index += 1  # the first part of "i-MiEV" or "Five-Year", before its hyphen
        elif index > start and doc[index - 1].text == "-" and joined(doc, index) and \
                text.isalpha():
            index += 1  # "Info-communications", "Co-ordination"
            last = index
        elif text in CONNECTORS or text in ("and", "&") or (text == "under" and complement) \
                or (text == "in" and index == last and
                    not {index + 1, index + 2} & located and
                    (complement or _field_in_name(doc, start, index, lexicon, persons,
                                                  located))):
            if index + 1 < len(doc) and doc[index + 1].text in _TIME_WORDS:
                break  # "Parliament on Monday", "the Summit in May"
            if text in ("and", "&") and _post_follows(doc, index + 1, lexicon):
                break  # "Permanent Secretary of the Ministry of X and Chairman of Y"
            if index + 1 < len(doc) and (name_like(doc[index + 1]) or (
                    doc[index + 1].text == "the" and index + 2 < len(doc)
                    and name_like(doc[index + 2]))):
                complement = complement or text in CONNECTORS
                index += 2 if doc[index + 1].text == "the" else 1
            else:
                break
        elif joined(doc, index) and (
                (text == "-" and index + 1 < len(doc) and joined(doc, index + 1))
                or (text in ("'", "’") and doc[index - 1].text.endswith("s"))
                or (text in ("'s", "’s") and doc[index - 1].text in lexicon.possessors
                    and index + 1 < len(doc) and name_like(doc[index + 1]))):
            index += 1  # "Singapore-Australia", "Ministers' Meeting", "People's Republic"
        elif text == "," and complement and index == last and \
                list_continues(doc, index + 1, lexicon):
            index += 1
        elif index == last and index > start and bracketed_acronym(doc, index) and \
                index + 4 < len(doc) and doc[index + 3].text in CONNECTORS and \
                name_like(doc[index + 4]) and head_only(doc, start, index, lexicon):
            # "Memorandum of Understanding (MOU) on Digital Economy": a generic name
            # goes on after its acronym; "Ministry of ... (MDDI) of Singapore" does not.
            index += 3
        else:
            break
    return last


def _field_in_name(doc: Doc, start: int, index: int, lexicon: Lexicon, persons: set[int],
                   located: set[int] | frozenset[int]) -> bool:
    """Whether "in" at ``index`` joins a name's field to its head.

    "AI in Health Grand Challenge", "Women in Tech Awards", "Excellence in Public Service
    Award": one or two words before it that name no person, place or body, and after it
    capitalised words ending in a head noun; "Microsoft in Singapore" and "Mr Tan in
    Parliament" say where someone is.
    """
    if index - start > 2 or any(i in persons or i in located for i in range(start, index)):
        return False
    end = index + 1
    while end < len(doc) and end - index <= 5 and name_like(doc[end]):
        end += 1
    return end > index + 1 and head_label(doc, index + 1, end, lexicon) is not None


def _inside_head(previous: str, glue: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised small word goes on a head noun: "Memorandum Of Understanding"."""
    opening = f"{previous} {glue.lower()} "
    return previous in lexicon.head_starts and any(h.startswith(opening) for h in lexicon.heads)


def list_continues(doc: Doc, start: int, lexicon: Lexicon) -> bool:
    """After a comma in a complement: "Parks and Recreation" ends a list of remits.

    Items are one or two capitalised words that are no name of their own (no head noun
    such as "Ministry" or "Bank"); the list ends with "and" and a last item, after which
    the name ends.
    """
    index = start
    items = 0
    seen_and = index < len(doc) and doc[index].text in ("and", "&")  # an Oxford comma
    index += seen_and
    while index < len(doc) and items < 6:
        item_end = index
        while item_end < len(doc) and item_end - index < 3 and name_like(doc[item_end]) \
                and doc[item_end].text not in DETERMINERS:
            item_end += 1
        if item_end == index or item_end - index > 2 or \
                doc[index].text in lexicon.head_starts or \
                head_label(doc, index, item_end, lexicon) is not None:
            return False
        items += 1
        if seen_and:
            following = doc[item_end].text if item_end < len(doc) else ""
            return following not in CONNECTORS and following not in ("-", "'s", "’s")
        index = item_end
        if index < len(doc) and doc[index].text == ",":
            index += 1
        if index < len(doc) and doc[index].text in ("and", "&"):
            seen_and = True
            index += 1
        elif index >= len(doc) or not name_like(doc[index]):
            return False
    return False


def _typed_parts(doc: Doc, start: int, end: int, lexicon: Lexicon,
                 places: set[tuple[int, int]] | None = None,
                 countries: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()
                 ) -> list[Candidate]:
    """Find the typed name, if any, within the capitalised phrase ``[start, end)``.

    ``places`` are the gazetteer's places and countries, which are names of their own
    before an "and" ("Brazil and Working Visit" is no one name).
    """
    if end - start == 1:
        return _single_word(doc, start, lexicon)
    if doc[start].text in lexicon.degrees and doc[start + 1].text in ("of", "in"):
        return []  # "Master of Business Administration": a degree, not a body
    # "the Housing & Development Board and the ACI Regional Board": a name ending in a
    # head noun before "and the" ends there; the next is read on its own.
    # "the Smart Nation and Digital Government Office and Government Technology Agency":
    # a head right before the "and" and a name of two words or more with its own head
    # after it are two names too.
    cut = next((i for i in range(start + 1, end - 1) if doc[i].text in ("and", "&")
                and head_label(doc, start, i, lexicon) and (
                    doc[i + 1].text == "the" or (
                        _is_head(doc[i - 1].text, lexicon) and end - i > 2 and
                        head_label(doc, i + 1, core_end(doc, i + 1, end), lexicon)))),
               None)
    if cut is not None:
        end = cut
    # "Telecommunications and Information Technology Ministers Meeting": a head noun at
    # the end of the whole core covers the words joined by "and" before it.
    whole = core_end(doc, start, end)
    first_and = and_at(doc, start, whole)
    if first_and is not None and not any(t.text == "the" for t in doc[start:whole]) \
            and (start, first_and) not in (places or set()) \
            and remit(doc, start, first_and, whole, lexicon):
        label = head_label(doc, start, whole, lexicon)
        if label is not None:
            name_end = _with_complements(doc, whole, end, lexicon, label, countries)
            return [Candidate(start, name_end, label, "names", typed_by_head=True)]
    # Segments are separated by "of"/"on"/"for"/"and"; try each as the core of a name.
    bounds = [start] + [i + 1 for i in range(start, end) if doc[i].text in CONNECTORS
                        or doc[i].text in ("and", "&", "the")]
    for core_start in bounds:
        if core_start >= end or not (name_like(doc[core_start]) or (
                core_start == start and _compound_first(doc, start))):
            continue
        leading = lexicon.leading_heads.get(doc[core_start].text)
        segment = segment_end(doc, core_start, end)
        if leading and segment - core_start >= 2:
            return [Candidate(core_start, segment, leading, "names", typed_by_head=True)]
        label = head_label(doc, core_start, segment, lexicon)
        if label is None:
            segment, label = _of_head(doc, core_start, segment, end, lexicon)
        if label is None:
            continue
        name_end = _with_complements(doc, segment, end, lexicon, label, countries)
        if head_only(doc, core_start, name_end, lexicon):
            anaphor = core_start > 0 and doc[core_start - 1].text in ("the", "The")
            return [Candidate(core_start, segment, label, "names", anaphor=True,
                              typed_by_head=True)] if anaphor else []
        return [Candidate(core_start, name_end,
                          _trailing_head(doc, segment, name_end, lexicon) or label, "names",
                          typed_by_head=True)]
    return []


_TRAILING = frozenset({"Meeting", "Programme", "Project", "Law"})


def _trailing_head(doc: Doc, core: int, end: int, lexicon: Lexicon) -> str | None:
    """The class of an event or work named after a body, by the head ending its complement.

    "Association for the Advancement of AI Conference" is a conference, "Council for
    Estate Agencies Awards" a programme and "Monetary Authority of Singapore Act" a law: a
    head of an event, a programme or a law ending the name after "of"/"on"/"for" says
    what the whole is.
    """
    if end <= core:
        return None
    last = max((i + 1 for i in range(core, end) if doc[i].text in CONNECTORS
                or doc[i].text in ("and", "&", "the")), default=end)
    label = head_label(doc, last, end, lexicon) if end - last >= 2 else None
    # Only events and programmes: a field ends many bodies' names ("International Centre
    # for Dispute Resolution", "... for Data Standards").
    return label if label is not None and label in _TRAILING else None


def _of_head(doc: Doc, start: int, segment: int, end: int, lexicon: Lexicon
             ) -> tuple[int, str | None]:
    """A head noun with "of" inside it: "Letter of Intent", "Exchange of Visits".

    The segment before "of" is no head alone ("Letter"); with the word after "of" it is.
    Returns the segment's new end and the head's class (None when there is no such head).
    """
    if segment + 1 >= end or doc[segment].text != "of":
        return segment, None
    for size in (2, 1):
        if segment - size < start:
            continue
        phrase = " ".join([*(t.text for t in doc[segment - size : segment]), "of",
                           doc[segment + 1].text])
        label = lexicon.heads.get(phrase)
        if label is not None:
            return segment + 2, label
    return segment, None


def _honorific_starts(doc: Doc) -> set[int]:
    """Where the honorifics before the names found after them start.

    "Permanent Secretary of the Ministry of Digital Economy and Society Mr Pornchai ...":
    a name never runs over an honorific into a person's name.
    """
    starts = set()
    for candidate in cands.candidates(doc):
        if candidate.label != "Person" or not candidate.honorific:
            continue
        for start in range(candidate.start - 1, max(-1, candidate.start - 12), -1):
            if doc[start : candidate.start].text == candidate.honorific:
                starts.add(start)
                break
    return starts


def located_names(doc: Doc) -> set[int]:
    """Tokens where the name of a place or a body starts: what "in" may locate.

    The gazetteer's places, countries and bodies, and the model's places (its entities
    until the repair component rewrites them).
    """
    return {c.start for c in cands.candidates(doc) if c.source == "gazetteer" and
            coarse_type(c.label) in ("Country", "Place", "Organization")} | {
        e.start for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}


def and_at(doc: Doc, start: int, end: int) -> int | None:
    """The first "and" (or "&") in ``[start, end)``, if any."""
    return next((i for i in range(start, end) if doc[i].text in ("and", "&")), None)


def remit(doc: Doc, start: int, and_: int, end: int, lexicon: Lexicon) -> bool:
    """Whether ``[start, and_)`` is a remit the head at ``end`` covers, not a name.

    "ASEAN Telecommunications and Information Technology Ministers Meeting", "Signing
    Ceremony and Conference": the words before the "and" share the head after it. Two
    names instead: a head of its own before the "and" ("Polytechnics and Institutes of
    ...", "Restaurant Association of Singapore and ..."), or proper words on both sides
    ("SGTech and Singapore Computer Society", "Yellow Ribbon Singapore and Mediacorp").
    """
    left = [t for t in doc[start:and_] if t.is_alpha]
    if _is_head(doc[core_end(doc, start, and_) - 1].text, lexicon):
        # "Restaurant Association of ...": a name before the "and"; but "Signing Ceremony
        # and Conference" is one event with two heads of one kind.
        return head_only(doc, and_ + 1, end, lexicon) and \
            coarse_type(head_label(doc, start, and_, lexicon) or "") == \
            coarse_type(head_label(doc, and_ + 1, end, lexicon) or "-")
    right_proper = any(proper_word(t) and t.text not in lexicon.heads
                       for t in doc[and_ + 1 : end] if t.is_alpha)
    if left and all(proper_word(t) for t in left) and (
            right_proper or any(t.is_upper for t in left)):
        # "UOB and Standard Chartered Bank": a name before the "and". But "Infocomm and
        # Media Development Agency": one word of a field, shared by the head after it.
        return False
    return not (any(proper_word(t) for t in left) and right_proper)


# A web service named by its address: "Parking.sg", "Form.gov.kh".
_SERVICE = re.compile(r"^[A-Z][\w-]*(?:\.[a-z]{2,4})+$")


def _single_word(doc: Doc, index: int, lexicon: Lexicon) -> list[Candidate]:
    text = doc[index].text
    if _SERVICE.match(text):
        return [Candidate(index, index + 1, "Product", "names")]
    if CAMEL.match(text) and text not in lexicon.not_entities and \
            not re.fullmatch(r"[A-Z]{2,}s", text):  # "MOUs" is a plural, not a name
        kind = "Product" if text.endswith(lexicon.product_suffixes) else "Organization"
        # "ATxSummit", "InnovFest Forum"...: a head noun ending a camel-case word says
        # what it is.
        ending = next((label for head, label in lexicon.heads.items()
                       if " " not in head and len(head) >= 4 and head[0].isupper() and
                       text.endswith(head) and len(text) > len(head)), None)
        return [Candidate(index, index + 1, ending or kind, "names",
                          typed_by_head=ending is not None)]
    head = lexicon.heads.get(text)
    if head and index > 0 and doc[index - 1].text in ("the", "The"):
        return [Candidate(index, index + 1, head, "names", anaphor=True, typed_by_head=True)]
    return []


def segment_end(doc: Doc, start: int, end: int) -> int:
    """Where the segment from ``start`` ends: at "of"/"on"/"for", "and" or "the"."""
    index = start
    while index < end and doc[index].text not in CONNECTORS and \
            doc[index].text not in ("and", "&", "the"):
        index += 1
    return index


# Words before a plural that count what it names: "all CPF Service Centres".
_QUANTIFIERS = frozenset({"all", "many", "several", "some", "various", "other", "these",
                          "those", "both", "multiple", "numerous", "our", "their"})


def head_label(doc: Doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The class the head noun at the end of ``[start, end)`` gives, if any."""
    return _head(doc, start, end, lexicon)[0]


def _head(doc: Doc, start: int, end: int, lexicon: Lexicon) -> tuple[str | None, int]:
    words = [t.text for t in doc[start:end] if t.text not in ("'", "’")]
    while words and (words[-1].isdigit() or words[-1] == "-"):
        words.pop()  # "Masterplan 2025"
    for size in (4, 3, 2, 1):
        if len(words) >= size:
            phrase = " ".join(words[-size:])
            label = lexicon.heads.get(phrase)
            if label is None and phrase.endswith("s"):
                label = lexicon.heads.get(phrase[:-1])
                # A plural head ("Services", "Programmes") names one thing only with a
                # proper word before it ("TOUCH Community Services", "Amazon Web
                # Services"); of common words alone it names a kind ("Social Media
                # Services", "Industry Transformation Programmes"). Plurals that name
                # one thing ("Talks", "Standards") are heads of their own.
                # After a number or a word of quantity, a plural counts things of a kind
                # whatever its words: "100 Merdeka Generation Digital Clinics", "all CPF
                # Service Centres".
                head_words = set(words[-size:])
                counted = start > 0 and (doc[start - 1].like_num or
                                         doc[start - 1].lower_ in _QUANTIFIERS)
                if label is not None and (not any(proper_word(t) for t in doc[start:end]
                                                  if t.text not in head_words) or counted):
                    label = None
            if label:
                return label, size
    return None, 0


def _with_complements(doc: Doc, core: int, end: int, lexicon: Lexicon, label: str,
                      countries: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()
                      ) -> int:
    """Extend a name over "of/on/for X" complements (and "X and Y" inside them).

    "and the" starts another name ("the Government of Singapore and the Government of
    ..."), so the complement stops before it. "under" goes on only in the name of a
    work ("Memorandum of Understanding for Collaboration under Article 6 of the Paris
    Agreement"); a body "under" another is part of it, not named after it.
    """
    if core >= end or doc[core].text not in CONNECTORS:
        return core
    if doc[core].text in ("for", "on") and coarse_type(label) == "Organization" and \
            head_label(doc, core + 1, segment_end(doc, core + 1, end), lexicon) == "Place":
        # "Member of Parliament for Choa Chu Kang GRC": a seat, not a name; "the
        # National Library on Stamford Road": where the body is.
        return core
    for index in range(core, end - 1):
        # A head word that ends the phrase is a remit's last word ("Ministry of Digital
        # Economy and Society"); one that goes on opens a second name ("... and
        # Ministry of Health").
        if doc[index].text in ("and", "&") and (doc[index + 1].text == "the" or (
                doc[index + 1].text in lexicon.head_starts and index + 2 < end)):
            return index
        if doc[index].text in ("and", "&") and (index + 1, end) in countries and \
                index > core + 1:
            return index  # "... for Science, Innovation and Technology and Singapore"
        if doc[index].text in ("and", "&"):
            after = segment_end(doc, index + 1, end)
            if after - index > 2 and head_label(doc, index + 1, after, lexicon) is not None:
                return index  # "... of Singapore and Blossom World Society": a second name
        if doc[index].text == "under" and coarse_type(label) != "Work":
            return index
    return end


def core_end(doc: Doc, start: int, end: int) -> int:
    """Where a name's "of"/"on"/"for" complement starts (``end`` if it has none)."""
    return next((i for i in range(start + 1, end) if doc[i].text in CONNECTORS), end)


def head_only(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether ``[start, end)`` is nothing but a head noun: a description, not a name.

    "Treaty", "Working Groups", "Memorandum of Understanding".
    """
    return _is_head(" ".join(t.text for t in doc[start:end] if t.text not in DETERMINERS),
                    lexicon)


def _is_head(words: str, lexicon: Lexicon) -> bool:
    """Whether ``words`` are a head noun, or its plural ("Treaty", "Working Groups")."""
    return words in lexicon.heads or (words.endswith("s") and words[:-1] in lexicon.heads)


class Names:
    """Capitalised names typed by their head noun ("... Authority", "Project ...")."""

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = lexicon_setting(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        persons = set(doc.user_data.get(cands.PERSON_STARTS, ())) | {
            c.start for c in cands.candidates(doc) if c.label == "Person"} | \
            _honorific_starts(doc)
        places = {(c.start, c.end) for c in cands.candidates(doc)
                  if c.source == "gazetteer" and coarse_type(c.label) in ("Country", "Place")}
        # Countries and bodies the gazetteer knows end a complement after "and": "the
        # Ministry of Education and GovTech" is two bodies.
        countries = {(c.start, c.end) for c in cands.candidates(doc)
                     if c.source == "gazetteer" and coarse_type(c.label) in ("Country",
                                                                            "Organization")}
        cands.add(doc, find_names(doc, self.lexicon, persons, places, located_names(doc),
                                  countries))
        return doc
