from __future__ import annotations

import datetime as dt

import pytest

from docgraph.dates import parse_period

D = dt.date


@pytest.mark.parametrize(("text", "expected"), [
    ("on 16 to 17 January 2025, where", (D(2025, 1, 16), D(2025, 1, 17))),
    ("on 21 and 22 January 2021 under", (D(2021, 1, 21), D(2021, 1, 22))),
    ("from 30 November to 1 December 2023", (D(2023, 11, 30), D(2023, 12, 1))),
    ("took place on 16 August 2024.", (D(2024, 8, 16), D(2024, 8, 16))),
    ("on March 5, 2024", (D(2024, 3, 5), D(2024, 3, 5))),
    ("held in Singapore in February 2024,", (D(2024, 2, 1), D(2024, 2, 29))),
    ("launched in 2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("dated 2019-08-07T00:00", (D(2019, 8, 7), D(2019, 8, 7))),
])
def test_periods(text: str, expected: tuple[dt.date, dt.date]) -> None:
    assert parse_period(text) == expected


def test_relative_words_use_the_reference_date() -> None:
    assert parse_period("today signed", D(2022, 2, 25)) == (D(2022, 2, 25), D(2022, 2, 25))
    assert parse_period("today signed") is None


@pytest.mark.parametrize("text", ["no date here", "item 12 of 40", "page 7 of Smarch"])
def test_no_date(text: str) -> None:
    assert parse_period(text) is None


def test_an_impossible_day_keeps_its_month() -> None:
    assert parse_period("31 February 2024") == (D(2024, 2, 1), D(2024, 2, 29))
