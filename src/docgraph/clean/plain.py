"""Read plain text into the offset-keeping document tree: blank lines end paragraphs."""

from __future__ import annotations

import re

from docgraph.clean.dom import Element, Text

_PARAGRAPH = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")


def parse_text(source: str, start: int, end: int) -> Element:
    """Split ``source[start:end]`` into paragraphs at blank lines.

    Line breaks inside a paragraph are taken as hard wrapping and later read as spaces.
    """
    root = Element("root")
    for match in _PARAGRAPH.finditer(source, start, end):
        paragraph = Element("p")
        paragraph.append(Text.verbatim(source, match.start(), match.end()))
        root.append(paragraph)
    return root
