"""The vocabulary in code matches the ontology, and the ontology is well formed."""

from __future__ import annotations

import re

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from docgraph.lexicon import load_gazetteers
from docgraph.resources import ontology_path
from docgraph.vocab import DG, ONTOLOGY_IRI, RECORD_CLASSES, coarse_type, tenure_roles

# The local names that mean "entity" to tools which classify nodes by class name (the
# evaluation scorer among them): bookkeeping nodes must never reach one of them.
ENTITY_WORDS = {"person", "organization", "organisation", "organizationalunit", "country",
                "place", "city", "location", "meeting", "event", "conference", "summit",
                "creativework", "document", "work", "post", "role", "position", "office",
                "occupation", "agreement", "project", "product", "plan", "programme"}


def _ontology() -> Graph:
    graph = Graph()
    graph.parse(ontology_path())
    return graph


def _local(node: object) -> str:
    return re.split(r"[#/]", str(node))[-1].lower()


def test_vocabulary_matches_the_ontology() -> None:
    graph = _ontology()
    declared = {str(s) for s in graph.subjects(RDF.type, None)
                if str(s).startswith(str(DG._NS))}
    in_code = {str(DG[name]) for name in DG.__annotations__}
    assert in_code == declared


def test_the_ontology_has_an_iri_and_a_version() -> None:
    graph = _ontology()
    ontology = URIRef(ONTOLOGY_IRI)
    assert (ontology, RDF.type, OWL.Ontology) in graph
    version = str(graph.value(ontology, OWL.versionInfo))
    assert str(graph.value(ontology, OWL.versionIRI)).endswith(f"/{version}")


def test_every_class_and_property_is_labelled_and_commented() -> None:
    graph = _ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = [t for kind in kinds for t in graph.subjects(RDF.type, kind)]
    assert len(terms) > 60
    for item in terms:
        assert graph.value(item, RDFS.label) is not None, item
        assert graph.value(item, RDFS.comment) is not None, item
    for cls in graph.subjects(RDF.type, OWL.Class):
        assert graph.value(cls, RDFS.subClassOf) is not None, cls


def test_bookkeeping_classes_are_never_mistaken_for_entities() -> None:
    graph = _ontology()
    for cls in RECORD_CLASSES:
        ancestors = set(graph.transitive_objects(cls, RDFS.subClassOf))
        assert not {_local(a) for a in ancestors} & ENTITY_WORDS, cls
    for role in (DG.chair, DG.viceChair, DG.postHolder):
        types = set(graph.objects(role, RDF.type))
        assert not {_local(t) for t in types} & ENTITY_WORDS, role


def test_gazetteer_classes_exist_in_the_ontology() -> None:
    assert {entry.label for entry in load_gazetteers()} <= set(DG.__annotations__)


def test_wikidata_links_are_well_formed_and_never_shared() -> None:
    entries = [entry for entry in load_gazetteers() if entry.same_as]
    assert len(entries) > 200
    targets = [target for entry in entries for target in entry.same_as]
    assert all(re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", t)
               for t in targets)
    assert len(targets) == len(set(targets))
    by_name = {entry.name: entry.same_as for entry in entries}
    assert by_name["Singapore"] == ("http://www.wikidata.org/entity/Q334",)
    assert by_name["ASEAN"] == ("http://www.wikidata.org/entity/Q7768",)


def test_coarse_types_follow_the_class_hierarchy() -> None:
    graph = _ontology()
    words = {"Person": {"person"}, "Organization": {"organization"}, "Place": {"place"},
             "Country": {"country"}, "Meeting": {"meeting", "event"}, "Post": {"post"},
             "Work": {"work", "creativework"}}
    classes = [c for c in graph.subjects(RDF.type, OWL.Class)
               if str(c).startswith(str(DG._NS)) and c not in RECORD_CLASSES]
    assert len(classes) > 20
    for cls in classes:
        names = {_local(a) for a in graph.transitive_objects(cls, RDFS.subClassOf)}
        assert names & words[coarse_type(_local_name(cls))], cls


def _local_name(node: object) -> str:
    return re.split(r"[#/]", str(node))[-1]


def test_tenure_roles_come_from_the_ontology() -> None:
    assert tenure_roles() == {"chairOf": DG.chair, "viceChairOf": DG.viceChair,
                              "holdsPost": DG.postHolder}
