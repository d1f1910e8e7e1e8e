"""Read a PDF's lines into the offset-keeping document tree: paragraphs, headings, lists.

PDFium gives lines in the order the page draws them, which for press releases, annexes
and factsheets is reading order, a table cell after cell (:mod:`docgraph.pdftext`). This
reader turns lines into what a reader sees:

- **Page furniture** leaves the prose: a page number, or a line in the top or bottom
  margin that recurs on other pages (a running title), goes into a ``<footer>``, which
  the block builder drops as it drops an HTML page's.
- **Paragraphs**: a line continues the paragraph above it when it sits just below it
  (a gap under about half a line), overlaps it across the page, and is in the same font
  size; a bullet or a larger gap starts a new one. A paragraph left open at the foot of
  a page goes on at the top of the next when it starts in lower case.
- **Headings**: a short paragraph (two lines at most, no closing full stop) in a larger
  or bold font, or in capitals.
- **Lists**: a paragraph opening with a bullet is a list item, the bullet left out.
- **Line ends**: a line break reads as a space; a word hyphenated across two lines is
  joined ("pro-" "vision" is "provision") when the joined word is an English word, and
  keeps its hyphen otherwise ("Singapore-" "based").

Each character of a block maps to its place in the text layer; the space that stands
for a line break maps to the break.
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from docgraph.clean.dom import Element, Text
from docgraph.lexicon import common_words
from docgraph.markup import offsets
from docgraph.types import PageLayout

# A line in the top or bottom margin this share of the page's height is page furniture
# when it is a page number or recurs on another page.
_MARGIN = 0.1
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?$",
                          re.IGNORECASE)
# Bullets, symbol fonts' among them: their characters sit in the private use area, a
# Wingdings tick read as "ü" and a private character.
_BULLET = re.compile(r"^\s*([•●▪■◦‣∙·○✓✔➢➤►]|ü?[\uf020-\uf0ff]|[-–*](?=\s))\s*")
_NUMBER_START = re.compile(r"^\s*(?:\d{1,3}[.)]|\([a-z0-9]{1,4}\)|[a-z][.)]|[ivx]{1,4}[.)])\s")
# A footnote's text: its number and a capital, in a smaller font than the body's.
_FOOTNOTE = re.compile(r"^\s*(\d{1,3})(?:\s+(?=[A-Z\u201c\"(])|\s*$)")
_TERMINAL = re.compile(r"[.!?:;][\"'”’)]*$")
_HYPHENATED = re.compile(r"([A-Za-z0-9]+)-$")
_NEXT_WORD = re.compile(r"^([a-z]+|[0-9]+)")
_BOLD = 600  # a font weight from which a line reads as bold
_LARGER = 1.15  # a font this much larger than the body's makes a heading
_MAX_HEADING = 150
_COLUMN = 0.3  # a column of text is at least this share of its region's width
_MAX_RULES = 2000  # more thin lines than this on a page make a drawing, not tables


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    page: int
    left: float
    bottom: float
    right: float
    top: float
    font: float
    weight: int


def parse_pdf(source: str, layout: PageLayout) -> tuple[Element, PageLayout]:
    """The tree of a PDF whose text layer is ``source``, and its layout without furniture.

    The layout's lines are then the prose's: a statement's rectangle never takes in a
    page number.
    """
    boxes = layout.line_boxes
    lines = [_Line(layout.line_starts[i], layout.line_ends[i], layout.line_pages[i],
                   boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3],
                   layout.line_fonts[i], layout.line_weights[i])
             for i in range(len(layout.line_starts))]
    furniture = _furniture(source, lines, layout)
    tables = _tables(layout)
    body = _reading_order([line for index, line in enumerate(lines)
                           if index not in furniture], set(tables))
    root = Element("root")
    footer = Element("footer")
    for index in sorted(furniture):
        footer.append(Text.verbatim(source, lines[index].start, lines[index].end))
    if footer.children:
        root.append(footer)
    size = _body_size(source, body)
    spacing = _spacing(body)
    marks = layout.superscripts
    markers = [(marks[i], marks[i + 1]) for i in range(0, len(marks), 2)]
    starts = {start for start, _ in markers}
    placed: dict[int, tuple[_Table, int, int, int]] = {}
    for index, line in enumerate(body):
        for table in tables.get(line.page, ()):
            cell = table.cell(line)
            if cell is not None:
                placed[index] = (table, *cell)
                break
    run: list[_Line] = []
    drawn: set[int] = set()
    # The last table drawn, its element, and whether prose came after it.
    last: tuple[_Table, Element] | None = None

    def flush() -> None:
        nonlocal last
        for paragraph in _paragraphs(source, run, spacing, size, starts):
            root.append(_element(source, paragraph, size, markers))
            first = paragraph[0]
            # Footnotes at a page's foot do not end a table that goes on over the page.
            if not _opens_with(source, first, starts) and \
                    not _footnote(source[first.start : first.end], first, size):
                last = None
        run.clear()

    for index, line in enumerate(body):
        if index not in placed:
            run.append(line)
            continue
        flush()
        table = placed[index][0]
        if id(table) not in drawn:
            drawn.add(id(table))
            cells = [(row, first, last_column, body[i])
                     for i, (t, row, first, last_column) in placed.items() if t is table]
            element = _table(source, cells, spacing, size, starts, markers)
            if last is not None and last[0].page + 1 == table.page and \
                    _same_columns(last[0], table):
                # A table the page break cut goes on: one table, whose header row (on
                # its first page) heads the rows on the next.
                last[1].children.extend(element.children)
                element = last[1]
            else:
                root.append(element)
            last = (table, element)
    flush()
    return root, layout.without_lines(furniture)


def _same_columns(first: _Table, second: _Table) -> bool:
    return len(first.columns) == len(second.columns) and all(
        abs(a - b) <= 2 for a, b in zip(first.columns, second.columns, strict=True))


def _reading_order(lines: list[_Line], ruled: set[int]) -> list[_Line]:
    """The lines of each page in the order a reader takes them.

    PDFium gives lines in the order the page draws them, which is reading order for most
    press releases and annexes, but not for a brochure whose lead box is drawn last or
    whose columns are drawn side by side. Each page without a ruled table is cut as a
    reader cuts it (recursive X-Y cuts): at the widest blank band across the whole
    region, across the page (top first) or down it (left first), until no band is left.
    """
    found: list[_Line] = []
    page: list[_Line] = []
    for line in [*lines, None]:
        if page and (line is None or line.page != page[0].page):
            found.extend(page if page[0].page in ruled else _cut(page))
            page = []
        if line is not None:
            page.append(line)
    return found


def _cut(lines: list[_Line]) -> list[_Line]:
    if len(lines) < 2:
        return lines
    size = statistics.median(line.font for line in lines)
    across, down = _band_across(lines), _band_down(lines)
    # A gutter between columns must be wider than a word space and than any band across
    # (two columns often have a blank line at the same height); a band across must be
    # half a line at least.
    if down is not None and down[0] >= max(size, across[0] if across else 0.0):
        split = down[1]
        left = [line for line in lines if line.right <= split]
        right = [line for line in lines if line.right > split]
        # Columns of text stand side by side (lines at the same height on both sides)
        # and are each a good part of the page wide: a narrow column of times or
        # numbers beside text is a table's, read row by row.
        whole = max(line.right for line in lines) - min(line.left for line in lines)
        if max(line.top for line in left) > min(line.bottom for line in right) and \
                max(line.top for line in right) > min(line.bottom for line in left) and \
                all(len(side) >= 2 and max(line.right for line in side)
                    - min(line.left for line in side) >= _COLUMN * whole
                    for side in (left, right)):
            return _cut(left) + _cut(right)
    if across is not None and across[0] >= 0.5 * size:
        split = across[1]
        return _cut([line for line in lines if line.bottom >= split]) + \
            _cut([line for line in lines if line.bottom < split])
    return lines


def _band_across(lines: list[_Line]) -> tuple[float, float] | None:
    """The widest blank band across the lines' region: its height and its middle."""
    best: tuple[float, float] | None = None
    ordered = sorted(lines, key=lambda line: -line.top)
    floor = ordered[0].bottom
    for line in ordered[1:]:
        if line.top < floor and (best is None or floor - line.top > best[0]):
            best = (floor - line.top, (floor + line.top) / 2)
        floor = min(floor, line.bottom)
    return best


