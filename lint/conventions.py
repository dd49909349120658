"""What a document already does, merged with the settings: the conventions every rule reads.

Run once per document by the engine, between parsing and the rules, which are handed the result
(``lint/context.py``). For each table: which columns hold the title and the date, the date style
of its date column, the order its rows run in, whether its dates follow their arXiv ids, and
which columns name a paper's variant; for the document: the table layout style and the header of
its paper tables. Only what the list does is kept here: what a rule finds against it (the rows
out of order, the tables not in the layout) stays in the rule, computed by the helpers below
(``misplaced``, ``arxiv_rows``) or by ``lint/layout.py``, with the memo keeping what both ask.

A setting given in the configuration wins; ``"auto"`` (the default) reads the document. Each
value carries where it came from (``set``, ``inferred`` or ``default``) so ``--show-conventions``
can say why a row was reported and which setting pins it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from lint import column_shapes, dates, entities, kept_layout, layout, paper_index, papers, titles
from lint.column_shapes import Shape
from lint.columns import Roles, cell, header_key, name_column, roles, venue_column
from lint.config import AUTO, Config
from lint.document import Document, Table
from lint.kept_layout import Kept
from lint.memo import Memo
from lint.paper_index import Entry
from lint.sections import settings_for

# a date's place in an order: (year, month, day), month and day 0 where not given or not shown
DateKey = tuple[int, int, int]

SET = "set"
INFERRED = "inferred"
DEFAULT = "default"

# the fallback when nothing dominates (issue 8: this repository's own choices)
DEFAULT_ORDER = "ascending"
DEFAULT_LAYOUT = "aligned"
# the document's layout when most of its tables keep none (lint/kept_layout.py)
NO_LAYOUT = "none"


class Setting(NamedTuple):
    """A convention's value and where it came from: ``set``, ``inferred`` or ``default``."""

    value: str
    source: str
    detail: str = ""


class TableConventions(NamedTuple):
    """One table's conventions.

    ``roles`` are its title and date columns; ``date_style`` the style of its date column (None
    when it has none); ``order`` ``ascending``, ``descending`` or ``off`` (not ordered by date, or
    ordering switched off). ``keys`` hold each body row's date as compared (None where it cannot
    be read): the evidence of its order. ``year_hint`` is the year its section's heading gives
    (``### 2024``), for dates written without one; ``year_column`` tells a column giving years
    alone (``Year``, ``2023``, ``**2024**``). ``arxiv_dates`` ``follow`` when its dates are the
    months of their arXiv ids, else ``free`` (None without a date column). ``variants`` are the
    columns whose cells name a variant of a paper (a size, a version: ``7B``), read for tables
    with a title column. ``settings`` are the table's: the document's, with those of the sections
    it is in (``lint/sections.py``); ``layout`` the layout its section sets (None: the document's).
    ``venue_years``: the list writes a venue and a year (``CVPR, 2024``) in date columns of this
    kind, its way of dating published papers. ``kept_layout`` is the style most of its rows are
    in, with the evidence (None: no style holds a clear majority of them); ``shape`` what each
    of its columns holds (``lint/column_shapes.py``); ``dated_ids`` (when its dates follow their
    arXiv ids) how many of its rows give one arXiv id and how many of those a date, then the
    same for the other rows: a row's date is compared with those of its kind. ``entities`` are
    its rows as the entities they list (``lint/entities.py``: a paper, or a named dataset, model
    or tool), for tables listing any.
    """

    table: Table
    roles: Roles
    date_style: Setting | None
    order: Setting
    keys: tuple[DateKey | None, ...] = ()
    arxiv_dates: Setting | None = None
    year_hint: int | None = None
    year_column: bool = False
    variants: tuple[int, ...] = ()
    settings: Config = Config()
    layout: Setting | None = None
    venue_years: bool = False
    kept_layout: Kept | None = None
    shape: Shape = Shape((), 0)
    dated_ids: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))
    entities: tuple[Entry, ...] = ()


