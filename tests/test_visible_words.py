"""No visible word of a page is lost: compare with what a real browser shows.

Each page is rendered the way a reader would see it (an HTML body as is; Markdown
through markdown-it-py, standing in for Jekyll's kramdown, after dropping kramdown's
attribute lists as kramdown does) and opened in headless Chromium; every word of
``document.body.innerText`` must appear in docgraph's blocks, as often as the browser
shows it. Paragraph numbers and footnote markers that docgraph moves out of the text
into fields count as present.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docgraph.clean import clean
from docgraph.ingest import read
from docgraph.types import Document, InputFormat
from helpers import CORPUS_PAGES, SEED

_WORD = re.compile(r"\w+")
_IAL_LINE = re.compile(r"^ {0,3}\{:[^}]*\}[ \t]*$", re.MULTILINE)
_IAL_SPAN = re.compile(r"\{:[^}\n]*\}")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser_page(chromium: Any) -> Iterator[Any]:
    page = chromium.new_page()
    yield page
    page.close()


def _as_browser_html(document: Document) -> str:
    body = document.text[len(document.text) - len(_body(document)) :]
    if document.format in (InputFormat.HTML, InputFormat.HTML_PAGE):
        return body
    if document.format is InputFormat.MARKDOWN:
        from markdown_it import MarkdownIt

        kramdown_free = _IAL_SPAN.sub("", _IAL_LINE.sub("", body))
        return str(MarkdownIt("commonmark", {"html": True}).enable("table")
                   .render(kramdown_free))
    return "".join(f"<p>{html.escape(p)}</p>" for p in re.split(r"\n\s*\n", body))


def _body(document: Document) -> str:
    return read(document.path).body


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _docgraph_words(document: Document) -> Counter[str]:
    parts = []
    for block in document.blocks:
        # Put footnote markers back where the browser shows them, glued to the word
        # before ("rate<sup>2</sup>" reads "rate2"), so words split the same way.
        text = block.text
        for note in sorted(block.footnotes, key=lambda n: n.offset, reverse=True):
            shown = html.unescape(document.text[note.source.start : note.source.end])
            text = text[: note.offset] + shown + text[note.offset :]
        parts.append(text)
        if block.number is not None:
            parts.append(str(block.number))
    return _words(" ".join(parts))


@pytest.mark.parametrize("path", [SEED, *CORPUS_PAGES], ids=lambda p: p.name[:60])
def test_every_visible_word_is_in_the_blocks(browser_page: object, path: Path) -> None:
    document = clean(read(path))
    page = browser_page
    page.set_content(_as_browser_html(document))  # type: ignore[attr-defined]
    shown = page.evaluate("document.body ? document.body.innerText : ''")  # type: ignore[attr-defined]
    missing = _words(shown) - _docgraph_words(document)
    assert not missing, f"words the browser shows but docgraph lost: {dict(missing)}"
    assert sum(_words(shown).values()) > 0 or not document.blocks
