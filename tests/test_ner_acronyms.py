from __future__ import annotations

import pytest

from docgraph.names import looks_like_acronym
from docgraph.ner.acronyms import long_form_start


@pytest.mark.parametrize(("acronym", "words", "start"), [
    ("ITU", "as well as the International Telecommunication Union", 4),
    ("WG-AI", "through the Working Group on AI Governance", 2),
    ("UKSDEA", "signed the UK - Singapore Digital Economy Agreement", 2),
    ("AMS", "progress among ASEAN Member States", 2),
    ("DDaT", "Digital , Data and Technology", 0),
])
def test_long_forms_are_found(acronym: str, words: str, start: int) -> None:
    assert long_form_start(acronym, words.split()) == start


@pytest.mark.parametrize(("acronym", "words"), [
    ("KKMM", "of the Ministry of Communications and Multimedia Malaysia"),
    ("ITU", "Singapore and Thailand"),
])
def test_unrelated_words_are_not_a_long_form(acronym: str, words: str) -> None:
    assert long_form_start(acronym, words.split()) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("WG-AI", True), ("ADM2025", True), ("DDaT", True), ("ITU", True),
    ("Singapore", False), ("2024", False), ("A", False), ("e.g.", False),
])
def test_acronym_shape(text: str, expected: bool) -> None:
    assert looks_like_acronym(text) is expected
