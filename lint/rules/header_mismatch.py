"""A paper table's header differs from the list's header.

The list's header is the configured one, or the one a clear majority of its paper tables use (at
least two, and two in three of them: no header is inferred from a tie or a plurality).

Why: a reader expects every section's table to have the same columns in the same order; a
renamed or extra column usually means a row pasted from another list or a table edited by hand.
Option ``header``: the header every paper table must have, for example
``["论文题目", "发表时间", "内容简介"]``; by default the header most paper tables of the document
use, and then only a near variant of it is reported (as many cells, and one of them named
otherwise, or any number differing only in case, spacing or punctuation): a table of another kind,
or one with a deliberate extra or different column, is not an error. Header cells are compared as
written, white space and emphasis or code marks around a whole cell aside (GitHub shows header
cells bold: ``**Venue**`` looks like ``Venue``).

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.03 | 摘要 |

    | 论文题目 | 时间 | 简介 | 代码 |
    | --- | --- | --- | --- |
    | Paper B | 2023.05 | 摘要 | [code](https://github.com) |

Passes: the second table with the header ``| 论文题目 | 发表时间 | 内容简介 |``.

Fix: none: a header names what a column means; rename it, or move the cells, by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint import conventions
from lint.columns import header_key
from lint.context import Context
from lint.document import Document, Table
from lint.header_names import DATE_NAMES, TITLE_NAMES
from lint.problem import Problem
from lint.slips import slips

CODE = "T003"
NAME = "header-mismatch"
DEFAULT = True
FIX = "none"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report every paper table whose header cells differ from the list's header."""
    found = context.conventions
    expected, setting = found.header, found.header_source
    if expected is None or setting is None:
        return
    inferred = setting.source != conventions.SET
    for table_conventions in found.tables:
        if not table_conventions.roles.is_paper:
            continue
        table = table_conventions.table
        cells = conventions.header_cells(table.header.cells)
        if cells != expected and not (inferred and not _near(cells, expected)):
            yield _problem(table, cells, expected, setting)


def _near(found: tuple[str, ...], expected: tuple[str, ...]) -> bool:
    """A variant of ``expected``: as many cells, one named otherwise or only spelled otherwise.

    An extra, a missing or two renamed columns make a table of its own kind (a survey table
    with a Pages column, a Blogs table with Source and Title), which a maintainer keeps."""
    if len(found) != len(expected):
        return False
    differ = [(a, b) for a, b in zip(found, expected, strict=True) if a != b]
    if len(differ) == 1:
        return _related(*differ[0])
    return all(_spelling(a) == _spelling(b) for a, b in differ)


def _related(found: str, expected: str) -> bool:
    """True when a header cell renames the list's as a variant of it: spelled otherwise or
    slipped (``Pubished``), a word added or dropped (``Model Name``, ``Model``), or another
    name of the same role (``Time``, ``Year``); an unrelated name (``Focus`` for ``RL
    Framework``, ``Dataset`` for ``Code``), or the list's name joined to another by a slash
    (``Paper / Resource``: a column widened on purpose), is a column of the table's own."""
    mine, theirs = _spelling(found), _spelling(expected)
    parts = [_spelling(part) for part in found.split("/")]
    if len(parts) > 1 and theirs in parts:
        return False  # ``Paper / Resource``: the column widened to what this table holds too
    if mine in theirs or theirs in mine or slips(mine, theirs) <= 2:
        return True
    keys = header_key(found), header_key(expected)
    if set(keys[0].split()) & set(keys[1].split()):
        return True
    return any(all(key in names for key in keys) for names in (DATE_NAMES, TITLE_NAMES))


def _spelling(text: str) -> str:
    """A header cell without case, spaces and punctuation ("Web Site" and "website" agree)."""
    return "".join(char for char in text.casefold() if char.isalnum())


def _problem(
    table: Table, found: tuple[str, ...], expected: tuple[str, ...], setting: conventions.Setting
) -> Problem:
    header = table.header
    differs = next(
        (i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b),
        min(len(found), len(expected)),
    )
    column = header.column(min(differs, len(found) - 1))
    source = setting.value + (f" ({setting.detail})" if setting.detail else "")
    message = (
        f'header "| {" | ".join(found)} |" differs from {source} '
        f'"| {" | ".join(expected)} |": use the same columns, or set header = [...]'
    )
    return Problem(header.line, column, CODE, NAME, message)
