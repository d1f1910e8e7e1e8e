"""RDF output: vocabulary, IRIs and the graph the scorer and SPARQL read."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from docgraph.rdf import document_iri, entity_iris, from_rdf, slug, to_rdf, write
from docgraph.resources import ontology_path
from docgraph.types import Entity
from docgraph.vocab import DG


def _ontology() -> Graph:
    graph = Graph()
    graph.parse(ontology_path())
    return graph


def test_vocabulary_matches_the_ontology() -> None:
    graph = _ontology()
    declared = {str(s) for s in graph.subjects(RDF.type, None)
                if str(s).startswith(str(DG._NS))}
    in_code = {str(DG[name]) for name in DG.__annotations__}
    assert in_code == declared


def test_every_class_is_labelled_commented_and_aligned() -> None:
    graph = _ontology()
    for cls in graph.subjects(RDF.type, OWL.Class):
        assert graph.value(cls, RDFS.label) is not None, cls
        assert graph.value(cls, RDFS.comment) is not None, cls
        assert graph.value(cls, RDFS.subClassOf) is not None, cls


def test_source_documents_are_not_works() -> None:
    graph = _ontology()
    ancestors = set(graph.transitive_objects(DG.SourceDocument, RDFS.subClassOf))
    assert not {str(a).rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower() for a in ancestors} & {
        "document", "creativework", "work"}


def test_gazetteer_classes_exist_in_the_ontology() -> None:
    from docgraph.ner.lexicon import load_gazetteers

    assert {entry.label for entry in load_gazetteers()} <= set(DG.__annotations__)


@pytest.mark.parametrize(("name", "expected"), [
    ("Josephine Teo", "josephine-teo"),
    ("4th ASEAN Digital Ministers' Meeting", "4th-asean-digital-ministers-meeting"),
    ("Viet Nam", "viet-nam"),
])
def test_slugs_are_readable(name: str, expected: str) -> None:
    assert slug(name) == expected


@given(st.text(min_size=0, max_size=300))
def test_any_name_gives_a_safe_slug(name: str) -> None:
    result = slug(name)
    assert result
    assert len(result) <= 90
    assert all(c.isascii() and (c.isalnum() or c == "-") for c in result)


def _entity(key: str, label: str, name: str, aliases: tuple[str, ...] = (),
            iri: str | None = None) -> Entity:
    return Entity(key=key, label=label, name=name, aliases=aliases, mentions=(),
                  documents=("doc1",), iri=iri)


def test_names_that_fold_to_one_slug_still_get_two_iris() -> None:
    iris = entity_iris([_entity("organization:at&t", "Organization", "AT&T"),
                        _entity("organization:at-t", "Organization", "AT-T")])
    assert len(set(iris.values())) == 2


def test_graph_has_types_labels_aliases_and_documents(tmp_path: Path) -> None:
    entities = [_entity("https://w3id.org/docgraph/id/country/singapore", "Country",
                        "Singapore", iri="https://w3id.org/docgraph/id/country/singapore"),
                _entity("organization:itu", "IntergovernmentalOrganization",
                        "International Telecommunication Union", aliases=("ITU",))]
    graph = to_rdf(entities)
    read = from_rdf(graph)
    assert read["https://w3id.org/docgraph/id/organization/international-telecommunication-union"] \
        == ("IntergovernmentalOrganization", "International Telecommunication Union", ("ITU",))
    assert (None, DG.mentionedIn, document_iri("doc1")) in graph
    path = tmp_path / "g.ttl"
    write(graph, path)
    again = Graph()
    again.parse(path)
    assert len(again) == len(graph)
    assert (None, SKOS.altLabel, None) in again
