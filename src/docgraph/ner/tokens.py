"""Token-level helpers the recogniser's rules share: phrase lists and name-like words.

Pure functions over spaCy tokens; no rule lives here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Token

from docgraph.lexicon import common_words

CAMEL = re.compile(r"^(?:[A-Z]?[a-z]+[A-Z]|[A-Z]{2,}[a-z]+[A-Z]?)[A-Za-z0-9]*$")
CONNECTORS = frozenset({"of", "on", "for"})
DETERMINERS = frozenset({"the", "The", "a", "A", "an", "An", "this", "This", "its", "Its",
                          "our", "Our", "their", "Their", "these", "These"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Small words capitalised only by a title-case heading ("Appointment Of ... Committee",
# "Members Appointed To ... Agency"): inside a run of capitals they end a name.
TITLE_CASE_GLUE = frozenset({"Of", "And", "For", "On", "To", "The", "In", "At", "With",
                             "By", "From", "Under", "As"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})




# Endings of derived common nouns, which the common-word list misses when they are rare
# or spelt the British way ("Digitalisation", "Revitalisation").
_NOUN_ENDINGS = ("isation", "ization", "isations", "izations", "ment", "ments", "ness",
                 "ity", "ities", "tion", "tions", "sion", "sions", "ship", "ships")


def proper_word(token: Token) -> bool:
    """Whether a word is more than a common word capitalised: "Amazon", "TOUCH", "5G"."""
    text = token.text
    if any(c.isdigit() for c in text):
        return True
    if not token.is_alpha:
        return False
    if not text[1:].islower():
        return True  # capitals inside: "TOUCH", "SGTech"
    return token.lower_ not in common_words() and not token.lower_.endswith(_NOUN_ENDINGS)


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

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """The one-word phrases."""
        return frozenset(first for first, options in self._by_first.items()
                         if any(len(tokens) == 1 for tokens in options))

    @functools.cached_property
    def firsts(self) -> frozenset[str]:
        """The words a phrase starts with."""
        return frozenset(self._by_first)

    def match(self, doc: Doc, start: int) -> int:
        """Length in tokens of the longest phrase starting at ``start`` (0 for none)."""
        return self.match_words(words(doc), start)

    def match_words(self, texts: list[str], start: int) -> int:
        """:meth:`match` on a doc's token texts (:func:`words`), for loops over a doc."""
        options = self._by_first.get(texts[start])
        if not options:
            return 0
        for tokens in options:
            end = start + len(tokens)
            if end <= len(texts) and tuple(texts[start:end]) == tokens:
                return len(tokens)
        return 0


def name_like(token: Token) -> bool:
    """A token that can be part of a proper name: capitalised, camel case, an acronym."""
    return name_like_word(token.text)


def name_like_word(text: str) -> bool:
    """:func:`name_like` of a token's text."""
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def joined(doc: Doc, index: int) -> bool:
    """Whether token ``index`` follows the previous one without a space."""
    return index > 0 and not doc[index - 1].whitespace_


def bracketed_acronym(doc: Doc, index: int) -> int:
    """Length of an acronym in brackets at ``index`` ("(ASEAN)"), or 0.

    Names carry one inside them: "Association of Southeast Asian Nations (ASEAN) Digital
    Ministers' Meeting", "Memorandum of Understanding (MOU) on Digital Economy".
    """
    texts = words(doc)
    if index + 2 < len(texts) and texts[index] == "(" and texts[index + 2] == ")":
        text = texts[index + 1]
        if len(text) >= 2 and text[0].isupper() and sum(c.isupper() for c in text) >= 2 \
                and text.replace("-", "").replace("&", "").isalnum():
            return 3
    return 0


def without_brackets(doc: Doc, start: int, end: int) -> str:
    """The text of tokens ``[start, end)`` without the bracketed acronyms inside them."""
    parts = []
    index = start
    while index < end:
        size = bracketed_acronym(doc, index) if index > start else 0
        if size and index + size < end:
            index += size
            continue
        token = doc[index]
        parts.append(token.text + (token.whitespace_ if index + 1 < end else ""))
        index += 1
    return "".join(parts).strip()


_WORDS = "docgraph.words"


def sentence_starts(doc: Doc) -> list[int]:
    """Where each sentence starts, as ``Doc.sents`` cuts them, read from an array.

    ``Doc.sents`` builds a Token for every word to find the same.
    """
    if not doc.has_annotation("SENT_START"):
        return [0] if len(doc) else []
    return [0] + [i for i, first in enumerate(doc.to_array("SENT_START").tolist())
                  if i and first == 1] if len(doc) else []


def words(doc: Doc) -> list[str]:
    """The doc's token texts, read once per doc (iterating a doc builds a Token each)."""
    found: list[str] | None = doc.user_data.get(_WORDS)
    if found is None:
        found = [token.text for token in doc]
        doc.user_data[_WORDS] = found
    return found


def lower_words(doc: Doc) -> frozenset[str]:
    """Words the doc writes in lower case: capitalised elsewhere, they are no names."""
    key = _WORDS + ".lower"
    found: frozenset[str] | None = doc.user_data.get(key)
    if found is None:
        found = frozenset(w for w in words(doc) if w.islower())
        doc.user_data[key] = found
    return found