class Conventions(NamedTuple):
    """A document's conventions: the settings they came from, the layout, one entry per table."""

    config: Config
    layout: Setting
    tables: tuple[TableConventions, ...]
    # the paper tables' header: set, or the one most of them use (``detail`` says how many)
    header: tuple[str, ...] | None = None
    header_source: Setting | None = None
    # whether the list's dates follow their arXiv ids, read over all its tables (a table with
    # too few rows with ids to tell follows the list: --online's date-mismatch)
    arxiv_dates: Setting | None = None
    # the document's size in characters: a fix of its layout is measured against it
    size: int = 0
    # how many of its rows have fewer cells than their header (rows leaving out trailing cells)
    short_rows: int = 0
    # whether the list repeats entities of one table in another on purpose (None: no entities)
    cross_listing: Setting | None = None

    def paper_tables(self) -> Iterator[TableConventions]:
        """The tables with both a title and a date column, the only ones paper rules check."""
        return (found for found in self.tables if found.roles.is_paper)


def infer(doc: Document, config: Config, memo: Memo | None = None) -> Conventions:
    """Read the conventions of ``doc``; settings other than ``auto`` win. ``memo`` keeps what
    the rules will ask again (a table's layout styles, its rows with arXiv ids)."""
    memo = memo if memo is not None else Memo()
    settings = [settings_for(config, table.section) for table in doc.tables]
    found = [roles(table, own) for table, own in zip(doc.tables, settings, strict=True)]
    styles = _date_styles(doc.tables, found, settings, config)
    tables = tuple(
        _with_entities(_table(table, table_settings, memo, config, table_roles, style), memo)
        for table, table_settings, table_roles, style in zip(
            doc.tables, settings, found, styles, strict=True
        )
    )
    header, header_source = _header(tables, config)
    size = sum(map(len, doc.lines)) + len(doc.lines)
    short = sum(table.shape.short_rows for table in tables)
    read = Conventions(
        config,
        _layout(tables, config),
        tables,
        header,
        header_source,
        cross_listing=_cross_listing(tables),
        size=size,
        short_rows=short,
    )
    with_dates = [table for table in tables if table.arxiv_dates is not None]
    if not with_dates:
        return read
    rows = tuple(row for table in with_dates for row in arxiv_rows(table, memo))
    return read._replace(arxiv_dates=_arxiv_dates(rows))


def _with_entities(found: TableConventions, memo: Memo) -> TableConventions:
    roles_of, keys = found.roles, found.keys
    listed = entities.table_entries(found.table, roles_of, keys, found.variants, memo.identities)
    return found._replace(entities=listed) if listed else found


# a list cross-lists once it repeats this many entities in another table with the same data
CROSS_LISTED = 1


def _cross_listing(tables: Sequence[TableConventions]) -> Setting | None:
    """``yes`` when the list repeats an entity of one table in another with the same data (its
    title, date and venue), ``no`` when it never does; None when no table lists entities.

    One such repeat is enough: a row pasted under a second section with everything the same was
    put there on purpose (a paper forgotten and added again shows itself by differing data,
    which duplicate-entry reports everywhere). Tables whose section sets ``duplicate-scope`` are
    left out: the setting already says what their repeats mean."""
    # a table whose section sets its own duplicate-scope is that section's exception, no evidence
    listed = [
        found.entities
        for found in tables
        if found.entities and found.settings.duplicate_scope == AUTO
    ]
    if not listed:
        return None
    found = paper_index.repeats(listed)
    if found.rows < CROSS_LISTED or found.first is None:
        return Setting("no", INFERRED, "no entity is listed in two tables")
    first, again = found.first
    shown = titles.shown(first.title_cell) or ", ".join(first.identity.keys[:1])
    detail = (
        f"{found.rows} {'row repeats' if found.rows == 1 else 'rows repeat'} an entity of "
        f'another table with the same data, e.g. "{shown}" at lines {first.row.line} and '
        f"{again.row.line}"
    )
    return Setting("yes", INFERRED, detail)


def header_cells(cells: Sequence[str]) -> tuple[str, ...]:
    """Header cells as compared: white space inside collapsed."""
    return tuple(" ".join(text.split()) for text in cells)


