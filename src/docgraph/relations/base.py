"""What every rule family shares: the relation record and the place relations are kept.

A rule family proposes relations through :meth:`Findings.add`, which applies the
relation's signature (a person cannot be held in a place), drops self-relations, and
keeps the most confident reading of each (subject, relation, object).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from docgraph.clauses import Status
from docgraph.ner.candidates import QUIET, Candidate
from docgraph.relations.arguments import Arguments
from docgraph.relations.context import Context, entity_group
from docgraph.relations.rules import Rules


@dataclass(frozen=True, slots=True)
class Found:
    """A relation found in a doc, between two chosen mentions.

    ``status`` is the clause's: ``done``, or ``planned`` ("will sign"); ``ends``, that
    the sentence says the relation ends ("steps down as Chairman"); ``begins``, that it
    begins then ("handed over the Chairmanship to Thailand").
    """

    subject: Candidate
    predicate: str
    object: Candidate
    rule: str
    confidence: float
    sentence: Span
    status: Status = Status.DONE
    ends: bool = False
    begins: bool = False


class Findings:
    """The relations found so far in one doc."""

    def __init__(self, ctx: Context, args: Arguments) -> None:
        self.ctx = ctx
        self.args = args
        self.doc: Doc = ctx.doc
        self.rules: Rules = ctx.rules
        self.found: dict[tuple[int, str, int], Found] = {}
        # Mentions a relation showed to be bodies (see _a_body_by_role), by id: new label.
        self.retyped: dict[int, str] = {}
        # Whether what a token predicates is done, planned, ...: the clause layer's
        # reading once the parse is there (see docgraph.relations.extractor).
        self.status_of: Callable[[Token], Status] = lambda token: Status.DONE
        quiet = sorted(self.doc.user_data.get(QUIET, ()))
        self._quiet_starts = [start for start, _ in quiet]
        self._quiet_ends = [end for _, end in quiet]

    def quiet(self, char: int) -> bool:
        """Whether a character is in page furniture that states no relation (datelines)."""
        index = bisect_right(self._quiet_starts, char) - 1
        return index >= 0 and char < self._quiet_ends[index]

    def add(self, subject: Candidate | None, predicate: str, obj: Candidate | None,
            rule: str, confidence: float, sentence: Span,
            status: Status = Status.DONE, ends: bool = False, begins: bool = False) -> bool:
        """Record a relation if its ends fit the relation's signature.

        A relation stated as done wins over the same one stated as planned, and a more
        confident reading over a less confident one.

        Returns:
            Whether the relation was accepted.
        """
        if subject is None or obj is None or subject is obj or not status.asserted:
            return False
        # A dateline says where a release was issued, not where anything happened; that
        # London is in the United Kingdom it still says.
        if predicate not in ("partOf", "basedIn") and self.quiet(sentence.start_char):
            return False
        if (subject.key and subject.key == obj.key) or \
                self.ctx.text(subject) == self.ctx.text(obj):
            return False
        signature = self.rules.signatures[predicate]
        if entity_group(subject.label) not in signature.subject:
            return False
        if entity_group(obj.label) not in signature.object:
            if not self._a_body_by_role(predicate, obj, rule):
                return False
            self.retyped[id(obj)] = self.rules.bodies_by_role.label
        if self._another_edition(subject) or self._another_edition(obj):
            return False
        key = (id(subject), predicate, id(obj))
        current = self.found.get(key)
        done = status is Status.DONE
        # Whichever reading wins, a relation some reading says ends does end.
        ends = ends or (current is not None and current.ends)
        if current is None or (done, confidence) > (current.status is Status.DONE,
                                                     current.confidence):
            self.found[key] = Found(subject, predicate, obj, rule, confidence, sentence,
                                    status, ends, begins)
        elif ends and not current.ends:
            self.found[key] = replace(current, ends=True)
        return True

    def _a_body_by_role(self, predicate: str, mention: Candidate, rule: str) -> bool:
        """Whether a name its head typed as a work or a meeting is a body in ``predicate``.

        "the Open Data Partnership" is a pact by its head; whoever participates in it or
        is a member of it makes it a body.
        """
        spec = self.rules.bodies_by_role
        group = entity_group(mention.label)
        if predicate not in spec.relations or group not in ("Work", "Meeting") or \
                (group == "Meeting" and rule not in spec.meeting_rules):
            return False
        name = self.ctx.text(mention)
        head = re.split(r" (?:of|on|for|in) ", name)[0].split()
        return bool(head) and head[-1] in spec.heads

    def _another_edition(self, mention: Candidate) -> bool:
        """Whether a meeting's name is said of another edition: "the next CET Dialogue".

        What the sentence says of the next (or last) meeting of a series is not said of
        the meeting or series the name stands for.
        """
        if entity_group(mention.label) != "Meeting":
            return False
        index = mention.start - 1
        while index >= 0 and self.doc[index].lower_ in ("the", "a", "an"):
            index -= 1
        return index >= 0 and self.doc[index].lower_ in self.rules.other_editions

    def of(self, predicate: str) -> list[Found]:
        """The relations of one kind found so far."""
        return [f for f in self.found.values() if f.predicate == predicate]
