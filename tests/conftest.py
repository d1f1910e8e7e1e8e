"""Shared fixtures: cleaned documents of the seed and the sample pages."""

from __future__ import annotations

import pytest

from docgraph.clean import clean
from docgraph.ingest import read
from docgraph.types import Document
from helpers import CORPUS_PAGES, SEED


@pytest.fixture(scope="session")
def seed() -> Document:
    return clean(read(SEED))


@pytest.fixture(scope="session")
def corpus() -> dict[str, Document]:
    return {path.name: clean(read(path)) for path in CORPUS_PAGES}
