"""A date is not written in its column's style (or in date-format's).

Why: a list whose dates are written five different ways cannot be sorted or scanned, and
readers cannot tell ``2023.1`` from ``2023.10``. The style is ``date-format``'s pattern when set
(``YYYY.MM``, ``YYYY-MM-DD``, ``MMM YYYY``, ``M/DD/YY``, ``YYYY年M月``, ``MM-DD``,
``**YYYY-MM-DD**``, `` `YYYY.MM` ``, ``<span>MM-DD</span>``, ``YYYY/MM<!--DD-->``,
``YYYY-MM[-DD]``, where the bracketed day is optional). By default (``"auto"``) it is the
list's own: the style most of the dates of its date columns of that kind (the same header)
share, in every table that does not clearly hold another (a majority of at least three of its
own cells, of which the list's style fits at most half); where neither the list nor the table
holds a majority there is no convention, and nothing is checked; nor in a table whose dates are
written more often (twice or more) in a style another of the list's tables keeps as its own. The
message names the evidence (``40 of 45 cells in 3 tables``; ``--show-conventions`` shows it per
table). A column where most cells are no dates is not checked.

The list's own ways are no deviation: a venue and a year (``CVPR, 2024``, ``NeurIPS 2023``,
``**ICLR 2024 Oral**``) where the list writes them in more than one cell of its kind of column
(one alone among dates is reported, without a fix: a venue typed into the date cell); a
placeholder or a note with no digit (``-``, ``TBD``, ``持续更新中...``); bold around every cell
of a row (a must-read row); month names as English abbreviates them (``Mar., 2024`` with
``May, 2024``, ``June, 2024`` and ``Sept., 2023``; ``June`` and ``July`` whole among ``Jan``);
the abbreviation dot where the list writes it and leaves it out freely; an aside after a date in
its style (``2023.08 (ICLR 2024)``, ``2022 (2024)``, ``2025.03🔥``) where the list writes them in
more than one cell of its kind of column; two versions' dates (``V1:2024.02 - V2:2024.06``); and,
in a table that keeps a style of its own, a date in the list's style (``2023-03`` among
``2023-7``, in a list of ``2023-07``).

Precision is not style: ``2023-07-01`` in a ``YYYY-MM`` column, or ``2025.07.01`` among
``2023.07``, is fine; only a pattern's unbracketed day is required. Never guessed, so reported
and left as written: a month of 13, a year before 1900, a date more than 31 days after today,
a day/month order the column does not settle, ``2025--01`` (a month lost between the dashes?),
``Q1 2024``, ``May, 2023*`` (more than a date), a year alone among months (unless the list
writes years alone in more than one cell of its kind of date column under an inferred style:
its way of dating a paper whose month it does not know). An empty date cell is left to
``empty-cell``.

Year columns: a paper table whose non-empty date cells are all years alone (``2023``,
``**2024**``, ``2024年``; a ``Year`` or ``年份`` column) gives dates to the year on purpose: in
auto its style is read like any other (``YYYY``), and under a month pattern it is not reported
(save a year before 1900 or in the future). With ``date-format = "YYYY"`` a date with a month
(``2023.05``) is reported with ``2023`` as an unsafe fix, since the month is dropped.

Fails (the column writes ``YYYY-MM``)::

    | Title   | Date     |
    | ------- | -------- |
    | Paper A | 2023-03  |
    | Paper B | 2023/5   |
    | Paper C | 2023-06  |

Passes::

    | Title   | Date       |
    | ------- | ---------- |
    | Paper A | 2023-03    |
    | Paper B | 2023-05-17 |
    | Paper C | 2023-06    |

Fix: the cell rewritten in the column's style. Safe only when lossless: every date component
(year, month, day) and all markup (emphasis, code span, HTML element and its attributes, a
day comment) kept, so separators, zero padding, month names to numbers and back, full-width
digits and CJK markers are safe. Unsafe: adding, removing or changing a wrapper (``**``, a code
span, an HTML element, a day moved out of its comment), a two-digit year written out (the
century is a guess) or a four-digit one cut, a year taken from a heading or dropped, a month
dropped (``YYYY``), ``2023.1``, which spreadsheets also make of ``2023.10``, and any rewrite
the safety contract does not count as equivalent (``2023年五月``). No fix when the style cannot
show the date without losing a part (a day-required pattern for a month) or the date cannot be
read. A fix writes the list's style: ``Mar., 2024`` style writes ``May, 2024``, never ``May.``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lint import contract, conventions, dates
from lint.cell_fix import rewrite_cell
from lint.column_shapes import shift
from lint.columns import cell, date_of, with_date
from lint.context import Context
from lint.conventions import TableConventions
from lint.dates import Style
from lint.document import Document, Row, Table
from lint.problem import UNSAFE, Problem

CODE = "P002"
NAME = "date-format"
DEFAULT = True
FIX = "safe/unsafe"

# "2023.1" is January as written, but spreadsheets turn "2023.10" into 2023.1: the rewrite to
# January is then a guess, so it is offered as an unsafe fix
_TRUNCATED_OCTOBER = re.compile(r"\s*\d{4}\s*\.\s*1\s*")


_VENUE = "a venue and a year, where the list writes dates: move the venue to its own column"


class _Verdict(NamedTuple):
    """Why a date cell breaks its style: the reason when there is no fix, else the text to
    write and what makes that rewrite lossy (empty when it is safe)."""

    reason: str | None
    target: str | None = None
    losses: tuple[str, ...] = ()


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report date cells not written in their column's style, with the rewrite when readable."""
    # a list repeats a few hundred dates many times: each is judged once per check (or fix)
    seen = context.memo.date_verdicts
    spelled = context.conventions.spelled_months
    spans = context.conventions.year_spans
    for found in context.conventions.paper_tables():
        table, setting, hint = found.table, found.date_style, found.year_hint
        if setting is None or setting.source == conventions.DEFAULT:
            continue  # no date column, or no style its dates share: nothing to hold them to
        assert found.roles.date is not None
        column = found.roles.date
        style = dates.parse_style(setting.value)
        years = dates.has_month(style) and found.year_column
        width = len(table.header.cells)
        verdicts: dict[int, _Verdict] = {}
        # the verdicts under this column's reading, by text (the reading hashed once a table)
        inferred = setting.source == conventions.INFERRED
        ways = (found.venue_years, found.years_alone, inferred, found.asides)
        judged = seen.setdefault((style, years, hint, ways), {})
        part = found.date_part
        for index, row in enumerate(table.rows):
            whole = cell(row.cells, column)
            text = date_of(whole, part)
            if not text.strip() or not _in_place(found, row, width):
                continue  # empty-cell reports a missing date, column-count a row's cells
            if spans and dates.year_span(text):
                continue  # the list dates projects by their years (``2005-2026``) on purpose
            if text not in judged:
                judged[text] = _judge(text, style, years, hint, *ways)
            verdict = judged[text]
            if verdict is None or _the_lists(text, found.list_style):
                continue
            if spelled and verdict.target is not None:
                kept = _spelled(text, verdict.target, spelled)
                if kept != verdict.target and _undotted(kept) == _undotted(text):
                    continue  # only a month the list writes in full differs: its spelling
                verdict = verdict._replace(target=kept)
            if text != whole and verdict.target is not None:  # the cell's other things kept
                verdict = verdict._replace(target=with_date(whole, part, verdict.target))
            verdicts[index] = verdict
        for index, verdict in _alike_refused(table, column, verdicts).items():
            row = table.rows[index]
            yield _problem(doc, row, column, setting, verdict)


