"""Names as docgraph compares them: folding, ordinals, acronym shapes.

Shared by the recogniser, the resolver and the evaluation; no spaCy here, so that the
stages after recognition can use it without loading a model.
"""

from __future__ import annotations

import re
import unicodedata

_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z0-9][A-Za-z0-9&*+\-./]{1,14}$")


def looks_like_acronym(text: str) -> bool:
    """Whether ``text`` has the shape of an acronym: short, no spaces, two capitals."""
    return bool(_ACRONYM.match(text)) and not text.isdigit()


def normalise_name(text: str) -> str:
    """Fold a name for comparison: case, quotes, dashes, "the", possessive, spacing."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2018\u2019\u02bc`]", "'", text)
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"'s\b|(?<=s)'(?=\s|$)", "", text)
    text = re.sub(r"[\"\u201c\u201d]", "", text)
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    return text[4:] if text.startswith("the ") else text


def ordinal_text(number: int) -> str:
    """``4`` -> ``"4th"``."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"
