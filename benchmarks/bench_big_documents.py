"""What one very large document costs: time per word and peak memory, end to end.

Builds documents from the sample corpus's pages: plain text of ``--sizes`` megabytes, an
HTML page of the same text in one paragraph, and an HTML page of deeply nested
``<div>`` elements. Each runs through ``docgraph extract`` in a fresh process, as does
a batch of ordinary pages (the baseline): words/s, the ratio of time per word to the
baseline's (1.0 is as cheap per word as a normal page; a step quadratic in a document's
length shows as a ratio growing with the size) and the process's peak RSS.

    python benchmarks/bench_big_documents.py [CORPUS_DIR] [--sizes 2 20] [--nested 100000]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import corpus_dir

_TAG = re.compile(r"<[^>]+>")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _page_texts(corpus: Path) -> list[str]:
    texts = []
    for path in sorted(corpus.rglob("*")):
        if path.suffix in (".md", ".html", ".txt") and path.is_file():
            text = _TAG.sub(" ", _FRONT.sub("", path.read_text("utf-8", errors="replace")))
            texts.append(re.sub(r"[ \t]+", " ", text).strip())
    return texts


def _text_of(texts: list[str], megabytes: float) -> str:
    wanted = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < wanted:
        for text in texts:
            parts.append(text)
            size += len(text) + 2
            if size >= wanted:
                break
    return "\n\n".join(parts)[:wanted]


def _extract(paths: list[Path], output: Path) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) and the error line, if any, of one ``docgraph extract``."""
    command = [sys.executable, "-m", "docgraph", "extract", *map(str, paths), "--output",
               str(output), "--jobs", "1", "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    assert process.stderr is not None
    errors = [line for line in process.stderr if "error:" in line]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    failed = errors[0].strip() if errors else \
        f"exit {os.waitstatus_to_exitcode(status)}" if status else ""
    return seconds, usage.ru_maxrss / 1024, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--sizes", type=float, nargs="+", default=[2.0, 20.0],
                        help="document sizes in MB")
    parser.add_argument("--nested", type=int, default=100_000,
                        help="depth of the nested-<div> page (0: none)")
    parser.add_argument("--baseline-pages", type=int, default=60)
    args = parser.parse_args()
    texts = _page_texts(corpus_dir(args.corpus))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        baseline = root / "pages"
        baseline.mkdir()
        for number, text in enumerate(texts[: args.baseline_pages]):
            (baseline / f"{number:04d}.txt").write_text(text, encoding="utf-8")
        cases: list[tuple[str, list[Path], int]] = [
            (f"{len(texts[: args.baseline_pages])} ordinary pages", [baseline],
             sum(len(t.split()) for t in texts[: args.baseline_pages]))]
        for megabytes in args.sizes:
            text = _text_of(texts, megabytes)
            words = len(text.split())
            plain = root / f"text-{megabytes:g}mb.txt"
            plain.write_text(text, encoding="utf-8")
            cases.append((f"{megabytes:g} MB text", [plain], words))
            page = root / f"paragraph-{megabytes:g}mb.html"
            flat = " ".join(text.split())
            page.write_text(f"<html><body><p>{flat}</p></body></html>", encoding="utf-8")
            cases.append((f"{megabytes:g} MB HTML, one paragraph", [page], words))
        if args.nested:
            body = "<div>" * args.nested + "Minister Josephine Teo chaired the meeting." + \
                "</div>" * args.nested
            nested = root / "nested.html"
            nested.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
            cases.append((f"{args.nested:,} nested <div>s", [nested], 6))
        print(f"{'document':34} {'words':>10} {'seconds':>8} {'words/s':>8} "
              f"{'cost/word':>9} {'peak RSS':>9}")
        base_rate = 0.0
        for index, (name, paths, words) in enumerate(cases):
            seconds, peak, failed = _extract(paths, root / f"out{index}")
            if failed:  # refused, as a page nested too deeply is: say so, and how fast
                print(f"{name:34} {'':>10} {seconds:>8.1f} {'':>8} {'':>9} "
                      f"{peak:>7,.0f} MB  {failed}", flush=True)
                continue
            rate = words / seconds
            base_rate = base_rate or rate
            print(f"{name:34} {words:>10,} {seconds:>8.1f} {rate:>8,.0f} "
                  f"{base_rate / rate:>8.2f}x {peak:>7,.0f} MB", flush=True)
    print("cost/word: time per word against the ordinary pages' (process start-up "
          "included, so small inputs read high)")


if __name__ == "__main__":
    main()
