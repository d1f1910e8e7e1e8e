"""SHACL validation and OWL-RL consistency of what docgraph writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from docgraph.errors import ConfigurationError
from docgraph.rdf import to_rdf
from docgraph.rdf.validate import inconsistencies, validate
from docgraph.vocab import DG, OA
from helpers import SG_IRI, tiny_extraction


@pytest.fixture
def graph() -> Graph:
    return to_rdf(*tiny_extraction())


def test_what_docgraph_writes_conforms(graph: Graph) -> None:
    report = validate(graph)
    assert report.conforms, [str(p) for p in report.problems]
    assert report.problems == ()


def test_owl_rl_reasoning_finds_no_inconsistency(graph: Graph) -> None:
    assert inconsistencies(graph) == []


def test_a_missing_or_second_label_is_a_violation(graph: Graph) -> None:
    graph.add((URIRef(SG_IRI), RDFS.label, Literal("Republic of Singapore")))
    report = validate(graph)
    assert not report.conforms
    assert any(p.focus == SG_IRI and "exactly one" in p.message for p in report.violations)
    graph.remove((URIRef(SG_IRI), RDFS.label, None))
    assert not validate(graph).conforms


def test_a_date_that_is_not_an_xsd_date_is_a_violation(graph: Graph) -> None:
    assertion = next(graph.subjects(DG.startDate, None))
    graph.set((assertion, DG.startDate, Literal("February 2024")))
    problems = validate(graph).violations
    assert any(p.path == "dg:startDate" for p in problems)
    assert str(problems[0]).startswith("Violation: <")


def test_a_selector_that_ends_before_it_starts_is_a_violation(graph: Graph) -> None:
    selector = next(graph.subjects(RDF.type, OA.TextPositionSelector))
    graph.set((selector, OA.start, Literal(10**6, datatype=XSD.nonNegativeInteger)))
    assert any(p.path == "oa:start" for p in validate(graph).violations)


def test_a_statement_without_its_document_is_a_violation(graph: Graph) -> None:
    assertion = next(graph.subjects(RDF.type, DG.Assertion))
    graph.remove((assertion, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    assert any("one document" in p.message for p in validate(graph).violations)


def test_a_post_nobody_holds_is_only_a_warning(graph: Graph) -> None:
    graph.remove((None, DG.holdsPost, None))
    report = validate(graph)
    assert report.conforms
    assert [p.severity for p in report.warnings] == ["Warning"]
    assert "no one holds" in report.warnings[0].message
    # The line names the post by its label and IRI, never by a blank node.
    assert str(report.warnings[0]).startswith(
        'Warning: "Minister for Digital Development and Information" <https://')
    assert "^dg:holdsPost" in str(report.warnings[0])
    assert " n" not in str(report.warnings[0]).split(": ", 2)[1].split(">", 1)[1]


def test_rdfs_inference_does_not_break_conformance(graph: Graph) -> None:
    from pyshacl import validate as shacl

    from docgraph.rdf.validate import shapes_path
    from docgraph.vocab import ontology

    shapes = Graph().parse(shapes_path())
    conforms, _, text = shacl(graph, shacl_graph=shapes, ont_graph=ontology(),
                              inference="rdfs", allow_warnings=True)
    assert conforms, text


def test_unreadable_shapes_are_a_configuration_error(graph: Graph, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("not turtle", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"shapes\.ttl: cannot read the shapes"):
        validate(graph, shapes)
