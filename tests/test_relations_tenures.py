"""Tenures dated by the sentences around them (``docgraph.relations.tenures``).

Pages written for these tests (with the model).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.model


def _rows(tmp_path: Path, body: str) -> dict[str, tuple[str, str, str]]:
    from docgraph.kg import extract

    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Appointment of New Chairman\ndate: 2023-05-10\n---\n\n" + body,
                    encoding="utf-8")
    chairs = extract(page).chairs()
    return {str(row.holder): (str(row.start or ""), str(row.end or ""), str(row.dated_by))
            for row in chairs.itertuples()}


def test_the_next_sentence_dates_the_appointment_and_the_successor_ends_the_outgoing(
        tmp_path: Path) -> None:
    rows = _rows(tmp_path, "The Minister has appointed Ms Anna Berg as Chairman of the "
                           "Harbour Arts Council. Her appointment will take effect from 1 July "
                           "2023. Ms Berg succeeds Mr Paul Otis, who steps down as Chairman of "
                           "the Harbour Arts Council after six years.\n")
    assert rows["Anna Berg"][:1] == ("2023-07-01",)
    assert rows["Anna Berg"][2] == "context"
    assert rows["Paul Otis"][1:] == ("2023-07-01", "context")


def test_a_successor_dated_in_its_own_sentence_ends_the_outgoing(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "The Ministry announced Mr Omar Haddad's appointment as Chairman "
                           "of the Harbour Library Board (HLB) with effect from 1 January "
                           "2024.\n\nMr Haddad will succeed Mr Ivan Petrov as HLB's new "
                           "Chairman.\n")
    assert rows["Omar Haddad"] == ("2024-01-01", "", "sentence")
    assert rows["Ivan Petrov"][1:] == ("2024-01-01", "context")


def test_without_a_successor_the_outgoing_ends_on_the_page_date(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "Mr Ivan Petrov steps down as Chairman of the Harbour Arts Council. "
                           "We thank him for his service.\n")
    assert rows["Ivan Petrov"][1:] == ("2023-05-10", "sentence")


def test_a_year_in_a_works_name_dates_nothing(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "The Harbour Arts Council launched the Harbour Arts Masterplan 2030, "
                           "which the council has implemented under Mr Ivan Petrov’s "
                           "chairmanship.\n")
    assert rows["Ivan Petrov"] == ("2023-05-10", "", "page")
