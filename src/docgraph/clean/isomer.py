r"""Read an Isomer Next page (one JSON document) into the offset-keeping document tree.

Newer Isomer sites keep each page as JSON: ``page`` (title, date, category, summary),
``layout`` and ``content``, a tree of blocks (paragraph, heading, orderedList,
unorderedList, listItem, table, tableRow, tableCell, tableHeader, callout, accordion,
prose, image, divider, and the homepage's components) whose ``text`` nodes carry marks
and sometimes inline HTML (``<a href=...>``, ``</br>``). The reader maps each block type
to the HTML element a browser would show, so the one block builder
(:mod:`docgraph.clean.blocks`) cuts it as it cuts HTML.

Every character keeps its place in the file: a JSON string is located by its own
parser (:func:`load_located`), and each decoded character maps to the whole of its
escape (``\\u00b9`` is six characters of the file, ``\\"`` two), so a range of a block's
text cut from the file and read as a JSON string gives that text back. Inline HTML in a
text node is parsed as HTML is, then mapped through the string's escapes.
"""

from __future__ import annotations

import json.decoder
import re
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from json.decoder import JSONDecodeError
from pathlib import PurePosixPath
from typing import Any

from docgraph.clean.dom import Element, Text
from docgraph.clean.html import parse_html
from docgraph.errors import InputError
from docgraph.markup import offsets

# The C scanner json itself uses for strings: it returns where a string ends.
scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]

_MAX_DEPTH = 200  # Isomer's trees are a few levels deep; deeper is not a page
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
            "t": "\t"}
