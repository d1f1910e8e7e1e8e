"""Entities and documents as RDF: IRIs, triples and serialisations.

The contract: :func:`to_rdf` turns resolved entities (and the documents they come from)
into an rdflib graph in docgraph's ontology; :func:`from_rdf` reads back the entities'
names and classes; :func:`write` serialises to a file. IRIs are minted from the class
and the canonical name (``.../id/person/josephine-teo``) or taken from the gazetteer, so
the same input always gives the same IRIs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from docgraph.errors import ConfigurationError
from docgraph.graph import Statement
from docgraph.resolve import group, stable_hash
from docgraph.types import Document, Entity
from docgraph.vocab import DG, ID_BASE, PREFIXES, term

FORMATS = {"turtle": ("turtle", ".ttl"), "nt": ("nt", ".nt"), "xml": ("xml", ".rdf"),
           "jsonld": ("json-ld", ".jsonld")}
"""Output formats: name -> (rdflib format, file extension)."""
_KINDS = {"person": "person", "country": "country", "place": "place", "meeting": "meeting",
          "meeting-series": "meeting", "post": "post", "organization": "organization",
          "work": "work"}
_MAX_SLUG = 80


def slug(text: str) -> str:
    """A readable IRI segment: ASCII, lower case, hyphens; hashed if long or empty.

    Example:
        >>> slug("Josephine Teo")
        'josephine-teo'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    # Hash when folding lost letters (a name in another script), or the slug is empty
    # or too long, so that different names never share an IRI by accident.
    lossy = sum(c.isalnum() for c in folded) < sum(c.isalnum() for c in text)
    if not base or len(base) > _MAX_SLUG or lossy:
        digest = stable_hash(text, 8)
        base = f"{base[:_MAX_SLUG].rstrip('-')}-{digest}" if base else digest
    return base


def entity_iris(entities: Iterable[Entity], base: str = ID_BASE) -> dict[str, URIRef]:
    """IRIs for entities by key; unique even when two names fold to the same slug."""
    taken: dict[str, str] = {}
    iris: dict[str, URIRef] = {}
    for entity in sorted(entities, key=lambda e: e.key):
        if entity.iri:
            iris[entity.key] = URIRef(entity.iri)
            continue
        candidate = f"{base}{_KINDS[group(entity.label)]}/{slug(entity.name)}"
        if candidate in taken and taken[candidate] != entity.key:
            candidate = f"{candidate}-{stable_hash(entity.key, 6)}"
        taken[candidate] = entity.key
        iris[entity.key] = URIRef(candidate)
    return iris


def document_iri(document_id: str, base: str = ID_BASE) -> URIRef:
    """The IRI of a source document."""
    return URIRef(f"{base}document/{document_id}")


def to_rdf(entities: Iterable[Entity], documents: Mapping[str, Document] | None = None,
           found: Iterable[Statement] = (), *, base: str = ID_BASE) -> Graph:
    """Describe entities, the relations between them and their documents.

    Each relation is a direct triple (``<Singapore> dg:chairOf <4th ADGMIN>``) and a
    ``dg:Assertion`` about that triple naming the document, the sentence, its source
    characters, the rule, the confidence and the dates the sentence gives.

    Args:
        entities: Resolved entities.
        documents: The documents, by id, to describe (title, date, path).
        found: Relations between the entities (see :func:`docgraph.graph.statements`).
        base: Base IRI for minted IRIs.

    Returns:
        A new graph with docgraph's prefixes bound.
    """
    entities = list(entities)
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    iris = entity_iris(entities, base)
    for entity in entities:
        node = iris[entity.key]
        graph.add((node, RDF.type, term(entity.label)))
        graph.add((node, RDFS.label, Literal(entity.name)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
        for document in entity.documents:
            graph.add((node, DG.mentionedIn, document_iri(document, base)))
        graph.add((node, DG.mentionCount, Literal(len(entity.mentions),
                                                  datatype=XSD.nonNegativeInteger)))
        for honorific in entity.honorifics:
            graph.add((node, DG.honorific, Literal(honorific)))
        if entity.series and entity.series in iris:
            graph.add((node, DG.series, iris[entity.series]))
        if entity.ordinal is not None and entity.ordinal > 0:
            graph.add((node, DG.ordinal, Literal(entity.ordinal,
                                                 datatype=XSD.positiveInteger)))
    for item in found:
        _statement(graph, item, iris, base)
    for source in (documents or {}).values():
        node = document_iri(source.id, base)
        graph.add((node, RDF.type, DG.SourceDocument))
        graph.add((node, DCTERMS.identifier, Literal(source.id)))
        graph.add((node, DCTERMS.source, Literal(source.path)))
        if source.metadata.title:
            graph.add((node, DCTERMS.title, Literal(source.metadata.title)))
        if source.metadata.date:
            graph.add((node, DCTERMS.date, Literal(source.metadata.date.isoformat(),
                                                   datatype=XSD.date)))
    return graph


def _statement(graph: Graph, item: Statement, iris: Mapping[str, URIRef], base: str) -> None:
    subject, obj = iris.get(item.subject), iris.get(item.object)
    if subject is None or obj is None:
        return
    predicate = term(item.predicate)
    graph.add((subject, predicate, obj))
    relation = item.relation
    node = URIRef(f"{base}assertion/" + stable_hash(
        f"{subject}|{predicate}|{obj}|{relation.document}|{relation.block}|"
        f"{relation.sentence.start}|{relation.rule}", 16))
    graph.add((node, RDF.type, DG.Assertion))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, document_iri(relation.document, base)))
    graph.add((node, DG.rule, Literal(relation.rule)))
    graph.add((node, DG.confidence, Literal(Decimal(str(relation.confidence)),
                                            datatype=XSD.decimal)))
    graph.add((node, DG.sentence, Literal(relation.text)))
    graph.add((node, DG.block, Literal(relation.block, datatype=XSD.nonNegativeInteger)))
    graph.add((node, DG.sourceBegin, Literal(relation.source.start,
                                             datatype=XSD.nonNegativeInteger)))
    graph.add((node, DG.sourceEnd, Literal(relation.source.end,
                                           datatype=XSD.nonNegativeInteger)))
    if relation.start is not None:
        graph.add((node, DG.startDate, Literal(relation.start.isoformat(), datatype=XSD.date)))
    if relation.end is not None:
        graph.add((node, DG.endDate, Literal(relation.end.isoformat(), datatype=XSD.date)))


def from_rdf(graph: Graph) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Read entities back: IRI -> (class local name, label, aliases)."""
    out = {}
    for node, cls in graph.subject_objects(RDF.type):
        if not str(cls).startswith(str(DG._NS)) or cls in (DG.SourceDocument, DG.Assertion):
            continue
        label = str(graph.value(node, RDFS.label) or "")
        aliases = tuple(sorted(str(a) for a in graph.objects(node, SKOS.altLabel)))
        out[str(node)] = (str(cls)[len(str(DG._NS)):], label, aliases)
    return out


def write(graph: Graph, path: Path, fmt: str = "turtle") -> None:
    """Serialise ``graph`` to ``path`` in ``fmt`` (a key of :data:`FORMATS`).

    Raises:
        ConfigurationError: If the format is unknown.
    """
    if fmt not in FORMATS:
        raise ConfigurationError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    graph.serialize(destination=str(path), format=FORMATS[fmt][0], encoding="utf-8")
