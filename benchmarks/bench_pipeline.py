"""End-to-end speed: clean + recognise + relations + graph + Turtle, against bare spaCy.

Times, in one process and best of ``--repeat``, (a) bare ``nlp.pipe`` of the model over
the cleaned text of the sample corpus and (b) docgraph's whole job on the same pages, as
``docgraph extract`` does it: cleaning, recognition, relations, resolution, the merge
across documents, the merged graph and its Turtle file. Prints words/s, the ratio, where
docgraph's time goes, the size of the Turtle per input word, and each run's peak memory
in a fresh process. What a notebook then pays to read the file back and build the
networkx graph is printed too, outside the ratio.

    python benchmarks/bench_pipeline.py [CORPUS_DIR] [--repeat 2]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

from _common import (
    bare_seconds,
    corpus_dir,
    installed_model,
    load_documents,
    peak_rss,
    texts_of,
)


def whole(corpus: Path, model: str) -> tuple[float, dict[str, float], int]:
    """What ``docgraph extract CORPUS -o OUT`` does, timed by phase; the Turtle's size."""
    from docgraph.ner import build_pipeline
    from docgraph.pipeline import Extraction, GraphWriter, Merger, extract_paths
    from docgraph.rdf import read, to_networkx, union

    nlp = build_pipeline(model)
    phases: dict[str, float] = {}
    merger = Merger()
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for result in extract_paths([corpus], nlp=nlp, include=["*.md"]):
            if isinstance(result, Extraction):
                merger.add(result)
    phases["clean + recognise + relations + resolve"] = time.perf_counter() - start
    mark = time.perf_counter()
    merged = merger.merged()
    phases["merge across documents"] = time.perf_counter() - mark
    with tempfile.TemporaryDirectory() as folder:
        mark = time.perf_counter()
        written = GraphWriter(folder, "turtle").merged(merged)
        phases["RDF graph and its Turtle"] = time.perf_counter() - mark
        seconds = time.perf_counter() - start
        size = written.path.stat().st_size
        # Not part of extract: what a notebook pays to read the file and look at it.
        mark = time.perf_counter()
        graph = read(written.path)
        phases["(then) reading the Turtle back"] = time.perf_counter() - mark
        mark = time.perf_counter()
        to_networkx(union(graph))
        phases["(then) networkx graph from it"] = time.perf_counter() - mark
    return seconds, phases, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    model = installed_model()
    # Peak memory first, while this process is still small.
    peaks = {"bare": peak_rss(bare_seconds, corpus, model),
             "docgraph": peak_rss(whole, corpus, model)}
    words = sum(len(text.split()) for text in texts_of(load_documents(corpus)))
    best_bare = best_whole = float("inf")
    phases: dict[str, float] = {}
    size = 0
    for _ in range(args.repeat):
        best_bare = min(best_bare, bare_seconds(corpus, model))
        seconds, run_phases, size = whole(corpus, model)
        if seconds < best_whole:
            best_whole, phases = seconds, run_phases
    print(f"corpus: {corpus} ({words} words); model: {model}")
    print(f"{'run':44} {'words/s':>9} {'vs bare':>8} {'peak RSS MB':>12}")
    print(f"{'bare spaCy nlp.pipe':44} {words / best_bare:9.0f} {1.0:8.2f} {peaks['bare']:12.0f}")
    print(f"{'docgraph end to end':44} {words / best_whole:9.0f} "
          f"{best_bare / best_whole:8.2f} {peaks['docgraph']:12.0f}")
    for phase, seconds in phases.items():
        print(f"  {phase:42} {seconds:7.2f} s")
    print(f"Turtle: {size / 1e6:.2f} MB, {size / words:.0f} bytes per input word")


if __name__ == "__main__":
    main()
