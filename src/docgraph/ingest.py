"""Find input documents, decode them, read their front matter and detect their format.

The contract: given paths (files, folders, or ``-`` for standard input), yield one
:class:`~docgraph.types.RawDocument` per document, or raise
:class:`~docgraph.errors.InputError` naming the file and the cause. Formats are told
from the content, never from the file name or a page's own ``variant:`` field, which
real pages get wrong.
"""

from __future__ import annotations

import codecs
import datetime as dt
import fnmatch
import hashlib
import re
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from docgraph.errors import (
    BinaryInputError,
    DecodeError,
    InputError,
    InputWarning,
    TooLargeError,
)
from docgraph.markup import BLOCK_ELEMENTS, TokenKind, tokenize
from docgraph.types import STDIN, InputFile, InputFormat, Metadata, RawDocument, own_name

DEFAULT_INCLUDE = ("*.html", "*.htm", "*.xhtml", "*.md", "*.markdown", "*.txt", "*.text",
                   "*.json", "*.pdf", "*.docx")
"""Files a folder contributes when no ``include`` pattern is given."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192
# A JSON object: "{" and a first key. Isomer Next writes each page so.
_JSON_OBJECT = re.compile(r'\A\s*\{\s*(?:"(?:[^"\\\n]|\\.)*"\s*:|\})')
_FRONT_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_FILENAME_DATE = re.compile(r"(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})-")
_HTML_PAGE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])",
                        re.IGNORECASE | re.DOTALL)
_MARKDOWN_SIGNS = re.compile(
    r"^ {0,3}(?:#{1,6}\s|[-*+]\s+\S|\d{1,9}[.)]\s+\S|>\s|\{:|```|~~~|\*\*\*\s*$|---\s*$)"
    r"|\*\*\S|__\S|\]\([^)\s]*\)|!\[|`[^`\n]+`|\\[*_`#\[\]]|<https?://|[ ]{2,}\r?\n(?=\S)",
    re.MULTILINE,
)
# A body is an HTML fragment when almost none of its text sits outside block elements.
_LOOSE_TEXT_SHARE = 0.05
_WORD = re.compile(r"\S+")
_SPLIT_LIMIT = 1 << 16  # longer runs of text are counted without splitting them


def iter_inputs(inputs: Iterable[str | Path | InputFile], include: Sequence[str] = (),
                exclude: Sequence[str] = ()) -> Iterator[InputFile]:
    """Expand inputs into the documents to read, in a stable order.

    Files named directly are always yielded (a missing one too, so that reading it
    reports the error), recorded by their own name; folders are searched recursively
    for files matching ``include`` (default :data:`DEFAULT_INCLUDE`) and not
    ``exclude``, skipping hidden files and folders, each recorded by its path inside the
    folder. A pattern with a ``/`` is matched against that path, others against the
    file name. An :class:`~docgraph.types.InputFile` is taken as it is.

    Args:
        inputs: Files, folders, ``-`` for standard input, or inputs already expanded.
        include: Glob patterns a folder's files must match.
        exclude: Glob patterns that rule files out.

    Yields:
        What to read, and the path a graph records for it.
    """
    patterns = tuple(include) or DEFAULT_INCLUDE
    for item in inputs:
        if isinstance(item, InputFile):
            yield item
            continue
        name = str(item)
        path = Path(name)
        if name == STDIN or not path.is_dir():
            yield InputFile.named(name)
            continue
        found = []
        for candidate in path.rglob("*"):
            relative = candidate.relative_to(path)
            if any(part.startswith(".") for part in relative.parts) or not candidate.is_file():
                continue
            if _matches(relative, patterns) and not _matches(relative, exclude):
                found.append((candidate, relative))
        found.sort()
        yield from (InputFile(str(candidate), relative.as_posix())
                    for candidate, relative in found)


def iter_paths(inputs: Iterable[str | Path | InputFile], include: Sequence[str] = (),
               exclude: Sequence[str] = ()) -> Iterator[str]:
    """The paths of the documents :func:`iter_inputs` finds, in the same order."""
    return (item.path for item in iter_inputs(inputs, include, exclude))


def _matches(relative: Path, patterns: Sequence[str]) -> bool:
    posix = relative.as_posix()
    return any(fnmatch.fnmatchcase(posix if "/" in p else relative.name, p) for p in patterns)


def read(path: str | Path | InputFile, *, max_bytes: int | None = None) -> RawDocument:
    """Read one document from a file, or from standard input when ``path`` is ``-``.

    Args:
        path: The file, or ``-``; a path alone is recorded by the file's own name.
        max_bytes: Refuse a file larger than this (None: no limit).

    Raises:
        TooLargeError: If the file is larger than ``max_bytes``.
        InputError: If the file cannot be read, is binary or cannot be decoded.
    """
    item = path if isinstance(path, InputFile) else InputFile.named(str(path))
    return read_bytes(load(item.path, max_bytes=max_bytes), item.path,
                      source_path=item.source_path)


def load(path: str | Path, *, max_bytes: int | None = None) -> bytes:
    """The bytes of a file, or of standard input when ``path`` is ``-``, undecoded.

    Raises:
        TooLargeError: If the file is larger than ``max_bytes``.
        InputError: If the file cannot be read.
    """
    name = str(path)
    try:
        if max_bytes is not None and name != STDIN:
            size = Path(name).stat().st_size
            if size > max_bytes:
                raise TooLargeError(name, _over(size, max_bytes))
        data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
        if max_bytes is not None and len(data) > max_bytes:
            raise TooLargeError(name, _over(len(data), max_bytes))
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(name, "is a directory") from exc
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from exc
    return data


def file_id(path: str | Path, *, max_bytes: int | None = None) -> str | None:
    """The :attr:`~docgraph.types.RawDocument.id` :func:`read` would give a file.

    None when :func:`read` would fail before giving one: the file cannot be read, or
    is larger than ``max_bytes``.
    """
    try:
        return document_id(load(path, max_bytes=max_bytes))
    except InputError:
        return None


def document_id(data: bytes) -> str:
    """A document's id: a hash of its bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def _over(size: int, limit: int) -> str:
    """Why a file is skipped: "skipped: 25.1 MB is over the limit of 20.0 MB ..."."""
    said, allowed = _size(size), _size(limit)
    if said == allowed:  # 1,001 bytes and 1,000 both read "1.0 kB"
        said, allowed = f"{size:,} bytes", f"{limit:,} bytes"
    return f"skipped: {said} is over the limit of {allowed} for one document (--max-bytes)"


