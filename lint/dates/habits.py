"""What a list writes across all its date columns, which no one column shows: the months it
spells in full where its style abbreviates them, and spans of years it dates projects by. Each
is read from the list's date texts and how many cells write each (``written_texts``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from lint.dates.reading import year_span
from lint.dates.values import FULL_NAMES, is_full_name, month_number

# a month written in full in this many date cells (and at least as often as abbreviated) is
# how the list writes that month, in a style of abbreviated months (``March.`` among ``Oct.``)
SPELLED_SHOWN = 2
# spans of years (``2005-2026``, ``1993-``) in this many date cells: the list dates projects
# by the years they span, on purpose
SPANS_SHOWN = 2
_WORD = re.compile(r"[A-Za-z]+")


def year_spans(written: Mapping[str, int]) -> bool:
    """True when ``SPANS_SHOWN`` of the list's date cells or more write a span of years."""
    return sum(count for text, count in written.items() if year_span(text)) >= SPANS_SHOWN


def spelled_months(written: Mapping[str, int]) -> frozenset[int]:
    """The months the list writes in full where its style abbreviates them (``SPELLED_SHOWN``
    cells, at least as many as abbreviated). June and July are left out: English writes them
    in full anyway, and every style of abbreviated months takes them so."""
    full: Counter[int] = Counter()
    short: Counter[int] = Counter()
    for text, count in written.items():
        for word in _WORD.findall(text) if not text.isdigit() else ():
            month = month_number(word)
            if month is None or len(FULL_NAMES[month]) <= 4:
                continue  # no month, or May, June, July: written in full by every style
            (full if is_full_name(word) else short)[month] += count
    return frozenset(
        month for month, seen in full.items() if seen >= max(SPELLED_SHOWN, short[month])
    )