def _in_place(found: TableConventions, row: Row, width: int) -> bool:
    """True when the row's cells stand under their columns: all of them, or all it writes
    where it leaves out trailing cells without shifting the others (a list's optional last
    cell left out: its date is where the other rows' dates are)."""
    if row.in_columns(width):
        return True
    return len(row.cells) < width and shift(found.shape, row.cells) is None


# a month's name (or abbreviation) and the dot after it
_MONTH_WORD = re.compile(r"([A-Za-z]+)\.?")


def _undotted(text: str) -> str:
    """``text`` without the dots after words (``March. 2023``: ``March 2023``): after a month
    written in full, a dot is no abbreviation's."""
    return _MONTH_WORD.sub(r"\1", text)


def _spelled(text: str, target: str, spelled: frozenset[int]) -> str:
    """``target`` with a month the cell writes in full, as the list does, kept so (``April.2021``
    is ``April. 2021``, not ``Apr. 2021``)."""
    full = {
        month: word
        for word in _MONTH_WORD.findall(text)
        if (month := dates.month_number(word)) in spelled and dates.is_full_name(word)
    }
    if not full:
        return target

    def one(word: re.Match[str]) -> str:
        month = dates.month_number(word[1])
        if month not in full or dates.is_full_name(word[1]):
            return word[0]
        return full[month] + word[0][len(word[1]) :]

    return _MONTH_WORD.sub(one, target)


