"""Read kramdown-flavoured Markdown into the offset-keeping document tree.

Markdown libraries render to HTML and forget offsets, so docgraph reads the subset that
Isomer pages use itself, keeping the source range of every character: ATX and setext
headings, paragraphs with two-space hard breaks, ordered and bullet lists (kramdown's
``{:start="2"}`` included), block quotes, fenced code, pipe tables, rules, block-level
HTML (handed to the HTML reader) and inline HTML, emphasis, links, images, code spans,
escapes, character references and footnotes (``[^1]`` in prose, ``[^1]:`` before the
note's text). Inline attribute lists (``{:target="_blank"}``) are dropped, as kramdown
does.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from array import array
from dataclasses import dataclass, field

from docgraph.clean.dom import Element, Text
from docgraph.clean.html import alt_text_in_tag, parse_html
from docgraph.clean.text import BREAK
from docgraph.markup import (
    BLOCK_ELEMENTS,
    FOOTNOTE_REFERENCE,
    VOID_ELEMENTS,
    Token,
    TokenKind,
    markup_at,
    offsets,
    repeated,
    tokenize,
)

_BLANK = re.compile(r"^[ \t]*$")
_IAL = re.compile(r"^ {0,3}\{:([^}]*)\}\s*$")
_IAL_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM = re.compile(r"^([ \t]*)([-*+\u2022\u25aa\u25e6\u25cf]|(\d{1,9})[.)])([ \t]+|$)")
_QUOTE = re.compile(r"^ {0,3}> ?")
_HTML_BLOCK = re.compile(r"^ {0,3}<(?:!--|/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$))")
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_ESCAPABLE = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY = re.compile(r"&(?:#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]*)>", re.IGNORECASE)
_SPAN_IAL = re.compile(r"\{:[^}\n]*\}")
_LINK_TARGET = re.compile(r"""\(\s*<?([^\s)>]*)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)""")


@dataclass(frozen=True, slots=True)
class _Line:
    """A line's content ``source[start:end]``, after any stripped container markers."""

    start: int
    end: int


@dataclass(slots=True)
class _Stream:
    """Inline text with, per character, its source range."""

    text: str
    starts: array[int]
    ends: array[int]

    def slice(self, start: int, end: int) -> Text:
        return Text(self.text[start:end], self.starts[start:end], self.ends[start:end])


def parse_markdown(source: str, start: int, end: int, html_parser: str = "lxml") -> Element:
    """Parse ``source[start:end]`` as Markdown into a tree with source offsets.

    Args:
        source: The whole decoded file.
        start: Where the Markdown starts (after any front matter).
        end: Where it ends.
        html_parser: The tree builder for block-level HTML inside the Markdown.

    Returns:
        The root element.
    """
    lines = []
    position = start
    for match in re.finditer(r"[^\n]*(?:\n|$)", source[start:end]):
        if not match.group(0):
            break
        line_end = position + len(match.group(0).rstrip("\r\n"))
        lines.append(_Line(position, line_end))
        position += len(match.group(0))
    root = Element("root")
    _BlockParser(source, html_parser).parse(lines, root)
    return root


