"""A paper table's header differs from the list's header.

The list's header is the first paper table's, or the one configured.

Why: a reader expects every section's table to have the same columns in the same order; a
renamed or extra column usually means a row pasted from another list or a table edited by hand.
Option ``header``: the header every paper table must have, for example
``["论文题目", "发表时间", "内容简介"]``; by default the first paper table of the document sets it.
Header cells are compared as written, white space aside.

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

from lint.columns import paper_tables
from lint.config import Config
from lint.document import Document, Table
from lint.problem import Problem

CODE = "T003"
NAME = "header-mismatch"
DEFAULT = True
FIX = "none"


def _key(cells: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(text.split()) for text in cells)


def check(doc: Document, config: Config) -> Iterator[Problem]:
    """Report every paper table whose header cells differ from the reference header."""
    expected = _key(config.header) if config.header is not None else None
    source = "the configured header"
    for table, _ in paper_tables(doc, config):
        found = _key(table.header.cells)
        if expected is None:
            expected, source = found, f"the header at line {table.start_line}"
            continue
        if found != expected:
            yield _problem(table, found, expected, source)


def _problem(
    table: Table, found: tuple[str, ...], expected: tuple[str, ...], source: str
) -> Problem:
    header = table.header
    differs = next(
        (i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b),
        min(len(found), len(expected)),
    )
    column = header.column(min(differs, len(found) - 1))
    message = (
        f'header "| {" | ".join(found)} |" differs from {source} '
        f'"| {" | ".join(expected)} |": use the same columns'
    )
    return Problem(header.line, column, CODE, NAME, message)
