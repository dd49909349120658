"""What a document already does, merged with the settings: the conventions every rule reads.

Run once per document, between parsing and the rules (``of`` caches the latest documents; a fix
pass reads again only the tables it changed, ``carried``). For each table: which columns hold the
title and the date, the date style of its date column, and the order its rows run in; for the
document: the table layout style. A setting given in the configuration wins; ``"auto"`` (the
default) reads the document. Each value carries where it came from (``set``, ``inferred`` or
``default``) so ``--show-conventions`` can say why a row was reported and which setting pins it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from lint import dates, layout, papers
from lint.columns import Roles, cell, header_key, roles
from lint.config import AUTO, Config
from lint.document import Document, Table

# a date's place in an order: (year, month, day), month and day 0 where not given or not shown
DateKey = tuple[int, int, int]

SET = "set"
INFERRED = "inferred"
DEFAULT = "default"

# the fallback when nothing dominates (issue 8: this repository's own choices)
DEFAULT_ORDER = "ascending"
DEFAULT_LAYOUT = "aligned"


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
    be read); ``misplaced`` the indexes of the rows outside the longest run of rows in ``order``;
    ``styles`` the layout styles the table is written in (``lint/layout.py``), maybe none.
    ``arxiv_dates`` ``follow`` when its dates are the months of their arXiv ids, else
    ``free`` (None without a date column); ``arxiv_rows`` the body rows (by index) giving one
    arXiv id and a readable date, with both. ``venue_years``: the list writes a venue and a year
    (``CVPR, 2024``) in date columns of this kind, its way of dating published papers.
    """

    table: Table
    roles: Roles
    date_style: Setting | None
    order: Setting
    keys: tuple[DateKey | None, ...] = ()
    misplaced: tuple[int, ...] = ()
    styles: frozenset[str] = frozenset()
    leaning: str = ""
    arxiv_dates: Setting | None = None
    arxiv_rows: tuple[tuple[int, papers.DatedId], ...] = ()
    venue_years: bool = False


class Conventions(NamedTuple):
    """A document's conventions: the settings they came from, the layout, one entry per table."""

    config: Config
    layout: Setting
    tables: tuple[TableConventions, ...]
    # the paper tables' header: set, or the one most of them use (``detail`` says how many)
    header: tuple[str, ...] | None = None
    header_source: Setting | None = None

    def table(self, table: Table) -> TableConventions:
        """The conventions of ``table`` (a table of the document they were read from)."""
        for found in self.tables:
            if found.table is table:
                return found
        raise KeyError(table.start_line)


# the latest documents read (a fix pass reads the document and a view of its changed tables)
_cache: list[tuple[Document, Config, Conventions]] = []
_CACHE_KEPT = 2


def of(doc: Document, config: Config) -> Conventions:
    """The conventions of ``doc`` under ``config``, read once per document (cached)."""
    for known, settings, found in _cache:
        if known is doc and settings == config:
            return found
    return remember(doc, infer(doc, config))


def remember(doc: Document, found: Conventions) -> Conventions:
    """Keep ``found`` as the conventions of ``doc`` (what ``of`` returns for it)."""
    _cache[:] = [(doc, found.config, found), *_cache[: _CACHE_KEPT - 1]]
    return found


def infer(doc: Document, config: Config) -> Conventions:
    """Read the conventions of ``doc``; settings other than ``auto`` win."""
    found = [roles(table, config) for table in doc.tables]
    styles = _date_styles(doc.tables, found, config)
    tables = tuple(
        _with_styles(doc, table, config, table_roles, style)
        for table, table_roles, style in zip(doc.tables, found, styles, strict=True)
    )
    header, header_source = _header(tables, config)
    return Conventions(config, _layout(tables, config), tables, header, header_source)