def _header(
    tables: Sequence[TableConventions], config: Config
) -> tuple[tuple[str, ...] | None, Setting | None]:
    """The header every paper table should have: the setting, or the one most use."""
    if config.header is not None:
        return header_cells(config.header), Setting("the configured header", SET)
    counts: dict[tuple[str, ...], int] = {}
    for found in tables:
        if found.roles.is_paper:
            key = header_cells(found.table.header.cells)
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return None, None
    best = max(counts, key=lambda key: counts[key])  # first among equals
    total = sum(counts.values())
    if not _clear_majority(counts[best], total):
        return None, None  # the list keeps no one header: nothing to hold its tables to
    detail = f"{counts[best]} of {total} paper tables"
    return best, Setting("the header most paper tables use", INFERRED, detail)


def _clear_majority(count: int, total: int) -> bool:
    """A header the list keeps: used by at least two paper tables and two in three of them."""
    return count >= 2 and 3 * count >= 2 * total


def _table(
    table: Table,
    config: Config,
    memo: Memo,
    document: Config,
    table_roles: Roles,
    date_style: tuple[Setting | None, bool],
) -> TableConventions:
    """One table's conventions under ``config``, its settings (``document``'s, with those of
    the sections it is in), given its roles and its date style (``_date_styles``)."""
    found = _dated_table(table, config, memo, document, table_roles, date_style)
    return found._replace(
        kept_layout=kept_layout.kept(table, memo),
        shape=column_shapes.shape(table),
        dated_ids=_dated_ids(found, memo),
    )


def _dated_table(
    table: Table,
    config: Config,
    memo: Memo,
    document: Config,
    table_roles: Roles,
    date_style: tuple[Setting | None, bool],
) -> TableConventions:
    """A table's conventions but its layout and shape, under ``config``, its settings
    (``document``'s, with those of the sections it is in), given its roles and its date style
    (``_date_styles``)."""
    variants = _variants(table, table_roles)
    own = _own_layout(config, document)
    if table_roles.date is None:
        off = Setting("off", DEFAULT, "no date column")
        return TableConventions(
            table, table_roles, None, off, variants=variants, settings=config, layout=own
        )
    style, venue_years = date_style
    if style is None:
        off = Setting("off", DEFAULT, "not a date column: most cells are no dates")
        return TableConventions(
            table, table_roles, None, off, variants=variants, settings=config, layout=own
        )
    hint = dates.year_hint(table.section)
    texts = [cell(row.cells, table_roles.date) for row in table.rows]
    years = dates.year_column(texts)
    keys = _keys(table, texts, style.value, hint, years)
    order, out = _order(table, keys, config, document)
    if order.source == INFERRED and order.value != "off":
        descending = order.value == "descending"
        if out[descending] if descending in out else out_of_order(keys, descending):
            order = _by_id(table, table_roles, keys, order, memo)
    found = TableConventions(
        table, table_roles, style, order, keys, None, hint, years, variants, config, own
    )
    found = found._replace(venue_years=venue_years)
    return found._replace(arxiv_dates=_arxiv_dates(arxiv_rows(found, memo)))


def _dated_ids(found: TableConventions, memo: Memo) -> tuple[tuple[int, int], tuple[int, int]]:
    """For a table whose dates follow their arXiv ids (else zeros): how many of its rows with
    the header's cell count give one arXiv id and how many of those a date, then the same for
    the other rows. Only the rows with an empty date cell are read for ids here: the dated ones
    are the table's ``arxiv_rows``, read already."""
    table, title, date = found.table, found.roles.title, found.roles.date
    if date is None or found.arxiv_dates is None or found.arxiv_dates.value != "follow":
        return ((0, 0), (0, 0))
    width = len(table.header.cells)
    full = [row for row in table.rows if len(row.cells) == width]
    dated_ids = sum(
        1 for index, _ in arxiv_rows(found, memo) if len(table.rows[index].cells) == width
    )
    undated_ids = sum(
        1
        for row in full
        if not row.cells[date]
        and len(papers.arxiv_ids(row.cells, title, date, memo.identities)) == 1
    )
    dated = sum(1 for row in full if row.cells[date])
    with_id = dated_ids + undated_ids
    return ((with_id, dated_ids), (len(full) - with_id, dated - dated_ids))