class _BlockParser:
    def __init__(self, source: str, html_parser: str) -> None:
        self.source = source
        self.html_parser = html_parser

    def text(self, line: _Line) -> str:
        return self.source[line.start : line.end]

    def parse(self, lines: list[_Line], into: Element) -> None:
        index = 0
        attributes: dict[str, str] = {}
        while index < len(lines):
            line = lines[index]
            text = self.text(line)
            if _BLANK.match(text):
                index += 1
                continue
            ial = _IAL.match(text)
            if ial:
                attributes = _ial_attributes(ial.group(1))
                index += 1
                continue
            if _ATX.match(text):
                into.append(self._atx(line))
                index += 1
            elif _FENCE.match(text):
                index = self._fence(lines, index, into)
            elif _RULE.match(text):
                into.append(Element("hr"))
                index += 1
            elif _QUOTE.match(text):
                index = self._quote(lines, index, into)
            elif self._html_start(text):
                index = self._html(lines, index, into)
            elif _ITEM.match(text) and _item_indent(text) < 4:
                index = self._list(lines, index, into, attributes)
            elif self._table_start(lines, index):
                index = self._table(lines, index, into)
            else:
                index = self._paragraph(lines, index, into)
            attributes = {}

    # Leaf blocks -------------------------------------------------------------------

    def _atx(self, line: _Line) -> Element:
        text = self.text(line)
        opener = _ATX.match(text)
        assert opener is not None
        start = line.start + opener.end()
        closing = _ATX_CLOSE.search(text, opener.end())
        end = line.start + closing.start() if closing else line.end
        heading = Element(f"h{len(opener.group(1))}")
        self._inline([_Line(start, max(start, end))], heading)
        return heading

    def _fence(self, lines: list[_Line], index: int, into: Element) -> int:
        fence = _FENCE.match(self.text(lines[index]))
        assert fence is not None
        marker = fence.group(1)
        pre = Element("pre")
        index += 1
        while index < len(lines):
            line = lines[index]
            if self.text(line).strip().startswith(marker[0] * len(marker)) and \
                    not self.text(line).strip().strip(marker[0]):
                index += 1
                break
            pre.append(Text.verbatim(self.source, line.start, line.end))
            pre.append(Text.verbatim(self.source, line.end, line.end) if line.end == len(
                self.source) else Text("\n", offsets((line.end,)), offsets((line.end + 1,))))
            index += 1
        into.append(pre)
        return index

    def _paragraph(self, lines: list[_Line], index: int, into: Element) -> int:
        taken = [lines[index]]
        index += 1
        while index < len(lines):
            text = self.text(lines[index])
            if _BLANK.match(text) or _IAL.match(text) or _ATX.match(text) or \
                    _FENCE.match(text) or _QUOTE.match(text) or self._html_start(text):
                break
            setext = _SETEXT.match(text)
            if setext:
                heading = Element("h1" if setext.group(1)[0] == "=" else "h2")
                self._inline(taken, heading)
                into.append(heading)
                return index + 1
            if _RULE.match(text):
                break
            item = _ITEM.match(text)
            # A list interrupts a paragraph only if it is a bullet or starts at 1.
            if item and (item.group(3) is None or item.group(3) == "1") and \
                    text[item.end():].strip():
                break
            taken.append(lines[index])
            index += 1
        paragraph = Element("p")
        self._inline(taken, paragraph)
        into.append(paragraph)
        return index

    # Containers --------------------------------------------------------------------

    def _quote(self, lines: list[_Line], index: int, into: Element) -> int:
        inner: list[_Line] = []
        while index < len(lines):
            text = self.text(lines[index])
            marker = _QUOTE.match(text)
            if marker:
                inner.append(_Line(lines[index].start + marker.end(), lines[index].end))
            elif inner and not _BLANK.match(text) and not _BLANK.match(self.text(inner[-1])):
                inner.append(lines[index])  # lazy continuation
            else:
                break
            index += 1
        quote = Element("blockquote")
        self.parse(inner, quote)
        into.append(quote)
        return index

    def _list(self, lines: list[_Line], index: int, into: Element,
              attributes: dict[str, str]) -> int:
        first = _ITEM.match(self.text(lines[index]))
        assert first is not None
        ordered = first.group(3) is not None
        bullet = first.group(2)
        base_indent = _item_indent(self.text(lines[index]))
        listing = Element("ol" if ordered else "ul")
        if ordered:
            listing.attrs["start"] = attributes.get("start", str(int(first.group(3))))
        while index < len(lines):
            text = self.text(lines[index])
            item = _ITEM.match(text)
            if item is None or _item_indent(text) != base_indent or \
                    (item.group(3) is not None) != ordered or \
                    (not ordered and item.group(2) != bullet):
                break
            spacing = len(_expand(item.group(1) + item.group(2) + item.group(4))) - \
                len(_expand(item.group(1) + item.group(2)))
            content_indent = len(_expand(item.group(1) + item.group(2))) + (
                spacing if 1 <= spacing <= 4 else 1)
            body = [_Line(lines[index].start + item.end(), lines[index].end)]
            index = self._item_body(lines, index + 1, content_indent, body)
            element = Element("li")
            self.parse(body, element)
            listing.append(element)
            # An IAL line starts a new list in kramdown.
            if index < len(lines) and _IAL.match(self.text(lines[index])):
                break
        into.append(listing)
        return index

    def _item_body(self, lines: list[_Line], index: int, indent: int,
                   body: list[_Line]) -> int:
        """Collect an item's continuation lines, de-indented, into ``body``."""
        while index < len(lines):
            text = self.text(lines[index])
            if _BLANK.match(text):
                following = index + 1
                while following < len(lines) and _BLANK.match(self.text(lines[following])):
                    following += 1
                if following < len(lines) and \
                        _indent_width(self.text(lines[following])) >= indent:
                    body.extend(lines[index:following])
                    index = following
                    continue
                return index
            width = _indent_width(text)
            if width >= indent:
                body.append(_dedent(self.source, lines[index], indent))
            elif self._ends_item(text) or _BLANK.match(self.text(body[-1])):
                return index
            else:
                body.append(lines[index])  # lazy continuation of the item's paragraph
            index += 1
        return index

    def _ends_item(self, text: str) -> bool:
        """Whether a less indented line starts a block that ends the list item."""
        return bool(_ITEM.match(text) or _RULE.match(text) or _ATX.match(text)
                    or self._html_start(text) or _IAL.match(text) or _QUOTE.match(text))

    def _table_start(self, lines: list[_Line], index: int) -> bool:
        return "|" in self.text(lines[index]) and index + 1 < len(lines) and \
            bool(_TABLE_RULE.match(self.text(lines[index + 1]))) and \
            "-" in self.text(lines[index + 1])

    def _table(self, lines: list[_Line], index: int, into: Element) -> int:
        table = Element("table")
        head = Element("thead")
        body = Element("tbody")
        table.children.extend([head, body])
        head.append(self._row(lines[index], "th"))
        index += 2
        while index < len(lines):
            text = self.text(lines[index])
            if _BLANK.match(text) or "|" not in text:
                break
            body.append(self._row(lines[index], "td"))
            index += 1
        into.append(table)
        return index

    def _row(self, line: _Line, cell_tag: str) -> Element:
        row = Element("tr")
        text = self.text(line)
        bounds = [i for i, char in enumerate(text) if char == "|" and
                  (i == 0 or text[i - 1] != "\\")]
        edges = [-1, *bounds, len(text)]
        for left, right in itertools.pairwise(edges):
            if right == left + 1 or (left == -1 and not text[:right].strip()) or \
                    (right == len(text) and not text[left + 1 :].strip()):
                if right == left + 1 and left >= 0 and right < len(text):
                    row.append(Element(cell_tag))
                continue
            cell = Element(cell_tag)
            self._inline([_Line(line.start + left + 1, line.start + right)], cell)
            row.append(cell)
        return row

    # HTML blocks -------------------------------------------------------------------

    def _html_start(self, text: str) -> bool:
        match = _HTML_BLOCK.match(text)
        if match is None:
            return False
        name = match.group(1)
        return name is None or name.lower() in BLOCK_ELEMENTS

    def _html(self, lines: list[_Line], index: int, into: Element) -> int:
        """Hand a block of HTML to the HTML reader; it ends where its elements close."""
        start = lines[index].start
        # An unclosed element would make every later line rescan the rest of the page;
        # an HTML block longer than this ends at a blank line instead.
        limit = min(lines[-1].end, start + _MAX_HTML_BLOCK)
        end_offset = _html_block_end(self.source, start, limit)
        if end_offset is None:
            # Unclosed: it ends at the first blank line, like a paragraph.
            last = index
            while last + 1 < len(lines) and not _BLANK.match(self.text(lines[last + 1])):
                last += 1
            end_offset = lines[last].end
        last = index
        while last + 1 < len(lines) and lines[last].end < end_offset:
            last += 1
        region_end = lines[last].end
        html_root = parse_html(self.source, start, region_end, self.html_parser)
        into.children.extend(html_root.children)
        return last + 1

    # Inline ------------------------------------------------------------------------

    def _inline(self, lines: list[_Line], into: Element) -> None:
        stream = self._stream(lines)
        _InlineParser(self.source, stream).parse(into)

    def _stream(self, lines: list[_Line]) -> _Stream:
        r"""Join a paragraph's lines; a line ending in two spaces or ``\`` breaks hard."""
        parts: list[str] = []
        starts, ends = offsets(), offsets()
        previous: _Line | None = None
        hard = False
        for number, line in enumerate(lines):
            text = self.text(line)
            last = number + 1 == len(lines)
            content = text.rstrip(" \t")
            if previous is not None:
                parts.append(BREAK if hard else "\n")
                starts.append(previous.end)
                ends.append(max(line.start, previous.end))
            hard = not last and (len(text) - len(content) >= 2 or content.endswith("\\"))
            if hard and content.endswith("\\"):
                content = content[:-1]
            lead = len(content) - len(content.lstrip(" \t"))
            parts.append(content[lead:])
            starts.extend(range(line.start + lead, line.start + len(content)))
            ends.extend(range(line.start + lead + 1, line.start + len(content) + 1))
            previous = _Line(line.start, line.start + len(text))
        return _Stream("".join(parts), starts, ends)


