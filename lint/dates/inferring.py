"""Inferring the date style of a list's date columns from their cells.

A column is a date column when more than half its non-empty cells read as dates (a year with a
venue, ``2016-CCS``, does not; a venue and a year, ``CVPR, 2024``, is left out: it dates a
published paper to its year, in the list's own way). Its style is the shape more than half of
those dates share (wrapper, order, separators, month as number or name, year digits), with the
padding most cells that show it use and the day where most day-precise cells put it (bracketed
when some cells give none); without such a majority, the shape most of them share.

A list keeps one style per kind of date column (the same header), so ``choose_styles`` reads the
style of all the list's columns of a kind together: a table takes the list's style unless its
own cells clearly hold another (a majority of at least three cells, of which the list's style
fits at most half); where neither the list nor the table holds a majority, there is no
convention and the dates are only read, never checked. A row whose every cell is in the same
emphasis (a must-read row in bold) is row markup, not a date style: ``date_text`` reads its date
without it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from lint.dates.cells import Cell, Reading, analyse
from lint.dates.patterns import (
    DAY_TOKENS,
    EITHER,
    EMPHASIS,
    MONTH_TOKENS,
    NAMES,
    TOKENS,
    Style,
    day_span,
    has_month,
    parse_style,
    pattern,
    split_wrappers,
    without_day,
)
from lint.dates.reading import bare_year, fits, has_aside, venue_year

DEFAULT_STYLE = "YYYY.MM"


# how a column's style was chosen: the list's for its kind, its own, or none (dates only read)
DOCUMENT = "document"
TABLE = "table"
NONE = "none"
# venue-years in this many cells of a kind of column are the list's way, not a slip
VENUE_YEARS_SHOWN = 2
# years alone among dates with a month, in this many cells of a kind of column: the list's way
# of dating a paper whose month it does not know, not a slip
YEARS_ALONE_SHOWN = 2
# dates with an aside after them (``2023.08 (ICLR 2024)``, ``2025.03🔥``) in this many cells of a
# kind of column: the list's way of noting a venue or marking a paper, not a slip
ASIDES_SHOWN = 2


def written_texts(columns: Sequence[DateColumn | None]) -> Counter[str]:
    """How many cells of the list's date columns write each text."""
    return Counter(text for column in columns if column is not None for text in column.texts)


class ColumnStyle(NamedTuple):
    """The style of a date column: ``matching`` of its ``cells`` (non-empty, venue-years aside)
    are in ``style``; ``majority`` when more than half its dates share the style's shape."""

    style: str
    matching: int
    cells: int
    majority: bool = True


class DateColumn(NamedTuple):
    """A table's date column as inference reads it: its kind (the header as compared) and its
    cells (``date_text``)."""

    kind: str
    texts: tuple[str, ...]


class Choice(NamedTuple):
    """The style a date column is checked against and its evidence: ``matching`` of ``cells``
    written in it, in this table (``scope`` ``table``) or in the ``tables`` columns of its kind
    (``document``); ``none``: no style holds a majority (``style`` only reads the dates, it is
    the one most of them share). ``venue_years``: cells of the list's columns of its kind that
    are a venue and a year; ``years_alone``: those that are a year alone; ``asides``: cells of
    all the list's date columns with an aside after a date (``has_aside``). ``style`` None: not
    a date column (most cells are no dates). ``list_style``: the style of the list's columns of
    its kind where this table keeps another (scope ``table``)."""

    style: str | None
    matching: int
    cells: int
    scope: str
    tables: int = 1
    venue_years: int = 0
    years_alone: int = 0
    asides: int = 0
    list_style: str | None = None


def _abstract(element: str) -> str:
    """A token with its padding or name length left open (``MM``, ``M``, ``M?`` -> ``M#``)."""
    if element in MONTH_TOKENS:
        return "N#" if element in NAMES or element in ("N?", "N!") else "M#"
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
    counts: Counter[tuple[object, ...]],
    only: Counter[tuple[object, ...]],
    too_early: frozenset[tuple[object, ...]] = frozenset(),
) -> tuple[object, ...]:
    """The most common key; ties go to the one more cells give unambiguously, then to one
    dating no cell before ``PLAUSIBLE_YEAR`` (not in ``too_early``), then to a shape with a
    year (a year-less style is the rarer one: it needs a year heading), then the first."""
    order = {key: index for index, key in enumerate(counts)}
    return max(
        counts,
        key=lambda key: (
            counts[key],
            only[key],
            key not in too_early,
            _has_year_key(key),
            -order[key],
        ),
    )