def _variants(table: Table, table_roles: Roles) -> tuple[int, ...]:
    """The columns telling entities of one paper apart in a table with a title column
    (duplicate-entry reads them): its name column (``Dataset``, ``Abbreviation``) and the
    columns of short variant names (``7B``); never where a paper appeared (``Venue``: two venues
    for one paper are one paper updated in one place, not two variants)."""
    if table_roles.title is None:
        return ()
    venue = venue_column(table, table_roles)
    found = papers.variant_columns(table, (table_roles.title, table_roles.date, venue))
    named = name_column(table, table_roles)
    if named is None or named == table_roles.title or named in found:
        return found
    return tuple(sorted((*found, named)))


def misplaced(found: TableConventions) -> list[int]:
    """The indexes of the rows outside the longest run of rows in the table's order (none when
    it has no order)."""
    if found.order.value not in ("ascending", "descending"):
        return []
    return out_of_order(found.keys, found.order.value == "descending")


def _keys(
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
        if len(row.cells) != width:
            keys.append(None)  # a row with missing or extra cells: its date may be any cell
            continue
        if text not in seen:
            value = dates.read(text, style, hint)
            key = None
            if value is not None and (value.month or years):
                key = (value.year, value.month if shown[0] else 0, (value.day or 0) * shown[1])
            seen[text] = key if key is None or key <= limit else None
        keys.append(seen[text])
    return tuple(keys)


def _set(value: str, key: str, config: Config, document: Config) -> Setting:
    """A value the settings give, saying when the table's section gave it."""
    if getattr(config, key) != getattr(document, key):
        return Setting(value, SET, "for its section")
    return Setting(value, SET)


def _own_layout(config: Config, document: Config) -> Setting | None:
    """The layout a table's section sets for it (None: the document's)."""
    if config.layout == document.layout or config.layout == AUTO:
        return None
    return _set(config.layout, "layout", config, document)


def _date_styles(
    tables: Sequence[Table],
    table_roles: Sequence[Roles],
    settings: Sequence[Config],
    document: Config,
) -> list[tuple[Setting | None, bool]]:
    """Each table's date style (None without a date column, or when most of its cells are no
    dates) and whether the list writes venue-years in its kind of date column: the setting,
    else the style the list's columns of its kind share, else its own (``dates.choose_styles``);
    where neither holds a majority, the style most of its dates share, as a default that
    date-format does not check."""
    columns = [
        dates.DateColumn(
            header_key(cell(table.header.cells, found.date)),
            tuple(dates.date_text(row.cells, found.date) for row in table.rows),
        )
        if found.date is not None
        else None
        for table, found in zip(tables, table_roles, strict=True)
    ]
    styles: list[tuple[Setting | None, bool]] = []
    for config, choice in zip(settings, dates.choose_styles(columns), strict=True):
        venues = choice is not None and choice.venue_years >= dates.VENUE_YEARS_SHOWN
        if choice is None:
            styles.append((None, False))
        elif config.date_format != AUTO:
            styles.append((_set(config.date_format, "date_format", config, document), venues))
        else:
            styles.append((_inferred(choice), venues))
    return styles


def _inferred(choice: dates.Choice) -> Setting | None:
    """The setting an inferred style choice gives, its evidence in the detail."""
    if choice.style is None:
        return None
    shown = f"{choice.matching} of {choice.cells} cells"
    if choice.scope == dates.DOCUMENT and choice.tables > 1:
        return Setting(choice.style, INFERRED, f"{shown} in {choice.tables} tables")
    if choice.scope == dates.NONE:
        detail = f"no style holds a majority ({shown}): dates read, not checked"
        return Setting(choice.style, DEFAULT, detail)
    return Setting(choice.style, INFERRED, shown)


def _order(
    table: Table, keys: Sequence[DateKey | None], config: Config, document: Config
) -> tuple[Setting, dict[bool, list[int]]]:
    """The order the table runs in: set, or in auto the direction leaving fewer rows out of
    place; ``off`` when more than a third of the rows would be out of place either way. With
    it, the rows out of place each way that were found on the way (keyed by ``descending``)."""
    if config.order != AUTO:
        return _set(config.order, "order", config, document), {}
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
    else:
        shown = f"{len(readable) - len(out)} of {len(readable)} dated rows"
        return Setting(direction, INFERRED, shown), found
    return Setting("off", INFERRED, f"not ordered by date: {detail}"), found


def _by_id(
    table: Table, table_roles: Roles, keys: Sequence[DateKey | None], order: Setting, memo: Memo
) -> Setting:
    """``off`` when the rows follow their arXiv ids more closely than their dates (daily arXiv
    lists sort by id and date rows by their last update): the table is ordered by id."""
    ids: list[DateKey | None] = []
    for row in table.rows:
        found = papers.arxiv_ids(row.cells, table_roles.title, table_roles.date, memo.identities)
        ids.append(papers.arxiv_order(found[0]) if len(found) == 1 else None)
    with_ids = sum(key is not None for key in ids)
    if with_ids * 2 <= len(table.rows):
        return order
    descending = order.value == "descending"
    by_id, by_date = len(out_of_order(ids, descending)), len(out_of_order(keys, descending))
    if by_id >= by_date:
        return order
    detail = f"ordered by arXiv id ({by_id} rows out of id order, {by_date} out of date order)"
    return Setting("off", INFERRED, detail)


def _other(direction: str) -> str:
    return "descending" if direction == "ascending" else "ascending"


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


# a table's dates follow their arXiv ids when this share of its dated rows with one id agree
ARXIV_AGREE = 0.9
ARXIV_MIN_ROWS = 3


def arxiv_rows(found: TableConventions, memo: Memo) -> tuple[tuple[int, papers.DatedId], ...]:
    """The rows of a table with a date column giving one arXiv id and a readable date (by
    index), read once per table and memo; a table whose lines mention no arXiv id costs a few
    substring tests."""
    table, title, date = found.table, found.roles.title, found.roles.date
    if date is None or found.date_style is None:
        return ()
    contents = tuple(row.content for row in table.rows)
    if not papers.may_hold_arxiv("\n".join(contents)):
        return ()
    date_format = found.date_style.value
    key = (contents, title, date, date_format)
    known = memo.arxiv_rows.get(key)
    if known is None:
        identities = memo.identities
        dated = (
            (index, papers.dated_arxiv(row.cells, title, date, date_format, identities))
            for index, row in enumerate(table.rows)
        )
        known = memo.arxiv_rows[key] = tuple((i, one) for i, one in dated if one is not None)
    return known


def _arxiv_dates(rows: tuple[tuple[int, papers.DatedId], ...]) -> Setting:
    """``follow`` when at least 90% (and 3) of the rows with one arXiv id and a dated
    month are dated the id's month, else ``free``."""
    agree = total = 0
    for _, found in rows:
        if found.date.month:
            total += 1
            agree += found.month == (found.date.year, found.date.month)
    detail = f"{agree} of {total} dated rows with an arXiv id are dated its month"
    follow = agree >= ARXIV_MIN_ROWS and agree >= ARXIV_AGREE * total
    return Setting("follow" if follow else "free", INFERRED, detail)


def _layout(tables: Sequence[TableConventions], config: Config) -> Setting:
    """The layout style most of the document's tables keep (each in most of its rows), counting
    the tables with at least ``EVIDENCE_ROWS`` rows when there are any; ``none`` when no style
    is kept by more than half of them."""
    if config.layout != AUTO:
        return Setting(config.layout, SET)
    # a table its section lays out says nothing of the others, nor does one without rows
    own = [found for found in tables if found.layout is None and found.table.rows]
    if not own:
        return Setting(DEFAULT_LAYOUT, DEFAULT, "no table with rows")
    evidence = [found for found in own if len(found.table.rows) >= kept_layout.EVIDENCE_ROWS] or own
    counts = {style: 0 for style in layout.STYLES}
    for found in evidence:
        if found.kept_layout is not None:
            counts[found.kept_layout.style] += 1
    best = max(layout.STYLES, key=lambda style: counts[style])  # first among equals: aligned
    detail = f"kept by {counts[best]} of {len(evidence)} tables"
    if len(evidence) < len(own):
        detail += f" of {kept_layout.EVIDENCE_ROWS} rows or more"
    if counts[best] * 2 <= len(evidence):
        return Setting(NO_LAYOUT, INFERRED, f"no layout kept by most tables: {best} {detail}")
    return Setting(best, INFERRED, detail)
