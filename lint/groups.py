"""A table's group rows: rows that name the group of rows below them, a heading inside a table;
and its pinned rows, put first on purpose.

Lists group a table's rows under label rows: ``| ***<ins>Error Injection</ins>*** |  |  |  |``
(the label in the first cell, the others empty), ``| _VLA Models_ |`` (one cell) or ``|---|
**Deep Learning-based Methods** |---|---|`` (an emphasised label in another cell, the others
dashes or empty: a divider, which table-format leaves as the list writes it). GitHub shows
the label in the first column; the rows below it, up to the next label, are its group. A label
row holds text without a link (a paper's row links its paper or has its other cells), in a table
of ``GROUP_COLUMNS`` or more, and its text is either emphasised where most of the first column
is not, or of a kind the first column of the table's other rows never holds (a name above rows of
linked titles, of dates): a row whose one cell is like the column's others is a row missing its
cells (column-count's).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from lint.column_shapes import MIN_ROWS, RARE, kind
from lint.document import Row, Table, is_pipeless

# a label row names a group in a table of this many columns or more (in a table of two, one cell
# left out is as likely a missing link as a label)
GROUP_COLUMNS = 3
# what makes a cell more than a label: a link, an address or an image
_LINK_MARKS = ("](", "://", "<a ", "<img", "![")
# marks that open an emphasised label (``**``, ``_``, ``<b>``, ``<ins>``)
_EMPHASIS = ("*", "_", "<b>", "<strong>", "<em>", "<i>", "<ins>", "<u>")


def group_rows(table: Table) -> frozenset[int]:
    """The indexes of the table's rows that label a group (see the module's docstring)."""
    width = len(table.header.cells)
    if width < GROUP_COLUMNS:
        return frozenset()
    # a label past the header's last column is dropped by GitHub: no label
    labels = {
        index: at
        for index, row in enumerate(table.rows)
        if (at := _label_at(row)) is not None and at < width
    }
    if not labels:
        return frozenset()
    found: set[int] = set()
    for column in set(labels.values()):
        others = _cells(table.rows, width, frozenset(labels), column)
        if len(others) < MIN_ROWS:
            continue  # too few rows to tell a label from a row
        kinds = Counter(map(kind, others))
        plain = 2 * sum(map(_emphasised, others)) < len(others)
        found.update(
            index
            for index, at in labels.items()
            if at == column
            and (
                (plain and _emphasised(table.rows[index].cells[at]))
                or (not at and kinds[kind(table.rows[index].cells[0])] <= RARE * len(others))
            )
        )
    return frozenset(found)


# marks that pin a row above the others (a list's flagship entries first, then the rest in
# order); not 🔥, which lists put on popular papers anywhere in a table
_PINS = ("⭐", "🌟", "📌", "📍", "🔝", "[pinned]", "(pinned)")
# a table pins rows in a leading run of at most this share of its rows
PINNED_SHARE = 0.5


def pinned_rows(table: Table) -> frozenset[int]:
    """The indexes of a leading run of rows marked as pinned (``⭐ Ego4D``), where no later
    row carries the mark: the list puts them first on purpose, outside the order of the rest."""
    rows = table.rows
    if not rows or not _pinned(rows[0]):
        return frozenset()  # most tables: their first row carries no pin
    marked = [_pinned(row) for row in rows]
    count = marked.index(False) if False in marked else len(marked)
    if count > PINNED_SHARE * len(rows) or any(marked[count:]):
        return frozenset()
    return frozenset(range(count))


def _pinned(row: Row) -> bool:
    content = row.content.lower()
    return any(pin in content for pin in _PINS)


# what stands for rows a table leaves out or has yet to fill: an ellipsis of two dots or more
# (``...``, ``........``, ``…``), a vertical one, or etc.
_ELLIPSIS = re.compile(r"(?i)\.{2,}|…+|⋮|etc\.?")


def is_ellipsis(text: str) -> bool:
    """True for a cell's text that is an ellipsis alone (``...``, ``........``, ``…``)."""
    return bool(_ELLIPSIS.fullmatch(text.strip()))


def runs(rows: int, labels: frozenset[int], start: int | None = None) -> list[list[int]]:
    """The indexes of ``rows`` rows in order, cut at the label rows: the rows of each group, and
    each label row alone; cut again where a block of rows ``start``s (the preprints after the
    published papers: ``date_order.preprint_block``)."""
    found: list[list[int]] = []
    for index in range(rows):
        if index in labels or not found or found[-1][-1] in labels or index == start:
            found.append([index])
        else:
            found[-1].append(index)
    return found


def _label_at(row: Row) -> int | None:
    """Where a row of text without a link has it: in its first cell, nothing in the others (or
    no other cell at all); or in another cell, the others empty or dashes alone (``|---|
    **Deep Learning-based Methods** |---|---|``). None for other rows."""
    cells = row.cells
    # cells past the header's count are dropped by GitHub: empty ones change nothing
    if not cells or is_pipeless(row):
        return None
    if cells[0] and not any(cells[1:]):
        at = 0
    else:
        said = [index for index, text in enumerate(cells) if says_something(text)]
        if len(said) != 1 or not said[0]:
            return None
        at = said[0]
    lower = cells[at].lower()
    return None if any(mark in lower for mark in _LINK_MARKS) else at


# a letter or a digit: a cell saying something, not dashes or blanks filling its place
_WORD = re.compile(r"[^\W_]")


def says_something(text: str) -> bool:
    """True for a cell with a letter or a digit in it, not dashes or blanks filling its place."""
    return _WORD.search(text) is not None


_DASHES = re.compile(r"\s*[-—–]{2,}\s*")


def dashed_label(row: Row) -> bool:
    """True for a label row whose other cells are dashes (``|---| **Group** |---|---|``): a
    divider the list writes its own way, outside the layout of its rows."""
    return _label_at(row) is not None and any(_DASHES.fullmatch(text) for text in row.cells)


def _cells(rows: Sequence[Row], width: int, labels: frozenset[int], column: int) -> list[str]:
    """The cells in ``column`` of the other rows with all their cells (or more: their cells
    stand under their columns all the same)."""
    return [
        row.cells[column]
        for index, row in enumerate(rows)
        if index not in labels and len(row.cells) >= width and not is_pipeless(row)
    ]


def _emphasised(cell: str) -> bool:
    """True for a cell whose text opens with emphasis (``**``, ``_``, ``<b>``, ``<ins>``)."""
    return cell.lower().startswith(_EMPHASIS)
