"""Reading a document's conventions (``lint/conventions.py``), once per document, by the engine.

Each table's roles, date style (shared by the list's date columns of one kind,
``dates.choose_styles``), order (``lint/date_order.py``), arXiv dating
(``lint/arxiv_dating.py``), variant columns, kept layout, column shapes and entities; then the
document's layout, paper-table header and cross-listing. Settings other than ``auto`` win.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import NamedTuple

from lint import (
    column_shapes,
    dates,
    entities,
    kept_layout,
    layout,
    link_columns,
    markup,
    paper_index,
    papers,
    proceedings,
    titles,
    variants,
)
from lint.arxiv_dating import arxiv_dates, arxiv_rows, dated_ids
from lint.columns import (
    Roles,
    cell,
    date_of,
    date_part,
    header_key,
    name_column,
    roles,
    venue_column,
)
from lint.config import AUTO, Config
from lint.conventions import (
    DEFAULT,
    DEFAULT_LAYOUT,
    INFERRED,
    NO_LAYOUT,
    SET,
    Conventions,
    Setting,
    TableConventions,
    header_cells,
    set_by,
)
from lint.date_order import (
    by_id,
    date_keys,
    list_orders,
    preprint_block,
    table_order,
)
from lint.document import Document, Table
from lint.groups import group_rows, pinned_rows
from lint.lines import text_size
from lint.longest_run import out_of_order
from lint.memo import Memo
from lint.other_orders import page_indexes
from lint.paper_index import Entry
from lint.sections import settings_for


class DateStyle(NamedTuple):
    """A table's date style (None: not checked), and whether the list writes venue-years, years
    alone and dates with an aside in its kind of date column (``_date_styles``); the list's
    style where the table keeps another."""

    setting: Setting | None
    venue_years: bool = False
    years_alone: bool = False
    asides: bool = False
    list_style: str | None = None


def infer(doc: Document, config: Config, memo: Memo | None = None) -> Conventions:
    """Read the conventions of ``doc``; settings other than ``auto`` win. ``memo`` keeps what
    the rules will ask again (a table's layout styles, its rows with arXiv ids)."""
    memo = memo if memo is not None else Memo()
    settings = [settings_for(config, table.section) for table in doc.tables]
    found = [roles(table, own) for table, own in zip(doc.tables, settings, strict=True)]
    columns = _date_columns(doc.tables, found)
    written = dates.written_texts(columns)  # read by the styles and the spelled months alike
    styles = _date_styles(columns, written, settings, config, memo)
    tables = tuple(
        _with_entities(_table(table, table_settings, memo, config, table_roles, style), memo)
        for table, table_settings, table_roles, style in zip(
            doc.tables, settings, found, styles, strict=True
        )
    )
    tables = page_indexes(list_orders(_without_shared_pages(tables)), doc.sections)
    header, header_source = _header(tables, config)
    size = text_size(doc.lines)
    short = sum(table.shape.short_rows for table in tables)
    read = Conventions(
        config,
        document_layout(tables, config),
        tables,
        header,
        header_source,
        cross_listing=_cross_listing(tables),
        reworded_titles=_reworded_titles(tables),
        blank_rows=_blank_rows(tables),
        size=size,
        short_rows=short,
        spelled_months=dates.spelled_months(written),
        year_spans=dates.year_spans(written),
        slot_links=_slot_links(tables),
        proceedings_years=proceedings.dating(tables),
    )
    with_dates = [table for table in tables if table.arxiv_dates is not None]
    if not with_dates:
        return read
    rows = tuple(row for table in with_dates for row in arxiv_rows(table, memo))
    return read._replace(arxiv_dates=arxiv_dates(rows))


def _slot_links(tables: tuple[TableConventions, ...]) -> frozenset[str]:
    """The list's slots for links to come, read where a table links to no address."""
    if not any(table.linked_columns for table in tables):
        return frozenset()
    return link_columns.slot_texts(table.table for table in tables)


def _with_entities(found: TableConventions, memo: Memo) -> TableConventions:
    roles_of, keys = found.roles, found.keys
    known, things = memo.identities, memo.things
    # a "date" column of no dates (``[CVPR 2025](…)`` under Published) may link the paper
    dated = found.date_style is not None
    listed = entities.table_entries(
        found.table, roles_of, keys, found.variants, known, things, dated, found.groups
    )
    return found._replace(entities=listed) if listed else found


# a page this many rows of different titles link is a page of many papers (a conference's
# accepted papers, a proceedings index, a write-up of several): no one paper's link
SHARED_PAGE = 4


def _without_shared_pages(tables: tuple[TableConventions, ...]) -> tuple[TableConventions, ...]:
    """``tables`` with a page that rows of ``SHARED_PAGE`` titles or more link dropped from
    their entities' identities: rows awaiting their own links point at the venue's list of
    accepted papers, and a copied link is one row's slip, not a dozen's."""
    titles_of: dict[str, set[bytes]] = {}
    for found in tables:
        for entry in found.entities:
            for link in entry.identity.links:
                titles_of.setdefault(link, set()).add(entry.identity.title)
    shared = {link for link, titled in titles_of.items() if len(titled) >= SHARED_PAGE}
    shared |= _venue_pages(tables)
    if not shared:
        return tables
    return tuple(
        found._replace(entities=tuple(map(partial(_unshared, shared), found.entities)))
        if any(not shared.isdisjoint(entry.identity.links) for entry in found.entities)
        else found
        for found in tables
    )


def _venue_pages(tables: tuple[TableConventions, ...]) -> set[str]:
    """The links of venue and date cells that rows of two titles or more share: a venue's page
    (a conference's site, its proceedings: ``[SIGCOMM'20](https://conferences.sigcomm.org/…)``,
    ``['21](https://www.cikm2021.org/accepted-papers)``), no paper's. A venue or date cell
    linking its own row's paper links it alone (and an arXiv id or a DOI names a paper, as a
    PDF a date cell links does: ``[ICCV 2025](…/Yan_DuCos_…_paper.pdf)``)."""
    titles_of: dict[str, set[bytes]] = {}
    for found in tables:
        for entry in found.entities:
            for text, dated in ((entry.venue, False), (entry.date_cell, True)):
                if "](" not in text:
                    continue  # most venue and date cells: no link
                for url, image in markup.read_cell(text).links:
                    key = papers.link_key(url)
                    if image or not key.startswith("url:"):
                        continue
                    if dated and url.lower().endswith(".pdf"):
                        continue
                    titles_of.setdefault(key[4:], set()).add(entry.identity.title)
    return {link for link, titled in titles_of.items() if len(titled) >= 2}


def _unshared(shared: set[str], entry: Entry) -> Entry:
    links = entry.identity.links
    if shared.isdisjoint(links):
        return entry
    kept = tuple(link for link in links if link not in shared)
    return entry._replace(identity=entry.identity._replace(links=kept))


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


def _blank_rows(tables: Sequence[TableConventions]) -> Setting | None:
    """``yes`` when most of the list's tables with rows (two at least) hold a row of empty
    cells: its template writes one (``|  |  |`` closing each table), no row left by a slip;
    None when no table has rows."""
    with_rows = [found.table for found in tables if found.table.rows]
    if not with_rows:
        return None
    blank = sum(1 for table in with_rows if any(not any(row.cells) for row in table.rows))
    # rows of empty cells closing two tables or more are the list's slots for papers to come
    closing = sum(1 for table in with_rows if _closed_by_blank_rows(table))
    detail = f"{blank} of {len(with_rows)} tables hold a row of empty cells, {closing} close with"
    kept = blank >= 2 and (blank * 2 > len(with_rows) or closing >= 2)
    return Setting("yes" if kept else "no", INFERRED, detail)


def _closed_by_blank_rows(table: Table) -> bool:
    """True when a table's rows of empty cells all stand at its end, after a filled row."""
    filled = [index for index, row in enumerate(table.rows) if any(row.cells)]
    if not filled or filled[-1] == len(table.rows) - 1:
        return False
    return filled == list(range(len(filled)))


def _reworded_titles(tables: Sequence[TableConventions]) -> Setting | None:
    """``yes`` when the list words one paper's title after its name two ways at least
    ``REWORDED`` times (one identifier, one name before a colon), ``no`` otherwise; None when no
    table lists entities."""
    listed = [found.entities for found in tables if found.entities]
    if not listed:
        return None
    rows, first = paper_index.reworded(listed)
    if rows < paper_index.REWORDED or first is None:
        return Setting("no", INFERRED, f"{rows} titles reworded after their name")
    one, other = first
    detail = (
        f'{rows} rows word a title after its name otherwise, e.g. "{titles.shown(one.title_cell)}"'
        f" at line {one.row.line} and line {other.row.line}"
    )
    return Setting("yes", INFERRED, detail)


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
    date_style: DateStyle,
) -> TableConventions:
    """One table's conventions under ``config``, its settings (``document``'s, with those of
    the sections it is in), given its roles and its date style (``_date_styles``)."""
    found = dated_table(table, config, memo, document, table_roles, date_style)
    return found._replace(
        kept_layout=kept_layout.kept(table, memo),
        shape=column_shapes.shape(table, memo),
        dated_ids=dated_ids(found, memo),
        linked_columns=link_columns.linked_columns(table),
    )