# Markup or a character reference: such a text node is read as HTML.
_HTML_SIGN = re.compile(r"<[A-Za-z/!]|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Browsers read "</br>" as a line break; HTML parsers drop it. "<br/>" is as long.
_END_BR = re.compile(r"</(br)(?=[\s>])", re.IGNORECASE)
# A text node's marks, as the elements that show them.
_MARKS = {"bold": "strong", "italic": "em", "underline": "u", "strike": "s",
          "code": "code", "superscript": "sup", "subscript": "sub", "link": "a"}
# Block types, as the element a browser shows them with; their "content" is the children.
_ELEMENTS = {"paragraph": "p", "orderedList": "ol", "unorderedList": "ul",
             "listItem": "li", "tableRow": "tr", "tableCell": "td", "tableHeader": "th",
             "prose": "div", "callout": "div", "blockquote": "blockquote", "divider": "hr",
             "hardBreak": "br"}
# Components that hold their text in named fields rather than in "content": for each, the
# list of items it holds (None: the component itself) and the fields shown, in order.
_COMPONENTS: Mapping[str, tuple[str | None, tuple[str, ...]]] = {
    "hero": (None, ("title", "subtitle")),
    "infopic": (None, ("title", "subtitle", "description")),
    "contentpic": (None, ("description",)),
    "infobar": (None, ("title", "description")),
    "infocards": ("cards", ("title", "text", "description")),
    "infocols": ("infoBoxes", ("title", "description")),
    "keystatistics": ("statistics", ("label", "value")),
}
_COMPONENT_TITLES = ("title", "subtitle")


@dataclass(frozen=True, slots=True)
class JsonString:
    """A JSON string value and where it is: ``source[start:end]`` is its escaped text."""

    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class IsomerPage:
    """An Isomer Next page read: its tree of blocks and its ``page`` fields."""

    root: Element
    title: str | None
    date: str | None
    category: str | None
    summary: str | None
    permalink: str | None
    layout: str | None


def load_located(source: str, start: int = 0) -> Any:
    """Parse JSON like :func:`json.loads`, with each string as a :class:`JsonString`.

    Object keys stay plain strings. Raises :class:`json.JSONDecodeError` as ``json`` does,
    for nesting deeper than any page too.
    """
    value, end = _value(source, start, 0)
    end = _WHITESPACE.match(source, end).end()  # type: ignore[union-attr]
    if end != len(source):
        raise JSONDecodeError("Extra data", source, end)
    return value


def _value(source: str, index: int, depth: int) -> tuple[Any, int]:
    index = _WHITESPACE.match(source, index).end()  # type: ignore[union-attr]
    char = source[index : index + 1]
    if char == '"':
        text, end = scanstring(source, index + 1)
        return JsonString(text, index + 1, end - 1), end
    if char in "{[" and char:
        if depth >= _MAX_DEPTH:
            raise JSONDecodeError("nested too deeply", source, index)
        return (_object if char == "{" else _array)(source, index + 1, depth + 1)
    for word, value in _LITERALS.items():
        if source.startswith(word, index):
            return value, index + len(word)
    number = _NUMBER.match(source, index)
    if number and number.end() > index:
        text = number.group()
        return (float(text) if any(c in text for c in ".eE") else int(text)), number.end()
    raise JSONDecodeError("Expecting value", source, index)


def _object(source: str, index: int, depth: int) -> tuple[dict[str, Any], int]:
    found: dict[str, Any] = {}
    index = _WHITESPACE.match(source, index).end()  # type: ignore[union-attr]
    if source.startswith("}", index):
        return found, index + 1
    while True:
        if not source.startswith('"', index):
            raise JSONDecodeError("Expecting property name enclosed in double quotes",
                                  source, index)
        key, index = scanstring(source, index + 1)
        index = _WHITESPACE.match(source, index).end()  # type: ignore[union-attr]
        if not source.startswith(":", index):
            raise JSONDecodeError("Expecting ':' delimiter", source, index)
        found[key], index = _value(source, index + 1, depth)
        index = _WHITESPACE.match(source, index).end()  # type: ignore[union-attr]
        if source.startswith("}", index):
            return found, index + 1
        if not source.startswith(",", index):
            raise JSONDecodeError("Expecting ',' delimiter", source, index)
        index = _WHITESPACE.match(source, index + 1).end()  # type: ignore[union-attr]


def _array(source: str, index: int, depth: int) -> tuple[list[Any], int]:
    found: list[Any] = []
    index = _WHITESPACE.match(source, index).end()  # type: ignore[union-attr]
    if source.startswith("]", index):
        return found, index + 1
    while True:
        value, index = _value(source, index, depth)
        found.append(value)
        index = _WHITESPACE.match(source, index).end()  # type: ignore[union-attr]
        if source.startswith("]", index):
            return found, index + 1
        if not source.startswith(",", index):
            raise JSONDecodeError("Expecting ',' delimiter", source, index)
        index += 1


def located_text(source: str, string: JsonString) -> Text:
    """The string's characters, each with the range of the file that writes it."""
    start, end = string.start, string.end
    if source.find("\\", start, end) < 0:
        return Text.verbatim(source, start, end)
    chars: list[str] = []
    starts, ends = offsets(), offsets()
    index = start
    while index < end:
        char = source[index]
        if char != "\\":
            chars.append(char)
            starts.append(index)
            ends.append(index + 1)
            index += 1
            continue
        kind = source[index + 1]
        after = index + 2
        if kind == "u":
            code = int(source[index + 2 : index + 6], 16)
            after = index + 6
            if 0xD800 <= code < 0xDC00 and source.startswith("\\u", after):
                low = int(source[after + 2 : after + 6], 16)
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    after += 6
            chars.append(chr(code))
        else:
            chars.append(_ESCAPES[kind])
        starts.append(index)
        ends.append(after)
        index = after
    return Text("".join(chars), starts, ends)


def read_isomer(source: str, start: int, end: int, html_parser: str = "lxml",
                path: str = "") -> IsomerPage:
    """Read the Isomer Next page in ``source[start:end]``.

    Args:
        source: The whole decoded file.
        start: Where the JSON starts.
        end: Where it ends.
        html_parser: Beautiful Soup tree builder for inline HTML.
        path: The file's path; its place under ``schema/`` is the page's address.

    Raises:
        InputError: If the text is not JSON, or JSON but no Isomer page.
    """
    try:
        data = load_located(source[:end], start)
    except JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON ({exc.msg} at line {exc.lineno}, "
                               f"column {exc.colno})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("content"), list):
        raise InputError(path, "JSON, but not an Isomer page (no 'content' list of blocks)")
    reader = _Reader(source, html_parser)
    root = Element("root")
    reader.blocks(data["content"], root)
    page = data.get("page") if isinstance(data.get("page"), dict) else {}
    assert isinstance(page, dict)
    layout = data.get("layout")
    return IsomerPage(
        root=root,
        title=_plain(page.get("title")),
        date=_plain(page.get("date")),
        category=_plain(page.get("category")),
        summary=_plain(page.get("description")) or _summary(page),
        permalink=_plain(page.get("permalink")) or schema_address(path),
        layout=layout.value if isinstance(layout, JsonString) else None,
    )


def schema_address(path: str) -> str | None:
    """A page's address from its path under ``schema/`` ("schema/a/b.json" is "/a/b")."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if "schema" not in parts:
        return None
    below = list(parts[len(parts) - 1 - parts[::-1].index("schema") + 1 :])
    if not below:
        return None
    below[-1] = below[-1].removesuffix(".json")
    if below[-1] in ("index", "_index"):
        below.pop()
    return "/" + "/".join(below)


def _plain(value: object) -> str | None:
    if isinstance(value, JsonString):
        return " ".join(value.value.split()) or None
    return None


def _summary(page: Mapping[str, Any]) -> str | None:
    for header in ("articlePageHeader", "contentPageHeader"):
        fields = page.get(header)
        if not isinstance(fields, dict):
            continue
        summary = fields.get("summary")
        if isinstance(summary, list):
            found = " ".join(s.value for s in summary if isinstance(s, JsonString))
            return " ".join(found.split()) or None
        if (text := _plain(summary)) is not None:
            return text
    return None


class _Reader:
    """Builds the tree of one page."""

    def __init__(self, source: str, html_parser: str) -> None:
        self.source = source
        self.html_parser = html_parser

    def blocks(self, nodes: Iterable[Any], into: Element) -> None:
        for node in nodes:
            if isinstance(node, dict):
                self.block(node, into)

    def block(self, node: Mapping[str, Any], into: Element) -> None:
        kind = node.get("type")
        kind = kind.value if isinstance(kind, JsonString) else None
        content = node.get("content")
        if kind == "text":
            self.text(node, into)
        elif kind == "heading":
            level = node.get("level")
            level = level if isinstance(level, int) and 1 <= level <= 6 else 2
            self.children(Element(f"h{level}"), content, into)
        elif kind == "orderedList":
            first = node.get("start")
            attrs = {"start": str(first)} if isinstance(first, int) else {}
            self.children(Element("ol", attrs), content, into)
        elif kind == "table":
            table = Element("table")
            if (caption := self.string(node.get("caption"))) is not None:
                table.append(Element("caption", children=[caption]))
            self.children(table, content, into)
        elif kind == "accordion":
            details = Element("details")
            if (summary := self.string(node.get("summary"))) is not None:
                details.append(Element("summary", children=[summary]))
            body = Element("div")
            self.blocks(_list(node.get("details")), body)
            details.append(body)
            into.append(details)
        elif kind == "image":
            image = Element("img", {"src": _value_of(node.get("src"))})
            if (alt := self.string(node.get("alt"))) is not None:
                image.append(alt)
            into.append(image)
        elif kind is not None and kind in _COMPONENTS:
            self.component(node, kind, into)
        elif kind in _ELEMENTS:
            self.children(Element(_ELEMENTS[kind]), content, into)
        elif isinstance(content, list):
            # A block type this reader does not know: its blocks still count.
            self.children(Element("div"), content, into)

    def children(self, element: Element, content: object, into: Element) -> None:
        self.blocks(_list(content), element)
        into.append(element)

    def component(self, node: Mapping[str, Any], kind: str, into: Element) -> None:
        items_key, fields = _COMPONENTS[kind]
        box = Element("div", {"class": kind})
        if items_key is not None:
            for name in _COMPONENT_TITLES:
                if (title := self.string(node.get(name))) is not None:
                    box.append(Element("h2" if name == "title" else "p", children=[title]))
        items = _list(node.get(items_key)) if items_key else [node]
        # Titles show as headings: a card's title heads its text, as on the page.
        title_tag = "h3" if items_key is not None else "h2"
        for item in items:
            if not isinstance(item, dict):
                continue
            part = Element("div")
            for name in fields:
                if (text := self.string(item.get(name))) is not None:
                    part.append(Element(title_tag if name == "title" else "p",
                                        children=[text]))
            box.append(part)
        into.append(box)

    def string(self, value: object) -> Text | Element | None:
        """A string field's text, its inline HTML read; None if absent or blank."""
        if not isinstance(value, JsonString) or not value.value.strip():
            return None
        text = located_text(self.source, value)
        if not _HTML_SIGN.search(text.text):
            return text
        span = Element("span")
        span.children.extend(self.html(text))
        return span

    def text(self, node: Mapping[str, Any], into: Element) -> None:
        value = node.get("text")
        if not isinstance(value, JsonString) or not value.value:
            return
        text = located_text(self.source, value)
        nodes: Sequence[Element | Text] = self.html(text) \
            if _HTML_SIGN.search(text.text) else [text]
        for mark in reversed(_list(node.get("marks"))):
            tag = _MARKS.get(_value_of(mark.get("type"))) if isinstance(mark, dict) else None
            if tag is None:
                continue
            attrs = mark.get("attrs")
            href = _value_of(attrs.get("href")) if isinstance(attrs, dict) else ""
            wrapper = Element(tag, {"href": href} if tag == "a" and href else {})
            wrapper.children.extend(nodes)
            nodes = [wrapper]
        into.children.extend(nodes)

    def html(self, text: Text) -> list[Element | Text]:
        """Inline HTML in a string, parsed, its offsets mapped through the escapes."""
        markup = _END_BR.sub(lambda m: f"<{m.group(1)}/", text.text)
        root = parse_html(markup, 0, len(markup), self.html_parser)
        nodes = _unwrapped(root)
        for node in nodes:
            _remap(node, text.starts, text.ends)
        return nodes


def _unwrapped(root: Element) -> list[Element | Text]:
    """The parsed fragment's nodes, without the ``<html>`` and ``<body>`` lxml adds."""
    nodes = root.children
    while True:
        elements = [n for n in nodes if isinstance(n, Element)]
        if len(elements) == 1 and elements[0].tag in ("html", "body") and \
                all(isinstance(n, Element) or not n.text.strip() for n in nodes):
            nodes = [n for n in elements[0].children
                     if not (isinstance(n, Element) and n.tag == "head")]
            continue
        return nodes


def _remap(node: Element | Text, starts: array[int], ends: array[int]) -> None:
    """Offsets into the decoded string, made offsets into the file."""
    if isinstance(node, Element):
        for child in node.children:
            _remap(child, starts, ends)
        return
    last = len(starts) - 1
    node.starts = offsets(starts[p] if p <= last else ends[last] for p in node.starts)
    node.ends = offsets(ends[p - 1] if p > 0 else starts[0] for p in node.ends)


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _value_of(value: object) -> str:
    return value.value if isinstance(value, JsonString) else ""
