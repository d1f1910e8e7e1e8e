"""Read a Word document's paragraphs into the offset-keeping document tree.

:mod:`docgraph.docxtext` gives each paragraph's text and what it is; this reader shows
them as a browser would show the same document saved as HTML: a heading style as
``<h1>``-``<h6>``, list paragraphs as items of ``<ol>`` (numbered formats, so the block
builder numbers them, restarting where Word restarts) or ``<ul>``, table cells as
``<td>`` of their table and row, other paragraphs as ``<p>``; a line break inside a
paragraph as ``<br>``. Empty paragraphs leave nothing.
"""

from __future__ import annotations

from docgraph.clean.dom import Element, Text
from docgraph.types import PackageLayout

_UNNUMBERED = frozenset({"bullet", "none", ""})


def parse_docx(source: str, layout: PackageLayout) -> Element:
    """The tree of a Word document whose paragraphs' text is ``source``."""
    root = Element("root")
    tables: dict[int, Element] = {}
    rows: dict[tuple[int, int], Element] = {}
    cells: dict[tuple[int, int, int], Element] = {}
    numbers: dict[tuple[str, int], int] = {}
    open_list: tuple[tuple[str, int], Element] | None = None
    for paragraph, start, end in zip(layout.paragraphs, layout.starts, layout.ends,
                                     strict=True):
        if not source[start:end].strip():
            continue
        content = _runs(source, start, end)
        if paragraph.cell is not None:
            open_list = None
            table_no, row_no, _ = paragraph.cell
            if table_no not in tables:
                tables[table_no] = Element("table")
                root.append(tables[table_no])
            if (table_no, row_no) not in rows:
                rows[(table_no, row_no)] = Element("tr")
                tables[table_no].append(rows[(table_no, row_no)])
            if paragraph.cell not in cells:
                cells[paragraph.cell] = Element("td")
                rows[(table_no, row_no)].append(cells[paragraph.cell])
            cells[paragraph.cell].append(Element("p", children=content))
        elif paragraph.list_id:
            key = (paragraph.list_id, paragraph.depth)
            # A shallower item restarts the numbering of the levels below it, as Word does.
            for other in [k for k in numbers if k[0] == key[0] and k[1] > key[1]]:
                del numbers[other]
            numbers[key] = numbers.get(key, 0) + 1
            if open_list is None or open_list[0] != key:
                numbered = paragraph.numbering not in _UNNUMBERED
                attrs = {"start": str(numbers[key])} if numbered else {}
                open_list = (key, Element("ol" if numbered else "ul", attrs))
                root.append(open_list[1])
            open_list[1].append(Element("li", children=content))
        else:
            open_list = None
            tag = f"h{min(paragraph.heading, 6)}" if paragraph.heading else "p"
            root.append(Element(tag, children=content))
    return root


def _runs(source: str, start: int, end: int) -> list[Element | Text]:
    """A paragraph's text, its line breaks as ``<br>``."""
    nodes: list[Element | Text] = []
    position = start
    while position <= end:
        stop = source.find("\n", position, end)
        stop = end if stop < 0 else stop
        if stop > position:
            nodes.append(Text.verbatim(source, position, stop))
        if stop < end:
            nodes.append(Element("br"))
        position = stop + 1
    return nodes
