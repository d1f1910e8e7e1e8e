"""The notebook API on a site-sized graph: load, then each common question, timed.

    python benchmarks/bench_kg.py GRAPH [--repeat 3]

Loads a graph ``docgraph extract`` wrote (``docgraph.load``), then times
``kg.chairs()``, ``kg.relations(...)`` for the most connected entity,
``kg.neighbours(...)`` of it and ``kg.provenance(...)`` of a relation, and prints the
peak memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path


def _timed(label: str, job: Callable[[], object], repeat: int) -> None:
    best = float("inf")
    size = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
        size = len(result) if hasattr(result, "__len__") else 0
    print(f"{label:44} {best:8.2f} s   {size:>6} rows", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("graph", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import docgraph

    start = time.perf_counter()
    kg = docgraph.load(args.graph)
    print(f"{'docgraph.load':44} {time.perf_counter() - start:8.2f} s")
    relations = kg.relations()
    hub = relations["subject"].value_counts().index[0]
    name = kg.resolve_label(hub)
    row = relations[relations["subject"] == hub].iloc[0]
    _timed("kg.chairs()", kg.chairs, args.repeat)
    _timed(f"kg.relations(entity={name!r})", lambda: kg.relations(entity=name),
           args.repeat)
    _timed(f"kg.neighbours({name!r})", lambda: kg.neighbours(name), args.repeat)
    _timed("kg.provenance(one relation)", lambda: kg.provenance(row), args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main()
