"""Inferring a date column's style from its cells.

A column is a date column when more than half its non-empty cells read as dates (a year with a
venue, ``2016-CCS``, does not). Its style is the shape more than half of those dates share
(wrapper, order, separators, month as number or name, year digits), with the padding most cells
that show it use and the day where most day-precise cells put it (bracketed when some cells give
none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from lint.dates.cells import Cell, Reading, analyse
from lint.dates.patterns import (
    DAY_TOKENS,
    EITHER,
    MONTH_TOKENS,
    TOKENS,
    Style,
    day_span,
    parse_style,
    pattern,
    without_day,
)
from lint.dates.reading import fits

DEFAULT_STYLE = "YYYY.MM"


class ColumnStyle(NamedTuple):
    """The style of a date column: ``matching`` of its ``cells`` (non-empty) are in ``style``;
    ``fallback`` when no style held a majority and ``style`` is ``DEFAULT_STYLE``."""

    style: str
    matching: int
    cells: int
    fallback: bool = False


def _abstract(element: str) -> str:
    """A token with its padding or name length left open (``MM``, ``M``, ``M?`` -> ``M#``)."""
    if element in MONTH_TOKENS:
        return "N#" if element in ("MMM", "MMMM", "N?") else "M#"
    if element in DAY_TOKENS:
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
_Weighted = list[tuple[Reading, int]]


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
        choices.get(_abstract(e), e) if e in TOKENS or e in EITHER else e for e in elements
    )


def _month(reading: Reading) -> str:
    return next((e for e in reading.shape.elements if e in MONTH_TOKENS), "")


def _day(reading: Reading) -> str:
    token = next((e for e in reading.shape.elements if e in DAY_TOKENS), "")
    return token[4:-3] if token.startswith("<!--") else token


def column_style(texts: Iterable[str]) -> ColumnStyle | None:
    """The style most of a column's non-empty cells use; None when it is not a date column;
    ``DEFAULT_STYLE`` with ``fallback`` true when no style holds a majority.

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
def _keys_of(text: str) -> tuple[tuple[object, ...], ...]:
    """The keys (``_key``) of the ways ``text`` reads as a date, each once, in reading order
    (an order of sets would change with the interpreter's string hashing, and so would the
    style chosen between equal votes); none for normalised text."""
    cell = analyse(text)
    if cell is None or cell.normalised:
        return ()
    return tuple(dict.fromkeys(_key(reading.shape) for reading in cell.readings))


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
    with_day = [(readings, n) for readings, n in members if day_span(readings[0].shape.elements)]
    if not with_day:
        chosen = [(readings[0], n) for readings, n in members]
        first = chosen[0][0].shape
        return first._replace(elements=_decide(chosen, first.elements, False))
    forms: Counter[tuple[object, ...]] = Counter()
    only: Counter[tuple[object, ...]] = Counter()
    for readings, n in with_day:
        found = dict.fromkeys(_form(r.shape) for r in readings)
        for written in found:
            forms[written] += n
            if len(found) == 1:
                only[written] += n
    form = _most(forms, only)
    chosen = [(r, n) for readings, n in with_day for r in readings if _form(r.shape) == form]
    first = chosen[0][0].shape
    elements = _decide(chosen, first.elements, True)
    month_level = [
        (readings[0], n) for readings, n in members if not day_span(readings[0].shape.elements)
    ]
    if month_level:
        # the month's padding counts the month-precise cells too
        month = _decide(chosen + month_level, first.elements, True)
        elements = tuple(
            m if m in MONTH_TOKENS else e for e, m in zip(elements, month, strict=True)
        )
    return Style(first.wrappers, elements, bool(month_level))
