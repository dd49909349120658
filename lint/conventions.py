"""The conventions every rule reads: what a document already does, merged with the settings.

``lint/inference.py`` reads them once per document, between parsing and the rules, which are
handed the result (``lint/context.py``). For each table: which columns hold the title and the
date, the date style of its date column, the order its rows run in, whether its dates follow
their arXiv ids, and which columns name a paper's variant; for the document: the table layout
style and the header of its paper tables. Only what the list does is kept here: what a rule
finds against it (the rows out of order, the tables not in the layout) stays in the rule,
computed by ``lint/date_order.py`` (``misplaced``), ``lint/arxiv_dating.py`` (``arxiv_rows``) or
``lint/layout.py``, with the memo keeping what both ask.

A setting given in the configuration wins; ``"auto"`` (the default) reads the document. Each
value carries where it came from (``set``, ``inferred`` or ``default``) so ``--show-conventions``
can say why a row was reported and which setting pins it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple

from lint.column_shapes import Shape
from lint.columns import Roles
from lint.config import Config
from lint.document import Table
from lint.kept_layout import Kept
from lint.link_columns import LinkedColumn
from lint.paper_index import Entry

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
    kind, its way of dating published papers; ``years_alone``: it writes a year alone in more than
    one cell of them where the style has a month, its way of dating a paper whose month it does not
    know; ``asides``: it writes an aside after a date (``2023.08 (ICLR 2024)``, ``2025.03🔥``) in
    more than one cell of them; ``list_style``: the style of the list's date columns of this kind
    where this table keeps another (a cell in it is the list's way); ``date_part``: where its
    date column's header names several things apart (``Year / Stars``), which of them is the
    date and how many they are (``columns.date_part``). ``groups`` are the indexes of
    its label rows, which head groups of its rows as headings head sections (``lint/groups.py``);
    ``preprints`` the index of the first row of a last block of preprints, whose rows run in their
    order apart from the published papers above them (``date_order.preprint_block``); ``pinned`` its
    rows put first on purpose (``⭐``), outside its order (``groups.pinned_rows``). ``kept_layout``
    is the style most of its rows are in, with the evidence (None: no style holds a clear majority
    of them); ``shape`` what each of its columns holds (``lint/column_shapes.py``); ``dated_ids``
    (when its dates follow their arXiv ids) how many of its rows give one arXiv id and how many of
    those a date, then the same for the other rows: a row's date is compared with those of its kind.
    ``linked_columns`` are its columns linking in nearly every row (read only where a row
    links to no address: ``lint/link_columns.py``). ``entities`` are
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
    years_alone: bool = False
    asides: bool = False
    list_style: str | None = None
    date_part: tuple[int, int] | None = None
    groups: frozenset[int] = frozenset()
    preprints: int | None = None
    pinned: frozenset[int] = frozenset()
    kept_layout: Kept | None = None
    shape: Shape = Shape((), 0)
    dated_ids: tuple[tuple[int, int], tuple[int, int]] = ((0, 0), (0, 0))
    entities: tuple[Entry, ...] = ()
    linked_columns: tuple[LinkedColumn, ...] = ()


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
    # whether the list words a paper's title after its name two ways on purpose (None: no
    # entities): one name before a colon, under one identifier, is then one paper
    reworded_titles: Setting | None = None
    # whether most of the list's tables keep a row of empty cells (a template's: ``| | |``)
    blank_rows: Setting | None = None
    # the months the list writes in full where its style abbreviates (``March.`` among
    # ``Oct.``): its own spelling of them (``dates.spelled_months``)
    spelled_months: frozenset[int] = frozenset()
    # whether the list dates entries by the span of years they run (``2005-2026``) in two cells
    # or more: its way, no slip (``dates.year_spans``)
    year_spans: bool = False
    # the texts the list links to no address in several rows (``[code]()``): its slots for
    # links to come (``link_columns.slot_texts``; read only where a table links to no address)
    slot_links: frozenset[str] = frozenset()
    # whether the list dates rows linking a conference's proceedings by the year the address
    # names (``lint/proceedings.py``; None: too few such rows to tell)
    proceedings_years: Setting | None = None

    def paper_tables(self) -> Iterator[TableConventions]:
        """The tables with both a title and a date column, the only ones paper rules check."""
        return (found for found in self.tables if found.roles.is_paper)


def header_cells(cells: Sequence[str]) -> tuple[str, ...]:
    """Header cells as compared: white space inside collapsed, and emphasis or a code span
    around the whole cell dropped (GitHub shows header cells bold: ``**Venue**`` looks like
    ``Venue``)."""
    return tuple(_unwrapped(" ".join(text.split())) for text in cells)


# marks that may wrap a whole header cell, longest first
_WRAPPERS = ("**", "__", "*", "_", "`")


def _unwrapped(text: str) -> str:
    """``text`` without the emphasis or code marks that open and close it, in turn."""
    while True:
        mark = next((m for m in _WRAPPERS if text.startswith(m) and text.endswith(m)), None)
        if mark is None or len(text) <= 2 * len(mark):
            return text
        text = text[len(mark) : -len(mark)].strip()


def set_by(value: str, key: str, config: Config, document: Config) -> Setting:
    """A value the settings give, saying when the table's section gave it (``config`` is the
    table's settings, ``document`` the document's)."""
    if getattr(config, key) != getattr(document, key):
        return Setting(value, SET, "for its section")
    return Setting(value, SET)
