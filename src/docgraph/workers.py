"""Run the pipeline on several processes, with results in the order of the inputs.

Each worker process builds its pipeline once and takes a few documents at a time. The
parent yields their results in input order, so what is written is the same, byte for
byte, as with one process. At most two batches per worker are in flight, so memory does
not grow with the number of documents.

A worker's warnings are raised again in the parent (a warning about the pipeline, such
as a missing model, once). A worker that dies (killed for memory, a crash in a library)
fails only the documents it was reading: its batch is read again one document at a
time, and a document that kills a worker again is reported as a failure.
"""

from __future__ import annotations

import multiprocessing
import warnings
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docgraph.clean import Failure
from docgraph.errors import ConfigurationError, DocgraphWarning, InputError, ModelWarning

if TYPE_CHECKING:
    from spacy.language import Language

    from docgraph.cache import Cache
    from docgraph.pipeline import Extraction

BATCH = 4
"""Documents a worker takes at a time: enough for spaCy's batching, few enough that the
last batches keep every worker busy."""


@dataclass(frozen=True, slots=True)
class Settings:
    """What a worker needs to build its pipeline and read documents."""

    model: str | None = None
    gazetteers: tuple[str, ...] = ()
    html_parser: str = "lxml"
    max_bytes: int | None = None
    cache: Cache | None = None


@dataclass(frozen=True, slots=True)
class _Batch:
    results: list[Extraction | Failure] = field(default_factory=list)
    warnings: list[tuple[type[Warning], str]] = field(default_factory=list)
    configuration: str | None = None
    """A configuration error's message: the pipeline cannot be built at all."""


_pipeline: Language | None = None  # one per worker process, built when first needed


def _run(settings: Settings, paths: Sequence[str]) -> _Batch:
    """Extract a batch of documents in a worker process."""
    from docgraph.pipeline import extract_in_order

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DocgraphWarning)
        try:
            results = list(extract_in_order(
                paths, lambda: _worker_pipeline(settings), html_parser=settings.html_parser,
                max_bytes=settings.max_bytes, store=settings.cache))
        except ConfigurationError as exc:
            return _Batch(configuration=str(exc))
    said: list[tuple[type[Warning], str]] = [
        (w.category, str(w.message)) for w in caught
        if issubclass(w.category, DocgraphWarning)]
    return _Batch(results, said)


def _worker_pipeline(settings: Settings) -> Language:
    global _pipeline  # the worker's pipeline lives as long as the worker
    if _pipeline is None:
        from docgraph.ner import build_pipeline

        _pipeline = build_pipeline(settings.model, gazetteers=settings.gazetteers)
    return _pipeline


class _Pool:
    """A process pool that can be started again after a worker died."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        # "spawn": a fresh interpreter per worker, safe whatever threads the parent runs.
        self._context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(jobs, mp_context=self._context)

    def restart(self) -> None:
        self.close()
        self.executor = ProcessPoolExecutor(self.jobs, mp_context=self._context)

    def close(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

    def submit(self, settings: Settings, paths: Sequence[str]) -> Future[_Batch]:
        return self.executor.submit(_run, settings, paths)


def extract_in_processes(paths: Sequence[str], settings: Settings, jobs: int
                         ) -> Iterator[Extraction | Failure]:
    """Extract ``paths`` on ``jobs`` worker processes; results in the order of ``paths``.

    Raises:
        ConfigurationError: If the pipeline cannot be built (an unknown model).
    """
    batches = [list(paths[i : i + BATCH]) for i in range(0, len(paths), BATCH)]
    pool = _Pool(jobs)
    pending: deque[tuple[list[str], Future[_Batch]]] = deque()
    upcoming = iter(batches)
    said: set[str] = set()

    def fill() -> None:
        while len(pending) < 2 * jobs:
            batch = next(upcoming, None)
            if batch is None:
                return
            pending.append((batch, pool.submit(settings, batch)))

    try:
        fill()
        while pending:
            batch, future = pending.popleft()
            try:
                outcome = future.result()
            except BrokenProcessPool:
                # Which document killed the worker is unknown: start again, and read this
                # batch one document at a time; the others in flight are sent again.
                pool.restart()
                waiting = [b for b, _ in pending]
                pending.clear()
                yield from _one_by_one(pool, settings, batch, said)
                pending.extend((b, pool.submit(settings, b)) for b in waiting)
                fill()
                continue
            yield from _delivered(outcome, said)
            fill()
    finally:
        pool.close()


def _one_by_one(pool: _Pool, settings: Settings, batch: list[str], said: set[str]
                ) -> Iterator[Extraction | Failure]:
    for path in batch:
        try:
            outcome = pool.submit(settings, [path]).result()
        except BrokenProcessPool:
            pool.restart()
            yield Failure(path, InputError(path, "the process reading it died (out of "
                                                 "memory, or a crash in a library)"))
            continue
        yield from _delivered(outcome, said)


def _delivered(outcome: _Batch, said: set[str]) -> Iterator[Extraction | Failure]:
    if outcome.configuration is not None:
        raise ConfigurationError(outcome.configuration)
    for category, message in outcome.warnings:
        if issubclass(category, ModelWarning):
            if message in said:
                continue  # every worker says it once; the user needs it once
            said.add(message)
        warnings.warn(message, category, stacklevel=2)
    yield from outcome.results
