"""python -m tests.behaviour: the pass rate per family, the failures explained.

Run it from the repository root. Exit status: 0 whatever the rates (the floors are
checked by tests/test_behaviour.py), 1 with --check-floors when a family is below its
floor, 2 for a usage error or family data that cannot be expanded.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import (
    FamilyError,
    all_cases,
    below_floors,
    explain,
    load_families,
    load_floors,
    rates,
    run,
    table,
)
from .report import FLOORS, to_json, write_floors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.behaviour", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--explain", action="store_true",
                        help="list the failing cases: text, expected, forbidden, found")
    parser.add_argument("--family", action="append", default=[], metavar="TEXT",
                        help="only families whose name contains TEXT (repeatable)")
    parser.add_argument("--json", type=Path, metavar="FILE",
                        help="also write the rates and every case's outcome as JSON")
    parser.add_argument("--model", help="the spaCy model (default: docgraph's default)")
    parser.add_argument("--check-floors", action="store_true",
                        help="exit 1 if a family falls below its floor in floors.json")
    parser.add_argument("--raise-floors", action="store_true",
                        help="record today's rates in floors.json where they are higher "
                             "(only with every family)")
    parser.add_argument("--list", action="store_true",
                        help="print the generated cases and their triples, extract nothing")
    args = parser.parse_args(argv)
    out = sys.stdout.write

    try:
        families = load_families()
        cases = [c for c in all_cases() if not args.family
                 or any(text in c.family for text in args.family)]
    except FamilyError as exc:
        parser.exit(2, f"{parser.prog}: error: {exc}\n")
    negative = {f.name: f.negative for f in families}
    if not cases:
        parser.error("no family matches --family")
    if args.raise_floors and args.family:
        parser.error("--raise-floors needs every family")
    if args.list:
        for case in cases:
            out(f"== {case.id} (template {case.template})\n{case.text}")
            out("".join(f"   expect: {t}\n" for t in case.expected))
            out("".join(f"   forbid: {t}\n" for t in case.forbidden) + "\n")
        return 0

    from docgraph.ner import build_pipeline

    nlp = build_pipeline(args.model)
    start = time.perf_counter()
    outcomes = run(cases, nlp)
    seconds = time.perf_counter() - start
    found = rates(outcomes, negative)
    floors = load_floors() if FLOORS.exists() else None
    if args.explain:
        out(explain(outcomes) + "\n\n")
    out(table(found, floors) + "\n")
    out(f"{len(cases)} cases of {len(found)} families extracted in {seconds:.1f} s\n")
    if args.json:
        args.json.write_text(json.dumps(to_json(outcomes, found), indent=1) + "\n",
                             encoding="utf-8")
    if args.raise_floors:
        write_floors(found)
        out(f"floors recorded in {FLOORS}\n")
    if args.check_floors:
        problems = below_floors(found, floors or {})
        out("".join(f"below floor: {p}\n" for p in problems))
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
