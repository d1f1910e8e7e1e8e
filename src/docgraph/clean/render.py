"""Render cleaned blocks back to simple HTML.

The rendering is what docgraph would write if asked for the page's content only: each
block as the element that reads back as the same block (so cleaning is idempotent on
its own output), links and footnote markers restored, boilerplate kept.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docgraph.clean.blocks import (
    BOLD_HEADING_LEVEL,
    UNDERLINE_HEADING_LEVEL,
    emphasis_makes_heading,
)
from docgraph.types import Block, BlockKind, Document


def to_html(document: Document) -> str:
    """Render a cleaned document as an HTML fragment, one element per block."""
    out: list[str] = []
    table: int | None = None
    row: int | None = None
    for block in document.blocks:
        in_table = block.kind is BlockKind.TABLE_CELL and block.cell is not None
        if table is not None and (not in_table or block.cell is None
                                  or block.cell.table != table):
            out.append("</tr></table>")
            table = row = None
        if in_table and block.cell is not None:
            if table is None:
                out.append("<table><tr>")
                table, row = block.cell.table, block.cell.row
            elif block.cell.row != row:
                out.append("</tr><tr>")
                row = block.cell.row
            tag = "th" if block.cell.is_header else "td"
            out.append(f"<{tag}>{_inline(block)}</{tag}>")
            continue
        out.append(_block(block))
    if table is not None:
        out.append("</tr></table>")
    return "\n".join(out) + "\n"


def _block(block: Block) -> str:
    body = _inline(block)
    kind = block.kind
    if kind is BlockKind.HEADING:
        level = block.level or BOLD_HEADING_LEVEL
        if level <= 6:
            return f"<h{level}>{body}</h{level}>"
        # The page's own form where it reads back as the same heading; otherwise (a
        # <summary> ending in ";", a level below underlining) the ARIA heading says so.
        if level == BOLD_HEADING_LEVEL and emphasis_makes_heading(block.text):
            return f"<p><strong>{body}</strong></p>"
        if level == UNDERLINE_HEADING_LEVEL and emphasis_makes_heading(block.text):
            return f"<p><u>{body}</u></p>"
        return f'<p role="heading" aria-level="{level}">{body}</p>'
    if kind is BlockKind.LIST_ITEM or (kind is BlockKind.FOOTNOTE and block.number is not None):
        item = (f"<ul><li>{body}</li></ul>" if block.number is None
                else f'<ol start="{block.number}"><li>{body}</li></ol>')
        # Nesting matters: only top-level list numbers continue the page's numbering.
        return "<ul><li>" * block.depth + item + "</li></ul>" * block.depth
    if kind is BlockKind.CAPTION:
        return f"<figure><figcaption>{body}</figcaption></figure>"
    if kind is BlockKind.IMAGE_ALT:
        return f'<img alt="{escape(block.text)}">'
    if kind is BlockKind.FOOTNOTE:
        return f"<p>{body}</p>"
    prefix = f"{block.number}. " if block.number is not None else ""
    return f"<p>{prefix}{body}</p>"


def _inline(block: Block) -> str:
    """Escape the text, restoring links, footnote markers and line breaks."""
    events = [(link.start, 1, f'<a href="{escape(link.href)}">') for link in block.links]
    events.extend((link.end, 0, "</a>") for link in block.links)
    # Brackets keep "10<sup>[2]</sup>" a footnote rather than a power when read back.
    events.extend((note.offset, 2, f"<sup>[{escape(note.marker)}]</sup>")
                  for note in block.footnotes)
    events.sort(key=lambda event: (event[0], event[1]))
    out: list[str] = []
    position = 0
    for offset, _, markup in events:
        out.append(escape(block.text[position:offset]).replace("\n", "<br>"))
        out.append(markup)
        position = offset
    out.append(escape(block.text[position:]).replace("\n", "<br>"))
    return "".join(out)


def to_dict(document: Document, *, source_maps: bool = False) -> dict[str, Any]:
    """Describe a cleaned document as JSON-ready data.

    Args:
        document: The cleaned document.
        source_maps: Also include each block's full character-to-source map.

    Returns:
        Plain dicts, lists, strings and numbers; ``path`` is the path a graph records
        (:attr:`~docgraph.types.Document.source_path`), never a local one.
    """
    meta = document.metadata
    return {
        "id": document.id,
        "path": document.source_path,
        "format": document.format.value,
        "encoding": document.encoding,
        "metadata": {
            "title": meta.title,
            "date": meta.date.isoformat() if meta.date else None,
            "permalink": meta.permalink,
            "description": meta.description,
        },
        "blocks": [_block_dict(block, source_maps) for block in document.blocks],
    }


def _block_dict(block: Block, source_maps: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "index": block.index,
        "kind": block.kind.value,
        "number": block.number,
        "level": block.level,
        "section": list(block.section),
        "text": block.text,
        "source": [block.span.start, block.span.end],
        "boilerplate": block.boilerplate,
    }
    if block.cell is not None:
        data["cell"] = {"table": block.cell.table, "row": block.cell.row,
                        "column": block.cell.column, "header": block.cell.header,
                        "is_header": block.cell.is_header}
    if block.links:
        data["links"] = [{"start": link.start, "end": link.end, "href": link.href}
                         for link in block.links]
    if block.layout:
        data["layout"] = [{"role": mark.role, "start": mark.start, "end": mark.end}
                          for mark in block.layout]
    if block.footnotes:
        data["footnotes"] = [{"marker": note.marker, "offset": note.offset,
                              "source": [note.source.start, note.source.end],
                              "href": note.href} for note in block.footnotes]
    if source_maps:
        offsets = block.offsets
        data["source_map"] = [list(offsets.clean), list(offsets.source),
                              list(offsets.source_end)]
    return data
