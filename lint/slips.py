"""How far apart two short words are, in slips of the hand.

A slip is a letter added, dropped or changed, or two neighbouring letters swapped (the
optimal-string-alignment distance). A misspelt month (``Februray``) is one slip from its name;
a header renamed by a slip (``Pubished``) is a variant of the list's, not a column of its own.
"""

from __future__ import annotations


def slips(first: str, second: str) -> int:
    """The fewest slips that turn ``first`` into ``second`` (both short: the cost is their
    lengths multiplied)."""
    before: list[int] = []
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            cost = min(
                previous[column] + 1, current[-1] + 1, previous[column - 1] + (char != other)
            )
            swapped = row > 1 and column > 1 and char == second[column - 2]
            if swapped and first[row - 2] == other:
                cost = min(cost, before[column - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1]
