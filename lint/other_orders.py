"""What a table's rows run by when not by their dates, though their dates look near an order.

A table out of date order in a few rows keeps no date order, and row-order reports none there,
when its rows follow something else the list shows: a column of scores or of groups, the dates
in order within each (``runs_by``); the page's own sections, which the table indexes in their
order (``page_indexes``); or nothing at all, its dates no nearer an order than a shuffle of
them (``by_chance``: a small table of a few years runs one way more often than not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote

from lint.columns import cell, header_key
from lint.conventions import INFERRED, DateKey, Setting, TableConventions
from lint.document import Section, Table
from lint.headings import heading_anchors
from lint.longest_run import out_of_order
from lint.results import sorted_columns

# a table's rows out of date order, at most this share of those a shuffle of its dates leaves
# out of place, are in an order; more, and its dates are in order by chance (a few years over a
# small table run one way more often than not)
CHANCE_SHARE = 0.55
# a table of this many dated rows or more shows its order plainly: no shuffle is needed
CHANCE_ROWS = 60
_SHUFFLES = 16


def by_chance(readable: Sequence[DateKey], descending: bool) -> float | None:
    """How many rows of ``readable`` dates a random order leaves out of place, on average over
    ``_SHUFFLES`` shuffles (the same ones every run); None for a table of ``CHANCE_ROWS`` or
    more."""
    if len(readable) >= CHANCE_ROWS:
        return None
    from random import Random  # only where a table's order is in doubt

    shuffler = Random(len(readable))
    dates = list(readable)
    total = 0
    for _ in range(_SHUFFLES):
        shuffler.shuffle(dates)
        total += len(out_of_order(dates, descending))
    return total / _SHUFFLES


def runs_by(
    table: Table, keys: Sequence[DateKey | None], descending: bool, date_column: int | None
) -> str | None:
    """The header of a column the rows run by, the dates in order among the rows of each of its
    values: a column of numbers running one way (``sorted_columns``: ``Score``, ``27/30`` down
    to ``26/30``), or a column naming groups, each group's rows together (``Method``: the
    ``Patch-based`` rows, then the ``Adversarial`` ones). The rows out of date order are where
    that value changes: each group, or each score, is in order on its own."""
    columns: list[tuple[str, Sequence[object]]] = [
        *sorted_columns(table, date_column),
        *_group_columns(table, date_column),
    ]
    for header, values in columns:
        starts = [0, *(at for at in range(1, len(values)) if values[at] != values[at - 1])]
        ends = [*starts[1:], len(values)]
        if all(
            not out_of_order(keys[start:end], descending)
            for start, end in zip(starts, ends, strict=True)
        ):
            return header
    return None


def _group_columns(table: Table, date_column: int | None) -> list[tuple[str, list[str]]]:
    """Each column but ``date_column`` naming groups of rows: every row names one, each
    group's rows stand together, and the groups are two or more, of two rows each on average
    (a column of titles, each its own, groups nothing)."""
    rows = table.rows
    found = []
    for column, header in enumerate(table.header.cells):
        if column == date_column:
            continue
        values = [header_key(cell(row.cells, column)) for row in rows]
        if not all(values):
            continue
        starts = sum(1 for at in range(len(values)) if not at or values[at] != values[at - 1])
        if 2 <= starts == len(set(values)) and 2 * starts <= len(values):
            found.append((header, values))
    return found


# a table indexing the page's sections has at least this many rows, each linking to a heading
INDEX_ROWS = 4

# a link to an anchor of the page itself (``[SWE-EVO](#38-swe-evo)``)
_PAGE_LINK = re.compile(r"\]\(\s*<?#([^)\s>]+)")


def page_indexes(
    tables: tuple[TableConventions, ...], sections: Sequence[Section]
) -> tuple[TableConventions, ...]:
    """``tables`` with the order switched off of each table out of date order whose rows
    index the page's sections: every row links to a heading of the page, down the rows in the
    order the headings come. Such a table runs as the page keeps its sections (numbered ones,
    ``| 38 | [SWE-EVO](#38-swe-evo) |``), and moving a row would leave it and the sections
    apart."""
    places: dict[str, int] | None = None
    found = list(tables)
    for index, table in enumerate(tables):
        if table.order.source != INFERRED or table.order.value == "off":
            continue
        if len(table.table.rows) < INDEX_ROWS:
            continue
        if not out_of_order(table.keys, table.order.value == "descending"):
            continue
        if places is None:
            titles = (section.title for section in sections)
            places = {anchor: place for place, anchor in enumerate(heading_anchors(titles))}
        if _in_section_order(table.table, places):
            why = "not ordered by date: its rows link to the page's sections, in their order"
            found[index] = table._replace(order=Setting("off", INFERRED, why))
    return tuple(found)


def _in_section_order(table: Table, places: dict[str, int]) -> bool:
    """True when each row of ``table`` links to a heading of the page (``places``: each
    anchor's place among them) and the rows follow the headings' order."""
    last = -1
    for row in table.rows:
        link = _PAGE_LINK.search(row.content)
        place = None if link is None else places.get(unquote(link.group(1)).lower())
        if place is None or place <= last:
            return False
        last = place
    return True
