"""Does one long document cost more per word than a short one?

Builds one Markdown document from the sample corpus's pages, then the same text repeated
``--factors`` times, and runs docgraph's recognition, relations and resolution on each,
every size in a fresh process. Prints words/s, the ratio to the smallest size (a step
quadratic in a document's length shows as a ratio falling with the factor) and each
run's peak memory (which grows with the document only as far as spaCy's own ``Doc``
does: a document longer than the model's ``max_length`` is cut at block boundaries).

    python benchmarks/bench_scaling.py [CORPUS_DIR] [--pages 8] [--factors 1 4 16]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
import warnings
from pathlib import Path

from _common import corpus_dir, installed_model


def _measure(text: str, model: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from docgraph.clean import clean
    from docgraph.ingest import read_bytes
    from docgraph.ner import build_pipeline, recognise
    from docgraph.resolve import resolve_document

    warnings.simplefilter("ignore")
    nlp = build_pipeline(model)
    document = clean(read_bytes(text.encode("utf-8"), "long.md"))
    start = time.perf_counter()
    for analysis in recognise([document], nlp):
        resolve_document(document, analysis.mentions)
    seconds = time.perf_counter() - start
    queue.put((seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def run(text: str, model: str) -> tuple[float, float]:
    """Seconds and peak MB of recognising ``text`` as one document, in a fresh process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_measure, args=(text, model, queue))
    process.start()
    seconds, peak = queue.get()
    process.join()
    return float(seconds), float(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    model = installed_model()
    # The pages' bodies without front matter, joined as one document's sections.
    bodies = [path.read_text(encoding="utf-8").split("---", 2)[-1]
              for path in sorted(corpus.glob("*.md"))[: args.pages]]
    base = "\n\n".join(bodies)
    print(f"corpus: {corpus} ({args.pages} pages as one document); model: {model}")
    print(f"{'factor':>6} {'words':>9} {'seconds':>9} {'words/s':>9} {'vs 1st':>7} "
          f"{'peak RSS MB':>12}")
    first = None
    for factor in sorted(args.factors):
        text = "\n\n".join([base] * factor)
        words = len(text.split())
        seconds, peak = run(text, model)
        rate = words / seconds
        first = first or rate
        print(f"{factor:>6} {words:>9} {seconds:>9.2f} {rate:>9.0f} {rate / first:>7.2f} "
              f"{peak:>12.0f}")


if __name__ == "__main__":
    main()
