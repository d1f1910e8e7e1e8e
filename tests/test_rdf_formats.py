"""Every output format is written and read back to the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from docgraph.errors import ConfigurationError, InputError
from docgraph.rdf import (
    FORMATS,
    from_string,
    graph_iri,
    guess_format,
    read,
    read_networkx,
    to_dataset,
    to_networkx,
    to_rdf,
    to_string,
    union,
    write,
)
from docgraph.rdf.formats import jsonld_context
from docgraph.vocab import PREFIXES
from helpers import SG_IRI, tiny_extraction

RDF_FORMATS = [name for name, spec in FORMATS.items() if spec.rdflib]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return to_dataset(*tiny_extraction())


@pytest.mark.parametrize("fmt", RDF_FORMATS)
def test_every_rdf_format_round_trips(dataset: Dataset, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"out{FORMATS[fmt].extension}"
    write(dataset, path, fmt)
    again = read(path)
    assert isomorphic(union(again), union(dataset))
    if FORMATS[fmt].quads:
        names = {g.identifier for g in again.graphs() if len(g)}
        assert names == {g.identifier for g in dataset.graphs() if len(g)}


def test_quads_name_each_documents_graph(dataset: Dataset) -> None:
    (document_id,) = tiny_extraction()[1]
    lines = [line for line in to_string(dataset, "nquads").splitlines() if line]
    assert lines
    assert all(line.endswith(f"<{graph_iri(document_id)}> .") for line in lines)


def test_jsonld_embeds_docgraphs_context_so_reading_needs_no_network(
        dataset: Dataset) -> None:
    data = json.loads(to_string(dataset, "jsonld"))
    assert isinstance(data["@context"], dict)
    assert data["@context"]["dg"] == PREFIXES["dg"]
    for prefix, namespace in PREFIXES.items():
        assert jsonld_context()["@context"][prefix] == namespace


@pytest.mark.parametrize("fmt", ["graphml", "nodelink"])
def test_graph_formats_round_trip_through_networkx(dataset: Dataset, fmt: str,
                                                   tmp_path: Path) -> None:
    path = tmp_path / f"out{FORMATS[fmt].extension}"
    write(dataset, path, fmt)
    expected = to_networkx(union(dataset))
    again = read_networkx(path)
    assert nx.utils.graphs_equal(again, expected)
    assert dict(again.nodes.items()) == dict(expected.nodes.items())
    edges = sorted(again.edges(keys=True, data=True), key=lambda e: e[2])
    assert edges == sorted(expected.edges(keys=True, data=True), key=lambda e: e[2])


def test_networkx_edges_carry_their_provenance(dataset: Dataset) -> None:
    graph = to_networkx(union(dataset))
    assert graph.nodes[SG_IRI]["label"] == "Singapore"
    ((_, meeting, data),) = list(graph.out_edges(SG_IRI, data=True))
    assert graph.nodes[meeting]["type"] == "Meeting"
    assert data["relation"] == "chairOf"
    assert data["rule"] == "test:chairOf"
    assert data["start"] == "2024-02-01"
    assert data["sentence"].startswith("Singapore chaired")
    assert len(data["source_span"]) == 2


def test_direct_triples_without_assertions_are_edges_too() -> None:
    graph = to_rdf(*tiny_extraction())
    for assertion in list(graph.subjects(None, None)):
        if "/assertion/" in str(assertion):
            graph.remove((assertion, None, None))
    assert {d["relation"] for _, _, d in to_networkx(graph).edges(data=True)} == \
        {"chairOf", "holdsPost"}


def test_unknown_formats_and_extensions_are_configuration_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="unknown format 'docx'"):
        to_string(Graph(), "docx")
    with pytest.raises(ConfigurationError, match="graph format"):
        to_string(Graph(), "graphml")
    with pytest.raises(ConfigurationError, match=r"\.csv"):
        guess_format(tmp_path / "x.csv")
    assert guess_format(Path("x.nq")).name == "nquads"


def test_malformed_rdf_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.ttl: not valid turtle"):
        read(path)
    with pytest.raises(InputError, match="not valid nquads"):
        from_string("not quads", "nquads")
    bad = tmp_path / "graph.graphml"
    bad.write_text("<graphml", encoding="utf-8")
    with pytest.raises(InputError, match=r"graph\.graphml: cannot read graph"):
        read_networkx(bad)


def test_jsonld_with_a_remote_context_is_refused_without_fetching(
        connections: list[object]) -> None:
    for context in ('"http://127.0.0.1:9/context.jsonld"', '["file:///etc/passwd"]',
                    '{"@import": "http://127.0.0.1:9/c"}'):
        text = (f'{{"@context": {context}, "@id": "http://example.org/a", '
                '"http://example.org/p": "v"}')
        with pytest.raises(InputError, match="remote @context"):
            from_string(text, "jsonld", name="x.jsonld")
    assert connections == []


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nquads"])
def test_streamed_files_hold_what_the_dataset_writer_writes(fmt: str, tmp_path: Path
                                                            ) -> None:
    from docgraph.rdf.build import to_graphs
    from docgraph.rdf.formats import quads_to_string, to_string, write_quads

    namespaces, graphs = to_graphs(*tiny_extraction())
    path = tmp_path / f"graph.{fmt}"
    write_quads(path, namespaces, graphs, fmt)
    text = path.read_text(encoding="utf-8")
    assert text == quads_to_string(namespaces, graphs, fmt)
    assert text == to_string(to_dataset(*tiny_extraction()), fmt)
