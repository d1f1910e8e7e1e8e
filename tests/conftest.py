"""Shared fixtures: cleaned documents of the seed and the sample pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from docgraph.clean import clean
from docgraph.ingest import read
from docgraph.types import Document
from helpers import CORPUS_PAGES, SEED

if TYPE_CHECKING:
    from spacy.language import Language


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
