"""A table lacks a column that required-columns asks for.

Why: by default a table without a recognisable title or date column is not a paper table and
the paper rules skip it silently; a list that wants every table checked names the roles it
requires, and a table missing one is reported instead of skipped. Option
``required-columns``: any of ``"title"`` and ``"date"`` (default: none, so the rule is quiet).
Columns are recognised by header name (``论文题目``, ``标题``, ``Title``, ``Paper``, ``Name``;
``发表时间``, ``时间``, ``日期``, ``年份``, ``Date``, ``Year``, ``Published``) or set by
``title-column`` and ``date-column``. Every table of the document is checked.

Fails, with ``required-columns = ["title", "date"]``::

    | 论文题目 | 内容简介 |
    | --- | --- |
    | Paper A | 摘要 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |

Also, without ``required-columns``: a table with a date column but no title column (none by
header name, none carrying its rows' links) whose rows still link a paper (an arXiv id or a
DOI) gets no paper checks; that is said once per document, at the first such table, with the
setting that names the title column. A dated table that links no paper (a changelog, a release
history, datasets with their project pages) is no paper table, and is not named.

Fix: none: add the column, or set ``title-column`` / ``date-column`` to the one that holds it.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint import papers
from lint.columns import links
from lint.config import SECTION
from lint.context import Context
from lint.document import Document
from lint.problem import Problem

CODE = "T005"
NAME = "missing-column"
DEFAULT = True
FIX = "none"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report each table that has no column for a required role."""
    required = context.config.required_columns
    if "title" not in required:
        yield from _untitled(context)
    if not required:
        return
    for table_conventions in context.conventions.tables:
        table, table_roles = table_conventions.table, table_conventions.roles
        found = {"title": table_roles.title, "date": table_roles.date}
        for role in required:
            if found.get(role) is None:
                header = table.header
                message = (
                    f"table has no {role} column: add one or set {role}-column in the configuration"
                )
                yield Problem(header.line, header.column(0), CODE, NAME, message)


def _links_a_paper(cells: tuple[str, ...], date: int | None) -> bool:
    """True when a row's cells link a paper by an arXiv id or a DOI (a project page, a
    dataset's site or a release note says nothing of a paper)."""
    if not any(links(text) for text in cells):
        return False  # most rows of such tables: no link at all
    found = papers.identity(cells, None, date)
    return bool(found.arxiv or found.dois)


def _untitled(context: Context) -> Iterator[Problem]:
    """Once: the tables that have a date column but no title column, so no paper checks."""
    untitled = [
        found.table
        for found in context.conventions.tables
        if found.date_style is not None
        and found.roles.title is None
        and any(_links_a_paper(row.cells, found.roles.date) for row in found.table.rows)
    ]
    if not untitled:
        return
    header = untitled[0].header
    more = f" (and {len(untitled) - 1} more such tables)" if len(untitled) > 1 else ""
    message = (
        f"table has a date column but no title column, so the paper rules skip it{more}: set "
        f'title-column = "<header>" under [tool.{SECTION}], or ignore {CODE} if it lists no papers'
    )
    yield Problem(header.line, header.column(0), CODE, NAME, message)
