"""A position-keeping HTML tokenizer and entity decoder.

Tree builders (lxml, html.parser) repair broken markup well but forget where text came
from. This module splits HTML source into tags and text runs with their offsets, and
decodes character references while remembering which source characters each decoded
character stands for. The cleaner uses it to give every character of the parsed tree its
place in the source file, to read inline HTML inside Markdown, and to tell HTML from
Markdown when detecting formats.
"""

from __future__ import annotations

import functools
import html
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

# Elements whose content is not markup; their text is never shown as prose.
RAW_TEXT_ELEMENTS = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes",
                               "noscript", "plaintext", "template", "textarea", "title"})
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input",
                           "link", "meta", "param", "source", "track", "wbr"})
# Elements that start a new block in a browser's layout.
BLOCK_ELEMENTS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html",
    "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "iframe", "script", "style", "noscript",
    "colgroup", "col", "template",
})

# Attributes are separated by whitespace. Making the separator optional would let the
# name pattern split one word in exponentially many ways when a "<" is never closed.
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]{1,10})\]:?")
"""A kramdown footnote's marker: "[^1]" in prose, "[^1]:" before the note's text."""

_ATTRS = r"""(?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"'=<`]+))?|\s*/(?!>))*"""
_MARKUP = re.compile(
    r"""<!--.*?(?:--!?>|\Z)"""  # comment; an unterminated one runs to the end
    r"""|<!\[CDATA\[.*?(?:\]\]>|\Z)"""
    r"""|<![^>]*>?"""  # doctype and other declarations
    r"""|<\?[^>]*>?"""  # processing instructions (bogus comments in HTML)
    r"""|</[A-Za-z][^>]*>"""  # end tag
    rf"""|<([A-Za-z][^\s/>]*){_ATTRS}\s*(/?)>""",  # start tag
    re.DOTALL,
)
_ATTR = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"'=<`]+)))?""")
_END_NAME = re.compile(r"</([A-Za-z][^\s/>]*)")
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
# Bare CR and CRLF read as LF, and NUL as U+FFFD, as HTML parsers do.
_NEWLINE_OR_NUL = re.compile(r"\r\n?|\x00")


class TokenKind(Enum):
    """What a :class:`Token` covers."""

    TEXT = "text"
    START = "start"
    END = "end"
    RAW = "raw"
    """The content of a raw-text element such as ``<script>``."""
    OTHER = "other"
    """Comments, doctypes, CDATA, processing instructions."""


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of HTML source with its range; tags carry their lower-cased name."""

    kind: TokenKind
    start: int
    end: int
    name: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    self_closing: bool = False

    def attr(self, name: str) -> str | None:
        """Return the value of attribute ``name`` (already lower-cased), if present."""
        for key, value in self.attrs:
            if key == name:
                return value
        return None


def tokenize(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Split ``text[start:end]`` into tags, text runs, raw-text contents and the rest.

    Never fails: a ``<`` that does not start valid markup is text, as in HTML.

    Args:
        text: HTML source.
        start: Where to start.
        end: Where to stop (default: the end of ``text``).

    Yields:
        Tokens in source order, covering the range without gaps.
    """
    stop = len(text) if end is None else end
    pos = start
    text_start = start
    while True:
        lt = text.find("<", pos, stop)
        if lt < 0:
            break
        match = _MARKUP.match(text, lt, stop)
        if match is None:
            pos = lt + 1
            continue
        if text_start < lt:
            yield Token(TokenKind.TEXT, text_start, lt)
        token = _markup_token(match)
        yield token
        pos = text_start = match.end()
        if token.kind is TokenKind.START and token.name in RAW_TEXT_ELEMENTS:
            found = _raw_closer(token.name).search(text, pos, stop)
            raw_end = found.start() if found else stop
            if pos < raw_end:
                yield Token(TokenKind.RAW, pos, raw_end, token.name)
            pos = text_start = raw_end
    if text_start < stop:
        yield Token(TokenKind.TEXT, text_start, stop)


@functools.cache
def _raw_closer(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}(?=[\s/>]|$)", re.IGNORECASE)


