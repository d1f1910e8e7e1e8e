from __future__ import annotations

import datetime as dt

import pytest

from docgraph.dates import Dated, dated_period, parse_period

D = dt.date


@pytest.mark.parametrize(("text", "expected"), [
    ("on 16 to 17 January 2025, where", (D(2025, 1, 16), D(2025, 1, 17))),
    ("on 21 and 22 January 2021 under", (D(2021, 1, 21), D(2021, 1, 22))),
    ("from 30 November to 1 December 2023", (D(2023, 11, 30), D(2023, 12, 1))),
    ("took place on 16 August 2024.", (D(2024, 8, 16), D(2024, 8, 16))),
    ("on March 5, 2024", (D(2024, 3, 5), D(2024, 3, 5))),
    ("from February 1-2, 2024, along", (D(2024, 2, 1), D(2024, 2, 2))),
    ("on March 30 to 31, 2023", (D(2023, 3, 30), D(2023, 3, 31))),
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


@pytest.mark.parametrize(("text", "expected"), [
    ("was Director of the Port Office from 2010 to 2014 before",
     Dated(D(2010, 1, 1), D(2014, 12, 31), "between")),
    ("between March 2019 and June 2021", Dated(D(2019, 3, 1), D(2021, 6, 30), "between")),
    ("from 30 November to 1 December 2023", Dated(D(2023, 11, 30), D(2023, 12, 1), "between")),
    ("will be appointed with effect from 1 June 2019.", Dated(D(2019, 6, 1), None, "since")),
    ("will take office from 1 May 2025.", Dated(D(2025, 5, 1), None, "since")),
    ("has chaired it since 1 April 2023,", Dated(D(2023, 4, 1), None, "since")),
    ("met on 16 and 17 January 2025.", Dated(D(2025, 1, 16), D(2025, 1, 17), "on")),
    ("As Chief Executive since 2015, she", Dated(D(2015, 1, 1), None, "since")),
    ("served until March 2020 as", Dated(None, D(2020, 3, 31), "until")),
    ("said on 5 May 2024", Dated(D(2024, 5, 5), D(2024, 5, 5), "on")),
    ("delegates from Peru met on 5 May 2024", Dated(D(2024, 5, 5), D(2024, 5, 5), "on")),
    ("the Dateline since then; in 2022", Dated(D(2022, 1, 1), D(2022, 12, 31), "on")),
])
def test_words_before_a_date_say_how_it_bounds_the_statement(text: str,
                                                              expected: Dated) -> None:
    assert dated_period(text) == expected


def test_a_dated_period_knows_where_its_words_are() -> None:
    text = "was appointed with effect from 1 June 2019, and"
    dated = dated_period(text)
    assert dated is not None
    start, end = dated.span
    assert text[start:end] == "with effect from 1 June 2019"
    assert dated_period("no date here") is None


def test_ends_of_periods_are_read_against_the_documents_date() -> None:
    reference = D(2024, 2, 13)
    assert dated_period("will serve until the end of the month", reference) == \
        Dated(None, D(2024, 2, 29), "until")
    assert dated_period("in office until the end of the year.", reference) == \
        Dated(None, D(2024, 12, 31), "until")
    assert dated_period("until the end of the month") is None  # no date to read it by


def test_years_counted_from_the_documents_year() -> None:
    reference = D(2023, 11, 16)
    assert dated_period("when Kenya chairs the Harbour Summit next year", reference) == \
        Dated(D(2024, 1, 1), D(2024, 12, 31), "on")
    assert dated_period("Last year, the Council met twice.", reference) == \
        Dated(D(2022, 1, 1), D(2022, 12, 31), "on")
    assert dated_period("will chair it from next year", reference) == \
        Dated(D(2024, 1, 1), None, "since")
    assert dated_period("when Kenya chairs it next year") is None  # no year to count from


def test_a_bounding_date_dates_a_statement_before_a_bare_one() -> None:
    reference = D(2019, 10, 15)
    assert dated_period("The Ministry announced today two changes – Ms Otieno’s appointment "
                        "as Chairman of the Harbour Board with effect from 1 January 2020; "
                        "and Mr Tan’s appointment as its Chief Executive.", reference) == \
        Dated(D(2020, 1, 1), None, "since")
    assert dated_period("Mr Tan said today that the Board met.", reference) == \
        Dated(reference, reference, "on")