def _size(count: int) -> str:
    """A byte count for people: "512 bytes", "20.0 MB"."""
    units = ("bytes", "kB", "MB", "GB", "TB")
    size, unit = float(count), 0
    while size >= 1000 and unit < len(units) - 1:
        size, unit = size / 1000, unit + 1
    return f"{count} bytes" if unit == 0 else f"{size:.1f} {units[unit]}"


def read_bytes(data: bytes, path: str = STDIN, *, source_path: str | None = None
               ) -> RawDocument:
    """Build a document from bytes; ``path`` names it in messages.

    Args:
        data: The file's bytes.
        path: Where they come from.
        source_path: The path a graph records (default: the file's own name).

    Raises:
        InputError: If the bytes are binary or cannot be decoded.
    """
    laid_out = _read_laid_out(data, path, source_path)
    if laid_out is not None:
        return laid_out
    text, encoding, bom = decode(data, path)
    metadata, body_start = front_matter(text, path)
    body_format = detect_format(text, body_start)
    return RawDocument(
        id=document_id(data),
        path=path,
        source_path=source_path or own_name(path),
        text=text,
        encoding=encoding,
        bom=bom,
        format=body_format,
        body_start=body_start,
        metadata=metadata,
    )


def _read_laid_out(data: bytes, path: str, source_path: str | None) -> RawDocument | None:
    """A PDF's text layer or a Word document's paragraphs as a document; None for others.

    Their text is read out of the file (:mod:`docgraph.pdftext`, :mod:`docgraph.docxtext`),
    and their offsets point into it, with a layout that says where each piece is in the
    file.
    """
    layout: dict[str, Any]
    if _starts_with(data, _PDF_MAGIC):
        from docgraph.pdftext import read_pdf

        text, pages, title, created = read_pdf(data, path)
        kind, layout = InputFormat.PDF, {"pages": pages}
    elif data.startswith(_ZIP_MAGIC):
        from docgraph.docxtext import read_docx

        found = read_docx(data, path)
        if found is None:
            return None  # another archive: refused by its first bytes when decoded
        text, package, title, created = found
        kind, layout = InputFormat.DOCX, {"package": package}
    else:
        return None
    return RawDocument(id=document_id(data), path=path,
                       source_path=source_path or own_name(path), text=text,
                       encoding=kind.value, bom=0, format=kind, body_start=0,
                       metadata=Metadata(title=title, date=created), **layout)


