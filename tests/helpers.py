"""Paths of the test data and small helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

from docgraph.clean import clean
from docgraph.ingest import read_bytes
from docgraph.types import Document

DATA = Path(__file__).parent / "data"
ISOMER = DATA / "isomer"
SEED = Path(__file__).parent.parent / "seeds" / "000_adf2444e3d603679.txt"
CORPUS_PAGES = sorted(ISOMER.glob("*.md"))


def clean_text(text: str, name: str = "test.html", html_parser: str = "lxml") -> Document:
    """Clean a document given as a string; the name only labels it."""
    return clean(read_bytes(text.encode("utf-8"), name), html_parser=html_parser)
