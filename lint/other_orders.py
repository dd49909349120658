"""What a table's rows run by when not by their dates, though their dates look near an order.

A table out of date order in a few rows keeps no date order, and row-order reports none there,
when its rows follow something else the list shows: a leaderboard's ranking, or a column of
scores or of groups with the dates in order within each (``ordered_by``); the page's own
sections, which the table indexes in their order (``page_indexes``); or nothing at all, its
dates no nearer an order than a shuffle of them (``by_chance``: a small table of a few years
runs one way more often than not).
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
from lint.results import RANKED_SCORES, sorted_columns

# a table's rows out of date order, at most this share of those a shuffle of its dates leaves
# out of place, are in an order; more, and its dates are in order by chance (a few years over a
# small table run one way more often than not)
CHANCE_SHARE = 0.55
# a table of this many dated rows or more shows its order plainly: no shuffle is needed
CHANCE_ROWS = 60
_SHUFFLES = 16
# shuffles read before a plain case is decided
_CLEAR_AFTER = 2


def by_chance(readable: Sequence[DateKey], descending: bool, out: int) -> float | None:
    """How many rows of ``readable`` dates a random order leaves out of place, on average over
    ``_SHUFFLES`` shuffles (the same ones every run), when the table's ``out`` rows out of
    place are more than ``CHANCE_SHARE`` of it: the table is no nearer an order than chance.
    None otherwise, for a table of ``CHANCE_ROWS`` or more, and as soon as a few shuffles
    leave twice as many rows out of place as would decide it (most tables: a slip or two)."""
    if not out or len(readable) >= CHANCE_ROWS:
        return None
    from random import Random  # only where a table's order is in doubt

    shuffler = Random(len(readable))
    dates = list(readable)
    total = 0
    for shuffled in range(1, _SHUFFLES + 1):
        shuffler.shuffle(dates)
        total += len(out_of_order(dates, descending))
        if shuffled >= _CLEAR_AFTER and 2 * out < CHANCE_SHARE * total / shuffled:
            return None  # plainly nearer an order than chance: the other shuffles change nothing
    mean = total / _SHUFFLES
    return mean if out > CHANCE_SHARE * mean else None


def ordered_by(
    table: Table, keys: Sequence[DateKey | None], descending: bool, date_column: int | None
) -> str | None:
    """What the rows run by, said as the order's detail, or None: a column of numbers running
    one way (``sorted_columns``) with ``RANKED_SCORES`` different numbers at least, as a
    leaderboard ranked by it does; or a column the rows run by, the dates in order among the
    rows of each of its values: numbers running one way (``Score``, ``27/30`` down to
    ``26/30``), or names of groups, each group's rows together (``Method``: the
    ``Patch-based`` rows, then the ``Adversarial`` ones). The rows out of date order are where
    that value changes: each group, or each score, is in order on its own."""
    numbers = sorted_columns(table, date_column)
    for header, scores in numbers:
        if len(set(scores)) >= RANKED_SCORES:
            return f'its rows run in the order of "{header}"'
    columns: list[tuple[str, Sequence[object]]] = [*numbers, *_group_columns(table, date_column)]
    for header, values in columns:
        starts = [0, *(at for at in range(1, len(values)) if values[at] != values[at - 1])]
        ends = [*starts[1:], len(values)]
        if all(
            not out_of_order(keys[start:end], descending)
            for start, end in zip(starts, ends, strict=True)
        ):
            return f'its rows run by "{header}", and by date among the rows of each'
    return None


def _group_columns(table: Table, date_column: int | None) -> list[tuple[str, list[str]]]:
    """Each column but ``date_column`` naming groups of rows: every row names one, each
    group's rows stand together, and the groups are two or more, of two rows each on average
    (a column of titles, each its own, groups nothing)."""
    found = []
    for column, header in enumerate(table.header.cells):
        if column == date_column:
            continue
        values: list[str] = []
        seen: set[str] = set()
        for row in table.rows:
            value = header_key(cell(row.cells, column))  # words only: a mark (✅) names none
            if not value or (values and value != values[-1] and value in seen):
                break  # a row naming no group, or a group coming back: no grouping column
            seen.add(value)
            values.append(value)
        else:
            if len(seen) >= 2 and 2 * len(seen) <= len(values):
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
