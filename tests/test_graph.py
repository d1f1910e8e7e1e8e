"""Merging across documents, the networkx graph (from the RDF), deterministic output."""

from __future__ import annotations

import networkx as nx
import pytest
from spacy.language import Language

from docgraph import resolve
from docgraph.clean import clean
from docgraph.graph import from_extractions, statements
from docgraph.ingest import read
from docgraph.ner import recognise
from docgraph.rdf import entity_iris, to_networkx, to_rdf
from docgraph.resolve import resolve_document
from docgraph.types import Document
from helpers import ISOMER, SEED

pytestmark = pytest.mark.model
OTHERS = [ISOMER / ("mddi-corp__media-centre_press-releases_posts_2024-02-01-post-Singapore_"
                    "chairs_4th_ASEAN_Digital_Ministers_Meeting.md"),
          ISOMER / ("mddi-corp__media-centre_speeches_posts_2025-01-16-post-Opening_Remarks_"
                    "by_Minister_Josephine_Teo_at_the_5th_ASEAN_Digital_Ministers_Meeting.md")]


def _extract(nlp: Language, paths: list[object]) -> list[tuple[object, object, Document]]:
    documents = [clean(read(str(p))) for p in paths]
    return [(resolve_document(a.document, a.mentions), a.relations, a.document)
            for a in recognise(documents, nlp)]


def test_three_documents_merge_into_one_node_per_thing(nlp: Language) -> None:
    batches = _extract(nlp, [SEED, *OTHERS])
    entities, found = from_extractions((e, r) for e, r, _ in batches)  # type: ignore[misc]
    names = [e.name for e in entities]
    assert names.count("Josephine Teo") == 1
    assert names.count("Thailand") == 1
    assert names.count("International Telecommunication Union") == 1
    prasert = [e for e in entities if e.name.startswith("Prasert")]
    assert len(prasert) == 1  # "Jantararuangtong" and "Janthararuangthong"
    assert {m.rule for m in prasert[0].merges} >= {"spelling-variant"}
    teo = next(e for e in entities if e.name == "Josephine Teo")
    assert len(teo.documents) == 3
    documents = {d.id: d for _, _, d in batches}
    graph = to_networkx(to_rdf(entities, documents, found))
    iri = str(entity_iris(entities)[teo.key])
    assert graph.nodes[iri]["type"] == "Person"
    assert len(graph.nodes[iri]["documents"]) == 3
    assert any(data["relation"] == "holdsPost" for _, _, data in
               graph.out_edges(iri, data=True))


def test_adding_a_document_later_gives_the_same_graph(nlp: Language) -> None:
    batches = _extract(nlp, [SEED, *OTHERS])
    documents = {d.id: d for _, _, d in batches}
    relations = [r for _, rs, _ in batches for r in rs]  # type: ignore[attr-defined]
    entities, found = from_extractions((e, r) for e, r, _ in batches)  # type: ignore[misc]
    at_once = to_networkx(to_rdf(entities, documents, found))
    first_two = resolve.merge(e for e, _, _ in batches[:2])  # type: ignore[misc]
    stepwise = resolve.merge([first_two, batches[2][0]])  # type: ignore[list-item]
    later = to_networkx(to_rdf(stepwise, documents, statements(stepwise, relations)))
    assert nx.utils.graphs_equal(at_once, later)


def test_extraction_is_deterministic(nlp: Language) -> None:
    outputs = []
    for _ in range(2):
        batches = _extract(nlp, [SEED, *OTHERS])
        entities, found = from_extractions((e, r) for e, r, _ in batches)  # type: ignore[misc]
        documents = {d.id: d for _, _, d in batches}
        outputs.append(to_rdf(entities, documents, found).serialize(format="turtle"))
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("module", ["docgraph.graph", "docgraph.rdf", "docgraph.resolve",
                                    "docgraph.evaluate"])
def test_stages_after_recognition_do_not_load_spacy(module: str) -> None:
    import subprocess
    import sys

    probe = f"import sys, {module}; print('spacy' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert output.stdout.strip() == "False"
