"""What a clause says: a predicate, its arguments by role, its voice and its status.

These records are what the clause layer hands to the relations: token indices into the
doc, never spaCy objects, so that what a sentence says can be kept, compared and
tested apart from the parse it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    """Whether a clause says its act happened.

    ``done`` (or holding now) and ``planned`` (announced, scheduled, decided) are
    reported as facts; ``intended`` (wanted, proposed, considered), ``possible`` (a
    modal or a condition) and ``negated`` are not.
    """

    DONE = "done"
    PLANNED = "planned"
    INTENDED = "intended"
    POSSIBLE = "possible"
    NEGATED = "negated"

    @property
    def asserted(self) -> bool:
        """Whether a relation with this status is stated as a fact."""
        return self in (Status.DONE, Status.PLANNED)


class Role(StrEnum):
    """What an argument is to its predicate.

    The roles are those of the clause's shape, not of the relation: the relations say
    which of them is the doer and which the thing (PropBank's ARG0 and ARG1 in spirit).
    """

    AGENT = "agent"
    """The doer: an active verb's subject, a passive verb's "by" object, a noun's "by"."""
    PATIENT = "patient"
    """What is done: an active verb's object, a passive verb's subject, the noun a
    participle modifies, a noun's "of" object."""
    ATTRIBUTE = "attribute"
    """What the patient (or the agent of an intransitive) becomes or serves as:
    "appointed X Chairman", "as Vice-Chair"."""
    POSSESSOR = "possessor"
    """A noun's possessor ("X's appointment"): agent or patient, as the noun says."""
    OBLIQUE = "oblique"
    """An object of a preposition, named by its marker ("in", "with", "to")."""


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a predicate.

    A relative pronoun is kept as written ("which"): what it stands for is the business
    of whoever knows the entities (:meth:`docgraph.relations.context.Context.antecedent`).

    Attributes:
        role: What it is to the predicate.
        head: The token that heads it (an entity's token, a pronoun, a common noun).
        marker: The preposition that introduced it ("by", "in", "as"), lower case, or "".
        inherited: Whether it comes from another clause: a coordinated verb's subject,
            the controller of an infinitive, the verb a noun is the object of.
        marker_at: The marker's token, or -1.
    """

    role: Role
    head: int
    marker: str = ""
    inherited: bool = False
    marker_at: int = -1


@dataclass(frozen=True, slots=True)
class Frame:
    """One predicate of a sentence with its arguments.

    Attributes:
        head: The predicate's head token (the verb, or the noun naming the act).
        lemma: Its lemma, with a hyphenated prefix it was written with ("co-chair").
        kind: ``verb`` or ``noun``.
        passive: Whether the verb is passive (or a past participle used as one).
        status: Whether the act is stated as done, planned, intended, possible or
            negated.
        arguments: Its arguments, in text order.
        tokens: Every token of the predicate ("co", "-", "chaired").
    """

    head: int
    lemma: str
    kind: str
    passive: bool
    status: Status
    arguments: tuple[Argument, ...]
    tokens: tuple[int, ...]

    def heads(self, role: Role, markers: tuple[str, ...] | frozenset[str] | None = None
              ) -> list[int]:
        """The heads of the arguments in ``role`` (with one of ``markers``, if given)."""
        return [a.head for a in self.arguments
                if a.role is role and (markers is None or a.marker in markers)]
