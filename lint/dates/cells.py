"""Date cells: every way the one grammar reads a cell's text as a date, with its shape.

A cell is split into runs of digits or ASCII letters and the marks between them (``-``, ``/``,
`` . ``, ``年``, ``, ``; ``Sep. 2023``); the shape of its runs (four digits, one or two, a month
name, ``202305``) gives the orders it can be read in (``5/6/2023``: month-day or day-month), and
each order that gives a valid date is a ``Reading``: the cell's shape as a ``Style`` and its
value. Never guessed: a month of 13, a year before 1900, two marks between two parts
(``2025--01`` may have lost a month), letters glued to digits (``2023May``), a separator the
pattern language cannot write (``4]1``). Linear in the text; cells over 64 characters are never
dates. What the grammar cannot read is left to ``lint/dates/reading.py``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from lint.dates.patterns import CJK_MARKS, SYNTAX, Style, Wrapper, split_wrappers
from lint.dates.values import (
    MIN_YEAR,
    DateValue,
    days_in_month,
    is_full_name,
    is_future,
    limit,
    month_number,
)

# the longest cell read as a date: anything longer is prose, and the reader stays linear anyway
MAX_CELL = 64
_CELL_PIECE = re.compile(r"[0-9]+|[A-Za-z]+|[^0-9A-Za-z]+")
_DAY_COMMENT = re.compile(r"<!--\s*([0-9]{1,2})\s*-->")


class Reading(NamedTuple):
    """One way to read a cell: its shape (as a style; ``M?``/``D?``/``N?`` where the text fits
    either padding or name length) and its date (year 0 when the text gives none)."""

    shape: Style
    value: DateValue


class Cell(NamedTuple):
    """A cell's readings and its wrappers as written (``<span class="x">``, ``</span>``)."""

    readings: tuple[Reading, ...]
    written_wrappers: tuple[Wrapper, ...]
    normalised: bool  # NFKC changed the text (full-width digits): never a style's own form


NO_BREAK_HYPHEN = "\u2011"


@lru_cache(maxsize=8192)
def analyse(text: str) -> Cell | None:
    """Every way the grammar reads ``text`` as a date, None when none (prose, ids, a year with
    a venue such as ``2016-CCS``)."""
    stripped = text.strip()
    if "&" in stripped:  # a character written as a reference (``2019&#x2011;01``), as shown
        stripped = html.unescape(stripped)
    if not stripped or len(stripped) > MAX_CELL:
        return None
    kinds, written, core = split_wrappers(stripped)
    normal = core if core.isascii() else unicodedata.normalize("NFKC", core)
    if normal != core and normal == core.replace(NO_BREAK_HYPHEN, "\u2010"):
        normal = core  # a separator a list writes on purpose (``2024‑05``), not a look-alike
    normalised = normal != core
    comment = None
    if normal.endswith("-->"):
        start = normal.rfind("<!--")
        found = _DAY_COMMENT.fullmatch(normal, start) if start > 0 else None
        if found is None or normal[start - 1].isspace():
            return None
        comment, normal = found.group(1), normal[:start]
    readings = tuple(
        Reading(Style(kinds, elements, False), value)
        for elements, value in _readings(normal, comment)
    )
    return Cell(readings, written, normalised) if readings else None


_Values = tuple[str, ...]


def _split(core: str) -> tuple[_Values, _Values] | None:
    """``(values, separators)``: digit or letter runs, and the text after each of them."""
    pieces = _CELL_PIECE.findall(core)
    if not pieces or not (pieces[0][0].isascii() and pieces[0][0].isalnum()) or len(pieces) > 6:
        return None
    values: list[str] = []
    separators: list[str] = []
    for piece in pieces:
        if piece[0].isalnum() and piece[0].isascii():
            if values and len(separators) < len(values):
                return None  # two runs touch: "2023May"
            values.append(piece)
        else:
            if not _separator(piece, values[-1]):
                return None
            separators.append(piece)
    separators += [""] * (len(values) - len(separators))
    return tuple(values), tuple(separators)


def _separator(text: str, before: str) -> bool:
    """One mark between two parts, spaces aside (``-``, `` / ``, ``年``, ``, ``; ``Sep. 2023``):
    ``2025--01`` may have lost a month between its dashes, so it is not read; a mark the
    pattern language cannot write as a literal (``4]1``) is no separator."""
    marks = "".join(text.split())
    if before.isalpha() and marks.startswith("."):
        marks = marks[1:]
    if len(marks) > 1 or marks in SYNTAX:
        return False
    return not (marks.isalnum() and marks not in CJK_MARKS)


# the components each shape of values can be, in order (n: one or two digits, a: a month name)
_ORDERS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("4",): ("y",),
    ("4", "n"): ("ym",),
    ("4", "n", "n"): ("ymd",),
    ("n", "4"): ("my",),
    ("n", "n", "4"): ("mdy", "dmy"),
    ("n", "n", "n"): ("mdY", "dmY", "Ymd"),
    ("n", "n"): ("Ym", "md", "dm"),
    ("a", "4"): ("my",),
    # a month name and two digits: a two-digit year (``Oct-23``, as spreadsheets write a
    # month) or a day (``Oct 23``, under a year heading); the column settles which
    ("a", "n"): ("mY", "md"),
    ("a", "n", "4"): ("mdy",),
    ("n", "a", "4"): ("dmy",),
    ("4", "a"): ("ym",),
    ("6",): ("ym",),
    ("8",): ("ymd",),
}
_MARKS = {"年": "y", "月": "m", "日": "d", "号": "d"}