# a list of papers dates none before this year: ``1906`` among ``2007`` and ``1912`` is an
# arXiv id's month (June 2019), as the column's other cells read too, not a year
PLAUSIBLE_YEAR = 1940


def _dating_too_early(cells: Sequence[tuple[Cell, int]]) -> frozenset[tuple[object, ...]]:
    """The keys of the shapes under which some cell reads as a date before
    ``PLAUSIBLE_YEAR``."""
    return frozenset(
        _key(reading.shape)
        for cell, _ in cells
        for reading in cell.readings
        if 0 < reading.value.year < PLAUSIBLE_YEAR
    )


def _has_year_key(key: tuple[object, ...]) -> bool:
    return any(isinstance(part, str) and part.startswith("Y") for part in _flatten(key))


def _flatten(value: object) -> Iterator[object]:
    if isinstance(value, tuple):
        for part in value:
            yield from _flatten(part)
    else:
        yield value


# cells writing a month or day below 10 unpadded, and none padded: the column's way
UNPADDED_SHOWN = 3


def _padding(tokens: Iterable[tuple[str, int]], padded: str, unpadded: str, loose: str = "") -> str:
    """The padding a column uses for one component, from the cells that show it (below 10);
    ``tokens`` are ``(token, cells writing it)``.

    Without padded cells, unpadded wins with at least a fifth of all the cells, or
    ``UNPADDED_SHOWN`` of them (every cell below 10 unpadded, among many Octobers: ``2025.7``,
    ``2025.9``, ``2026.1`` among ``2025.10``): one ``2024-12-9`` among five ``2024-12-13`` is
    a typo, not the column's style. Where both are
    written, the larger wins, unless the smaller has two cells and a fifth of them: then the
    column writes either (``loose``, ``D?``: mli's ``9/2/22`` and ``9/04/24``).
    """
    counts: Counter[str] = Counter()
    for token, weight in tokens:
        counts[token] += weight
    short, full = counts[unpadded], counts[padded]
    if not full:
        shown = 5 * short >= sum(counts.values()) or short >= UNPADDED_SHOWN
        return unpadded if short and shown else padded
    if loose and min(short, full) >= 2 and 5 * min(short, full) >= short + full:
        return loose
    return unpadded if short > full else padded


def _name(tokens: Iterable[tuple[str, int]]) -> str:
    """How a column writes month names: in full or abbreviated (as ``_padding`` decides), and
    the abbreviations with a dot or not; both freely (two cells and a fifth each): either
    (``MMM.?``). ``June`` and ``July`` in full sit among abbreviations too (English often leaves
    them whole), so they count as full names only in a column that abbreviates none."""
    counts: Counter[str] = Counter()
    for token, weight in tokens:
        counts[token] += weight
    dotted, plain = counts["MMM."], counts["MMM"]
    full = counts["MMMM"] + (0 if dotted or plain else counts["N!"])
    if _padding([("MMM", dotted + plain), ("MMMM", full)], "MMM", "MMMM") == "MMMM":
        return "MMMM"
    if min(dotted, plain) >= 2 and 5 * min(dotted, plain) >= dotted + plain:
        return "MMM.?"
    return "MMM." if dotted > plain else "MMM"


# a reading and how many cells of the column are written that way
_Weighted = list[tuple[Reading, int]]


