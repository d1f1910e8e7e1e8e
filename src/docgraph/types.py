"""Plain records passed between docgraph's pipeline stages.

Every stage boundary carries frozen dataclasses that hold text and character offsets,
never parser or spaCy objects, so that later stages (graph, RDF) can be used and tested
without the stages before them.

Offsets are Python string indices. ``Block`` offsets into the *source* count characters
of the decoded file (front matter included, byte-order mark excluded);
:meth:`Document.byte_offset` converts them to byte offsets in the file on disk.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

_SINGLE_BYTE = frozenset({"cp1252", "latin-1", "ascii"})
# Characters whose encoded length differs from the codec's usual one.
_WIDE = {"utf-8": re.compile("[^\x00-\x7f]"),
         "utf-16-le": re.compile("[\U00010000-\U0010ffff]"),
         "utf-16-be": re.compile("[\U00010000-\U0010ffff]")}
_ANY = re.compile(".", re.DOTALL)


class InputFormat(StrEnum):
    """The markup a document's body is written in, detected from its content."""

    HTML = "html"
    """An HTML fragment, as Isomer's tiptap editor stores pages."""
    HTML_PAGE = "html-page"
    """A whole HTML page, with ``<html>``/``<body>`` and site chrome to drop."""
    MARKDOWN = "markdown"
    """kramdown-flavoured Markdown, possibly with inline and block HTML."""
    TEXT = "text"
    """Plain text: paragraphs separated by blank lines."""
    ISOMER_JSON = "isomer-json"
    """An Isomer Next page: one JSON document with ``page`` fields and ``content`` blocks."""
    PDF = "pdf"
    """A PDF's text layer, page by page (see :class:`PageLayout`)."""
    DOCX = "docx"
    """A Word document's paragraphs (see :class:`PackageLayout`)."""


class BlockKind(StrEnum):
    """What a block is on the page."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    CAPTION = "caption"
    IMAGE_ALT = "image_alt"
    FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps every character of a block's cleaned text to the source characters it came from.

    The map is a list of segments rather than one offset per character. Segment ``i``
    covers cleaned text ``[clean[i], clean[i + 1])`` (the last one runs to ``length``)
    and source text ``[source[i], source_end[i])``. When both sides have the same length
    the segment maps character to character; otherwise (a decoded entity such as
    ``&amp;``, a run of whitespace collapsed to one space, a ``<br>`` turned into a line
    break) each of its characters maps to the whole source range.
    """

    clean: tuple[int, ...]
    source: tuple[int, ...]
    source_end: tuple[int, ...]
    length: int

    def __post_init__(self) -> None:
        if not len(self.clean) == len(self.source) == len(self.source_end):
            raise ValueError("SourceMap columns differ in length")
        if self.length and (not self.clean or self.clean[0] != 0):
            raise ValueError("SourceMap must start at offset 0")

    def char_span(self, index: int) -> Span:
        """Return the source range that the cleaned character at ``index`` came from."""
        if not 0 <= index < self.length:
            raise IndexError(f"offset {index} outside text of length {self.length}")
        seg = bisect_right(self.clean, index) - 1
        seg_end = self.clean[seg + 1] if seg + 1 < len(self.clean) else self.length
        start, end = self.source[seg], self.source_end[seg]
        if end - start == seg_end - self.clean[seg]:
            pos = start + index - self.clean[seg]
            return Span(pos, pos + 1)
        return Span(start, end)

    def span(self, start: int, end: int) -> Span:
        """Return the smallest source range holding cleaned text ``[start, end)``.

        An empty range maps to an empty span at the source position of ``start``.
        """
        if not 0 <= start <= end <= self.length:
            raise IndexError(f"range [{start}, {end}) outside text of length {self.length}")
        if start == end:
            if start < self.length:
                pos = self.char_span(start).start
            else:
                pos = self.char_span(self.length - 1).end if self.length else 0
            return Span(pos, pos)
        return Span(self.char_span(start).start, self.char_span(end - 1).end)


