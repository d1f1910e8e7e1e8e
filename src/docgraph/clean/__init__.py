"""Clean a document: HTML, Markdown, Isomer JSON, PDF, Word or text into blocks with offsets.

The contract: :func:`clean` turns a :class:`~docgraph.types.RawDocument` into a
:class:`~docgraph.types.Document` whose blocks (headings, paragraphs, list items, table
cells, captions, image alt texts, footnotes) hold normalised text, the section they sit
in, the paragraph number the page shows, and a map from every character back to its
range in the source file. Boilerplate is marked, never dropped. Each format has its own
reader (:mod:`.html`, :mod:`.markdown`, :mod:`.isomer`, :mod:`.pdf`, :mod:`.docx`,
:mod:`.plain`) building one kind of tree that :mod:`.blocks` cuts into blocks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bs4.exceptions import ParserRejectedMarkup

from docgraph import ingest
from docgraph.clean.blocks import build_blocks
from docgraph.clean.boilerplate import Rule, load_rules, mark_boilerplate
from docgraph.clean.docx import parse_docx
from docgraph.clean.dom import Element
from docgraph.clean.html import PARSERS, parse_html
from docgraph.clean.isomer import IsomerPage, read_isomer
from docgraph.clean.layout import load_layout_rules, mark_layout
from docgraph.clean.markdown import parse_markdown
from docgraph.clean.pdf import parse_pdf
from docgraph.clean.plain import parse_text
from docgraph.clean.render import to_dict, to_html
from docgraph.clean.text import collapse
from docgraph.errors import DocgraphError, InputError, first_line
from docgraph.ingest import parse_date
from docgraph.types import Document, InputFormat, Metadata, RawDocument

__all__ = ["PARSERS", "Failure", "clean", "clean_paths", "load_rules", "to_dict", "to_html",
           "why_no_text"]


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed, and why."""

    path: str
    error: DocgraphError


def clean(raw: RawDocument, *, html_parser: str = "lxml",
          boilerplate: tuple[Rule, ...] | None = None) -> Document:
    """Cut a raw document into blocks.

    Args:
        raw: The document from :func:`docgraph.ingest.read`.
        html_parser: Beautiful Soup tree builder for HTML (see :data:`PARSERS`).
        boilerplate: Boilerplate rules (default: docgraph's own).

    Returns:
        The cleaned document.

    A document with no text to read (an empty file, only whitespace, only front matter
    or markup) has no blocks; :func:`why_no_text` says why.

    Raises:
        InputError: If the body cannot be parsed at all.
        ConfigurationError: If ``html_parser`` is unknown.

    Example:
        >>> from docgraph.ingest import read_bytes
        >>> doc = clean(read_bytes(b"<p>1. Hello&nbsp;world</p>", "hello.html"))
        >>> [(b.kind.value, b.number, b.text) for b in doc.blocks]
        [('paragraph', 1, 'Hello world')]
    """
    text, start = raw.text, raw.body_start
    page: IsomerPage | None = None
    layout = raw.pages
    try:
        if raw.format is InputFormat.PDF and raw.pages is not None:
            root, layout = parse_pdf(text, raw.pages)
        elif raw.format is InputFormat.DOCX and raw.package is not None:
            root = parse_docx(text, raw.package)
        elif raw.format is InputFormat.ISOMER_JSON:
            page = read_isomer(text, start, len(text), html_parser, raw.path)
            root = page.root
        elif raw.format in (InputFormat.HTML, InputFormat.HTML_PAGE):
            root = parse_html(text, start, len(text), html_parser)
        elif raw.format is InputFormat.MARKDOWN:
            root = parse_markdown(text, start, len(text), html_parser)
        else:
            root = parse_text(text, start, len(text))
        blocks = build_blocks(root)
    except RecursionError as exc:
        raise InputError(raw.path, f"{raw.format} nested too deeply to clean") from exc
    except ParserRejectedMarkup as exc:
        raise InputError(raw.path, f"the {html_parser} parser rejects this markup "
                                   f"({first_line(exc)})") from exc
    rules = load_rules() if boilerplate is None else boilerplate
    metadata = raw.metadata
    if raw.format is InputFormat.HTML_PAGE:
        metadata = _page_metadata(root, metadata, raw.path)
    elif page is not None:
        metadata = _isomer_metadata(page, metadata, raw.path)
    return Document(
        id=raw.id,
        path=raw.path,
        source_path=raw.source_path,
        format=raw.format,
        metadata=metadata,
        blocks=tuple(mark_layout(mark_boilerplate(blocks, rules), load_layout_rules())),
        text=raw.text,
        encoding=raw.encoding,
        bom=raw.bom,
        pages=layout,
        package=raw.package,
    )