def _the_lists(text: str, style: str | None) -> bool:
    """True for a date written in the list's style in a table keeping another (``2023-03``
    among ``2023-7``, in a list writing ``2023-07``): the list's way, no slip."""
    return style is not None and dates.matches(text, dates.parse_style(style))


def _alike_refused(table: Table, column: int, found: dict[int, _Verdict]) -> dict[int, _Verdict]:
    """``found``, with a rewrite that would make its row identical to another row of the table
    (which it differs from as written) made unsafe: see ``contract.made_alike``."""
    rewrites = {
        index: _rewritten(table.rows[index].cells, column, verdict.target)
        for index, verdict in found.items()
        if verdict.target is not None and not verdict.losses
    }
    if not rewrites:
        return found
    alike = contract.made_alike([row.cells for row in table.rows], rewrites)
    for index, other in alike.items():
        loss = f"the row would repeat line {table.rows[other].line}"
        found[index] = found[index]._replace(losses=(loss,))
    return found


def _rewritten(cells: tuple[str, ...], column: int, text: str) -> tuple[str, ...]:
    return cells[:column] + (text,) + cells[column + 1 :]


def _judge(
    text: str,
    style: Style,
    years: bool,
    hint: int | None,
    venue_years: bool,
    years_alone: bool = False,
    inferred: bool = False,
    asides: bool = False,
) -> _Verdict | None:
    """None when ``text`` is a readable date written in ``style`` (or no date at all: a
    placeholder or a note, ``-``, ``TBD``; or a venue-year, or a year alone, where the list
    writes them; or, in a column of years by an inferred style, a date giving its month too),
    else what is wrong."""
    if not any(char.isdigit() for char in text):
        return None
    if _part_unknown(text, style, years, hint):
        return None  # ``2019/??``: the year known, the month not yet
    if dates.venue_year(text) is not None:
        return None if venue_years else _Verdict(_VENUE)
    if inferred and not dates.has_month(style) and _with_month(text):
        return None  # more than the list's years tell: a month known is no slip to undo
    if years:
        year = dates.read_year(dates.inner(text))
        if year and not dates.is_future(year):
            return None
        if _two_dates(text, style, years, hint) or _noted(
            text, style, years, hint, inferred, asides
        ):
            return None
        return _Verdict("cannot read it")
    value = dates.read(text, style, hint)
    if value is not None and value.year and dates.is_future(value):
        value = None
    if not dates.has_year(style) and _day_span(text, style, years, hint):
        return None  # ``06.21-25``: a span of days, in a style without the year
    if value is None or (not value.month and dates.has_month(style)):
        inner = dates.inner(text)
        year = dates.read_year(inner)
        if year and dates.has_month(style):
            if years_alone and not dates.is_future(year):
                return None  # the list's way of dating a paper whose month it does not know
            return _Verdict('a year alone: add the month, or set date-format = "YYYY"')
        if _two_dates(text, style, years, hint) or _noted(
            text, style, years, hint, inferred, asides
        ):
            return None
        if dates.has_year(style) and _day_span(text, style, years, hint):
            return None  # (a style without the year asked above)
        return _unreadable(text)
    if dates.matches(text, style):
        return None
    target = _target(text, value, style)
    if target is None:
        missing = value.day is None and dates.has_day(style)
        return _Verdict("it has no day" if missing else "the style cannot show it whole")
    if target == text:
        return None
    losses = _losses(text, value, style, target)
    if not losses and not contract.equivalent_cells(text, target):
        # the rule offers as safe only what the fix's safety check accepts (issue 18)
        losses = ("text besides the date's numbers and month names changes",)
    return _Verdict(None, target, losses)


def _with_month(text: str) -> bool:
    """True when some reading of ``text`` gives a year and a month (``Oct-23``, ``2018‑06``)."""
    cell = dates.analyse(dates.inner(text))
    return cell is not None and any(r.value.year and r.value.month for r in cell.readings)


def _unreadable(text: str) -> _Verdict:
    """The verdict on a date no reading accepts, naming a misspelt month when there is one."""
    slip = dates.misspelt(text)
    return _Verdict("cannot read it" if slip is None else f"cannot read {slip} as a month")


# what parts a date from a note beside it in one cell: ``September 2019, Interspeech``
_NOTE = re.compile(r"\s*[,;，；]\s*")


