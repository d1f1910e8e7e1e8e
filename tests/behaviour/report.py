"""Pass rates per family, the failing cases explained, and the floors they must keep.

The contract: :func:`rates` counts each family's passing cases; :func:`table` prints
them (with each family's floor when given); :func:`explain` lists what each failing case
expected or forbade and what its graph held; :func:`to_json` is the same as data;
:func:`below_floors` names the families whose rate fell below the rate recorded in
``floors.json``, the ratchet CI keeps.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .match import Outcome

FLOORS = Path(__file__).parent / "floors.json"
GOAL = 0.9
"""The issue's aim: every family passes at least 90% of its cases."""


@dataclass(frozen=True, slots=True)
class Rate:
    """A family's passing cases of all its cases."""

    family: str
    negative: bool
    passed: int
    total: int

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


def rates(outcomes: Sequence[Outcome], negative: Mapping[str, bool] | None = None
          ) -> list[Rate]:
    """Each family's rate, in the order the families first appear."""
    counts: dict[str, list[int]] = {}
    for outcome in outcomes:
        passed, total = counts.setdefault(outcome.case.family, [0, 0])
        counts[outcome.case.family] = [passed + outcome.passed, total + 1]
    flags = negative or {}
    return [Rate(family, flags.get(family, False), passed, total)
            for family, (passed, total) in counts.items()]


def load_floors(path: Path = FLOORS) -> dict[str, float]:
    """The recorded floor of each family's pass rate."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(family): float(floor) for family, floor in data["floors"].items()}


def write_floors(found: Sequence[Rate], path: Path = FLOORS, *, keep: bool = True) -> None:
    """Record the rates as floors; with ``keep``, a floor is only ever raised."""
    old = load_floors(path) if keep and path.exists() else {}
    floors = {r.family: round(max(r.rate, old.get(r.family, 0.0)), 4) for r in found}
    data = {"about": "Each behaviour family's pass rate may not fall below its floor "
                     "(tests/test_behaviour.py); raise them with "
                     "`python -m tests.behaviour --raise-floors`.",
            "floors": dict(sorted(floors.items()))}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def below_floors(found: Sequence[Rate], floors: Mapping[str, float]) -> list[str]:
    """One line per family below its floor, or without one."""
    problems = []
    for rate in found:
        floor = floors.get(rate.family)
        if floor is None:
            problems.append(f"{rate.family}: no floor recorded in floors.json")
        elif rate.rate + 1e-9 < floor:
            problems.append(f"{rate.family}: {rate.passed}/{rate.total} = {rate.rate:.0%}, "
                            f"below its floor of {floor:.0%}")
    return problems


def table(found: Sequence[Rate], floors: Mapping[str, float] | None = None) -> str:
    """The pass rate per family and overall, as a text table."""
    width = max([len(r.family) for r in found] + [len("family")])
    head = f"{'family':{width}}  {'pass':>7}  {'rate':>5}"
    if floors is not None:
        head += f"  {'floor':>5}"
    lines = [head, "-" * len(head)]
    for rate in found:
        mark = " " if rate.rate >= GOAL else "*"
        line = f"{rate.family:{width}}  {rate.passed:>3}/{rate.total:<3}  {rate.rate:>5.0%}"
        if floors is not None:
            floor = floors.get(rate.family)
            line += f"  {floor:>5.0%}" if floor is not None else f"  {'-':>5}"
        lines.append(line + f" {mark}" + (" (negative)" if rate.negative else ""))
    passed, total = sum(r.passed for r in found), sum(r.total for r in found)
    reached = sum(r.rate >= GOAL for r in found)
    overall = passed / total if total else 0.0
    lines += ["-" * len(head),
              f"{'overall':{width}}  {passed:>3}/{total:<3}  {overall:>5.0%}",
              f"{reached} of {len(found)} families at {GOAL:.0%} or more (* marks the others)"]
    return "\n".join(lines)


def explain(outcomes: Sequence[Outcome]) -> str:
    """Each failing case: its text, what it missed or wrongly stated, and what was found."""
    parts = []
    for outcome in outcomes:
        if outcome.passed:
            continue
        case = outcome.case
        lines = [f"== {case.id} (template {case.template})"]
        lines += [f"   | {line}" for line in case.text.splitlines()]
        lines += [f"   missed:    {triple}" for triple in outcome.missed]
        lines += [f"   forbidden: {triple}  (found as {edge})" for triple, edge in outcome.stated]
        lines += [f"   found:     {edge}" for edge in outcome.found] or ["   found:     nothing"]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def to_json(outcomes: Sequence[Outcome], found: Sequence[Rate]) -> dict[str, Any]:
    """The rates and every case's outcome, as data."""
    return {
        "families": [{"family": r.family, "negative": r.negative, "passed": r.passed,
                      "total": r.total, "rate": round(r.rate, 4)} for r in found],
        "overall": {"passed": sum(r.passed for r in found),
                    "total": sum(r.total for r in found)},
        "cases": [{"id": o.case.id, "family": o.case.family, "template": o.case.template,
                   "passed": o.passed, "text": o.case.text,
                   "expected": [str(t) for t in o.case.expected],
                   "forbidden": [str(t) for t in o.case.forbidden],
                   "missed": [str(t) for t in o.missed],
                   "stated": [str(t) for t, _ in o.stated],
                   "found": [str(e) for e in o.found]} for o in outcomes],
    }