class _InlineParser:
    """Inline Markdown and HTML of one paragraph, heading or cell."""

    def __init__(self, source: str, stream: _Stream) -> None:
        self.source = source
        self.stream = stream

    def parse(self, into: Element, start: int = 0, end: int | None = None) -> None:
        items = self._scan(start, len(self.stream.text) if end is None else end)
        _match_emphasis(items)
        _build(items, into, self.stream)

    def _scan(self, start: int, end: int) -> list[_Item]:
        text = self.stream.text
        items: list[_Item] = []
        index = literal = start

        def flush(upto: int) -> None:
            if literal < upto:
                items.append(_Literal(literal, upto))

        while index < end:
            char = text[index]
            if char == "\\" and index + 1 < end and text[index + 1] in _ESCAPABLE:
                flush(index)
                items.append(_Char(text[index + 1], index, index + 2))
                index = literal = index + 2
            elif char == "`":
                run = _run_length(text, index, end, "`")
                close = _closing_backticks(text, index + run, end, run)
                if close is None:
                    index += run
                    continue
                flush(index)
                code = Element("code")
                inner_start, inner_end = index + run, close
                if inner_end - inner_start >= 2 and text[inner_start] == " " and \
                        text[inner_end - 1] == " " and text[inner_start:inner_end].strip():
                    inner_start, inner_end = inner_start + 1, inner_end - 1
                code.append(self.stream.slice(inner_start, inner_end))
                items.append(_Node(code))
                index = literal = close + run
            elif char == "!" and index + 1 < end and text[index + 1] == "[":
                link = self._link(index + 1, end)
                if link is None:
                    index += 1
                    continue
                flush(index)
                label_end, target_end, href = link
                image = Element("img", {"src": href})
                image.append(self.stream.slice(index + 2, label_end))
                items.append(_Node(image))
                index = literal = target_end
            elif char == "[" and (note := FOOTNOTE_REFERENCE.match(text, index, end)):
                # kramdown's footnote "[^1]" in prose, or "[^1]:" opening its text: a
                # marker, as HTML's <sup>1</sup>, which leaves the prose.
                flush(index)
                marker = Element("sup", {"class": "footnote"})
                marker.append(self.stream.slice(note.start(1), note.end(1)))
                items.append(_Node(marker))
                index = literal = note.end()
            elif char == "[":
                link = self._link(index, end)
                if link is None:
                    index += 1
                    continue
                flush(index)
                label_end, target_end, href = link
                anchor = Element("a", {"href": href})
                self.parse(anchor, index + 1, label_end)
                items.append(_Node(anchor))
                index = literal = target_end
            elif char == "<":
                auto = _AUTOLINK.match(text, index, end)
                token = None if auto else markup_at(text, index, end)
                if auto:
                    flush(index)
                    anchor = Element("a", {"href": auto.group(1)})
                    anchor.append(self.stream.slice(auto.start(1), auto.end(1)))
                    items.append(_Node(anchor))
                    index = literal = auto.end()
                elif token is not None:
                    flush(index)
                    items.append(self._tag(token))
                    index = literal = token.end
                else:
                    index += 1
            elif char == "&":
                entity = _ENTITY.match(text, index, end)
                if entity is None:
                    index += 1
                    continue
                flush(index)
                items.append(_Char(html.unescape(entity.group(0)), index, entity.end()))
                index = literal = entity.end()
            elif char == "{" and _SPAN_IAL.match(text, index, end):
                flush(index)
                match = _SPAN_IAL.match(text, index, end)
                assert match is not None
                index = literal = match.end()
            elif char in "*_":
                flush(index)
                run = _run_length(text, index, end, char)
                items.append(_delimiter(text, index, index + run, start, end))
                index = literal = index + run
            else:
                index += 1
        flush(end)
        return items

    def _link(self, open_bracket: int, end: int) -> tuple[int, int, str] | None:
        """Parse ``[label](target)`` at ``open_bracket``: label end, link end, href."""
        text = self.stream.text
        depth = 0
        index = open_bracket
        while index < end:
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    target = _LINK_TARGET.match(text, index + 1, end)
                    if target is None:
                        return None
                    return index, target.end(), html.unescape(target.group(1))
            index += 1
        return None

    def _tag(self, token: Token) -> _Item:
        if token.kind is TokenKind.START:
            element = Element(token.name, dict(token.attrs))
            if token.name in VOID_ELEMENTS or token.self_closing:
                if token.name == "img":
                    alt = alt_text_in_tag(self.source, self.stream.starts[token.start],
                                          self.stream.ends[token.end - 1])
                    if alt is not None:
                        element.append(alt)
                return _Node(element)
            return _Open(element)
        if token.kind is TokenKind.END:
            return _Close(token.name)
        return _Literal(token.start, token.start)  # comments and the like vanish


