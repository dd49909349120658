"""Reading a date cell in its column's style, and whether it is written in that style.

The style settles what a cell's text leaves open: day/month order (``05/06/2023``), the
century of a two-digit year, and, with a year heading above (``## 2024``), the year of a
year-less cell (``07-29``). Text the grammar (``lint/dates/cells.py``) cannot read but that
holds words (``2023 May``, ``2023年五月``) goes to dateparser (languages en and zh, year and
month required), imported inside that fallback so linting a clean list never loads it; digits
and marks alone are the grammar's (``2025--01`` is not guessed). No future limit here: the
caller applies ``values.is_future``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from lint.dates.cells import MAX_CELL, NO_BREAK_HYPHEN, Cell, Reading, analyse
from lint.dates.patterns import (
    EITHER,
    TOKENS,
    Style,
    day_span,
    extension,
    has_day,
    has_year,
    inner,
    kind,
    months_alone,
    parse_style,
    split_wrappers,
    without_day,
    wrappers_fit,
)
from lint.dates.values import (
    FULL_NAMES,
    MIN_YEAR,
    DateValue,
    days_in_month,
    limit,
    misspelt_month,
    month_number,
)

# guards on what dateparser is given (it reads any order and fills in what is missing)
_DIGIT = re.compile(r"\d")
_YEAR_ALONE = re.compile(r"\d{1,4}\s*年?")
_AMBIGUOUS = re.compile(r"(?<!\d)\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}(?!\d)")
# hyphen, non-breaking hyphen, figure dash, en dash, minus sign between two numbers
_OTHER_DASH = re.compile(r"(?<=\d)(\s*)[\u2010\u2011\u2012\u2013\u2212](?=\s*\d)")
# a venue and a year: its pieces, the marks between them, and the line breaks in a cell
_VENUE_PIECE = re.compile(r"\d+|[^\W\d_]+|\S")
_VENUE_MARKS = frozenset(",'’&+-()/:.·;")
_CJK_DATE_MARKS = frozenset("年月日号")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# what a date dateparser read may hold besides its numbers and month names
_PIECE = re.compile(r"\d+|[a-z]+|\S")
_ORDINALS = frozenset(("st", "nd", "rd", "th"))
_DATE_CHARACTERS = frozenset(".-/,:年月日号〇零一二三四五六七八九十")
_FALLBACK_SETTINGS = {
    "REQUIRE_PARTS": ["year", "month"],
    "PREFER_DAY_OF_MONTH": "first",
    "STRICT_PARSING": False,
    "RETURN_TIME_AS_PERIOD": False,
}


def style_of(style: str | Style) -> Style:
    """``style`` parsed when it is a pattern string."""
    return parse_style(style) if isinstance(style, str) else style


def read(text: str, style: str | Style, year_hint: int | None = None) -> DateValue | None:
    """The date in ``text`` read in a column of ``style``, or None when unreadable.

    Without ``year_hint`` a year-less date has year 0; with it, that year (None when the day
    does not exist that year). A two-digit year is 20YY unless that is more than a year ahead
    (then 19YY).
    """
    wanted = style_of(style)
    cell = analyse(text)
    if cell is None:
        return _fallback(text)
    reading = _choose(cell, wanted)
    if reading is None:
        return None
    value = reading.value
    if value.year == 0 and year_hint is None and has_year(wanted):
        return None  # ``May 23`` in a column of years and months: no date of its style
    if value.year == 0 and year_hint is not None:
        if value.day is not None and value.day > days_in_month(year_hint, value.month):
            return None
        value = value._replace(year=year_hint)
    return value


def _order(elements: Sequence[str]) -> str:
    return "".join(kind(e) for e in elements if e in TOKENS or e in EITHER)


def _choose(cell: Cell, style: Style) -> Reading | None:
    """The reading of ``cell`` in ``style``: the one in its order when the text is ambiguous."""
    if len(cell.readings) == 1:
        return cell.readings[0]
    readings = cell.readings
    if "YYYY" in style.elements:
        # a four-digit-year column reads "07-03" as a month and day, not as 2007-03
        readings = tuple(r for r in readings if "YY" not in r.shape.elements) or readings
        if len(readings) == 1:
            return readings[0]
    wanted = _order(style.elements)
    exact = [reading for reading in readings if _order(reading.shape.elements) == wanted]
    if len(exact) == 1:
        return exact[0]  # "20.12" in a YY.MM column: the year and month, not day and month
    chosen = [
        reading
        for reading in readings
        if "".join(k for k in _order(reading.shape.elements) if k in wanted)
        == "".join(k for k in wanted if k in _order(reading.shape.elements))
    ]
    return chosen[0] if len(chosen) == 1 else None


def _fallback(text: str) -> DateValue | None:
    """dateparser for words the grammar does not know; digits and marks alone are not read,
    nor a year alone, a day and month that could be either way round (``5/6/2023``) or a venue
    and a year (``CVPR, 2024``: no month to read, and dateparser's start-up is not paid for it)."""
    core = split_wrappers(text.strip())[2]
    if len(core) > MAX_CELL or venue_year(core) is not None:
        return None
    normal = unicodedata.normalize("NFKC", core).strip().casefold()
    if not any(char.isalpha() for char in normal):
        return None
    normal = _OTHER_DASH.sub(r"\1-", normal)
    if not _DIGIT.search(normal) or _YEAR_ALONE.fullmatch(normal) or _AMBIGUOUS.search(normal):
        return None
    value = _guess(normal)
    return value if value is not None and _accounted(normal, value) else None


def _accounted(text: str, value: DateValue) -> bool:
    """True when every part of ``text`` is a part of ``value``: its numbers the year, month or
    day, its words month names or ordinal suffixes, its other characters separators or CJK
    numerals. dateparser skips what it does not know: ``Q1 2024`` is no March, and ``May,
    2023*`` or ``April 9, 2024。`` is more than a date."""
    parts = {value.year, value.month, value.day}
    for piece in _PIECE.findall(text):
        if piece.isdecimal():
            known = int(piece) in parts
        elif piece.isascii() and piece.isalpha():
            known = month_number(piece) == value.month or piece in _ORDINALS
        else:
            known = piece in _DATE_CHARACTERS
        if not known:
            return False
    return True


@lru_cache(maxsize=4096)
def _guess(text: str) -> DateValue | None:
    from dateparser.date import DateDataParser

    data = _parser(DateDataParser).get_date_data(text)
    found = data.date_obj if data else None
    if found is None or str(found.year) not in text or found.year < 1900:
        return None  # a year not written in the text was guessed
    return DateValue(found.year, found.month, found.day if data.period == "day" else None)


@lru_cache(maxsize=1)
def _parser(factory: Any) -> Any:
    return factory(languages=["en", "zh"], settings=_FALLBACK_SETTINGS)


# an arXiv id in parentheses beside a venue's year: an identifier, no date
_ARXIV_ID = re.compile(r"\(\s*(?:arxiv\s*:?\s*)?\d{4}\.\d{4,5}(?:v\d+)?\s*\)", re.IGNORECASE)


def venue_year(text: str, glued: bool = True) -> int | None:
    """The year of a venue and a year (``CVPR, 2024``, ``NeurIPS 2023``, ``**ICLR 2024
    Oral**``, ``ICLR'24``, ``TGRS2021``, ``ACL 2025, COLM 2025``): words, none a month name and
    one of two letters or more, and years (four digits, or two after an apostrophe), no other
    number; else None. Such a cell dates a paper to its (first) year. ``glued``: two digits
    glued to the venue's name are its year (``ECCV22``), as in a date column; elsewhere they
    are a name's (the datasets ``WN11``, ``FB13``). An arXiv id in parentheses beside them is
    the paper's (``arXiv 2024 (2305.17648)``), no number of the date."""
    if text.isascii() and _ASCII_LETTER.search(text) is None:
        return None  # no word to name a venue (most date cells: ``2023.05``)
    core = unicodedata.normalize("NFKC", inner(text)).strip()
    if len(core) > MAX_CELL:
        return None
    years: list[int] = []
    named = False
    core = _BREAK.sub(" ", core)
    if "." in core:
        core = _ARXIV_ID.sub(" ", core)  # ``arXiv 2024 (2305.17648)``: the paper's id beside it
    for found in _VENUE_PIECE.finditer(core):
        piece = found[0]
        if piece[0].isdecimal() and len(piece) != 4 and _in_a_name(core, found, glued):
            continue  # ``LLM4Code``, ``3DV``, ``L4DC``: a digit of the venue's name
        if piece[0].isdecimal():
            if len(piece) != 4 and not (
                len(piece) == 2 and years == [] and _two_digit_year(core, found, glued)
            ):
                return None
            years.append(int(piece) if len(piece) == 4 else _century(int(piece)))
        elif piece[0].isalpha():
            if month_number(piece) is not None or not _CJK_DATE_MARKS.isdisjoint(piece):
                return None
            if misspelt_month(piece) is not None:
                return None  # ``Februray 2024`` is a month misspelt, not a venue
            named = named or len(piece) >= 2
        elif piece not in _VENUE_MARKS:
            return None
    if not named or not years or not all(MIN_YEAR <= year <= limit()[0] + 1 for year in years):
        return None
    return years[0]


def misspelt(text: str) -> str | None:
    """``"Februray" (February?)`` for the first word of ``text`` that misspells a month's full
    name by one slip, else None: what makes a date unreadable, told to whoever fixes it."""
    for piece in _VENUE_PIECE.findall(text):
        number = misspelt_month(piece)
        if number is not None:
            return f'"{piece}" ({FULL_NAMES[number]}?)'
    return None


def _in_a_name(text: str, digits: re.Match[str], glued_years: bool) -> bool:
    """True for digits glued to a letter on either side: part of a word; but for two digits
    ending a word of letters (``ECCV22``, ``NIPS23``), a venue's year where ``glued_years``."""
    start, end = digits.span()
    if end < len(text) and text[end].isalpha():
        return True
    glued = start > 0 and text[start - 1].isalpha()
    two = end - start == 2 and start >= 2 and text[start - 2].isalpha()
    return glued and not (two and glued_years)


def _two_digit_year(text: str, digits: re.Match[str], glued: bool) -> bool:
    """True for two digits after an apostrophe (``ICLR'24``) or, where ``glued``, glued to the
    venue's name (``ECCV22``): a year."""
    start = digits.start()
    return start > 0 and (text[start - 1] in "'’" or (glued and text[start - 1].isalpha()))


def _century(year: int) -> int:
    return year + (2000 if 2000 + year <= limit()[0] + 1 else 1900)


def read_alone(text: str) -> DateValue | None:
    """A date written with no column to settle it (a command line's ``--date``): the one value
    the grammar's readings with a four-digit year agree on, a year alone included; dateparser
    for words the grammar does not know; None when the readings disagree (``5/6/2023``)."""
    cell = analyse(text)
    if cell is None:
        return _fallback(text)
    found = {r.value for r in cell.readings if r.value.year and "YY" not in r.shape.elements}
    return found.pop() if len(found) == 1 else None


def read_year(text: str) -> DateValue | None:
    """``DateValue(year, 0)`` for a year written alone (``2023``, ``2023年``), else None."""
    cell = analyse(text)
    for reading in cell.readings if cell else ():
        if reading.value.year and not reading.value.month:
            return DateValue(reading.value.year, 0)
    return None


# a parenthesised note at the end of a cell
_PARENTHESISED = re.compile(r"\s*[(（][^()（）]*[)）]$")
# symbols a list marks a row with (emoji, stars), and what joins or varies them
_MARKS = frozenset(("So", "Sk", "Mn", "Me", "Cf"))


def without_aside(text: str) -> str:
    """``text`` (inside its wrappers) without what a list writes after a date: marks (``🔥``,
    ``⭐``) and parenthesised notes (``(ICLR 2024)``, ``(2024)``); ``text`` when it has none."""
    text = inner(text)
    while True:
        stripped = _PARENTHESISED.sub("", text).rstrip()
        end = len(stripped)  # the marks and spaces at its end cut at once: a run of them is long
        while end and (
            stripped[end - 1].isspace() or unicodedata.category(stripped[end - 1]) in _MARKS
        ):
            end -= 1
        stripped = stripped[:end]
        if stripped == text:
            return text
        text = stripped


def has_aside(text: str) -> bool:
    """True for a date with an aside after it (``2023.08 (ICLR 2024)``, ``2025.03🔥``)."""
    bare = without_aside(text)
    return bare != inner(text) and any(char.isdigit() for char in bare)


# a span of years (``2005-2026``, ``1993-``: a project still going)
_YEAR_SPAN = re.compile(r"((?:19|20)\d\d)\s*[-–—~]\s*((?:19|20)\d\d)?")


def year_span(text: str) -> bool:
    """True for a span of years, the later last (``2005-2026``), or open (``1993-``): what a
    project or a tool spans, which no date style writes, and no slip of one."""
    found = _YEAR_SPAN.fullmatch(unicodedata.normalize("NFKC", inner(text)).strip())
    return found is not None and (found[2] is None or found[2] > found[1])


def bare_year(text: str) -> bool:
    """True for a four-digit year alone (``2023``, ``**2024**``, ``2024年``), wrappers aside."""
    digits = unicodedata.normalize("NFKC", inner(text)).strip().removesuffix("年").rstrip()
    return len(digits) == 4 and digits.isdecimal()


def year_column(texts: Iterable[str]) -> bool:
    """True when every non-empty text (at least one) is a four-digit year alone, wrappers aside.

    Such a column (``Year``, ``年份``) gives dates to the year on purpose. A year before 1900
    still counts, so that it is reported as unreadable rather than turning the column into
    one of months.
    """
    found = False
    for text in texts:
        if not text.strip():
            continue
        if not bare_year(text):
            return False
        found = True
    return found


@lru_cache(maxsize=1024)
def year_hint(section: tuple[str, ...]) -> int | None:
    """The year of the innermost heading that is a year alone (``## 2024``), if any.

    Cached: every row of a section asks with the same path, and a long heading read once per
    row would make the work grow with rows times heading length."""
    for title in reversed(section):
        found = read_year(inner(title.strip("# ")))
        if found is not None:
            return found.year
    return None


# ---------------------------------------------------------------- matching a style


def _fits(written: Sequence[str], wanted: Sequence[str]) -> bool:
    if len(written) != len(wanted):
        return False
    for cell_element, style_element in zip(written, wanted, strict=True):
        if cell_element == style_element or cell_element in EITHER.get(style_element, ()):
            continue
        if cell_element.replace(NO_BREAK_HYPHEN, "-") == style_element:
            continue  # ``2019‑01``: a hyphen that keeps the date on one line shows as one
        if style_element.startswith("<!--") and cell_element.startswith("<!--"):
            cell_element, style_element = cell_element[4:-3], style_element[4:-3]
        if style_element not in EITHER.get(cell_element, ()):
            return False
    return True


@lru_cache(maxsize=4096)
def fits(shape: Style, style: Style) -> bool:
    """True when a cell's shape is written in ``style``, precision aside: a month style takes a
    day in its natural place or in a comment, a bracketed day may be left out."""
    if not wrappers_fit(shape.wrappers, style.wrappers):
        return False
    written = shape.elements
    written_day = day_span(written)
    if has_day(style):
        if written_day is not None:
            return _fits(written, style.elements)
        return style.optional_day and any(
            _fits(written, alone) for alone in months_alone(style.elements)
        )
    if written_day is None:
        return _fits(written, style.elements)
    if not _fits(without_day(written), style.elements):
        return False
    natural = extension(style.elements)
    return natural is None or written[written_day[0]].startswith("<!--") or _fits(written, natural)


def matches(text: str, style: str | Style) -> bool:
    """True when the cell ``text`` is written in ``style`` (precision aside)."""
    wanted = style_of(style)
    cell = analyse(text)
    return (
        cell is not None
        and not cell.normalised
        and any(fits(reading.shape, wanted) for reading in cell.readings)
    )


def shape(text: str, style: str | Style) -> Style | None:
    """How ``text`` is written, read in a column of ``style``; None when the grammar cannot
    read it or the style does not settle its order."""
    cell = analyse(text)
    reading = _choose(cell, style_of(style)) if cell is not None else None
    return reading.shape if reading is not None else None


def comment_token(text: str) -> str | None:
    """``<!--DD-->`` or ``<!--D-->`` when the cell keeps its day in a trailing comment."""
    cell = analyse(text)
    for element in cell.readings[0].shape.elements if cell else ():
        if element.startswith("<!--"):
            return "<!--DD-->" if element == "<!--D?-->" else element
    return None
