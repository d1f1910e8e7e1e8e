"""Literal text that every RDF syntax can carry.

Turtle, N-Triples and JSON-LD escape anything, but XML 1.0 (so RDF/XML) cannot hold most
C0 control characters, U+FFFE/U+FFFF or unpaired surrogates at all, even escaped. Such
characters never carry meaning in a press release, so docgraph replaces them with U+FFFD
before writing and every format then round-trips the same text. Quotes, backslashes,
newlines, markup, right-to-left marks and zero-width characters are kept as they are.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
REPLACEMENT = "\ufffd"


def clean_literal(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub(REPLACEMENT, text)