@dataclass(slots=True)
class _Literal:
    start: int
    end: int


@dataclass(slots=True)
class _Char:
    value: str
    start: int
    end: int


@dataclass(slots=True)
class _Node:
    element: Element


@dataclass(slots=True)
class _Open:
    element: Element


@dataclass(slots=True)
class _Close:
    tag: str


@dataclass(slots=True)
class _Delimiter:
    char: str
    start: int
    end: int
    can_open: bool
    can_close: bool
    count: int
    used_at_start: int = 0
    opens: list[str] = field(default_factory=list)
    closes: list[str] = field(default_factory=list)


_Item = _Literal | _Char | _Node | _Open | _Close | _Delimiter


def _delimiter(text: str, start: int, end: int, low: int, high: int) -> _Delimiter:
    before = text[start - 1] if start > low else " "
    after = text[end] if end < high else " "
    left = not after.isspace() and (not _punct(after) or before.isspace() or _punct(before))
    right = not before.isspace() and (not _punct(before) or after.isspace() or _punct(after))
    char = text[start]
    if char == "_":
        can_open = left and (not right or _punct(before))
        can_close = right and (not left or _punct(after))
    else:
        can_open, can_close = left, right
    return _Delimiter(char, start, end, can_open, can_close, end - start)


def _punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _match_emphasis(items: list[_Item]) -> None:
    """Pair ``*``/``_`` runs into ``<em>``/``<strong>`` (CommonMark's algorithm, simplified)."""
    openers: list[_Delimiter] = []
    for item in items:
        if not isinstance(item, _Delimiter):
            continue
        if item.can_close:
            while item.count:
                found = next((k for k in range(len(openers) - 1, -1, -1)
                              if openers[k].char == item.char and openers[k].count), None)
                if found is None:
                    break
                opener = openers[found]
                use = 2 if opener.count >= 2 and item.count >= 2 else 1
                tag = "strong" if use == 2 else "em"
                opener.count -= use
                opener.opens.append(tag)
                item.count -= use
                item.used_at_start += use
                item.closes.append(tag)
                del openers[found + 1 :]
                if not opener.count:
                    openers.pop()
        if item.can_open and item.count:
            openers.append(item)


