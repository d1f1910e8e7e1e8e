"""Incremental runs: a first run into an empty cache, a rerun, and a rerun with new pages.

Copies the corpus (all of it, or the first ``--pages``) to a temporary folder, then
times ``docgraph extract --cache`` three times, each in a fresh process: into an empty
cache, again over the same files (no NLP at all), and after ``--added`` new pages
(copies of corpus pages with one sentence changed). Prints the seconds of each run, the
speed-up of the rerun over the first run, and the outputs' sizes; the rerun must write
the same bytes as the first run.

    python benchmarks/bench_cache.py [CORPUS_DIR] [--pages N] [--added 10] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import corpus_dir


def _extract(folder: Path, output: Path, cache: Path, jobs: int) -> float:
    command = [sys.executable, "-m", "docgraph", "extract", str(folder), "--output",
               str(output), "--cache", str(cache), "--jobs", str(jobs), "--quiet"]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--pages", type=int, default=0, help="0: the whole corpus")
    parser.add_argument("--added", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    source = corpus_dir(args.corpus)
    pages = sorted(p for p in source.rglob("*") if p.is_file() and
                   p.suffix in (".md", ".html", ".txt"))
    chosen = pages[: args.pages] if args.pages else pages
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        corpus = root / "corpus"
        for page in chosen:
            target = corpus / page.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
        cache = root / "cache"
        first = _extract(corpus, root / "first", cache, args.jobs)
        print(f"{len(chosen)} pages, --jobs {args.jobs}")
        print(f"first run, empty cache   {first:7.1f} s")
        again = _extract(corpus, root / "again", cache, args.jobs)
        same = (root / "first" / "graph.ttl").read_bytes() == \
            (root / "again" / "graph.ttl").read_bytes()
        print(f"rerun, nothing changed   {again:7.1f} s   {first / again:5.1f}x faster; "
              f"output {'the same bytes' if same else 'DIFFERENT'}")
        added = corpus / "added"
        added.mkdir()
        for number, page in enumerate(chosen[: args.added]):
            text = page.read_text("utf-8", errors="replace")
            (added / f"new-{number}{page.suffix}").write_text(
                text + f"\n\nThis page was added to the batch as page {number}.\n",
                encoding="utf-8")
        more = _extract(corpus, root / "more", cache, args.jobs)
        print(f"rerun, {args.added} pages added     {more:7.1f} s")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
