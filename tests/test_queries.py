"""The SPARQL queries users reuse (``queries/*.rq``) answer the user's questions on the
seed's graph, and rdflib answers each without reading the whole graph."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest
from rdflib import Graph
from rdflib.plugins.stores.memory import Memory
from rdflib.query import ResultRow
from spacy.language import Language

from docgraph.rdf import union
from helpers import ROOT, SEED, extract, extraction_dataset

pytestmark = pytest.mark.model
QUERIES = ROOT / "queries"


@pytest.fixture(scope="module")
def graph(nlp: Language) -> Graph:
    (result,) = extract([SEED], nlp)
    return union(extraction_dataset(result))


def _rows(graph: Graph, name: str) -> list[dict[str, str]]:
    result = graph.query((QUERIES / name).read_text(encoding="utf-8"))
    assert result.vars is not None
    rows = []
    for row in result:
        assert isinstance(row, ResultRow)
        rows.append({str(var): str(row[var]) for var in result.vars if row[var] is not None})
    return rows


def test_every_query_file_is_tested() -> None:
    tested = {"chairs-of-meeting.rq", "chairs-in-year.rq", "posts-of-person.rq",
              "established-by.rq", "provenance.rq"}
    assert {p.name for p in QUERIES.glob("*.rq")} == tested


def test_who_chaired_the_4th_adgmin(graph: Graph) -> None:
    rows = _rows(graph, "chairs-of-meeting.rq")
    assert {row["chairName"] for row in rows} == {"Singapore"}
    assert {row["meetingName"] for row in rows} == {"4th ASEAN Digital Ministers' Meeting"}
    assert rows[0]["start"] == "2024-02-01"
    assert all("Chair" in row["sentence"] for row in rows)


def test_who_chaired_adgmin_in_2024(graph: Graph) -> None:
    rows = _rows(graph, "chairs-in-year.rq")
    assert [(row["holderName"], row["roleName"]) for row in rows] == [("Singapore", "chair")]
    text = (QUERIES / "chairs-in-year.rq").read_text(encoding="utf-8")
    other_year = graph.query(text.replace('("ADGMIN" 2024)', '("ADGMIN" 2019)'))
    assert len(other_year) == 0


def test_which_posts_josephine_teo_holds(graph: Graph) -> None:
    rows = _rows(graph, "posts-of-person.rq")
    assert {row["postName"] for row in rows} == \
        {"Minister of Digital Development and Information"}
    assert all(row["sentence"] for row in rows)


def test_what_singapore_established(graph: Graph) -> None:
    rows = _rows(graph, "established-by.rq")
    assert {row["thingName"] for row in rows} == {"Working Group on AI Governance"}


def test_which_sentence_says_so_and_where(graph: Graph) -> None:
    rows = _rows(graph, "provenance.rq")
    assert rows
    assert rows[0]["path"] == SEED.name  # the file was named itself: its own name
    source = (SEED.parent / rows[0]["path"]).read_bytes()
    for row in rows:
        assert "which Singapore established" in row["sentence"]
        text = source.decode("utf-8")
        start, end = int(row["sourceStart"]), int(row["sourceEnd"])
        assert "Working Group on AI Governance" in text[start:end]
        first, last = int(row["byteStart"]), int(row["byteEnd"])
        assert source[first:last].decode("utf-8") == text[start:end]
        assert row["rule"].startswith("verb:")
        assert int(row["textEnd"]) - int(row["textStart"]) == len(row["sentence"])


class _Counting(Memory):
    """rdflib's in-memory store, counting the triples it hands to the query engine."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def triples(self, triple_pattern: Any, context: Any = None
                ) -> Generator[Any, None, None]:
        for found in super().triples(triple_pattern, context):
            self.reads += 1
            yield found


@pytest.mark.parametrize("name", sorted(path.name for path in QUERIES.glob("*.rq")))
def test_rdflib_answers_each_query_without_reading_the_whole_graph(graph: Graph,
                                                                   name: str) -> None:
    # rdflib orders a group's patterns by how many terms they fix, wherever they are
    # written: a pattern it reaches before its variables are bound ("?chars a
    # oa:TextPositionSelector") reads every triple it matches once per row found so far.
    store = _Counting()
    counted = Graph(store=store)
    for triple in graph:
        counted.add(triple)
    store.reads = 0
    assert len(counted.query((QUERIES / name).read_text(encoding="utf-8"))) > 0
    assert 0 < store.reads < len(graph)
