"""The Oxigraph store: written whole or not at all, and every question answered as from
files, refusals included."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

import docgraph
from docgraph.cli import app
from docgraph.errors import ConfigurationError, InputError, QueryError
from docgraph.kg import KnowledgeGraph
from docgraph.pipeline import GraphWriter
from docgraph.rdf import to_dataset, union
from docgraph.rdf.build import to_graphs
from docgraph.store import MARKER, Store, is_store, write
from docgraph.vocab import DG
from helpers import ROOT, SEED, tiny_extraction

QUERIES = sorted((ROOT / "queries").glob("*.rq")) + \
    sorted((ROOT / "src/docgraph/data/queries").glob("*.rq"))


def _stored(folder: Path, extraction: tuple[Any, ...] | None = None) -> Path:
    entities, documents, found = extraction or tiny_extraction()
    write(folder, *to_graphs(entities, documents, found))
    return folder


@pytest.fixture(scope="module")
def corpus_store(corpus_extractions: list[Any], tmp_path_factory: pytest.TempPathFactory
                 ) -> KnowledgeGraph:
    folder = tmp_path_factory.mktemp("store") / "site"
    GraphWriter(None).store(corpus_extractions, folder)
    return docgraph.open(folder)


def _same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(left.reset_index(drop=True), right.reset_index(drop=True),
                                  check_dtype=False)


@pytest.mark.model
def test_every_question_has_the_same_answer_from_the_store(
        corpus_graph: KnowledgeGraph, corpus_store: KnowledgeGraph) -> None:
    files, store = corpus_graph, corpus_store
    assert store.store is not None
    assert files.store is None
    assert len(store) == len(files)
    assert store.documents == files.documents
    ours, theirs = store.to_networkx(), files.to_networkx()
    assert list(ours.nodes(data=True)) == list(theirs.nodes(data=True))
    assert list(ours.edges(keys=True, data=True)) == list(theirs.edges(keys=True, data=True))
    _same(store.entities(), files.entities())
    _same(store.relations(), files.relations())
    _same(store.chairs(), files.chairs())
    assert len(files.chairs()) > 10
    hub = files.relations()["subject_label"].value_counts().index[0]
    _same(store.neighbours(hub, depth=2), files.neighbours(hub, depth=2))
    _same(store.relations(entity=hub), files.relations(entity=hub))
    row = files.relations(entity=hub).iloc[0]
    _same(store.provenance(row), files.provenance(row))
    _same(store.why(hub), files.why(hub))


def _as_asked(path: Path, files: KnowledgeGraph) -> tuple[str, int]:
    """The query in ``path`` bound as its users bind it, and how many statements it asks
    about (0: the query asks about the whole graph).

    provenance.rq is asked about named statements: queries/provenance.rq by VALUES rows
    of two names and a relation, the library's by the assertions that
    ``KnowledgeGraph.provenance`` fixes. Each is asked about the first statement of
    every relation in the graph (the shipped names are not in the sample pages), and
    not about the whole graph, which nobody asks for.
    """
    query = path.read_text(encoding="utf-8")
    if path.name != "provenance.rq":
        return query, 0
    stated = files.relations().dropna(subset=["assertion"]).drop_duplicates("relation")
    assert len(stated) > 5
    if path.is_relative_to(ROOT / "queries"):
        rows = " ".join(f"({Literal(s).n3()} {DG[r].n3()} {Literal(o).n3()})" for s, r, o
                        in stated[["subject_label", "relation", "object_label"]].values)
        query, found = re.subn(r"(VALUES \(\?subjectName \?relation \?objectName\)) \{.*\}",
                               lambda match: f"{match[1]} {{ {rows} }}", query)
    else:
        iris = " ".join(URIRef(iri).n3() for iri in stated["assertion"])
        query, found = re.subn(r"WHERE \{", lambda match: f"{match[0]}\n  VALUES ?assertion "
                               f"{{ {iris} }}", query, count=1)
    assert found == 1
    return query, len(stated)


@pytest.mark.model
@pytest.mark.parametrize("path", QUERIES, ids=lambda path: path.name)
def test_every_ready_made_query_has_the_same_rows_from_the_store(
        corpus_graph: KnowledgeGraph, corpus_store: KnowledgeGraph, path: Path) -> None:
    query, asked = _as_asked(path, corpus_graph)
    rows = corpus_graph.sparql(query)
    _same(corpus_store.sparql(query), rows)
    assert len(rows) >= asked  # a sentence, at least, for each statement asked about


def test_values_come_back_as_the_same_python_values(tmp_path: Path) -> None:
    files = KnowledgeGraph(to_dataset(*tiny_extraction()))
    store = docgraph.open(_stored(tmp_path / "s"))
    for query in (
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
        # Rows the order leaves tied come in a fixed order from either engine.
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY DESC(?s)",
        "ASK { ?s a <https://w3id.org/docgraph/ontology#Assertion> }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isLiteral(?o)) }",
        ("SELECT (COUNT(*) AS ?n) (MAX(?c) AS ?top) WHERE { "
        "?a <https://w3id.org/docgraph/ontology#confidence> ?c }"),
        ("SELECT ?a ?d WHERE { ?a a <https://w3id.org/docgraph/ontology#Assertion> "
        "OPTIONAL { ?a <https://w3id.org/docgraph/ontology#startDate> ?d } }"),
    ):
        _same(store.sparql(query), files.sparql(query))
    dated = store.sparql("PREFIX dg: <https://w3id.org/docgraph/ontology#> "
                         "SELECT ?start WHERE { ?a dg:startDate ?start }")
    assert str(type(dated["start"][0]).__name__) == "date"


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_a_store_refuses_what_files_refuse(tmp_path: Path, connections: list[Any],
                                           query: str) -> None:
    store = docgraph.open(_stored(tmp_path / "s"))
    with pytest.raises(QueryError, match="refused unless network access is allowed"):
        store.sparql(query)
    assert connections == []


@pytest.mark.parametrize("update", ["DROP ALL", "INSERT DATA { <a:b> <a:c> <a:d> }",
                                    "LOAD <http://127.0.0.1:9/x.ttl>"])
def test_a_store_is_never_updated_by_a_query(tmp_path: Path, connections: list[Any],
                                             update: str) -> None:
    store = docgraph.open(_stored(tmp_path / "s"))
    before = len(store)
    with pytest.raises(QueryError, match="updates are not run"):
        store.sparql(update)
    assert len(store) == before
    assert connections == []


def test_the_store_reads_back_as_the_documents_graphs(tmp_path: Path) -> None:
    dataset = to_dataset(*tiny_extraction())
    store = docgraph.open(_stored(tmp_path / "s"))
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {str(g.identifier) for g in store.dataset.graphs() if len(g)} == names
    assert isomorphic(union(store.dataset), union(dataset))
    info = Store(tmp_path / "s").info
    # Each document's graph, and their union once more as the default graph.
    assert (info.documents, info.quads) == \
        (1, sum(len(g) for g in dataset.graphs()) + len(union(dataset)))
    assert info.prefixes["dg"] == "https://w3id.org/docgraph/ontology#"
    assert "brick" not in info.prefixes


def test_writing_again_replaces_the_store_and_nothing_else(tmp_path: Path) -> None:
    folder = _stored(tmp_path / "s")
    first = len(docgraph.open(folder))
    entities, documents, _found = tiny_extraction()
    write(folder, *to_graphs(entities[:1], documents, []))
    assert 0 < len(docgraph.open(folder)) < first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    with pytest.raises(ConfigurationError, match="not a docgraph store"):
        _stored(other)
    assert [p.name for p in other.iterdir()] == ["keep.txt"]


def test_a_failed_write_leaves_the_previous_store(tmp_path: Path) -> None:
    folder = _stored(tmp_path / "s")
    before = len(docgraph.open(folder))

    class Broken(dict[str, Any]):
        def items(self) -> Any:
            yield "https://w3id.org/docgraph/id/graph/x", iter([("not", "a", "triple")])

    with pytest.raises(Exception):  # noqa: B017,PT011 - whatever the bad data raises
        write(folder, {}, Broken())
    assert len(docgraph.open(folder)) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s"]


def test_what_is_not_a_store_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a docgraph store"):
        docgraph.open(tmp_path)
    (tmp_path / MARKER).write_text("{")
    with pytest.raises(InputError, match="cannot open the store"):
        docgraph.open(tmp_path)
    assert is_store(tmp_path)


def test_load_opens_a_store_but_not_mixed_with_files(tmp_path: Path) -> None:
    folder = _stored(tmp_path / "s")
    assert docgraph.load(folder).store is not None
    graph = tmp_path / "g.ttl"
    KnowledgeGraph(to_dataset(*tiny_extraction())).write(graph)
    with pytest.raises(InputError, match="read on its own"):
        docgraph.load(folder, graph)


runner = CliRunner()


@pytest.mark.model
def test_the_commands_read_a_store_as_they_read_files(tmp_path: Path) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--store",
                                 str(store), "--jobs", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "stored 1 document," in result.stderr
    for command in (["chairs", "--format", "csv"],
                    ["query", "--file", str(ROOT / "queries/chairs-of-meeting.rq")],
                    ["why", "--format", "json", "ADGMIN"]):
        from_files = runner.invoke(app, [command[0], str(out), *command[1:]])
        from_store = runner.invoke(app, [command[0], str(store), *command[1:]])
        assert from_store.exit_code == from_files.exit_code == 0, from_store.output
        assert from_store.stdout == from_files.stdout
        assert from_store.stdout.strip()
    picture = tmp_path / "adgmin.html"
    result = runner.invoke(app, ["viz", str(store), "-o", str(picture), "--focus", "ADGMIN"])
    assert result.exit_code == 0, result.output
    assert "ASEAN Digital Ministers" in picture.read_text(encoding="utf-8")
    refused = runner.invoke(app, ["query", str(store), ("SELECT * WHERE { SERVICE "
                                                       "<http://127.0.0.1:9/> { ?s ?p ?o } }")])
    assert refused.exit_code == 2
    assert "--allow-network" in refused.stderr


def test_extract_refuses_a_store_folder_that_holds_something_else(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep")
    result = runner.invoke(app, ["extract", str(SEED), "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a docgraph store" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 2
    assert "--output FOLDER, --store FOLDER" in result.stderr
