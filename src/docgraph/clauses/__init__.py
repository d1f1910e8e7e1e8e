"""The clause layer: each sentence as predicate-argument frames.

The contract: :class:`ClauseReader` turns a parsed sentence into :class:`Frame` records,
one per predicate (a verb, or a noun naming an act), with its arguments by role
(agent, patient, attribute, possessor, obliques by their preposition), its voice and
its status (done, planned, intended, possible, negated), whatever the clause's shape:
active or passive, participle, relative clause, coordination, infinitive, noun. The
relations (:mod:`docgraph.relations`) map frames to the ontology and never read clause
shapes themselves.
"""

from __future__ import annotations

from docgraph.clauses.build import ClauseReader, Cues, load_cues
from docgraph.clauses.frames import Argument, Frame, Role, Status

__all__ = ["Argument", "ClauseReader", "Cues", "Frame", "Role", "Status", "load_cues"]
