"""Isomer Next pages (JSON): blocks, metadata, provenance through escapes, errors."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docgraph.clean import clean, why_no_text
from docgraph.clean.isomer import JsonString, load_located, located_text, schema_address
from docgraph.errors import InputError
from docgraph.evaluate import json_string_values, range_mismatches
from docgraph.ingest import detect_format, read, read_bytes
from docgraph.types import BlockKind, Document, InputFormat
from helpers import ROOT, extract

if TYPE_CHECKING:
    from spacy.language import Language

    from docgraph.pipeline import Extraction

DATA = ROOT / "tests" / "data" / "isomer-next"
IPEF = DATA / "ipef-14-mar-2024.json"


def page(*blocks: object, **fields: object) -> Document:
    """A page of ``blocks`` (Isomer Next nodes) cleaned, written as Isomer writes it."""
    data = {"layout": "article", "page": {"title": "A page", **fields},
            "content": list(blocks), "version": "0.1.0"}
    return clean(read_bytes(json.dumps(data, indent=2).encode(), "schema/news/a.json"))


def text(value: str, *marks: str, href: str | None = None) -> dict[str, object]:
    found: list[dict[str, object]] = [{"type": mark} for mark in marks]
    if href:
        found.append({"type": "link", "attrs": {"href": href}})
    return {"type": "text", "marks": found, "text": value}


def para(*nodes: object) -> dict[str, object]:
    return {"type": "paragraph", "content": list(nodes)}


# Reading JSON with positions ----------------------------------------------------------


def test_strings_know_where_they_are_written() -> None:
    source = '{"a": ["x\\u00e9y", {"b": "\\"q\\""}], "n": 1.5, "t": true, "z": null}'
    data = load_located(source)
    first, inner = data["a"]
    assert first == JsonString("xéy", 8, 16)
    assert source[first.start : first.end] == "x\\u00e9y"
    assert inner["b"].value == '"q"'
    assert (data["n"], data["t"], data["z"]) == (1.5, True, None)


@pytest.mark.parametrize("source", ['{"a": 1,}', '{"a" 1}', '[1, 2', '{"a": tru}', '{} x'])
def test_broken_json_is_refused_as_json_refuses_it(source: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(source)
    with pytest.raises(json.JSONDecodeError):
        load_located(source)


def test_nesting_deeper_than_any_page_is_refused_not_a_crash() -> None:
    with pytest.raises(json.JSONDecodeError, match="nested too deeply"):
        load_located("[" * 5000 + "]" * 5000)


@given(st.text(min_size=1, max_size=40))
def test_each_character_maps_to_the_whole_of_its_escape(value: str) -> None:
    for ascii_only in (True, False):
        source = json.dumps({"text": value}, ensure_ascii=ascii_only)
        located = located_text(source, load_located(source)["text"])
        assert located.text == value
        for char, start, end in zip(located.text, located.starts, located.ends, strict=True):
            assert json.loads(f'"{source[start:end]}"') == char


# Blocks -------------------------------------------------------------------------------


def test_block_types_read_as_a_browser_shows_them() -> None:
    document = page(
        {"type": "heading", "level": 3, "content": [text("Background")]},
        para(text("Mr "), text("Tan", "bold"), text(" spoke.")),
        {"type": "orderedList", "start": 4, "content": [
            {"type": "listItem", "content": [para(text("First point."))]},
            {"type": "listItem", "content": [para(text("Second point."))]}]},
        {"type": "unorderedList", "content": [
            {"type": "listItem", "content": [para(text("A bullet."))]}]},
        {"type": "table", "caption": "Highlights", "content": [
            {"type": "tableRow", "content": [
                {"type": "tableHeader", "content": [para(text("Scheme"))]}]},
            {"type": "tableRow", "content": [
                {"type": "tableCell", "content": [para(text("M-SEP"))]}]}]},
        {"type": "accordion", "summary": "ASEAN Division",
         "details": [para(text("It reviews policy."))]},
        {"type": "callout", "variant": "info", "content": [para(text("Note well."))]},
        {"type": "image", "src": "/a.png", "alt": "Two ministers shake hands."},
        {"type": "divider"},
        {"type": "iframe", "title": "Map", "content": "<iframe src='x'></iframe>"},
    )
    found = [(b.kind, b.text, b.number, b.level) for b in document.blocks]
    assert found == [
        (BlockKind.HEADING, "Background", None, 3),
        (BlockKind.PARAGRAPH, "Mr Tan spoke.", None, None),
        (BlockKind.LIST_ITEM, "First point.", 4, None),
        (BlockKind.LIST_ITEM, "Second point.", 5, None),
        (BlockKind.LIST_ITEM, "A bullet.", None, None),
        (BlockKind.CAPTION, "Highlights", None, None),
        (BlockKind.TABLE_CELL, "Scheme", None, None),
        (BlockKind.TABLE_CELL, "M-SEP", None, None),
        (BlockKind.HEADING, "ASEAN Division", None, 4),
        (BlockKind.PARAGRAPH, "It reviews policy.", None, None),
        (BlockKind.PARAGRAPH, "Note well.", None, None),
        (BlockKind.IMAGE_ALT, "Two ministers shake hands.", None, None),
    ]
    assert document.blocks[9].section == ("Background", "ASEAN Division")


def test_inline_html_links_breaks_and_word_footnotes_are_read_as_html() -> None:
    document = page(
        para(text("Ministers<a href='file:///C:/x.docx#_ftn1'>[\u00b9]</a> met &amp; "
                  "agreed.</br>See <a href='https://www.mti.gov.sg/a.pdf'>the release</a>.")),
        para(text("Read it ", "italic"), text("here", href="https://example.org/b")),
        para(text("<a href='x.docx#_ftn1'>[\u00b9]</a> Partners are Fiji and Japan.")),
    )
    first, second, note = document.blocks
    assert first.text == "Ministers met & agreed.\nSee the release."
    assert [f.marker for f in first.footnotes] == ["\u00b9"]
    assert [(first.text[link.start : link.end], link.href) for link in first.links] == \
        [("the release", "https://www.mti.gov.sg/a.pdf")]
    assert [(second.text[link.start : link.end], link.href) for link in second.links] == \
        [("here", "https://example.org/b")]
    assert note.kind is BlockKind.FOOTNOTE
    assert note.text == "Partners are Fiji and Japan."


def test_components_give_their_titles_as_headings_over_their_texts() -> None:
    document = page({"type": "infocards", "title": "Our agencies", "cards": [
        {"title": "SingStat", "text": "Delivering statistics.", "url": "/x"},
        {"title": "CCCS", "text": "Making markets work.", "imageAlt": "Logo"}]})
    assert [(b.kind, b.text) for b in document.blocks] == [
        (BlockKind.HEADING, "Our agencies"), (BlockKind.HEADING, "SingStat"),
        (BlockKind.PARAGRAPH, "Delivering statistics."), (BlockKind.HEADING, "CCCS"),
        (BlockKind.PARAGRAPH, "Making markets work.")]
    assert document.blocks[2].section == ("Our agencies", "SingStat")


# Metadata and format ------------------------------------------------------------------


def test_the_page_fields_are_the_document_metadata() -> None:
    document = clean(read(IPEF))
    metadata = document.metadata
    assert document.format is InputFormat.ISOMER_JSON
    assert metadata.title is not None
    assert metadata.title.startswith("Indo-Pacific Economic")
    assert metadata.date == dt.date(2024, 3, 14)
    assert metadata.extra["category"] == "Press Releases"
    assert metadata.extra["layout"] == "article"
    assert metadata.description is not None
    assert "virtual meeting" in metadata.description


@pytest.mark.parametrize(("path", "address"), [
    ("site/schema/newsroom/press-releases/14-mar-2024.json",
     "/newsroom/press-releases/14-mar-2024"),
    ("schema/about.json", "/about"), ("schema/index.json", "/"),
    ("C:\\site\\schema\\trade\\fta.json", "/trade/fta"), ("pages/a.json", None)])
def test_a_page_address_is_its_path_under_schema(path: str, address: str | None) -> None:
    assert schema_address(path) == address


def test_a_permalink_field_beats_the_path() -> None:
    assert page(para(text("Hi.")), permalink="/news/hi").metadata.permalink == "/news/hi"
    assert page(para(text("Hi."))).metadata.permalink == "/news/a"


@pytest.mark.parametrize(("body", "expected"), [
    ('{\n  "layout": "article", "content": []}', InputFormat.ISOMER_JSON),
    ("{}", InputFormat.ISOMER_JSON),
    ("{Draft} The Minister spoke.", InputFormat.TEXT),
    ('{"a" is how we write a quote', InputFormat.TEXT)])
def test_json_is_told_from_its_content(body: str, expected: InputFormat) -> None:
    assert detect_format(body) is expected


def test_a_json_file_is_read_whatever_its_name() -> None:
    data = IPEF.read_bytes()
    assert clean(read_bytes(data, "release.txt")).format is InputFormat.ISOMER_JSON


@pytest.mark.parametrize(("body", "message"), [
    (b'{"page": {"title": "x"}, "content": [', "not valid JSON (Expecting value at line 1"),
    (b'{"name": "docgraph", "version": "1"}', "JSON, but not an Isomer page"),
])
def test_bad_json_is_one_line_naming_the_file_and_cause(body: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        clean(read_bytes(body, "schema/broken.json"))
    assert str(caught.value).startswith("schema/broken.json: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_collection_page_says_it_has_no_text() -> None:
    document = page(layout="collection")
    assert document.blocks == ()
    assert why_no_text(document) == \
        "an Isomer page with no text in its content blocks (layout 'article')"


# Provenance ---------------------------------------------------------------------------


def test_every_character_of_every_block_comes_from_its_json_string() -> None:
    document = clean(read(IPEF))
    data = IPEF.read_bytes()
    for block in document.blocks:
        for index, char in enumerate(block.text):
            span = block.source_span(index, index + 1)
            if span.end == span.start:
                continue  # a character the cleaner inserted (a space joining two runs)
            written = document.text[span.start : span.end]
            assert json.loads(f'"{written}"') == char or char.isspace()
        whole = document.byte_span(block.span)
        assert data[whole.start : whole.end].decode() == \
            document.text[block.span.start : block.span.end]


def test_a_sentence_over_several_text_nodes_reads_back_without_the_json_between() -> None:
    assert json_string_values('A \\u00b9", "marks": [{"type": "bold"}], "text": "B') == \
        "A \u00b9 B"
    assert json_string_values('end."}]}, {"type": "p", "text": "Next') == "end. Next"


# With the model -----------------------------------------------------------------------


@pytest.mark.model
def test_the_ipef_release_reads_as_an_html_page_would(nlp: Language) -> None:
    [result] = extract([IPEF], nlp)
    found = {(e.label, e.name) for e in result.entities}
    assert {("Person", "Gan Kim Yong"), ("Post", "Minister for Trade and Industry"),
            ("Agreement", "Clean Economy Agreement"), ("Agreement", "Fair Economy Agreement"),
            ("Ministry", "Ministry of Trade and Industry"), ("Country", "Fiji"),
            ("Country", "Singapore"), ("Country", "United States")} <= found
    assert not any("Download" in name or "PDF" in name for _, name in found)
    assert not any(name in ("type", "marks", "content", "text") for _, name in found)
    assert range_mismatches(result) == []
    assert ("holdsPost", "Gan Kim Yong", "Minister for Trade and Industry") in {
        (r.predicate, r.subject.name, r.object.name) for r in result.relations}


@pytest.mark.model
def test_the_same_release_as_markdown_and_as_json_gives_the_same_graph(nlp: Language
                                                                        ) -> None:
    markdown, isomer = extract([DATA / "govtech-chairman.md", DATA / "govtech-chairman.json"],
                               nlp)

    def graph(result: Extraction) -> tuple[object, ...]:
        entities = sorted((e.label, e.name, e.aliases) for e in result.entities)
        relations = sorted((r.predicate, r.subject.name, r.object.name, str(r.start),
                            str(r.end), r.bound, r.status, r.text) for r in result.relations)
        metadata = result.document.metadata
        return entities, relations, metadata.title, metadata.date

    assert graph(isomer) == graph(markdown)
    assert isomer.relations  # the page states who chairs GovTech's board
    assert range_mismatches(isomer) == []


def test_the_pair_is_the_same_text() -> None:
    markdown = clean(read(DATA / "govtech-chairman.md"))
    isomer = clean(read(DATA / "govtech-chairman.json"))
    assert [(b.kind, b.text, b.section) for b in isomer.blocks] == \
        [(b.kind, b.text, b.section) for b in markdown.blocks]
