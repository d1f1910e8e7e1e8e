"""Extracting the cases: one pipeline, every case through it, each case's graph read back.

The contract: :func:`edges` runs docgraph's library (ingest, clean, recognise with the
pipeline given, resolve, statements, RDF) over the cases' texts as one batch through
spaCy, builds each case's RDF as ``docgraph extract --per-document`` would, and reads
from it what the dev-set scorer reads: the direct triples whose predicate is, or is a
sub-property of, a core relation, between nodes whose class maps onto a coarse type.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
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
"""Class local names (folded) the scorer maps onto a coarse type."""
NAME_PREDICATES = frozenset({"label", "prefLabel", "altLabel", "name", "alternateName",
                             "hiddenLabel"})


def local_name(term: Node) -> str:
    text = str(term)
    return text.replace("#", "/").replace(":", "/").rsplit("/", 1)[-1]


@functools.cache
def _ontology() -> Graph:
    from docgraph.resources import ontology_path

    graph = Graph()
    graph.parse(ontology_path(), format="turtle")
    return graph


def _ancestors(node: Node, predicate: URIRef) -> set[Node]:
    ontology = _ontology()
    seen: set[Node] = set()
    todo = [node]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(ontology.objects(current, predicate))
    return seen


@functools.cache
def _is_entity_class(cls: Node) -> bool:
    return any(local_name(a).casefold() in COARSE_TYPES
               for a in _ancestors(cls, RDFS.subClassOf))


@functools.cache
def _core_relation(predicate: Node) -> str | None:
    names = sorted(local_name(a) for a in _ancestors(predicate, RDFS.subPropertyOf))
    return next((name for name in names if name in CORE_RELATIONS), None)


def graph_edges(graph: Graph | Dataset) -> list[Edge]:
    """The direct triples between entity nodes that the scorer would count, sorted.

    A dataset's named graphs are read as one graph, as the scorer reads a TriG file.
    """
    triples = [(s, p, o) for s, p, o, _ in graph.quads((None, None, None, None))] \
        if isinstance(graph, Dataset) else list(graph)
    typed = {s for s, p, o in triples if p == RDF.type and _is_entity_class(o)}
    labels: dict[Node, list[str]] = {}
    others: dict[Node, list[str]] = {}
    for s, p, o in triples:
        if s in typed and local_name(p) in NAME_PREDICATES:
            (labels if p == RDFS.label else others).setdefault(s, []).append(str(o))

    def names(node: Node) -> tuple[str, ...]:
        found = sorted(labels.get(node, [])) + sorted(others.get(node, []))
        return tuple(found) or (str(node),)

    edges = {Edge(names(s), relation, names(o)) for s, p, o in triples
             if s in typed and o in typed and (relation := _core_relation(p)) is not None}
    return sorted(edges, key=lambda e: (e.relation, e.subject, e.object))


def _datasets(texts: Sequence[str], nlp: Language) -> Iterator[Dataset]:
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
    return [graph_edges(dataset) for dataset in _datasets([c.text for c in cases], nlp)]
