"""Every table is laid out the way prettier lays it out.

Why: aligned columns make a long list readable in an editor and keep diffs to the row that
changed, and matching prettier exactly means contributors who run prettier and those who run
``--fix`` produce the same bytes. The layout: a leading and a trailing pipe, one space of padding,
every cell padded to its column's display width (CJK and emoji count 2, combining marks 0, see
``lint/width.py``), the delimiter row as wide as the column (at least 3) keeping its alignment
(``---``, ``:---``, ``:---:``, ``---:``), and cells placed by that alignment (a centred cell gets
the smaller half of an odd padding on its left, as prettier does). Cell text is kept byte for
byte; a row with more cells than the header keeps them all (prettier lays them out as extra
columns), a short row is left short (``column-count`` pads it), and a line without any pipe
glued under the table is left as written (``broken-table`` reports it).

Fails::

    |论文题目|发表时间|
    |:-:|---|
    | BigTrans | 2023.05 |

Passes::

    | 论文题目 | 发表时间 |
    | :------: | -------- |
    | BigTrans | 2023.05  |

Fix: safe; only white space and the dashes of the delimiter row change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from lint.config import Config
from lint.document import Document, Row, Table, is_pipeless
from lint.problem import SAFE, Edit, Fix, Problem
from lint.width import width

CODE = "T002"
NAME = "table-format"
DEFAULT = True
FIX = "safe"

_MIN_WIDTH = 3
_SHOWN = 40


def check(doc: Document, config: Config) -> Iterator[Problem]:
    """Report each table whose lines differ from its prettier layout, with the layout as fix."""
    for table in doc.tables:
        old = doc.lines[table.start_line - 1 : table.end_line]
        new = _laid_out(old, table)
        if new != old:
            above = doc.lines[table.start_line - 2] if table.start_line > 1 else ""
            glued = bool(above.strip())
            opens_with_pipe = old[0][len(table.prefixes[0]) :].startswith("|")
            yield _problem(table, old, new, fixable=opens_with_pipe or not glued)


# Memo of a pure function: a table's layout depends only on its lines and container prefixes.
# The fix loop re-checks every table after each pass, and most tables are unchanged since the
# last one, so each is measured once rather than once a pass.
_LAYOUTS: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
_LAYOUTS_KEPT = 8192


def _laid_out(lines: tuple[str, ...], table: Table) -> tuple[str, ...]:
    key = (lines, table.prefixes)
    new = _LAYOUTS.get(key)
    if new is None:
        new = layout(table)
        if len(_LAYOUTS) >= _LAYOUTS_KEPT:
            _LAYOUTS.clear()
        _LAYOUTS[key] = new
    return new


def layout(table: Table) -> tuple[str, ...]:
    """The table's lines as prettier prints them, container prefixes kept.

    A row without any pipe (text glued under the table, which broken-table reports) is kept as
    written: given pipes, it would stay a row even once a blank line is put before it.
    """
    rows = (table.header, *table.rows)
    cell_widths = [[] if is_pipeless(row) else [width(c) for c in row.cells] for row in rows]
    cell_widths[0] = [width(cell) for cell in table.header.cells]
    columns = [_MIN_WIDTH] * max(len(widths) for widths in cell_widths)
    for widths in cell_widths:
        for index, cell_width in enumerate(widths):
            if cell_width > columns[index]:
                columns[index] = cell_width
    aligns = table.aligns
    lines = [_row_line(table.header, cell_widths[0], columns, aligns)]
    lines.append(_delimiter_line(columns[: len(table.header.cells)], aligns))
    for row, widths in zip(table.rows, cell_widths[1:], strict=True):
        lines.append(row.content if is_pipeless(row) else _row_line(row, widths, columns, aligns))
    return tuple(prefix + line for prefix, line in zip(table.prefixes, lines, strict=True))


def _row_line(row: Row, widths: list[int], columns: list[int], aligns: tuple[str, ...]) -> str:
    cells = []
    for index, (cell, cell_width) in enumerate(zip(row.cells, widths, strict=True)):
        padding = columns[index] - cell_width
        align = aligns[index] if index < len(aligns) else ""
        if align == "right":
            cells.append(" " * padding + cell)
        elif align == "center":
            left = padding // 2
            cells.append(" " * left + cell + " " * (padding - left))
        else:
            cells.append(cell + " " * padding)
    return "| " + " | ".join(cells) + " |"


def _delimiter_line(columns: list[int], aligns: tuple[str, ...]) -> str:
    cells = []
    for column, align in zip(columns, aligns, strict=True):
        left = ":" if align in ("left", "center") else "-"
        right = ":" if align in ("right", "center") else "-"
        cells.append(left + "-" * (column - 2) + right)
    return "| " + " | ".join(cells) + " |"


def _problem(table: Table, old: tuple[str, ...], new: tuple[str, ...], fixable: bool) -> Problem:
    """One problem for the table; ``fixable`` is False for a table glued under other text.

    A header without a leading pipe right under a line of text (a table, a block quote, a list
    item) starts a table only because it does not start with a pipe; laid out, it would, and
    could join the block above (a table's rows, a quote's lazy continuation), so a blank line has
    to come first.
    """
    differing = [index for index, (was, now) in enumerate(zip(old, new, strict=True)) if was != now]
    first = differing[0]
    was, now = old[first], new[first]
    pairs = zip(was, now, strict=False)
    column = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(was), len(now)))
    visible = _escaped(was)
    shown = visible if len(visible) <= _SHOWN else visible[: _SHOWN - 1] + "…"
    if len(differing) == 1:
        message = f'table not laid out: "{shown}" differs from the aligned layout; '
    else:
        message = (
            f'table not laid out: "{shown}" and {len(differing) - 1} more of {len(old)} lines'
            " differ from the aligned layout; "
        )
    if not fixable:
        message += "add a blank line between it and the text above, then run with --fix"
        return Problem(table.start_line + first, column + 1, CODE, NAME, message)
    fix = Fix((Edit(table.start_line, table.end_line, new),), SAFE)
    line, column = table.start_line + first, column + 1
    return Problem(line, column, CODE, NAME, message + "run with --fix", fix)


def _escaped(line: str) -> str:
    """``line`` with control characters written as escapes (a tab as ``\\t``), the rest as is."""
    if line.isprintable():
        return line
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) == "Cc" else char for char in line
    )