def why_no_text(document: Document) -> str | None:
    r"""Why a cleaned document has no text to read, or None if it has some.

    Example:
        >>> from docgraph.ingest import read_bytes
        >>> why_no_text(clean(read_bytes(b"---\ntitle: A PDF\n---\n", "a.md")))
        'no text to read once cleaned (only front matter, markup or hidden elements)'
    """
    if document.blocks:
        return None
    if document.pages is not None and not document.text.strip():
        count = document.pages.page_count
        return (f"no text layer on {'its one page' if count == 1 else f'any of its {count} pages'}"
                " (scanned images?): no text to read")
    if not document.text and not document.bom:
        return "an empty file (0 bytes): no text to read"
    if not document.text.strip():
        return "only whitespace: no text to read"
    if document.format is InputFormat.ISOMER_JSON:
        layout = document.metadata.extra.get("layout")
        return "an Isomer page with no text in its content blocks" + \
            (f" (layout {layout!r})" if layout else "")
    return "no text to read once cleaned (only front matter, markup or hidden elements)"


def clean_paths(inputs: Iterable[str | Path], *, include: Sequence[str] = (),
                exclude: Sequence[str] = (), html_parser: str = "lxml"
                ) -> Iterator[Document | Failure]:
    """Read and clean every document under ``inputs``; a bad one never stops the rest.

    Args:
        inputs: Files, folders or ``-`` (see :func:`docgraph.ingest.iter_paths`).
        include: Glob patterns for files inside folders.
        exclude: Glob patterns of files to skip.
        html_parser: Beautiful Soup tree builder for HTML.

    Yields:
        A :class:`Document` per input, or a :class:`Failure` saying why not.
    """
    rules = load_rules()
    for item in ingest.iter_inputs(inputs, include, exclude):
        try:
            yield clean(ingest.read(item), html_parser=html_parser, boilerplate=rules)
        except InputError as exc:
            yield Failure(item.path, exc)


def _isomer_metadata(page: IsomerPage, metadata: Metadata, path: str) -> Metadata:
    """An Isomer Next page's title, date, summary and address; its category and layout."""
    extra = dict(metadata.extra)
    if page.category:
        extra.setdefault("category", page.category)
    if page.layout:
        extra.setdefault("layout", page.layout)
    return dataclasses.replace(
        metadata,
        title=metadata.title or page.title,
        permalink=metadata.permalink or page.permalink,
        description=metadata.description or page.summary,
        date=metadata.date or (parse_date(page.date, path) if page.date else None),
        extra=extra,
    )


def _page_metadata(root: Element, metadata: Metadata, path: str) -> Metadata:
    """Fill what front matter did not give from ``<title>``, ``<meta>`` and ``<link>``.

    The page's own address is its canonical link, or else its ``og:url``.
    """
    title = description = published = canonical = address = None
    todo = [root]
    while todo:
        element = todo.pop()
        if element.tag == "title" and title is None:
            title = collapse(element.text_content()) or None
        elif element.tag == "link" and canonical is None and "canonical" in \
                element.attrs.get("rel", "").lower().split():
            canonical = element.attrs.get("href", "").strip() or None
        elif element.tag == "meta":
            key = (element.attrs.get("name") or element.attrs.get("property") or "").lower()
            content = element.attrs.get("content", "")
            if key in ("description", "og:description") and description is None:
                description = collapse(content) or None
            elif key in ("date", "article:published_time", "dc.date", "dcterms.date") and \
                    published is None:
                published = content
            elif key == "og:url" and address is None:
                address = content.strip() or None
        todo.extend(child for child in element.children if isinstance(child, Element))
    return dataclasses.replace(
        metadata,
        title=metadata.title or title,
        permalink=metadata.permalink or canonical or address,
        description=metadata.description or description,
        date=metadata.date or (parse_date(published, path) if published else None),
    )
