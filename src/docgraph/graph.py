"""The knowledge graph as a networkx ``MultiDiGraph``, merged across documents.

The contract: :func:`build` turns extractions (documents, their entities and relations)
into a graph whose nodes are entity keys carrying type, canonical label, aliases,
mention count and documents, and whose edges carry the relation and its provenance.
:func:`merge` combines graphs; building from all documents at once or adding them one
by one gives the same graph. No spaCy here: only plain records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from docgraph.resolve import merge as merge_entities
from docgraph.types import Entity, Mention, Relation


@dataclass(frozen=True, slots=True)
class Statement:
    """A relation between two entities, with the assertion that states it."""

    subject: str
    predicate: str
    object: str
    relation: Relation


def statements(entities: Iterable[Entity], relations: Iterable[Relation]) -> list[Statement]:
    """Relations between mentions, lifted to relations between entity keys.

    A relation whose mention belongs to no entity (a dropped name) is left out, and so is
    one whose two ends are the same entity.
    """
    owner: dict[Mention, str] = {}
    for entity in entities:
        for mention in entity.mentions:
            owner[mention] = entity.key
    found = []
    for relation in relations:
        subject, obj = owner.get(relation.subject), owner.get(relation.object)
        if subject is None or obj is None or subject == obj:
            continue
        found.append(Statement(subject, relation.predicate, obj, relation))
    return found


def build(entities: Sequence[Entity], found: Iterable[Statement]) -> nx.MultiDiGraph[str]:
    """A graph of entities (nodes, by key) and statements (edges)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for entity in sorted(entities, key=lambda e: e.key):
        graph.add_node(entity.key, type=entity.label, label=entity.name,
                       aliases=list(entity.aliases), mentions=len(entity.mentions),
                       documents=list(entity.documents), iri=entity.iri)
    for item in sorted(found, key=_order):
        relation = item.relation
        graph.add_edge(item.subject, item.object, key=_edge_key(item), relation=item.predicate,
                       document=relation.document, block=relation.block,
                       sentence=relation.text, rule=relation.rule,
                       confidence=relation.confidence,
                       source=(relation.source.start, relation.source.end),
                       start=relation.start.isoformat() if relation.start else None,
                       end=relation.end.isoformat() if relation.end else None,
                       bound=relation.bound)
    return graph


def merge(graphs: Iterable[nx.MultiDiGraph[str]]) -> nx.MultiDiGraph[str]:
    """Combine graphs: nodes with one key are one node; edges are kept, deduplicated."""
    merged: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for graph in graphs:
        for key, data in graph.nodes(data=True):
            if key in merged:
                current = merged.nodes[key]
                current["aliases"] = sorted(set(current["aliases"]) | set(data["aliases"])
                                            - {current["label"]})
                current["mentions"] += data["mentions"]
                current["documents"] = sorted(set(current["documents"]) |
                                              set(data["documents"]))
            else:
                merged.add_node(key, **{**data, "aliases": list(data["aliases"]),
                                        "documents": list(data["documents"])})
        for subject, obj, key, data in graph.edges(keys=True, data=True):
            if not merged.has_edge(subject, obj, key):
                merged.add_edge(subject, obj, key=key, **data)
    return merged


def from_extractions(extractions: Iterable[tuple[Sequence[Entity], Sequence[Relation]]]
                     ) -> tuple[list[Entity], list[Statement]]:
    """Merge per-document entities and lift their relations to the merged entities."""
    batches = list(extractions)
    entities = merge_entities(entities for entities, _ in batches)
    found = statements(entities, [r for _, relations in batches for r in relations])
    return entities, found


def _edge_key(item: Statement) -> str:
    relation = item.relation
    return (f"{item.predicate}|{relation.document}|{relation.block}|"
            f"{relation.sentence.start}|{relation.rule}")


def _order(item: Statement) -> tuple[str, str, str, str]:
    return (item.subject, item.predicate, item.object, _edge_key(item))
