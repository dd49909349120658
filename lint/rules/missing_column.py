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

Without ``required-columns`` it says nothing: whether a dated table without a title column
holds papers at all (a changelog, methods behind ``[Paper]`` links, datasets with their project
pages) only the list knows.

Fix: none: add the column, or set ``title-column`` / ``date-column`` to the one that holds it.
"""

from __future__ import annotations

from collections.abc import Iterator

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