def _decide(readings: _Weighted, elements: tuple[str, ...], day: bool) -> tuple[str, ...]:
    """``elements`` with each open token replaced by the one most of ``readings`` write."""
    months = [(_month(r), weight) for r, weight in readings]
    choices = {"M#": _padding(months, "MM", "M", "M?"), "N#": _name(months)}
    if day:
        days = [(_day(r), weight) for r, weight in readings]
        choices["D#"] = _padding(days, "DD", "D", "D?")
        named = any(_abstract(element) == "N#" for element in elements)
        if named and choices["D#"] == "DD" and not any(d == "DD" and n for d, n in days):
            # beside a month's name a day is written as said (``December 6, 2025``): padding
            # is the list's only where it shows one (``December 06``)
            choices["D#"] = "D"
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
    """The style most of a column's non-empty cells use; None when it is not a date column.

    Each distinct text is read once and counts as many cells as write it (a column repeats a
    few dates many times). Venue-years are left out.
    """
    counts = _dates_counted(texts)
    total = sum(counts.values())
    if _numbered(counts, total):
        return None
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
    if not votes:  # full-width digits only: never a style's own form
        return ColumnStyle(DEFAULT_STYLE, 0, total, majority=False)
    best = _most(votes, only, _dating_too_early(cells))
    style = _build([(c, n) for c, n in cells if not c.normalised], best)
    return ColumnStyle(pattern(style), _count(cells, style), total, 2 * votes[best] > dated)


# a year and a number after it (``2023-33``): a month when the number is at most 12
_YEAR_NUMBER = re.compile(r"\s*(?:19|20)\d\d\s*[-./]\s*(\d{1,3})\s*")
# a column of years and numbers this share of which go past 12 numbers its rows by year
NUMBERED_SHARE = 0.1


def _numbered(counts: Counter[str], total: int) -> bool:
    """True when cells of a year and a number past 12 (``2023-33``, ``2022-27``) are at least
    ``NUMBERED_SHARE`` of the column, and 3: it numbers the rows of each year (a ``Year-Id``
    column), and its ``2023-3`` is the year's third entry, not March."""
    past = sum(
        count
        for text, count in counts.items()
        if (found := _YEAR_NUMBER.fullmatch(text)) and int(found[1]) > 12
    )
    return past >= 3 and past >= NUMBERED_SHARE * total


def _numbers_rows(texts: Iterable[str]) -> bool:
    counts = _dates_counted(texts)
    return _numbered(counts, sum(counts.values()))


def _dates_counted(texts: Iterable[str]) -> Counter[str]:
    """How many times each non-empty text is written, in the order first written; venue-years
    left out (each distinct text read once)."""
    counts = Counter(text for text in texts if text.strip())
    for text in [text for text in counts if venue_year(text) is not None]:
        del counts[text]
    return counts


def choose_styles(
    columns: Sequence[DateColumn | None],
    known: dict[tuple[str, ...], ColumnStyle | None] | None = None,
    written: Mapping[str, int] | None = None,
) -> list[Choice | None]:
    """The style each date column is checked against (None where there is no date column),
    the list's columns of a kind read together (see the module's docstring). ``known``: the
    styles of columns read so far, by their cells (the passes of a fix read the same ones);
    ``written``: the count of each text of the columns, when the caller read it already."""
    known = {} if known is None else known

    def style_of(texts: tuple[str, ...]) -> ColumnStyle | None:
        if texts not in known:
            known[texts] = column_style(texts)
        return known[texts]

    kinds: dict[str, dict[int, DateColumn]] = defaultdict(dict)
    for index, column in enumerate(columns):
        if column is not None:
            kinds[column.kind][index] = column
    chosen: list[Choice | None] = [None] * len(columns)
    # an aside after a date is its writer's habit, whatever a column is called
    # (``2024.07 ✨✨✨`` under Time, then once under Year)
    every = written if written is not None else written_texts(columns)
    asides = sum(count for text, count in every.items() if has_aside(text))
    for members in kinds.values():
        if any(_numbers_rows(column.texts) for column in members.values()):
            continue  # a kind of column numbering each year's rows (``Year-Id``) holds no dates
        own = {index: style_of(column.texts) for index, column in members.items()}
        dated = [members[index].texts for index, found in own.items() if found is not None]
        pooled = style_of(tuple(text for texts in dated for text in texts))
        written = Counter(text for column in members.values() for text in column.texts)
        venues = sum(count for text, count in written.items() if venue_year(text) is not None)
        alone = sum(count for text, count in written.items() if bare_year(text))
        for index, column in members.items():
            found = own[index]
            choice = Choice(None, 0, 0, NONE)
            if found is not None:
                years_alone = alone >= YEARS_ALONE_SHOWN
                choice = _choice(found, pooled, column.texts, len(dated), years_alone)
            chosen[index] = choice._replace(venue_years=venues, years_alone=alone, asides=asides)
        _tables_own_ways(chosen, members, own)
    return chosen


