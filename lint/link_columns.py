"""Which columns of a table link in nearly every row: where one of its rows writes a link with no
address (``[Paper]()``), the column's other rows show that link is a slip.

A list may also write ``[Code]()`` in each row whose code is still to come, as a template's slot:
in a column where many rows do so, or few rows link at all, or where the list writes the same text
without an address in ``SLOT_ROWS`` rows or more, a link with no address is the list's way, and
broken-link says nothing of it. Read by the conventions step, and only for a table
holding such a link (most tables hold none).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from lint.document import Table
from lint.markup import empty_links

# this share of a column's rows (and this many) link somewhere, and at most the rest of them
# write a link with no address: the column links every row, and such a link is a slip
LINKED_SHARE = 0.8
MIN_LINKED = 3
# a text the list links to no address in this many rows is its slot (``[code]()``)
SLOT_ROWS = 3

# a link with no address (``](`` then nothing but white space, or ``<>``, before ``)``), and a
# link with one
_EMPTY = re.compile(r"\]\(\s*(?:<>)?\s*\)")
_LINKED = re.compile(r"\]\(\s*(?:<[^\s>]|[^\s)<])")


class LinkedColumn(NamedTuple):
    """A column linking in ``linked`` of the ``rows`` that have a cell in it."""

    column: int
    linked: int
    rows: int


def has_empty_link(text: str) -> bool:
    """True when ``text`` may hold a link with no address (``markup.empty_links`` says which)."""
    if "]()" in text or "](<>)" in text:
        return True
    return ("]( " in text or "](\t" in text) and _EMPTY.search(text) is not None


def slot_row(text: str) -> bool:
    """True for a row of links with no address and none with one (``| [Paper]() | [Code]() |``):
    a template's row, kept for an entry still to come."""
    return not _LINKED.search(text) and len(_EMPTY.findall(text)) > 1


def linked_columns(table: Table) -> tuple[LinkedColumn, ...]:
    """The columns of ``table`` linking in ``LINKED_SHARE`` of its rows; none for a table
    holding no link without an address."""
    if not any(has_empty_link(row.content) for row in table.rows):
        return ()
    found = []
    for column in range(len(table.header.cells)):
        cells = [row.cells[column] for row in table.rows if column < len(row.cells)]
        linked = sum(1 for cell in cells if "](" in cell and _LINKED.search(cell))
        empty = sum(1 for cell in cells if has_empty_link(cell))
        wanted = LINKED_SHARE * len(cells)
        if linked >= MIN_LINKED and linked >= wanted and empty <= len(cells) - wanted:
            found.append(LinkedColumn(column, linked, len(cells)))
    return tuple(found)


# an image's or a link's address inside a link's text: ``![CVPR](https://…/CVPR-2024-blue)``
_ADDRESS = re.compile(r"\]\([^)]*\)")


def slot_key(text: str) -> str:
    """A link's text as compared among the list's slots: case folded, trimmed, and any image's
    address left out (``[![Publish](…/ICLR-2025-blue)]()`` on every row is one slot)."""
    return _ADDRESS.sub("]", text).strip().casefold()


def slot_texts(tables: Iterable[Table]) -> frozenset[str]:
    """The texts (``slot_key``) the list links to no address in
    ``SLOT_ROWS`` rows or more: its slots for links to come."""
    counted: Counter[str] = Counter()
    for table in tables:
        for row in table.rows:
            if has_empty_link(row.content):
                found = {slot_key(text) for cell in row.cells for _, text in empty_links(cell)}
                counted.update(found)
    return frozenset(text for text, rows in counted.items() if rows >= SLOT_ROWS)
