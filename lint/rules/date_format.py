"""A date is not written in the list's date format (default YYYY.MM).

Why: a list whose dates are written five different ways cannot be sorted or scanned, and
readers cannot tell ``2023.1`` from ``2023.10``. Option ``date-format``: YYYY, MM and optional
DD with any separators, for example ``YYYY-MM``. Readable shapes: ``2023-5``, ``2023/05``,
``2023 .05``, ``May 2023``, ``Sep. 2023``, ``2023年5月``, ``2023-05-17``, ``２０２３．０５``
and others dateparser reads (English or Chinese, year and month given). Never guessed, so
reported and left as written: a month of 13, a year before 1900, a date more than 31 days
after today, free text, a year alone among months. An empty date cell is left to ``empty-cell``.

Year columns: a paper table whose non-empty date cells are all years alone (``2023``,
``**2024**``, ``2024年``; a ``Year`` or ``年份`` column) gives dates to the year on purpose, and
its cells are not reported (save a year before 1900 or in the future). With ``date-format =
"YYYY"`` every date is a year alone: ``2023年`` is rewritten ``2023`` by a safe fix, and a date
with a month (``2023.05``) is reported with ``2023`` as an unsafe fix, since the month is dropped.

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023-3 | 摘要 |
    | Paper B | 2023 年 5 月 | 摘要 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.03 | 摘要 |
    | Paper B | 2023.05 | 摘要 |

Fix: safe for a readable date: only the date cell's text is rewritten, to the same year and
month (and day when the format shows one); unsafe when the format drops the month a cell gives
(``YYYY``), and unsafe for ``2023.1``, which spreadsheets also make of ``2023.10``. An
unreadable date has no fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint import conventions, dates
from lint.columns import cell
from lint.config import Config
from lint.document import Document, Row
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem

CODE = "P002"
NAME = "date-format"
DEFAULT = True
FIX = "safe/unsafe"

_Reading = tuple[dates.DateValue | None, str | None]


def check(doc: Document, config: Config) -> Iterator[Problem]:
    """Report date cells that are not canonical, with the canonical value when readable."""
    # a list repeats a few hundred dates many times: read each text once per kind of column
    seen: dict[tuple[str, bool, str], _Reading] = {}
    for found in conventions.of(doc, config).tables:
        table, roles = found.table, found.roles
        if not roles.is_paper or found.date_style is None:
            continue
        assert roles.date is not None
        column = roles.date
        date_format = found.date_style.value
        year_format = not dates.has_month(date_format)
        texts = [cell(row.cells, column) for row in table.rows]
        years = year_format or dates.year_column(texts)
        for row, text in zip(table.rows, texts, strict=True):
            known = seen.get((text, years, date_format))
            if known is None:
                known = seen[text, years, date_format] = _read(text, date_format, years)
            if known[1] != text:
                yield _problem(doc, row, column, *known, date_format)


def _read(text: str, date_format: str, years: bool) -> _Reading:
    """The date in ``text`` and its canonical form; an empty text counts as canonical.

    A date in emphasis (``**2023-05**``) keeps its markers: only the date inside is rewritten.
    In a year column under a month format, a readable year is canonical as written.
    """
    if not text.strip():
        return None, text  # empty-cell reports a missing date
    marker, inner = dates.unwrap(text)
    value = dates.parse(inner, None, date_format, years)
    if value is not None and not value.month and dates.has_month(date_format):
        return value, text
    canonical = dates.format_date(value, date_format) if value else None
    return value, f"{marker}{canonical}{marker}" if canonical else None


# "2023.1" is January as written, but spreadsheets turn "2023.10" into 2023.1: the rewrite to
# January is then a guess, so it is offered as an unsafe fix
_TRUNCATED_OCTOBER = re.compile(r"\s*\d{4}\s*\.\s*1\s*")


def _problem(
    doc: Document,
    row: Row,
    column: int,
    value: dates.DateValue | None,
    canonical: str | None,
    date_format: str,
) -> Problem:
    text = row.cells[column]
    position = row.column(column)
    if canonical is None:
        if value:
            reason = "it has no day"
        elif dates.read_year(dates.unwrap(text)[1]):
            reason = 'a year alone: add the month, or set date-format = "YYYY" for a list of years'
        else:
            reason = "cannot read it"
        message = f'date "{text}" is not in the format {date_format} ({reason}): fix it by hand'
        return Problem(row.line, position, CODE, NAME, message)
    message = f'date "{text}" is not in the format {date_format}: write "{canonical}"'
    fix = rewrite_cell(doc, row, column, canonical)
    assert value is not None
    if value.month and not dates.has_month(date_format):
        message += " (the month is dropped)"
        fix = fix._replace(safety=UNSAFE)
    elif _TRUNCATED_OCTOBER.fullmatch(dates.unwrap(text)[1]):
        october = dates.format_date(value._replace(month=10), date_format)
        message += f' (or "{october}", if a spreadsheet dropped the zero of .10)'
        fix = fix._replace(safety=UNSAFE)
    return Problem(row.line, position, CODE, NAME, message, fix)


def rewrite_cell(doc: Document, row: Row, column: int, new_text: str) -> Fix:
    """A safe fix replacing the text of one cell of ``row`` and nothing else on its line."""
    line = doc.lines[row.line - 1]
    start = row.starts[column]
    old_text = row.cells[column]
    new_line = line[:start] + new_text + line[start + len(old_text) :]
    new_cells = row.cells[:column] + (new_text,) + row.cells[column + 1 :]
    return Fix(
        (Edit(row.line, row.line, (new_line,)),),
        SAFE,
        rewritten_rows=((row.cells, new_cells),),
    )