def carried(previous: Conventions, doc: Document, touched: set[int]) -> Conventions:
    """The conventions of ``doc``, a document whose tables are those ``previous`` was read
    from, moved, except the tables at the indexes ``touched``, which changed: only those are
    read again (a table's conventions depend on its own lines, section and the settings)."""
    config = previous.config
    styles = _date_styles(doc.tables, [found.roles for found in previous.tables], config)
    # a table's date style is read with the list's other columns of its kind: a table whose
    # style the changed ones changed is read again too
    touched = touched | {
        index
        for index, style in enumerate(styles)
        if style != (previous.tables[index].date_style, previous.tables[index].venue_years)
    }
    tables = tuple(
        _carried_table(doc, previous.tables[index], table, config, styles[index])
        if index in touched
        else previous.tables[index]._replace(table=table)
        for index, table in enumerate(doc.tables)
    )
    header, header_source = _header(tables, config)
    return Conventions(config, _layout(tables, config), tables, header, header_source)


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
    detail = f"{counts[best]} of {sum(counts.values())} paper tables"
    return best, Setting("the header most paper tables use", INFERRED, detail)


def _carried_table(
    doc: Document,
    previous: TableConventions,
    table: Table,
    config: Config,
    style: tuple[Setting | None, bool],
) -> TableConventions:
    """The conventions of a changed ``table``: read again, but when its cells are those of
    ``previous.table`` in the same order (it was only laid out anew) only its layout styles
    change, since everything else is read from its cells and section."""
    old = previous.table
    same = (
        old.section == table.section
        and old.header.cells == table.header.cells
        and len(old.rows) == len(table.rows)
        and all(a.cells == b.cells for a, b in zip(old.rows, table.rows, strict=True))
    )
    if not same or style != (previous.date_style, previous.venue_years):
        return _with_styles(doc, table, config, previous.roles, style)
    styles = layout.styles_of(table, layout.lines_of(table, doc.lines))
    leaning = "" if styles else layout.leaning(table)
    return previous._replace(table=table, styles=styles, leaning=leaning)


def view(found: Conventions, doc: Document) -> Conventions:
    """``found`` narrowed to the tables of ``doc``, a view of some of the tables they were read
    from (the layout stays the whole document's)."""
    wanted = {id(table) for table in doc.tables}
    return found._replace(tables=tuple(t for t in found.tables if id(t.table) in wanted))


def _with_styles(
    doc: Document,
    table: Table,
    config: Config,
    table_roles: Roles,
    date_style: tuple[Setting | None, bool],
) -> TableConventions:
    styles = layout.styles_of(table, layout.lines_of(table, doc.lines))
    leaning = "" if styles else layout.leaning(table)
    found = _table(table, config, table_roles, date_style[0])
    return found._replace(styles=styles, leaning=leaning, venue_years=date_style[1])


def _table(
    table: Table, config: Config, table_roles: Roles, style: Setting | None
) -> TableConventions:
    if table_roles.date is None:
        return TableConventions(table, table_roles, None, Setting("off", DEFAULT, "no date column"))
    if style is None:
        off = Setting("off", DEFAULT, "not a date column: most cells are no dates")
        return TableConventions(table, table_roles, None, off)
    keys = _keys(table, table_roles.date, style.value)
    order, out = _order(table, keys, config)
    if order.source == INFERRED and order.value != "off":
        descending = order.value == "descending"
        if out[descending] if descending in out else out_of_order(keys, descending):
            order = _by_id(table, table_roles, keys, order)
    misplaced: tuple[int, ...] = ()
    if order.value in ("ascending", "descending"):
        descending = order.value == "descending"
        misplaced = tuple(out[descending] if descending in out else out_of_order(keys, descending))
    arxiv_rows = _arxiv_rows(table, table_roles, style.value)
    return TableConventions(
        table,
        table_roles,
        style,
        order,
        keys,
        misplaced,
        arxiv_dates=_arxiv_dates(arxiv_rows),
        arxiv_rows=arxiv_rows,
    )


