"""A paper table's rows are not in date order.

Why: readers scan a section for what is new; one row out of place hides it, and a sorted table
makes a misplaced date stand out. Option ``order``: ``ascending`` (default) or ``descending``.
Dates are compared as the ``date-format`` writes them (the day only if it shows days); rows with
the same date keep their relative order. A year column (every date cell a year alone, such as
``2023``, ``**2024**`` or ``2024年`` under ``Year``) and a ``YYYY`` format compare by year.

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper B | 2023.05 | 摘要 |
    | Paper A | 2023.03 | 摘要 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.03 | 摘要 |
    | Paper B | 2023.05 | 摘要 |

Fix: safe: a stable sort by date that moves whole rows and nothing else (each line keeps its
container prefix, such as a block-quote marker). A table holding a date that cannot be read
(see ``date-format`` and ``empty-cell``) is reported but never reordered. A table that runs the
other way throughout (each readable date equal to or past the one before it in the opposite
direction, with at least two distinct dates) may be ordered on purpose: its message names the
``order`` setting, so a list kept newest first can say so instead of being re-sorted. Unsafe
when another column numbers the rows 1, 2, 3 … (a rank or an index, ``#``, ``排名``): the order
was chosen on purpose and sorting would scramble the numbering.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint import conventions, dates
from lint.columns import cell
from lint.config import SECTION, Config
from lint.document import Document, Table
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem

CODE = "P003"
NAME = "row-order"
DEFAULT = True
FIX = "safe/unsafe"

_Key = tuple[int, int, int]


def check(doc: Document, config: Config) -> Iterator[Problem]:
    """Report each paper table whose rows are out of date order, once, at the first such row."""
    seen: dict[tuple[str, bool, str], _Key | None] = {}
    for found in conventions.of(doc, config).tables:
        table, roles = found.table, found.roles
        if not roles.is_paper or found.order.value == "off" or found.date_style is None:
            continue
        assert roles.date is not None
        if len(table.rows) < 2:
            continue
        descending = found.order.value == "descending"
        date_format = found.date_style.value
        year_format = not dates.has_month(date_format)
        texts = [cell(row.cells, roles.date) for row in table.rows]
        years = year_format or dates.year_column(texts)
        keys = [_key(text, date_format, years, seen) for text in texts]
        misplaced = _first_misplaced(keys, descending)
        if misplaced is not None:
            yield _problem(doc, table, roles.date, keys, misplaced, descending)


def _problem(
    doc: Document,
    table: Table,
    column: int,
    keys: list[_Key | None],
    misplaced: int,
    descending: bool,
) -> Problem:
    row = table.rows[misplaced]
    previous = table.rows[misplaced - 1]
    text = cell(row.cells, column)
    position = row.column(column)
    reverse = _runs_the_other_way(keys, descending)
    if reverse:
        other = "ascending" if descending else "descending"
        message = (
            f'table is in {other} date order (row dated "{text}" after line {previous.line}); '
            f'if on purpose, set order = "{other}" under [tool.{SECTION}]'
        )
    else:
        direction = "descending" if descending else "ascending"
        message = (
            f'row dated "{text}" is out of {direction} date order (after line {previous.line})'
        )
    unreadable = [r.line for r, key in zip(table.rows, keys, strict=True) if key is None]
    if unreadable:
        message += f": not sorted, the date at line {unreadable[0]} cannot be read"
        return Problem(row.line, position, CODE, NAME, message)
    message += "; else sort the rows" if reverse else ": sort the rows"
    fix = _sorted_fix(doc, table, keys, descending)
    numbered = _numbering_column(table, column)
    if numbered is not None:
        # rows numbered 1..n (a rank, an index) were ordered on purpose: sorting scrambles that
        header = cell(table.header.cells, numbered) or f"column {numbered + 1}"
        message += f' (unsafe: the rows are numbered in "{header}")'
        fix = fix._replace(safety=UNSAFE)
    return Problem(row.line, position, CODE, NAME, message, fix)


def _numbering_column(table: Table, date_column: int) -> int | None:
    """The first column other than the date whose cells count 1, 2, 3 … (or down) row by row."""
    width = min(len(row.cells) for row in table.rows)
    for column in range(width):
        if column == date_column:
            continue
        values = [cell(row.cells, column).strip("*_.# ") for row in table.rows]
        if not all(value.isdigit() for value in values):
            continue
        numbers = [int(value) for value in values]
        steps = {b - a for a, b in zip(numbers, numbers[1:], strict=False)}
        if steps in ({1}, {-1}):
            return column
    return None


def _key(
    text: str,
    date_format: str,
    years: bool,
    seen: dict[tuple[str, bool, str], _Key | None],
) -> _Key | None:
    """The sort key of a date text, None when unreadable; each distinct text is read once."""
    if (text, years, date_format) in seen:
        return seen[text, years, date_format]
    value = dates.parse(dates.unwrap(text)[1], None, date_format, years)
    key = seen[text, years, date_format] = dates.sort_key(value, date_format) if value else None
    return key


def _first_misplaced(keys: list[_Key | None], descending: bool) -> int | None:
    """Index of the first row whose readable date breaks the order of the readable ones before."""
    last: _Key | None = None
    for index, key in enumerate(keys):
        if key is None:
            continue
        if last is not None and (key > last if descending else key < last):
            return index
        last = key
    return None


def _runs_the_other_way(keys: list[_Key | None], descending: bool) -> bool:
    """True when each adjacent pair of readable dates is equal or runs against ``order``.

    At least two distinct dates are needed: a table of one date has no direction.
    """
    readable = [key for key in keys if key is not None]
    if len(set(readable)) < 2:
        return False
    pairs = zip(readable, readable[1:], strict=False)
    if descending:
        return all(after >= before for before, after in pairs)
    return all(after <= before for before, after in pairs)


def _sorted_fix(doc: Document, table: Table, keys: list[_Key | None], descending: bool) -> Fix:
    rows = table.rows
    order = sorted(range(len(rows)), key=lambda index: keys[index] or (0, 0, 0), reverse=descending)
    prefixes = [table.prefixes[row.line - table.start_line] for row in rows]
    contents = [
        doc.lines[row.line - 1][len(prefix) :] for row, prefix in zip(rows, prefixes, strict=True)
    ]
    new_lines = tuple(
        prefix + contents[index] for prefix, index in zip(prefixes, order, strict=True)
    )
    return Fix((Edit(rows[0].line, rows[-1].line, new_lines),), SAFE)
