"""SPARQL: results as tables, and no query reaches the network or local files unless
allowed."""

from __future__ import annotations

from typing import Any

import pytest
from rdflib import Graph

from docgraph.errors import QueryError
from docgraph.query import check, select
from docgraph.rdf import to_rdf
from helpers import tiny_extraction


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_rdf(*tiny_extraction())


def test_select_gives_a_table_of_python_values(graph: Graph) -> None:
    frame = select(graph, """
        PREFIX dg: <https://w3id.org/docgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?confidence ?start WHERE {
          ?a dg:sentence ?s ; dg:confidence ?confidence ; rdf:subject/rdfs:label ?name .
          OPTIONAL { ?a dg:startDate ?start }
        } ORDER BY ?name""")
    assert list(frame.columns) == ["name", "confidence", "start"]
    assert list(frame["name"]) == ["Josephine Teo", "Singapore"]
    assert float(frame["confidence"][0]) == 0.9
    assert frame["start"][0] is None
    assert str(frame["start"][1]) == "2024-02-01"


def test_ask_and_construct_are_tables_too(graph: Graph) -> None:
    assert select(graph, "ASK { ?s ?p ?o }")["ask"].tolist() == [True]
    frame = select(graph, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3")
    assert list(frame.columns) == ["subject", "predicate", "object"]
    assert len(frame) == 3


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_remote_and_local_sources_are_refused_without_touching_the_network(
        graph: Graph, connections: list[Any], query: str) -> None:
    with pytest.raises(QueryError, match="refused unless network access is allowed"):
        select(graph, query)
    assert connections == []


@pytest.mark.parametrize("update", ["LOAD <http://127.0.0.1:9/x.ttl>",
                                    "DROP ALL", "INSERT DATA { <a:b> <a:c> <a:d> }"])
def test_updates_are_never_run(graph: Graph, connections: list[Any], update: str) -> None:
    with pytest.raises(QueryError, match="updates are not run"):
        select(graph, update, allow_network=True)
    assert connections == []


def test_with_network_allowed_a_service_is_really_called(graph: Graph,
                                                         connections: list[Any]) -> None:
    # The guard, not luck, is what kept the network closed above.
    with pytest.raises(QueryError, match="the query failed"):
        select(graph, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
               allow_network=True)
    assert connections


def test_malformed_queries_are_query_errors(graph: Graph) -> None:
    with pytest.raises(QueryError, match="not a SPARQL query"):
        check("SELEKT ?x")
    assert check("SELECT * WHERE { ?s ?p ?o }") == "SELECT * WHERE { ?s ?p ?o }"
