"""Which rows name one paper the APIs can be asked about, and the metadata fetched for them.

A row of a table with a title column names a paper when it gives exactly one arXiv id, or no
arXiv id and exactly one DOI (``papers.identity``: its title cell and its link-only cells). Rows
with several ids are left alone: which of them the title belongs to is not known.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from lint import papers
from lint.online.metadata import normal_key

if TYPE_CHECKING:
    from lint.conventions import Conventions, TableConventions
    from lint.document import Row
    from lint.online.metadata import Paper


def paper_key(row: Row, found: TableConventions) -> str | None:
    """The key of the one paper ``row`` names (``arxiv:…`` or ``doi:…``), or None."""
    roles = found.roles
    identity = papers.identity(row.cells, roles.title, roles.date)
    if len(identity.arxiv) == 1:
        return normal_key(f"arxiv:{identity.arxiv[0]}")
    if not identity.arxiv and len(identity.dois) == 1:
        return normal_key(f"doi:{identity.dois[0]}")
    return None


def keys(conv: Conventions) -> set[str]:
    """The key of every paper the document's rows name."""
    return {
        key
        for found in conv.tables
        if found.roles.title is not None
        for row in found.table.rows
        if (key := paper_key(row, found)) is not None
    }


class Checked(NamedTuple):
    """A row, its table's conventions, the paper it names and what the APIs say of it."""

    table: TableConventions
    row: Row
    key: str
    paper: Paper


def checked(conv: Conventions, metadata: Mapping[str, Paper] | None) -> Iterator[Checked]:
    """Every row naming a paper the APIs were asked about (none without ``--online``)."""
    if metadata is None:
        return
    for found in conv.tables:
        if found.roles.title is None:
            continue
        for row in found.table.rows:
            key = paper_key(row, found)
            paper = metadata.get(key) if key is not None else None
            if key is not None and paper is not None:
                yield Checked(found, row, key, paper)


# title columns that hold a paper's or model's name rather than its title
NAME_HEADERS = frozenset(("name", "model", "model name", "method", "名称", "名字", "模型", "方法"))


def names_column(found: TableConventions) -> bool:
    """True when the table's title column is headed as names (``Name``, ``Model``, ``模型``)."""
    from lint.columns import header_key

    title = found.roles.title
    cells = found.table.header.cells
    return title is not None and title < len(cells) and header_key(cells[title]) in NAME_HEADERS


def shown_id(key: str) -> str:
    """``arXiv 2305.17493`` or ``DOI 10.1126/…``, as messages name a paper."""
    kind, value = key.split(":", 1)
    return f"arXiv {value}" if kind == "arxiv" else f"DOI {value}"
