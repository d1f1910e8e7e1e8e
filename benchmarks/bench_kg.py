"""The notebook API and the ready-made queries on a site-sized graph: files against a store.

    python benchmarks/bench_kg.py GRAPH [STORE] [--repeat 3]

GRAPH is what ``docgraph extract -o`` wrote (a graph file or its folder), STORE what
``docgraph extract --store`` wrote from the same documents. Each is measured in a
process of its own, so that each peak memory is its own: ``docgraph.load`` or
``docgraph.open``, then every query of ``queries/`` (through ``kg.sparql``), then
``kg.chairs()``, ``kg.relations(entity=...)`` for the most connected entity,
``kg.neighbours(...)`` of it, ``kg.provenance(...)`` of one of its relations and
``queries/provenance.rq`` with that relation in its VALUES (the names it ships with may
not be in the graph). The networkx graph the calls share is built first, and timed on
its own; for each call, the first time and the best of ``--repeat`` runs. With a store,
the last column is how many times faster the store answers.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUERY_DIR = Path(__file__).parent.parent / "queries"
QUERIES = sorted(QUERY_DIR.glob("*.rq"))


class _OverBudgetError(BaseException):  # not Exception: docgraph wraps those
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _OverBudgetError


def _timed(job: Callable[[], object], repeat: int, budget: float
           ) -> tuple[float, float, int]:
    """First time, best time and rows; (budget, budget, -1) for a call over budget.

    rdflib's engine takes many minutes over some queries on a site's graph: a call is
    stopped after ``budget`` seconds, and reported as taking at least that.
    """
    times, size = [], 0
    signal.signal(signal.SIGALRM, _alarm)
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            result = job()
        except _OverBudgetError:
            return budget, budget, -1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - start)
        size = len(result) if hasattr(result, "__len__") else 0
    return times[0], min(times), size


def _measure(source: Path, hub: str | None, repeat: int, budget: float
             ) -> dict[str, object]:
    """Everything, on one side; printed as JSON for the parent."""
    import docgraph

    start = time.perf_counter()
    kg = docgraph.load(source)
    opened = time.perf_counter() - start
    rows: dict[str, tuple[float, float, int]] = {}
    rows["kg.to_networkx() (built on first use)"] = _timed(kg.to_networkx, 1, budget)
    for path in QUERIES:
        query = path.read_text(encoding="utf-8")
        rows[f"queries/{path.name}"] = _timed(functools.partial(kg.sparql, query), repeat,
                                               budget)
    rows["kg.chairs()"] = _timed(kg.chairs, repeat, budget)
    name = hub or kg.resolve_label(kg.relations()["subject"].value_counts().index[0])
    rows[f"kg.relations(entity={name!r})"] = _timed(lambda: kg.relations(entity=name),
                                                    repeat, budget)
    rows[f"kg.neighbours({name!r})"] = _timed(lambda: kg.neighbours(name), repeat, budget)
    row = kg.relations(entity=name).iloc[0]
    rows["kg.provenance(one relation)"] = _timed(lambda: kg.provenance(row), repeat,
                                                 budget)
    asked = _about(row)
    rows["queries/provenance.rq of that relation"] = _timed(
        functools.partial(kg.sparql, asked), repeat, budget)
    return {"open": opened, "rows": rows, "hub": name, "triples": len(kg),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _about(statement: Any) -> str:
    """``queries/provenance.rq`` asking about one row of ``kg.relations()``."""
    from rdflib import Literal

    from docgraph.vocab import DG

    query = (QUERY_DIR / "provenance.rq").read_text(encoding="utf-8")
    names = (f"({Literal(statement['subject_label']).n3()} "
             f"{DG[statement['relation']].n3()} {Literal(statement['object_label']).n3()})")
    asked, found = re.subn(r"(VALUES \(\?subjectName \?relation \?objectName\)) \{.*\}",
                           lambda match: f"{match[1]} {{ {names} }}", query)
    if found != 1:
        raise SystemExit("queries/provenance.rq no longer has the VALUES line this expects")
    return asked


def _child(source: Path, hub: str | None, repeat: int, budget: float) -> dict[str, object]:
    command = [sys.executable, __file__, str(source), "--child", "--repeat", str(repeat),
               "--budget", str(budget)]
    if hub:
        command += ["--hub", hub]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"measuring {source} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path)
    parser.add_argument("store", type=Path, nargs="?")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=120.0,
                        help="Stop a call after this many seconds (default 120).")
    parser.add_argument("--hub", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.graph, args.hub, args.repeat, args.budget)))
        return
    store = _child(args.store, None, args.repeat, args.budget) if args.store else None
    files = _child(args.graph, store["hub"] if store else None,  # type: ignore[arg-type]
                   args.repeat, args.budget)
    sides = [("files", files)] + ([("store", store)] if store else [])
    print(f"{files['triples']:,} triples; first call / best of {args.repeat}, seconds")
    header = f"{'':44}" + "".join(f"{name:>20}" for name, _ in sides)
    print(header + ("   files/store" if store else ""))
    print(f"{'load / open':44}" + "".join(f"{side['open']:>20.2f}" for _, side in sides)
          + (f"{files['open'] / store['open']:>13.1f}x" if store else ""))  # type: ignore[operator]
    for label, (first, best, size) in files["rows"].items():  # type: ignore[attr-defined]
        cells = f"{first:>9.3f} /{best:>7.3f}  " if size >= 0 else f"over {first:.0f} s  "
        line = f"{label[:44]:44}{cells:>20}"
        if store:
            s_first, s_best, s_size = store["rows"][label]  # type: ignore[index]
            line += f"{s_first:>9.3f} /{s_best:>7.3f}  "
            line += f"{best / max(s_best, 1e-6):>12.1f}x" + ("+" if size < 0 else "")
            if s_size != size and size >= 0:
                line += f"  rows differ: {size} vs {s_size}"
        print(line + f"  ({size} rows)")
    print("peak memory, MB" + "".join(f"{side['peak_mb']:>20,.0f}" for _, side in sides)
          .rjust(len(header) - 15))


if __name__ == "__main__":
    main()
