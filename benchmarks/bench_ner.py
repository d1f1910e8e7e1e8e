"""Entity recognition speed, as a ratio against bare spaCy on the same text.

Cleans the sample corpus (../shared/corpus/isomer when present, else tests/data/isomer),
then in one process times, alternately and best of ``--repeat``:

- bare ``nlp.pipe`` of the statistical model over each document's text (its content
  blocks joined by blank lines, exactly what docgraph gives spaCy);
- docgraph's recogniser (:func:`docgraph.ner.recognise`) with the same model;
- the rules-only pipeline (no model).

It prints words/s and the ratio docgraph / bare (target >= 0.85), and the peak resident
memory of each configuration measured in a fresh process.

    python benchmarks/bench_ner.py [CORPUS_DIR] [--repeat 2]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from _common import (
    bare_seconds,
    corpus_dir,
    installed_model,
    load_documents,
    peak_rss,
    texts_of,
)


def run(kind: str, corpus: Path, model: str | None) -> float:
    """Process the corpus once with one configuration; return seconds."""
    from docgraph.ner import BLANK, build_pipeline, recognise

    if kind == "bare":
        return bare_seconds(corpus, model or "")
    documents = load_documents(corpus)
    pipeline = build_pipeline(BLANK if kind == "rules" else model)
    start = time.perf_counter()
    for _ in recognise(documents, pipeline):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    model = installed_model()
    # Peak memory first, while this process is still small.
    peaks = {kind: peak_rss(run, kind, corpus, model) for kind in ("bare", "docgraph", "rules")}
    documents = load_documents(corpus)
    words = sum(len(text.split()) for text in texts_of(documents))
    print(f"corpus: {corpus} ({len(documents)} documents, {words} words); model: {model}")
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for kind in ("bare", "docgraph", "rules"):
            seconds = run(kind, corpus, model)
            best[kind] = min(best.get(kind, seconds), seconds)
    print(f"{'run':38} {'words/s':>9} {'vs bare':>8} {'peak RSS MB':>12}")
    labels = {"bare": f"bare spaCy nlp.pipe ({model})", "docgraph": "docgraph recognise (model)",
              "rules": "docgraph recognise (rules only)"}
    for kind in ("bare", "docgraph", "rules"):
        rate = words / best[kind]
        ratio = best["bare"] / best[kind]
        print(f"{labels[kind]:38} {rate:9.0f} {ratio:8.2f} {peaks[kind]:12.0f}")


if __name__ == "__main__":
    main()
