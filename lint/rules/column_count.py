"""A row whose cells do not fit its header: content GitHub drops, a missing cell, shifted cells.

Why: GFM silently drops the extra cells of a long row, so a title holding an unescaped ``|``
loses its end and a stray cell pushes a date off the page; and a row missing a cell before its
last one shows every later cell under the wrong column (a year under Title). markdown-it hides
both; this rule counts the cells as written and says which case a row is:

- dropped content: a cell past the header's last column that holds something (always
  reported; GitHub drops it). A cell that shows nothing, empty or a hidden comment
  (``[//]: # (...)``, ``<!-- -->``), is dropped on purpose, and so are the cells of a row of
  dashes dividing the table's groups (``-- | -- | -- | --``, copied from a wider table):
  reported only with ``trailing-cells = "strict"``;
- a pipe typed full width: a row ending in ``｜`` (U+FF5C, a CJK input method's bar) where its
  closing pipe was meant; GitHub shows the bar as text (any other bar in the row is named, as
  it may be a pipe too, or part of a title); reported without a fix, and table-format leaves
  the row alone;
- shifted cells: the row's cells stand where the table never writes such cells (a year under a
  column of titles, a link under a column of names) and one column over they fit: a cell is
  missing before them (or one too many). Reported with where the shift starts, and no fix:
  padding the end would keep the shift;
- a missing title or date cell: a short row without the title or date cell its paper table
  fills in its other rows (nine in ten); padded with an empty cell, which renders the same;
- a header short of a column: every row (three or more) writes the same number of cells,
  more than the header, and GitHub drops what they hold: reported once, at the header;
- a row broken over two lines: a row whose line stops inside a cell, and below it a line
  without an opening pipe whose cells make up the rest (a line break typed in a title): GitHub
  shows two rows. Reported once, at the first line, with no fix (join the two lines); neither
  line is laid out;
- a group's label: a row of one cell without a link, emphasised or of a kind the first column
  never holds (``| _VLA Models_ |`` above the rows of that group, in a column of linked titles),
  is a sub-heading GitHub shows in the first column with the others empty: never reported
  unless ``trailing-cells = "strict"``; nor is a row of an ellipsis alone (``|...|``), which
  stands for the rows a table leaves out, nor a short row of empty cells (``|||||``), a blank
  row however many cells it writes;
- omitted trailing cells: GitHub shows a short row padded with empty cells, so leaving out
  trailing cells is harmless. Option ``trailing-cells``: ``auto`` (default) reports it only
  where the list does not do it (no other row leaves cells out) and the other rows do not
  leave those columns empty (one in ten or more makes a column optional); ``strict`` reports
  every row whose cell count differs from the header's.

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |
    | Tools | Agents | 2023.05 | 工具调用 |
    | 2023.06 | 摘要 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |
    | Tools \\| Agents | 2023.05 | 工具调用 |
    | Paper C | 2023.06 | 摘要 |

Fix: safe for a short row that is not shifted (padded with empty cells, which renders the same).
A line with no pipe at all is usually text written right under the table: broken-table reports
it, not this rule. A row with extra cells is never changed automatically: decide whether to
escape a pipe (``\\|``) or drop a cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.column_shapes import Column, shift
from lint.config import STRICT
from lint.context import Context
from lint.conventions import TableConventions
from lint.document import Document, Row, is_pipeless
from lint.full_width_bar import closed_by_full_width_bar
from lint.groups import is_ellipsis, says_something
from lint.problem import SAFE, Edit, Fix, Problem
from lint.split_rows import split_rows

CODE = "T001"
NAME = "column-count"
DEFAULT = True
FIX = "safe"

# a list leaves out trailing cells when this many of its rows do (one row is an accident)
OMITTING_ROWS = 2
# a column is filled when this share of its table's full rows fill it
FILLED = 0.9
_SHOWN = 40

# a cell that shows nothing: a link reference definition used as a comment, or an HTML comment
_HIDDEN = re.compile(r"\[[^\]]*\]:\s*(?:#|<>)[^|]*|<!--.*?-->")


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows whose cells do not fit their header (see the module's docstring)."""
    omitting = context.conventions.short_rows >= OMITTING_ROWS
    for found in context.conventions.tables:
        expected = len(found.table.header.cells)
        strict = found.settings.trailing_cells == STRICT
        split = split_rows(found.table)
        short_header = _short_header(found)
        if short_header is not None:
            yield short_header  # the header's fault, not each row's
            continue
        for index, row in enumerate(found.table.rows):
            if is_pipeless(row) or index in split:
                continue  # text glued under the table (broken-table's), a cut row's second line
            if closed_by_full_width_bar(row):
                yield _full_width_bars(doc, row)
                continue
            if index + 1 in split:
                yield _cut_row(found, row)
                continue
            count = len(row.cells)
            if count < expected and not strict and index in found.groups:
                continue  # a group's label: a heading inside the table
            if count < expected and not strict and _elided(row):
                continue  # ``|...|``: the rows left out, as GitHub shows it
            if count < expected and not strict and not any(map(str.strip, row.cells)):
                continue  # ``|||||``: a blank row, which no cell more would change
            if count < expected:
                problem = _short_row(doc, found, row, strict or not omitting)
            elif count > expected:
                problem = _long_row(found, row, strict)
            else:
                continue
            if problem is not None:
                yield problem


