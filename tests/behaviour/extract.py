"""Extracting the cases: one pipeline, every case through it, each case's graph read back.

The contract: :func:`edges` runs docgraph's library (ingest, clean, recognise with the
pipeline given, resolve, statements, RDF) over the cases' texts as one batch through
spaCy, builds each case's RDF as ``docgraph extract --per-document`` writes it, and
:func:`graph_edges` reads from it what the dev-set scorer reads: the direct triples
whose predicate is, or is a sub-property of, a core relation, between nodes whose class
maps onto a coarse type, with the nodes' names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from .cases import CORE_RELATIONS, Case
from .match import Edge

if TYPE_CHECKING:
    from spacy.language import Language

COARSE_TYPES = frozenset({
    "person", "organization", "organisation", "formalorganization", "organizationalunit",
    "governmentorganization", "governmentagency", "ngo", "workinggroup",
    "intergovernmentalorganization", "collective", "group", "agency", "ministry",
    "country", "state", "nation",
    "place", "city", "location", "administrativearea", "island", "site", "venue", "region",
    "meeting", "event", "conference", "summit",
    "creativework", "document", "work", "agreement", "legislation", "project", "product",
    "framework", "softwareapplication", "publication", "initiative", "declaration",
    "guideline", "programme", "program", "policy", "plan",
    "post", "role", "position", "office", "occupation"})
"""Class local names (folded) that the scorer maps onto one of its coarse types."""
NAME_PREDICATES = frozenset({"label", "prefLabel", "altLabel", "name", "alternateName",
                             "hiddenLabel"})
"""Local names of the predicates that give a node's names."""

Triples = list[tuple[Node, Node, Node]]


def local_name(term: Node) -> str:
    """The part of an IRI after its last ``#``, ``/`` or ``:``."""
    text = str(term)
    return text.replace("#", "/").replace(":", "/").rsplit("/", 1)[-1]


class Schema:
    """Which classes are entities' and which predicates core relations, by an ontology.

    Args:
        ontology: Class and property declarations (``rdfs:subClassOf``,
            ``rdfs:subPropertyOf``), as the scorer's ``--ontology`` files give them.
    """

    def __init__(self, ontology: Graph) -> None:
        self.ontology = ontology
        self._entity: dict[Node, bool] = {}
        self._relation: dict[Node, str | None] = {}

    def _ancestors(self, node: Node, predicate: URIRef) -> set[Node]:
        seen: set[Node] = set()
        todo = [node]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.ontology.objects(current, predicate))
        return seen

    def is_entity_class(self, cls: Node) -> bool:
        """Whether ``cls``, or a class it is a subclass of, maps onto a coarse type."""
        if cls not in self._entity:
            self._entity[cls] = any(local_name(a).casefold() in COARSE_TYPES
                                    for a in self._ancestors(cls, RDFS.subClassOf))
        return self._entity[cls]

    def core_relation(self, predicate: Node) -> str | None:
        """The core relation ``predicate`` is, or is a sub-property of, if any."""
        if predicate not in self._relation:
            names = sorted(local_name(a)
                           for a in self._ancestors(predicate, RDFS.subPropertyOf))
            self._relation[predicate] = next((n for n in names if n in CORE_RELATIONS), None)
        return self._relation[predicate]


@functools.cache
def docgraph_schema() -> Schema:
    """The schema of docgraph's own ontology, ``ontologies/docgraph.ttl``."""
    from docgraph.resources import ontology_path

    graph = Graph()
    graph.parse(ontology_path(), format="turtle")
    return Schema(graph)


def _triples(graph: Graph | Dataset) -> Triples:
    """All the triples, a dataset's named graphs read as one (as the scorer reads TriG)."""
    if isinstance(graph, Dataset):
        return [(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))]
    return list(graph)


def graph_edges(graph: Graph | Dataset, schema: Schema | None = None) -> list[Edge]:
    """The direct triples between entity nodes that the scorer would count, sorted.

    Args:
        graph: One document's graph.
        schema: Its classes and properties; docgraph's ontology if None.
    """
    schema = schema or docgraph_schema()
    triples = _triples(graph)
    typed = {s for s, p, o in triples if p == RDF.type and schema.is_entity_class(o)}
    labels: dict[Node, list[str]] = {}
    others: dict[Node, list[str]] = {}
    for s, p, o in triples:
        if s in typed and local_name(p) in NAME_PREDICATES:
            (labels if p == RDFS.label else others).setdefault(s, []).append(str(o))

    def names(node: Node) -> tuple[str, ...]:
        found = sorted(labels.get(node, [])) + sorted(others.get(node, []))
        return tuple(found) or (str(node),)

    edges = {Edge(names(s), relation, names(o)) for s, p, o in triples
             if s in typed and o in typed
             and (relation := schema.core_relation(p)) is not None}
    return sorted(edges, key=lambda e: (e.relation, e.subject, e.object))


def datasets(texts: Iterable[str], nlp: Language) -> Iterator[Dataset]:
    """Each text's graph, as ``docgraph extract --per-document`` would write it."""
    from docgraph.clean import clean
    from docgraph.graph import statements
    from docgraph.ingest import read_bytes
    from docgraph.ner import recognise
    from docgraph.pipeline import same_as_links
    from docgraph.rdf import to_dataset
    from docgraph.resolve import resolve_document

    documents = [clean(read_bytes(text.encode("utf-8"), f"case-{number:04d}.md"))
                 for number, text in enumerate(texts)]
    links = same_as_links()
    for analysis in recognise(documents, nlp):
        entities = resolve_document(analysis.document, analysis.mentions)
        found = statements(entities, analysis.relations)
        yield to_dataset(entities, {analysis.document.id: analysis.document}, found,
                         links=links)


def edges(cases: Sequence[Case], nlp: Language) -> list[list[Edge]]:
    """Each case's edges, in the order of ``cases``."""
    return [graph_edges(dataset) for dataset in datasets([c.text for c in cases], nlp)]