def _band_down(lines: list[_Line]) -> tuple[float, float] | None:
    """The widest blank band down the lines' region: its width and its middle."""
    best: tuple[float, float] | None = None
    ordered = sorted(lines, key=lambda line: line.left)
    reach = ordered[0].right
    for line in ordered[1:]:
        if line.left > reach and (best is None or line.left - reach > best[0]):
            best = (line.left - reach, (reach + line.left) / 2)
        reach = max(reach, line.right)
    return best


@dataclass(slots=True)
class _Table:
    """A table drawn with rules: its box, and its row and column boundaries."""

    left: float
    bottom: float
    right: float
    top: float
    rows: list[float]  # the rules' heights, top first
    columns: list[float]  # the rules' x positions, left first
    verticals: list[tuple[float, float, float]]  # each vertical rule: x, bottom, top
    page: int

    def cell(self, line: _Line) -> tuple[int, int, int] | None:
        """The row and the first and last columns of the cell a line is in.

        The line's row is the band of rows its middle is in; its cell runs between the
        vertical rules that cross that band on either side of its left edge, and spans
        the columns between them (a heading row across the table spans them all).
        """
        middle = (line.bottom + line.top) / 2
        if not (self.left - 1 <= line.left and line.right <= self.right + 1
                and self.bottom <= middle <= self.top):
            return None
        row = sum(1 for y in self.rows if y > middle)
        above = self.rows[row - 1] if row > 0 else self.top
        below = self.rows[row] if row < len(self.rows) else self.bottom
        band = (above + below) / 2
        edges = sorted({self.columns[0], self.columns[-1]} | {
            x for x, low, high in self.verticals if low - 2 <= band <= high + 2})
        left = max((x for x in edges if x <= line.left + 1), default=edges[0])
        right = min((x for x in edges if x > line.left + 1), default=edges[-1])
        first = sum(1 for x in self.columns if x <= left + 1)
        last = sum(1 for x in self.columns if x < right - 1)
        return row, max(1, first), max(1, first, last)