# a header is short of columns when this many rows or more all write more cells than it
SHORT_HEADER_ROWS = 3


def _short_header(found: TableConventions) -> Problem | None:
    """One problem at the header when every row of the table (``SHORT_HEADER_ROWS`` or more)
    writes the same number of cells, more than the header has, and GitHub drops content of
    most of them: the header is short of a column, and no row is at fault."""
    table = found.table
    rows = [row for row in table.rows if not is_pipeless(row)]
    expected = len(table.header.cells)
    counts = {len(row.cells) for row in rows}
    if len(rows) < SHORT_HEADER_ROWS or len(counts) != 1 or counts.pop() <= expected:
        return None
    # each row's extra cells that show something
    dropped = [
        shown
        for row in rows
        if (
            shown := [cell for cell in row.cells[expected:] if cell and not _HIDDEN.fullmatch(cell)]
        )
    ]
    if len(dropped) * 2 <= len(rows):
        return None  # most rows' extra cells show nothing: a pipe too many, a row's stray cell
    if any(_split_cell(row) is not None for row in rows):
        return None  # a cell left open by a pipe inside it: that row's cut, each told its own
    count = len(rows[0].cells)
    last = "last cell" if count == expected + 1 else f"last {count - expected} cells"
    first = _shown(" | ".join(dropped[0]))
    message = (
        f"header has {_cells(expected)} and each of the table's {len(rows)} rows has {count}:"
        f' GitHub drops each row\'s {last} ("{first}"): add the missing column to the header'
        " and its delimiter row"
    )
    header = table.header
    return Problem(header.line, header.column(expected - 1), CODE, NAME, message)


def _full_width_bars(doc: Document, row: Row) -> Problem:
    """A row closed by ``｜`` (and maybe split by more of them): each a pipe typed full width."""
    others = row.content.count("｜") - 1
    line = doc.lines[row.line - 1]
    message = (
        'row ends in a full-width bar ("｜", U+FF5C) where its closing pipe is meant: GitHub shows'
        ' it as text in the last cell: type "|"'
    )
    if others:
        more = "one more" if others == 1 else f"{others} more"
        message += f" (it holds {more}: a pipe meant too, or part of a cell's text?)"
    return Problem(row.line, line.rfind("｜") + 1, CODE, NAME, message)


def _cut_row(found: TableConventions, row: Row) -> Problem:
    """A row broken over its line and the next (``split_rows``): no fix, the break may be
    wanted in the cell (a ``<br>``) or not."""
    cut = row.cells[-1].strip()
    where = "after" if row.content.rstrip().endswith("|") else "in"
    message = (
        f"row is broken over lines {row.line} and {row.line + 1} (a line break {where} its cell"
        f' "{_shown(cut)}"), so GitHub shows it as two rows: join the two lines'
    )
    return Problem(row.line, row.column(len(row.cells) - 1), CODE, NAME, message)


