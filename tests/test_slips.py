"""slips: letters added, dropped, changed or two neighbours swapped, each one slip."""

from __future__ import annotations

import pytest

from lint.slips import slips


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("august", "august", 0),
        ("agust", "august", 1),  # dropped
        ("aprill", "april", 1),  # added
        ("octobar", "october", 1),  # changed
        ("februray", "february", 1),  # two neighbours swapped: one slip, not two
        ("", "ab", 2),
        ("view", "venue", 4),
        ("focus", "rlframework", 10),
    ],
)
def test_slips(first: str, second: str, expected: int) -> None:
    assert slips(first, second) == expected
    assert slips(second, first) == expected
