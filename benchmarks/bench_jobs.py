"""A whole site on one core and on all: wall time, words/s, speed-up and memory.

Runs ``docgraph extract CORPUS`` with ``--jobs 1`` and with ``--jobs N`` (default: the
number of cores), each in a fresh process, checks that both write the same bytes, and
prints wall time, words/s, the speed-up over one job, and peak memory: the largest
single process and the whole process tree at its largest (sampled every 0.2 s from
/proc, Linux only).

    python benchmarks/bench_jobs.py [CORPUS_DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import corpus_dir

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree_rss(root: int) -> tuple[int, int]:
    """Resident bytes of ``root`` and its descendants: (largest process, whole tree)."""
    parents: dict[int, int] = {}
    resident: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            pages = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        resident[int(entry.name)] = pages * _PAGE
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    sizes = [resident.get(pid, 0) for pid in tree]
    return max(sizes, default=0), sum(sizes)


def _words(corpus: Path) -> int:
    from docgraph.clean import Failure, clean_paths

    return sum(len(d.text.split()) for d in clean_paths([corpus])
               if not isinstance(d, Failure))


def _extract(corpus: Path, output: Path, jobs: int) -> tuple[float, float, float]:
    """Seconds, peak MB of the largest process and of the whole tree."""
    command = [sys.executable, "-m", "docgraph", "extract", str(corpus), "--output",
               str(output), "--jobs", str(jobs), "--quiet"]
    peaks = [0, 0]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)

    def sample() -> None:
        while process.poll() is None:
            largest, total = _tree_rss(process.pid)
            peaks[0], peaks[1] = max(peaks[0], largest), max(peaks[1], total)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = process.wait()
    seconds = time.perf_counter() - start
    sampler.join()
    if code != 0:
        raise SystemExit(f"extract --jobs {jobs} exited {code}")
    return seconds, peaks[0] / 2**20, peaks[1] / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    words = _words(corpus)
    print(f"{corpus}: {words:,} words; {os.cpu_count()} cores")
    print(f"{'jobs':>4} {'seconds':>8} {'words/s':>8} {'speed-up':>8} "
          f"{'largest process':>16} {'all processes':>14}")
    written = {}
    first = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for jobs in sorted({1, args.jobs}):
            output = Path(folder) / f"jobs{jobs}"
            seconds, largest, total = _extract(corpus, output, jobs)
            first = first or seconds
            print(f"{jobs:>4} {seconds:>8.1f} {words / seconds:>8,.0f} "
                  f"{first / seconds:>7.2f}x {largest:>13,.0f} MB {total:>11,.0f} MB",
                  flush=True)
            written[jobs] = (output / "graph.ttl").read_bytes()
    same = len(set(written.values())) == 1
    print("outputs: " + ("the same bytes" if same else "DIFFERENT"))
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
