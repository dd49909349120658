"""The rows out of a table's date order: those outside its longest run of rows in order."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from lint.conventions import DateKey


def out_of_order(keys: Sequence[DateKey | None], descending: bool) -> list[int]:
    """Indexes of the rows outside the longest run of rows in order (equal dates are in order).

    Rows whose date cannot be read are never out of place. Among several longest runs, the one
    that keeps the earliest rows is kept, so the row that breaks the order is the one reported.
    Linear in the rows, times a logarithm.
    """
    indexes = [index for index, key in enumerate(keys) if key is not None]
    readable = [key for key in keys if key is not None]
    if readable == sorted(readable, reverse=descending):
        return []  # already in order (most tables): one sort in C instead of the search below
    values: list[DateKey] = []
    for index in indexes:
        key = keys[index]
        assert key is not None
        values.append((-key[0], -key[1], -key[2]) if descending else key)
    # longest run starting at each position: the longest non-increasing run ending there, read
    # from the right, found by patience sorting on negated keys
    starting = [0] * len(values)
    tails: list[DateKey] = []
    for position in range(len(values) - 1, -1, -1):
        year, month, day = values[position]
        negated = (-year, -month, -day)
        slot = bisect_right(tails, negated)
        tails[slot : slot + 1] = [negated]
        starting[position] = slot + 1
    need = len(tails)
    kept: set[int] = set()
    last: DateKey | None = None
    for position, value in enumerate(values):
        if need and starting[position] == need and (last is None or value >= last):
            kept.add(position)
            last = value
            need -= 1
    return [index for position, index in enumerate(indexes) if position not in kept]
