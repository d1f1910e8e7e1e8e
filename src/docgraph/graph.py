"""Statements between entities, merged across documents.

The contract: :func:`statements` lifts relations between mentions to relations between
entities (:class:`Statement`); :func:`from_extractions` merges the entities of several
documents (:func:`docgraph.resolve.merge`) and lifts every document's relations to the
merged entities; merging all documents at once or adding them one by one gives the same
entities. The RDF graph is built from these records (:func:`docgraph.rdf.to_rdf`), and the
one networkx graph from the RDF (:func:`docgraph.rdf.to_networkx`), so that a graph read
back from a file and one just extracted are the same. No spaCy here: only plain records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


def from_extractions(extractions: Iterable[tuple[Sequence[Entity], Sequence[Relation]]]
                     ) -> tuple[list[Entity], list[Statement]]:
    """Merge per-document entities and lift their relations to the merged entities."""
    batches = list(extractions)
    entities = merge_entities(entities for entities, _ in batches)
    found = statements(entities, [r for _, relations in batches for r in relations])
    return entities, found