def _tables_own_ways(
    chosen: list[Choice | None],
    members: dict[int, DateColumn],
    own: dict[int, ColumnStyle | None],
) -> None:
    """A table held to the list's style whose dates are written more often (twice or more) in
    a style another table of the list keeps as its own (``Mar 5 2025`` beside a table of ``Feb 9
    2025``): the list writes both, and this short table settles neither; no convention."""
    choices = [chosen[index] for index in members]
    kept = {c.style for c in choices if c is not None and c.style and c.scope == TABLE}
    for index, column in members.items():
        choice, found = chosen[index], own[index]
        if choice is None or choice.scope != DOCUMENT or found is None or not kept:
            continue
        assert choice.style is not None
        counts = _dates_counted(column.texts)
        cells = [(cell, count) for text, count in counts.items() if (cell := analyse(text))]
        # read in the other table's style its dates are written in (not checked: no convention)
        theirs, style = max((_count(cells, style), style) for style in kept)
        if theirs >= 2 and theirs > _count(cells, choice.style):
            chosen[index] = choice._replace(style=style, scope=NONE, tables=1)


def _choice(
    own: ColumnStyle,
    pooled: ColumnStyle | None,
    texts: Sequence[str],
    tables: int,
    years_alone: bool = False,
) -> Choice:
    """A table's style: the list's where it has one and the table does not clearly differ
    (``years_alone``: the list dates papers whose month it does not know by their year)."""
    if pooled is not None and pooled.majority:
        if own.style == pooled.style or not _differs(own, pooled.style, texts, years_alone):
            return Choice(pooled.style, pooled.matching, pooled.cells, DOCUMENT, tables)
    if own.majority:
        listed = pooled.style if pooled is not None and pooled.majority else None
        return Choice(own.style, own.matching, own.cells, TABLE, list_style=listed)
    return Choice(own.style, own.matching, own.cells, NONE)


def _differs(own: ColumnStyle, style: str, texts: Sequence[str], years_alone: bool) -> bool:
    """True when a table clearly holds a style of its own: a majority of at least three of its
    cells, of which ``style`` fits at most half. Where the list writes years alone as its way
    and ``style`` shows a month, a year alone counts for neither: a table of older papers
    dated by their years (and a few months, in ``style``) is the list's, not one of years."""
    if not own.majority or own.matching < 3:
        return False
    counts = _dates_counted(texts)
    if years_alone and has_month(parse_style(style)):
        counts = Counter({text: count for text, count in counts.items() if not bare_year(text)})
    cells = [(cell, count) for text, count in counts.items() if (cell := analyse(text))]
    dated = sum(count for _, count in cells)
    return dated > 0 and 2 * _count(cells, style) <= dated


_EMPHASIS_STARTS = frozenset(marker[0] for marker in EMPHASIS)


def date_text(cells: Sequence[str], column: int) -> str:
    """A row's date cell as inference reads it: without the emphasis around every non-empty
    cell of its row (a must-read row in bold is row markup, not the column's date style)."""
    text = cells[column] if column < len(cells) else ""
    for cell in cells:  # most rows: the first filled cell opens no emphasis, none is removed
        stripped = cell.strip()
        if stripped:
            if stripped[0] not in _EMPHASIS_STARTS:
                return text
            break
    filled = [cell for cell in cells if cell.strip()]
    if len(filled) < 2:
        return text
    marker = _emphasis(filled[0])  # the same around every filled cell, or none is removed
    if not marker or any(_emphasis(cell) != marker for cell in filled[1:]):
        return text
    stripped = text.strip()
    return stripped[len(marker) : -len(marker)]


def _emphasis(text: str) -> str:
    """The emphasis marker around the whole of ``text`` (``**``, ``_``…), else ``""``."""
    stripped = text.strip()
    if stripped[:1] not in _EMPHASIS_STARTS:
        return ""  # no emphasis can open it: split_wrappers would find none first
    kinds = split_wrappers(stripped)[0]
    return kinds[0][0] if kinds and kinds[0][0] in EMPHASIS else ""


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
