"""A row's date is not its paper's first version on arXiv (``--online``).

Why: where a list dates papers by arXiv (most of its dated rows with an arXiv id give the id's
month: the ``arxiv_dates`` convention, per table, or for the whole list where a table has too
few such rows to tell), the date is the first version's, and a date copied from a later version,
a conference or a typo misplaces the row. The first version's date is its submission, or its
announcement up to three days later (arXiv announces in the evening of the next working day), so
a paper sent on 31 May and announced in June may be dated either month. Compared to the column's
precision (a month, or a day where its style requires one), or to the row's where it writes
less. Checked only with ``--online``, on rows giving exactly one arXiv id and a readable date.

Fails (arXiv 2303.06865 was first submitted on 2023-03-13)::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [FlexGen: …](https://arxiv.org/abs/2303.06865) | 2023.04 |
    | [Paper B](https://arxiv.org/abs/2305.17333) | 2023.05 |
    | [Paper C](https://arxiv.org/abs/2305.17493) | 2023.05 |

Passes::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [FlexGen: …](https://arxiv.org/abs/2303.06865) | 2023.03 |

Fix: unsafe: the first version's date in the column's style, to the row's precision (the date
may be the one the list means: a conference's, a release's).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint import arxiv, arxiv_dating, dates
from lint.context import Context
from lint.dates import DateValue
from lint.document import Document, Row
from lint.problem import UNSAFE, Edit, Fix, Problem

if TYPE_CHECKING:
    from datetime import date

    from lint.conventions import TableConventions

CODE = "P006"
NAME = "date-mismatch"
DEFAULT = True
ONLINE = True
FIX = "unsafe"

# arXiv announces a submission at the latest on the third day after it (Friday to Monday)
ANNOUNCED_WITHIN = 3


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows dated otherwise than their paper's first version, where the list dates
    papers by arXiv."""
    if context.metadata is None:
        return  # without --online: nothing is imported, nothing asked
    from datetime import date

    from lint.online import rows

    conv = context.conventions
    for found, row, key, paper in rows.checked(conv, context.metadata):
        column = found.roles.date
        if not key.startswith("arxiv:") or not paper.found or not paper.date[0]:
            continue
        if column is None or found.date_style is None or not _by_arxiv(found, context):
            continue
        style = found.date_style.value
        dated = arxiv.dated_arxiv(row.cells, found.roles.title, column, style)
        if dated is None:
            continue
        first = date(*paper.date)
        if _agrees(dated.date, first, style):
            continue
        yield _problem(doc, row, column, key, dated.date, first, style)


def _by_arxiv(found: TableConventions, context: Context) -> bool:
    """True where the list dates papers by arXiv: the table's own verdict when it has enough
    rows to tell, else the whole list's."""
    if found.arxiv_dates is None:
        return False
    own = len(arxiv_dating.arxiv_rows(found, context.memo)) >= arxiv_dating.ARXIV_MIN_ROWS
    setting = found.arxiv_dates if own else context.conventions.arxiv_dates
    return setting is not None and setting.value == "follow"


def _precision(value: DateValue, style: str) -> int:
    """How many of year, month, day the comparison reads: the column's (a day only where the
    style requires one), or the row's if less."""
    parsed = dates.parse_style(style)
    day = dates.has_day(parsed) and not parsed.optional_day
    shown = 3 if day else 2 if dates.has_month(parsed) else 1
    given = 3 if value.day else 2 if value.month else 1
    return min(shown, given)


def _agrees(value: DateValue, first: date, style: str) -> bool:
    """True when ``value`` is the first version's submission or announcement date, to the
    precision compared."""
    from datetime import timedelta

    parts = _precision(value, style)
    written = (value.year, value.month, value.day or 0)[:parts]
    days = (first + timedelta(days) for days in range(ANNOUNCED_WITHIN + 1))
    return any((day.year, day.month, day.day)[:parts] == written for day in days)


def _problem(
    doc: Document, row: Row, column: int, key: str, value: DateValue, first: date, style: str
) -> Problem:
    from lint.online.rows import shown_id

    text = row.cells[column]
    parts = _precision(value, style)
    fixed = dates.write(
        DateValue(first.year, first.month if parts > 1 else 0, first.day if parts > 2 else None),
        style,
    )
    remedy = f'write "{fixed}"' if fixed else "correct it"
    message = (
        f'date "{text}" is not the date of {shown_id(key)}\'s first version '
        f"({first.isoformat()}): {remedy}, or correct the link"
    )
    fix = None
    if fixed is not None and fixed != text:
        line = doc.lines[row.line - 1]
        start = row.starts[column]
        new_line = line[:start] + fixed + line[start + len(text) :]
        new_cells = (*row.cells[:column], fixed, *row.cells[column + 1 :])
        edit = Edit(row.line, row.line, (new_line,))
        fix = Fix((edit,), UNSAFE, rewritten_rows=((row.cells, new_cells),))
    return Problem(row.line, row.column(column), CODE, NAME, message, fix)
