"""Date styles: how a column writes its dates, read from its cells or given as a pattern.

A style is the order and separators of year, month and day, their zero padding, month names,
two-digit years, CJK markers, a missing year, and the wrapper around the date. It is written as
a pattern string, the value ``date-format`` accepts:

==================  ======================================  ==================================
token               meaning                                 pattern -> cell
==================  ======================================  ==================================
``YYYY``            four-digit year                         ``YYYY.MM`` -> ``2023.07``
``YY``              two-digit year                          ``M/DD/YY`` -> ``9/04/24``
``MM`` / ``M``      month, zero-padded / not                ``YYYY-M`` -> ``2023-7``
``MMM``             month abbreviated                       ``MMM YYYY`` -> ``Jul 2018``
``MMMM``            month name in full                      ``MMMM YYYY`` -> ``July 2018``
``DD`` / ``D``      day, zero-padded / not                  ``YYYY-MM-DD`` -> ``2024-12-09``
``M?`` / ``D?``     month / day, zero-padded or not         ``M/D?/YY`` -> ``9/2/22``, ``9/04/24``
``<!--DD-->``       a day kept in a trailing HTML comment   ``YYYY/MM<!--DD-->``
                                                            -> ``2023/11<!--30-->``
``[ ... ]``         the day is optional (mixed precision)   ``YYYY-MM[-DD]`` -> ``2023-07``
                                                            and ``2023-07-01``
``**…**``           bold (also ``*``, ``_``, ``__``)        ``**YYYY-MM-DD**`` -> ``**2026-05-13**``
`` `…` ``           code span                               `` `YYYY.MM` `` -> `` `2024.10` ``
``<tag>…</tag>``    an HTML element, any attributes         ``<span>MM-DD</span>``
                                                            -> ``<span class="d">07-29</span>``
==================  ======================================  ==================================

Anything else is a literal separator (no letters or digits besides CJK ``年``, ``月``, ``日``,
``号``): ``YYYY年M月`` -> ``2023年5月``; ``MM-DD`` has no year (``07-29`` under ``## 2024``);
``YYYY`` alone is a year. A pattern needs a year or a month and day; a day needs a month.

Precision is not style: a style without a day also accepts a cell that adds one in its natural
place (``YYYY.MM`` accepts ``2025.07.01``; ``YYYY年MM月`` accepts ``2023年05月17日``; ``MMM YYYY``
accepts ``Jul 4, 2018``) or in a trailing comment (``2023/11<!--30-->``); a day written in a
pattern is required unless bracketed. A year alone is a different style from a month.

``read`` gives a cell's value in a column of a style (the style settles day/month order and the
century of a two-digit year); ``column_style`` infers the style most of a column's cells use;
``matches`` says whether a cell is written in a style; ``write`` writes a value in one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from lint import dates
from lint.dates import MIN_YEAR, DateValue

DEFAULT_STYLE = "YYYY.MM"

# the longest cell read as a date: anything longer is prose, and the reader stays linear anyway
_MAX_CELL = 64
_YEARS = ("YYYY", "YY")
_MONTHS = ("MMMM", "MMM", "MM", "M")
_DAYS = ("DD", "D")
_COMMENT_DAYS = ("<!--DD-->", "<!--D-->")
_LOOSE = ("M?", "D?", "<!--D?-->")
_TOKENS = _YEARS + _MONTHS + _DAYS + _COMMENT_DAYS + _LOOSE
# a cell's token when its text fits either padding (a month or day of 10 or more, "May")
_EITHER = {"M?": ("MM", "M"), "D?": ("DD", "D"), "N?": ("MMM", "MMMM"), "<!--D?-->": _COMMENT_DAYS}
_DAY_TOKENS = frozenset(_DAYS + _COMMENT_DAYS + ("D?", "<!--D?-->"))
_MONTH_TOKENS = frozenset(_MONTHS + ("M?", "N?"))
_NAMES = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_NAMES = (
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
_FULL = frozenset(name.casefold() for name in _FULL_NAMES if name)
_PATTERN_PIECE = re.compile(
    r"<!--(?:DD|D\??)-->|YYYY|YY|MMMM|MMM|MM|M\??|DD|D\??|\[|\]|[^\[\]A-Za-z0-9<?]+|<(?!!--)"
)
_CELL_PIECE = re.compile(r"[0-9]+|[A-Za-z]+|[^0-9A-Za-z]+")
_DAY_COMMENT = re.compile(r"<!--\s*([0-9]{1,2})\s*-->")
_CJK_MARKS = frozenset("年月日号")
_WORD = re.compile(r"[^\W\d_]")
_EMPHASIS = ("**", "__", "*", "_")
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")

Wrapper = tuple[str, str]


class Style(NamedTuple):
    """A parsed pattern: wrappers (outermost first), elements (tokens and literal separators),
    and whether a day the elements show may be left out."""

    wrappers: tuple[Wrapper, ...]
    elements: tuple[str, ...]
    optional_day: bool


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


class ColumnStyle(NamedTuple):
    """The style of a date column: ``matching`` of its ``cells`` (non-empty) are in ``style``;
    ``fallback`` when no style held a majority and ``style`` is ``DEFAULT_STYLE``."""

    style: str
    matching: int
    cells: int
    fallback: bool = False


class StyleError(ValueError):
    """A pattern that is not a date style; the message says why."""


# ---------------------------------------------------------------- patterns


def _split_wrappers(text: str) -> tuple[tuple[Wrapper, ...], tuple[Wrapper, ...], str]:
    """``(kinds, as written, inner)``: emphasis, code span and HTML element around ``text``."""
    kinds: list[Wrapper] = []
    written: list[Wrapper] = []
    for _ in range(3):
        found = _wrapper(text)
        if found is None:
            break
        kind, actual, text = found
        kinds.append(kind)
        written.append(actual)
    return tuple(kinds), tuple(written), text


def _wrapper(text: str) -> tuple[Wrapper, Wrapper, str] | None:
    for marker in (*_EMPHASIS, "`"):
        size = len(marker)
        if len(text) > 2 * size and text.startswith(marker) and text.endswith(marker):
            inner = text[size:-size]
            if inner.strip() == inner and not inner.startswith(marker[0]):
                return (marker, marker), (marker, marker), inner
    if text.startswith("<") and text.endswith(">") and not text.startswith("<!--"):
        name = _TAG_NAME.match(text, 1)
        close_at = text.find(">")
        if name is None or close_at < name.end():
            return None
        tag = name.group()
        if close_at != name.end() and not text[name.end()].isspace():
            return None
        closing = f"</{tag}>"
        if not text.casefold().endswith(closing.casefold()) or close_at + 1 > len(text) - len(
            closing
        ):
            return None
        opening = text[: close_at + 1]
        inner = text[close_at + 1 : len(text) - len(closing)]
        return (f"<{tag.casefold()}>", closing.casefold()), (opening, text[-len(closing) :]), inner
    return None


@lru_cache(maxsize=256)
def parse_style(pattern: str) -> Style:
    """The style a pattern string describes; ``StyleError`` when it is not one."""
    wrappers, _, core = _split_wrappers(pattern.strip())
    elements: list[str] = []
    bracket: list[int] = []
    position = 0
    while position < len(core):
        piece = _PATTERN_PIECE.match(core, position)
        if piece is None:
            raise StyleError(f"unexpected {core[position]!r} (tokens: YYYY YY MMMM MMM MM M DD D)")
        text = piece.group()
        position = piece.end()
        if text in "[]":
            bracket.append(len(elements))
        elif text in _TOKENS or not elements or elements[-1] in _TOKENS:
            elements.append(text)
        else:
            elements[-1] += text
    return _checked_style(tuple(wrappers), tuple(elements), bracket)


def _checked_style(
    wrappers: tuple[Wrapper, ...], elements: tuple[str, ...], bracket: list[int]
) -> Style:
    tokens = [element for element in elements if element in _TOKENS]
    kinds = [_kind(token) for token in tokens]
    if len(set(kinds)) != len(kinds):
        raise StyleError("each of year, month and day may appear once")
    if "d" in kinds and "m" not in kinds:
        raise StyleError("a day needs a month")
    if "y" not in kinds and not ("m" in kinds and "d" in kinds):
        raise StyleError("a pattern needs a year, or a month and a day")
    for literal in (element for element in elements if element not in _TOKENS):
        if any(char.isalnum() and char not in _CJK_MARKS for char in literal):
            raise StyleError(f"unexpected {literal!r}: separators hold no letters or digits")
    style = Style(wrappers, elements, False)
    if bracket:
        span = _day_span(elements)
        if len(bracket) != 2 or span is None or (bracket[0], bracket[1]) != span:
            raise StyleError("brackets go around the day and its separator only: YYYY-MM[-DD]")
        style = style._replace(optional_day=True)
    return style


def _kind(token: str) -> str:
    """``y``, ``m`` or ``d``: which component a token (or a cell's ``M?``) writes."""
    if token in _DAY_TOKENS:
        return "d"
    return "m" if token in _MONTH_TOKENS else "y"


def _day_span(elements: Sequence[str]) -> tuple[int, int] | None:
    """The slice of ``elements`` holding the day and the separator that goes with it."""
    for index, element in enumerate(elements):
        if element not in _DAY_TOKENS:
            continue
        if element.startswith("<!--"):
            return index, index + 1
        following = elements[index + 1] if index + 1 < len(elements) else None
        if following is not None and following.strip() in ("日", "号"):
            return index, index + 2
        if following is not None and index + 2 < len(elements):
            return index, index + 2
        return (index - 1 if index else index), index + 1
    return None


def without_day(elements: Sequence[str]) -> tuple[str, ...]:
    """``elements`` with the day and its separator removed (month precision)."""
    span = _day_span(elements)
    if span is None:
        return tuple(elements)
    return (*elements[: span[0]], *elements[span[1] :])


def _extension(elements: tuple[str, ...]) -> tuple[str, ...] | None:
    """A month style's elements with the day in its natural place, None when it has none."""
    tokens = [element for element in elements if element in _TOKENS]
    if len(tokens) != 2 or _kind(tokens[-1]) != "m":
        if tokens == ["MMM", "YYYY"] or tokens == ["MMMM", "YYYY"]:
            return (tokens[0], " ", "D", ", ", "YYYY")
        return None
    day = {"MM": "DD", "M": "D"}.get(tokens[-1], "D?")
    if elements[-1] in _MONTHS:  # YYYY.MM -> YYYY.MM.DD
        return (*elements, elements[-2], day) if len(elements) > 2 else None
    if elements[-1].strip() == "月":  # YYYY年MM月 -> YYYY年MM月DD日
        return (*elements, day, "日")
    return None


def pattern(style: Style) -> str:
    """The pattern string of ``style`` (``parse_style(pattern(style)) == style``)."""
    elements = list(style.elements)
    if style.optional_day:
        span = _day_span(elements)
        if span is not None:
            elements.insert(span[1], "]")
            elements.insert(span[0], "[")
    core = "".join(elements)
    for opening, closing in reversed(style.wrappers):
        core = f"{opening}{core}{closing}"
    return core


def has_day(style: Style) -> bool:
    """True when the style writes a day (required or bracketed)."""
    return _day_span(style.elements) is not None


def has_month(style: Style) -> bool:
    """True when the style writes a month (``YYYY`` alone does not)."""
    return any(element in _MONTH_TOKENS for element in style.elements)


def has_year(style: Style) -> bool:
    """True when the style writes a year (``MM-DD`` does not)."""
    return any(element in _YEARS for element in style.elements)


# ---------------------------------------------------------------- cells


@lru_cache(maxsize=8192)
def analyse(text: str) -> Cell | None:
    """Every way the fast reader can read ``text`` as a date, None when none (prose, ids, a
    year with a venue such as ``2016-CCS``). Linear in the text; cells over 64 characters are
    never dates."""
    stripped = text.strip()
    if not stripped or len(stripped) > _MAX_CELL:
        return None
    kinds, written, inner = _split_wrappers(stripped)
    normal = unicodedata.normalize("NFKC", inner)
    normalised = normal != inner
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
    if not pieces or not pieces[0][0].isalnum() or len(pieces) > 6:
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
    ``2025--01`` may have lost a month between its dashes, so it is not read."""
    marks = "".join(text.split())
    if before.isalpha() and marks.startswith("."):
        marks = marks[1:]
    return len(marks) <= 1 and not (marks.isalnum() and marks not in _CJK_MARKS)


# the components each shape of values can be, in order (n: one or two digits, a: a month name)
_ORDERS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("4",): ("y",),
    ("4", "n"): ("ym",),
    ("4", "n", "n"): ("ymd",),
    ("n", "4"): ("my",),
    ("n", "n", "4"): ("mdy", "dmy"),
    ("n", "n", "n"): ("mdY", "dmY"),
    ("n", "n"): ("Ym", "md", "dm"),
    ("a", "4"): ("my",),
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
    if len(values[0]) in (6, 8):  # 202305, 20230517
        values = (values[0][:4], *(values[0][i : i + 2] for i in range(4, len(values[0]), 2)))
        separators = ("",) * (len(values) - 1) + (separators[-1],)
    shapes = tuple(_shape_of(value) for value in values)
    orders = _ORDERS.get(shapes, ())
    found = []
    for order in orders:
        if not _marks_agree(order, separators):
            continue
        reading = _reading(order, values, separators, comment)
        if reading is not None:
            found.append(reading)
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


def _token(component: str, value: str) -> tuple[str | None, int]:
    """The token a value is written with and its number (None when it cannot be that part)."""
    if component == "y":
        return ("YYYY" if len(value) == 4 else None), int(value) if value.isdigit() else 0
    if component == "Y":
        return ("YY" if len(value) == 2 else None), int(value)
    letter = component.upper()
    if value.isalpha():
        month = dates._MONTHS.get(value.casefold())
        if component != "m" or month is None:
            return None, 0
        if value.casefold() == "may":
            return "N?", month
        return ("MMMM" if value.casefold() in _FULL else "MMM"), month
    number = int(value)
    if len(value) == 1:
        return letter, number
    if value[0] == "0":
        return letter * 2, number
    return f"{letter}?", number


def _value(parts: dict[str, int], two_digit: bool) -> DateValue | None:
    year = parts.get("y", 0)
    if two_digit:
        year += 2000 if 2000 + year <= _this_year() + 1 else 1900
    month, day = parts.get("m", 0), parts.get("d")
    if "y" in parts and year < MIN_YEAR:
        return None
    if "m" in parts and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= dates._days_in_month(year or 2000, month):
        return None
    return DateValue(year, month, day)


@lru_cache(maxsize=1)
def _this_year() -> int:
    return dates._limit(None)[0]


# ---------------------------------------------------------------- matching


def _fits(written: Sequence[str], wanted: Sequence[str]) -> bool:
    if len(written) != len(wanted):
        return False
    for cell_element, style_element in zip(written, wanted, strict=True):
        if cell_element == style_element or cell_element in _EITHER.get(style_element, ()):
            continue
        if style_element.startswith("<!--") and cell_element.startswith("<!--"):
            cell_element, style_element = cell_element[4:-3], style_element[4:-3]
        if style_element not in _EITHER.get(cell_element, ()):
            return False
    return True


def wrappers_fit(written: tuple[Wrapper, ...], wanted: tuple[Wrapper, ...]) -> bool:
    """True when a cell's wrappers are the style's, or the style's inside an emphasis: bold on
    one cell of a plain column highlights a row (an important paper), it is not a date style."""
    if written == wanted:
        return True
    return bool(written) and written[0][0] in _EMPHASIS and written[1:] == wanted


@lru_cache(maxsize=4096)
def fits(shape: Style, style: Style) -> bool:
    """True when a cell's shape is written in ``style``, precision aside: a month style takes a
    day in its natural place or in a comment, a bracketed day may be left out."""
    if not wrappers_fit(shape.wrappers, style.wrappers):
        return False
    written = shape.elements
    written_day = _day_span(written)
    if has_day(style):
        if written_day is not None:
            return _fits(written, style.elements)
        return style.optional_day and _fits(written, without_day(style.elements))
    if written_day is None:
        return _fits(written, style.elements)
    if not _fits(without_day(written), style.elements):
        return False
    extension = _extension(style.elements)
    return (
        extension is None
        or written[written_day[0]].startswith("<!--")
        or (_fits(written, extension))
    )


def matches(text: str, style: str | Style) -> bool:
    """True when the cell ``text`` is written in ``style`` (precision aside)."""
    wanted = parse_style(style) if isinstance(style, str) else style
    cell = analyse(text)
    return (
        cell is not None
        and not cell.normalised
        and any(fits(reading.shape, wanted) for reading in cell.readings)
    )


def _order(elements: Sequence[str]) -> str:
    return "".join(_kind(e) for e in elements if e in _TOKENS or e in _EITHER)


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


def read(text: str, style: str | Style, year_hint: int | None = None) -> DateValue | None:
    """The date in ``text`` read in a column of ``style``, or None when unreadable.

    The style settles what the text leaves open: day/month order (``05/06/2023``) and, with
    ``year_hint`` (the year of an enclosing ``## 2024`` heading), the year of a year-less cell
    (``07-29``); without a hint such a date has year 0. A two-digit year is 20YY unless that is
    more than a year ahead (then 19YY). Shapes the fast reader does not know go to
    ``lint.dates.read`` (dateparser). No future limit here (see ``dates.parse``).
    """
    wanted = parse_style(style) if isinstance(style, str) else style
    cell = analyse(text)
    if cell is None:
        return _fallback(text)
    reading = _choose(cell, wanted)
    if reading is None:
        return None
    value = reading.value
    if value.year == 0 and year_hint is not None:
        if value.day is not None and value.day > dates._days_in_month(year_hint, value.month):
            return None
        value = value._replace(year=year_hint)
    return value


def _fallback(text: str) -> DateValue | None:
    """dateparser for words the fast reader does not know (``2023 May``, ``2023年五月``); text of
    digits and marks alone is the fast reader's (``2025--01`` is not guessed)."""
    inner = _split_wrappers(text.strip())[2]
    if len(inner) > _MAX_CELL or not _WORD.search(unicodedata.normalize("NFKC", inner)):
        return None
    return dates.read(inner)


# ---------------------------------------------------------------- writing


def _render(token: str, value: DateValue) -> str:
    day = value.day or 0
    return {
        "YYYY": f"{value.year:04d}",
        "YY": f"{value.year % 100:02d}",
        "MMMM": _FULL_NAMES[value.month],
        "MMM": _NAMES[value.month],
        "MM": f"{value.month:02d}",
        "M": str(value.month),
        "DD": f"{day:02d}",
        "M?": f"{value.month:02d}",
        "D?": f"{day:02d}",
        "<!--D?-->": f"<!--{day:02d}-->",
        "D": str(day),
        "<!--DD-->": f"<!--{day:02d}-->",
        "<!--D-->": f"<!--{day}-->",
    }[token]


def write(
    value: DateValue, style: str | Style, written_wrappers: tuple[Wrapper, ...] = ()
) -> str | None:
    """``value`` written in ``style``; None when the style cannot show it without dropping a
    day or inventing a part (a month-only date in a day-required style, a year alone in a month
    style). A month style without a day takes the day in its natural place or in a comment.
    Wrappers as written (``<span class="x">``) are kept when they are the style's kinds; a year
    or month the style does not show is left out (the caller decides whether that is safe).
    """
    wanted = parse_style(style) if isinstance(style, str) else style
    elements = _elements_for(value, wanted)
    if elements is None:
        return None
    if value.year == 0 and has_year(wanted):
        return None
    if not value.month and has_month(wanted):
        return None
    text = "".join(_render(e, value) if e in _TOKENS else e for e in elements)
    kinds = tuple(_split_wrappers(f"{o}x{c}")[0][0] for o, c in written_wrappers)
    wrappers = written_wrappers if wrappers_fit(kinds, wanted.wrappers) else wanted.wrappers
    for opening, closing in reversed(wrappers):
        text = f"{opening}{text}{closing}"
    return text


def _elements_for(value: DateValue, style: Style) -> tuple[str, ...] | None:
    if value.day is None:
        if has_day(style):
            return without_day(style.elements) if style.optional_day else None
        return style.elements
    if has_day(style) or not has_month(style):
        return style.elements
    return _extension(style.elements) or (*style.elements, "<!--DD-->")


def inner(text: str) -> str:
    """The cell's text inside its wrappers."""
    return _split_wrappers(text.strip())[2]


def wrapper_kinds(text: str) -> tuple[Wrapper, ...]:
    """The kinds of the cell's wrappers, as a style writes them (``<span>``, ``</span>``)."""
    return _split_wrappers(text.strip())[0]


def shape(text: str, style: str | Style) -> Style | None:
    """How ``text`` is written, read in a column of ``style``; None when the fast reader
    cannot read it or the style does not settle its order."""
    wanted = parse_style(style) if isinstance(style, str) else style
    cell = analyse(text)
    reading = _choose(cell, wanted) if cell is not None else None
    return reading.shape if reading is not None else None


def comment_token(text: str) -> str | None:
    """``<!--DD-->`` or ``<!--D-->`` when the cell keeps its day in a trailing comment."""
    cell = analyse(text)
    for element in cell.readings[0].shape.elements if cell else ():
        if element.startswith("<!--"):
            return "<!--DD-->" if element == "<!--D?-->" else element
    return None


@lru_cache(maxsize=1024)
def year_hint(section: tuple[str, ...]) -> int | None:
    """The year of the innermost heading that is a year alone (``## 2024``), if any.

    Cached: every row of a section asks with the same path, and a long heading read once per
    row would make the work grow with rows times heading length."""
    for title in reversed(section):
        found = dates.read_year(inner(title.strip("# ")))
        if found is not None:
            return found.year
    return None


def wrappers_of(text: str) -> tuple[Wrapper, ...]:
    """The wrappers of a cell as written, outermost first (``<span class="x">``, ``</span>``)."""
    return _split_wrappers(text.strip())[1]


# ---------------------------------------------------------------- inference


def _abstract(element: str) -> str:
    """A token with its padding or name length left open (``MM``, ``M``, ``M?`` -> ``M#``)."""
    if element in _MONTH_TOKENS:
        return "N#" if element in ("MMM", "MMMM", "N?") else "M#"
    if element in _DAY_TOKENS:
        return "<!--D#-->" if element.startswith("<!--") else "D#"
    return element


@lru_cache(maxsize=4096)
def _key(shape: Style) -> tuple[object, ...]:
    """What a column's cells must share, precision and padding aside."""
    return shape.wrappers, tuple(_abstract(e) for e in without_day(shape.elements))


@lru_cache(maxsize=4096)
def _form(shape: Style) -> tuple[str, ...]:
    """Where and how a cell writes its day, padding aside."""
    return tuple(_abstract(e) for e in shape.elements)


def _most(
    counts: Counter[tuple[object, ...]], only: Counter[tuple[object, ...]]
) -> tuple[object, ...]:
    """The most common key; ties go to the one more cells give unambiguously, then to a shape
    with a year (a year-less style is the rarer one: it needs a year heading), then the first."""
    order = {key: index for index, key in enumerate(counts)}
    return max(counts, key=lambda key: (counts[key], only[key], _has_year_key(key), -order[key]))


def _has_year_key(key: tuple[object, ...]) -> bool:
    return any(isinstance(part, str) and part.startswith("Y") for part in _flatten(key))


def _flatten(value: object) -> Iterator[object]:
    if isinstance(value, tuple):
        for part in value:
            yield from _flatten(part)
    else:
        yield value


def _padding(tokens: Iterable[tuple[str, int]], padded: str, unpadded: str, loose: str = "") -> str:
    """The padding a column uses for one component, from the cells that show it (below 10);
    ``tokens`` are ``(token, cells writing it)``.

    Without padded cells, unpadded wins only with at least a fifth of all the cells: one
    ``2024-12-9`` among five ``2024-12-13`` is a typo, not the column's style. Where both are
    written, the larger wins, unless the smaller has two cells and a fifth of them: then the
    column writes either (``loose``, ``D?``: mli's ``9/2/22`` and ``9/04/24``).
    """
    counts: Counter[str] = Counter()
    for token, weight in tokens:
        counts[token] += weight
    short, full = counts[unpadded], counts[padded]
    if not full:
        return unpadded if short and 5 * short >= sum(counts.values()) else padded
    if loose and min(short, full) >= 2 and 5 * min(short, full) >= short + full:
        return loose
    return unpadded if short > full else padded


# a reading and how many cells of the column are written that way
_Weighted = list[tuple["Reading", int]]


def _decide(readings: _Weighted, elements: tuple[str, ...], day: bool) -> tuple[str, ...]:
    """``elements`` with each open token replaced by the one most of ``readings`` write."""
    months = [(_month(r), weight) for r, weight in readings]
    choices = {
        "M#": _padding(months, "MM", "M", "M?"),
        "N#": _padding(months, "MMM", "MMMM"),
    }
    if day:
        days = [(_day(r), weight) for r, weight in readings]
        choices["D#"] = _padding(days, "DD", "D", "D?")
        choices["<!--D#-->"] = f"<!--{choices['D#']}-->"
    return tuple(
        choices.get(_abstract(e), e) if e in _TOKENS or e in _EITHER else e for e in elements
    )


def _month(reading: Reading) -> str:
    return next((e for e in reading.shape.elements if e in _MONTH_TOKENS), "")


def _day(reading: Reading) -> str:
    token = next((e for e in reading.shape.elements if e in _DAY_TOKENS), "")
    return token[4:-3] if token.startswith("<!--") else token


def column_style(texts: Iterable[str]) -> ColumnStyle | None:
    """The style most of a column's non-empty cells use; None when it is not a date column.

    A column is a date column when more than half its non-empty cells read as dates (a year with
    a venue, ``2016-CCS``, does not). The style is the shape more than half of those dates share
    (wrapper, order, separators, month as number or name, year digits), with the padding most
    cells that show it use and the day where most day-precise cells put it (bracketed when some
    cells give none). Without a majority: ``DEFAULT_STYLE``, ``fallback`` true.

    Each distinct text is read once and counts as many cells as write it (a column repeats a
    few dates many times).
    """
    counts = Counter(text for text in texts if text.strip())
    total = sum(counts.values())
    read = [(text, cell, count) for text, count in counts.items() if (cell := analyse(text))]
    cells = [(cell, count) for _, cell, count in read]
    dated = sum(count for _, count in cells)
    if not cells or 2 * dated <= total:
        return None
    votes: Counter[tuple[object, ...]] = Counter()
    only: Counter[tuple[object, ...]] = Counter()
    for text, _, count in read:
        keys = _keys_of(text)
        for key in keys:
            votes[key] += count
            if len(keys) == 1:
                only[key] += count
    best = _most(votes, only) if votes else None
    if best is None or 2 * votes[best] <= dated:
        return ColumnStyle(DEFAULT_STYLE, _count(cells, DEFAULT_STYLE), total, fallback=True)
    style = _build([(c, n) for c, n in cells if not c.normalised], best)
    return ColumnStyle(pattern(style), _count(cells, style), total)


@lru_cache(maxsize=8192)
def _keys_of(text: str) -> frozenset[tuple[object, ...]]:
    """The keys (``_key``) of the ways ``text`` reads as a date; none for normalised text."""
    cell = analyse(text)
    if cell is None or cell.normalised:
        return frozenset()
    return frozenset(_key(reading.shape) for reading in cell.readings)


def _count(cells: list[tuple[Cell, int]], style: str | Style) -> int:
    wanted = parse_style(style) if isinstance(style, str) else style
    return sum(
        count
        for c, count in cells
        if not c.normalised and any(fits(r.shape, wanted) for r in c.readings)
    )


def _build(cells: list[tuple[Cell, int]], key: tuple[object, ...]) -> Style:
    """The style of the cells whose shape has ``key``: day form by vote, then paddings."""
    members = [([r for r in c.readings if _key(r.shape) == key], n) for c, n in cells]
    members = [(readings, n) for readings, n in members if readings]
    with_day = [(readings, n) for readings, n in members if _day_span(readings[0].shape.elements)]
    if not with_day:
        chosen = [(readings[0], n) for readings, n in members]
        first = chosen[0][0].shape
        return first._replace(elements=_decide(chosen, first.elements, False))
    forms: Counter[tuple[object, ...]] = Counter()
    only: Counter[tuple[object, ...]] = Counter()
    for readings, n in with_day:
        found = {_form(r.shape) for r in readings}
        for written in found:
            forms[written] += n
            if len(found) == 1:
                only[written] += n
    form = _most(forms, only)
    chosen = [(r, n) for readings, n in with_day for r in readings if _form(r.shape) == form]
    first = chosen[0][0].shape
    elements = _decide(chosen, first.elements, True)
    month_level = [
        (readings[0], n) for readings, n in members if not _day_span(readings[0].shape.elements)
    ]
    if month_level:
        # the month's padding counts the month-precise cells too
        month = _decide(chosen + month_level, first.elements, True)
        elements = tuple(
            m if m in _MONTH_TOKENS else e for e, m in zip(elements, month, strict=True)
        )
    return Style(first.wrappers, elements, bool(month_level))
