"""Read dates written in prose into ISO date ranges.

"16 to 17 January 2025", "21 and 22 January 2021", "16 August 2024", "February 2024",
"August 2020", "2024", "today": each becomes the first and last day it covers. Relative
words are read against a reference date (the document's date). Pure functions.

:func:`dated_period` also reads the words before a date ("since", "with effect from",
"until", "from ... to"; data in ``docgraph/data/dates.toml``): they say whether the date
bounds what the sentence states or only dates the statement.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from docgraph.types import Bound

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
# "February 1-2, 2024", "March 30 to 31, 2023": a US-style range in one month.
_US_RANGE = re.compile(_MONTH + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:to|and|-|–|—)\s*"
                       r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.IGNORECASE)
_US_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
                     re.IGNORECASE)
_MONTH_YEAR = re.compile(_MONTH + r"\s+(?P<year>\d{4})", re.IGNORECASE)
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")


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
    found = _first(text, reference)
    return None if found is None else found.period


@dataclass(frozen=True, slots=True)
class Dated:
    """A date as it bounds what a sentence states.

    Attributes:
        start: The first day, unless the text gives only an end ("until 2020").
        end: The last day, unless the text gives only a start ("since 2016").
        bound: ``"on"``: the statement held at some time in [start, end] (a bare date);
            ``"since"``: it began on ``start``; ``"until"``: it ended on ``end``;
            ``"between"``: it held from ``start`` to ``end`` ("from 2013 to 2016").
    """

    start: dt.date | None
    end: dt.date | None
    bound: Bound = "on"
    span: tuple[int, int] = dataclasses.field(default=(0, 0), compare=False, repr=False)
    """Where the date (and the words that bound it) are in the text."""


@functools.lru_cache(maxsize=4096)  # a sentence's relations all ask of its text
def dated_period(text: str, reference: dt.date | None = None) -> Dated | None:
    """The first date ``text`` states and how the words before it bound the statement.

    Example:
        >>> dated_period("was Managing Director from 2013 to 2016")
        Dated(start=datetime.date(2013, 1, 1), end=datetime.date(2016, 12, 31), bound='between')
        >>> dated_period("will be appointed with effect from 1 May 2018").bound
        'since'
    """
    cues = _cues()
    candidates = _all(text, reference)
    if not candidates:
        return None
    # A date that bounds what is said ("with effect from 1 January 2020") dates it
    # before a bare one earlier in the sentence ("announced today two changes: ...").
    found = next((f for f in candidates if any(
        cue.search(text[: f.start]) for cue in (cues.since, cues.until, cues.between))),
        candidates[0])
    first, last = found.period
    before = text[: found.start]
    between = cues.between.search(before)
    if between:
        joiner = cues.joiner.match(text, found.end)
        following = _first(text[joiner.end() :], reference) if joiner else None
        if joiner and following is not None and following.start == 0 and \
                following.period[1] >= first:
            return Dated(first, following.period[1], "between",
                         (between.start(), joiner.end() + following.end))
        if found.ranged:  # "from 30 November to 1 December 2023"
            return Dated(first, last, "between", (between.start(), found.end))
    if since := cues.since.search(before):
        return Dated(first, None, "since", (since.start(), found.end))
    if until := cues.until.search(before):
        return Dated(None, last, "until", (until.start(), found.end))
    return Dated(first, last, "on", (found.start, found.end))


def appointment_date(sentence: str, reference: dt.date | None = None) -> Dated | None:
    """The start a sentence gives the appointment stated just before it, if it is one.

    Example:
        >>> appointment_date("His appointment will take effect from 15 March 2024.").start
        datetime.date(2024, 3, 15)
        >>> appointment_date("The Board met on 15 March 2024.") is None
        True
    """
    cues = _cues()
    if not cues.carried_subject.match(sentence) or not cues.carried_verb.search(sentence):
        return None
    dated = dated_period(sentence, reference)
    if dated is None or dated.start is None or dated.bound not in ("since", "on"):
        return None
    return dated


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    period: tuple[dt.date, dt.date]
    ranged: bool = False


def _first(text: str, reference: dt.date | None) -> _Found | None:
    found = _all(text, reference)
    return found[0] if found else None


def _all(text: str, reference: dt.date | None) -> list[_Found]:
    """Every date ``text`` states, in text order (the longest first where two start)."""
    found: list[tuple[int, int, _Found]] = []
    for pattern, builder in ((_RANGE, _range), (_US_RANGE, _range), (_ISO, _iso),
                             (_DAY, _day), (_US_DAY, _day),
                             (_MONTH_YEAR, _month), (_YEAR, _year)):
        for match in pattern.finditer(text):
            period = builder(match)
            if period is not None:
                found.append((match.start(), -(match.end() - match.start()),
                              _Found(match.start(), match.end(), period,
                                     pattern in (_RANGE, _US_RANGE))))
        if found and pattern is not _YEAR:
            break
    if reference is not None:
        cues = _cues()
        for word, shift in cues.relative_days.items():
            relative = re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE)
            if relative is not None:
                day = reference + dt.timedelta(days=shift)
                found.append((relative.start(), 0,
                              _Found(relative.start(), relative.end(), (day, day))))
        for phrase, shift in cues.relative_years.items():
            relative = re.search(rf"(?<!\w){re.escape(phrase)}\b", text, re.IGNORECASE)
            if relative is not None:
                year = reference.year + shift
                found.append((relative.start(), -len(phrase),
                              _Found(relative.start(), relative.end(),
                                     (dt.date(year, 1, 1), dt.date(year, 12, 31)))))
        for phrase, unit in cues.period_ends.items():
            relative = re.search(rf"(?<!\w){re.escape(phrase)}\b", text, re.IGNORECASE)
            if relative is not None:
                day = dt.date(reference.year, 12, 31) if unit == "year" else dt.date(
                    reference.year, reference.month,
                    calendar.monthrange(reference.year, reference.month)[1])
                found.append((relative.start(), -len(phrase),
                              _Found(relative.start(), relative.end(), (day, day))))
    return [item[2] for item in sorted(found, key=lambda item: item[:2])]


@dataclass(frozen=True, slots=True)
class _Cues:
    since: re.Pattern[str]
    until: re.Pattern[str]
    between: re.Pattern[str]
    joiner: re.Pattern[str]
    relative_days: dict[str, int]
    period_ends: dict[str, str]
    relative_years: dict[str, int]
    carried_subject: re.Pattern[str]
    carried_verb: re.Pattern[str]


@functools.cache
def _cues() -> _Cues:
    text = resources.files("docgraph").joinpath("data/dates.toml").read_text("utf-8")
    data = tomllib.loads(text)

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    def before(key: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{alternatives(data[key])})\s+(?:the\s+)?$",
                          re.IGNORECASE)

    carried = data["carried"]

    joiners = "|".join(re.escape(w) for w in sorted(data["joiners"], key=len, reverse=True))
    return _Cues(before("since"), before("until"), before("between"),
                 re.compile(rf"\s*(?:{joiners})\s*", re.IGNORECASE),
                 {str(k): int(v) for k, v in data["relative_days"].items()},
                 {str(k): str(v) for k, v in data["period_ends"].items()},
                 {str(k): int(v) for k, v in data.get("relative_years", {}).items()},
                 re.compile(rf"^(?:{alternatives(carried['subjects'])})\b", re.IGNORECASE),
                 re.compile(rf"\b(?:{alternatives(carried['verbs'])})\b", re.IGNORECASE))


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _range(match: re.Match[str]) -> tuple[dt.date, dt.date] | None:
    year = int(match.group("year"))
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    first_month = _MONTHS.get((match.groupdict().get("m1") or "").lower(), month)
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
