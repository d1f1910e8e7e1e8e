"""Read HTML into the offset-keeping document tree.

Beautiful Soup (with lxml by default) builds the tree, repairing whatever markup the
page has. Tree builders do not say where text came from, so each text node is then
found, in order, in the page's own decoded text stream (:func:`markup.text_stream`),
which does know. Where a parser changed a text (an odd entity, a stray NUL) a local
sequence alignment places the characters it can and gives the rest the position of
their neighbours, so offsets degrade gracefully instead of failing.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from bs4 import BeautifulSoup
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from docgraph.clean.dom import Element, Text
from docgraph.errors import ConfigurationError
from docgraph.markup import (
    RAW_TEXT_ELEMENTS,
    Decoded,
    decode,
    normalise_newlines,
    offsets,
    repeated,
    text_stream,
)

PARSERS = ("lxml", "html.parser")
"""Tree builders docgraph accepts: lxml (default, fastest) and Python's html.parser."""

_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
# How much unrelated text a search may skip to find the next text node before the
# aligner suspects it has matched a later, repeated occurrence instead.
_MAX_SKIP = 64
# Longest text the aligner compares character by character (difflib is quadratic or
# worse) when the parser changed it; longer texts are aligned in pieces of this size.
_MAX_FUZZY = 64
_IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)
_ALT_ATTR = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'=<`]+))""",
                       re.IGNORECASE)


class _Aligner:
    """Finds successive text nodes in the decoded source stream."""

    def __init__(self, source: str, stream: Decoded) -> None:
        self.source = source
        self.stream = stream
        self.cursor = 0

    def source_position(self) -> int:
        """Source offset just after the last aligned character."""
        if self.cursor == 0:
            return self.stream.starts[0] if self.stream.starts else 0
        return self.stream.ends[self.cursor - 1]

    def align(self, text: str) -> Text:
        stream = self.stream
        if not text.strip():
            return self._whitespace(text)
        found = stream.text.find(text, self.cursor)
        if found >= 0:
            skipped = stream.text[self.cursor : found]
            if len(skipped) - skipped.count(" ") - skipped.count("\n") <= _MAX_SKIP:
                end = found + len(text)
                self.cursor = end
                return Text(text, stream.starts[found:end], stream.ends[found:end])
        if len(text) <= _MAX_FUZZY:
            return self._fuzzy(text)
        # A long text is aligned piece by piece, so the work stays linear in its length.
        starts, ends = offsets(), offsets()
        for i in range(0, len(text), _MAX_FUZZY):
            piece = self.align(text[i : i + _MAX_FUZZY])
            starts.extend(piece.starts)
            ends.extend(piece.ends)
        return Text(text, starts, ends)

    def _whitespace(self, text: str) -> Text:
        r"""Whitespace maps to the whitespace at the cursor, never past visible text.

        The parser may change it ("\t\t" inside a span becomes " "): searching for the
        changed text would match a space after the next word and shift what follows.
        """
        stream = self.stream
        end = self.cursor
        while end < len(stream.text) and not stream.text[end].strip():
            end += 1
        if end == self.cursor:
            position = self.source_position()
            return Text(text, repeated(position, len(text)), repeated(position, len(text)))
        start_at, end_at = stream.starts[self.cursor], stream.ends[end - 1]
        self.cursor = end
        return Text(text, repeated(start_at, len(text)), repeated(end_at, len(text)))

    def _fuzzy(self, text: str) -> Text:
        stream = self.stream
        window_end = min(len(stream.text), self.cursor + 2 * len(text) + 32)
        window = stream.text[self.cursor : window_end]
        matcher = SequenceMatcher(None, text, window, autojunk=False)
        starts = repeated(-1, len(text))
        ends = repeated(-1, len(text))
        last = self.cursor
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                at = self.cursor + block.b + offset
                starts[block.a + offset] = stream.starts[at]
                ends[block.a + offset] = stream.ends[at]
                last = at + 1
        # Characters the parser invented or changed sit where their neighbours are.
        fallback = self.source_position()
        for index in range(len(text)):
            if starts[index] < 0:
                starts[index] = ends[index] = fallback
            else:
                fallback = ends[index]
        self.cursor = max(self.cursor, last)
        return Text(text, starts, ends)


def parse_html(source: str, start: int, end: int, parser: str = "lxml") -> Element:
    """Parse ``source[start:end]`` as HTML into a tree with source offsets.

    Args:
        source: The whole decoded file.
        start: Where the HTML starts (after any front matter).
        end: Where it ends.
        parser: The Beautiful Soup tree builder, one of :data:`PARSERS`.

    Returns:
        The root element; its children are the parsed top-level nodes.

    Raises:
        ConfigurationError: If ``parser`` is not one of :data:`PARSERS`.
    """
    if parser not in PARSERS:
        raise ConfigurationError(
            f"unknown HTML parser {parser!r}; choose one of {', '.join(PARSERS)}")
    soup = BeautifulSoup(source[start:end], parser)
    aligner = _Aligner(source, text_stream(source, start, end))
    root = Element("root")
    _convert(soup, root, aligner, raw=False)
    return root


def _convert(tag: Tag, into: Element, aligner: _Aligner, *, raw: bool) -> None:
    for child in tag.children:
        if isinstance(child, Tag):
            name = child.name.lower()
            attrs = {key.lower(): " ".join(value) if isinstance(value, list) else str(value)
                     for key, value in child.attrs.items()}
            element = Element(name, attrs)
            if name == "img":
                alt = _alt_text(aligner, attrs.get("alt", ""))
                if alt is not None:
                    element.append(alt)
            into.append(element)
            # Text inside scripts and styles is not in the stream; never align it.
            _convert(child, element, aligner, raw=raw or name in RAW_TEXT_ELEMENTS)
        elif isinstance(child, NavigableString) and not isinstance(child, _SKIPPED_STRINGS):
            text = normalise_newlines(str(child))
            if raw:
                into.append(Text(text, repeated(0, len(text)), repeated(0, len(text))))
            elif text:
                into.append(aligner.align(text))


def alt_text_in_tag(source: str, start: int, end: int) -> Text | None:
    """Return the decoded ``alt`` attribute of the ``<img>`` tag in ``source[start:end]``."""
    attr = _ALT_ATTR.search(source, start, end)
    if attr is None:
        return None
    group = next(i for i in (1, 2, 3) if attr.group(i) is not None)
    decoded = decode(source, attr.start(group), attr.end(group))
    return Text(decoded.text, decoded.starts, decoded.ends)


def _alt_text(aligner: _Aligner, alt: str) -> Text | None:
    """Find an image's alt text in the source: in the next ``<img>`` tag from here."""
    if not alt.strip():
        return None
    source = aligner.source
    tag = _IMG_TAG.search(source, aligner.source_position())
    if tag:
        close = source.find(">", tag.end())
        found = alt_text_in_tag(source, tag.end() - 1, close if close >= 0 else len(source))
        if found is not None and found.text == alt:
            return found
    position = aligner.source_position()
    return Text(alt, repeated(position, len(alt)), repeated(position, len(alt)))
