"""Page furniture: datelines, list markers, run-in headings, bylines."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgraph.clean.layout import load_layout_rules
from docgraph.errors import ConfigurationError
from helpers import clean_text


def marks(text: str) -> list[tuple[str, str]]:
    document = clean_text(text)
    return [(mark.role, block.text[mark.start : mark.end])
            for block in document.blocks for mark in block.layout]


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>OSLO, 3 MARCH 2025 – Norway and Chile agreed.</p>",
     [("dateline", "OSLO, 3 MARCH 2025")]),
    ("<p>Lima, Peru, 10am, 4 May 2024 – The forum opened.</p>",
     [("dateline", "Lima, Peru, 10am, 4 May 2024")]),
    ("<p>Riga, 12 June, 2023 The 3rd Baltic Energy Dialogue met.</p>",
     [("dateline", "Riga, 12 June, 2023")]),
    ("<p>14-15 April 2022, Nairobi</p>", [("dateline", "14-15 April 2022, Nairobi")]),
])
def test_datelines(html: str, expected: list[tuple[str, str]]) -> None:
    assert marks(html) == expected


def test_a_place_without_a_date_is_prose() -> None:
    assert marks("<p>Nairobi, Kenya: Ministers from ten countries met today.</p>") == []


def test_list_markers_and_run_in_headings() -> None:
    found = marks("<p>ii. Open Data Standards: Sharing best practices.</p>"
                  "<p>(b) The second point.</p><p>Mr Lim said: it is done.</p>"
                  "<table><tr><td>1. Austria<br>2. Chile</td></tr></table>")
    assert found == [("list-marker", "ii."), ("run-in-heading", "Open Data Standards:"),
                     ("list-marker", "(b)"), ("list-marker", "1."), ("list-marker", "2.")]


def test_an_initial_is_not_a_list_marker() -> None:
    assert marks("<p>K. Lim opened the session.</p>") == []


def test_a_list_run_into_a_paragraph_is_marked_in_sequence() -> None:
    found = marks("<p>The goals are: A. Open Ports which aim to grow; B. Safe Seas which "
                  "aim to protect; and C. Clean Fuel for all.</p>"
                  "<p>It said so in 2019. A. Lim agreed; iv) Later (ii) Then.</p>")
    assert found == [("list-marker", "A."), ("list-marker", "B."), ("list-marker", "C.")]


def test_roman_markers_count_in_sequence() -> None:
    found = marks("<p>Two aims: (iv) Faster Trade; (v) Greener Trade.</p>")
    assert found == [("list-marker", "(iv)"), ("list-marker", "(v)")]


def test_bylines_are_boilerplate() -> None:
    document = clean_text("<p>Joint Press Release by MOE, MOF and NEA</p><p>Text.</p>")
    assert [b.boilerplate for b in document.blocks] == ["byline", None]


def test_layout_rules_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "layout.toml"
    bad.write_text('[[rule]]\nrole = "footer"\npattern = "(?P<span>x)"\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="role must be one of"):
        load_layout_rules(bad)
    bad.write_text('[[rule]]\nrole = "dateline"\npattern = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="group named 'span'"):
        load_layout_rules(bad)
