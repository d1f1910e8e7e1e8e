"""Judging a case: are its expected triples in the graph, and its forbidden ones not?

The contract: names are compared as the dev-set scorer (``/work/shared/eval/score.py``)
compares them, after :func:`norm`; an expected entity matches a node when one of its
names equals one of the node's (``rdfs:label`` or ``skos:altLabel``). A case passes when
every expected triple is found among the graph's direct triples between entity nodes
and no forbidden one is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .cases import Case, Named, Triple

HONORIFICS = ("datuk seri ", "tan sri ", "datuk ", "dato ", "mr ", "mrs ", "ms ", "mdm ",
              "dr ", "senator ", "prof ", "professor ")
"""The honorifics the scorer drops, one of them, at the start of a name."""


def norm(name: str) -> str:
    """A name as the scorer compares it.

    Case, quotes and dashes folded, a possessive 's, full stops and commas dropped, then
    a leading "the" and one honorific.

    Example:
        >>> norm("the Ministers’ Meeting"), norm("Mr. Tan Wei-Ming"), norm("Singapore's")
        ('ministers meeting', 'tan wei ming', 'singapore')
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2010-\u2015-]", " ", text)
    text = re.sub(r"'s\b", "", text)
    text = text.replace("'", "").replace(".", " ").replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    for title in HONORIFICS:
        if text.startswith(title) and len(text) > len(title):
            text = text[len(title):]
            break
    return text.strip()


@dataclass(frozen=True, slots=True)
class Edge:
    """A direct triple of the graph between two entity nodes, with the nodes' names.

    Each end's names are its label first, then its other names.
    """

    subject: tuple[str, ...]
    relation: str
    object: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.subject[0]} {self.relation} {self.object[0]}"


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a case fared: what it missed, what it wrongly found, and all it found."""

    case: Case
    missed: tuple[Triple, ...]
    stated: tuple[tuple[Triple, Edge], ...]
    found: tuple[Edge, ...]

    @property
    def passed(self) -> bool:
        return not self.missed and not self.stated


def _matches(entity: Named, names: Sequence[str]) -> bool:
    wanted = {norm(name) for name in entity.names} - {""}
    return any(norm(name) in wanted for name in names)


def finding(triple: Triple, edges: Iterable[Edge]) -> Edge | None:
    """The first edge that states ``triple``, or None."""
    for edge in edges:
        if edge.relation == triple.relation and _matches(triple.subject, edge.subject) \
                and _matches(triple.object, edge.object):
            return edge
    return None


def judge(case: Case, edges: Sequence[Edge]) -> Outcome:
    """Compare what a case expects and forbids with the edges found in its graph."""
    missed = tuple(t for t in case.expected if finding(t, edges) is None)
    stated = tuple((t, edge) for t in case.forbidden
                   if (edge := finding(t, edges)) is not None)
    return Outcome(case, missed, stated, tuple(edges))
