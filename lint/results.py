"""Tables of results: a leaderboard ranked by a column of numbers, or a table of scores.

Such a table runs by its scores (or by groups of methods), and its dates only roughly: row-order
reads no date order in it (``date_order.table_order``). A number is a score, a size or a count
as lists write them (``0.763``, ``85.2%``, ``1,024``, ``100k+``, ``1.2M``).
"""

from __future__ import annotations

from lint.document import Table

# a table ranked by a column of numbers (a leaderboard by score) has at least this many rows
RANKED_ROWS = 4


# and its ranking column has at least this many different scores (``other_orders.ordered_by``)
RANKED_SCORES = 3


def sorted_columns(table: Table, date_column: int | None) -> list[tuple[str, list[float]]]:
    """Each column but ``date_column`` whose cells are all numbers running one way down the
    rows (equal ones side by side, two different ones at least), with its header and numbers;
    none counting the rows (1, 2, 3), none in a table of fewer than ``RANKED_ROWS`` rows."""
    rows = table.rows
    if len(rows) < RANKED_ROWS:
        return []
    found = []
    for column, header in enumerate(table.header.cells):
        if column == date_column:
            continue
        values = [_number(row.cells[column] if column < len(row.cells) else "") for row in rows]
        numbers = [value for value in values if value is not None]
        if len(numbers) < len(rows):
            continue  # a cell that is no number: no ranking column
        pairs = list(zip(numbers, numbers[1:], strict=False))
        steps = {(after > before) - (after < before) for before, after in pairs} - {0}
        counting = all(abs(after - before) == 1 for before, after in pairs)
        if len(steps) == 1 and not counting:
            found.append((header, numbers))
    return found


# a table with this many columns of numbers (most of their rows) is a table of results: a
# leaderboard runs by its scores, or by groups of methods, and its dates only roughly
RESULT_COLUMNS = 4


def score_columns(table: Table, date_column: int | None) -> int:
    """How many of the table's columns but its dates hold a number in half its rows or more."""
    width = len(table.header.cells)
    if width - (date_column is not None) < RESULT_COLUMNS:
        return 0  # too few columns to be a table of results: none read
    rows = table.rows
    return sum(
        2 * sum(_number(row.cells[column]) is not None for row in rows if column < len(row.cells))
        >= len(rows)
        for column in range(len(table.header.cells))
        if column != date_column
    )


def _number(cell: str) -> float | None:
    """A cell's number (``0.763``, ``85.2%``, ``1,024``; a count rounded down with its unit,
    ``100k+``, ``1.2M``), None for anything else."""
    text = cell.strip().strip("*_`").rstrip("%").replace(",", "")
    if not text or not (text[0].isdigit() or text[0] in "+-."):
        return None  # float() also reads "nan" and "inf"
    score, slash, out_of = text.partition("/")
    if slash:  # a score out of a total (``27/30``)
        return _fraction(score, out_of)
    unit = _UNITS.get(text.rstrip("+")[-1:], 1)
    if unit != 1:
        text = text.rstrip("+")[:-1]
    try:
        return float(text) * unit
    except ValueError:
        return None


# a count's unit: thousands, millions, billions (``15k+`` citations, ``7B`` parameters)
_UNITS = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9}


def _fraction(score: str, out_of: str) -> float | None:
    """``27/30`` read as a number, None where either side is no plain number (``2024/05``, a
    date, has a month under its slash: read, it would be a score of 405)."""
    if not (score.replace(".", "", 1).isdigit() and out_of.isdigit()) or len(out_of) > 3:
        return None
    total = float(out_of)
    return float(score) / total if total and float(score) <= total else None
