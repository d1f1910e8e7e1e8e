"""Cleaning throughput: documents/s and MB/s for each HTML tree builder.

Cleans the sample corpus (the 59 Isomer pages in ../shared/corpus/isomer when present,
else the pages in tests/data/isomer), repeated until at least 20 MB of input, once per
Beautiful Soup tree builder, and prints a table with each builder's speed relative to
docgraph's default (lxml). A last row times bare ``BeautifulSoup(...).get_text()`` on
the same bodies, to show what keeping offsets costs.

    python benchmarks/bench_clean.py [CORPUS_DIR] [--megabytes 20]
"""

from __future__ import annotations

import argparse
import functools
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

from _common import corpus_dir
from docgraph.clean import clean
from docgraph.ingest import read
from docgraph.types import InputFormat, RawDocument


def load(corpus: Path, megabytes: float) -> tuple[list[RawDocument], int]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pages = [read(path) for path in sorted(corpus.glob("*.md"))]
    size = sum(len(page.text.encode(page.encoding)) for page in pages)
    repeat = max(1, int(megabytes * 1e6 // size) + 1)
    return pages * repeat, size * repeat


def timed(run: Callable[[RawDocument], object], pages: list[RawDocument]) -> float:
    start = time.perf_counter()
    for page in pages:
        run(page)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--megabytes", type=float, default=20.0)
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    pages, size = load(corpus, args.megabytes)
    html_pages = [p for p in pages if p.format in (InputFormat.HTML, InputFormat.HTML_PAGE)]
    print(f"corpus: {corpus} ({len(pages)} documents after repetition, "
          f"{size / 1e6:.1f} MB; {len(html_pages)} of them HTML)")
    rows = []
    for name in ("lxml", "html.parser"):
        seconds = timed(functools.partial(clean, html_parser=name), pages)
        rows.append((f"docgraph clean, {name}", len(pages), size, seconds))
    html_size = sum(len(p.text.encode(p.encoding)) for p in html_pages)
    seconds = timed(lambda page: BeautifulSoup(page.body, "lxml").get_text(), html_pages)
    rows.append(("bare BeautifulSoup(lxml).get_text(), HTML only", len(html_pages),
                 html_size, seconds))
    base = rows[0][2] / rows[0][3]
    print(f"{'run':50} {'docs/s':>9} {'MB/s':>7} {'vs lxml':>8}")
    for label, count, nbytes, seconds in rows:
        rate = nbytes / seconds
        print(f"{label:50} {count / seconds:9.1f} {rate / 1e6:7.2f} {rate / base:8.2f}")


if __name__ == "__main__":
    main()