def dated_table(
    table: Table,
    config: Config,
    memo: Memo,
    document: Config,
    table_roles: Roles,
    date_style: DateStyle,
) -> TableConventions:
    """A table's conventions but its layout and shape, under ``config``, its settings
    (``document``'s, with those of the sections it is in), given its roles and its date style
    (``_date_styles``); with its group rows (``lint/groups.py``) and its last block of
    preprints, which its order is read in."""
    found = _dated(table, config, memo, document, table_roles, date_style)
    labels, preprints = group_rows(table), preprint_block(table, table_roles)
    pinned = pinned_rows(table)
    if labels or preprints or pinned:
        return found._replace(groups=labels, preprints=preprints, pinned=pinned)
    return found


def _dated(
    table: Table,
    config: Config,
    memo: Memo,
    document: Config,
    table_roles: Roles,
    date_style: DateStyle,
) -> TableConventions:
    """``dated_table`` but the group rows."""
    variants = _variants(table, table_roles)
    own = _own_layout(config, document)
    if table_roles.date is None:
        off = Setting("off", DEFAULT, "no date column")
        return TableConventions(
            table, table_roles, None, off, variants=variants, settings=config, layout=own
        )
    style, venue_years, years_alone, asides, list_style = date_style
    if style is None:
        off = Setting("off", DEFAULT, "not a date column: most cells are no dates")
        return TableConventions(
            table, table_roles, None, off, variants=variants, settings=config, layout=own
        )
    hint = dates.year_hint(table.section)
    part = date_part(cell(table.header.cells, table_roles.date))
    texts = [date_of(cell(row.cells, table_roles.date), part) for row in table.rows]
    # four digits under a style of two-digit years and months (``YYMM``) are months: ``1512``
    years = dates.year_column(texts) and "YYYY" in dates.parse_style(style.value).elements
    keys = date_keys(table, texts, style.value, hint, years)
    order, out = table_order(table, keys, config, document, table_roles.date)
    if order.source == INFERRED and order.value != "off":
        descending = order.value == "descending"
        if out[descending] if descending in out else out_of_order(keys, descending):
            order = by_id(table, table_roles, keys, order, memo)
    found = TableConventions(
        table, table_roles, style, order, keys, None, hint, years, variants, config, own
    )
    found = found._replace(
        venue_years=venue_years,
        years_alone=years_alone,
        asides=asides,
        list_style=list_style,
        date_part=part,
    )
    return found._replace(arxiv_dates=arxiv_dates(arxiv_rows(found, memo)))


