"""Read dates written in prose into ISO date ranges.

"16 to 17 January 2025", "21 and 22 January 2021", "16 August 2024", "February 2024",
"August 2020", "2024", "today": each becomes the first and last day it covers. Relative
words are read against a reference date (the document's date). Pure functions.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr)
                if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_RANGE = re.compile(
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:(?P<m1>[A-Za-z]+)\.?\s*)?(?:to|and|-|–|—|until)\s*"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"\s+(?P<year>\d{4})", re.IGNORECASE)
_DAY = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})",
                  re.IGNORECASE)
_US_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
                     re.IGNORECASE)
_MONTH_YEAR = re.compile(_MONTH + r"\s+(?P<year>\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
_RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}


def parse_period(text: str, reference: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """The first date or period that ``text`` states, as (first day, last day).

    Args:
        text: Prose, such as a sentence.
        reference: The date "today" refers to (the document's date).

    Returns:
        The period, or None if the text gives no date.

    Example:
        >>> parse_period("on 16 to 17 January 2025")
        (datetime.date(2025, 1, 16), datetime.date(2025, 1, 17))
    """
    found = []
    for pattern, builder in ((_RANGE, _range), (_ISO, _iso), (_DAY, _day), (_US_DAY, _day),
                             (_MONTH_YEAR, _month), (_YEAR, _year)):
        for match in pattern.finditer(text):
            period = builder(match)
            if period is not None:
                found.append((match.start(), -(match.end() - match.start()), period))
        if found and pattern is not _YEAR:
            break
    if reference is not None:
        for word, shift in _RELATIVE.items():
            relative = re.search(rf"\b{word}\b", text, re.IGNORECASE)
            if relative is not None:
                day = reference + dt.timedelta(days=shift)
                found.append((relative.start(), 0, (day, day)))
    if not found:
        return None
    return min(found)[2]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _range(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    year = int(match.group("year"))
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    first_month = _MONTHS.get((match.group("m1") or "").lower(), month)
    start = _safe(year, first_month, int(match.group("d1")))
    end = _safe(year, month, int(match.group("d2")))
    if start is None or end is None or end < start:
        return None
    return start, end


def _iso(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    day = _safe(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    return None if day is None else (day, day)


def _day(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    day = _safe(int(match.group("year")), month, int(match.group("day")))
    return None if day is None else (day, day)


def _month(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    year = int(match.group("year"))
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _year(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    year = int(match.group("year"))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