def _tables(layout: PageLayout) -> dict[int, list[_Table]]:
    """The tables drawn on each page: rules that meet, with two rows and two columns."""
    by_page: dict[int, list[tuple[float, float, float, float]]] = {}
    values = layout.rules
    for number, page in enumerate(layout.rule_pages):
        by_page.setdefault(page, []).append(
            (values[4 * number], values[4 * number + 1], values[4 * number + 2],
             values[4 * number + 3]))
    found: dict[int, list[_Table]] = {}
    for page, rules in by_page.items():
        if len(rules) > _MAX_RULES:
            continue  # a drawing, not a table
        for group in _touching_groups(rules):
            rows = _distinct([(low + high) / 2 for left, low, right, high in group
                              if high - low < right - left])
            columns = _distinct([(left + right) / 2 for left, low, right, high in group
                                 if high - low >= right - left])
            # A box around one cell (a lead paragraph's frame) is no table.
            if len(rows) >= 2 and len(columns) >= 2 and len(rows) + len(columns) > 4:
                verticals = [((left + right) / 2, low, high) for left, low, right, high
                             in group if high - low >= right - left]
                found.setdefault(page, []).append(_Table(
                    min(g[0] for g in group), min(g[1] for g in group),
                    max(g[2] for g in group), max(g[3] for g in group),
                    sorted(rows, reverse=True), sorted(columns), verticals, page))
    return found


