"""Match an acronym to the words it abbreviates (Schwartz & Hearst, PSB 2003).

The algorithm walks the acronym's characters from the last to the first, finding each
in the candidate long form from its end, and requires the first character to start a
word. It accepts "Working Group on AI Governance" for "WG-AI" and "UK-Singapore Digital
Economy Agreement" for "UKSDEA", and rejects long forms that only share letters by
chance. Pure functions; no spaCy.
"""

from __future__ import annotations

import re


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