ATTACHMENT_SUFFIXES = (".pdf", ".docx", ".doc")
"""Files a page links to that are documents of their own: its attachments."""


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink whose text ``[start, end)`` stays in the block's text."""

    start: int
    end: int
    href: str


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote marker removed from the prose.

    Attributes:
        marker: The marker as printed, without brackets (``"1"``, ``"*"``).
        offset: Where in the cleaned text the marker stood.
        source: The marker's range in the source file, markup included.
        href: The link target when the marker was a link (``"#fn1"``).
    """

    marker: str
    offset: int
    source: Span
    href: str | None = None


@dataclass(frozen=True, slots=True)
class TableCell:
    """Where a table-cell block sits.

    Attributes:
        table: The table's position among the document's tables, from 0.
        row: Row index from 0, header rows included.
        column: Column index from 0, after earlier cells' ``colspan``/``rowspan``.
        header: The text of the header cell over this column, if the table has one.
        is_header: Whether this cell is itself a header (``<th>``) cell.
    """

    table: int
    row: int
    column: int
    header: str | None = None
    is_header: bool = False


@dataclass(frozen=True, slots=True)
class Layout:
    """A stretch of a block's text that is page furniture, not prose.

    Attributes:
        role: What it is: ``dateline`` ("SINGAPORE, 14 DECEMBER 2023 –"),
            ``list-marker`` ("C.", "iv)") or ``run-in-heading`` ("AI Safety Research:").
        start: Start offset in the block's text.
        end: End offset in the block's text.
    """

    role: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    r"""One unit of cleaned text: a heading, paragraph, list item, table cell, ...

    A sentence never spans two blocks.

    Attributes:
        index: The block's position in its document, from 0.
        kind: What the block is.
        text: Cleaned text: whitespace collapsed, entities decoded, markup removed;
            ``\n`` only where the page has a hard line break.
        span: The source range from the first to the last character of ``text``.
        offsets: Maps each character of ``text`` to its source range.
        section: Texts of the headings this block sits under, outermost first.
        number: The paragraph or list number the page shows, if any.
        level: For headings, 1-6 for ``<h1>``-``<h6>``, deeper for bold or underlined
            paragraphs that act as headings.
        cell: For table cells, the cell's position.
        depth: For list items, how deeply their list is nested (0 for a top-level list).
        links: Hyperlinks in the text.
        footnotes: Footnote markers removed from the text.
        boilerplate: Why the block is boilerplate (``"media-contact"``, ...), or None
            for content. Later stages skip boilerplate by default.
        layout: Stretches of the text that are page furniture (datelines, list
            markers, run-in headings): kept in the text, never read as prose; in text
            order, never overlapping.
    """

    index: int
    kind: BlockKind
    text: str
    span: Span
    offsets: SourceMap = field(repr=False)
    section: tuple[str, ...] = ()
    number: int | None = None
    level: int | None = None
    cell: TableCell | None = None
    depth: int = 0
    links: tuple[Link, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    boilerplate: str | None = None
    layout: tuple[Layout, ...] = ()

    def source_span(self, start: int, end: int) -> Span:
        """Return the source range of this block's text ``[start, end)``."""
        return self.offsets.span(start, end)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the page says about itself (front matter, or ``<title>``/``<meta>``).

    Attributes:
        title: The page title.
        date: Publication date, from the front matter or a ``YYYY-MM-DD-`` file name.
        permalink: The page's path on its site.
        description: The summary the page gives of itself.
        extra: Every other front-matter field, as parsed.
    """

    title: str | None = None
    date: dt.date | None = None
    permalink: str | None = None
    description: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


STDIN = "-"
"""The path that names standard input."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """A document to read, and the path a graph records for it.

    The recorded path does not depend on where the files are, so two people extracting
    the same site get the same graph, and no local path reaches published RDF.

    Attributes:
        path: Where to read it: a file found in a folder named, or a file named itself
            (``-`` for standard input).
        source_path: Its path inside the folder named (``news/2024/a.md``, with ``/``),
            or its own name when it was named itself (``a.md``).
    """

    path: str
    source_path: str

    @classmethod
    def named(cls, path: str) -> InputFile:
        """A file named itself, recorded by its own name."""
        return cls(path, own_name(path))


def own_name(path: str) -> str:
    """A file's own name, as a graph records a file named itself (``-`` stays ``-``)."""
    return path if path == STDIN else Path(path).name or path


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document read from disk or standard input, before cleaning.

    Attributes:
        id: A stable identifier: a hash of the file's bytes.
        path: Where it came from (``-`` for standard input).
        source_path: The path a graph records for it (see :class:`InputFile`).
        text: The whole decoded file, front matter included.
        encoding: The codec it was decoded with.
        bom: Length in bytes of the byte-order mark that preceded ``text`` in the file.
        format: The markup of the body.
        body_start: Offset in ``text`` where the body starts (after the front matter).
        metadata: Title, date and other facts about the page.
        pages: For a PDF, its pages and lines (``text`` is its text layer).
        package: For a Word document, its paragraphs (``text`` is their text).
    """

    id: str
    path: str
    source_path: str
    text: str = field(repr=False)
    encoding: str
    bom: int
    format: InputFormat
    body_start: int
    metadata: Metadata
    pages: PageLayout | None = field(default=None, repr=False)
    package: PackageLayout | None = field(default=None, repr=False)

    @property
    def body(self) -> str:
        """The document's body, without front matter."""
        return self.text[self.body_start :]


