"""Table layout styles, as markdownlint's MD060 names them, and each style's lines for a table.

- ``aligned``: cells padded to their column's display width, as prettier prints a table (CJK and
  emoji count 2, see ``lint/width.py``); the delimiter row as wide as the column (at least 3).
- ``compact``: one space on each side of every cell, no padding: ``| a | b |``.
- ``tight``: no space at all: ``|a|b|``.

Every style has a leading and a trailing pipe. Compact and tight are read from the body rows:
the header and delimiter rows are kept as written (lists pad a header, or space a delimiter, over
unpadded rows). Cell text is never changed, and white space after a line's last pipe is not part
of the style.
"""

from __future__ import annotations

import re
from itertools import zip_longest

from lint.document import Table, _pieces, is_pipeless
from lint.width import width

ALIGNED = "aligned"
COMPACT = "compact"
TIGHT = "tight"
STYLES = (ALIGNED, COMPACT, TIGHT)
# pipes in the same display columns on every line, padded otherwise than prettier pads: aligned
# when the style is inferred, not when ``layout = "aligned"`` asks for prettier's bytes
BY_HAND = "aligned by hand"

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

    Aligned is prettier's layout, or any layout whose pipes stand in the same display columns
    on every line (aligned by hand: the padding of centred cells may differ from prettier's).
    """
    found = {ALIGNED} if laid_out(table, old, ALIGNED) == old else set()
    if not found and _pipes_aligned(table):
        found.add(BY_HAND)
    trimmed = tuple(line.rstrip(" \t") for line in old)
    if _trimmed(laid_out(table, old, TIGHT)) == trimmed:
        found.add(TIGHT)
    compact = tuple(_EMPTY_COMPACT.sub("| ", line) for line in trimmed)
    if _trimmed(laid_out(table, old, COMPACT)) == compact:
        found.add(COMPACT)
    return frozenset(found)


def _trimmed(lines: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(line.rstrip(" \t") for line in lines)


def leaning(table: Table) -> str:
    """The style a table in no style comes closest to, by its cells' padding: tight when most
    cells have no space around them, compact when most have one, aligned when most have more.
    A document's style is voted with it, so a list of loosely tight tables stays tight."""
    counts = {ALIGNED: 0, COMPACT: 0, TIGHT: 0}
    # the delimiter row's spacing tells nothing: generators write `| :---: |` over tight rows
    for row in (table.header, *table.rows):
        if is_pipeless(row):
            continue
        for piece in _pieces(row.content)[0]:
            text = piece.strip(" \t")
            padding = len(piece) - len(text)
            counts[TIGHT if padding == 0 else COMPACT if padding <= 2 else ALIGNED] += 1
    return max((TIGHT, COMPACT, ALIGNED), key=lambda style: counts[style])


def _pipes_aligned(table: Table) -> bool:
    """True when every line's pipes stand in the same display columns (one table-wide width per
    column), and the table has padding to align (a tight table is not aligned)."""
    positions: tuple[int, ...] | None = None
    for row in (table.header, table.delimiter, *table.rows):
        content = row.content.rstrip(" \t")
        if not content.startswith("|") or not content.endswith("|"):
            return False
        pieces = _pieces(content)[0]
        if row is not table.header and len(pieces) != len(table.header.cells):
            return False
        column, found = 0, []
        for piece in pieces:
            column += width(piece) + 1
            found.append(column)
        if positions is None:
            positions = tuple(found)
        elif tuple(found) != positions:
            return False
    return positions is not None and any(
        piece.startswith(" ") for piece in _pieces(table.header.content)[0]
    )


def aligned(table: Table) -> tuple[str, ...]:
    """The table's lines as prettier prints them, container prefixes kept."""
    rows = (table.header, *table.rows)
    # a row without any pipe (text glued under the table, which broken-table reports) is kept as
    # written: given pipes, it would stay a row even once a blank line is put before it
    cell_widths = [[] if is_pipeless(row) else list(map(width, row.cells)) for row in rows]
    cell_widths[0] = list(map(width, table.header.cells))
    widest = map(max, zip_longest(*cell_widths, fillvalue=0))  # per column, in C
    columns = [max(_MIN_WIDTH, cell_width) for cell_width in widest]
    aligns = table.aligns
    lines = [_row_line(table.header.cells, cell_widths[0], columns, aligns)]
    lines.append(_delimiter_line(columns[: len(table.header.cells)], aligns))
    for row, widths in zip(table.rows, cell_widths[1:], strict=True):
        glued = is_pipeless(row)
        lines.append(row.content if glued else _row_line(row.cells, widths, columns, aligns))
    return tuple(prefix + line for prefix, line in zip(table.prefixes, lines, strict=True))


def unpadded(table: Table, spaced: bool) -> tuple[str, ...]:
    """The table's lines with its body rows compact (``spaced``: one space around each cell) or
    tight. The header and delimiter rows are kept as written: lists pad a header or space a
    delimiter (``| :---: |``) over unpadded rows, and the style is read from the rows."""
    inner = " | " if spaced else "|"
    edge_open, edge_close = ("| ", " |") if spaced else ("|", "|")
    lines = [table.prefixes[0] + table.header.content, table.prefixes[1] + table.delimiter.content]
    for prefix, row in zip(table.prefixes[2:], table.rows, strict=True):
        if is_pipeless(row):
            lines.append(prefix + row.content)
            continue
        cells = row.cells if spaced else _unescaping(row.cells)
        line = prefix + edge_open + inner.join(cells) + edge_close
        lines.append(_EMPTY_COMPACT.sub("| ", line) if spaced else line)
    return tuple(lines)


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
