"""What every rule family shares: the relation record and the place relations are kept.

A rule family proposes relations through :meth:`Findings.add`, which applies the
relation's signature (a person cannot be held in a place), drops self-relations, and
keeps the most confident reading of each (subject, relation, object).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from docgraph.ner.candidates import Candidate
from docgraph.relations.context import Context, entity_group
from docgraph.relations.rules import Rules


@dataclass(frozen=True, slots=True)
class Found:
    """A relation found in a doc, between two chosen mentions."""

    subject: Candidate
    predicate: str
    object: Candidate
    rule: str
    confidence: float
    sentence: Span


class Findings:
    """The relations found so far in one doc."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.rules: Rules = ctx.rules
        self.found: dict[tuple[int, str, int], Found] = {}

    def add(self, subject: Candidate | None, predicate: str, obj: Candidate | None,
            rule: str, confidence: float, sentence: Span) -> bool:
        """Record a relation if its ends fit the relation's signature.

        Returns:
            Whether the relation was accepted.
        """
        if subject is None or obj is None or subject is obj:
            return False
        if (subject.key and subject.key == obj.key) or \
                self.ctx.text(subject) == self.ctx.text(obj):
            return False
        signature = self.rules.signatures[predicate]
        if entity_group(subject.label) not in signature.subject or \
                entity_group(obj.label) not in signature.object:
            return False
        key = (id(subject), predicate, id(obj))
        current = self.found.get(key)
        if current is None or current.confidence < confidence:
            self.found[key] = Found(subject, predicate, obj, rule, confidence, sentence)
        return True

    def of(self, predicate: str) -> list[Found]:
        """The relations of one kind found so far."""
        return [f for f in self.found.values() if f.predicate == predicate]
