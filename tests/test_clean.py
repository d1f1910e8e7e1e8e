"""The cleaner end to end: the seed's golden blocks and real pages' offsets."""

from __future__ import annotations

import html
import json

import pytest

from docgraph.clean import clean, to_dict, to_html
from docgraph.errors import InputError
from docgraph.ingest import read, read_bytes
from docgraph.types import BlockKind, Document
from helpers import CORPUS_PAGES, DATA, SEED


def test_seed_blocks_match_the_golden_list(seed: Document) -> None:
    expected = json.loads((DATA / "seed_blocks.json").read_text(encoding="utf-8"))
    actual = [
        {"kind": b.kind.value, "number": b.number, "level": b.level,
         "section": list(b.section), "text": b.text, "source": [b.span.start, b.span.end]}
        for b in seed.blocks
    ]
    assert actual == expected


def test_seed_numbered_paragraphs_and_sections(seed: Document) -> None:
    numbered = [b for b in seed.blocks if b.number is not None]
    # The page's <ol start="N"> lists number 13 items, but item 13 is an empty spacer
    # (<li><p></p></li>) and vanishes, so 12 paragraphs carry numbers 1 to 12.
    assert [b.number for b in numbered] == list(range(1, 13))
    assert all(b.kind is BlockKind.LIST_ITEM for b in numbered)
    sections = {b.number: b.section[-1] for b in numbered}
    assert sections[5] == sections[6] == "Milestones Achieved under Singapore’s Chairmanship"
    assert {sections[n] for n in (7, 8, 9, 10)} == {"AI Governance"}
    assert numbered[-1].section == ("Cybersecurity", "ASEAN Regional CERT")
    assert all(block.text for block in seed.blocks)


def test_a_sentence_split_over_two_paragraphs_of_one_item_stays_in_one_block(
        seed: Document) -> None:
    item = next(b for b in seed.blocks if b.number == 12)
    assert "(e.g. cyber exercises, workshops, and CERT-CERT cyber capacity" in item.text


def test_seed_offsets_point_at_the_text(seed: Document) -> None:
    source = seed.text
    first = seed.blocks[1]
    assert source[first.span.start : first.span.start + 10] == "Singapore,"
    # "Mrs. Josephine\nTeo" is hard-wrapped in the source; the map still finds it.
    item = next(b for b in seed.blocks if b.number == 3)
    start = item.text.index("Mrs. Josephine Teo")
    span = item.source_span(start, start + len("Mrs. Josephine Teo"))
    assert " ".join(source[span.start : span.end].split()) == "Mrs. Josephine Teo"


def _check_offsets(document: Document) -> None:
    """Every character of every block maps to source text that shows that character."""
    for block in document.blocks:
        for index, char in enumerate(block.text):
            span = block.offsets.char_span(index)
            shown = html.unescape(document.text[span.start : span.end])
            if char.isspace():
                assert span.end > span.start, (block.index, index)
                continue
            assert char in shown, (document.path, block.index, index, char, shown)
        assert block.span.start == block.offsets.char_span(0).start
        assert block.span.end == block.offsets.char_span(len(block.text) - 1).end


@pytest.mark.parametrize("path", [SEED, *CORPUS_PAGES], ids=lambda p: p.name[:60])
@pytest.mark.parametrize("parser", ["lxml", "html.parser"])
def test_every_character_maps_back_to_its_source(path: object, parser: str) -> None:
    document = clean(read(str(path)), html_parser=parser)
    _check_offsets(document)


@pytest.mark.parametrize("path", [SEED, *CORPUS_PAGES], ids=lambda p: p.name[:60])
def test_both_html_parsers_give_the_same_blocks(path: object) -> None:
    raw = read(str(path))
    lxml_blocks = [(b.kind, b.text, b.number) for b in clean(raw).blocks]
    parser_blocks = [(b.kind, b.text, b.number) for b in
                     clean(raw, html_parser="html.parser").blocks]
    assert lxml_blocks == parser_blocks


@pytest.mark.parametrize("path", [SEED, *CORPUS_PAGES], ids=lambda p: p.name[:60])
def test_cleaning_is_idempotent_on_real_pages(path: object) -> None:
    document = clean(read(str(path)))
    again = clean(read_bytes(to_html(document).encode("utf-8"), "again.html"))
    assert [(b.kind, b.text, b.number, b.section) for b in again.blocks] == \
        [(b.kind, b.text, b.number, b.section) for b in document.blocks]


def test_empty_body_gives_no_blocks(corpus: dict[str, Document]) -> None:
    name = next(n for n in corpus if n.startswith("sentosa-corp"))
    assert corpus[name].blocks == ()
    assert corpus[name].metadata.title is not None


def test_to_dict_is_json_ready(seed: Document) -> None:
    data = to_dict(seed, source_maps=True)
    assert json.loads(json.dumps(data)) == data
    assert data["blocks"][1]["number"] == 1
    assert data["metadata"]["date"] == "2025-01-17"


def test_markup_a_parser_rejects_is_an_input_error() -> None:
    # Found by Hypothesis: html.parser refuses "<![" followed by a digit.
    with pytest.raises(InputError, match=r"^rejected\.html: the html\.parser parser rejects"):
        clean(read_bytes(b"<A><![0", "rejected.html"), html_parser="html.parser")