def _build(items: list[_Item], into: Element, stream: _Stream) -> None:
    stack = [into]
    for item in items:
        if isinstance(item, _Literal):
            if item.start < item.end:
                stack[-1].append(stream.slice(item.start, item.end))
        elif isinstance(item, _Char):
            size = len(item.value)
            stack[-1].append(Text(item.value, repeated(stream.starts[item.start], size),
                                  repeated(stream.ends[item.end - 1], size)))
        elif isinstance(item, _Node):
            stack[-1].append(item.element)
        elif isinstance(item, _Open):
            stack[-1].append(item.element)
            stack.append(item.element)
        elif isinstance(item, _Close):
            _close(stack, item.tag)
        else:
            for tag in item.closes:
                _close(stack, tag)
            first = item.start + item.used_at_start
            last = first + item.count
            if first < last:
                stack[-1].append(stream.slice(first, last))
            for tag in reversed(item.opens):
                element = Element(tag)
                stack[-1].append(element)
                stack.append(element)


def _close(stack: list[Element], tag: str) -> None:
    for depth in range(len(stack) - 1, 0, -1):
        if stack[depth].tag == tag:
            del stack[depth:]
            return


def _run_length(text: str, start: int, end: int, char: str) -> int:
    index = start
    while index < end and text[index] == char:
        index += 1
    return index - start


