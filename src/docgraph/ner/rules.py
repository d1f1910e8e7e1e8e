"""The recogniser's rules: functions from a parsed ``Doc`` to entity candidates.

Each function reads tokens and the lexicon and returns
:class:`~docgraph.ner.candidates.Candidate` records; the spaCy components in
:mod:`docgraph.ner.components` only call them. The rules are about the language of the
pages (honorifics before names, "Minister for X", "the 4th X Meeting", a name ending in
"Authority", "Long Form (ACR)"), never about particular documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from docgraph.names import looks_like_acronym, normalise_name
from docgraph.ner.acronyms import long_form_start
from docgraph.ner.candidates import Candidate
from docgraph.ner.lexicon import GazetteerEntry, Lexicon

_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)
_CAMEL = re.compile(r"^(?:[A-Z]?[a-z]+[A-Z]|[A-Z]{2,}[a-z]+[A-Z]?)[A-Za-z0-9]*$")
_SERIES_NUMBER = re.compile(r"^([A-Z][A-Za-z-]*[A-Za-z])(\d{1,3})$")
_CONNECTORS = frozenset({"of", "on", "for"})
_DETERMINERS = frozenset({"the", "The", "a", "A", "an", "An", "this", "This", "its", "Its",
                          "our", "Our", "their", "Their", "these", "These"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
_MEETING_WORDS = frozenset({"meeting", "summit", "session", "conference", "dialogue",
                            "forum", "retreat", "roundtable", "workshop"})


class Phrases:
    """Multi-token phrases, matched token by token at a position of a doc."""

    def __init__(self, nlp: Language, phrases: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            tokens = tuple(t.text for t in nlp.make_doc(phrase))
            if tokens:
                self._by_first.setdefault(tokens[0], []).append(tokens)
        for options in self._by_first.values():
            options.sort(key=len, reverse=True)

    def match(self, doc: Doc, start: int) -> int:
        """Length in tokens of the longest phrase starting at ``start`` (0 for none)."""
        options = self._by_first.get(doc[start].text)
        if not options:
            return 0
        for tokens in options:
            end = start + len(tokens)
            if end <= len(doc) and all(doc[start + k].text == tokens[k]
                                       for k in range(1, len(tokens))):
                return len(tokens)
        return 0


def name_like(token: Token) -> bool:
    """A token that can be part of a proper name: capitalised, camel case, an acronym."""
    text = token.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _joined(doc: Doc, index: int) -> bool:
    """Whether token ``index`` follows the previous one without a space."""
    return index > 0 and not doc[index - 1].whitespace_


# Gazetteer ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GazetteerIndex:
    """Gazetteer entries by surface form, and meeting series by name and acronym."""

    entries: tuple[GazetteerEntry, ...]
    by_form: dict[str, GazetteerEntry]

    @classmethod
    def build(cls, entries: Sequence[GazetteerEntry]) -> GazetteerIndex:
        """Index entries by every surface form, with both kinds of apostrophe."""
        by_form: dict[str, GazetteerEntry] = {}
        for entry in entries:
            for form in (entry.name, *entry.aliases):
                for variant in _apostrophe_variants(form):
                    by_form.setdefault(variant, entry)
        return cls(tuple(entries), by_form)

    def forms(self) -> list[str]:
        """Every surface form, apostrophe variants included."""
        return list(self.by_form)

    def series(self, form: str) -> GazetteerEntry | None:
        """The meeting series called ``form``, if any."""
        entry = self.by_form.get(form)
        return entry if entry is not None and entry.label == "MeetingSeries" else None


def _apostrophe_variants(form: str) -> set[str]:
    return {form, form.replace("'", "\u2019"), form.replace("\u2019", "'")}


# People ---------------------------------------------------------------------------------


def find_people(doc: Doc, lexicon: Lexicon, honorifics: Phrases, titles: Phrases,
                blocked: set[int]) -> list[Candidate]:
    """Names after an honorific or a title: "Mrs. Josephine Teo", "Minister Teo".

    The honorific is kept as an attribute, not as part of the name; a suffix such as
    "SC" stays in the mention but not in the name. Names that a gazetteer already
    claims ("Minister Singapore") are not people.
    """
    found = []
    non_names = _non_name_words(lexicon)
    index = 0
    while index < len(doc):
        size = honorifics.match(doc, index) or titles.match(doc, index)
        if not size:
            index += 1
            continue
        first = index
        while size:  # chains such as "H.E. Mr", "Datuk Dr"
            index += size
            size = honorifics.match(doc, index) if index < len(doc) else 0
        start = index
        end = _name_end(doc, start, lexicon, non_names)
        if end > start and not any(i in blocked for i in range(start, end)) \
                and doc[start].text[:1].isupper() and \
                (not doc[start].is_upper or len(doc[start].text) == 1):
            stop = end
            if end < len(doc) and doc[end].text in lexicon.name_suffixes:
                stop = end + 1
            found.append(Candidate(start, stop, "Person", "people",
                                   name=doc[start:end].text,
                                   honorific=doc[first:start].text))
            index = stop
        else:
            index = max(index, first + 1)
    return found


def _name_end(doc: Doc, start: int, lexicon: Lexicon, non_names: frozenset[str]) -> int:
    index = start
    while index < len(doc) and index - start < 6:
        token = doc[index]
        if (token.text in non_names and index == start) or \
                (token.text in lexicon.name_suffixes and index > start):
            break
        if name_like(token) and token.text not in non_names and (
                not token.is_upper or len(token.text) <= 2 or _CAMEL.match(token.text)):
            index += 1
            if index < len(doc) and doc[index].text in _POSSESSIVE:
                break
            continue
        if token.text in lexicon.name_particles and index > start and \
                index + 1 < len(doc) and name_like(doc[index + 1]):
            index += 1
            continue
        if token.text == "/" and index > start and len(doc[index - 1].text) == 1 and \
                index + 1 < len(doc) and len(doc[index + 1].text) == 1 and \
                _joined(doc, index) and _joined(doc, index + 1):
            index += 2  # "Ching Thoo A/L Kim"
            continue
        if token.text == "-" and index > start and _joined(doc, index) and \
                index + 1 < len(doc) and _joined(doc, index + 1) and name_like(doc[index + 1]):
            index += 1
            continue
        break
    return index


def _non_name_words(lexicon: Lexicon) -> frozenset[str]:
    """Words that end a name: titles and one-word honorifics.

    The first word of a longer honorific is not one of them: "Tan" of "Tan Sri" is
    also a surname.
    """
    words = set(lexicon.post_modifiers)
    for phrase in (*lexicon.post_titles, *lexicon.titles):
        words.add(phrase.split()[0])
    words.update(h for h in lexicon.honorifics if " " not in h)
    return frozenset(words | {"The", "For", "Of", "And"})


# Posts ------------------------------------------------------------------------------------


def find_posts(doc: Doc, lexicon: Lexicon, titles: Phrases, honorifics: Phrases
               ) -> list[Candidate]:
    """Offices: "Minister for Trade and Industry", "Deputy Prime Minister".

    A post is a title (after modifiers such as "Senior", "Deputy") with an "of"/"for"
    complement, or a title that is a post on its own. The complement runs over
    capitalised words, "and" and lists ("Trade, Tourism and Investment"), and stops
    before a name, a new post or lower-case text.
    """
    found = []
    index = 0
    while index < len(doc):
        start = index
        # Modifiers come before a title, but some titles start with one ("Chief
        # Executive"), so a title is tried first at every step.
        while index < len(doc) and not titles.match(doc, index) and \
                doc[index].text in lexicon.post_modifiers:
            index += 1
            if index < len(doc) and doc[index].text == "-" and _joined(doc, index):
                index += 1
        size = titles.match(doc, index) if index < len(doc) else 0
        if not size:
            index = start + 1
            continue
        end = index + size
        complement_end = _complement(doc, end, titles, honorifics, lexicon)
        core = doc[start:end].text
        if complement_end > end:
            end = complement_end
        elif core not in lexicon.standalone_posts:
            index = end
            continue
        found.append(Candidate(start, end, "Post", "posts"))
        index = end
    return found


def _complement(doc: Doc, start: int, titles: Phrases, honorifics: Phrases,
                lexicon: Lexicon) -> int:
    """End of an "of X"/"for X" complement (or a "(Law and Health)" remit) at ``start``."""
    if start >= len(doc):
        return start
    if doc[start].text == "(":
        close = next((i for i in range(start + 1, min(len(doc), start + 8))
                      if doc[i].text == ")"), None)
        if close and all(name_like(t) or t.lower_ in ("and", "&", ",")
                         for t in doc[start + 1 : close]):
            return _complement(doc, close + 1, titles, honorifics, lexicon) \
                if close + 1 < len(doc) and doc[close + 1].text in _CONNECTORS else close + 1
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
        if name_like(token) and not honorifics.match(doc, index) and (
                index == last or not titles.match(doc, index) or last == start):
            index += 1
            last = index
        elif text in ("and", "&") and last == index and index + 1 < len(doc) and \
                name_like(doc[index + 1]) and not titles.match(doc, index + 1) and \
                doc[index + 1].text not in lexicon.post_modifiers and \
                not honorifics.match(doc, index + 1):
            index += 1
        elif text in ("of", "for", "on") and last == index and index + 1 < len(doc) and \
                (name_like(doc[index + 1]) or doc[index + 1].text == "the"):
            index += 2 if doc[index + 1].text == "the" else 1
        elif last == index and ((text == "-" and _joined(doc, index)) or (
                text == "," and _list_continues(doc, index + 1, honorifics))):
            index += 1
        else:
            break
    return last if last > start else start


def _list_continues(doc: Doc, start: int, honorifics: Phrases) -> bool:
    """After a comma: "Tourism and Investment" continues a list; "Mr Gan" does not."""
    index = start
    seen_and = False
    while index < len(doc) and index - start < 8:
        token = doc[index]
        if honorifics.match(doc, index):
            return False
        if token.text in ("and", "&"):
            seen_and = True
        elif not name_like(token):
            return False
        elif seen_and:
            return True
        index += 1
    return False


# Meetings -------------------------------------------------------------------------------


def find_meetings(doc: Doc, lexicon: Lexicon, gazetteer: GazetteerIndex,
                  series_phrases: Phrases) -> list[Candidate]:
    """Meetings with a number.

    "4th ASEAN Digital Ministers Meeting", "5th ADGMIN", "ADGMIN5", "the inaugural
    taskforce meeting".

    Each is linked to its series (a gazetteer series, an acronym, or the name after
    the ordinal) with its number in the series.
    """
    found = []
    for index, token in enumerate(doc):
        series_number = _SERIES_NUMBER.match(token.text)
        if series_number:
            entry = gazetteer.series(series_number.group(1))
            if entry is not None:
                found.append(Candidate(index, index + 1, "Meeting", "meetings",
                                       series=entry.iri, series_name=entry.name,
                                       ordinal=int(series_number.group(2))))
            continue
        number = _ordinal(token, lexicon)
        if number is None or index + 1 >= len(doc):
            continue
        after = index + 1
        size = series_phrases.match(doc, after)
        if size:
            entry = gazetteer.series(doc[after : after + size].text)
            if entry is not None:
                found.append(Candidate(index, after + size, "Meeting", "meetings",
                                       series=entry.iri, series_name=entry.name,
                                       ordinal=number))
                continue
        nxt = doc[after]
        if looks_like_acronym(nxt.text) and not (after + 1 < len(doc)
                                                  and name_like(doc[after + 1])):
            found.append(Candidate(index, after + 1, "Meeting", "meetings",
                                   series=f"acronym:{nxt.text}", series_name=nxt.text,
                                   ordinal=number))
            continue
        end = _meeting_name_end(doc, after, lexicon)
        if end:
            name = doc[after:end].text
            found.append(Candidate(index, end, "Meeting", "meetings",
                                   series=f"name:{normalise_name(name)}", series_name=name,
                                   ordinal=number))
            continue
        if not token.text[0].isdigit():  # "the inaugural taskforce meeting"
            for width in (2, 3, 4):
                end = after + width - 1
                if end < len(doc) and doc[end].lower_ in _MEETING_WORDS and \
                        all(t.is_alpha for t in doc[after : end + 1]):
                    found.append(Candidate(index, end + 1, "Meeting", "meetings",
                                           ordinal=number))
                    break
    return found


def _ordinal(token: Token, lexicon: Lexicon) -> int | None:
    match = _ORDINAL.match(token.text)
    if match:
        return int(match.group(1))
    return lexicon.ordinals.get(token.text)


def _meeting_name_end(doc: Doc, start: int, lexicon: Lexicon) -> int | None:
    """End of a capitalised name from ``start`` whose head is a meeting word."""
    index = start
    while index < len(doc) and index - start < 15:
        token = doc[index]
        if name_like(token) or token.like_num:
            index += 1
            for size in (3, 2, 1):
                head = " ".join(t.text for t in doc[max(start, index - size) : index])
                if lexicon.heads.get(head) == "Meeting":
                    return index
        elif token.text in ("of", "on", "for", "and", "&", "the", "-") or \
                token.text in _POSSESSIVE:
            index += 1
        else:
            return None
    return None


# Names typed by their head noun --------------------------------------------------------


def find_names(doc: Doc, lexicon: Lexicon) -> list[Candidate]:
    """Capitalised names that say what they are: "... Authority", "Project ...".

    A name is split at "of"/"on"/"for"; the first part whose last words are a head noun
    in the lexicon gives the class, and the complements after it belong to the name
    ("Ministry of Trade and Industry", "ASEAN Guide on AI Governance and Ethics").
    One-word camel-case names (GovTech, PhoGPT) are organisations or, by their ending,
    products. A bare head after "the" ("the Working Group") is kept as an anaphor for
    the resolver to attach to the one name in the document with that head, if any.
    """
    found = []
    index = 0
    while index < len(doc):
        token = doc[index]
        # Capitalised function words start sentences and headings, not names ("About",
        # "Under", "The").
        if not name_like(token) or token.text in _DETERMINERS or token.is_stop or \
                token.pos_ in ("ADP", "DET", "VERB", "AUX", "ADV", "PRON", "SCONJ", "CCONJ"):
            index += 1
            continue
        end = _phrase_end(doc, index)
        typed = _typed_parts(doc, index, end, lexicon)
        if not typed and end - index > 1:  # "VinAI and ThaiLLM"
            typed = [c for i in range(index, end) for c in _single_word(doc, i, lexicon)
                     if not c.anaphor]
        found.extend(typed)
        index = max(end, index + 1)
    return found


def _phrase_end(doc: Doc, start: int) -> int:
    index = start
    last = start
    while index < len(doc):
        token = doc[index]
        text = token.text
        if name_like(token) or (token.like_num and index > start):
            index += 1
            last = index
        elif text in _CONNECTORS or text in ("and", "&"):
            if index + 1 < len(doc) and (name_like(doc[index + 1]) or (
                    doc[index + 1].text == "the" and index + 2 < len(doc)
                    and name_like(doc[index + 2]))):
                index += 2 if doc[index + 1].text == "the" else 1
            else:
                break
        elif _joined(doc, index) and (
                (text == "-" and index + 1 < len(doc) and _joined(doc, index + 1))
                or (text in ("'", "’") and doc[index - 1].text.endswith("s"))):
            index += 1  # "Singapore-Australia", "Ministers' Meeting"
        else:
            break
    return last


def _typed_parts(doc: Doc, start: int, end: int, lexicon: Lexicon) -> list[Candidate]:
    """Find the typed name, if any, within the capitalised phrase ``[start, end)``."""
    if end - start == 1:
        return _single_word(doc, start, lexicon)
    # "Telecommunications and Information Technology Ministers Meeting": a head noun at
    # the end of the whole core covers the words joined by "and" before it.
    core_end = _core_end(doc, start, end)
    first_and = next((i for i in range(start, core_end) if doc[i].text in ("and", "&")), None)
    if first_and is not None and not any(t.text == "the" for t in doc[start:core_end]) \
            and _head_label(doc, start, first_and, lexicon) is None:
        label = _head_label(doc, start, core_end, lexicon)
        if label is not None:
            name_end = _with_complements(doc, core_end, end, lexicon)
            return [Candidate(start, name_end, label, "names", typed_by_head=True)]
    # Segments are separated by "of"/"on"/"for"/"and"; try each as the core of a name.
    bounds = [start] + [i + 1 for i in range(start, end) if doc[i].text in _CONNECTORS
                        or doc[i].text in ("and", "&", "the")]
    for core_start in bounds:
        if core_start >= end or not name_like(doc[core_start]):
            continue
        leading = lexicon.leading_heads.get(doc[core_start].text)
        core_end = _segment_end(doc, core_start, end)
        if leading and core_end - core_start >= 2:
            return [Candidate(core_start, core_end, leading, "names", typed_by_head=True)]
        label = _head_label(doc, core_start, core_end, lexicon)
        if label is None:
            continue
        name_end = _with_complements(doc, core_end, end, lexicon)
        if head_only(doc, core_start, name_end, lexicon):
            anaphor = core_start > 0 and doc[core_start - 1].text in ("the", "The")
            return [Candidate(core_start, core_end, label, "names", anaphor=True,
                              typed_by_head=True)] if anaphor else []
        return [Candidate(core_start, name_end, label, "names", typed_by_head=True)]
    return []


def _single_word(doc: Doc, index: int, lexicon: Lexicon) -> list[Candidate]:
    text = doc[index].text
    if _CAMEL.match(text) and text not in lexicon.not_entities and \
            not re.fullmatch(r"[A-Z]{2,}s", text):  # "MOUs" is a plural, not a name
        kind = "Product" if text.endswith(lexicon.product_suffixes) else "Organization"
        return [Candidate(index, index + 1, kind, "names")]
    head = lexicon.heads.get(text)
    if head and index > 0 and doc[index - 1].text in ("the", "The"):
        return [Candidate(index, index + 1, head, "names", anaphor=True, typed_by_head=True)]
    return []


def _segment_end(doc: Doc, start: int, end: int) -> int:
    index = start
    while index < end and doc[index].text not in _CONNECTORS and \
            doc[index].text not in ("and", "&", "the"):
        index += 1
    return index


def _head_label(doc: Doc, start: int, end: int, lexicon: Lexicon) -> str | None:
    return _head(doc, start, end, lexicon)[0]


def _head(doc: Doc, start: int, end: int, lexicon: Lexicon) -> tuple[str | None, int]:
    words = [t.text for t in doc[start:end] if t.text not in ("'", "’")]
    while words and (words[-1].isdigit() or words[-1] == "-"):
        words.pop()  # "Masterplan 2025"
    for size in (4, 3, 2, 1):
        if len(words) >= size:
            phrase = " ".join(words[-size:])
            label = lexicon.heads.get(phrase) or (
                lexicon.heads.get(phrase[:-1]) if phrase.endswith("s") else None)
            if label:
                return label, size
    return None, 0


def _with_complements(doc: Doc, core_end: int, end: int, lexicon: Lexicon) -> int:
    """Extend a name over "of/on/for X" complements (and "X and Y" inside them).

    "and the" starts another name ("the Government of Singapore and the Government of
    ..."), so the complement stops before it.
    """
    if core_end >= end or doc[core_end].text not in _CONNECTORS:
        return core_end
    for index in range(core_end, end - 1):
        if doc[index].text in ("and", "&") and (doc[index + 1].text == "the" or
                                                doc[index + 1].text in lexicon.head_starts):
            return index
    return end


# Acronyms -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Definition:
    """What an acronym stands for in a document."""

    acronym: str
    label: str
    key: str
    long_form: str


def find_definitions(doc: Doc, found: list[Candidate], lexicon: Lexicon
                     ) -> tuple[list[Candidate], list[Definition]]:
    """"Long Form (ACR)" and "ACR (Long Form)" definitions.

    The long form is found by Schwartz–Hearst alignment, or, for acronyms in another
    language ("Ministry of Communications and Multimedia Malaysia (KKMM)"), is the name
    that ends right before the parenthesis. The long form's class comes from the
    candidate covering it or its head noun.

    Returns:
        New candidates for long forms nobody had proposed, and the definitions.
    """
    new: list[Candidate] = []
    definitions: list[Definition] = []
    for index, token in enumerate(doc):
        if token.text != "(":
            continue
        inner = index + 1
        if inner < len(doc) and doc[inner].text in _QUOTES:
            inner += 1
        close = inner + 1
        if close < len(doc) and doc[close].text in _QUOTES:
            close += 1
        if close >= len(doc) or doc[close].text != ")":
            continue
        acronym = doc[inner].text
        if not looks_like_acronym(acronym):
            continue
        end = index - 1 if index > 0 and doc[index - 1].text in _QUOTES else index
        defined = _long_form(doc, end, acronym, found, lexicon)
        if defined is None:
            continue
        long_start, label, key, made = defined
        long_form = doc[long_start:end].text
        if made:
            new.append(Candidate(long_start, end, label, "acronym-definition", key=key,
                                 typed_by_head=True))
        # An acronym the gazetteer knows keeps the gazetteer's identity and class.
        known = next((c for c in found if c.source == "gazetteer" and c.start == inner
                      and c.end == inner + 1), None)
        if known is not None and known.key:
            key, label = known.key, known.label
        definitions.append(Definition(acronym, label, key, long_form))
    return new, definitions


def _long_form(doc: Doc, paren: int, acronym: str, found: list[Candidate],
               lexicon: Lexicon) -> tuple[int, str, str, bool] | None:
    sentence_start = doc[paren].sent.start if doc.has_annotation("SENT_START") else 0
    window_start = max(sentence_start, paren - 2 * len(acronym) - 5)
    words = [t.text for t in doc[window_start:paren]]
    stripped = acronym.rstrip("0123456789")
    offset = long_form_start(acronym, words)
    if offset is None and stripped != acronym:
        offset = long_form_start(stripped, words)
    # People and posts do not get acronyms; the name inside a post may ("Secretary-General
    # of the Ministry of Communications and Multimedia Malaysia (KKMM)").
    ending_here = [c for c in found if c.end == paren and c.label not in ("Person", "Post")]
    if offset is None:
        # No letter-by-letter match: take a name that ends at the parenthesis.
        named = max(ending_here, key=lambda c: (c.end - c.start, c.priority), default=None)
        if named is None:
            return None
        return named.start, named.label, named.key or normalise_name(
            doc[named.start:paren].text), False
    start = window_start + offset
    while start < paren and doc[start].text in _DETERMINERS:
        start += 1
    if start >= paren:
        return None
    covering = [c for c in ending_here if c.start <= start + 1]
    if covering:
        best = max(covering, key=lambda c: (c.priority, c.end - c.start))
        if best.ordinal is not None and best.series and best.start < start and \
                stripped == acronym:
            # "4th ASEAN Digital Ministers Meeting (ADGMIN)": the acronym names the series.
            return start, "MeetingSeries", best.series, False
        key = best.key or (f"meeting:{best.series}:{best.ordinal}" if best.ordinal
                           else normalise_name(doc[best.start:paren].text))
        return best.start, best.label, key, False
    label = _head_label(doc, start, _segment_end(doc, start, paren), lexicon) or \
        _head_label(doc, start, paren, lexicon)
    if label is None:
        return None
    return start, label, normalise_name(doc[start:paren].text), True


def acronym_uses(doc: Doc, definitions: Iterable[Definition]) -> list[Candidate]:
    """Every occurrence of a defined acronym, as a mention of its long form's entity."""
    by_text = {d.acronym: d for d in definitions}
    return [Candidate(i, i + 1, by_text[t.text].label, "acronym", key=by_text[t.text].key,
                      acronym_of=by_text[t.text].long_form)
            for i, t in enumerate(doc) if t.text in by_text]


# The statistical model's entities -------------------------------------------------------

MODEL_LABELS = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place",
                "FAC": "Place", "EVENT": "Meeting", "WORK_OF_ART": "Work", "LAW": "Law"}
