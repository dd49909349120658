"""The order a table's rows run in: each row's date as compared, the direction (set, or the one
leaving fewer rows out of place, ``off`` without a clear one, when the rows follow their arXiv
ids instead, or something else the list shows: ``lint/other_orders.py``), and the rows out of
that order (``lint/longest_run.py``: row-order reports them, a new row is placed by them); and
the list's way, where a table's own rows cannot tell (``list_orders``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lint import arxiv, dates
from lint.arxiv_dating import arxiv_rows, before_its_id
from lint.columns import Roles, cell, venue_column
from lint.config import AUTO, Config
from lint.conventions import (
    DEFAULT,
    DEFAULT_ORDER,
    INFERRED,
    DateKey,
    Setting,
    TableConventions,
    set_by,
)
from lint.document import Table
from lint.longest_run import out_of_order
from lint.memo import Memo
from lint.other_orders import by_chance, ordered_by
from lint.papers import preprint_venue
from lint.results import RESULT_COLUMNS, score_columns


def misplaced(found: TableConventions, memo: Memo | None = None) -> list[int]:
    """The indexes of the rows outside the longest run of rows in the table's order (none when
    it has no order), each read at ``ordering_keys``."""
    if found.order.value not in ("ascending", "descending"):
        return []
    return out_of_order(ordering_keys(found, memo), found.order.value == "descending")


def ordering_keys(found: TableConventions, memo: Memo | None = None) -> tuple[DateKey | None, ...]:
    """The table's dates as its order compares them: a date with a month that its own arXiv id
    contradicts (before the id's month, arxiv-date's report) is read as the id's month (its day
    kept where only the year differs from the id's: a mistyped year) where that puts its row in
    place beside its neighbours as read so far (its link is evidence enough at an end of the
    table too): the date is the slip, not the row's place, nor its neighbours'. So is a
    year alone up to ``VENUE_AFTER_PREPRINT`` years after its id's (a venue's year in a table
    ordered by preprint: ``2025`` for a December 2024 id among 2024 rows). Elsewhere
    (a dataset's own release date beside the paper it cites) the date is read as written. A
    day kept in a comment (``2023/03<!--13-->``) is not compared: GitHub does not show it. A
    year alone among months is in place anywhere in its year (``_years_alone``)."""
    descending = found.order.value == "descending"
    keys = found.keys
    if found.date_style is not None and _hidden_day(found.date_style.value):
        keys = tuple(None if key is None else (key[0], key[1], 0) for key in keys)
    if found.order.value not in ("ascending", "descending"):
        return keys  # no order to read them in
    keys = _years_alone(found, keys)
    rows = arxiv_rows(found, memo if memo is not None else Memo())
    if not rows:
        return keys
    fixed = list(keys)
    for index, dated in rows:
        key = keys[index] if index < len(keys) else None
        if key is None:
            continue
        if key[1] and before_its_id(dated):
            # the id's month; its day where only the year differs from the id's (mistyped)
            day = key[2] if key[1] == dated.month[1] else 0
            by_id = (dated.month[0], dated.month[1], day)
        elif (
            not key[1]
            and 0 < key[0] - dated.month[0] <= VENUE_AFTER_PREPRINT
            and not in_place(fixed, index, key, descending, ends=True)
        ):
            by_id = (dated.month[0], 0, 0)  # a venue's year out of place: the preprint's is
        else:
            continue
        # read beside its neighbours as read so far: two rows in a row with one slip are both
        if in_place(fixed, index, by_id, descending, ends=True):
            fixed[index] = by_id
    return tuple(fixed)


# a paper appears at its venue at most this many years after its preprint's year: a year
# alone this much after its arXiv id's, out of place where the id's year is not, is the venue's
VENUE_AFTER_PREPRINT = 2


def _hidden_day(style: str) -> bool:
    """True when the style keeps its day in an HTML comment, which GitHub does not show."""
    return any(element.startswith("<!--") for element in dates.parse_style(style).elements)


def _years_alone(
    found: TableConventions, keys: tuple[DateKey | None, ...]
) -> tuple[DateKey | None, ...]:
    """``keys`` with a year written alone in a column of months (``2025`` among ``11/2025``),
    between two rows in place, read as the date of one of them that shares its year: it is in
    place anywhere in its year; else as its year's start (``(2025, 0, 0)``), which sorts it at
    its year's edge. At an end of the table, or beside another such row, it stays unread."""
    column = found.roles.date
    if column is None or None not in keys:
        return keys
    width = len(found.table.header.cells)
    # its neighbours in place: a row out of place beside it says nothing of where it stands
    out = set(out_of_order(keys, found.order.value == "descending"))
    placed = [None if index in out else key for index, key in enumerate(keys)]
    fixed = list(keys)
    for index, row in enumerate(found.table.rows):
        if keys[index] is not None or len(row.cells) != width:
            continue
        text = cell(row.cells, column)
        if not dates.bare_year(text):
            continue
        sides = neighbours(placed, index)
        if None in sides:
            continue  # at an end of the table, or of a block of such rows: nothing places it
        alone = dates.read_year(dates.inner(text))
        year = alone.year if alone is not None else 0
        near = [key for key in sides if key is not None and key[0] == year]
        fixed[index] = near[0] if near else (year, 0, 0)
    return tuple(fixed)


def neighbours(keys: Sequence[DateKey | None], index: int) -> tuple[DateKey | None, DateKey | None]:
    """The nearest readable dates before and after row ``index`` (None where there is none)."""
    before = next((keys[i] for i in range(index - 1, -1, -1) if keys[i] is not None), None)
    after = next((keys[i] for i in range(index + 1, len(keys)) if keys[i] is not None), None)
    return before, after


def in_place(
    keys: Sequence[DateKey | None], index: int, key: DateKey, descending: bool, ends: bool = False
) -> bool:
    """True when row ``index`` dated ``key`` would stand in order between its nearest dated
    neighbours: both of them, or with ``ends`` the one a row at an end of the table has."""
    before, after = neighbours(keys, index)
    if (before is None and after is None) or (not ends and (before is None or after is None)):
        return False
    if descending:
        before, after = after, before
    return (before is None or before <= key) and (after is None or key <= after)


def date_keys(
    table: Table, texts: Sequence[str], date_format: str, hint: int | None, year_column: bool
) -> tuple[DateKey | None, ...]:
    """Each row's date as compared: as the format shows it (the day only if it shows days)."""
    style = dates.parse_style(date_format)
    shown = (dates.has_month(style), dates.has_day(style))
    with_year = dates.has_year(style)
    limit = dates.limit()
    # a year alone is a date in a year style or a column of years, not among months
    years = not shown[0] or year_column
    # a style without the year reads it from the section's heading
    hint = None if with_year else hint
    seen: dict[str, DateKey | None] = {}
    keys: list[DateKey | None] = []
    width = len(table.header.cells)
    for row, text in zip(table.rows, texts, strict=True):
        if len(row.cells) > width:
            keys.append(None)  # a row with extra cells: its date may be any cell
            continue
        # a row with missing cells is read at the date column, as GitHub shows it (its optional
        # last cells left out); one missing a cell before it holds no date there, mostly
        if text not in seen:
            value = dates.read(text, style, hint)
            if value is not None and not with_year:
                value = value._replace(year=hint or 0)  # ``06.21-25``: days, not a year
            key = None
            if value is not None and (value.month or years):
                key = (value.year, value.month if shown[0] else 0, (value.day or 0) * shown[1])
            seen[text] = key if key is None or key <= limit else None
        keys.append(seen[text])
    if not with_year:
        _across_years(keys)
    return _in_their_months(keys) if shown[1] else tuple(keys)


# the months at a year's end and at a year's start, in dates that give no year
_LATE, _EARLY = range(10, 13), range(1, 4)


def _across_years(keys: list[DateKey | None]) -> None:
    """Where the months of dates that give no year fall back once from the year's last
    months to its first (``12.27`` then ``01.03``: a semester's table over the year's end) or
    rise once so (newest first), the rows from there on are of the next year, or the one
    before."""
    dated = [index for index, key in enumerate(keys) if key is not None]
    jumps = []
    for position in range(1, len(dated)):
        before, after = keys[dated[position - 1]], keys[dated[position]]
        assert before is not None and after is not None
        if (before[1] in _LATE and after[1] in _EARLY) or (
            before[1] in _EARLY and after[1] in _LATE
        ):
            jumps.append((position, after[1] - before[1]))
    if len(jumps) != 1:
        return
    position, step = jumps[0]
    for index in dated[position:]:
        key = keys[index]
        assert key is not None
        keys[index] = (key[0] + (1 if step < 0 else -1), key[1], key[2])


def _in_their_months(keys: list[DateKey | None]) -> tuple[DateKey | None, ...]:
    """Keys where a date known only to its month (``2025-1`` among ``Jan 28 2025``) takes the
    day of a dated neighbour in that month: it is in place anywhere in its month, and a day of
    0 would put it before the month's first day."""
    dated = [index for index, key in enumerate(keys) if key is not None]
    for position, index in enumerate(dated):
        key = keys[index]
        if key is None or key[2] or not key[1]:
            continue
        sides = (position - 1, position + 1)
        for near in (keys[dated[side]] for side in sides if 0 <= side < len(dated)):
            if near is not None and near[:2] == key[:2] and near[2]:
                keys[index] = near
                break
    return tuple(keys)


def table_order(
    table: Table,
    keys: Sequence[DateKey | None],
    config: Config,
    document: Config,
    date_column: int | None = None,
) -> tuple[Setting, dict[bool, list[int]]]:
    """The order the table runs in: set, or in auto the direction leaving fewer rows out of
    place; ``off`` when more than a third of the rows would be out of place either way. With
    it, the rows out of place each way that were found on the way (keyed by ``descending``).
    ``date_column``: where the dates are (no column of scores, ``2019.04`` a number as it is)."""
    if config.order != AUTO:
        return set_by(config.order, "order", config, document), {}
    readable = [key for key in keys if key is not None]
    if len(set(readable)) < 2:
        return Setting(DEFAULT_ORDER, DEFAULT, "fewer than two distinct dates"), {}
    up = out_of_order(keys, descending=False)
    if not up:  # in order: no direction can leave fewer rows out of place
        return Setting("ascending", INFERRED, f"all {len(readable)} dated rows"), {False: up}
    down = out_of_order(keys, descending=True)
    found = {False: up, True: down}
    direction, out = ("ascending", up) if len(up) <= len(down) else ("descending", down)
    if not out:
        return Setting(direction, INFERRED, f"all {len(readable)} dated rows"), found
    # rows out of place need evidence of an order: a clear direction over several dates
    misplaced = set(out)
    run = {key for index, key in enumerate(keys) if key is not None and index not in misplaced}
    steps = list(zip(readable, readable[1:], strict=False))
    rising = sum(after > before for before, after in steps)
    falling = sum(after < before for before, after in steps)
    against = falling if direction == "ascending" else rising
    if len(up) == len(down):
        detail = f"as many rows out of place ascending as descending ({len(out)})"
    elif against * 4 > rising + falling:
        detail = f"{against} of {rising + falling} changes of date run {_other(direction)}"
    elif len(run) < 3:
        detail = f"its rows in order span {len(run)} distinct dates: too few to tell an order"
    elif len(out) * 3 > len(readable):
        detail = f"{len(out)} of {len(readable)} dated rows out of place either way"
    elif (chance := by_chance(readable, direction == "descending", len(out))) is not None:
        detail = (
            f"{len(out)} of {len(readable)} dated rows out of place, where a shuffle of its dates"
            f" leaves {chance:.1f}: no more in order than chance puts them"
        )
    elif (by := ordered_by(table, keys, direction == "descending", date_column)) is not None:
        detail = by
    elif (scores := score_columns(table, date_column)) >= RESULT_COLUMNS:
        detail = f"a table of results ({scores} columns of numbers), ordered by them or by groups"
    else:
        shown = f"{len(readable) - len(out)} of {len(readable)} dated rows"
        return Setting(direction, INFERRED, shown), found
    return Setting("off", INFERRED, f"not ordered by date: {detail}"), found


# a list keeps no order by date when at least this many of its tables read an order (one way
# or none) and most of them run both ways
ORDER_TABLES = 4


def list_orders(tables: tuple[TableConventions, ...]) -> tuple[TableConventions, ...]:
    """``tables`` with the order each read from its own rows switched off, for those with rows
    out of it, where most of the list's tables whose order was read run both ways and their
    dates rise about as often as they fall: the list orders no table by date, and a table near
    an order is so by chance (two or three years over a dozen rows rise more often than not).
    Where most tables read an order, one that cannot tell its own takes the list's."""
    read = [found.order for found in tables if found.order.source == INFERRED]
    unordered = sum(order.value == "off" for order in read)
    if len(read) < ORDER_TABLES:
        return tables
    if unordered * 2 <= len(read):
        return _the_lists_direction(tables, read)
    rising, falling = _changes(found.keys for found in tables if found.order.source == INFERRED)
    if max(rising, falling) >= LEANING * min(rising, falling):
        return tables  # its tables lean one way, each kept loosely: an order, slips and all
    why = f"the list orders no table by date ({unordered} of {len(read)} run both ways)"
    return _switched_off(tables, why)


def _switched_off(tables: tuple[TableConventions, ...], why: str) -> tuple[TableConventions, ...]:
    """``tables`` with the order read from each one's own rows off where rows are out of it."""
    return tuple(
        found._replace(order=Setting("off", INFERRED, f"not ordered by date: {why}"))
        if found.order.source == INFERRED
        and found.order.value != "off"
        and out_of_order(found.keys, found.order.value == "descending")
        else found
        for found in tables
    )


# a list whose tables mostly run both ways still keeps an order when its changes of date run
# one way this many times as often as the other (newest first, with many slips)
LEANING = 2


def _changes(tables: Iterable[Sequence[DateKey | None]]) -> tuple[int, int]:
    """How many times the dates of the tables' rows rise and fall from one row to the next."""
    rising = falling = 0
    for keys in tables:
        read = [key for key in keys if key is not None]
        rising += sum(after > before for before, after in zip(read, read[1:], strict=False))
        falling += sum(after < before for before, after in zip(read, read[1:], strict=False))
    return rising, falling


# a list runs its tables one way when at least this share of those ordered by date do
LIST_DIRECTION = 0.75


def _the_lists_direction(
    tables: tuple[TableConventions, ...], read: list[Setting]
) -> tuple[TableConventions, ...]:
    """``tables`` with those that leave as many rows out of place either way (a short table:
    ``2025, 2026, 2025``) read in the direction ``LIST_DIRECTION`` of the list's ordered tables
    run (most tables whose order was read are: ``list_orders``, and twice as many as those
    keeping none, ties among them): its own rows cannot tell, the list's other tables do; and
    those read the other way with rows out of place off (batches added oldest first in a list
    kept newest first: the rows out of place would be moved against the list's way). Where a
    third of them or more keep no order and those in order run both ways (short tables in
    order by chance), each table with rows out of its order is off: the list keeps none."""
    ordered = [order for order in read if order.value != "off"]
    if len(ordered) < 2 * (len(read) - len(ordered)):
        # a third of its tables read or more (ties too) keep no order: no way; and where those
        # in order run both ways, short tables in order by chance, a table near one is too
        ways = {order.value for order in ordered}
        if ways != {"ascending", "descending"}:
            return tables
        why = (
            f"the list keeps no order by date ({len(read) - len(ordered)} of {len(read)} tables"
            " run both ways, the others ascending or descending)"
        )
        return _switched_off(tables, why)
    for direction in ("ascending", "descending"):
        count = sum(order.value == direction for order in ordered)
        if count >= LIST_DIRECTION * len(ordered):
            break
    else:
        return tables
    why = f"the list's way: {count} of {len(ordered)} ordered tables run {direction}"
    return tuple(_in_the_lists_way(found, direction, why) for found in tables)


def _in_the_lists_way(found: TableConventions, direction: str, why: str) -> TableConventions:
    """``found`` with its inferred order read in the list's ``direction``: taken where its own
    rows tie, off where it runs the other way with rows out of place."""
    if found.order.source != INFERRED:
        return found
    other = _other(direction)
    if found.order.value == "off" and _ties(found.keys):
        return found._replace(order=Setting(direction, INFERRED, why))
    if found.order.value == other and out_of_order(found.keys, other == "descending"):
        against = f"it runs {other} with rows out of place, the list {direction}"
        return found._replace(
            order=Setting("off", INFERRED, f"not ordered by date: {against} ({why})")
        )
    return found


# a table takes the list's direction with at least this many dated rows (in three, one row
# out of place is no evidence of a slip)
TIE_ROWS = 4


def _ties(keys: Sequence[DateKey | None]) -> bool:
    """True when rows are out of place as many either way, one at least and at most a third
    of the dated rows (more are no order at all), in a table of ``TIE_ROWS`` dated rows."""
    dated = sum(key is not None for key in keys)
    if dated < TIE_ROWS:
        return False
    up = out_of_order(keys, descending=False)
    return 0 < len(up) * 3 <= dated and len(up) == len(out_of_order(keys, descending=True))


def by_id(
    table: Table, table_roles: Roles, keys: Sequence[DateKey | None], order: Setting, memo: Memo
) -> Setting:
    """``off`` when the rows follow their arXiv ids more closely than their dates (daily arXiv
    lists sort by id and date rows by their last update), or as closely as dates that are years
    alone, the rows off their order in place by id (a Year column of venue years in a table
    sorted by id): the table is ordered by id."""
    ids: list[DateKey | None] = []
    for row in table.rows:
        found = arxiv.arxiv_ids(row.cells, table_roles.title, table_roles.date, memo.identities)
        ids.append(arxiv.arxiv_order(found[0]) if len(found) == 1 else None)
    with_ids = sum(key is not None for key in ids)
    if with_ids * 2 <= len(table.rows):
        return order
    descending = order.value == "descending"
    off_id, off_date = out_of_order(ids, descending), out_of_order(keys, descending)
    by_id, by_date = len(off_id), len(off_date)
    # years alone tie far more than ids: between as many slips, where the rows off the years'
    # order are in place by their ids, the ids show the order kept
    years = all(key is None or not key[1] for key in keys)
    if by_id > by_date or (by_id == by_date and not (years and set(off_id).isdisjoint(off_date))):
        return order
    detail = f"ordered by arXiv id ({by_id} rows out of id order, {by_date} out of date order)"
    return Setting("off", INFERRED, detail)


def _other(direction: str) -> str:
    return "descending" if direction == "ascending" else "ascending"


def preprint_block(table: Table, table_roles: Roles) -> int | None:
    """Where a table's last block of preprints starts: its venue column names a preprint server
    (``arXiv``) in every row from there to the end and in none of the two or more before
    (published papers in order, then the preprints in order: two runs, as two groups are); None
    otherwise, and without a date column."""
    venue = venue_column(table, table_roles) if table_roles.date is not None else None
    if venue is None:
        return None
    kinds = [preprint_venue(cell(row.cells, venue)) for row in table.rows]
    start = kinds.index(True) if True in kinds else 0
    return start if start >= 2 and all(kinds[start:]) else None
