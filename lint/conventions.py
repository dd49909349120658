"""What a document already does, merged with the settings: the conventions every rule reads.

Run once per document, between parsing and the rules (``of`` caches the latest document). For
each table: which columns hold the title and the date, the date style of its date column, and the
order its rows run in; for the document: the table layout style. A setting given in the
configuration wins; ``"auto"`` (the default) reads the document. Each value carries where it came
from (``set``, ``inferred`` or ``default``) so ``--show-conventions`` can say why a row was
reported and which setting pins it.
"""

from __future__ import annotations

from typing import NamedTuple

from lint import papers
from lint.columns import Roles, roles
from lint.config import AUTO, Config
from lint.document import Document, Table

SET = "set"
INFERRED = "inferred"
DEFAULT = "default"

# the fallback when nothing dominates (issue 8: this repository's own choices)
DEFAULT_DATE_STYLE = "YYYY.MM"
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
    ordering switched off); ``arxiv_dates`` ``follow`` when its dates are the months of their
    arXiv ids, else ``free`` (None without a date column).
    """

    table: Table
    roles: Roles
    date_style: Setting | None
    order: Setting
    arxiv_dates: Setting | None = None


class Conventions(NamedTuple):
    """A document's conventions: the settings they came from, the layout, one entry per table."""

    config: Config
    layout: Setting
    tables: tuple[TableConventions, ...]

    def table(self, table: Table) -> TableConventions:
        """The conventions of ``table`` (a table of the document they were read from)."""
        for found in self.tables:
            if found.table is table:
                return found
        raise KeyError(table.start_line)


_cache: list[tuple[Document, Config, Conventions]] = []


def of(doc: Document, config: Config) -> Conventions:
    """The conventions of ``doc`` under ``config``, read once per document (cached)."""
    if _cache and _cache[0][0] is doc and _cache[0][1] == config:
        return _cache[0][2]
    found = infer(doc, config)
    _cache[:] = [(doc, config, found)]
    return found


def infer(doc: Document, config: Config) -> Conventions:
    """Read the conventions of ``doc``; settings other than ``auto`` win."""
    tables = tuple(_table(doc, table, config) for table in doc.tables)
    return Conventions(config, _layout(doc, config), tables)


def _table(doc: Document, table: Table, config: Config) -> TableConventions:
    table_roles = roles(table, config)
    style = None
    arxiv = None
    if table_roles.date is not None:
        style = _date_style(doc, table, table_roles.date, config)
        arxiv = _arxiv_dates(table, table_roles, style.value)
    order = _order(doc, table, table_roles, config)
    return TableConventions(table, table_roles, style, order, arxiv)


def _date_style(doc: Document, table: Table, column: int, config: Config) -> Setting:
    if config.date_format != AUTO:
        return Setting(config.date_format, SET)
    return Setting(DEFAULT_DATE_STYLE, DEFAULT)


def _order(doc: Document, table: Table, table_roles: Roles, config: Config) -> Setting:
    if config.order != AUTO:
        return Setting(config.order, SET)
    return Setting(DEFAULT_ORDER, DEFAULT)


# a table's dates follow their arXiv ids when this share of its dated rows with one id agree
ARXIV_AGREE = 2 / 3
ARXIV_MIN_ROWS = 3


def _arxiv_dates(table: Table, table_roles: Roles, date_format: str) -> Setting:
    """``follow`` when at least two thirds (and 3) of the rows with one arXiv id and a dated
    month are dated the id's month, else ``free``."""
    assert table_roles.date is not None
    agree = total = 0
    for row in table.rows:
        found = papers.dated_arxiv(row.cells, table_roles.title, table_roles.date, date_format)
        if found is not None and found.date.month:
            total += 1
            agree += found.month == (found.date.year, found.date.month)
    detail = f"{agree} of {total} dated rows with an arXiv id are dated its month"
    follow = agree >= ARXIV_MIN_ROWS and agree >= ARXIV_AGREE * total
    return Setting("follow" if follow else "free", INFERRED, detail)


def _layout(doc: Document, config: Config) -> Setting:
    if config.layout != AUTO:
        return Setting(config.layout, SET)
    return Setting(DEFAULT_LAYOUT, DEFAULT)
