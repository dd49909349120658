"""Every row has as many cells as its table's header.

Why: GFM renders a short row padded with empty cells and silently drops the extra cells of a
long row, so a title containing an unescaped ``|`` loses its end, and a missing date goes
unnoticed. markdown-it-py hides both; this rule counts the cells as written.

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 |
    | Tools | Agents | 2023.05 | 工具调用 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | |
    | Tools \\| Agents | 2023.05 | 工具调用 |

Fix: safe for a short row (padded with empty cells, which renders the same). A line with no pipe
at all is usually text written right under the table: broken-table reports it, not this rule. A
row with extra cells is never changed automatically: decide whether to escape a pipe (``\\|``)
or drop a cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.context import Context
from lint.document import Document, Row, Table, is_pipeless
from lint.problem import SAFE, Edit, Fix, Problem

CODE = "T001"
NAME = "column-count"
DEFAULT = True
FIX = "safe"

# a cell that continues a sentence: it starts with a lowercase word or follows one ending in text
# (compiled on first use by re's cache: only a row with extra cells needs it)
_CONTINUATION = r"^[a-z\u4e00-\u9fff]|^[^|]*[A-Za-z\u4e00-\u9fff]$"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows whose cell count differs from the header's."""
    for table in doc.tables:
        expected = len(table.header.cells)
        for row in table.rows:
            if is_pipeless(row):
                continue  # text glued under the table: broken-table reports it
            found = len(row.cells)
            if found < expected:
                yield _short_row(doc, table, row, expected)
            elif found > expected:
                yield _long_row(row, expected)


def _short_row(doc: Document, table: Table, row: Row, expected: int) -> Problem:
    found = len(row.cells)
    fix = Fix((Edit(row.line, row.line, (_padded(doc, table, row, expected),)),), SAFE)
    message = f"row has {_cells(found)}, header has {expected}: add the missing cells"
    return Problem(row.line, row.column(found), CODE, NAME, message, fix)


def _padded(doc: Document, table: Table, row: Row, expected: int) -> str:
    """The row's line with empty cells appended, keeping everything already written."""
    line = doc.lines[row.line - 1].rstrip(" \t")
    prefix = table.prefixes[row.line - table.start_line]
    body = line[len(prefix) :]
    missing = expected - len(row.cells)
    if not body.endswith("|") or body.endswith("\\|"):
        body += " |"  # close the last cell so the new ones are cells of their own
    return prefix + body + "  |" * missing


def _long_row(row: Row, expected: int) -> Problem:
    found = len(row.cells)
    message = f"row has {_cells(found)}, header has {expected}"
    split = _split_title(row, expected)
    if split is not None:
        message += (
            f': cell "{row.cells[split]}" looks like the rest of "{row.cells[split - 1]}";'
            " escape the pipe as \\| or remove the extra cells"
        )
    else:
        message += ": remove the extra cells or escape a pipe inside a cell as \\|"
    return Problem(row.line, row.column(expected), CODE, NAME, message)


def _split_title(row: Row, expected: int) -> int | None:
    """Index of a cell that continues the previous one's text, if the row looks split by a pipe.

    A cell leaving a code span or a link open is the surest sign, wherever it is in the row
    (GFM splits at a pipe even inside a code span); failing that, two text-like cells among
    the first ones.
    """
    cells = row.cells
    for index in range(1, len(cells)):
        if cells[index] and _left_open(cells[index - 1]):
            return index
    for index in range(1, min(len(cells), len(cells) - expected + 2)):
        before, after = cells[index - 1], cells[index]
        looks_split = re.search(_CONTINUATION, before) and re.search(_CONTINUATION, after)
        if before and after and looks_split:
            return index
    return None


def _cells(count: int) -> str:
    return "1 cell" if count == 1 else f"{count} cells"


def _left_open(text: str) -> bool:
    """True when ``text`` opens a code span or a link bracket that it does not close."""
    return text.count("`") % 2 == 1 or text.count("[") > text.count("]")
