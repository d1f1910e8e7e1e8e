"""Read a Word document (``.docx``): its paragraphs, lists and tables, with where each is.

A ``.docx`` file is a ZIP package of XML parts; the text is in ``word/document.xml``, one
``<w:p>`` per paragraph (table cells hold paragraphs too). docgraph reads the package
with the standard library and lxml. The document's source text is its paragraphs' texts
in document order, one per line (a ``<w:br/>`` inside a paragraph is a line break too, a
``<w:tab/>`` a tab): the text every offset of the document points into.
:class:`~docgraph.types.PackageLayout` says, for each paragraph, its XPath in the part
(``/w:document/w:body/w:p[12]``) and where its text is, and what the reader needs to cut
blocks: its heading level, its list and its table cell.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from array import array

from lxml import etree

from docgraph.errors import InputError
from docgraph.types import DocxParagraph, PackageLayout

MAIN_PART = "word/document.xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W, "dc": "http://purl.org/dc/elements/1.1/",
       "dcterms": "http://purl.org/dc/terms/",
       "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"}
_HEADING_STYLE = re.compile(r"^(?:heading|berschrift|titre)\s*([1-9])$", re.IGNORECASE)
_MAX_PART = 200_000_000  # bytes of XML a part may unpack to: a ZIP bomb is refused
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read_docx(data: bytes, path: str
              ) -> tuple[str, PackageLayout, str | None, dt.date | None] | None:
    """A Word document's text, its paragraphs' layout, its title and creation date.

    None when ``data`` is no ZIP package holding a Word document (the package is opened
    once, to tell and to read).

    Raises:
        InputError: If the document's XML cannot be read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if MAIN_PART not in package.namelist():
                return None
            main = _part(package, MAIN_PART, path)
            styles = _styles(_optional(package, "word/styles.xml", path))
            formats = _numbering(_optional(package, "word/numbering.xml", path))
            core = _optional(package, "docProps/core.xml", path)
    except zipfile.BadZipFile:
        return None
    tree = main.getroottree()
    texts: list[str] = []
    paragraphs: list[DocxParagraph] = []
    starts, ends = array("l"), array("l")
    position = 0
    tables: dict[etree._Element, int] = {}
    for paragraph in main.iter(f"{{{_W}}}p"):
        text = _text(paragraph)
        level = _heading(paragraph, styles)
        numbered = paragraph.find("w:pPr/w:numPr", _NS)
        list_id, depth, kind = "", 0, ""
        if numbered is not None:
            list_id = _val(numbered.find("w:numId", _NS)) or ""
            depth = int(_val(numbered.find("w:ilvl", _NS)) or 0)
            kind = formats.get((list_id, depth), "bullet")
        cell = _cell(paragraph, tables)
        paragraphs.append(DocxParagraph(tree.getpath(paragraph), level, list_id, depth, kind,
                                        cell))
        starts.append(position)
        ends.append(position + len(text))
        texts.append(text)
        position += len(text) + 1
    title, created = _core(core)
    return ("\n".join(texts), PackageLayout(MAIN_PART, tuple(paragraphs), starts, ends),
            title, created)


def _part(package: zipfile.ZipFile, name: str, path: str) -> etree._Element:
    info = package.getinfo(name)
    if info.file_size > _MAX_PART:
        raise InputError(path, f"{name} unpacks to {info.file_size:,} bytes, more than "
                               f"docgraph reads ({_MAX_PART:,})")
    try:
        return etree.fromstring(package.read(name), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(path, f"{name} is not well-formed XML ({exc})") from exc


def _optional(package: zipfile.ZipFile, name: str, path: str) -> etree._Element | None:
    return _part(package, name, path) if name in package.namelist() else None


def _val(element: etree._Element | None) -> str | None:
    return None if element is None else element.get(f"{{{_W}}}val")


def _text(paragraph: etree._Element) -> str:
    """The paragraph's text: its runs' text, tabs and line breaks (not deleted text)."""
    parts: list[str] = []
    for element in paragraph.iter(f"{{{_W}}}t", f"{{{_W}}}tab", f"{{{_W}}}br",
                                  f"{{{_W}}}cr", f"{{{_W}}}noBreakHyphen"):
        tag = etree.QName(element).localname
        if tag == "t":
            parts.append((element.text or "").replace("\n", " "))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


def _styles(styles: etree._Element | None) -> dict[str, int]:
    """Paragraph style ids that are headings, with their level (the title is 1)."""
    found: dict[str, int] = {}
    if styles is None:
        return found
    for style in styles.iterfind("w:style", _NS):
        style_id = style.get(f"{{{_W}}}styleId") or ""
        name = _val(style.find("w:name", _NS)) or style_id
        outline = _val(style.find("w:pPr/w:outlineLvl", _NS))
        heading = _HEADING_STYLE.match(name) or _HEADING_STYLE.match(style_id)
        if name.lower() == "title":
            found[style_id] = 1
        elif heading:
            found[style_id] = int(heading.group(1))
        elif outline is not None and outline.isdigit() and int(outline) < 6:
            found[style_id] = int(outline) + 1
    return found


def _heading(paragraph: etree._Element, styles: dict[str, int]) -> int:
    style = _val(paragraph.find("w:pPr/w:pStyle", _NS))
    if style is not None and style in styles:
        return styles[style]
    match = _HEADING_STYLE.match(style or "")
    if match:
        return int(match.group(1))
    outline = _val(paragraph.find("w:pPr/w:outlineLvl", _NS))
    return int(outline) + 1 if outline is not None and outline.isdigit() and \
        int(outline) < 6 else 0


def _numbering(numbering: etree._Element | None) -> dict[tuple[str, int], str]:
    """Each list and level's number format ("decimal", "bullet", "lowerLetter"...)."""
    if numbering is None:
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for definition in numbering.iterfind("w:abstractNum", _NS):
        levels = abstract.setdefault(definition.get(f"{{{_W}}}abstractNumId") or "", {})
        for item in definition.iterfind("w:lvl", _NS):
            levels[int(item.get(f"{{{_W}}}ilvl") or 0)] = \
                _val(item.find("w:numFmt", _NS)) or "bullet"
    found: dict[tuple[str, int], str] = {}
    for number in numbering.iterfind("w:num", _NS):
        num_id = number.get(f"{{{_W}}}numId") or ""
        for level, kind in abstract.get(_val(number.find("w:abstractNumId", _NS)) or "",
                                        {}).items():
            found[(num_id, level)] = kind
    return found


def _cell(paragraph: etree._Element, tables: dict[etree._Element, int]
          ) -> tuple[int, int, int] | None:
    """The table, row and column of a paragraph in a table cell (the innermost)."""
    cell = next(paragraph.iterancestors(f"{{{_W}}}tc"), None)
    if cell is None:
        return None
    row = cell.getparent()
    table = row.getparent() if row is not None else None
    if row is None or table is None:
        return None
    number = tables.setdefault(table, len(tables))
    rows = [r for r in table if etree.QName(r).localname == "tr"]
    cells = [c for c in row if etree.QName(c).localname == "tc"]
    return number, rows.index(row), cells.index(cell)


def _core(core: etree._Element | None) -> tuple[str | None, dt.date | None]:
    if core is None:
        return None, None
    title = core.findtext("dc:title", namespaces=_NS)
    created = core.findtext("dcterms:created", namespaces=_NS) or ""
    try:
        date = dt.date.fromisoformat(created[:10]) if created else None
    except ValueError:
        date = None
    return (" ".join(title.split()) or None) if title else None, date
