"""A rerun over unchanged documents takes their extractions from the cache, with no NLP;
a changed document, or a changed pipeline, is extracted again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import docgraph.ner
from docgraph.cache import fingerprint
from docgraph.clean import Failure
from docgraph.cli import app
from docgraph.pipeline import Extraction, extract_paths
from docgraph.types import InputFile
from helpers import ISOMER, SEED

pytestmark = pytest.mark.model


def _pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(ISOMER.iterdir())[:3]:
        shutil.copy(page, folder / page.name)
    shutil.copy(SEED, folder / "seed.txt")
    return folder


def _entries(cache: Path) -> int:
    return sum(1 for _ in cache.rglob("*.pickle"))


def test_a_rerun_loads_no_model_and_gives_the_same_extractions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache = _pages(tmp_path), tmp_path / "cache"
    first = list(extract_paths([folder], cache=cache))
    assert _entries(cache) == 4

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(docgraph.ner, "build_pipeline", refuse)
    again = list(extract_paths([folder], cache=cache))
    assert again == first
    assert all(isinstance(result, Extraction) for result in again)


def test_a_changed_document_alone_is_extracted_again(tmp_path: Path) -> None:
    folder, cache = _pages(tmp_path), tmp_path / "cache"
    list(extract_paths([folder], cache=cache))
    seed = folder / "seed.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMr Tan Kiat How spoke.\n",
                    encoding="utf-8")
    results = list(extract_paths([folder], cache=cache))
    assert _entries(cache) == 5
    [changed] = [r for r in results if isinstance(r, Extraction) and
                 r.document.path.endswith("seed.txt")]
    assert "Tan Kiat How" in {e.name for e in changed.entities}


def test_the_fingerprint_follows_the_pipeline(tmp_path: Path) -> None:
    gazetteer = tmp_path / "extra.ttl"
    gazetteer.write_text("", encoding="utf-8")
    assert fingerprint() == fingerprint()
    assert fingerprint() != fingerprint(gazetteers=[gazetteer])
    assert fingerprint() != fingerprint(html_parser="html.parser")
    assert fingerprint() != fingerprint(model="blank")


def test_the_command_line_writes_the_same_graph_from_the_cache(tmp_path: Path) -> None:
    folder, cache = _pages(tmp_path), tmp_path / "cache"
    written = []
    for run in ("first", "again"):
        out = tmp_path / run
        result = CliRunner().invoke(app, ["extract", str(folder), "--output", str(out),
                                          "--cache", str(cache), "--jobs", "2",
                                          "--quiet"])
        assert result.exit_code == 0, result.output
        written.append((out / "graph.ttl").read_bytes())
    assert written[0] == written[1]
    assert _entries(cache) == 4


def test_with_workers_only_documents_not_in_the_cache_are_sent_to_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docgraph.workers

    folder, cache = _pages(tmp_path), tmp_path / "cache"
    first = list(extract_paths([folder], cache=cache, jobs=2, model="blank"))
    sent: list[list[str]] = []
    real = docgraph.workers.extract_in_processes

    def spy(paths: list[InputFile], *args: Any) -> Iterator[Extraction | Failure]:
        sent.append([item.path for item in paths])
        return real(paths, *args)

    monkeypatch.setattr(docgraph.workers, "extract_in_processes", spy)
    assert list(extract_paths([folder], cache=cache, jobs=2, model="blank")) == first
    assert sent == []  # no worker started
    seed = folder / "seed.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nMr Tan Kiat How spoke.\n",
                    encoding="utf-8")
    again = list(extract_paths([folder], cache=cache, jobs=2, model="blank"))
    assert sent == [[str(seed)]]
    for before, after in zip(first, again, strict=True):
        assert isinstance(before, Extraction)
        assert isinstance(after, Extraction)
        assert after.document.path == before.document.path
        assert (after == before) is (after.document.path != str(seed))


def test_a_rerun_from_the_cache_does_not_import_spacy(tmp_path: Path) -> None:
    import subprocess
    import sys

    folder, cache, out = _pages(tmp_path), tmp_path / "cache", tmp_path / "out"
    run = ["extract", str(folder), "-o", str(out), "--cache", str(cache), "--model",
           "blank", "--quiet"]
    assert CliRunner().invoke(app, run).exit_code == 0
    # A fresh interpreter: importing spaCy takes seconds, most of a cached rerun.
    script = ("import sys\nfrom docgraph.cli import app\n"
              f"try:\n    app({run!r})\nexcept SystemExit as exit:\n"
              "    assert not exit.code, exit.code\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=300)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cached_document_is_recorded_by_the_path_this_run_gives_it(
        tmp_path: Path, jobs: int) -> None:
    folder, cache = _pages(tmp_path), tmp_path / "cache"
    (folder / "news").mkdir()
    shutil.move(folder / "seed.txt", folder / "news" / "seed.txt")
    first = list(extract_paths([folder], cache=cache, jobs=jobs, model="blank"))
    again = list(extract_paths([folder / "news"], cache=cache, jobs=jobs, model="blank"))
    [seed] = [r for r in first if isinstance(r, Extraction) and r.document.path.endswith(
        "seed.txt")]
    [cached] = again
    assert isinstance(cached, Extraction)
    assert (seed.document.source_path, cached.document.source_path) == ("news/seed.txt",
                                                                        "seed.txt")
    assert cached.entities == seed.entities
