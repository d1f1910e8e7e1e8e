"""The acronyms component: "Long Form (ACR)" definitions and every later use of ACR.

The long form is found by Schwartz & Hearst's alignment (PSB 2003): the acronym's
characters are found from the last to the first in the words before the parenthesis, the
first one starting a word. It accepts "Working Group on AI Governance" for "WG-AI" and
"UK-Singapore Digital Economy Agreement" for "UKSDEA", and rejects long forms that only
share letters by chance. :func:`long_form_start` is pure, with no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from docgraph.lexicon import Lexicon, lexicon_setting
from docgraph.names import looks_like_acronym, normalise_name
from docgraph.ner import candidates as cands
from docgraph.ner.candidates import Candidate
from docgraph.ner.heads import head_label, head_only, segment_end
from docgraph.ner.model import model_candidates_of
from docgraph.ner.tokens import DETERMINERS, QUOTES, bracketed_acronym, proper_word, words
from docgraph.vocab import coarse_type


def long_form_start(acronym: str, words: list[str]) -> int | None:
    """Find where the long form of ``acronym`` starts among ``words``.

    ``words`` are the words just before the acronym's parenthesis, in order; the long
    form always ends with the last of them.

    Args:
        acronym: The short form, such as ``"WG-AI"``.
        words: Candidate words, nearest last.

    Returns:
        The index in ``words`` where the long form starts, or None if the acronym does
        not abbreviate them.

    Example:
        >>> long_form_start("ITU", ["the", "International", "Telecommunication", "Union"])
        1
    """
    letters = [c.lower() for c in acronym if c.isalnum()]
    if len(letters) < 2 or not words:
        return None
    text = " ".join(words)
    offsets = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    starts = _word_starts(words)
    position = len(text) - 1
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index]
        while position >= 0:
            here = text[position].lower()
            at_word_start = position in starts
            if here == char and (index > 0 or at_word_start):
                break
            position -= 1
        if position < 0:
            return None
        position -= 1
    start_char = position + 1
    word = max(i for i, offset in enumerate(offsets) if offset <= start_char)
    # A long form much longer than its acronym is a chance match.
    if len(words) - word > max(len(letters) + 5, 2 * len(letters)):
        return None
    return word


def _word_starts(words: list[str]) -> set[int]:
    starts = set()
    offset = 0
    for word in words:
        starts.add(offset)
        # Inside a hyphenated or camel-case word, each part starts a word too.
        for match in re.finditer(r"(?<=[-/])\w|(?<=[a-z])[A-Z]", word):
            starts.add(offset + match.start())
        offset += len(word) + 1
    return starts


@dataclass(frozen=True, slots=True)
class Definition:
    """What an acronym stands for in a document."""

    acronym: str
    label: str
    key: str
    long_form: str


class _ByPosition:
    """Candidates by where they start and end, for lookups at each parenthesis."""

    def __init__(self, found: list[Candidate]) -> None:
        self.starting: dict[int, list[Candidate]] = {}
        self.ending: dict[int, list[Candidate]] = {}
        for candidate in found:
            self.starting.setdefault(candidate.start, []).append(candidate)
            self.ending.setdefault(candidate.end, []).append(candidate)


def find_definitions(doc: Doc, found: list[Candidate], lexicon: Lexicon
                     ) -> tuple[list[Candidate], list[Definition], set[str]]:
    """"Long Form (ACR)" and "ACR (Long Form)" definitions.

    The long form is found by Schwartz–Hearst alignment, or, for acronyms in another
    language ("Ministry of Communications and Multimedia Malaysia (KKMM)"), is the name
    that ends right before the parenthesis. The long form's class comes from the
    candidate covering it or its head noun.

    Returns:
        New candidates for long forms nobody had proposed, the definitions, and the
        acronyms defined by lower-case words (terms such as "facial recognition
        technology (FRT)", which name nothing).
    """
    new: list[Candidate] = []
    definitions: list[Definition] = []
    terms: set[str] = set()
    positions = _ByPosition(found)
    # Where a bracket follows a post's title, inside the post or at its end.
    titled = {i for c in found if c.label == "Post" for i in range(c.start + 1, c.end + 1)}
    title_words = lexicon.post_modifiers | {w for t in lexicon.post_titles for w in t.split()}
    for index, word in enumerate(words(doc)):
        if word != "(":
            continue
        inner = index + 1
        if inner < len(doc) and doc[inner].text in QUOTES:
            inner += 1
        close = inner + 1
        if close < len(doc) and doc[close].text in QUOTES:
            close += 1
        short = _short_form(doc, index, inner, positions)
        if short:  # "(Komdigi)", "(CPF Board)": a short name of a body, not its letters
            close = inner + short
        if close >= len(doc) or doc[close].text != ")":
            continue
        acronym = doc[inner:close].text if short else doc[inner].text
        if not short and not looks_like_acronym(acronym):
            continue
        end = index - 1 if index > 0 and doc[index - 1].text in QUOTES else index
        if end > 1 and doc[end - 1].text in ("'s", "’s"):
            end -= 1  # "the National Institute of Standards and Technology’s (NIST) ..."
        # An acronym the gazetteer knows keeps the gazetteer's identity and class.
        known = next((c for c in positions.starting.get(inner, ())
                      if c.source == "gazetteer" and c.end == inner + 1), None)
        if end in titled and _spells_title(doc, end, acronym, title_words):
            # "Chief Executive (CE) of the Government Technology Agency": the acronym of
            # a title, which the posts component reads; no body is named "CE".
            continue
        defined = _long_form(doc, end, acronym, positions, lexicon,
                             aligned_only=known is not None)
        if defined is None:
            if known is None and _term(doc, end, acronym):
                terms.add(acronym)
            continue
        long_start, label, key, made = defined
        long_form = doc[long_start:end].text
        whole = _spanning(positions, long_start, close)
        if whole is not None and head_only(doc, long_start, end, lexicon):
            # "a Memorandum of Understanding (MOU) on Digital Economy": the acronym
            # stands for the whole name its generic long form opens.
            definitions.append(Definition(acronym, whole.label, whole.key or normalise_name(
                whole.name or doc[whole.start : whole.end].text),
                whole.name or doc[whole.start : whole.end].text))
            continue
        if made:
            new.append(Candidate(long_start, end, label, "acronym-definition", key=key,
                                 typed_by_head=True))
        if known is not None and known.key:
            key, label = known.key, known.label
        definitions.append(Definition(acronym, label, key, long_form))
    return new, definitions, terms


def _term(doc: Doc, paren: int, acronym: str) -> bool:
    """Whether lower-case words before ``paren`` spell ``acronym``: a term, not a name.

    "facial recognition technology (FRT)", "small and medium enterprises (SMEs)": what
    the acronym stands for is written in lower case, so it names no one thing.
    """
    sentence_start = doc[paren].sent.start if doc.has_annotation("SENT_START") else 0
    window = doc[max(sentence_start, paren - 2 * len(acronym) - 5) : paren]
    offset = long_form_start(acronym.rstrip("s"), [t.text for t in window])
    if offset is None:
        return False
    words = [t for t in window[offset:] if t.is_alpha]
    return len(words) >= 2 and all(t.is_lower for t in words)


def _short_form(doc: Doc, paren: int, inner: int, positions: _ByPosition) -> int:
    """Tokens in a body's short name in brackets that does not spell it, or 0.

    "the Ministry of Communication and Digital Affairs (Komdigi)": one proper word, no
    common English one; "the Central Provident Fund Board (CPF Board)": an acronym and
    the body's own last word. Only after a body's name, and never a name of its own
    ("(Singapore)" says where the body is).
    """
    if inner + 1 >= len(doc) or not any(
            coarse_type(c.label) == "Organization" for c in positions.ending.get(paren, ())):
        return 0
    if any(c.source == "gazetteer" for c in positions.starting.get(inner, ())):
        return 0
    word = doc[inner]
    if doc[inner + 1].text == ")" and word.is_alpha and word.text[:1].isupper() and \
            not word.is_upper and not looks_like_acronym(word.text) and proper_word(word):
        return 1
    if inner + 2 < len(doc) and doc[inner + 2].text == ")" and \
            looks_like_acronym(word.text) and paren > 0 and \
            doc[inner + 1].text == doc[paren - 1].text and doc[inner + 1].is_title:
        return 2
    return 0


def _spells_title(doc: Doc, end: int, acronym: str, title_words: frozenset[str]) -> bool:
    """Whether ``acronym`` abbreviates the title words before ``end`` ("Chief Executive")."""
    start = end
    while start > 0 and end - start < 6 and doc[start - 1].text in title_words:
        start -= 1
    return start < end and long_form_start(acronym, [t.text for t in doc[start:end]]) \
        is not None


def with_acronyms(doc: Doc, start: int, end: int) -> str:
    """The text of ``[start, end)`` with each "Long Form (ACR)" inside it shortened to ACR.

    "Association of Southeast Asian Nations (ASEAN) Digital Ministers' Meeting" is the
    "ASEAN Digital Ministers' Meeting": the short form is how the series is known.
    """
    words: list[str] = []
    index = start
    while index < end:
        size = bracketed_acronym(doc, index) if index > start else 0
        if size and index + size <= end:
            acronym = doc[index + 1].text
            offset = long_form_start(acronym, words)
            if offset is not None:
                words = [*words[:offset], acronym]
            index += size
            continue
        words.append(doc[index].text)
        index += 1
    return _join(doc, start, end, words)


def _join(doc: Doc, start: int, end: int, words: list[str]) -> str:
    """Join words as the text joins them: no space before "'s" or after a hyphen."""
    text = " ".join(words)
    for token in doc[start:end]:
        if not token.whitespace_ and token.i + 1 < end:
            joined = f"{token.text} {doc[token.i + 1].text}"
            text = text.replace(joined, joined.replace(" ", "", 1))
    return text


def _spanning(positions: _ByPosition, start: int, close: int) -> Candidate | None:
    """A typed name that starts at ``start`` and runs past the bracket closing at ``close``."""
    return next((c for c in positions.starting.get(start, ()) if c.end > close + 1
                 and c.source in ("names", "meetings")), None)


def _long_form(doc: Doc, paren: int, acronym: str, positions: _ByPosition,
               lexicon: Lexicon, *, aligned_only: bool = False
               ) -> tuple[int, str, str, bool] | None:
    """Where the long form before ``paren`` starts, its class and key, and whether it is new.

    With ``aligned_only``, the long form must spell the acronym: a bracketed name the
    gazetteer knows after a name that does not spell it is an apposition, not a
    definition ("in Atlanta (USA)").
    """
    sentence_start = doc[paren].sent.start if doc.has_annotation("SENT_START") else 0
    window_start = max(sentence_start, paren - 2 * len(acronym) - 5)
    words = [t.text for t in doc[window_start:paren]]
    stripped = acronym.rstrip("0123456789")
    offset = long_form_start(acronym, words)
    if offset is None and stripped != acronym:
        offset = long_form_start(stripped, words)
    # People and posts do not get acronyms; the name inside a post may ("Secretary-General
    # of the Ministry of Communications and Multimedia Malaysia (KKMM)").
    ending_here = [c for c in positions.ending.get(paren, ())
                   if c.label not in ("Person", "Post")]
    if offset is None and aligned_only:
        return None
    if offset is None:
        # No letter-by-letter match: take a name that ends at the parenthesis, but not
        # a country or place, which is the end of a longer name then ("The Health for
        # Life in Singapore (HELIOS)").
        named = max((c for c in ending_here if coarse_type(c.label) not in
                     ("Country", "Place")),
                    key=lambda c: (c.end - c.start, c.priority), default=None)
        if named is None:
            return None
        return named.start, named.label, named.key or normalise_name(
            doc[named.start:paren].text), False
    start = window_start + offset
    while start < paren and doc[start].text in DETERMINERS:
        start += 1
    if start >= paren:
        return None
    # The name covering the long form starts with it, or one word later when that word
    # is not part of a name ("all ASEAN Member States (AMS)"); a name starting inside
    # the long form is only a part of it ("Workforce Singapore (WSG)" is not Singapore).
    covering = [c for c in ending_here if c.start <= start or (
        c.start == start + 1 and not doc[start].text[:1].isupper())]
    if covering:
        best = max(covering, key=lambda c: (c.priority, c.end - c.start))
        if best.source == "model" and not best.typed_by_head and \
                not any(proper_word(t) for t in doc[best.start : paren]):
            return None  # the model's "Advance Care Planning (ACP)": a term, not a body
        if best.ordinal is not None and best.series and best.start < start and \
                stripped == acronym:
            # "4th ASEAN Digital Ministers Meeting (ADGMIN)": the acronym names the series.
            return start, "MeetingSeries", best.series, False
        key = best.key or (f"meeting:{best.series}:{best.ordinal}" if best.ordinal
                           else normalise_name(doc[best.start:paren].text))
        # A long form only the model found becomes a name of its own: it must beat the
        # gazetteer name inside it ("Workforce Singapore (WSG)").
        return best.start, best.label, key, best.source == "model"
    label = head_label(doc, start, segment_end(doc, start, paren), lexicon) or \
        head_label(doc, start, paren, lexicon) or _proper_name(doc, start, paren)
    if label is None:
        return None
    return start, label, normalise_name(doc[start:paren].text), True


def _proper_name(doc: Doc, start: int, end: int) -> str | None:
    """Whether a long form of capitalised words with no head noun names a body.

    "Workforce Singapore (WSG)", "Temasek Polytechnic (TP)". Capitalised common words
    alone name a term, not a body: "Virtual Reality (VR)", "Advance Care Planning
    (ACP)", "Entertainment and Media (E&M)".
    """
    tokens = doc[start:end]
    if not any(proper_word(t) for t in tokens):
        return None
    capitals = [t for t in tokens if t.text[:1].isupper()]
    if len(tokens) >= 2 and len(capitals) >= 2 and tokens[0].text[:1].isupper() and \
            tokens[-1].text[:1].isupper() and \
            all(t.text[:1].isupper() or t.lower_ in _NAME_GLUE for t in tokens):
        return "Organization"
    return None


# Small words that may sit between the capitalised words of a name.
_NAME_GLUE = frozenset({"of", "and", "for", "the", "&", "-", "on", "in"})


def acronym_uses(doc: Doc, definitions: Iterable[Definition]) -> list[Candidate]:
    """Every occurrence of a defined acronym, as a mention of its long form's entity."""
    by_text = {d.acronym: d for d in definitions}
    found = [Candidate(i, i + 1, by_text[text].label, "acronym", key=by_text[text].key,
                       acronym_of=by_text[text].long_form)
             for i, text in enumerate(words(doc)) if text in by_text]
    # Short names of two words ("CPF Board"), by their first word.
    pairs = {tuple(d.acronym.split()): d for d in definitions if " " in d.acronym}
    if pairs:
        firsts = {first for first, _ in pairs}
        texts = words(doc)
        for i, text in enumerate(texts[:-1]):
            definition = pairs.get((text, texts[i + 1])) if text in firsts else None
            if definition is not None:
                found.append(Candidate(i, i + 2, definition.label, "acronym",
                                       key=definition.key, acronym_of=definition.long_form))
    return found




def bilateral_uses(doc: Doc, uses: Iterable[Candidate], found: Iterable[Candidate]
                   ) -> list[Candidate]:
    """An acronym after the two parties it is between: "the Chile-Korea DEA".

    Two countries joined by a dash, right before a defined acronym of a work, name one
    work of those two: "Digital Economy Agreement (DEA) ... the Chile-Korea DEA".
    """
    countries = {c.end: c for c in found
                 if c.source == "gazetteer" and c.label == "Country"}
    out = []
    for use in uses:
        if coarse_type(use.label) != "Work":
            continue
        second = countries.get(use.start)
        if second is None or not doc[use.start - 1].whitespace_ or second.start < 2:
            continue
        dash = doc[second.start - 1]
        first = countries.get(second.start - 1)
        if dash.text in ("-", "–") and first is not None and not dash.whitespace_ and \
                not doc[first.end - 1].whitespace_:
            out.append(Candidate(first.start, use.end, use.label, "names",
                                 typed_by_head=True))
    return out


class Acronyms:
    """"Long Form (ACR)" definitions, and every use of ACR in the same document.

    A document longer than the model's ``max_length`` arrives in several docs with the
    same ``user_data[DOCUMENT]``; definitions carry over from one to the next.
    """

    def __init__(self, nlp: Language, lexicon: str | None) -> None:
        self.lexicon = lexicon_setting(lexicon)
        self._document: object = None
        self._definitions: dict[str, Definition] = {}
        self._terms: set[str] = set()

    def __call__(self, doc: Doc) -> Doc:
        """Process one doc."""
        document = doc.user_data.get(cands.DOCUMENT)
        if document is None or document != self._document:
            self._document = document
            self._definitions = {}
            self._terms = set()
        found = cands.candidates(doc) + model_candidates_of(doc, self.lexicon)
        new, definitions, terms = find_definitions(doc, found, self.lexicon)
        for definition in definitions:
            self._definitions.setdefault(definition.acronym, definition)
        self._terms |= terms - self._definitions.keys()
        doc.user_data[cands.TERMS] = frozenset(self._terms)
        cands.add(doc, new)
        uses = acronym_uses(doc, self._definitions.values())
        cands.add(doc, uses)
        cands.add(doc, bilateral_uses(doc, uses, cands.candidates(doc)))
        return doc
