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


def test_a_successors_older_role_is_not_the_one_taken_over(tmp_path: Path) -> None:
    rows = _rows(tmp_path, "The Minister has appointed Ms Anna Berg as Chairman of the "
                           "Harbour Arts Council. Her appointment will take effect from 1 July "
                           "2023. Ms Berg succeeds Mr Paul Otis, who steps down as Chairman of "
                           "the Harbour Arts Council after six years.\n\nMs Berg has also "
                           "chaired the Harbour Tech Sub-Committee since 1 April 2021.\n")
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


def test_a_meetings_own_dates_beat_the_sentences_this_year(tmp_path: Path) -> None:
    from docgraph.kg import extract

    page = tmp_path / "meeting.md"
    page.write_text("---\ntitle: Harbour Ministers Meeting\ndate: 2019-06-26\n---\n\n"
                    "The 3rd Harbour Ministers Meeting was held in Oslo on 25 and 26 June "
                    "2019.\n\nThis year, Norway chaired the 3rd Harbour Ministers Meeting.\n",
                    encoding="utf-8")
    chairs = extract(page).chairs()
    row = chairs[chairs["holder"] == "Norway"].iloc[0]
    assert (str(row["start"]), str(row["end"]), row["dated_by"]) == (
        "2019-06-25", "2019-06-26", "meeting")


def test_a_chair_taken_over_has_no_end_and_an_outgoing_chair_names_its_series(
        tmp_path: Path) -> None:
    from docgraph.kg import extract

    page = tmp_path / "remarks.md"
    page.write_text("---\ntitle: Remarks by Minister Anna Berg\ndate: 2025-01-16\n---\n\n"
                    "The Harbour Digital Ministers Meeting (HDMM) met. As the outgoing Chair, "
                    "I thank my fellow Ministers for their support during Norway's HDMM "
                    "Chairmanship in 2024.\n\nAt the 5th HDMM on 16 to 17 January 2025, "
                    "Norway handed over the HDMM Chairmanship to Chile.\n",
                    encoding="utf-8")
    chairs = extract(page).chairs()
    taken = chairs[chairs["role"] == "next chair"]
    assert list(taken["holder"]) == ["Chile"]
    assert list(taken["end"]) == [None]
    # The outgoing chair's is the chairmanship its sentence names, not the page's meeting.
    outgoing = chairs[(chairs["holder"] == "Norway") & (chairs["role"] == "chair")]
    assert list(outgoing["meeting"]) == ["Harbour Digital Ministers Meeting"]


def test_an_announced_chair_is_planned_in_the_table(tmp_path: Path) -> None:
    from docgraph.kg import extract

    page = tmp_path / "board.md"
    page.write_text("---\ntitle: New Board\ndate: 2021-05-10\n---\n\nMr Paul Otis has agreed "
                    "to be the Chairman of the Harbour Media Board.\n\nMs Anna Berg is the "
                    "Chairman of the Harbour Arts Council.\n", encoding="utf-8")
    chairs = extract(page).chairs()
    status = dict(zip(chairs["holder"], chairs["status"], strict=True))
    assert status == {"Paul Otis": "planned", "Anna Berg": "done"}