def markup_at(text: str, position: int, end: int | None = None) -> Token | None:
    """Return the tag, comment or declaration starting at ``text[position]``, if any."""
    match = _MARKUP.match(text, position, len(text) if end is None else end)
    return _markup_token(match) if match else None


def _markup_token(match: re.Match[str]) -> Token:
    source = match.group(0)
    if match.group(1):
        name = match.group(1).lower()
        attr_text = source[1 + len(match.group(1)) : -1]
        attrs = tuple(
            (m.group(1).lower(), html.unescape(next((g for g in m.groups()[1:] if g), "")))
            for m in _ATTR.finditer(attr_text)
        )
        return Token(TokenKind.START, match.start(), match.end(), name, attrs,
                     bool(match.group(2)))
    if source.startswith("</"):
        name_match = _END_NAME.match(source)
        name = name_match.group(1).lower() if name_match else ""
        return Token(TokenKind.END, match.start(), match.end(), name)
    return Token(TokenKind.OTHER, match.start(), match.end())


def offsets(values: Iterable[int] = ()) -> array[int]:
    """A per-character list of source offsets, 4 bytes a character.

    Cleaning keeps a start and an end offset for every character it reads; as Python
    lists of ints these took about 70 bytes a character (one int object each), so a
    20 MB page needed 1.4 GB for them alone.
    """
    return array("i", values)


def repeated(value: int, count: int) -> array[int]:
    """``count`` copies of ``value`` as an offset array."""
    return array("i", (value,)) * count


@dataclass(slots=True)
class Decoded:
    """Decoded text with, per character, the source range it stands for."""

    text: str
    starts: array[int]
    ends: array[int]


def decode(text: str, start: int, end: int) -> Decoded:
    """Decode character references in ``text[start:end]``, keeping offsets.

    Line breaks are normalised (CRLF and CR become LF) and NUL becomes U+FFFD, as an
    HTML parser would; each output character records the source range it came from.

    Args:
        text: The source.
        start: Start of the range to decode.
        end: End of the range.

    Returns:
        The decoded text and its offsets.
    """
    parts: list[str] = []
    out = Decoded("", offsets(), offsets())
    _decode_into(text, start, end, parts, out.starts, out.ends)
    out.text = "".join(parts)
    return out


def _decode_into(text: str, start: int, end: int, parts: list[str], starts: array[int],
                 ends: array[int]) -> None:
    pos = start
    for match in _SPECIAL.finditer(text, start, end):
        if pos < match.start():
            parts.append(text[pos : match.start()])
            starts.extend(range(pos, match.start()))
            ends.extend(range(pos + 1, match.start() + 1))
        raw = match.group(0)
        value = html.unescape(raw) if raw[0] == "&" else _NEWLINE_VALUE.get(raw[0], "\n")
        parts.append(value)
        starts.extend(repeated(match.start(), len(value)))
        ends.extend(repeated(match.end(), len(value)))
        pos = match.end()
    if pos < end:
        parts.append(text[pos:end])
        starts.extend(range(pos, end))
        ends.extend(range(pos + 1, end + 1))


_NEWLINE_VALUE = {"\r": "\n", "\x00": "\ufffd"}
_SPECIAL = re.compile(f"{_ENTITY.pattern}|{_NEWLINE_OR_NUL.pattern}")


def normalise_newlines(text: str) -> str:
    """Read CRLF and CR as LF and NUL as U+FFFD, as HTML parsers do."""
    return _NEWLINE_OR_NUL.sub(lambda m: "\ufffd" if m.group(0) == "\x00" else "\n", text)


def text_stream(text: str, start: int = 0, end: int | None = None) -> Decoded:
    """Decode all text of an HTML range that a parser could show, with offsets.

    Tags, comments and the content of raw-text elements (scripts, styles) are left out;
    everything else is decoded and concatenated in source order.
    """
    parts: list[str] = []
    out = Decoded("", offsets(), offsets())
    for token in tokenize(text, start, end):
        if token.kind is TokenKind.TEXT:
            _decode_into(text, token.start, token.end, parts, out.starts, out.ends)
    out.text = "".join(parts)
    return out
