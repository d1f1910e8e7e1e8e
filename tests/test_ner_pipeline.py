"""The recogniser with the statistical model: the seed's entities, long documents, models."""

from __future__ import annotations

import dataclasses
import json

import pytest
from spacy.language import Language

import docgraph.ner
from docgraph.errors import ConfigurationError, ModelWarning
from docgraph.ner import BLANK, build_pipeline, recognise
from docgraph.resolve import resolve_document
from docgraph.types import Block, Document
from helpers import DATA

pytestmark = pytest.mark.model


def _entities(document: Document, nlp: Language) -> list[dict[str, object]]:
    [analysis] = list(recognise([document], nlp))
    return [{"type": e.label, "name": e.name}
            for e in resolve_document(analysis.document, analysis.mentions)]


def test_seed_entities_match_the_golden_list(seed: Document, nlp: Language) -> None:
    expected = json.loads((DATA / "seed_entities.json").read_text(encoding="utf-8"))
    assert sorted(_entities(seed, nlp), key=str) == sorted(expected, key=str)


def test_the_user_s_examples_are_found(seed: Document, nlp: Language) -> None:
    names = {(e["name"], e["type"]) for e in _entities(seed, nlp)}
    assert {("ASEAN Member States", "Organization"),
            ("Working Group on AI Governance", "WorkingGroup"),
            ("International Telecommunication Union", "IntergovernmentalOrganization"),
            ("Josephine Teo", "Person")} <= names


def test_long_documents_are_cut_at_block_boundaries_not_truncated(
        seed: Document, nlp: Language) -> None:
    [whole] = [a.mentions for a in recognise([seed], nlp)]
    small = build_pipeline(BLANK)
    small.max_length = 300  # smaller than several blocks: blocks are split too
    [chunked] = [a.mentions for a in recognise([seed], small)]
    [unchunked] = [a.mentions for a in recognise([seed], build_pipeline(BLANK))]
    last_block = max(b.index for b in seed.content())
    assert max(m.block for m in chunked) == last_block
    for mention in chunked:
        block = seed.blocks[mention.block]
        assert block.text[mention.start : mention.end] == mention.text
    gazetteer = {(m.block, m.start, m.text) for m in unchunked if m.source == "gazetteer"}
    assert gazetteer <= {(m.block, m.start, m.text) for m in chunked} | {
        (m.block, m.start, m.text) for m in whole}
    assert {m.text for m in chunked if m.source == "gazetteer"} == \
        {m.text for m in unchunked if m.source == "gazetteer"}


def test_mentions_point_into_block_text(seed: Document, nlp: Language) -> None:
    [mentions] = [a.mentions for a in recognise([seed], nlp)]
    for mention in mentions:
        block: Block = seed.blocks[mention.block]
        assert block.text[mention.start : mention.end] == mention.text
        assert mention.sentence.start <= mention.start <= mention.end <= mention.sentence.end


def test_without_a_model_rules_run_with_a_warning(monkeypatch: pytest.MonkeyPatch,
                                                  seed: Document) -> None:
    monkeypatch.setattr(docgraph.ner, "default_model", lambda: None)
    with pytest.warns(ModelWarning, match="running rules only"):
        rules_only = build_pipeline()
    assert "ner" not in rules_only.pipe_names
    names = {e["name"] for e in _entities(seed, rules_only)}
    assert {"Josephine Teo", "Working Group on AI Governance"} <= names


def test_a_missing_model_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="'no_such_model' is not installed"):
        build_pipeline("no_such_model")


def test_boilerplate_is_skipped_unless_asked(seed: Document, nlp: Language) -> None:
    marked = dataclasses.replace(seed, blocks=tuple(
        dataclasses.replace(b, boilerplate="about") if b.number == 1 else b
        for b in seed.blocks))
    [mentions] = [a.mentions for a in recognise([marked], nlp)]
    assert all(seed.blocks[m.block].number != 1 for m in mentions)
    [everything] = [a.mentions for a in recognise([marked], nlp, include_boilerplate=True)]
    assert any(seed.blocks[m.block].number == 1 for m in everything)


def test_a_document_goes_to_spacy_in_bounded_pieces(seed: Document, nlp: Language) -> None:
    [whole] = list(recognise([seed], nlp))
    [pieces] = list(recognise([seed], nlp, chunk_size=1_000))
    for mention in pieces.mentions:
        assert seed.blocks[mention.block].text[mention.start : mention.end] == mention.text
    # Acronyms defined in one piece are known in the next; names are the same.
    assert {(m.text, m.acronym_of) for m in pieces.mentions if m.source == "acronym"} == \
        {(m.text, m.acronym_of) for m in whole.mentions if m.source == "acronym"}
    names = {m.name for m in whole.mentions}
    assert len(names & {m.name for m in pieces.mentions}) >= 0.95 * len(names)


def test_list_markers_are_blanked_in_every_piece_of_a_long_block() -> None:
    from docgraph.ner import _Furniture, _pieces
    from helpers import clean_text

    items = " ".join(f"{chr(65 + n % 8)}. Item {n} was agreed by Singapore;"
                     for n in range(400))
    document = clean_text(f"<p>The Ministers agreed on the following: {items}</p>")
    [block] = document.blocks
    markers = [m for m in block.layout if m.role == "list-marker"]
    assert len(markers) >= 300
    blanked = 0
    for text, layout in _pieces(document, 2_000, include_boilerplate=False):
        furniture = _Furniture(document, layout, text)
        assert len(layout) == 1
        piece = layout[0]
        expected = list(text)
        for mark in markers:
            low = max(mark.start, piece.block_offset) - piece.block_offset
            high = min(mark.end, piece.block_offset + piece.length) - piece.block_offset
            expected[max(low, 0):max(high, 0)] = " " * max(high - low, 0)
            blanked += max(high - low, 0)
        assert furniture.text == "".join(expected)
    assert blanked == sum(m.end - m.start for m in markers)


@pytest.mark.parametrize(("text", "tokens"), [
    ("55.Mr Kofi Boateng", ["55", ".", "Mr", "Kofi", "Boateng"]),
    ("the 5G Career Programme", ["the", "5G", "Career", "Programme"]),
    ("“Harbour World”《海港世界》is on", ["“", "Harbour", "World", "”", "《", "海港世界", "》",
                                    "is", "on"]),
    ("the 「Data」 Act", ["the", "「", "Data", "」", "Act"]),
])
def test_the_tokenizer_keeps_names_whole_and_apart(nlp: Language, text: str,
                                                   tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens
