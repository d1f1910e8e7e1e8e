"""A minimal document tree whose text nodes know where each character came from.

The HTML, Markdown and plain-text readers each build this tree; one block builder
(:mod:`docgraph.clean.blocks`) then walks it, whatever the input format was. Element
positions are not kept: a character the builder inserts (a space joining two
paragraphs of a list item, a line break for ``<br>``) maps to the source between its
neighbours, which is where that markup is.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from docgraph.markup import offsets


@dataclass(slots=True)
class Text:
    """A run of text; ``starts[i]``/``ends[i]`` is the source range of ``text[i]``."""

    text: str
    starts: array[int]
    ends: array[int]

    @classmethod
    def verbatim(cls, source: str, start: int, end: int) -> Text:
        """A run copied character for character from ``source[start:end]``."""
        return cls(source[start:end], offsets(range(start, end)),
                   offsets(range(start + 1, end + 1)))


@dataclass(slots=True)
class Element:
    """An element: lower-cased tag name, attributes and children in document order."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | Text] = field(default_factory=list)

    def append(self, node: Element | Text) -> None:
        """Add a child at the end."""
        self.children.append(node)

    def text_content(self) -> str:
        """All text below this element, concatenated."""
        return "".join(
            child.text if isinstance(child, Text) else child.text_content()
            for child in self.children
        )
