"""Reading a SPARQL request's keywords: the same refusals as rdflib's parse tree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from docgraph.sparql import scan, tokens
from helpers import ROOT

READY_MADE = sorted((ROOT / "queries").glob("*.rq"))


def _nodes(tree: Any) -> Iterator[Any]:
    if isinstance(tree, CompValue):
        yield tree
        for value in tree.values():
            yield from _nodes(value)
    elif isinstance(tree, (list, tuple)) or hasattr(tree, "asList"):
        for value in tree:
            yield from _nodes(value)


def _remote_by_parsing(query: str) -> bool:
    return any(node.name in ("ServiceGraphPattern", "DatasetClause")
               for node in _nodes(parseQuery(query)))


QUERIES = [
    "SELECT * WHERE { ?s ?p ?o }",
    "select * where { service <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . SERVICE SILENT <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> in a comment",
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }',
    "SELECT * WHERE { ?s ?p '''FROM\n<http://x/>''' }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE#FROM> ?o }",
    ("PREFIX service: <http://e/> PREFIX from: <http://f/> "
     "SELECT ?service ?from WHERE { ?service service:from from:x }"),
    'SELECT * WHERE { ?s ?p "x"@from }',
    "SELECT * WHERE { ?s ?p ?o \\u0053ERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p ?o FILTER(?o<?p || ?p>?o) }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } FROM <http://127.0.0.1:9/> WHERE { ?s ?p ?o }",
    "DESCRIBE <http://example.org/x>",
    *(path.read_text(encoding="utf-8") for path in READY_MADE),
]


@pytest.mark.parametrize("query", QUERIES)
def test_remote_data_is_seen_as_rdflib_s_parser_sees_it(query: str) -> None:
    found = scan(query)
    assert found.form is not None
    assert not found.updates
    assert bool(found.remote) == _remote_by_parsing(query.replace(
        "\\u0053ERVICE", "SERVICE"))  # rdflib's parser does not decode escapes


@pytest.mark.parametrize(("update", "kinds"), [
    ("LOAD <http://127.0.0.1:9/x.ttl>", ("LOAD",)),
    ("DROP ALL", ("DROP",)),
    ("INSERT DATA { <a:b> <a:c> <a:d> }", ("INSERT DATA",)),
    ("PREFIX ex: <http://e/> DELETE WHERE { ?s ex:p ?o }", ("DELETE WHERE",)),
    ("WITH <http://g/> DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
     ("DELETE", "INSERT", "WITH")),
    ("CLEAR GRAPH <http://g/> ; COPY <http://a/> TO <http://b/>", ("CLEAR", "COPY")),
])
def test_updates_are_named(update: str, kinds: tuple[str, ...]) -> None:
    parseUpdate(update)  # each is an update to rdflib too
    assert scan(update).updates == kinds


@pytest.mark.parametrize(("query", "order"), [
    ("SELECT * WHERE { ?s ?p ?o }", None),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s DESC(?o) asc(?p) LIMIT 3", ("s", "o", "p")),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY (?s) OFFSET 1", ("s",)),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY STRLEN(?s)", ()),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY DESC(STRLEN(?s)) ?o", ()),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?p LIMIT 2 } }", None),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?p } } ORDER BY ?s",
     ("s",)),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s VALUES ?s { <http://x/> }", ("s",)),
])
def test_the_outer_query_s_order(query: str, order: tuple[str, ...] | None) -> None:
    parseQuery(query)
    assert scan(query).order == order


def test_a_request_that_is_no_query() -> None:
    assert scan("SELEKT ?x").form is None
    assert scan("").form is None


def test_strings_iris_variables_and_prefixed_names_are_single_tokens() -> None:
    found = tokens("PREFIX ex: <http://e/#a> SELECT * { ?a ex:b <http://e/?q=FROM> }")
    assert [(t.kind, t.text) for t in found][:3] == [
        ("word", "PREFIX"), ("prefixed", "ex:"), ("iri", "<http://e/#a>")]
    assert (found[-2].kind, found[-2].text) == ("iri", "<http://e/?q=FROM>")
    found = tokens('SELECT ?x WHERE { ?x ex:p "a \\" b"@en-GB ; _:b1 1.5e3 }')
    assert [t.kind for t in found] == [
        "word", "variable", "word", "punctuation", "variable", "prefixed", "string",
        "langtag", "punctuation", "blank", "number", "punctuation"]
