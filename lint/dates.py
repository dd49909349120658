"""Date cells: read a year and month (and day) from the ways lists write them, and format them.

A fast path of precompiled regular expressions reads the common numeric, CJK and English shapes
(``2023.05``, ``2023-5``, ``2023 .05``, ``2023年5月``, ``May 2023``, ``Sep. 2023``,
``2023-05-17``, full-width ``２０２３．０５`` after NFKC; U+2010, U+2011, U+2012, U+2013 and
U+2212 between numbers read as ``-``). Only text the fast path cannot read and that holds a
digit goes to dateparser (languages en and zh, year and month required), which
is imported inside that fallback, so linting a clean list never loads it.

Never guess: a month of 13, a year before 1900, a date more than 31 days after today, free
text, an empty cell, a year alone, a two-digit year or a day/month order that could be either
way are unreadable (None).

A year alone is a date only where the whole column gives years (``Year`` columns, ``2023``,
``**2024**``, ``2024年``) or the format is a year (``YYYY``): see ``year_column`` and the
``years`` argument of ``parse``. Such a date is ``DateValue(year, 0)``, month 0 meaning "not
given", and sorts by its year.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from datetime import date

MIN_YEAR = 1900
FUTURE_DAYS = 31

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_NUMERIC = re.compile(
    r"(?P<y>\d{4})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<d>\d{1,2}))?"
)
_MONTH_YEAR = re.compile(r"(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})")
_CJK = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?")
_ENGLISH = re.compile(
    r"(?:(?P<d1>\d{1,2})\s+)?(?P<name>[a-z]{3,9})\.?(?:\s+(?P<d2>\d{1,2}))?,?\s*(?P<y>\d{4})"
)
_FAST_SHAPES = (_NUMERIC, _CJK, _ENGLISH, _MONTH_YEAR)
# day and month both small numbers ("5/6/2023"): the order could be either way
_AMBIGUOUS = re.compile(r"(?<!\d)\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}(?!\d)")
_DIGIT = re.compile(r"\d")
_YEAR_ALONE = re.compile(r"\d{1,4}\s*年?")
_FORMAT_TOKEN = re.compile(r"YYYY|MM|DD")
# hyphen, non-breaking hyphen, figure dash, en dash, minus sign between two numbers
_OTHER_DASH = re.compile(r"(?<=\d)(\s*)[\u2010\u2011\u2012\u2013\u2212](?=\s*\d)")
_BARE_YEAR = re.compile(r"(?P<y>\d{4})\s*年?")
# bold or italic around the whole cell: ``**2023.05**``, ``_2023.05_``
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")


class DateValue(NamedTuple):
    """A date as written: year, month (0 for a year alone) and, when the text gives one, the day."""

    year: int
    month: int
    day: int | None = None


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _checked(year: int, month: int, day: int | None) -> DateValue | None:
    if year < MIN_YEAR or not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= _days_in_month(year, month):
        return None
    return DateValue(year, month, day)


def _fast(text: str) -> DateValue | None | bool:
    """The date the fast path reads, None when it matches a shape but is invalid, else False."""
    for shape in _FAST_SHAPES:
        match = shape.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        if "name" in parts:
            month = _MONTHS.get(parts["name"])
            if month is None or (parts["d1"] and parts["d2"]):
                return False
            day = parts["d1"] or parts["d2"]
        else:
            month, day = int(parts["m"]), parts.get("d")
        return _checked(int(parts["y"]), month, int(day) if day else None)
    return False


@lru_cache(maxsize=8192)
def read(text: str) -> DateValue | None:
    """The date in a cell's text, or None when it cannot be read without guessing.

    The future limit is not applied here (see ``parse``), so results can be cached.
    """
    value, rest = _read_fast(text)
    return _fallback(rest) if rest is not None else value


def _read_fast(text: str) -> tuple[DateValue | None, str | None]:
    """``(date, None)`` as the fast path reads ``text``, or ``(None, normalised text)`` when only
    dateparser could read it."""
    normal = unicodedata.normalize("NFKC", text).strip().casefold()
    if not normal:
        return None, None
    normal = _OTHER_DASH.sub(r"\1-", normal)
    fast = _fast(normal)
    if fast is not False:
        return (fast if isinstance(fast, DateValue) else None), None
    if not _DIGIT.search(normal) or _YEAR_ALONE.fullmatch(normal) or _AMBIGUOUS.search(normal):
        return None, None
    return None, normal


def _fallback(text: str) -> DateValue | None:
    """Read ``text`` with dateparser, imported here so clean lists never pay for it."""
    from dateparser.date import DateDataParser

    data = _parser(DateDataParser).get_date_data(text)
    found = data.date_obj if data else None
    if found is None or str(found.year) not in text:
        return None  # a year not written in the text was guessed
    day = found.day if data.period == "day" else None
    return _checked(found.year, found.month, day)


@lru_cache(maxsize=1)
def _parser(factory: Any) -> Any:
    settings = {
        "REQUIRE_PARTS": ["year", "month"],
        "PREFER_DAY_OF_MONTH": "first",
        "STRICT_PARSING": False,
        "RETURN_TIME_AS_PERIOD": False,
    }
    return factory(languages=["en", "zh"], settings=settings)


def parse(
    text: str,
    today: date | None = None,
    date_format: str | None = None,
    years: bool = False,
    guess: bool = True,
) -> DateValue | None:
    """The date in ``text``, or None when unreadable or more than 31 days after ``today``.

    Text already written in ``date_format`` is read by that format first, so every format's
    own output reads back (``YYYYMM`` included). A year alone (``2023``, ``2023年``) reads as
    ``DateValue(year, 0)`` when ``years`` is true or the format is a year (``YYYY``). ``guess``
    false: what only dateparser could read is unreadable (dateparser is not started).
    """
    value = _read_as(text, date_format) if date_format else None
    if value is None and (years or (date_format is not None and not has_month(date_format))):
        value = read_year(text)
    if value is None:
        value = read(text) if guess else _read_fast(text)[0]
    if value is None:
        return None
    if (value.year, value.month or 1, value.day or 1) > _limit(today):
        return None
    return value


def _limit(today: date | None) -> tuple[int, int, int]:
    """The latest date still believed: ``FUTURE_DAYS`` after today (datetime only when given)."""
    if today is None:
        later = time.localtime(time.time() + FUTURE_DAYS * 86400)
        return later.tm_year, later.tm_mon, later.tm_mday
    from datetime import timedelta

    limit = today + timedelta(days=FUTURE_DAYS)
    return limit.year, limit.month, limit.day


@lru_cache(maxsize=4096)
def read_year(text: str) -> DateValue | None:
    """``DateValue(year, 0)`` for a year written alone (``2023``, ``2023年``), else None.

    A year before 1900 is None; the future limit is left to ``parse``.
    """
    match = _BARE_YEAR.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None or int(match["y"]) < MIN_YEAR:
        return None
    return DateValue(int(match["y"]), 0)


def unwrap(text: str) -> tuple[str, str]:
    """``(marker, inner)`` of a cell in bold or italic (``**2023.05**``), else ``("", text)``."""
    emphasis = _EMPHASIS.fullmatch(text)
    return (emphasis[1], emphasis[2]) if emphasis else ("", text)


def year_column(texts: Iterable[str]) -> bool:
    """True when every non-empty text (at least one) is a four-digit year alone, emphasis aside.

    Such a column (``Year``, ``年份``) gives dates to the year on purpose. A year before 1900
    still counts, so that it is reported as unreadable rather than turning the column into
    one of months.
    """
    found = False
    for text in texts:
        if not text.strip():
            continue
        inner = unwrap(text)[1]
        if _BARE_YEAR.fullmatch(unicodedata.normalize("NFKC", inner).strip()) is None:
            return False
        found = True
    return found


@lru_cache(maxsize=16)
def _format_pattern(date_format: str) -> re.Pattern[str]:
    parts = {"YYYY": r"(?P<y>\d{4})", "MM": r"(?P<m>\d{2})", "DD": r"(?P<d>\d{2})"}
    pieces = _FORMAT_TOKEN.split(date_format)
    tokens = _FORMAT_TOKEN.findall(date_format)
    pattern = re.escape(pieces[0])
    for token, piece in zip(tokens, pieces[1:], strict=True):
        # a token repeated in the format (YYYY.MM.YYYY) must repeat the same value
        name = {"YYYY": "y", "MM": "m", "DD": "d"}[token]
        pattern += (f"(?P={name})" if f"?P<{name}>" in pattern else parts[token]) + re.escape(piece)
    return re.compile(pattern)


def _read_as(text: str, date_format: str) -> DateValue | None:
    match = _format_pattern(date_format).fullmatch(text)
    if match is None or "y" not in match.groupdict():
        return None  # a pattern of date_styles' tokens only (YY, MMM): read there, not here
    if "m" not in match.groupdict():
        return read_year(match["y"])
    day = match.groupdict().get("d")
    return _checked(int(match["y"]), int(match["m"]), int(day) if day else None)


def has_month(date_format: str) -> bool:
    """True when ``date_format`` shows the month (``MM``); ``YYYY`` alone is a year format."""
    return "MM" in date_format


def has_day(date_format: str) -> bool:
    """True when ``date_format`` asks for the day (``DD``)."""
    return "DD" in date_format


def format_date(value: DateValue, date_format: str) -> str | None:
    """``value`` written in ``date_format`` (YYYY, MM, DD); None if it shows a part not known."""
    if (value.day is None and has_day(date_format)) or (not value.month and has_month(date_format)):
        return None
    tokens = {
        "YYYY": f"{value.year:04d}",
        "MM": f"{value.month:02d}",
        "DD": f"{value.day or 0:02d}",
    }
    return _FORMAT_TOKEN.sub(lambda match: tokens[match.group()], date_format)


def sort_key(value: DateValue, date_format: str) -> tuple[int, int, int]:
    """The order of a date as the format writes it: month and day count only if it shows them."""
    month = value.month if has_month(date_format) else 0
    day = (value.day or 0) if has_day(date_format) else 0
    return (value.year, month, day)