def _touching_groups(rules: list[tuple[float, float, float, float]]
                     ) -> list[list[tuple[float, float, float, float]]]:
    """Rules that meet or cross, directly or through others, as groups."""
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (l1, b1, r1, t1) in enumerate(rules):
        for j in range(i + 1, len(rules)):
            l2, b2, r2, t2 = rules[j]
            if l1 - 2 <= r2 and l2 - 2 <= r1 and b1 - 2 <= t2 and b2 - 2 <= t1:
                parent[find(i)] = find(j)
    groups: dict[int, list[tuple[float, float, float, float]]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def _distinct(values: list[float]) -> list[float]:
    """Positions more than two points apart (a double border is one)."""
    found: list[float] = []
    for value in sorted(values):
        if not found or value - found[-1] > 2:
            found.append(value)
    return found


def _table(source: str, cells: list[tuple[int, int, int, _Line]], spacing: float,
           size: float, starts: set[int], markers: list[tuple[int, int]]) -> Element:
    """A table's lines as rows of cells; a cell's paragraphs are the cell's text."""
    table = Element("table")
    rows: dict[int, dict[int, tuple[int, list[_Line]]]] = {}
    for row, first, last, line in cells:
        found = rows.setdefault(row, {}).setdefault(first, (last, []))
        found[1].append(line)
    width = max(last for _, _, last, _ in cells)
    top = min(rows)
    for row in sorted(rows):
        tr = Element("tr")
        # A first row all in bold heads the columns (and is repeated on every page).
        header = row == top and all(line.weight >= _BOLD for _, lines in rows[row].values()
                                    for line in lines)
        # Every column has its cell, empty where a cell above spans down, so that cells
        # keep their columns; a cell spanning columns says so.
        column = 1
        while column <= width:
            last, lines = rows[row].get(column, (column, []))
            td = Element("th" if header else "td",
                         {"colspan": str(last - column + 1)} if last > column else {})
            for paragraph in _paragraphs(source, lines, spacing, size, starts):
                element = _element(source, paragraph, size, markers)
                # Inside a cell a paragraph is a paragraph, whatever its font: the cell
                # is one block.
                td.append(Element("p", children=_inline(element)))
            tr.append(td)
            column = last + 1
        table.append(tr)
    return table


def _inline(element: Element) -> list[Element | Text]:
    """An element's text and inline children, lists and headings unwrapped."""
    if element.tag in ("ul", "ol", "li"):
        return [n for child in element.children
                for n in (_inline(child) if isinstance(child, Element) else [child])]
    return element.children


def _furniture(source: str, lines: list[_Line], layout: PageLayout) -> set[int]:
    """Page numbers and running titles: lines in a margin that a reader skips."""
    def in_margin(line: _Line) -> bool:
        height = layout.sizes[2 * line.page + 1]
        return line.bottom < height * _MARGIN or line.top > height * (1 - _MARGIN)

    def shape(line: _Line) -> str:
        return re.sub(r"\d+", "#", " ".join(source[line.start : line.end].split())).lower()

    margins = [i for i, line in enumerate(lines) if in_margin(line)]
    places: dict[str, list[_Line]] = {}
    for index in margins:
        places.setdefault(shape(lines[index]), []).append(lines[index])

    def recurs(line: _Line) -> bool:
        # The same words at the same height of another page ("Page 2 of 4" included);
        # a footnote that happens to read like another page's sits elsewhere.
        return any(other.page != line.page and abs(other.top - line.top) < 0.5 * line.font
                   for other in places[shape(line)])

    notes = set(layout.superscripts[::2])
    return {index for index in margins
            if _PAGE_NUMBER.match(source[lines[index].start : lines[index].end].strip())
            or (recurs(lines[index]) and not _opens_with(source, lines[index], notes))}


def _body_size(source: str, lines: list[_Line]) -> float:
    """The font size most of the text is in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.font, 1)] += line.end - line.start
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _spacing(lines: list[_Line]) -> float:
    """The document's usual gap between two lines of a paragraph, in font sizes.

    Documents are set single-spaced or at one and a half lines; a paragraph ends where
    the gap is clearly larger than the usual one.
    """
    gaps: Counter[float] = Counter()
    for previous, line in pairwise(lines):
        size = max(1.0, min(line.font, previous.font))
        gap = (previous.bottom - line.top) / size
        if line.page == previous.page and -0.3 < gap < 2 and \
                line.left < previous.right and previous.left < line.right:
            gaps[round(gap, 1)] += 1
    if not gaps:
        return 0.2
    spacing, count = gaps.most_common(1)[0]
    # Too few pairs to tell the usual gap: single spacing. No setting spaces lines a
    # font size apart or more.
    return min(spacing, 1.0) if count >= 3 else 0.2


def _paragraphs(source: str, lines: list[_Line], spacing: float, body: float,
                markers: set[int]) -> list[list[_Line]]:
    found: list[list[_Line]] = []
    for line in lines:
        text = source[line.start : line.end]
        # A line opening with a raised marker is a footnote's text.
        if found and not _opens_with(source, line, markers) and \
                _continues(source, found[-1], line, text, spacing, body):
            found[-1].append(line)
        else:
            found.append([line])
    return found


def _opens_with(source: str, line: _Line, markers: set[int]) -> bool:
    """Whether the line's first character (past any space) starts a raised marker."""
    text = source[line.start : line.end]
    return line.start + len(text) - len(text.lstrip()) in markers


def _footnote(text: str, line: _Line, body: float) -> re.Match[str] | None:
    """The number opening a footnote's text, if the line is one."""
    return _FOOTNOTE.match(text) if line.font < 0.9 * body else None


def _continues(source: str, paragraph: list[_Line], line: _Line, text: str,
               spacing: float, body: float) -> bool:
    """Whether ``line`` goes on with ``paragraph``."""
    previous = paragraph[-1]
    size = max(1.0, min(line.font, previous.font))
    shared = min(line.top, previous.top) - max(line.bottom, previous.bottom)
    if line.page == previous.page and \
            previous.right - 0.5 * size <= line.left < previous.right + size and \
            shared > 0.3 * min(line.top - line.bottom, previous.top - previous.bottom):
        return True  # the same row, broken by PDFium (after a raised marker); a table's
        # next cell is further away
    if _BULLET.match(text) or _NUMBER_START.match(text) or _footnote(text, line, body):
        return False
    if abs(line.weight - previous.weight) >= 200:
        return False  # bold to regular: a heading's end
    above = source[previous.start : previous.end]
    if len(paragraph) == 1 and _capitals(above) and not _capitals(text):
        return False
    if abs(line.font - previous.font) > 0.15 * max(line.font, previous.font):
        return False
    if line.page != previous.page:
        # Over a page break: a sentence left open goes on, from the same margin.
        ended = _TERMINAL.search(source[previous.start : previous.end].rstrip())
        first = paragraph[0] if len(paragraph) == 1 else paragraph[1]
        return not ended and abs(line.left - first.left) < 2 * line.font
    # Gaps are measured against the font size: a line's box is as tall as its letters
    # ("manner." has no ascender and is shorter than the line above it).
    gap = previous.bottom - line.top
    overlaps = line.left < previous.right and previous.left < line.right
    return overlaps and -0.5 * size < gap < (spacing + 0.45) * size


def _element(source: str, lines: list[_Line], body_size: float,
             markers: list[tuple[int, int]]) -> Element:
    first = source[lines[0].start : lines[0].end]
    bullet = _BULLET.match(first)
    text = _joined(source, lines, bullet.end() if bullet else 0)
    note = _footnote(first, lines[0], body_size)
    if note and len(lines) > 1:
        # Its number is a footnote's marker: the block is the footnote's text.
        markers = sorted([(lines[0].start + note.start(1), lines[0].start + note.end(1)),
                          *markers])
    nodes = _marked(text, markers, lines[0].start, lines[-1].end)
    if bullet:
        return Element("ul", children=[Element("li", children=nodes)])
    words = text.text.split()
    larger = body_size and lines[0].font >= body_size * _LARGER
    bold = all(line.weight >= _BOLD for line in lines)
    capitals = len(words) <= 10 and _capitals(text.text)
    if len(lines) <= 2 and len(text.text) <= _MAX_HEADING and len(nodes) == 1 and \
            not _NUMBER_START.match(first) and \
            not _TERMINAL.search(text.text.rstrip()) and (larger or bold or capitals):
        return Element("h2" if larger else "h3", children=nodes)
    return Element("p", children=nodes)


def _touching(line: _Line, following: _Line) -> bool:
    """Whether ``following`` goes on right after ``line`` on its row, with no space.

    PDFium breaks a row after a raised marker: "2019" "11" "." is "2019" and "." with
    the marker between, not "2019 ." (a space the page shows is in the text itself).
    """
    shared = min(line.top, following.top) - max(line.bottom, following.bottom)
    return line.page == following.page and shared > 0 and \
        abs(following.left - line.right) < 0.3 * max(1.0, line.font)


def _capitals(text: str) -> bool:
    return text.isupper() and any(c.isalpha() for c in text)


def _marked(text: Text, markers: list[tuple[int, int]], low: int, high: int
            ) -> list[Element | Text]:
    """The text with its raised footnote markers as ``<sup>``, which leave the prose."""
    inside = [(start, end) for start, end in markers[bisect_left(markers, (low, low)) :]
              if start < high]
    if not inside:
        return [text]
    nodes: list[Element | Text] = []
    cut = 0
    for start, end in inside:
        first = bisect_left(text.starts, start)
        last = bisect_left(text.starts, end)
        if first >= last:
            continue
        if first > cut:
            nodes.append(Text(text.text[cut:first], text.starts[cut:first], text.ends[cut:first]))
        nodes.append(Element("sup", {"role": "doc-noteref"}, [Text(text.text[first:last],
                                                                   text.starts[first:last],
                                                                   text.ends[first:last])]))
        cut = last
    if cut < len(text.text):
        nodes.append(Text(text.text[cut:], text.starts[cut:], text.ends[cut:]))
    return nodes


def _joined(source: str, lines: list[_Line], skip: int) -> Text:
    """The paragraph's lines as one run of text, line breaks read as spaces."""
    parts: list[str] = []
    starts, ends = offsets(), offsets()
    for number, line in enumerate(lines):
        start = line.start + (skip if number == 0 else 0)
        end = line.end
        text = source[start:end]
        following = source[lines[number + 1].start : lines[number + 1].end] \
            if number + 1 < len(lines) else ""
        hyphen = _HYPHENATED.search(text.rstrip())
        joined = False
        if hyphen and following:
            after = _NEXT_WORD.match(following.lstrip())
            if after is not None:
                joined = True
                if (hyphen.group(1) + after.group(1)).lower() in common_words():
                    end = start + len(text.rstrip()) - 1  # the hyphen leaves
                else:
                    end = start + len(text.rstrip())
        parts.append(source[start:end])
        starts.extend(range(start, end))
        ends.extend(range(start + 1, end + 1))
        if number + 1 < len(lines) and not joined and \
                not (_touching(line, lines[number + 1]) and not text[-1:].isspace()
                     and not following[:1].isspace()):
            # The space stands for the line break (or the page break) after the line,
            # not for a page number between the pages.
            parts.append(" ")
            starts.append(line.end)
            stop, limit = line.end, lines[number + 1].start
            while stop < limit and source[stop].isspace():
                stop += 1
            ends.append(stop)
    return Text("".join(parts), starts, ends)
