"""A paper table row has an empty title or date cell.

Why: a row without a title cannot be found, and one without a date cannot be sorted; both
usually mean a row pasted with a missing or shifted cell. A cell that is missing altogether
(a short row) counts as empty, at the end of the line.

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    |  | 2023.05 | 摘要 |
    | Paper B |  | 摘要 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |
    | Paper B | 2023.06 | 摘要 |

Fix: none: only a person knows the missing title or date.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.document import Document
from lint.problem import Problem

CODE = "T004"
NAME = "empty-cell"
DEFAULT = True
FIX = "none"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report empty (or missing) title and date cells of paper tables."""
    for found in context.conventions.paper_tables():
        table, roles = found.table, found.roles
        columns = sorted(
            (index, role)
            for role, index in (("title", roles.title), ("date", roles.date))
            if index is not None
        )
        for row in table.rows:
            cells = row.cells
            for index, role in columns:
                if index >= len(cells) or not cells[index].strip():
                    message = f"empty {role} cell: fill in the paper's {role}"
                    yield Problem(row.line, row.column(index), CODE, NAME, message)