def _keys(table: Table, column: int, date_format: str) -> tuple[DateKey | None, ...]:
    """Each row's date as compared: as the format shows it (the day only if it shows days)."""
    style = dates.parse_style(date_format)
    shown = (dates.has_month(style), dates.has_day(style))
    with_year = dates.has_year(style)
    limit = dates.limit()
    texts = [cell(row.cells, column) for row in table.rows]
    # a year alone is a date in a year style or a column of years, not among months
    years = not shown[0] or dates.year_column(texts)
    seen: dict[tuple[str, int | None], DateKey | None] = {}
    keys: list[DateKey | None] = []
    section: tuple[str, ...] | None = None
    hint = None
    width = len(table.header.cells)
    for row, text in zip(table.rows, texts, strict=True):
        if len(row.cells) != width:
            keys.append(None)  # a row with missing or extra cells: its date may be any cell
            continue
        if not with_year and row.section is not section:  # the rows share their section
            section, hint = row.section, dates.year_hint(row.section)
        if (text, hint) not in seen:
            value = dates.read(text, style, hint)
            key = None
            if value is not None and (value.month or years):
                key = (value.year, value.month if shown[0] else 0, (value.day or 0) * shown[1])
            seen[text, hint] = key if key is None or key <= limit else None
        keys.append(seen[text, hint])
    return tuple(keys)


def _date_styles(
    tables: Sequence[Table], table_roles: Sequence[Roles], config: Config
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
    for table, choice in zip(tables, dates.choose_styles(columns), strict=True):
        venues = choice is not None and choice.venue_years >= dates.VENUE_YEARS_SHOWN
        in_section = section_setting(table, config, "date-format")
        if choice is None:
            styles.append((None, False))
        elif in_section is not None and in_section != AUTO:
            styles.append((Setting(in_section, SET, "for its section"), venues))
        elif in_section is None and config.date_format != AUTO:
            styles.append((Setting(config.date_format, SET), venues))
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


def section_setting(table: Table, config: Config, key: str) -> str | None:
    """The value of ``key`` in the ``sections`` override of the innermost heading above
    ``table`` that has one, else None."""
    if not config.sections:
        return None
    overrides = {header_key(heading): dict(values) for heading, values in config.sections}
    for heading in reversed(table.section):
        values = overrides.get(header_key(heading))
        if values is not None and key in values:
            return values[key]
    return None


def _order(
    table: Table, keys: Sequence[DateKey | None], config: Config
) -> tuple[Setting, dict[bool, list[int]]]:
    """The order the table runs in: set, or in auto the direction leaving fewer rows out of
    place; ``off`` when more than a third of the rows would be out of place either way. With
    it, the rows out of place each way that were found on the way (keyed by ``descending``)."""
    in_section = section_setting(table, config, "order")
    if in_section is not None and in_section != AUTO:
        return Setting(in_section, SET, "for its section"), {}
    if in_section is None and config.order != AUTO:
        return Setting(config.order, SET), {}
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
    table: Table, table_roles: Roles, keys: Sequence[DateKey | None], order: Setting
) -> Setting:
    """``off`` when the rows follow their arXiv ids more closely than their dates (daily arXiv
    lists sort by id and date rows by their last update): the table is ordered by id."""
    ids: list[DateKey | None] = []
    for row in table.rows:
        found = papers.arxiv_ids(row.cells, table_roles.title, table_roles.date)
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


def _arxiv_rows(
    table: Table, table_roles: Roles, date_format: str
) -> tuple[tuple[int, papers.DatedId], ...]:
    """The rows giving one arXiv id and a readable date; a table whose lines mention no arXiv
    id costs a few substring tests."""
    assert table_roles.date is not None
    if not papers.may_hold_arxiv("\n".join(row.content for row in table.rows)):
        return ()
    found = (
        (index, papers.dated_arxiv(row.cells, table_roles.title, table_roles.date, date_format))
        for index, row in enumerate(table.rows)
    )
    return tuple((index, dated) for index, dated in found if dated is not None)


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
    """The layout style most tables use (aligned on a tie or when none is in a style)."""
    if config.layout != AUTO:
        return Setting(config.layout, SET)
    counts = {style: 0 for style in layout.STYLES}
    for table in tables:
        for style in table.styles or {table.leaning}:
            counts[layout.ALIGNED if style == layout.BY_HAND else style] += 1
    best = max(layout.STYLES, key=lambda style: counts[style])  # first among equals: aligned
    if not counts[best]:
        return Setting(DEFAULT_LAYOUT, DEFAULT, "no table")
    return Setting(best, INFERRED, f"{counts[best]} of {len(tables)} tables in or near it")
