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
from collections.abc import Iterator
from itertools import zip_longest

from lint.document import Row, Table, _pieces, is_pipeless
from lint.memo import Memo
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
# an empty cell of a tight row written with one space (``| |``), as tight lists often keep it
_EMPTY_TIGHT = re.compile(r"(?<=\|)(?<!\\\|) (?=\|)")


def lines_of(table: Table, lines: tuple[str, ...]) -> tuple[str, ...]:
    """The source lines of ``table`` out of a document's ``lines``."""
    return lines[table.start_line - 1 : table.end_line]


def laid_out(
    table: Table, old: tuple[str, ...], style: str, memo: Memo | None = None
) -> tuple[str, ...]:
    """The table's lines in ``style`` (``old`` are its current lines). A table's layout depends
    only on its lines and container prefixes, so ``memo`` keeps it by them: the conventions step
    and table-format, and the passes of a fix, lay each table out once."""
    key = (style, old, table.prefixes)
    new = memo.layouts.get(key) if memo is not None else None
    if new is None:
        new = aligned(table) if style == ALIGNED else unpadded(table, style == COMPACT)
        if new == old:
            new = old  # a table already in the style keeps its own lines, not a copy of them
        if memo is not None:
            memo.layouts[key] = new
    return new


def styles_of(table: Table, old: tuple[str, ...], memo: Memo | None = None) -> frozenset[str]:
    """The styles ``table`` is written in (see ``_styles``), read once per ``memo``."""
    if memo is None:
        return _styles(table, old, None)
    key = (old, table.prefixes)
    found = memo.styles.get(key)
    if found is None:
        found = memo.styles[key] = _styles(table, old, memo)
    return found


def _styles(table: Table, old: tuple[str, ...], memo: Memo | None) -> frozenset[str]:
    """The styles ``table`` is written in: tight or compact (read from its body rows), else
    aligned as prettier lays it out, else aligned by hand (pipes in the same display columns on
    every line: the padding of centred cells may differ from prettier's). The cheap styles are
    compared first, line by line, so a table costs its first differing line; a table in one of
    them is not measured for the others."""
    rows = zip(_unpadded_lines(table, False), old[2:], strict=True)
    if all(made.rstrip(" \t") == _EMPTY_TIGHT.sub("", line.rstrip(" \t")) for made, line in rows):
        return frozenset((TIGHT,))
    rows = zip(_unpadded_lines(table, True), old[2:], strict=True)
    if all(
        made.rstrip(" \t") == _EMPTY_COMPACT.sub("| ", line.rstrip(" \t")) for made, line in rows
    ):
        return frozenset((COMPACT,))
    if laid_out(table, old, ALIGNED, memo) == old:
        return frozenset((ALIGNED,))
    return frozenset((BY_HAND,)) if _pipes_aligned(table) else frozenset()


def _pipeless(row: Row) -> bool:
    """``is_pipeless`` without a call for the common row, which holds an unescaped pipe."""
    content = row.content
    return "|" not in content or ("\\|" in content and is_pipeless(row))


# enough rows to tell a table's padding; a long table is not read to its end for it
_LEANING_ROWS = 64


def leaning(table: Table) -> str:
    """The style a table in no style comes closest to, by its cells' padding: tight when most
    cells have no space around them, compact when most have one, aligned when most have more.
    A document's style is voted with it, so a list of loosely tight tables stays tight."""
    counts = {ALIGNED: 0, COMPACT: 0, TIGHT: 0}
    # the delimiter row's spacing tells nothing: generators write `| :---: |` over tight rows
    for row in (table.header, *table.rows[:_LEANING_ROWS]):
        if _pipeless(row):
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
    cell_widths = [[] if _pipeless(row) else list(map(width, row.cells)) for row in rows]
    cell_widths[0] = list(map(width, table.header.cells))
    widest = map(max, zip_longest(*cell_widths, fillvalue=0))  # per column, in C
    columns = [max(_MIN_WIDTH, cell_width) for cell_width in widest]
    aligns = table.aligns
    lines = [_row_line(table.header.cells, cell_widths[0], columns, aligns)]
    lines.append(_delimiter_line(columns[: len(table.header.cells)], aligns))
    for row, widths in zip(table.rows, cell_widths[1:], strict=True):
        glued = _pipeless(row)
        lines.append(row.content if glued else _row_line(row.cells, widths, columns, aligns))
    return tuple(prefix + line for prefix, line in zip(table.prefixes, lines, strict=True))


def unpadded(table: Table, spaced: bool) -> tuple[str, ...]:
    """The table's lines with its body rows compact (``spaced``: one space around each cell) or
    tight. The header and delimiter rows are kept as written: lists pad a header or space a
    delimiter (``| :---: |``) over unpadded rows, and the style is read from the rows."""
    head = (table.prefixes[0] + table.header.content, table.prefixes[1] + table.delimiter.content)
    return head + tuple(_unpadded_lines(table, spaced))


def _unpadded_lines(table: Table, spaced: bool) -> Iterator[str]:
    """The body rows of ``unpadded``, one at a time (a comparison stops at the first that
    differs)."""
    inner = " | " if spaced else "|"
    edge_open, edge_close = ("| ", " |") if spaced else ("|", "|")
    for prefix, row in zip(table.prefixes[2:], table.rows, strict=True):
        if _pipeless(row):
            yield prefix + row.content
            continue
        cells = row.cells if spaced else _unescaping(row.cells)
        line = prefix + edge_open + inner.join(cells) + edge_close
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
