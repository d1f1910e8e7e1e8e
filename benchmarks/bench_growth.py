"""How time and memory grow with the number of documents: a site, then 10,000 pages.

    python benchmarks/bench_growth.py CORPUS_DIR --sizes 100 300 1157 [--model NAME]
    python benchmarks/bench_growth.py CORPUS_DIR --generate 10000 --sizes 1000 3000 10000

Each size runs in a fresh process, on one job: the first N documents (in name order) are
extracted, merged across documents and written as Turtle, as ``docgraph extract`` does.
The table gives each stage's time, words/s, the cost per word against the smallest size
(flat when no stage grows faster than the input), the merge's time per entity (flat when
the merge is linear) and the process's peak memory after extracting (what is held for
the merge), after merging and after writing the Turtle.

``--generate N`` first writes N pages made from the corpus's paragraphs, shuffled with a
fixed seed, each with its own title and date, and measures those; with it the model
defaults to ``blank`` (rules only: gazetteers, acronyms, titles, patterns), which runs
some ten times faster than the statistical model and so reaches 10,000 pages in minutes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import corpus_dir


def _run(paths: list[str], model: str | None, queue: multiprocessing.Queue[Any]) -> None:
    import warnings

    from docgraph.pipeline import Extraction, GraphWriter, Merger, extract_paths

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    warnings.simplefilter("ignore")
    # As `docgraph extract` does: each extraction is kept for the merge as its entities,
    # relations and the document's outline.
    merger, words = Merger(), 0
    start = time.perf_counter()
    for result in extract_paths(paths, model=model):
        if isinstance(result, Extraction):
            words += len(result.document.text.split())
            merger.add(result)
    extracted, peak_extract = time.perf_counter() - start, peak()
    start = time.perf_counter()
    merged = merger.merged()
    merging, peak_merge = time.perf_counter() - start, peak()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        GraphWriter(folder, "turtle").merged(merged)
        size = (Path(folder) / "graph.ttl").stat().st_size
    writing = time.perf_counter() - start
    queue.put({"documents": len(merger), "words": words, "extract": extracted,
               "merge": merging, "write": writing, "entities": len(merged.entities),
               "statements": len(merged.found), "bytes": size,
               "peak_extract": peak_extract, "peak_merge": peak_merge, "peak_mb": peak()})


def _result(worker: Any, queue: multiprocessing.Queue[Any]) -> dict[str, Any] | None:
    """The measuring process's row, or None if it died (a crash, the kernel's OOM killer)."""
    import queue as queues

    while True:
        try:
            row: dict[str, Any] = queue.get(timeout=5)
        except queues.Empty:
            if not worker.is_alive():
                worker.join()
                return None
            continue
        worker.join()
        return row


def _generate(corpus: list[Path], count: int, folder: Path) -> list[Path]:
    """``count`` Markdown pages of the corpus's paragraphs, shuffled with a fixed seed."""
    from docgraph.clean import clean
    from docgraph.ingest import read

    paragraphs = [block.text for path in corpus for block in clean(read(path)).content()
                  if len(block.text.split()) >= 8]
    chance = random.Random(1157)
    pages = []
    for number in range(count):
        body = "\n\n".join(chance.sample(paragraphs, k=min(12, len(paragraphs))))
        day = 1 + number % 28
        path = folder / f"page-{number:05d}.md"
        path.write_text(f"---\ntitle: Page {number}\ndate: 2024-{1 + number % 12:02d}-"
                        f"{day:02d}\n---\n\n{body}\n", encoding="utf-8")
        pages.append(path)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1157])
    parser.add_argument("--model", default=None)
    parser.add_argument("--generate", type=int, default=0)
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    pages = sorted(p for p in corpus.rglob("*") if p.suffix in {".md", ".html", ".txt"})
    model = args.model or ("blank" if args.generate else None)
    with tempfile.TemporaryDirectory() as scratch:
        if args.generate:
            pages = _generate(pages, args.generate, Path(scratch))
        context = multiprocessing.get_context("spawn")
        print(f"model: {model or 'the default'}; {len(pages)} documents available")
        print(f"{'docs':>6} {'words':>10} {'extract s':>10} {'words/s':>8} {'cost/word':>10}"
              f" {'merge s':>8} {'µs/entity':>10} {'write s':>8} {'entities':>9}"
              f" {'peak MB after extract, merge, write':>36}")
        first = None
        for size in args.sizes:
            queue: multiprocessing.Queue[Any] = context.Queue()
            worker = context.Process(target=_run, args=([str(p) for p in pages[:size]],
                                                        model, queue))
            worker.start()
            row = _result(worker, queue)
            if row is None:
                print(f"{size:>6} documents: the process died (exit status "
                      f"{worker.exitcode}); see the kernel's log", flush=True)
                continue
            cost = row["extract"] / max(row["words"], 1)
            first = first or cost
            print(f"{row['documents']:>6} {row['words']:>10,} {row['extract']:>10.1f} "
                  f"{row['words'] / row['extract']:>8,.0f} {cost / first:>9.2f}x "
                  f"{row['merge']:>8.2f} {1e6 * row['merge'] / max(row['entities'], 1):>10.0f} "
                  f"{row['write']:>8.2f} {row['entities']:>9,} {row['peak_extract']:>12,.0f}"
                  f"{row['peak_merge']:>12,.0f}{row['peak_mb']:>12,.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