def _shape_of(value: str) -> str:
    if value.isalpha():
        return "a"
    return "n" if len(value) <= 2 else str(len(value))


def _readings(core: str, comment: str | None) -> list[tuple[tuple[str, ...], DateValue]]:
    split = _split(core)
    if split is None:
        return []
    values, separators = split
    if separators[-1] and separators[-1].strip() not in _MARKS:
        return []
    if len(values[0]) in (6, 8) and values[0].isdigit():  # 202305, 20230517 (not "August")
        values = (values[0][:4], *(values[0][i : i + 2] for i in range(4, len(values[0]), 2)))
        separators = ("",) * (len(values) - 1) + (separators[-1],)
    shapes = tuple(_shape_of(value) for value in values)
    found = []
    for order in _ORDERS.get(shapes, ()):
        if not _marks_agree(order, separators):
            continue
        reading = _reading(order, values, separators, comment)
        if reading is not None:
            found.append(reading)
    if shapes == ("4",) and values[0].isdigit() and not separators[0]:
        # four digits are also a two-digit year and a month (``2602``, as an arXiv id's prefix
        # dates a paper), read after the year: the column settles which (a tie goes to the year)
        reading = _reading("Ym", (values[0][:2], values[0][2:]), ("", ""), comment)
        if reading is not None:
            found.append(reading)
    if len(found) > 1:
        # a reading that puts the date in the future is refuted by one that does not
        # (``23-03-28`` is 2023-03-28, not 23 March 2028)
        present = [reading for reading in found if not is_future(reading[1])]
        found = present or found
    return found


def _marks_agree(order: str, separators: _Values) -> bool:
    """CJK markers name the component before them: 5月17日 is month then day."""
    for component, separator in zip(order, separators, strict=True):
        mark = separator.strip()[:1]
        if mark in _MARKS and _MARKS[mark] != component.lower():
            return False
    return True


def _reading(
    order: str, values: _Values, separators: _Values, comment: str | None
) -> tuple[tuple[str, ...], DateValue] | None:
    parts: dict[str, int] = {}
    elements: list[str] = []
    for component, value, separator in zip(order, values, separators, strict=True):
        token, number = _token(component, value)
        if token is None:
            return None
        if value.isalpha() and _abbreviation_dot(token, separator):
            token, separator = "MMM.", separator[1:]
        parts[component.lower()] = number
        elements.append(token)
        if separator:
            elements.append(separator)
    if comment is not None:
        if "d" in parts or "m" not in parts:
            return None
        token, parts["d"] = _token("d", comment)
        assert token is not None
        elements.append(f"<!--{token}-->")
    date = _value(parts, "Y" in order)
    return (tuple(elements), date) if date is not None else None


def _abbreviation_dot(token: str, separator: str) -> bool:
    """True when the dot after a month name marks an abbreviation (``Mar., 2024``,
    ``Sept. 2023``; ``May.`` and ``June.`` too, read leniently), not a separator (``17.Mar.2024``:
    nothing but the dot follows). ``March.`` is a name and a separator."""
    follows = separator[1:2]
    return (
        token in ("MMM", "N?", "N!")
        and separator.startswith(".")
        and (follows.isspace() or follows == ",")
    )


def _token(component: str, value: str) -> tuple[str | None, int]:
    """The token a value is written with and its number (None when it cannot be that part)."""
    if component == "y":
        return ("YYYY" if len(value) == 4 else None), int(value) if value.isdigit() else 0
    if component == "Y":
        return ("YY" if len(value) == 2 else None), int(value)
    letter = component.upper()
    if value.isalpha():
        month = month_number(value)
        if component != "m" or month is None:
            return None, 0
        return _name_token(value), month
    number = int(value)
    if len(value) == 1:
        return letter, number
    if value[0] == "0":
        return letter * 2, number
    return f"{letter}?", number


def _name_token(name: str) -> str:
    """``N?`` for May (abbreviated and in full alike), ``N!`` for June and July in full (names
    English does not abbreviate), else ``MMMM`` or ``MMM``."""
    if name.casefold() == "may":
        return "N?"
    if not is_full_name(name):
        return "MMM"
    return "N!" if len(name) == 4 else "MMMM"


def _value(parts: dict[str, int], two_digit: bool) -> DateValue | None:
    year = parts.get("y", 0)
    if two_digit:
        year += 2000 if 2000 + year <= _this_year() + 1 else 1900
    month, day = parts.get("m", 0), parts.get("d")
    if "y" in parts and year < MIN_YEAR:
        return None
    if "m" in parts and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= days_in_month(year or 2000, month):
        return None
    return DateValue(year, month, day)


@lru_cache(maxsize=1)
def _this_year() -> int:
    return limit()[0]
