"""A paper table's rows are not in date order.

Why: readers scan a section for what is new; one row out of place hides it, and a sorted table
makes a misplaced date stand out. Option ``order``: ``ascending`` (default) or ``descending``.
Dates are compared as the ``date-format`` writes them (the day only if it shows days); rows with
the same date keep their relative order.

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
(see ``date-format`` and ``empty-cell``) is reported but never reordered.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from lint import dates
from lint.columns import cell, paper_tables
from lint.config import Config
from lint.document import Document, Table
from lint.problem import SAFE, Edit, Fix, Problem

CODE = "P003"
NAME = "row-order"
DEFAULT = True
FIX = "safe"


def check(doc: Document, config: Config) -> Iterator[Problem]:
    """Report each paper table whose rows are out of date order, once, at the first such row."""
    today = date.today()
    descending = config.order == "descending"
    seen: dict[str, tuple[int, int, int] | None] = {}
    for table, roles in paper_tables(doc, config):
        assert roles.date is not None
        if len(table.rows) < 2:
            continue
        keys = [_key(cell(row.cells, roles.date), today, config, seen) for row in table.rows]
        misplaced = _first_misplaced(keys, descending)
        if misplaced is None:
            continue
        row = table.rows[misplaced]
        previous = table.rows[misplaced - 1]
        direction = "descending" if descending else "ascending"
        message = (
            f'row dated "{cell(row.cells, roles.date)}" is out of {direction} date order '
            f"(after line {previous.line})"
        )
        unreadable = [r.line for r, key in zip(table.rows, keys, strict=True) if key is None]
        if unreadable:
            message += f": not sorted, the date at line {unreadable[0]} cannot be read"
            yield Problem(row.line, row.column(roles.date), CODE, NAME, message)
            continue
        fix = _sorted_fix(doc, table, keys, descending)
        yield Problem(
            row.line, row.column(roles.date), CODE, NAME, message + ": sort the rows", fix
        )


def _key(
    text: str, today: date, config: Config, seen: dict[str, tuple[int, int, int] | None]
) -> tuple[int, int, int] | None:
    """The sort key of a date text, None when unreadable; each distinct text is read once."""
    if text in seen:
        return seen[text]
    value = dates.parse(text, today, config.date_format)
    key = seen[text] = dates.sort_key(value, config.date_format) if value else None
    return key


def _first_misplaced(keys: list[tuple[int, int, int] | None], descending: bool) -> int | None:
    """Index of the first row whose readable date breaks the order of the readable ones before."""
    last: tuple[int, int, int] | None = None
    for index, key in enumerate(keys):
        if key is None:
            continue
        if last is not None and (key > last if descending else key < last):
            return index
        last = key
    return None


def _sorted_fix(
    doc: Document, table: Table, keys: list[tuple[int, int, int] | None], descending: bool
) -> Fix:
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
