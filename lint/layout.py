"""Table layout styles, as markdownlint's MD060 names them, and each style's lines for a table.

- ``aligned``: cells padded to their column's display width, as prettier prints a table (CJK and
  emoji count 2, see ``lint/width.py``); the delimiter row as wide as the column (at least 3).
- ``compact``: one space on each side of every cell, no padding: ``| a | b |``.
- ``tight``: no space at all: ``|a|b|``.

Every style has a leading and a trailing pipe. Compact and tight keep the delimiter cells as
written (``---``, ``:-:``); only the spaces around them change. Cell text is never changed, and
white space after a line's last pipe is not part of the style.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, zip_longest

from lint.document import Table, _pieces
from lint.width import width

ALIGNED = "aligned"
COMPACT = "compact"
TIGHT = "tight"
STYLES = (ALIGNED, COMPACT, TIGHT)

_MIN_WIDTH = 3
# an empty cell in a compact row: ``| |`` (two spaces, ``|  |``, read the same)
_EMPTY_COMPACT = re.compile(r"\|  (?=\|)")

# Memo of a pure function: a table's layout depends only on its lines, prefixes and the style.
# The fix loop re-checks every table after each pass, and most tables are unchanged since the
# last one, so each is laid out once rather than once a pass.
_LAYOUTS: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
_LAYOUTS_KEPT = 8192


def lines_of(table: Table, lines: tuple[str, ...]) -> tuple[str, ...]:
    """The source lines of ``table`` out of a document's ``lines``."""
    return lines[table.start_line - 1 : table.end_line]


def laid_out(table: Table, old: tuple[str, ...], style: str) -> tuple[str, ...]:
    """The table's lines in ``style`` (``old`` are its current lines, the memo's key)."""
    key = (style, old, table.prefixes)
    new = _LAYOUTS.get(key)
    if new is None:
        new = aligned(table) if style == ALIGNED else unpadded(table, style == COMPACT)
        if new == old:
            new = old  # a table already in the style keeps its own lines, not a copy of them
        if len(_LAYOUTS) >= _LAYOUTS_KEPT:
            _LAYOUTS.clear()
        _LAYOUTS[key] = new
    return new


def styles_of(table: Table, old: tuple[str, ...]) -> frozenset[str]:
    """The styles ``table`` is written in (a table of equal-width cells can be in several).

    Compact and tight are compared line by line as they are written out, so a table in
    another style costs its first differing line, not a whole layout."""
    found = {ALIGNED} if laid_out(table, old, ALIGNED) == old else set()
    tight = (line.rstrip(" \t") for line in old)
    if all(a == b for a, b in zip(_unpadded_lines(table, False), tight, strict=True)):
        found.add(TIGHT)
    compact = (_EMPTY_COMPACT.sub("| ", line.rstrip(" \t")) for line in old)
    if all(a == b for a, b in zip(_unpadded_lines(table, True), compact, strict=True)):
        found.add(COMPACT)
    return frozenset(found)


def aligned(table: Table) -> tuple[str, ...]:
    """The table's lines as prettier prints them, container prefixes kept."""
    rows = (table.header, *table.rows)
    cell_widths = [list(map(width, row.cells)) for row in rows]
    widest = map(max, zip_longest(*cell_widths, fillvalue=0))  # per column, in C
    columns = [max(_MIN_WIDTH, cell_width) for cell_width in widest]
    aligns = table.aligns
    lines = [_row_line(table.header.cells, cell_widths[0], columns, aligns)]
    lines.append(_delimiter_line(columns[: len(table.header.cells)], aligns))
    for row, widths in zip(table.rows, cell_widths[1:], strict=True):
        lines.append(_row_line(row.cells, widths, columns, aligns))
    return tuple(prefix + line for prefix, line in zip(table.prefixes, lines, strict=True))


def unpadded(table: Table, spaced: bool) -> tuple[str, ...]:
    """The table's lines compact (``spaced``: one space around each cell) or tight."""
    return tuple(_unpadded_lines(table, spaced))


def _unpadded_lines(table: Table, spaced: bool) -> Iterator[str]:
    inner = " | " if spaced else "|"
    edge_open, edge_close = ("| ", " |") if spaced else ("|", "|")
    delimiter = tuple(piece.strip(" \t") for piece in _pieces(table.delimiter.content)[0])
    rows = chain((table.header.cells, delimiter), (row.cells for row in table.rows))
    for prefix, cells in zip(table.prefixes, rows, strict=True):
        line = prefix + edge_open + inner.join(cells if spaced else _unescaping(cells)) + edge_close
        yield _EMPTY_COMPACT.sub("| ", line) if spaced else line


def _unescaping(cells: tuple[str, ...]) -> tuple[str, ...]:
    """Cells that can be followed by a pipe: one ending in a backslash keeps a space after it,
    or the pipe after it would be escaped and the cell would swallow the next one."""
    if not any(cell.endswith("\\") for cell in cells):
        return cells
    return tuple(cell + " " if cell.endswith("\\") else cell for cell in cells)


def _row_line(
    cells: tuple[str, ...], widths: list[int], columns: list[int], aligns: tuple[str, ...]
) -> str:
    if "right" not in aligns and "center" not in aligns:  # every cell padded on the right
        pairs = zip(cells, widths, strict=True)
        padded = [cell + " " * (columns[index] - w) for index, (cell, w) in enumerate(pairs)]
        return "| " + " | ".join(padded) + " |"
    padded = []
    for index, (cell, cell_width) in enumerate(zip(cells, widths, strict=True)):
        padding = columns[index] - cell_width
        align = aligns[index] if index < len(aligns) else ""
        if align == "right":
            padded.append(" " * padding + cell)
        elif align == "center":
            left = padding // 2
            padded.append(" " * left + cell + " " * (padding - left))
        else:
            padded.append(cell + " " * padding)
    return "| " + " | ".join(padded) + " |"


def _delimiter_line(columns: list[int], aligns: tuple[str, ...]) -> str:
    cells = []
    for column, align in zip(columns, aligns, strict=True):
        left = ":" if align in ("left", "center") else "-"
        right = ":" if align in ("right", "center") else "-"
        cells.append(left + "-" * (column - 2) + right)
    return "| " + " | ".join(cells) + " |"