def _closing_backticks(text: str, start: int, end: int, size: int) -> int | None:
    index = start
    while index < end:
        found = text.find("`" * size, index, end)
        if found < 0:
            return None
        run = _run_length(text, found, end, "`")
        if run == size:
            return found
        index = found + run
    return None


def _ial_attributes(body: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
            for m in _IAL_ATTR.finditer(body)}


def _expand(text: str) -> str:
    """Expand tabs to tab stops of four columns, as Markdown counts indentation."""
    return text.expandtabs(4)


def _indent_width(text: str) -> int:
    stripped = text.lstrip(" \t")
    return len(_expand(text[: len(text) - len(stripped)]))


def _item_indent(text: str) -> int:
    return _indent_width(text)


def _dedent(source: str, line: _Line, indent: int) -> _Line:
    width = 0
    position = line.start
    while position < line.end and width < indent and source[position] in " \t":
        width = (width // 4 + 1) * 4 if source[position] == "\t" else width + 1
        position += 1
    return _Line(position, line.end)


def _html_block_end(source: str, start: int, limit: int) -> int | None:
    """Where a block of HTML starting at ``start`` closes: the end of that line."""
    open_tags: list[str] = []
    for token in tokenize(source, start, limit):
        if token.kind is TokenKind.START and token.name in BLOCK_ELEMENTS:
            if token.name in VOID_ELEMENTS or token.self_closing:
                if not open_tags:
                    return _line_end(source, token.end, limit)
                continue
            if open_tags and open_tags[-1] == "p":
                open_tags.pop()  # a block start closes an open paragraph
            open_tags.append(token.name)
        elif token.kind is TokenKind.END and token.name in BLOCK_ELEMENTS:
            if token.name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(token.name):]
            if not open_tags:
                return _line_end(source, token.end, limit)
        elif token.kind is TokenKind.OTHER and not open_tags:
            return _line_end(source, token.end, limit)
        elif token.kind is TokenKind.TEXT and (not open_tags or open_tags == ["p"]):
            blank = _BLANK_LINE.search(source, token.start, token.end)
            if blank:
                return blank.start()
    return None


_MAX_HTML_BLOCK = 50_000
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _line_end(source: str, position: int, limit: int) -> int:
    newline = source.find("\n", position, limit)
    end = limit if newline < 0 else newline
    return end - 1 if end > position and source[end - 1] == "\r" else end
