"""PDF: the text layer, lines into blocks, page furniture, provenance to page and rectangle."""

from __future__ import annotations

import re
import shutil
import warnings
from array import array
from typing import TYPE_CHECKING

import pytest
from rdflib.namespace import RDF

from docgraph.clean import clean, why_no_text
from docgraph.clean.blocks import build_blocks
from docgraph.clean.pdf import parse_pdf
from docgraph.errors import InputError, InputWarning
from docgraph.evaluate import range_mismatches
from docgraph.ingest import read, read_bytes
from docgraph.rdf.build import union
from docgraph.types import BlockKind, InputFormat, PageLayout, Span, TableCell
from docgraph.vocab import DG, OA
from helpers import ROOT, extract, extraction_dataset

if TYPE_CHECKING:
    from spacy.language import Language

DATA = ROOT / "tests" / "data" / "pdf"
SLA = DATA / "sla-board-2024.pdf"
A4 = (595.0, 842.0)

Line = tuple[int, str, float, float, float, float, float, int]
"""A line drawn by hand: page (from 0), text, left, bottom, right, top, font size, weight."""


def drawn(lines: list[Line], pages: int = 1) -> tuple[str, PageLayout]:
    """A text layer and layout as PDFium would give them for ``lines``."""
    texts: list[list[str]] = [[] for _ in range(pages)]
    for page, text, *_ in lines:
        texts[page].append(text)
    page_texts = ["\r\n".join(t) for t in texts]
    source = "\f".join(page_texts)
    bounds, position = array("l"), 0
    for text in page_texts:
        bounds.extend((position, position + len(text)))
        position += len(text) + 1
    starts, ends, boxes = array("l"), array("l"), array("f")
    fonts, weights, on = array("f"), array("h"), array("l")
    seen = [0] * pages
    for page, text, left, bottom, right, top, font, weight in lines:
        start = bounds[2 * page] + seen[page]
        seen[page] += len(text) + 2
        starts.append(start)
        ends.append(start + len(text))
        boxes.extend((left, bottom, right, top))
        fonts.append(font)
        weights.append(weight)
        on.append(page)
    return source, PageLayout(bounds, array("f", A4 * pages), starts, ends, boxes, fonts,
                              weights, on)


def blocks_of(lines: list[Line], pages: int = 1) -> list[tuple[BlockKind, str]]:
    source, layout = drawn(lines, pages)
    root, _ = parse_pdf(source, layout)
    return [(b.kind, b.text) for b in build_blocks(root)]


def body(page: int, text: str, top: float, left: float = 72, right: float = 520,
         font: float = 11, weight: int = 400) -> Line:
    return (page, text, left, top - font, right, top, font, weight)


# Lines into blocks ----------------------------------------------------------------------


def test_lines_close_together_are_one_paragraph_and_a_gap_starts_another() -> None:
    assert blocks_of([body(0, "The Minister for Law has appointed", 700),
                      body(0, "Mr Tan as Chairman of the Board.", 686),
                      body(0, "He succeeds Mr Lim.", 660)]) == [
        (BlockKind.PARAGRAPH, ("The Minister for Law has appointed Mr Tan as Chairman of the "
                               "Board.")),
        (BlockKind.PARAGRAPH, "He succeeds Mr Lim.")]


def test_a_word_broken_at_a_line_end_is_joined_when_it_is_a_word() -> None:
    found = blocks_of([body(0, "The new pro-", 700), body(0, "vision for Singapore-", 686),
                       body(0, "based firms takes effect on 14-", 672),
                       body(0, "day notice at #29-", 658), body(0, "01.", 644)])
    assert found == [(BlockKind.PARAGRAPH, ("The new provision for Singapore-based firms "
                                            "takes effect on 14-day notice at #29-01."))]


def test_bullets_are_list_items_without_the_bullet() -> None:
    assert blocks_of([body(0, "\u2022 Creators may now sue.", 700),
                      body(0, "\uf0b7 Schools may copy works.", 686),
                      body(0, "\u00fc\uf0fc Involve the claimant.", 672)]) == [
        (BlockKind.LIST_ITEM, "Creators may now sue."),
        (BlockKind.LIST_ITEM, "Schools may copy works."),
        (BlockKind.LIST_ITEM, "Involve the claimant.")]


def test_short_bold_or_larger_or_capital_lines_are_headings() -> None:
    found = blocks_of([body(0, "Annex A", 760, font=16),
                       body(0, "Reappointed Chairman", 730, weight=700),
                       body(0, "NEW MEMBERS", 700),
                       body(0, "Mr Yeoh was the former Executive Chairman of PwC.", 680)])
    assert [kind for kind, _ in found] == [BlockKind.HEADING] * 3 + [BlockKind.PARAGRAPH]