@dataclass(frozen=True, slots=True)
class DocxParagraph:
    """One paragraph of a Word document: where it is and what it is.

    Attributes:
        path: Its XPath in the part (``/w:document/w:body/w:p[12]``).
        heading: Its heading level (1-9; the title is 1), 0 for body text.
        list_id: The list it is an item of (Word's ``numId``), "" for none.
        depth: Its level in the list, from 0.
        numbering: The list level's number format: ``decimal``, ``lowerLetter``,
            ``bullet``...
        cell: For a paragraph in a table, the table (from 0), row and column.
    """

    path: str
    heading: int = 0
    list_id: str = ""
    depth: int = 0
    numbering: str = ""
    cell: tuple[int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class PartRegion:
    """Where a stretch of a Word document's text is: a paragraph of a part, a range in it.

    Attributes:
        part: The package part (``word/document.xml``).
        path: The paragraph's XPath in the part.
        start: Start offset in the paragraph's text.
        end: End offset in the paragraph's text.
    """

    part: str
    path: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PackageLayout:
    """A Word document's paragraphs: where each is in the package and in the source text.

    The source text is the paragraphs' texts joined by line breaks, in document order.

    Attributes:
        part: The part the paragraphs are in.
        paragraphs: Each paragraph's place and kind.
        starts: Where each paragraph's text starts in the source text.
        ends: Where it ends.
    """

    part: str
    paragraphs: tuple[DocxParagraph, ...]
    starts: array[int]
    ends: array[int]

    def regions(self, span: Span) -> list[PartRegion]:
        """Where ``span`` of the source text is: one region per paragraph it covers."""
        found = []
        for index in range(max(0, bisect_right(self.starts, span.start) - 1),
                           len(self.starts)):
            start, end = self.starts[index], self.ends[index]
            if start >= span.end and index:
                break
            low, high = max(span.start, start), min(span.end, end)
            if low < high:
                found.append(PartRegion(self.part, self.paragraphs[index].path,
                                        low - start, high - start))
        return found


@dataclass(frozen=True, slots=True)
class Region:
    """Where a stretch of a PDF's text is: a page, a range in its text, a rectangle.

    Attributes:
        page: The page number, from 1.
        start: Start offset in that page's text.
        end: End offset in that page's text.
        box: ``(left, top, width, height)`` in points from the page's top-left corner,
            as RFC 3778's ``viewrect`` writes it; None when no line of it has a box.
    """

    page: int
    start: int
    end: int
    box: tuple[float, float, float, float] | None


@dataclass(frozen=True, slots=True)
class PageLayout:
    """A PDF's pages and lines: where each is in the source text and on its page.

    The source text is the pages' texts joined by a form feed; coordinates are PDF points
    with the origin at the page's bottom left, as PDF writes them. Arrays keep a long
    document's lines small.

    Attributes:
        pages: Start and end offset of each page's text, two per page.
        sizes: Width and height of each page, two per page.
        line_starts: Start offset of each line.
        line_ends: End offset of each line (before its line break).
        line_boxes: ``left, bottom, right, top`` of each line's characters, four per line.
        line_fonts: The font size of most of each line's characters (empty in an
            outline).
        line_weights: Their font weight, 400 regular, 700 bold (empty in an outline).
        line_pages: The page of each line, from 0.
        superscripts: Start and end offset of each raised, small footnote marker, two
            per marker (empty in an outline).
        rules: ``left, bottom, right, top`` of each thin line drawn on a page (a table's
            borders), four per rule (empty in an outline).
        rule_pages: The page of each rule, from 0.
    """

    pages: array[int]
    sizes: array[float]
    line_starts: array[int]
    line_ends: array[int]
    line_boxes: array[float]
    line_fonts: array[float]
    line_weights: array[int]
    line_pages: array[int]
    superscripts: array[int] = field(default_factory=lambda: array("l"))
    rules: array[float] = field(default_factory=lambda: array("f"))
    rule_pages: array[int] = field(default_factory=lambda: array("l"))

    @property
    def page_count(self) -> int:
        """How many pages the PDF has."""
        return len(self.pages) // 2

    def page_of(self, offset: int) -> int:
        """The page (from 0) whose text holds ``offset`` (or the break after it)."""
        return max(0, bisect_right(self.pages, offset, 0, len(self.pages)) - 1) // 2

    def regions(self, span: Span) -> list[Region]:
        """Where ``span`` of the source text is: one region per page it covers.

        A region holds the lines of its page that ``span`` reaches, trimmed to them: a
        sentence over a page break does not take in the page number between its pieces.
        """
        found = []
        low = bisect_right(self.line_ends, span.start)
        for page in range(self.page_of(span.start), self.page_of(max(span.start,
                                                                     span.end - 1)) + 1):
            first = self.pages[2 * page]
            lines = [line for line in range(low, len(self.line_starts))
                     if self.line_pages[line] == page and self.line_starts[line] < span.end
                     and self.line_ends[line] > span.start]
            if not lines:
                continue
            start = max(span.start, self.line_starts[lines[0]])
            end = min(span.end, self.line_ends[lines[-1]])
            found.append(Region(page + 1, start - first, end - first,
                                self._box(page, start, end)))
        return found

    def without_lines(self, lines: Iterable[int]) -> PageLayout:
        """The layout with ``lines`` left out (page furniture, which is no prose)."""
        gone = set(lines)
        kept = [i for i in range(len(self.line_starts)) if i not in gone]
        return PageLayout(
            self.pages, self.sizes,
            array("l", (self.line_starts[i] for i in kept)),
            array("l", (self.line_ends[i] for i in kept)),
            array("f", (v for i in kept for v in self.line_boxes[4 * i : 4 * i + 4])),
            array("f", (self.line_fonts[i] for i in kept)) if self.line_fonts else array("f"),
            array("h", (self.line_weights[i] for i in kept)) if self.line_weights
            else array("h"),
            array("l", (self.line_pages[i] for i in kept)), self.superscripts, self.rules,
            self.rule_pages)

    def _box(self, page: int, start: int, end: int) -> tuple[float, float, float, float] | None:
        left = bottom = math.inf
        right = top = -math.inf
        low = bisect_right(self.line_ends, start)
        for line in range(low, len(self.line_starts)):
            line_start, line_end = self.line_starts[line], self.line_ends[line]
            if line_start >= end:
                break
            if self.line_pages[line] != page or line_end <= start:
                continue
            x0, y0, x1, y1 = self.line_boxes[4 * line : 4 * line + 4]
            # Within a line, characters are taken as evenly wide: a sentence's box
            # starts and ends about where its first and last characters are.
            width = (x1 - x0) / max(1, line_end - line_start)
            left = min(left, x0 + width * max(0, start - line_start))
            right = max(right, x1 - width * max(0, line_end - end))
            bottom, top = min(bottom, y0), max(top, y1)
        if left == math.inf:
            return None
        height = self.sizes[2 * page + 1]
        return (round(left, 1), round(height - top, 1), round(right - left, 1),
                round(top - bottom, 1))

    def outline(self) -> PageLayout:
        """Only what provenance needs: no fonts."""
        return PageLayout(self.pages, self.sizes, self.line_starts, self.line_ends,
                          self.line_boxes, array("f"), array("h"), self.line_pages)


@dataclass(frozen=True, slots=True)
class ByteIndex:
    """Character offsets to byte offsets in an encoded file, without the text.

    Only the characters whose encoded length differs from the codec's usual one (in
    UTF-8, those outside ASCII) are listed, with the extra bytes taken by each and all
    before it, so a lookup is a binary search and the index is small.

    Attributes:
        length: Characters in the text.
        bom: Bytes of byte-order mark before the text.
        unit: Bytes per character, for most characters.
        wide: Offsets of the characters that take more, in order.
        extra: Extra bytes taken by ``wide[i]`` and every wide character before it.
    """

    length: int
    bom: int = 0
    unit: int = 1
    wide: tuple[int, ...] = ()
    extra: tuple[int, ...] = ()

    @classmethod
    def of(cls, text: str, encoding: str, bom: int = 0) -> ByteIndex:
        """Index ``text`` as ``encoding`` would encode it.

        Unpaired surrogates count as ``surrogatepass`` would encode them.
        """
        if encoding in _SINGLE_BYTE:
            # One byte per character; the cp1252 fallback also decodes the five bytes
            # cp1252 leaves undefined, so re-encoding could fail where counting cannot.
            return cls(len(text), bom)
        # Another codec: every character is measured.
        pattern = _WIDE.get(encoding, _ANY)
        unit = len("a".encode(encoding)) if encoding in _WIDE else 1
        wide: list[int] = []
        extra: list[int] = []
        total = 0
        for match in pattern.finditer(text):
            total += len(match.group().encode(encoding, "surrogatepass")) - unit
            wide.append(match.start())
            extra.append(total)
        return cls(len(text), bom, unit, tuple(wide), tuple(extra))

    def offset(self, index: int) -> int:
        """The byte offset in the file of character ``index`` (``length``: the end)."""
        if not 0 <= index <= self.length:
            raise IndexError(f"offset {index} outside source of length {self.length}")
        before = bisect_left(self.wide, index)
        return self.bom + self.unit * index + (self.extra[before - 1] if before else 0)

    def span(self, span: Span) -> Span:
        """The byte range in the file of a character range of the text."""
        return Span(self.offset(span.start), self.offset(span.end))


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document: its metadata and its ordered blocks.

    Attributes:
        id: A stable identifier: a hash of the file's bytes.
        path: Where it came from (``-`` for standard input), as named to docgraph; for
            messages.
        format: The markup the body was written in.
        metadata: Title, date and other facts about the page.
        blocks: The cleaned blocks in reading order.
        text: The whole decoded source file, which block offsets point into.
        encoding: The codec the file was decoded with.
        bom: Length in bytes of the file's byte-order mark.
        source_path: The path a graph records for it (see :class:`InputFile`); by
            default the file's name.
        pages: For a PDF, its pages and lines; its ``text`` is the text layer, and
            offsets map to pages and rectangles, not to the file's bytes.
        package: For a Word document, its paragraphs; offsets map to a paragraph of a
            part of the package, not to the file's bytes.
        byte_index: Where each character of ``text`` starts in the file (made from
            ``text``, once; for a PDF, where it is in the text layer).
    """

    id: str
    path: str
    format: InputFormat
    metadata: Metadata
    blocks: tuple[Block, ...]
    text: str = field(repr=False)
    encoding: str = "utf-8"
    bom: int = 0
    source_path: str = ""
    pages: PageLayout | None = field(default=None, repr=False, compare=False)
    package: PackageLayout | None = field(default=None, repr=False, compare=False)
    byte_index: ByteIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.source_path:
            object.__setattr__(self, "source_path", own_name(self.path))
        # Made once: encoding the text up to each offset asked for was quadratic in a
        # long document's length.
        object.__setattr__(self, "byte_index",
                           ByteIndex(len(self.text))
                           if self.pages is not None or self.package is not None else
                           ByteIndex.of(self.text, self.encoding, self.bom))

    def byte_offset(self, offset: int) -> int:
        """Convert a character offset into the source text to a byte offset in the file."""
        return self.byte_index.offset(offset)

    def byte_span(self, span: Span) -> Span:
        """Convert a character span of the source text to a byte span in the file."""
        return self.byte_index.span(span)

    def content(self) -> tuple[Block, ...]:
        """The blocks that are not marked as boilerplate."""
        return tuple(block for block in self.blocks if block.boilerplate is None)

    def outline(self) -> Outline:
        """What a graph of this document needs of it, without its text."""
        return Outline(self.id, self.path, self.format, self.metadata,
                       tuple(BlockOutline(b.index, b.kind, b.number) for b in self.blocks),
                       self.byte_index, self.source_path,
                       self.pages.outline() if self.pages is not None else None,
                       self.package, self.attachments)

    @property
    def attachments(self) -> tuple[str, ...]:
        """The targets of links to files a page attaches (PDF and Word), in order."""
        found: dict[str, None] = {}
        for block in self.blocks:
            for link in block.links:
                path = link.href.split("#", 1)[0].split("?", 1)[0].lower()
                if path.endswith(ATTACHMENT_SUFFIXES):
                    found.setdefault(link.href.strip(), None)
        return tuple(found)


@dataclass(frozen=True, slots=True)
class BlockOutline:
    """A block as a graph records it: its place, its kind and its number."""

    index: int
    kind: BlockKind
    number: int | None = None


@dataclass(frozen=True, slots=True)
class Outline:
    """A document as a graph records it: what it is, but not its text.

    See :meth:`Document.outline`. A batch of a hundred thousand documents is merged
    into one graph; each document's text and blocks would stay in memory until the
    graph is written, for nothing.
    """

    id: str
    path: str
    format: InputFormat
    metadata: Metadata
    blocks: tuple[BlockOutline, ...]
    byte_index: ByteIndex = field(repr=False, compare=False)
    source_path: str = ""
    pages: PageLayout | None = field(default=None, repr=False, compare=False)
    package: PackageLayout | None = field(default=None, repr=False, compare=False)
    attachments: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.source_path:
            object.__setattr__(self, "source_path", own_name(self.path))

    def byte_span(self, span: Span) -> Span:
        """Convert a character span of the source text to a byte span in the file."""
        return self.byte_index.span(span)

    def outline(self) -> Outline:
        """Itself."""
        return self


@dataclass(frozen=True, slots=True, kw_only=True)
class Naming:
    """What a name says about its entity beyond its class.

    One record for the recogniser's candidates (:class:`docgraph.ner.candidates.Candidate`,
    in token offsets) and the mentions it hands on (:class:`Mention`, in block offsets).

    Attributes:
        key: What identifies the entity when known: a gazetteer IRI, or the key of the
            long form an acronym stands for.
        honorific: The honorific or title used with a person's name.
        acronym_of: For an acronym, the long form it was defined with.
        series: For a numbered meeting, the key of its series.
        series_name: For a numbered meeting, the name of its series.
        ordinal: For a numbered meeting, its number in the series.
        anaphor: Only a head noun ("the Working Group") that must find an antecedent.
    """

    key: str | None = None
    honorific: str | None = None
    acronym_of: str | None = None
    series: str | None = None
    series_name: str | None = None
    ordinal: int | None = None
    anaphor: bool = False

    def naming(self) -> dict[str, Any]:
        """The fields of :class:`Naming`, to carry them from one record to another."""
        return {name: getattr(self, name) for name in _NAMING_FIELDS}


_NAMING_FIELDS = ("key", "honorific", "acronym_of", "series", "series_name", "ordinal",
                  "anaphor")


@dataclass(frozen=True, slots=True)
class Mention(Naming):
    """A stretch of a block's text that names an entity.

    Attributes:
        text: The text as it appears (honorific excluded, suffix such as "SC" included).
        label: The class's local name in docgraph's ontology (``Person``, ``Country``).
        block: The :attr:`Block.index` of the block it is in.
        start: Start offset in the block's text.
        end: End offset in the block's text.
        sentence: The sentence holding it, as offsets in the block's text.
        source: What found it: ``gazetteer``, ``people``, ``posts``, ``meetings``,
            ``names``, ``acronym``, ``acronym-definition`` or ``model``.
        name: The name it gives (without honorific or suffix).

    The rest, from :class:`Naming`, are keywords.
    """

    text: str
    label: str
    block: int
    start: int
    end: int
    sentence: Span
    source: str
    name: str


# How a date bounds a relation; see :class:`Relation`.
Bound = Literal["on", "since", "until", "between"]


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation a sentence states between two mentions, with its provenance.

    Attributes:
        subject: The mention the relation is about.
        predicate: The relation's local name in docgraph's ontology (``chairOf``, ...).
        object: The other mention.
        document: The id of the document.
        block: The :attr:`Block.index` of the block holding the sentence.
        sentence: The sentence, as offsets in the block's text.
        text: The sentence's text.
        source: The sentence's range in the source file.
        rule: The rule that found it (``verb:chair``, ``pattern:apposition``, ...).
        confidence: How reliable the rule is, in [0, 1].
        start: First day of the period the sentence gives for it, if any.
        end: Last day of that period.
        bound: How the period bounds the relation (:class:`docgraph.dates.Dated`):
            ``"on"`` it held at some time in the period (a bare date), ``"since"`` it
            began on ``start``, ``"until"`` it ended on ``end``, ``"between"`` it held
            from ``start`` to ``end``.
        status: ``"done"`` when the sentence says it happened or holds, ``"planned"``
            when it says it is announced, scheduled or decided ("will be appointed",
            "agreed to set up"). What is only intended, possible or denied is no
            relation at all (:class:`docgraph.clauses.Status`).
        dated_by: Where ``start`` and ``end`` come from: ``"sentence"``, its own
            sentence; ``"context"``, a neighbouring one ("His appointment will take
            effect from 15 March 2024", a successor's start).
    """

    subject: Mention
    predicate: str
    object: Mention
    document: str
    block: int
    sentence: Span
    text: str
    source: Span
    rule: str
    confidence: float
    start: dt.date | None = None
    end: dt.date | None = None
    bound: Bound = "on"
    status: Literal["done", "planned"] = "done"
    dated_by: Literal["sentence", "context"] = "sentence"


