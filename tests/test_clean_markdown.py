"""The Markdown reader: kramdown syntax that Isomer pages use, with exact offsets."""

from __future__ import annotations

from docgraph.types import BlockKind
from helpers import clean_text


def blocks(page: str) -> list[tuple[str, int | None, str]]:
    return [(b.kind.value, b.number, b.text) for b in clean_text(page, "t.md").blocks]


def test_kramdown_start_attributes_number_list_items() -> None:
    page = ('{:start="1"} \n1. The Minister appointed a member.\n\n**New Member**\n\n'
            '{:start="2"}\n2. Ms Chong Siak Ching will be appointed.\n')
    assert blocks(page) == [
        ("list_item", 1, "The Minister appointed a member."),
        ("heading", None, "New Member"),
        ("list_item", 2, "Ms Chong Siak Ching will be appointed."),
    ]


def test_loose_lists_and_tab_after_the_number() -> None:
    page = "1.\tGDS and GovTech met.\n \n2.\tThey agreed.\n\n3. And more\ncontinued here.\n"
    assert blocks(page) == [("list_item", 1, "GDS and GovTech met."),
                            ("list_item", 2, "They agreed."),
                            ("list_item", 3, "And more continued here.")]


def test_emphasis_links_images_and_inline_attribute_lists() -> None:
    page = ("**Singapore, 4 July 2022** – The *MoU* was [signed](https://x.sg)"
            '{:target="_blank"} in __London__.\n\n'
            "![Signing ceremony](/img.jpg)\n*The signing*\n")
    document = clean_text(page, "t.md")
    first, image, caption = document.blocks
    assert first.text == "Singapore, 4 July 2022 – The MoU was signed in London."
    assert first.text[first.links[0].start : first.links[0].end] == "signed"
    assert (image.kind, image.text) == (BlockKind.IMAGE_ALT, "Signing ceremony")
    assert (caption.kind, caption.text) == (BlockKind.CAPTION, "The signing")


def test_two_space_hard_breaks_and_salutations() -> None:
    page = "Mr Lew Chuen Hong, Chief Executive of IMDA,   \nLadies and Gentlemen,  \n\nBody."
    expected = "Mr Lew Chuen Hong, Chief Executive of IMDA,\nLadies and Gentlemen,"
    assert blocks(page)[0][2] == expected


def test_rules_inside_the_body_are_not_text_and_setext_headings_are() -> None:
    page = "Intro.\n\n***\n\n---\n\nTitle\n=====\n\nText.\n"
    assert blocks(page) == [("paragraph", None, "Intro."), ("heading", None, "Title"),
                            ("paragraph", None, "Text.")]


def test_block_html_inside_markdown_goes_to_the_html_reader() -> None:
    page = ("3. The features include:\n\n<p style=\"margin-left: 40px\">\n(a) Cooperation "
            "between the <b>SICC</b> and the Council; and</p>\n\n<table>\n<tr><td>1. Afghanistan"
            "\n<br>\n\n2. Angola</td></tr>\n</table>\n\n4. After the table.\n")
    assert blocks(page) == [
        ("list_item", 3, "The features include:"),
        ("paragraph", None, "(a) Cooperation between the SICC and the Council; and"),
        ("table_cell", None, "1. Afghanistan\n2. Angola"),
        ("list_item", 4, "After the table."),
    ]


def test_escapes_code_entities_and_autolinks() -> None:
    page = r"Use \*stars\*, `a*b`, &amp; <https://www.gov.sg> too."
    assert blocks(page) == [("paragraph", None, "Use *stars*, a*b, & https://www.gov.sg too.")]


def test_headings_quotes_and_pipe_tables() -> None:
    page = ("## Overview ##\n\n> Quoted line\n> continues.\n\n| Product | Agency |\n"
            "| --- | --- |\n| FormSG | GovTech |\n")
    document = clean_text(page, "t.md")
    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "Overview"), ("paragraph", "Quoted line continues."),
        ("table_cell", "Product"), ("table_cell", "Agency"), ("table_cell", "FormSG"),
        ("table_cell", "GovTech")]
    assert document.blocks[-1].cell is not None
    assert document.blocks[-1].cell.header == "Agency"


def test_markdown_offsets_skip_the_markup() -> None:
    page = "---\ntitle: t\n---\nThe **WG-AI** met in [Singapore](/sg)."
    document = clean_text(page, "t.md")
    block = document.blocks[0]
    for word in ("WG-AI", "Singapore"):
        start = block.text.index(word)
        span = block.source_span(start, start + len(word))
        assert document.text[span.start : span.end] == word


def test_kramdown_footnotes_leave_the_prose_and_their_text_is_a_footnote() -> None:
    source = ("---\ntitle: T\n---\n\n**I agree with Madam Amina Otieno[^1], that we must "
              "act.**\n\n[^1]: Cut by Amina Otieno on Harbour Data\n")
    doc = clean_text(source, "page.md")
    prose, note = doc.blocks
    assert prose.text == "I agree with Madam Amina Otieno, that we must act."
    assert [f.marker for f in prose.footnotes] == ["1"]
    assert source[prose.footnotes[0].source.start:prose.footnotes[0].source.end] == "1"
    assert (note.kind, note.text) == (BlockKind.FOOTNOTE, "Cut by Amina Otieno on Harbour Data")