# The small model's PRODUCT label is mostly noise on these pages; products are found by
# the gazetteer and by camel-case and "X by Y" rules instead.


def model_candidates(doc: Doc, ents: Iterable[Span], lexicon: Lexicon) -> list[Candidate]:
    """The statistical model's entities, trimmed and mapped onto docgraph's classes.

    Leading determiners, possessives and text after a bracket or comma are cut off;
    "X's Y" keeps Y; labels without a class here (dates, numbers, nationalities) and
    names in the lexicon's ``not_entities`` are dropped.
    """
    found = []
    for ent in ents:
        label = MODEL_LABELS.get(ent.label_)
        if label is None:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if label == "Person":  # "Datuk Dr Ching Thoo": the honorifics are not the name
            while start < end and doc[start].text in lexicon.honorific_words:
                start += 1
        if start >= end:
            continue
        text = doc[start:end].text
        if label == "Person" and any(t.is_upper and len(t.text) > 1 and t.text not in
                                     lexicon.name_suffixes for t in doc[start:end]):
            label = "Organization"  # "Generative AI", "U Thant Sin Maung" as ORG...
        typed = False
        core_end = _core_end(doc, start, end)
        if label in ("Organization", "Place", "Work", "Law"):
            head = _head_label(doc, start, core_end, lexicon)
            if head is not None and label != "Place":
                label, typed = head, True
            elif core_end < end or any(t.text == "and" for t in doc[start:end]):
                # "Enforcement of Money Judgments", "Dialogue and Development Partners":
                # a complement or coordination without a head noun is a description.
                continue
        if text in lexicon.not_entities:
            continue
        found.append(Candidate(start, end, label, "model", typed_by_head=typed,
                               anaphor=typed and head_only(doc, start, end, lexicon)))
    return found