def _noted(
    text: str,
    style: Style,
    years: bool,
    hint: int | None,
    inferred: bool = False,
    asides: bool = False,
) -> bool:
    """True when ``text`` is a date written in ``style`` and a note of words beside it (the
    venue it appeared at): the list annotates the date on purpose, and the date is right; or,
    where the list writes them (``asides``), an aside after it (``dates.has_aside``)."""

    def _in_style(date: str) -> bool:
        return _judge(date, style, years, hint, False, inferred=inferred) is None

    inner = dates.inner(text)
    if asides and dates.has_aside(text) and _in_style(dates.without_aside(text)):
        return True  # ``2023.08 (ICLR 2024)``, ``2022 (2024)``, ``2025.03🔥``
    parts = _NOTE.split(inner)
    if len(parts) != 2:
        # the venue, with its year or not, before the date (``CVPR23 23.04``: where it
        # appeared, and the month of its preprint; ``arXiv 2025.10`` among ``EMNLP 2023``)
        words = inner.split(" ")
        return any(
            _venue(" ".join(words[:at])) and _in_style(" ".join(words[at:]))
            for at in range(1, len(words))
        )
    notes = [part for part in parts if not any(char.isdigit() for char in part)]
    if len(notes) != 1 or not any(char.isalpha() for char in notes[0]):
        return False
    (date,) = (part for part in parts if part is not notes[0])
    return _in_style(date)


def _venue(text: str) -> bool:
    """True for a venue and its year (``CVPR23``), or a venue's name alone (``arXiv``): words
    of letters that a year would make a venue-year."""
    if dates.venue_year(text) is not None:
        return True
    return not any(char.isdigit() for char in text) and dates.venue_year(text + " 2000") is not None


# what joins two dates in one cell: two versions (``2016/2018``), a range (``2023.05 - 2023.07``)
_JOINED_BY = r",|&|;|~|～|、|–|—|\s-\s|\band\b"
_JOINS = re.compile(rf"\s*(?:/|{_JOINED_BY})\s*")
# the joins but the slash, which may be the style's own separator (``2023/10~2023/11``)
_RANGE_JOINS = re.compile(rf"\s*(?:{_JOINED_BY})\s*")


# a line break between versions' dates, and a version's label before its date (``v2:``)
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_VERSION = re.compile(r"(?i)v\d+\s*[:：]\s*")


def _two_dates(text: str, style: Style, years: bool, hint: int | None) -> bool:
    """True when ``text`` is two dates each written in ``style``, joined: a cell that dates two
    versions or a span on purpose, which the style has no way to write as one (a version's label
    before each: ``V1:2024.02 - V2:2024.06``); or the dates of several versions, a line each
    (``v1:2021.11.13<br />v2:2022.5.29``, ``...`` between; ``2024.12.12(release)``)."""
    inner = dates.inner(text)
    lines = _BREAK.split(inner)
    if len(lines) > 1:
        # a version's label before its date (``v2:``) or after it (``2024.12.12(release)``)
        shown = [
            dates.without_aside(_VERSION.sub("", line, count=1))
            for line in lines
            if line not in ("...", "…")
        ]
        return all(
            any(char.isdigit() for char in line) and _judge(line, style, years, hint, False) is None
            for line in shown
        )
    parts = _RANGE_JOINS.split(inner)
    if len(parts) != 2:
        parts = _JOINS.split(inner)
    if len(parts) != 2 or not all(parts):
        return False
    parts = [_VERSION.sub("", part, count=1) for part in parts]  # ``V1:2024.02 - V2:2024.06``
    return all(
        any(char.isdigit() for char in part) and _judge(part, style, years, hint, False) is None
        for part in parts
    )


# days of one month spanned beside its name (``February 4-6, 2026``, ``4–6 February 2026``)
_DAY_SPAN = re.compile(
    r"(?i)(?<=[a-z]\s)(\d{1,2})\s*[-–—~]\s*(\d{1,2})\b|\b(\d{1,2})\s*[-–—~]\s*(\d{1,2})(?=\s+[a-z])"
    # or after a month's number, in a style without the year (``06.21-25``)
    r"|(?<=\d[./])(\d{1,2})\s*[-–—~]\s*(\d{1,2})$"
)


def _day_span(text: str, style: Style, years: bool, hint: int | None) -> bool:
    """True when ``text`` is a date in ``style`` but for a span of days beside its month's name
    (an event of several days): its first day in its place gives a date in the style."""
    inner = dates.inner(text)
    spans = list(_DAY_SPAN.finditer(inner))
    if len(spans) != 1:
        return False
    span = spans[0]
    first, last = (int(day) for day in span.groups() if day is not None)
    if not first < last <= 31:
        return False
    start = inner[: span.start()] + str(first) + inner[span.end() :]
    return _judge(start, style, years, hint, False) is None


