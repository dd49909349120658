"""Date values and the calendar: ``DateValue``, the month names, days in a month, the future.

The one set of month names every date module reads and writes: English abbreviations (``Jan``)
and full names (``January``), and ``Sept``, which English also writes for September.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, NamedTuple

from lint.slips import slips

if TYPE_CHECKING:
    from datetime import date

MIN_YEAR = 1900
FUTURE_DAYS = 31  # a date further after today than this is a typo, not a plan

ABBREVIATIONS = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
FULL_NAMES = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# abbreviated with a dot where English abbreviates: May is never abbreviated
DOTTED = (
    "",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_NUMBERS = {
    **{name.casefold(): number for number, name in enumerate(ABBREVIATIONS) if name},
    **{name.casefold(): number for number, name in enumerate(FULL_NAMES) if name},
    "sept": 9,
}


class DateValue(NamedTuple):
    """A date as written: year (0 when the text gives none), month (0 for a year alone) and,
    when the text gives one, the day."""

    year: int
    month: int
    day: int | None = None


def month_number(word: str) -> int | None:
    """The month a name writes (``jan``, ``January``, ``Sept``; any case), else None."""
    return _NUMBERS.get(word.casefold())


# a word one slip away from a month's full name this long or longer is the month misspelt
# (``Februray``, ``Setpember``, ``Agust``); from a shorter one (June, July) only two letters
# swapped count (``Jnue``): one letter changed or dropped would read names (``Jane``, ``Jul``)
MISSPELT_FROM = 5


def misspelt_month(word: str) -> int | None:
    """The month whose full name ``word`` misspells by one slip (``lint/slips.py``; the first
    letter kept, and from June and July only a swap), else None; a month's name or
    abbreviation is no slip."""
    folded = word.casefold()
    if len(folded) < 4 or not folded.isascii() or not folded.isalpha() or folded in _NUMBERS:
        return None
    for number, name in enumerate(FULL_NAMES):
        name = name.casefold()
        if len(name) < 4 or folded[0] != name[0] or slips(folded, name) != 1:
            continue
        if len(name) >= MISSPELT_FROM or sorted(folded) == sorted(name):
            return number  # a swap keeps the letters: ``Jnue``, never ``Jane``
    return None


def is_full_name(word: str) -> bool:
    """True when ``word`` is a month's full name (``May`` is both full and abbreviated)."""
    number = month_number(word)
    return number is not None and FULL_NAMES[number].casefold() == word.casefold()


def days_in_month(year: int, month: int) -> int:
    """The days of ``month`` in ``year`` (February of a leap year has 29)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def limit(today: date | None = None) -> tuple[int, int, int]:
    """The latest date still believed: ``FUTURE_DAYS`` after today (datetime only when given)."""
    if today is None:
        later = time.localtime(time.time() + FUTURE_DAYS * 86400)
        return later.tm_year, later.tm_mon, later.tm_mday
    from datetime import timedelta

    latest = today + timedelta(days=FUTURE_DAYS)
    return latest.year, latest.month, latest.day


def is_future(value: DateValue, today: date | None = None) -> bool:
    """True when ``value`` is later than ``limit(today)`` (a year alone from its January)."""
    return (value.year, value.month or 1, value.day or 1) > limit(today)