def _starts_with(data: bytes, magic: bytes) -> bool:
    """Whether ``data`` opens with ``magic``, after a BOM or whitespace."""
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")[: len(magic)] == magic


def decode(data: bytes, path: str) -> tuple[str, str, int]:
    """Decode a file's bytes: by its BOM, else as UTF-8, else as cp1252 with a warning.

    Returns:
        The text, the codec used, and the length of the BOM in bytes.

    Raises:
        BinaryInputError: If the data looks binary.
        DecodeError: If a BOM promises an encoding the data does not follow.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(path, f"not valid {encoding} despite its byte-order mark "
                                        f"(byte {exc.start + len(bom)})") from exc
            _refuse_binary_text(text, path)
            return text, encoding, len(bom)
    for magic, kind in _FORMATS_NOT_READ:
        if _starts_with(data[:64], magic):
            raise BinaryInputError(path, f"{kind} is not supported yet; convert it to text, "
                                         "HTML or Markdown first")
    if b"\x00" in data[:_SNIFF]:
        raise BinaryInputError(path, "binary data (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="docgraph-c1")
        line = data.count(b"\n", 0, exc.start) + 1
        warnings.warn(f"{path}:{line}: not valid UTF-8 (byte {exc.start}); decoded as cp1252",
                      InputWarning, stacklevel=2)
        encoding = "cp1252"
    else:
        encoding = "utf-8"
    _refuse_binary_text(text, path)
    return text, encoding, 0


# Documents users try that docgraph does not read yet, by their first bytes: they would
# otherwise be read as text.
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_FORMATS_NOT_READ = ((_ZIP_MAGIC, "a ZIP archive other than a Word document (XLSX, ODT)"),
                     (b"\xd0\xcf\x11\xe0", "an old Office document (DOC, XLS)"),
                     (b"{\\rtf", "RTF"))


def _c1_fallback(error: UnicodeError) -> tuple[str, int]:
    # The five bytes cp1252 leaves undefined decode to the C1 controls of the same
    # value, as browsers do, so every byte keeps exactly one character.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(chr(b) for b in error.object[error.start : error.end]), error.end


codecs.register_error("docgraph-c1", _c1_fallback)


def _refuse_binary_text(text: str, path: str) -> None:
    sample = text[:_SNIFF]
    controls = sum(1 for char in sample if ord(char) < 32 and char not in "\t\n\r\f\v")
    if "\x00" in sample or (sample and controls / len(sample) > 0.1):
        raise BinaryInputError(path, "binary data (control bytes), not a text document")


def front_matter(text: str, path: str) -> tuple[Metadata, int]:
    """Parse a leading YAML front-matter block.

    A malformed block gives a warning naming the file and line; the body is still
    cleaned, starting after the block.

    Returns:
        The metadata and the offset where the body starts.
    """
    opening = _FRONT_OPEN.match(text)
    fields: dict[str, Any] = {}
    body_start = 0
    if opening:
        closing = _FRONT_CLOSE.search(text, opening.end())
        if closing is None:
            warnings.warn(f"{path}:1: front matter opened with '---' is never closed; "
                          "reading the whole file as the body", InputWarning, stacklevel=2)
        else:
            fields = _parse_yaml(text[opening.end() : closing.start()], path)
            body_start = closing.end()
    return _metadata(fields, path), body_start


def _parse_yaml(block: str, path: str) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        warnings.warn(f"{path}{line}: malformed front matter ({problem}); ignoring it",
                      InputWarning, stacklevel=3)
        return {}
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        warnings.warn(f"{path}:2: front matter is a {type(loaded).__name__}, not a mapping; "
                      "ignoring it", InputWarning, stacklevel=3)
        return {}
    return {str(key): value for key, value in loaded.items()}


def _metadata(fields: dict[str, Any], path: str) -> Metadata:
    date = parse_date(fields.get("date"), path)
    if date is None:
        found = _FILENAME_DATE.search(Path(path).name)
        if found:
            try:
                date = dt.date(*(int(part) for part in found.groups()))
            except ValueError:
                date = None
    known = ("title", "date", "permalink", "description")
    return Metadata(
        title=_text(fields.get("title")),
        date=date,
        permalink=_text(fields.get("permalink")),
        description=_text(fields.get("description")),
        extra={key: value for key, value in fields.items() if key not in known},
    )


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def parse_date(value: object, path: str) -> dt.date | None:
    """Read a date given as a YAML date, an ISO timestamp or a written-out date.

    An unreadable value gives a warning naming ``path`` and ``None``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for layout in ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    warnings.warn(f"{path}: the page's date {text!r} is not a date; ignoring it",
                  InputWarning, stacklevel=4)
    return None


