"""Run the pipeline on several processes, with results in the order of the inputs.

Each worker process builds its pipeline once and takes a few documents at a time. The
parent yields their results in input order, so what is written is the same, byte for
byte, as with one process. At most two batches per worker are in flight, so memory does
not grow with the number of documents.

The workers are local processes (:func:`extract_in_processes`) or those of a Dask
cluster, on this machine or many (:func:`extract_on_cluster`). A worker's warnings are
raised again in the parent (a warning about the pipeline, such as a missing model,
once). A worker that dies (killed for memory, a crash in a library)
fails only the documents it was reading: its batch is read again one document at a
time, and a document that kills a worker again is reported as a failure.
"""

from __future__ import annotations

import importlib
import multiprocessing
import threading
import warnings
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from docgraph.clean import Failure
from docgraph.errors import (
    ConfigurationError,
    DocgraphWarning,
    InputError,
    ModelWarning,
    first_line,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from docgraph.cache import Cache
    from docgraph.pipeline import Extraction
    from docgraph.types import InputFile

CONNECT_TIMEOUT = "30s"
"""How long to try to reach a Dask scheduler before giving up."""

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


_lock = threading.Lock()  # a Dask worker may run tasks on several threads


def _run(settings: Settings, paths: Sequence[InputFile]) -> _Batch:
    """Extract a batch of documents in a worker process."""
    from docgraph.pipeline import extract_in_order

    # One batch at a time per process: the pipeline is shared, and so are warnings'
    # filters, which catch_warnings changes for the whole process.
    with _lock, warnings.catch_warnings(record=True) as caught:
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


class _Outcome(Protocol):
    """A batch's result to come: a local future, or a Dask one."""

    def result(self) -> _Batch: ...


class _Pool:
    """A process pool that can be started again after a worker died."""

    broken: tuple[type[BaseException], ...] = (BrokenProcessPool,)
    """What a future raises when the worker running it died."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        # "spawn": a fresh interpreter per worker, safe whatever threads the parent runs.
        self._context = multiprocessing.get_context("spawn")
        self.executor = ProcessPoolExecutor(jobs, mp_context=self._context)

    @property
    def slots(self) -> int:
        """How many batches to keep in flight: two per worker."""
        return 2 * self.jobs

    def restart(self) -> None:
        self.close()
        self.executor = ProcessPoolExecutor(self.jobs, mp_context=self._context)

    def close(self) -> None:
        # Waiting for the workers to exit: a pool left to stop on its own races with the
        # interpreter's exit (Python 3.11 then prints "Exception ignored in <module
        # 'threading'> ... Bad file descriptor" from the pool's manager thread).
        self.executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, settings: Settings, paths: Sequence[InputFile]) -> _Outcome:
        return self.executor.submit(_run, settings, paths)


class _DaskPool:
    """Batches sent to the workers of a Dask cluster (``dask.distributed``).

    Dask sends a task whose worker died to another worker, and gives up on it, with
    ``KilledWorker``, after a few deaths; that batch is then read one document at a time,
    as with local processes.
    """

    def __init__(self, scheduler: str, jobs: int) -> None:
        try:
            # Typed as Any: dask.distributed has no type hints.
            distributed: Any = importlib.import_module("distributed")
        except ImportError as exc:
            raise ConfigurationError("--scheduler needs dask.distributed: pip install "
                                     "'docgraph[cluster]'") from exc
        self.broken = (distributed.KilledWorker,)
        self.cluster: Any = None
        try:
            if scheduler == "local":
                # One thread per worker: spaCy's pipelines are not shared between threads.
                self.cluster = distributed.LocalCluster(
                    n_workers=jobs, threads_per_worker=1, processes=True,
                    dashboard_address=None)
                self.client: Any = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            if self.cluster is not None:
                self.cluster.close()
            raise ConfigurationError(f"cannot reach the Dask scheduler at {scheduler}: "
                                     f"{first_line(exc)}") from exc

    @property
    def slots(self) -> int:
        """Two batches per worker thread of the cluster (at least two in all)."""
        threads: int = sum(self.client.nthreads().values())
        return max(2, 2 * threads)

    def restart(self) -> None:
        """Nothing to do: Dask replaces a dead worker itself."""

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def submit(self, settings: Settings, paths: Sequence[InputFile]) -> _Outcome:
        # pure=False: the same paths read twice (a file changed) must run twice.
        future: _Outcome = self.client.submit(_run, settings, list(paths), pure=False)
        return future


def extract_in_processes(paths: Sequence[InputFile], settings: Settings, jobs: int
                         ) -> Iterator[Extraction | Failure]:
    """Extract ``paths`` on ``jobs`` worker processes; results in the order of ``paths``.

    Raises:
        ConfigurationError: If the pipeline cannot be built (an unknown model).
    """
    yield from _in_order(_Pool(jobs), paths, settings)


def extract_on_cluster(paths: Sequence[InputFile], settings: Settings, scheduler: str,
                       jobs: int = 2) -> Iterator[Extraction | Failure]:
    """Extract ``paths`` on a Dask cluster; results in the order of ``paths``.

    Args:
        paths: The documents, as paths every worker can read (a shared file system).
        settings: How to build the pipeline and read documents; a cache folder in it
            must be shared too.
        scheduler: The scheduler's address (``tcp://host:8786``), or ``local`` for a
            cluster of ``jobs`` worker processes on this machine.
        jobs: The workers of a ``local`` cluster.

    Raises:
        ConfigurationError: If dask.distributed is not installed, the scheduler cannot
            be reached or the pipeline cannot be built.
    """
    yield from _in_order(_DaskPool(scheduler, jobs), paths, settings)


def _in_order(pool: _Pool | _DaskPool, paths: Sequence[InputFile], settings: Settings
              ) -> Iterator[Extraction | Failure]:
    batches = [list(paths[i : i + BATCH]) for i in range(0, len(paths), BATCH)]
    pending: deque[tuple[list[InputFile], _Outcome]] = deque()
    upcoming = iter(batches)
    said: set[str] = set()

    def fill() -> None:
        while len(pending) < pool.slots:
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
            except pool.broken:
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


def _one_by_one(pool: _Pool | _DaskPool, settings: Settings, batch: list[InputFile],
                said: set[str]) -> Iterator[Extraction | Failure]:
    for item in batch:
        try:
            outcome = pool.submit(settings, [item]).result()
        except pool.broken:
            pool.restart()
            yield Failure(item.path, InputError(item.path, "the process reading it died "
                                                           "(out of memory, or a crash in "
                                                           "a library)"))
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
