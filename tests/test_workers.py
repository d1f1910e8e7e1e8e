"""Several processes give the same output as one; a document over the size limit is
skipped with a warning and the batch goes on."""

from __future__ import annotations

import contextlib
import pickle
import shutil
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from docgraph.cli import app
from docgraph.errors import InputError, TooLargeError
from docgraph.ingest import read
from docgraph.types import InputFile
from helpers import ISOMER, SEED

runner = CliRunner()


@pytest.mark.model
def test_two_jobs_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs{jobs}"
        result = runner.invoke(app, ["extract", str(ISOMER), str(SEED), "--output",
                                     str(out), "--jobs", jobs, "--quiet"])
        assert result.exit_code == 0, result.output
        outputs[jobs] = (out / "graph.ttl").read_bytes()
    assert outputs["1"] == outputs["2"]


@pytest.mark.model
def test_an_unknown_model_on_many_jobs_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(ISOMER), "--output", str(tmp_path / "o"),
                                 "--jobs", "2", "--model", "no_such_model", "--quiet"])
    assert result.exit_code == 2
    assert "no_such_model" in result.output


@pytest.mark.model
def test_a_file_over_the_limit_is_skipped_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "huge.txt").write_text("Minister Teo spoke. " * 2000, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "--output", str(tmp_path / "o"),
                                 "--max-bytes", "20000", "--quiet"])
    assert result.exit_code == 0, result.output
    [warning] = [line for line in result.output.splitlines() if "huge.txt" in line]
    assert warning.startswith("docgraph: warning: ")
    assert "40.0 kB" in warning
    assert "20.0 kB" in warning
    assert "--max-bytes" in warning
    assert "1 skipped" in result.output
    assert "Teo" in (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")


def test_reading_refuses_a_file_over_the_limit_before_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(TooLargeError, match=r"1,001 bytes is over the limit of 1,000 bytes"):
        read(path, max_bytes=1000)
    assert read(path, max_bytes=1001).text == "x" * 1001


def test_input_errors_travel_between_processes() -> None:
    error = TooLargeError("a.html", "skipped: too large")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, TooLargeError)
    assert isinstance(copy, InputError)
    assert (copy.path, copy.reason, str(copy)) == (error.path, error.reason, str(error))


class _FakePool:
    """Runs batches in this process; a batch holding "crash" kills its "worker"."""

    restarts = 0
    broken = (BrokenProcessPool,)

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.slots = 2 * jobs

    def restart(self) -> None:
        _FakePool.restarts += 1

    def close(self) -> None:
        pass

    def submit(self, settings: object, paths: list[InputFile]) -> object:
        from concurrent.futures import Future

        from docgraph import workers

        future: Future[object] = Future()
        if any("crash" in item.path for item in paths):
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(workers._run(settings, paths))  # type: ignore[arg-type]
        return future


@pytest.mark.model
def test_a_dying_worker_fails_only_the_document_that_kills_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from docgraph import workers
    from docgraph.clean import Failure
    from docgraph.pipeline import Extraction

    names = ["a.txt", "b.txt", "crash.txt", "d.txt", "e.txt", "f.txt"]
    for name in names:
        (tmp_path / name).write_text(f"Minister Josephine Teo visited {name[0].upper()}"
                                     "ville.\n", encoding="utf-8")
    monkeypatch.setattr(workers, "_Pool", _FakePool)
    _FakePool.restarts = 0
    results = list(workers.extract_in_processes(
        [InputFile.named(str(tmp_path / n)) for n in names], workers.Settings(), jobs=2))
    assert [Path(r.path if isinstance(r, Failure) else r.document.path).name
            for r in results] == names
    [failure] = [r for r in results if isinstance(r, Failure)]
    assert failure.path.endswith("crash.txt")
    assert "died" in str(failure.error)
    assert sum(isinstance(r, Extraction) for r in results) == 5
    assert _FakePool.restarts == 2  # once for the batch, once for the document


@pytest.mark.model
def test_a_local_dask_cluster_gives_the_graph_of_one_process(
        corpus_extractions: list[Any]) -> None:
    from rdflib.compare import isomorphic

    from docgraph.pipeline import Extraction, extract_paths, merge
    from docgraph.rdf import to_dataset, union
    from helpers import ALL_PAGES, ROOT

    pytest.importorskip("distributed")
    with contextlib.chdir(ROOT):  # the paths as the single process was given them
        results = list(extract_paths([str(p.relative_to(ROOT)) for p in ALL_PAGES],
                                     scheduler="local", jobs=2))
    found = [r for r in results if isinstance(r, Extraction)]
    assert len(found) == len(corpus_extractions)
    assert [r.document.path for r in found] == [r.document.path for r in corpus_extractions]

    def graph(results: list[Any]) -> Any:
        batch = merge(results)
        return union(to_dataset(batch.entities, batch.documents, batch.found))

    alone, cluster = graph(corpus_extractions), graph(found)
    assert len(cluster) == len(alone) > 10_000
    assert isomorphic(cluster, alone)


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from docgraph import workers

    pytest.importorskip("distributed")
    monkeypatch.setattr(workers, "CONNECT_TIMEOUT", "1s")
    result = runner.invoke(app, ["extract", str(SEED), "--output", str(tmp_path / "o"),
                                 "--scheduler", "tcp://127.0.0.1:9", "--quiet"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr


def test_the_worker_processes_have_ended_when_the_last_result_is_in(tmp_path: Path) -> None:
    # A pool left to stop on its own raced with the interpreter's exit, which then printed
    # "Exception ignored in: <module 'threading'> ... Bad file descriptor".
    import multiprocessing
    import threading

    from docgraph import workers

    page = tmp_path / "a.txt"
    page.write_text("Singapore met Malaysia.\n", encoding="utf-8")
    results = list(workers.extract_in_processes([InputFile.named(str(page))],
                                                workers.Settings(model="blank"), jobs=2))
    assert len(results) == 1
    assert multiprocessing.active_children() == []
    assert not [thread for thread in threading.enumerate()
                if type(thread).__name__ == "_ExecutorManagerThread"]