# a month or day written as unknown (``2019/??``, ``2023.xx``, ``2021-XX``)
_UNKNOWN = re.compile(r"(?<![A-Za-z0-9])(?:\?\??|？？?|[xX][xX]?)(?![A-Za-z0-9])")


def _part_unknown(text: str, style: Style, years: bool, hint: int | None) -> bool:
    """True when ``text`` is a date in ``style`` but for one part written as unknown: its year
    known, its month not yet (the list's own way of saying so, never a slip to rewrite)."""
    marks = list(_UNKNOWN.finditer(text))
    if len(marks) != 1 or not any(char.isdigit() for char in text):
        return False
    start, end = marks[0].span()
    return any(
        _judge(text[:start] + known + text[end:], style, years, hint, False) is None
        for known in ("01", "1")
    )


def _target(text: str, value: dates.DateValue, style: Style) -> str | None:
    """``value`` in ``style``, inside the cell's own wrappers when they are the style's; a day
    the cell keeps in a comment stays in one when the style writes no day."""
    wrappers = dates.wrappers_of(text)
    comment = dates.comment_token(text)
    if comment and value.day and dates.has_month(style) and not dates.has_day(style):
        style = style._replace(elements=(*style.elements, comment))
    # where the style leaves a month's or a day's padding free (``M?``), the cell's own is kept:
    # of the ways to write it, the one nearest the cell's length (padded among equals)
    styles = [style]
    for loose, fixed in _LOOSE:
        if loose in style.elements:
            styles = [_fixed(one, loose, token) for one in styles for token in fixed]
    written = [found for one in styles if (found := dates.write(value, one, wrappers))]
    return min(written, key=lambda found: abs(len(found) - len(text)), default=None)


_LOOSE = (("M?", ("MM", "M")), ("D?", ("DD", "D")))


def _fixed(style: Style, loose: str, token: str) -> Style:
    return style._replace(elements=tuple(token if e == loose else e for e in style.elements))


def _losses(text: str, value: dates.DateValue, style: Style, target: str) -> tuple[str, ...]:
    """What rewriting ``text`` as ``target`` loses or guesses (nothing: the fix is safe)."""
    losses = []
    if not dates.wrappers_fit(dates.wrapper_kinds(text), style.wrappers):
        losses.append("the markup around the date changes")
    shape = dates.shape(text, style)
    written = shape.elements if shape else ()
    if "YY" in written and "YYYY" in style.elements:
        losses.append("the century of a two-digit year is a guess")
    if "YYYY" in written and "YY" in style.elements:
        losses.append("the century is dropped")
    if shape and not dates.has_year(shape) and dates.has_year(style):
        losses.append("the year comes from the heading")
    if (dates.has_year(shape) if shape else value.year) and not dates.has_year(style):
        losses.append("the year is dropped")
    if value.month and not dates.has_month(style):
        losses.append("the month is dropped")
    if dates.comment_token(text) and "<!--" not in target:
        losses.append("the day leaves its comment")
    if value.day and not dates.comment_token(text) and "<!--" in target:
        losses.append("the day is hidden in a comment")
    if _TRUNCATED_OCTOBER.fullmatch(dates.inner(text)):
        october = dates.write(value._replace(month=10), style, ())
        losses.append(f'or "{october}", if a spreadsheet dropped the zero of .10')
    return tuple(losses)


def _problem(
    doc: Document, row: Row, column: int, setting: conventions.Setting, verdict: _Verdict
) -> Problem:
    text = row.cells[column]
    position = row.column(column)
    origin = "date-format" if setting.source == conventions.SET else setting.source
    if setting.detail:
        origin += f", {setting.detail}"
    where = f'date "{text}" is not in the style {setting.value} ({origin})'
    if verdict.target is None:
        message = f"{where}: {verdict.reason}; fix it by hand"
        return Problem(row.line, position, CODE, NAME, message)
    message = f'{where}: write "{verdict.target}"'
    fix = rewrite_cell(doc, row, column, verdict.target)
    if verdict.losses:
        message += f" (unsafe: {'; '.join(verdict.losses)})"
        fix = fix._replace(safety=UNSAFE)
    return Problem(row.line, position, CODE, NAME, message, fix)
