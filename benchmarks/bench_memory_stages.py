"""Where one document's memory goes: peak and current RSS after each stage.

    python benchmarks/bench_memory_stages.py FILE

Cleans FILE alone, then loads the pipeline, extracts FILE (clean, recognise, relations,
resolve), merges it and writes its Turtle, printing after each stage the process's peak
RSS so far and the RSS it holds at that moment (Linux), with the counts of blocks,
mentions, entities and statements.
A stage that holds on to what it no longer needs shows as current RSS that stays high.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

_PAGE = resource.getpagesize()


def _report(stage: str, started: float, extra: str = "") -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    current = int(Path("/proc/self/statm").read_text().split()[1]) * _PAGE / 2**20
    print(f"{stage:12} {time.perf_counter() - started:8.1f} s   peak {peak:7,.0f} MB   "
          f"now {current:7,.0f} MB   {extra}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    from docgraph import ingest
    from docgraph.clean import Failure, clean
    from docgraph.graph import from_extractions
    from docgraph.ner import build_pipeline
    from docgraph.pipeline import GraphWriter, extract_paths

    started = time.perf_counter()
    # Cleaning alone first, so that its peak is its own; extract_paths cleans again.
    document = clean(ingest.read(args.file))
    _report("cleaned", started, f"{len(document.blocks):,} blocks")
    del document
    nlp = build_pipeline()
    _report("model", started)
    [result] = list(extract_paths([args.file], nlp=nlp))
    if isinstance(result, Failure):
        raise SystemExit(str(result.error))
    _report("extracted", started, f"{len(result.mentions):,} mentions, "
                                  f"{len(result.entities):,} entities")
    merged, found = from_extractions([(result.entities, result.relations)])
    _report("merged", started, f"{len(merged):,} nodes, {len(found):,} statements")
    with tempfile.TemporaryDirectory() as folder:
        GraphWriter(folder, "turtle").merged([result])
        _report("written", started)


if __name__ == "__main__":
    main()
