"""Names as docgraph compares them: folding, ordinals, acronym shapes.

Shared by the recogniser, the resolver and the evaluation; no spaCy here, so that the
stages after recognition can use it without loading a model.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z0-9][A-Za-z0-9&*+\-./]{1,14}$")


def looks_like_acronym(text: str) -> bool:
    """Whether ``text`` has the shape of an acronym: short, no spaces, two capitals."""
    return bool(_ACRONYM.match(text)) and not text.isdigit()


_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`]")
_DASHES = re.compile(r"[\u2010-\u2015]")
_POSSESSIVE = re.compile(r"'s\b|(?<=s)'(?=\s|$)")
_QUOTES = re.compile(r"[\"\u201c\u201d]")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=1 << 16)  # the same names come back in every document
def normalise_name(text: str) -> str:
    """Fold a name for comparison: case, quotes, dashes, "the", possessive, spacing."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("'", text)
    text = _DASHES.sub("-", text)
    text = _POSSESSIVE.sub("", text)
    text = _QUOTES.sub("", text)
    text = _SPACES.sub(" ", text).strip(" .,;:")
    return text[4:] if text.startswith("the ") else text


def ordinal_text(number: int) -> str:
    """``4`` -> ``"4th"``."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"
