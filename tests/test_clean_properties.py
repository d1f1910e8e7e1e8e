"""Properties of the cleaner on random and mutated markup (Hypothesis)."""

from __future__ import annotations

import warnings

from hypothesis import example, given, settings
from hypothesis import strategies as st

from docgraph.clean import clean, to_html
from docgraph.errors import InputError
from docgraph.ingest import read_bytes
from docgraph.types import Document
from helpers import CORPUS_PAGES, SEED, examples

TAGS = ["p", "div", "li", "ol", "ul", "table", "tr", "td", "th", "strong", "b", "u", "em",
        "a", "sup", "br", "img", "h2", "h3", "details", "summary", "span", "script", "style",
        "nav", "hr", "pre", "blockquote", "caption", "thead", "figure", "figcaption"]
SNIPPETS = ['<ol start="3">', '<img alt="A &amp; B">', '<a href="#fn1">', "<sup>1</sup>",
            "<sup>[2]</sup>", "11<sup>th</sup>", "&nbsp;", "&amp;", "&#x1F600;", "&notit;",
            "\r\n", "\n\n", "**", "*", "_", "`", "[x](y)", "![a](b)", '{:start="2"}', "1. ",
            "- ", "# ", "---\n", "> ", "|a|b|\n|-|-|\n", "<!--", "-->", "<![CDATA[", "\x00",
            "\u200b", "\u00ad", "2. ", "  \n", "\t", "<p hidden>", "</", "<", ">", "&"]
PIECES = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=12),
    st.sampled_from(TAGS).map(lambda tag: f"<{tag}>"),
    st.sampled_from(TAGS).map(lambda tag: f"</{tag}>"),
    st.sampled_from(SNIPPETS),
)
REAL_PAGES = [SEED, *CORPUS_PAGES]
SETTINGS = settings(max_examples=examples(250))


def _clean_or_input_error(data: bytes, parser: str) -> Document | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return clean(read_bytes(data, "random.html"), html_parser=parser)
        except InputError:
            return None


def _check_blocks(document: Document) -> None:
    for block in document.blocks:
        assert block.text
        assert block.text == block.text.strip()
        assert block.offsets.length == len(block.text)
        for index in range(len(block.text)):
            span = block.offsets.char_span(index)
            assert 0 <= span.start <= span.end <= len(document.text)


def _key(document: Document) -> list[tuple[object, ...]]:
    return [(b.kind, b.text, b.number, b.level, b.section) for b in document.blocks]


@SETTINGS
@given(parts=st.lists(PIECES, max_size=40), parser=st.sampled_from(["lxml", "html.parser"]))
def test_random_markup_never_raises_anything_but_input_errors(
        parts: list[str], parser: str) -> None:
    document = _clean_or_input_error("".join(parts).encode("utf-8"), parser)
    if document is not None:
        _check_blocks(document)


@SETTINGS
@given(parts=st.lists(PIECES, max_size=40), parser=st.sampled_from(["lxml", "html.parser"]))
# A <summary> under a bold heading is a heading one level down, ending in ";": neither
# bold nor underlining can say so when rendered back.
@example(parts=["<STRONG>", "0", "<SUMMARY>", ";"], parser="lxml")
@example(parts=["<p><b>", "Emphasis, not a heading.", "</b></p>"], parser="html.parser")
def test_cleaning_is_idempotent_on_its_own_output(parts: list[str], parser: str) -> None:
    document = _clean_or_input_error("".join(parts).encode("utf-8"), parser)
    if document is None:
        return
    again = clean(read_bytes(to_html(document).encode("utf-8"), "again.html"),
                  html_parser=parser)
    assert _key(again) == _key(document)


@SETTINGS
@given(page=st.sampled_from(REAL_PAGES), data=st.data())
def test_mutated_real_pages_never_raise_anything_but_input_errors(
        page: object, data: st.DataObject) -> None:
    text = page.read_bytes()  # type: ignore[attr-defined]
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.lists(PIECES, max_size=5)).__iter__()
    mutated = text[:cut] + "".join(insert).encode("utf-8") + text[
        cut + data.draw(st.integers(0, 200)):]
    document = _clean_or_input_error(mutated, data.draw(st.sampled_from(["lxml",
                                                                          "html.parser"])))
    if document is not None:
        _check_blocks(document)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_are_read_or_refused_with_an_input_error(data: bytes) -> None:
    document = _clean_or_input_error(data, "lxml")
    if document is not None:
        _check_blocks(document)