def test_page_numbers_and_running_titles_leave_the_prose() -> None:
    lines = [body(0, "Civil Justice Reform", 820), body(0, "The Rules will guide the", 700),
             body(0, "conduct of proceedings", 686), body(0, "1", 40, left=290, right=296),
             body(1, "Civil Justice Reform", 820), body(1, "under the draft Rules.", 700),
             body(1, "Page 2 of 2", 40, left=280, right=320)]
    assert blocks_of(lines, pages=2) == [
        (BlockKind.PARAGRAPH, ("The Rules will guide the conduct of proceedings under the "
                               "draft Rules."))]


def test_a_heading_on_one_page_only_stays() -> None:
    lines = [body(0, "ANNEX", 820), body(0, "Text of the annex.", 700),
             body(1, "More text.", 700)]
    assert (BlockKind.HEADING, "ANNEX") in blocks_of(lines, pages=2)


def test_a_finished_paragraph_does_not_run_over_the_page_break() -> None:
    lines = [body(0, "The Board met on 1 July.", 700), body(1, "The Board met again.", 800)]
    assert len(blocks_of(lines, pages=2)) == 2


def test_a_page_is_read_in_reading_order_whatever_order_it_is_drawn_in() -> None:
    # Drawn: the right column, the left column, then the title and a lead box on top.
    lines = [body(0, "Where do I register?", 600, left=320, right=520),
             body(0, "Online, at the portal.", 586, left=320, right=520),
             body(0, "Who must register?", 600, left=72, right=280),
             body(0, "All dealers in precious stones.", 586, left=72, right=280),
             body(0, "REGISTRATION OF DEALERS", 760, left=72, right=520, font=16),
             body(0, "Dealers must register by 10 April.", 700, left=72, right=520)]
    assert [text for _, text in blocks_of(lines)] == [
        "REGISTRATION OF DEALERS", "Dealers must register by 10 April.",
        "Who must register? All dealers in precious stones.",
        "Where do I register? Online, at the portal."]


def test_lines_at_different_heights_are_no_columns() -> None:
    # A heading on the right and one on the left lower down: top first, not left first.
    lines = [body(0, "Annex", 760, left=487, right=523),
             body(0, "Reappointed Chairman", 730, left=73, right=203, weight=700),
             body(0, "Mr Yeoh was the former Executive Chairman of PwC.", 600)]
    assert [text for _, text in blocks_of(lines)][:2] == ["Annex", "Reappointed Chairman"]


def test_columns_of_a_table_are_not_joined_across() -> None:
    lines = [body(0, "Granting creators", 700, left=78, right=170),
             body(0, "Creators cannot be identified.", 700, left=192, right=447),
             body(0, "Users must identify them.", 700, left=459, right=714)]
    assert len(blocks_of(lines)) == 3


# A real PDF -----------------------------------------------------------------------------


def test_a_pdf_is_read_from_its_bytes_whatever_its_name() -> None:
    raw = read_bytes(SLA.read_bytes(), "annex.bin")
    assert raw.format is InputFormat.PDF
    assert raw.pages is not None
    assert raw.pages.page_count == 6
    assert raw.metadata.date is not None


def test_the_real_annex_reads_in_order_without_page_numbers() -> None:
    document = clean(read(SLA))
    texts = [b.text for b in document.blocks]
    assert texts[:3] == ["Annex", "Reappointed Chairman",
                         texts[2]]
    assert texts[2].startswith("Mr Yeoh Oon Jin was the former Executive Chairman")
    assert not any(re.fullmatch(r"\d+", text) for text in texts)
    # A sentence over the page break from page 5 to 6 stays one block.
    assert any("Through the Central Provident Fund Board, MOM also implements" in text
               for text in texts)
    headings = [b.text for b in document.blocks if b.kind is BlockKind.HEADING]
    assert {"Reappointed Chairman", "New Member", "Reappointed Members"} <= set(headings)


def test_raised_markers_are_footnote_markers_and_footnotes_are_footnotes() -> None:
    document = clean(read(DATA / "rental-relief-annex.pdf"))
    by_text = {b.text: b for b in document.blocks}
    [sentence] = [b for text, b in by_text.items() if "Singapore group of entities’" in text]
    assert "entities’ aggregate" in sentence.text  # the marker left the prose
    assert [f.marker for f in sentence.footnotes] == ["9", "10"]
    notes = [b.text for b in document.blocks if b.kind is BlockKind.FOOTNOTE]
    # Both short notes survive, though they read alike at the foot of both pages.
    assert "Please refer to Footnote 6 for further information." in notes
    assert "Please refer to Footnote 11 for further information." in notes
    assert any(text.startswith("A Singapore group of entities means") for text in notes)
    items = [b.text for b in document.blocks if re.match(r"(i|ii|iii|iv)\. ", b.text)]
    assert len(items) >= 4  # each roman-numbered item its own block