def _words(text: str, start: int, end: int) -> int:
    """How many words ``text[start:end]`` holds."""
    if end - start <= _SPLIT_LIMIT:
        return len(text[start:end].split())
    # Counted in place: splitting a 20 MB text run held 3M word strings at once.
    return sum(1 for _ in _WORD.finditer(text, start, end))


def detect_format(text: str, start: int = 0) -> InputFormat:
    """Tell the markup of ``text[start:]`` from its content.

    A JSON object is an Isomer Next page (:attr:`InputFormat.ISOMER_JSON`; cleaning says
    if it is not one). A whole page (doctype or ``<html>``) is
    :attr:`InputFormat.HTML_PAGE`; a body whose text sits almost entirely inside
    block-level HTML elements is an HTML fragment; otherwise Markdown if it shows
    Markdown syntax or any HTML tag, else plain text.
    """
    if _HTML_PAGE.match(text, start):
        return InputFormat.HTML_PAGE
    if _JSON_OBJECT.match(text, start):
        return InputFormat.ISOMER_JSON
    depth = tags = 0
    inside = outside = 0
    for token in tokenize(text, start):
        if token.kind is TokenKind.START:
            tags += 1
            if token.name in BLOCK_ELEMENTS and not token.self_closing and \
                    token.name not in ("hr", "col"):
                depth += 1
        elif token.kind is TokenKind.END:
            tags += 1
            if token.name in BLOCK_ELEMENTS:
                depth = max(0, depth - 1)
        elif token.kind is TokenKind.TEXT:
            visible = _words(text, token.start, token.end)
            if depth:
                inside += visible
            else:
                outside += visible
    if (inside or (tags and not outside)) and \
            outside <= _LOOSE_TEXT_SHARE * (inside + outside):
        return InputFormat.HTML
    # Tags among loose text ("Ladies and gentlemen<br> ... <strong>Introduction</strong>")
    # are inline HTML in Markdown, as kramdown reads them; as plain text they would be
    # read as words.
    if _MARKDOWN_SIGNS.search(text, start) or inside or tags:
        return InputFormat.MARKDOWN
    return InputFormat.TEXT
