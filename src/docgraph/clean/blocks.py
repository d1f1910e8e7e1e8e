"""Walk a document tree and cut it into ordered blocks.

The builder follows a browser's idea of layout: block-level elements (paragraphs,
headings, list items, table cells, ...) start blocks, inline elements flow into the
block around them, and loose text between blocks forms a paragraph of its own. A list
item or table cell is one block even when its text is split over several ``<p>``, so a
sentence broken across them stays in one block. Headings, including paragraphs that are
wholly bold or underlined, give later blocks their section path; ordered lists and
leading ``2.``/``2 `` give paragraph numbers; footnote markers leave the prose and are
recorded.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from docgraph.clean.dom import Element, Text
from docgraph.clean.text import BREAK, CleanText, normalise, visible_count
from docgraph.markup import offsets
from docgraph.types import Block, BlockKind, Footnote, Span, TableCell

# Elements whose content is never shown as prose on the page.
DROPPED = frozenset({
    "head", "title", "meta", "link", "base", "script", "style", "noscript", "template",
    "iframe", "nav", "header", "footer", "aside", "form", "button", "select", "option",
    "optgroup", "textarea", "input", "svg", "math", "canvas", "object", "embed", "audio",
    "video", "map", "dialog", "frameset", "frame", "datalist", "output", "progress",
    "meter",
})
# Elements that each start a block of the given kind.
LEAVES = {
    "p": BlockKind.PARAGRAPH, "pre": BlockKind.PARAGRAPH, "address": BlockKind.PARAGRAPH,
    "dt": BlockKind.PARAGRAPH, "dd": BlockKind.PARAGRAPH, "li": BlockKind.LIST_ITEM,
    "h1": BlockKind.HEADING, "h2": BlockKind.HEADING, "h3": BlockKind.HEADING,
    "h4": BlockKind.HEADING, "h5": BlockKind.HEADING, "h6": BlockKind.HEADING,
    "summary": BlockKind.HEADING, "caption": BlockKind.CAPTION,
    "figcaption": BlockKind.CAPTION, "td": BlockKind.TABLE_CELL, "th": BlockKind.TABLE_CELL,
}
# Block containers: their own loose text is a paragraph; their children are blocks.
CONTAINERS = frozenset({
    "html", "body", "div", "section", "article", "main", "blockquote", "figure", "center",
    "dl", "fieldset", "hgroup", "legend", "tbody", "thead", "tfoot", "tr", "colgroup",
    "col", "details", "hr",
})
LISTS = frozenset({"ul", "ol", "menu", "dir"})
# Elements that WAI-ARIA's role="heading" (with aria-level) makes a heading of.
ARIA_HEADING_HOSTS = frozenset({"p", "div"})
BOLD = frozenset({"strong", "b"})
UNDERLINE = frozenset({"u", "ins"})

# A heading made of a bold or underlined paragraph sits below every real <h1>-<h6>;
# underlining alone is the weaker emphasis, so it nests under bold ones.
BOLD_HEADING_LEVEL = 7
UNDERLINE_HEADING_LEVEL = 8
# A wholly bold paragraph longer than this, or ending in a full stop, is emphasis, not a
# heading.
MAX_HEADING_LENGTH = 250

# Superscript digits ("[\u00b9]") mark footnotes where pages are pasted from Word.
_SUPERSCRIPT_DIGITS = "\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_MARKER = re.compile(rf"^\s*\[?\s*(\d{{1,3}}|[{_SUPERSCRIPT_DIGITS}]{{1,3}}"
                     r"|[*\u2020\u2021\u00a7]{1,3})\s*\]?\s*$")
# A link to a footnote, as Word's HTML writes it ("#_ftn1"): its marker is a footnote's.
_FOOTNOTE_HREF = re.compile(r"#_?(?:ftn|edn|fn|footnote)", re.IGNORECASE)
_ORDINAL = re.compile(r"^\s*(st|nd|rd|th|e|er|re|ème|o|a)\s*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,3})(?:[.)](?=\s)|\s+(?=[A-Z\u201c\u2018\"'(\[]))")
_FOOTNOTE_LEAD = re.compile(rf"^\[?(\d{{1,3}}|[{_SUPERSCRIPT_DIGITS}]{{1,3}}"
                            r"|[*\u2020\u2021\u00a7]{1,3})\]?[.)]?(?=\s|$)")
# "[1] Source: ..." opening a paragraph is a footnote written without <sup>.
_BRACKETED_NOTE = re.compile(r"^\[(\d{1,3})\](?=\s)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NUMBER_SLACK = 3  # how far a leading paragraph number may jump ahead of the previous one


@dataclass(slots=True)
class _Buffer:
    """Raw text of the block being built, with per-character source ranges."""

    parts: list[str] = field(default_factory=list)
    starts: array[int] = field(default_factory=offsets)
    ends: array[int] = field(default_factory=offsets)
    links: list[tuple[int, int, str]] = field(default_factory=list)
    footnotes: list[tuple[str, int, Span, str | None]] = field(default_factory=list)
    images: list[tuple[Text, bool]] = field(default_factory=list)
    visible: int = 0
    bold: int = 0
    underline: int = 0
    last_break: int = -1
    """How many visible characters the buffer held at its last ``<br>``."""
    footnote_lead: str | None = None
    """``"marker"`` when the block opens with a footnote marker (a footnote's text),
    ``"inline"`` when it opens with a ``<sup id="fn1">`` holding the marker and text."""

    @property
    def length(self) -> int:
        return len(self.starts)

    def add(self, node: Text, bold: bool, underline: bool, preformatted: bool) -> None:
        text = node.text.replace("\n", BREAK) if preformatted else node.text
        self.parts.append(text)
        self.starts.extend(node.starts)
        self.ends.extend(node.ends)
        visible = visible_count(text)
        self.visible += visible
        self.bold += visible if bold else 0
        self.underline += visible if underline else 0

    def separate(self, char: str = " ") -> None:
        if self.starts:
            self.parts.append(char)
            self.starts.append(-1)
            self.ends.append(-1)

    def last_char(self) -> str:
        for part in reversed(self.parts):
            if part:
                return part[-1]
        return ""


@dataclass(slots=True)
class _Owner:
    """The element a buffer's text will become a block of."""

    kind: BlockKind
    merge: bool = False
    """Whether child paragraphs flow into this block (list items, cells, summaries)."""
    number: int | None = None
    level: int | None = None
    cell: TableCell | None = None
    depth: int = 0
    numbered_sequence: bool = False
    """Whether a leading ``2.`` in this block's text is a paragraph number."""
    detect_heading: bool = False
    buffer: _Buffer = field(default_factory=_Buffer)


@dataclass(slots=True)
class _Style:
    bold: bool = False
    underline: bool = False
    preformatted: bool = False


class BlockBuilder:
    """Turns one document tree into blocks; use :func:`build_blocks`."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.sections: list[tuple[int, str]] = []
        self.last_number: int | None = None
        self.tables = 0
        self.list_depth = 0
        self.table_depth = 0

    # Walking -----------------------------------------------------------------------

    def run(self, root: Element) -> list[Block]:
        """Cut ``root`` into blocks."""
        owner = _Owner(BlockKind.PARAGRAPH, numbered_sequence=True, detect_heading=True)
        self._children(root, owner, _Style())
        self._flush(owner)
        return self.blocks

    def _children(self, element: Element, owner: _Owner, style: _Style) -> None:
        for child in element.children:
            if isinstance(child, Text):
                owner.buffer.add(child, style.bold, style.underline, style.preformatted)
            else:
                self._element(child, owner, style)

    def _element(self, element: Element, owner: _Owner, style: _Style) -> None:
        tag = element.tag
        if tag in DROPPED or _hidden(element):
            return
        if tag == "br":
            if owner.kind is BlockKind.PARAGRAPH and owner.buffer.visible and \
                    owner.buffer.last_break == owner.buffer.visible:
                # "<br><br>": the page shows a new paragraph. Pages laid out this way
                # would otherwise be one block of thousands of characters.
                self._flush(owner)
            else:
                owner.buffer.separate(BREAK)
                owner.buffer.last_break = owner.buffer.visible
        elif tag == "img":
            self._image(element, owner)
        elif tag == "sup" or (tag == "a" and _FOOTNOTE_HREF.search(element.attrs.get("href", ""))
                              and _MARKER.match(element.text_content())):
            self._sup(element, owner, style)
        elif tag == "a":
            start = owner.buffer.length
            self._children(element, owner, style)
            href = element.attrs.get("href", "").strip()
            if href and owner.buffer.length > start:
                owner.buffer.links.append((start, owner.buffer.length, href))
        elif tag in LISTS:
            self._flush(owner)
            self._list(element, ordered=tag == "ol", style=style)
        elif tag == "table":
            self._flush(owner)
            self._table(element, style)
        elif tag == "details":
            self._flush(owner)
            depth = len(self.sections)
            self._block_children(element, style)
            del self.sections[depth:]
        elif owner.merge and (tag in LEAVES or tag in CONTAINERS) and tag not in (
            "li", "td", "th", "tr", "summary", "caption"
        ):
            owner.buffer.separate()
            self._children(element, owner, self._styled(element, style))
            owner.buffer.separate()
        elif tag in ARIA_HEADING_HOSTS and element.attrs.get("role", "").strip().lower() \
                == "heading":
            self._flush(owner)
            self._leaf(element, BlockKind.HEADING, style,
                       level=max(_int(element.attrs.get("aria-level"), 2), 1))
        elif tag in LEAVES:
            self._flush(owner)
            kind = LEAVES[tag]
            # A cell outside any table is shown as plain text.
            self._leaf(element, BlockKind.PARAGRAPH if kind is BlockKind.TABLE_CELL else kind,
                       style)
        elif tag in CONTAINERS:
            self._flush(owner)
            self._block_children(element, style)
        else:
            self._children(element, owner, self._styled(element, style))

    @staticmethod
    def _styled(element: Element, style: _Style) -> _Style:
        tag = element.tag
        if tag in BOLD or tag in UNDERLINE or tag == "pre":
            return _Style(style.bold or tag in BOLD, style.underline or tag in UNDERLINE,
                          style.preformatted or tag == "pre")
        return style

    def _block_children(self, element: Element, style: _Style) -> None:
        """Children of a container: loose text between child blocks is a paragraph."""
        owner = _Owner(BlockKind.PARAGRAPH, numbered_sequence=True, detect_heading=True)
        self._children(element, owner, style)
        self._flush(owner)

    def _at_top(self) -> bool:
        return self.list_depth == 0 and self.table_depth == 0

    def _leaf(self, element: Element, kind: BlockKind, style: _Style,
              number: int | None = None, cell: TableCell | None = None,
              depth: int = 0, level: int | None = None) -> str:
        if kind is BlockKind.HEADING and level is None:
            if element.tag == "summary":
                level = self.sections[-1][0] + 1 if self.sections else 2
            else:
                level = int(element.tag[1])
        owner = _Owner(
            kind,
            merge=kind is not BlockKind.PARAGRAPH or element.tag in ("dt", "dd"),
            number=number,
            level=level,
            cell=cell,
            depth=depth,
            numbered_sequence=kind is BlockKind.PARAGRAPH,
            detect_heading=element.tag == "p" and kind is BlockKind.PARAGRAPH,
        )
        first = len(self.blocks)
        self._children(element, owner, self._styled(element, style))
        self._flush(owner)
        made = [block for block in self.blocks[first:] if block.kind is kind]
        return made[0].text if made else ""

    def _list(self, element: Element, *, ordered: bool, style: _Style) -> None:
        reverse = "reversed" in element.attrs
        number = _int(element.attrs.get("start"), 1) if ordered else None
        top = self._at_top()
        self.list_depth += 1
        # Text loose in a list (not in an <li>) reads as a paragraph of the page.
        stray = _Owner(BlockKind.PARAGRAPH, numbered_sequence=True, detect_heading=True)
        for child in element.children:
            if isinstance(child, Text):
                stray.buffer.add(child, style.bold, style.underline, style.preformatted)
                continue
            if child.tag != "li":
                self._flush(stray)
                self.list_depth -= 1  # stray content belongs to the list's surroundings
                self._element(child, stray, style)
                self.list_depth += 1
                continue
            self._flush(stray)
            if number is not None:
                number = _int(child.attrs.get("value"), number)
            made = len(self.blocks)
            self._leaf(child, BlockKind.LIST_ITEM, style, number=number,
                       depth=self.list_depth - 1)
            if top and number is not None and len(self.blocks) > made:
                self.last_number = number
            if number is not None:
                number += -1 if reverse else 1
        self.list_depth -= 1
        self._flush(stray)

    def _table(self, table: Element, style: _Style) -> None:
        index = self.tables
        self.tables += 1
        self.table_depth += 1
        rows: list[tuple[Element, bool]] = []
        for child in table.children:
            if isinstance(child, Text):
                continue
            if child.tag == "caption":
                self._leaf(child, BlockKind.CAPTION, style)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend((row, child.tag == "thead") for row in child.children
                            if isinstance(row, Element) and row.tag == "tr")
            elif child.tag == "tr":
                rows.append((child, False))
        occupied: set[tuple[int, int]] = set()
        headers: dict[int, str] = {}
        for row_index, (row, in_head) in enumerate(rows):
            cells = [c for c in row.children if isinstance(c, Element) and c.tag in ("td", "th")]
            header_row = in_head or (bool(cells) and all(c.tag == "th" for c in cells)
                                     and not headers and row_index == 0)
            column = 0
            for cell in cells:
                while (row_index, column) in occupied:
                    column += 1
                colspan = min(max(_int(cell.attrs.get("colspan"), 1), 1), 1000)
                rowspan = min(max(_int(cell.attrs.get("rowspan"), 1), 1), 1000)
                for extra_row in range(row_index + 1, row_index + rowspan):
                    occupied.update((extra_row, col) for col in range(column, column + colspan))
                is_header = cell.tag == "th" or header_row
                position = TableCell(index, row_index, column,
                                     None if is_header else headers.get(column), is_header)
                text = self._leaf(cell, BlockKind.TABLE_CELL, style, cell=position)
                if header_row and text:
                    for col in range(column, column + colspan):
                        headers[col] = text
                column += colspan
        self.table_depth -= 1

    def _image(self, element: Element, owner: _Owner) -> None:
        alt = next((child for child in element.children if isinstance(child, Text)), None)
        if alt is not None and alt.text.strip():
            owner.buffer.images.append((alt, owner.buffer.visible == 0))

    def _sup(self, element: Element, owner: _Owner, style: _Style) -> None:
        content = element.text_content()
        buffer = owner.buffer
        marker = _MARKER.match(content)
        # "10<sup>2</sup>" is a power, not a footnote, unless the page says it is a note's
        # reference (ARIA's doc-noteref; the PDF reader marks raised markers so).
        noteref = "doc-noteref" in element.attrs.get("role", "").split()
        if marker and (noteref or not (content.strip().isdigit()
                                       and buffer.last_char().isdigit())):
            chars = [(start, end) for node in _texts(element)
                     for start, end, char in zip(node.starts, node.ends, node.text, strict=True)
                     if not char.isspace()]
            span = Span(chars[0][0], chars[-1][1]) if chars else Span(0, 0)
            href = next((a.attrs.get("href") for a in _descendants(element, "a")), None)
            if buffer.visible == 0:
                buffer.footnote_lead = "marker"
            buffer.footnotes.append((marker.group(1), buffer.length, span, href))
            if content[:1].isspace() or content[-1:].isspace():
                buffer.separate()  # "(SHE)<sup>1 </sup>found": the space still parts words
            return
        if element.attrs.get("id", "").lower().startswith("fn") and buffer.visible == 0:
            buffer.footnote_lead = "inline"
        # Anything else, superscript ordinals ("11<sup>th</sup>") included, stays in the
        # prose.
        self._children(element, owner, style)

    # Emitting ----------------------------------------------------------------------

    def _flush(self, owner: _Owner) -> None:
        buffer = owner.buffer
        owner.buffer = _Buffer()
        images_first = [alt for alt, first in buffer.images if first]
        images_after = [alt for alt, first in buffer.images if not first]
        for alt in images_first:
            self._emit_image(alt)
        if buffer.visible:
            self._emit(owner, buffer, has_images=bool(buffer.images))
            owner.number = None
        for alt in images_after:
            self._emit_image(alt)

    def _emit_image(self, alt: Text) -> None:
        clean = normalise(alt.text, alt.starts[:], alt.ends[:], [], [])
        if clean.text:
            self._append(BlockKind.IMAGE_ALT, clean)

    def _emit(self, owner: _Owner, buffer: _Buffer, *, has_images: bool) -> None:
        clean = normalise("".join(buffer.parts), buffer.starts, buffer.ends, buffer.links,
                          buffer.footnotes)
        if not clean.text:
            return
        kind, level, number = owner.kind, owner.level, owner.number
        if buffer.footnote_lead:
            kind, level = BlockKind.FOOTNOTE, None  # a footnote even in a heading's tag
            lead = _FOOTNOTE_LEAD.match(clean.text)
            if buffer.footnote_lead == "inline" and lead:
                span = Span(clean.starts[0], clean.ends[lead.end() - 1])
                clean.footnotes.insert(0, Footnote(lead.group(1), 0, span))
                clean.drop_prefix(lead.end())
        elif kind is BlockKind.PARAGRAPH and _BRACKETED_NOTE.match(clean.text):
            lead = _BRACKETED_NOTE.match(clean.text)
            assert lead is not None
            kind = BlockKind.FOOTNOTE
            span = Span(clean.starts[0], clean.ends[lead.end() - 1])
            clean.footnotes.insert(0, Footnote(lead.group(1), 0, span))
            clean.drop_prefix(lead.end())
        elif owner.detect_heading and _looks_like_heading(clean.text, buffer):
            kind = BlockKind.HEADING
            level = BOLD_HEADING_LEVEL if buffer.bold == buffer.visible else \
                UNDERLINE_HEADING_LEVEL
        elif kind is BlockKind.PARAGRAPH and has_images and len(clean.text) <= 300:
            kind = BlockKind.CAPTION
        elif kind is BlockKind.PARAGRAPH and owner.numbered_sequence:
            number = self._leading_number(clean)
        if not clean.text:
            return
        self._append(kind, clean, number=number, level=level, cell=owner.cell,
                     depth=owner.depth)

    def _leading_number(self, clean: CleanText) -> int | None:
        match = _NUMBERED.match(clean.text)
        if not match:
            return None
        value = int(match.group(1))
        last = self.last_number
        plausible = (
            (value == 1 and match.group(0).endswith((".", ")")))
            or (last is None and 1 <= value <= _NUMBER_SLACK)
            or (last is not None and last < value <= last + _NUMBER_SLACK)
        )
        if not plausible or match.end() >= len(clean.text):
            return None
        clean.drop_prefix(match.end())
        self.last_number = value
        return value

    def _append(self, kind: BlockKind, clean: CleanText, *, number: int | None = None,
                level: int | None = None, cell: TableCell | None = None,
                depth: int = 0) -> None:
        if kind is BlockKind.HEADING:
            heading_level = level or BOLD_HEADING_LEVEL
            while self.sections and self.sections[-1][0] >= heading_level:
                self.sections.pop()
            section = tuple(text for _, text in self.sections)
            self.sections.append((heading_level, clean.text.replace("\n", " ")))
            level = heading_level
        else:
            section = tuple(text for _, text in self.sections)
        self.blocks.append(Block(
            index=len(self.blocks),
            kind=kind,
            text=clean.text,
            span=clean.span(),
            offsets=clean.source_map(),
            section=section,
            number=number,
            level=level,
            cell=cell,
            depth=depth,
            links=tuple(clean.links),
            footnotes=tuple(clean.footnotes),
        ))


def build_blocks(root: Element) -> list[Block]:
    """Cut a document tree into blocks in reading order.

    Args:
        root: The tree from one of the format readers.

    Returns:
        Blocks without boilerplate marks (see :mod:`docgraph.clean.boilerplate`).
    """
    return BlockBuilder().run(root)


def _looks_like_heading(text: str, buffer: _Buffer) -> bool:
    emphasised = buffer.bold == buffer.visible or buffer.underline == buffer.visible
    return emphasised and emphasis_makes_heading(text)


def emphasis_makes_heading(text: str) -> bool:
    """Whether a wholly bold or underlined paragraph of this text reads as a heading."""
    return len(text) <= MAX_HEADING_LENGTH and not text.rstrip().endswith((".", ";", ","))


def _hidden(element: Element) -> bool:
    attrs = element.attrs
    return ("hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(attrs.get("style", ""))))


def _int(value: str | None, default: int) -> int:
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


def _texts(element: Element) -> list[Text]:
    out: list[Text] = []
    for child in element.children:
        if isinstance(child, Text):
            out.append(child)
        else:
            out.extend(_texts(child))
    return out


def _descendants(element: Element, tag: str) -> list[Element]:
    out: list[Element] = []
    for child in element.children:
        if isinstance(child, Element):
            if child.tag == tag:
                out.append(child)
            out.extend(_descendants(child, tag))
    return out
