"""Dates a tenure takes from the sentences around it, within one document.

An appointment is often dated in the next sentence: "The Minister has appointed Mr A as
Chairman of the B Board. His appointment will take effect from 15 March 2024." And who
leaves a post is often said without a date of their own: "Mr A succeeds Mr C, who steps
down as Chairman", where Mr A's start is Mr C's end. Both are read here, after the
sentences' own relations, and marked ``dated_by="context"`` so that a user sees the date
is not in the sentence the relation cites.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from docgraph.dates import appointment_date, dated_period
from docgraph.types import Document, Relation
from docgraph.vocab import tenure_roles

# How long before the page a successor's start may be and still be the handover.
_HANDOVER_WINDOW = dt.timedelta(days=31)

# The end of a sentence: a stop and a space, or the block's end.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def carry_dates(relations: Sequence[Relation], document: Document) -> list[Relation]:
    """``relations`` with the tenures' dates that neighbouring sentences give."""
    roles = tenure_roles()
    out = [_effective(r, document) if r.predicate in roles else r for r in relations]
    starts = [r for r in out if r.predicate in roles and r.bound == "since"
              and r.start is not None]
    return [_succeeded(r, starts, document) if r.predicate in roles else r for r in out]


def _effective(relation: Relation, document: Document) -> Relation:
    """An undated tenure dated by "His appointment will take effect from ..." after it."""
    if relation.start is not None or relation.end is not None:
        return relation
    following = _next_sentence(document, relation.block, relation.sentence.end)
    dated = appointment_date(following, document.metadata.date) if following else None
    if dated is None:
        return relation
    return dataclasses.replace(relation, start=dated.start, end=None, bound="since",
                               dated_by="context")


def _succeeded(relation: Relation, starts: Sequence[Relation],
               document: Document) -> Relation:
    """A tenure ended on the page's date ends when its successor's, named with it, starts.

    "Mr Lee will succeed Mr Chan as NLB's new Chairman", with Mr Lee's chairmanship
    dated from 1 January 2020 elsewhere on the page: Mr Chan's ends then, not on the day
    the page was published.
    """
    page = document.metadata.date
    if relation.bound != "until" or page is None or relation.end != page or \
            dated_period(relation.text, page) is not None:
        return relation
    # A successor's role that began long before the page (his seat on a committee since
    # last year) is not the one taken over.
    since = page - _HANDOVER_WINDOW
    named = [r for r in starts if r.predicate == relation.predicate
             and r.subject.name != relation.subject.name and r.start is not None
             and r.start >= since
             and _names(relation.text, r.subject.name, relation.subject.name)]
    if len({r.start for r in named}) != 1:
        return relation  # no successor named with it, or two dates to choose from
    return dataclasses.replace(relation, end=named[0].start, dated_by="context")


def _names(text: str, name: str, other: str) -> bool:
    """Whether ``text`` names the person ``name`` by a word ``other``'s name lacks.

    Pages name a person again by the family name, first ("Mr Lee" of Lee Seow Hiang) or
    last ("Mr Tham" of Russell Tham).
    """
    own = set(other.split())
    return any(re.search(rf"\b{re.escape(word)}\b", text) is not None
               for word in name.split() if word not in own and word[:1].isupper()
               and len(word) > 1)


def _next_sentence(document: Document, block: int, end: int) -> str:
    """The sentence after the one ending at ``end`` of ``block`` (in the next block if none)."""
    blocks = document.blocks
    rest = blocks[block].text[end:].strip() if block < len(blocks) else ""
    if not rest and block + 1 < len(blocks):
        rest = blocks[block + 1].text.strip()
    found = _SENTENCE_END.search(rest)
    return rest[: found.start()] if found else rest
