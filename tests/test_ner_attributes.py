"""The attribute ruler's matches found by lookup: the same as spaCy's, rule by rule."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from docgraph.ner.attributes import FastAttributes
from docgraph.types import Document
from helpers import examples

WORDS = ["the", "The", "board", "is", "n't", "gon", "na", "y'", "all", " ", "chairs"]
TAGS = ["DT", "NN", "VBZ", "RB", "VBG", "TO", "PRP", "NNS", "_SP"]
DEPS = ["det", "nsubj", "ROOT", "neg", "aux", "expl", "dep", ""]


def _ruler(patterns: list[dict[str, Any]]) -> tuple[Language, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add_patterns(patterns)
    return nlp, ruler


def _doc(nlp: Language, rows: list[tuple[str, str, str]]) -> Doc:
    words = [word for word, _, _ in rows]
    deps = [dep for _, _, dep in rows]
    return Doc(nlp.vocab, words=words, tags=[tag for _, tag, _ in rows],
               heads=list(range(len(rows))) if all(deps) else None,
               deps=deps if all(deps) else None)


def _annotation(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]


PATTERNS: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}], [{"LOWER": "chairs"}]], "attrs": {"POS": "NOUN"}},
    {"patterns": [[{"LOWER": "the", "TAG": {"IN": ["DT", "PRP"]}}]],
     "attrs": {"LEMMA": "the", "POS": "DET"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "neg"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"},
     "index": 1},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
     "attrs": {"LEMMA": "you"}, "index": -2},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
     "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    # An operator is left to a matcher.
    {"patterns": [[{"LOWER": "board"}, {"TAG": "VBZ", "OP": "?"}]], "attrs": {"POS": "X"}},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},  # later rules win
]


def test_the_same_matches_and_annotation_as_the_ruler() -> None:
    nlp, ruler = _ruler(PATTERNS)
    fast = FastAttributes(ruler)
    assert len(fast.matcher) == 1  # only the pattern with an operator
    rows = [("The", "DT", "det"), ("board", "NN", "nsubj"), ("is", "VBZ", "ROOT"),
            ("n't", "RB", "neg"), ("gon", "VBG", "aux"), ("na", "TO", "aux"),
            ("y'", "PRP", "nsubj"), ("all", "DT", "det"), (" ", "_SP", "dep"),
            ("chairs", "NNS", "dep")]
    doc, copy = _doc(nlp, rows), _doc(nlp, rows)
    assert fast.matches(doc) == ruler.match(doc)
    assert _annotation(fast(doc)) == _annotation(ruler(copy))
    assert [t.pos_ for t in doc][:2] == ["DET", "PROPN"]
    assert doc[5].lemma_ == "to"
    assert doc[6].lemma_ == "you"


def test_an_empty_doc_and_an_empty_ruler() -> None:
    nlp, ruler = _ruler([])
    assert FastAttributes(ruler).matches(nlp.make_doc("a b")) == []
    nlp, ruler = _ruler(PATTERNS)
    assert FastAttributes(ruler).matches(nlp.make_doc("")) == []


@settings(max_examples=examples(150))
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS),
                          st.sampled_from(DEPS[:-1])), min_size=1, max_size=25),
       st.booleans())
def test_any_doc_gets_the_ruler_s_matches(rows: list[tuple[str, str, str]],
                                          parsed: bool) -> None:
    nlp, ruler = _ruler(PATTERNS)
    if not parsed:
        rows = [(word, tag, "") for word, tag, _ in rows]
    doc, copy = _doc(nlp, rows), _doc(nlp, rows)
    assert FastAttributes(ruler).matches(doc) == ruler.match(doc)
    assert _annotation(FastAttributes(ruler)(doc)) == _annotation(ruler(copy))


@pytest.mark.model
def test_the_model_s_ruler_on_the_sample_pages(nlp: Language,
                                               corpus: dict[str, Document]) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    assert "attribute_ruler" not in nlp.pipe_names  # replaced by the fast one
    fast = FastAttributes(ruler)
    assert len(fast.matcher) == 0  # every rule of the small model is looked up
    texts = ["\n\n".join(block.text for block in document.blocks)
             for document in corpus.values()]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(texts))
        copies = list(nlp.pipe(texts))
    assert sum(len(doc) for doc in docs) > 10_000
    for doc, copy in zip(docs, copies, strict=True):
        assert fast.matches(doc) == ruler.match(doc)
        assert _annotation(fast(doc)) == _annotation(ruler(copy))