def _short_row(
    doc: Document, found: TableConventions, row: Row, optional_too: bool
) -> Problem | None:
    """A shifted row; a missing title or date cell the other rows fill; or omitted trailing
    cells: every time when the list is strict, else when ``optional_too`` and one of them is of
    a column the other rows fill (or nothing tells it is optional)."""
    table = found.table
    header = table.header.cells
    count, expected = len(row.cells), len(header)
    head = f"row has {_cells(count)}, header has {expected}"
    moved = shift(found.shape, row.cells)
    if moved is not None:
        message = (
            f'{head}: cells from "{_shown(moved.shown)}" on stand {_columns(moved.by)} left of'
            f' where they belong (it belongs under "{header[moved.start + moved.by]}"): a cell'
            " before it is missing; insert it there"
        )
        return Problem(row.line, row.column(moved.start), CODE, NAME, message)
    fix = Fix((Edit(row.line, row.line, (_padded(doc, found, row),)),), SAFE)
    columns = found.shape.columns
    left_out = [index for index in range(count, expected) if not _optional(columns[index])]
    roles = (("title", found.roles.title), ("date", found.roles.date))
    for role, index in roles:
        if found.roles.is_paper and index in left_out:
            message = f'{head}: its {role} cell ("{header[index]}") is missing: add it'
            return Problem(row.line, row.column(count), CODE, NAME, message, fix)
    strict = found.settings.trailing_cells == STRICT
    if not strict and not (optional_too and left_out):
        return None
    names = ", ".join(f'"{header[index]}"' for index in range(count, expected))
    message = f"{head}: it leaves out {names} (renders as empty cells): add the missing cells"
    return Problem(row.line, row.column(count), CODE, NAME, message, fix)


def _elided(row: Row) -> bool:
    """True for a row holding only an ellipsis (``|...|``, ``| … | |``): it stands for the rows
    a table leaves out, and its empty cells are GitHub's to add."""
    filled = [text.strip() for text in row.cells if text.strip()]
    return len(filled) == 1 and is_ellipsis(filled[0])


def _optional(column: Column) -> bool:
    """True for a column the table's full rows leave empty often enough: more than one in
    ten (none read: nothing tells it is optional)."""
    return column.filled < FILLED * column.rows


def _padded(doc: Document, found: TableConventions, row: Row) -> str:
    """The row's line with empty cells appended, keeping everything already written."""
    table = found.table
    line = doc.lines[row.line - 1].rstrip(" \t")
    prefix = table.prefixes[row.line - table.start_line]
    body = line[len(prefix) :]
    missing = len(table.header.cells) - len(row.cells)
    if not body.endswith("|") or body.endswith("\\|"):
        body += " |"  # close the last cell so the new ones are cells of their own
    return prefix + body + "  |" * missing


def _long_row(found: TableConventions, row: Row, strict: bool) -> Problem | None:
    """Content GitHub drops; extra cells that show nothing only when ``strict``."""
    expected = len(found.table.header.cells)
    count = len(row.cells)
    head = f"row has {_cells(count)}, header has {expected}"
    extra = row.cells[expected:]
    dropped = [cell for cell in extra if cell and not _HIDDEN.fullmatch(cell)]
    if dropped and not _HIDDEN.sub("", "|".join(extra)).strip(" \t|"):
        dropped = []  # one comment the pipes inside it split (``<!-- a note | -->``): hidden
    if dropped and not any(map(says_something, row.cells)):
        dropped = []  # a row of dashes dividing the table's groups (``-- | -- | --``): a rule
    if not dropped:
        if not strict:
            return None
        message = f"{head}: its extra cells show nothing (empty or a comment): remove them"
        return Problem(row.line, row.column(expected), CODE, NAME, message)
    message = f'{head}: GitHub drops "{_shown(" | ".join(dropped))}"'
    split = _split_cell(row)
    moved = shift(found.shape, row.cells)
    if split is not None:
        message += (
            f'; cell "{_shown(row.cells[split])}" looks like the rest of'
            f' "{_shown(row.cells[split - 1])}": escape the pipe as \\| or remove the extra cells'
        )
    elif moved is not None:
        belongs = found.table.header.cells[moved.start + moved.by]
        message += (
            f'; cells from "{_shown(moved.shown)}" on stand {_columns(-moved.by)} right of where'
            f' they belong (it belongs under "{belongs}"): remove the extra cell before it, or'
            " escape a pipe inside a cell as \\|"
        )
    else:
        message += ": remove the extra cells or escape a pipe inside a cell as \\|"
    return Problem(row.line, row.column(expected), CODE, NAME, message)


def _split_cell(row: Row) -> int | None:
    """Index of a cell that continues the previous one, when a cell leaves a code span or a
    link open (GFM splits at a pipe even inside a code span)."""
    cells = row.cells
    for index in range(1, len(cells)):
        if cells[index] and _left_open(cells[index - 1]):
            return index
    return None


def _cells(count: int) -> str:
    return "1 cell" if count == 1 else f"{count} cells"


def _columns(count: int) -> str:
    return "one column" if count == 1 else f"{count} columns"


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _left_open(text: str) -> bool:
    """True when ``text`` opens a code span or a link bracket that it does not close."""
    return text.count("`") % 2 == 1 or text.count("[") > text.count("]")
