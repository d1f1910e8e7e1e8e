"""docgraph's behavioural suite: constructions of press releases, generated and checked.

Each family is one construction ("was co-chaired by X and Y", "will be appointed CE of
X", "intend to establish X" which states nothing), written by templates with fillers
(``families/*.yaml``, ``fillers.yaml``); each case is a short page with the triples it
must state and those it must not. :func:`run` extracts every case with one pipeline and
judges it. ``python -m tests.behaviour`` prints the pass rate per family; see README.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cases import Case, Family, FamilyError, Named, Triple, all_cases, expand, load_families
from .match import Edge, Outcome, judge, norm
from .report import Rate, below_floors, explain, load_floors, rates, table, to_json

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "Case",
    "Edge",
    "Family",
    "FamilyError",
    "Named",
    "Outcome",
    "Rate",
    "Triple",
    "all_cases",
    "below_floors",
    "expand",
    "explain",
    "judge",
    "load_families",
    "load_floors",
    "norm",
    "rates",
    "run",
    "table",
    "to_json",
]


def run(cases: Sequence[Case], nlp: Language) -> list[Outcome]:
    """Extract every case with ``nlp`` (one batch) and judge it."""
    from .extract import edges

    return [judge(case, found) for case, found in zip(cases, edges(cases, nlp), strict=True)]