def _variants(table: Table, table_roles: Roles) -> tuple[int, ...]:
    """The columns telling entities of one paper apart in a table with a title column
    (duplicate-entry reads them): its name column (``Dataset``, ``Abbreviation``) and the
    columns of short variant names (``7B``); never where a paper appeared (``Venue``: two venues
    for one paper are one paper updated in one place, not two variants)."""
    if table_roles.title is None:
        return ()
    venue = venue_column(table, table_roles)
    skip = (table_roles.title, table_roles.date, venue)
    found = variants.variant_columns(table, skip)
    categories = [
        column for column in variants.category_columns(table, skip) if column not in found
    ]
    if categories:
        found = tuple(sorted((*found, *categories)))
    named = name_column(table, table_roles)
    if named is None or named == table_roles.title or named in found:
        return found
    return tuple(sorted((*found, named)))


def _own_layout(config: Config, document: Config) -> Setting | None:
    """The layout a table's section sets for it (None: the document's)."""
    if config.layout == document.layout or config.layout == AUTO:
        return None
    return set_by(config.layout, "layout", config, document)


def _date_columns(
    tables: Sequence[Table], table_roles: Sequence[Roles]
) -> list[dates.DateColumn | None]:
    """Each table's date column as dates read it (its header's key, its cells' texts)."""
    return [
        None if found.date is None else _date_column(table, found.date)
        for table, found in zip(tables, table_roles, strict=True)
    ]


def _date_column(table: Table, column: int) -> dates.DateColumn:
    header = cell(table.header.cells, column)
    part = date_part(header)  # ``Year / Stars``: the year is the date
    texts = (dates.date_text(row.cells, column) for row in table.rows)
    return dates.DateColumn(header_key(header), tuple(date_of(text, part) for text in texts))


def _date_styles(
    columns: list[dates.DateColumn | None],
    written: Mapping[str, int],
    settings: Sequence[Config],
    document: Config,
    memo: Memo,
) -> list[DateStyle]:
    """Each table's date style (None without a date column, or when most of its cells are no
    dates) and whether the list writes venue-years in its kind of date column: the setting,
    else the style the list's columns of its kind share, else its own (``dates.choose_styles``);
    where neither holds a majority, the style most of its dates share, as a default that
    date-format does not check."""
    styles: list[DateStyle] = []
    chosen = dates.choose_styles(columns, memo.date_columns, written)
    for config, choice in zip(settings, chosen, strict=True):
        venues = choice is not None and choice.venue_years >= dates.VENUE_YEARS_SHOWN
        if choice is None:
            styles.append(DateStyle(None))
        elif config.date_format != AUTO:
            setting = set_by(config.date_format, "date_format", config, document)
            styles.append(DateStyle(setting, venues))  # a set style holds every date to it
        else:
            alone = choice.years_alone >= dates.YEARS_ALONE_SHOWN
            asides = choice.asides >= dates.ASIDES_SHOWN
            styles.append(DateStyle(_inferred(choice), venues, alone, asides, choice.list_style))
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


def document_layout(tables: Sequence[TableConventions], config: Config) -> Setting:
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
