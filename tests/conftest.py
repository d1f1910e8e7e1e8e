"""Shared fixtures: cleaned documents of the seed and the sample pages."""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, settings

from docgraph.clean import clean
from docgraph.ingest import read
from docgraph.types import Document
from helpers import CORPUS_PAGES, SEED

if TYPE_CHECKING:
    from spacy.language import Language

# Property tests run the same examples every time (`make test`, CI), so a run cannot fail
# by chance and nothing saved by an earlier run changes the next one. The deadline is
# loose enough for a loaded two-core machine and still catches a quadratic blow-up.
# HYPOTHESIS_PROFILE=explore draws new examples, twenty times as many, and keeps the
# failing ones in .hypothesis/ (hunt with it; a case it finds becomes an @example).
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=dt.timedelta(seconds=5),
    print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "explore", max_examples=2000,
    deadline=dt.timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seed() -> Document:
    return clean(read(SEED))


@pytest.fixture(scope="session")
def corpus() -> dict[str, Document]:
    return {path.name: clean(read(path)) for path in CORPUS_PAGES}


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline with the statistical model (tests marked ``model``)."""
    from docgraph.ner import build_pipeline, default_model

    if default_model() is None:
        pytest.fail("no statistical model installed; `make test` installs one")
    return build_pipeline()


@pytest.fixture(scope="session")
def corpus_extractions(nlp: Language) -> list[Any]:
    """What docgraph finds in the 59 sample pages (tests/data/isomer and isomer-more)."""
    from helpers import ALL_PAGES, extract

    return extract(ALL_PAGES, nlp)


@pytest.fixture(scope="session")
def corpus_graph(corpus_extractions: list[Any]) -> Any:
    """The 59 sample pages as one knowledge graph."""
    from docgraph.kg import from_extractions

    return from_extractions(corpus_extractions)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright (tests marked ``browser``)."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed at /usr/bin/chromium "
                    "(`make test` and .ci/run install it with apt-get)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                             args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every attempt to open a network connection, refused and recorded."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access attempted in a test")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts
