"""Columns whose cells name a variant of a paper (a size, a version, a language or a task:
``7B``, ``v1.0``): two rows that differ in one of them are two entries, not a duplicate."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint.columns import header_key
from lint.document import Table
from lint.header_names import CATEGORY_HEADERS
from lint.placeholders import is_placeholder


def variant_columns(table: Table, skip: Sequence[int | None]) -> tuple[int, ...]:
    """Columns whose cells name a variant (a size, version, language or task: ``7B``,
    ``A4.2B/25.8B``, ``v1.0``, ``代码``): short, without links, in most rows (``skip``: the
    title and date). Two rows that differ in one of them are two entries, not a duplicate."""
    found = []
    for index in range(len(table.header.cells)):
        if index in skip:
            continue
        texts = [row.cells[index] for row in table.rows if index < len(row.cells)]
        # a placeholder (``null``, ``-``) names no variant, as an empty cell does not
        texts = [text for text in texts if text and not is_placeholder(text)]
        misses = 0
        allowed = len(texts) * (1 - VARIANT_SHARE)
        for text in texts:
            misses += not _designator(text)
            if misses > allowed:
                break  # most columns are told apart by their first rows
        else:
            if len(texts) >= 2:
                found.append(index)
    return tuple(found)


# a variant column: this share of its non-empty cells are short names of a variant
VARIANT_SHARE = 0.8


def category_columns(table: Table, skip: Sequence[int | None]) -> tuple[int, ...]:
    """Columns naming the category each row is listed under (``CATEGORY_HEADERS``), each
    category's rows together (``Approach``: the ``Text Representation`` rows, then the ``Token
    Representation`` ones; half as many categories as rows at most) and every row filling it
    without a link: a paper in two of them is listed once under each on purpose
    (duplicate-entry tells them apart within the table only)."""
    found = []
    for index, header in enumerate(table.header.cells):
        if index in skip or header_key(header) not in CATEGORY_HEADERS:
            continue
        values = [row.cells[index].strip() if index < len(row.cells) else "" for row in table.rows]
        if not all(values) or any("](" in value for value in values):
            continue
        runs = [value for at, value in enumerate(values) if not at or value != values[at - 1]]
        if 2 <= len(runs) == len(set(runs)) and 2 * len(runs) <= len(values):
            found.append(index)
    return tuple(found)


_DIGIT = re.compile(r"\d")


_NUMBER = re.compile(r"[\W_]*\d+[\W_]*")
# a date with its month (``2024-12-05``, ``2024.12``, ``2024年12月``): when a row was added or
# read, a bookkeeping column, not a variant of the paper
_DATE = re.compile(r"(?:19|20)\d\d[-./年]\d{1,2}(?:[-./月]\d{1,2}日?|月)?")


def _designator(text: str) -> bool:
    if _NUMBER.fullmatch(text) or _DATE.fullmatch(text):
        return False  # a row number, a year or a date: it tells rows apart, not variants
    if len(text) > 24 or "](" in text or "<" in text or "://" in text:
        return False
    return len(text) <= 8 or _DIGIT.search(text) is not None
