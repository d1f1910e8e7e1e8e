"""The RDF of real documents: the seed's golden graph, validity, consistency, and
round trips in every format for the seed and five corpus pages."""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from spacy.language import Language

from docgraph.pipeline import Extraction
from docgraph.rdf import FORMATS, from_string, to_string, union
from docgraph.rdf.validate import inconsistencies, validate
from helpers import GOLDEN_GRAPH, RDF_PAGES, SEED, extract, extraction_dataset

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def results(nlp: Language) -> list[Extraction]:
    return extract([SEED, *RDF_PAGES], nlp)


@pytest.fixture(scope="module")
def seed_graph(results: list[Extraction]) -> Graph:
    return union(extraction_dataset(results[0]))


def test_the_seed_gives_the_golden_graph(seed_graph: Graph) -> None:
    golden = Graph().parse(GOLDEN_GRAPH)
    if not isomorphic(seed_graph, golden):
        _, missing, extra = graph_diff(to_isomorphic(golden), to_isomorphic(seed_graph))
        pytest.fail(f"{len(missing)} triples missing, {len(extra)} unexpected; "
                    "review and run `python tests/regenerate_golden.py`:\n"
                    + "\n".join(f"- {t}" for t in sorted(missing)[:10])
                    + "\n" + "\n".join(f"+ {t}" for t in sorted(extra)[:10]))


def test_every_graph_conforms_to_the_shapes(results: list[Extraction]) -> None:
    for result in results:
        report = validate(extraction_dataset(result))
        assert report.conforms, (result.document.path, [str(p) for p in report.violations])


def test_owl_rl_reasoning_over_the_seed_finds_no_inconsistency(seed_graph: Graph) -> None:
    assert inconsistencies(seed_graph) == []


@pytest.mark.parametrize("fmt", [name for name, spec in FORMATS.items() if spec.rdflib])
def test_every_format_round_trips_real_documents(results: list[Extraction], fmt: str
                                                 ) -> None:
    assert len(results) == 6
    for result in results:
        dataset = extraction_dataset(result)
        again = from_string(to_string(dataset, fmt), fmt)
        assert isomorphic(union(again), union(dataset)), (fmt, result.document.path)
        if FORMATS[fmt].quads:
            assert _graphs(again) == _graphs(dataset)


def _graphs(dataset: Dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