def _core_end(doc: Doc, start: int, end: int) -> int:
    """Where a name's "of"/"on"/"for" complement starts (``end`` if it has none)."""
    return next((i for i in range(start + 1, end) if doc[i].text in _CONNECTORS), end)


def head_only(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether ``[start, end)`` is nothing but a head noun: a description, not a name.

    "Treaty", "Working Groups", "Memorandum of Understanding".
    """
    words = " ".join(t.text for t in doc[start:end] if t.text not in _DETERMINERS)
    return words in lexicon.heads or (words.endswith("s") and words[:-1] in lexicon.heads)


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    for index in range(start, end):  # "IMDA's MGF-Gen AI" -> "MGF-Gen AI"
        if doc[index].text in ("'s", "’s") and index + 1 < end:
            start = index + 1
    for index in range(start, end):
        if doc[index].text in ("(", ")", ",", ";", ":") or "\n" in doc[index].text:
            end = index
            break
    while start < end and (doc[start].text in _DETERMINERS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def keep(doc: Doc, candidate: Candidate, lexicon: Lexicon) -> bool:
    """Whether a candidate can name an entity at all (not a technology, role, number)."""
    text = doc[candidate.start : candidate.end].text
    if text in lexicon.not_entities or not any(c.isalpha() for c in text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or _CAMEL.match(text)) and \
            candidate.label != "Meeting":
        return False
    return not (candidate.label == "Person" and candidate.source == "model"
                and len(text) < 2)