@dataclass(frozen=True, slots=True)
class Merge:
    """Why a surface form was merged into an entity.

    Attributes:
        form: The surface form.
        rule: The resolution rule (``gazetteer``, ``acronym``, ``same-name``,
            ``short-name``, ``head-noun``, ...; across documents ``folded-name``,
            ``site-acronym``, ``spelling-variant``).
        evidence: Why the rule applies, in words, for rules that need more than the two
            names ("NLB is defined as National Library Board on 12 pages").
        document: The document that gives the evidence, if one does.
    """

    form: str
    rule: str
    evidence: str = ""
    document: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, with every mention of it.

    Attributes:
        key: What identifies it within a run (a gazetteer IRI, or class and name).
        label: The class's local name in docgraph's ontology.
        name: Its canonical name.
        aliases: Every other name it was mentioned by, acronyms included.
        mentions: Its mentions, in document order.
        documents: Ids of the documents that mention it.
        iri: Its IRI when a gazetteer names it.
        honorifics: Honorifics and titles used with a person's name.
        series: For a numbered meeting, the key of its series.
        ordinal: For a numbered meeting, its number.
        merges: How each surface form came to be part of this entity.
    """

    key: str
    label: str
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    documents: tuple[str, ...]
    iri: str | None = None
    honorifics: tuple[str, ...] = ()
    series: str | None = None
    ordinal: int | None = None
    merges: tuple[Merge, ...] = ()