def test_a_ruled_table_is_read_as_cells_of_rows_and_columns() -> None:
    document = clean(read(DATA / "civil-justice-table.pdf"))
    cells: dict[str, TableCell | None] = {}
    for block in document.blocks:
        if block.kind is BlockKind.TABLE_CELL:
            cells.setdefault(block.text, block.cell)  # the header row comes on every page
    assert len(cells) > 50
    header = cells["Sub-topic"]
    assert header is not None
    assert (header.row, header.column) == (0, 1)
    # A row PDFium reads as one line is split at the column rule; a cell that spans
    # the rows below leaves its column empty there, and the columns keep their places.
    topic = cells["Calculation of time"]
    assert topic is not None
    assert (topic.row, topic.column, topic.header) == (3, 1, "Sub-topic")
    proposal = next(cell for text, cell in cells.items() if text.startswith("Non-court days"))
    assert proposal is not None
    assert (proposal.row, proposal.column, proposal.header) == (3, 2, "Original Proposal")
    assert not any(text.startswith("Calculation of time Non-court") for text in cells)
    # The table goes on over six pages: one table, every cell under its column's head.
    assert {cell.table for cell in cells.values() if cell is not None} == {0}
    assert all(cell.header for cell in cells.values() if cell is not None
               and not cell.is_header and cell.column == 1)


def test_every_character_of_a_block_is_the_text_layer_s() -> None:
    document = clean(read(SLA))
    for block in document.blocks:
        for index, char in enumerate(block.text):
            span = block.source_span(index, index + 1)
            written = document.text[span.start : span.end]
            assert written == char or (char == " " and not written.strip()), (char, written)


def test_a_range_gives_its_pages_their_text_and_a_rectangle() -> None:
    document = clean(read(SLA))
    layout = document.pages
    assert layout is not None
    pages = document.text.split("\f")
    found = document.text.index("Through the Central")
    end = document.text.index("also implements") + len("also implements")
    first, second = layout.regions(Span(found, end))
    assert (first.page, second.page) == (5, 6)
    assert pages[4][first.start : first.end] == "Through the Central "
    assert pages[5][second.start : second.end].endswith("also implements")
    for region in (first, second):
        assert region.box is not None
        left, top, width, height = region.box
        assert left >= 0
        assert top >= 0
        assert left + width <= A4[0]
        assert top + height <= A4[1]
        assert 0 < height < 60


def test_a_pdf_without_a_text_layer_says_so_once_and_is_no_failure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no tesseract here
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = clean(read(DATA / "image-only.pdf"))
    assert caught == []
    assert document.blocks == ()
    assert why_no_text(document) == \
        "no text layer on its one page (scanned images?): no text to read"


@pytest.mark.skipif(shutil.which("tesseract") is None,
                    reason="needs Debian's tesseract-ocr (make test installs it)")
def test_a_page_without_a_text_layer_is_read_by_ocr_with_its_lines_boxes() -> None:
    with pytest.warns(InputWarning, match=r"image-only.pdf: no text layer on page 1: read by "
                                          r"OCR \(tesseract\)"):
        document = clean(read(DATA / "image-only.pdf"))
    texts = [b.text for b in document.blocks]
    assert "The public can make submissions to the Committee." in texts
    assert any("reports to Parliament" in text for text in texts)
    layout = document.pages
    assert layout is not None
    block = next(b for b in document.blocks if b.text.startswith("The public"))
    [region] = layout.regions(block.span)
    assert region.page == 1
    assert region.box is not None
    left, top, _, height = region.box
    # The sentence is on the right half of the page, about a fifth of the way down.
    assert left > A4[0] / 2
    assert A4[1] * 0.2 < top < A4[1] * 0.6
    assert 0 < height < 40


def test_a_damaged_pdf_is_one_line_naming_it() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"%PDF-1.7\n1 0 obj garbage", "broken.pdf")
    assert str(caught.value).startswith("broken.pdf: cannot read this PDF")
    assert "\n" not in str(caught.value)


@pytest.mark.model
def test_statements_in_a_pdf_point_to_their_page_and_rectangle(nlp: Language) -> None:
    [result] = extract([SLA], nlp)
    assert result.relations
    assert range_mismatches(result) == []
    dataset = union(extraction_dataset(result))
    pages = result.document.text.split("\f")
    fragments = set(dataset.subjects(RDF.type, OA.FragmentSelector))
    assert fragments
    for fragment in fragments:
        page = int(str(dataset.value(fragment, DG.page)))
        value = str(dataset.value(fragment, RDF.value))
        assert re.fullmatch(rf"page={page}&viewrect=[\d.]+,[\d.]+,[\d.]+,[\d.]+", value)
        text = dataset.value(fragment, OA.refinedBy)
        start = int(str(dataset.value(text, OA.start)))
        end = int(str(dataset.value(text, OA.end)))
        assert pages[page - 1][start:end].strip()
