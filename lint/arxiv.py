"""A row's arXiv id and what it tells of dates: the month of the id's first version, its place in
arXiv's own order, and the row's one id beside its readable date (``DatedId``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from lint import dates
from lint.dates import DateValue
from lint.papers import identity


def arxiv_month(paper_id: str) -> tuple[int, int] | None:
    """The year and month of an arXiv id's first version (``2406.01234`` -> 2024, 6;
    ``hep-th/9901001`` -> 1999, 1), or None when the digits name no month."""
    digits = paper_id.rsplit("/", 1)[-1][:4]
    if not digits.isdigit():
        return None
    year, month = int(digits[:2]), int(digits[2:])
    if not 1 <= month <= 12:
        return None
    if "/" in paper_id:
        return (1900 + year if year >= 91 else 2000 + year), month
    return 2000 + year, month


def arxiv_order(paper_id: str) -> tuple[int, int, int] | None:
    """An arXiv id's place in arXiv's own order: year, month, then its number in the month."""
    month = arxiv_month(paper_id)
    number = paper_id.rsplit("/", 1)[-1][4:].lstrip(".")
    if month is None or not number.isdigit():
        return None
    return month[0], month[1], int(number)


def may_hold_arxiv(text: str) -> bool:
    """False for text in which no row can give an arXiv id (a whole table's rows at once):
    none of its hints (``arXiv`` in any case, a ``/papers/`` page, arXiv's DOI prefix)."""
    return (
        "xiv" in text or "Xiv" in text or "XIV" in text or "/papers/" in text or "10.48550" in text
    )


def arxiv_ids(
    cells: Sequence[str],
    title: int | None,
    skip: int | None = None,
    known: dict[tuple[Any, ...], Any] | None = None,
) -> tuple[str, ...]:
    """The arXiv ids of a row as ``identity`` reads them (``known`` as there); a row that
    cannot hold one costs a few substring tests."""
    if not may_hold_arxiv("|".join(cells)):
        return ()
    return identity(cells, title, skip, known=known).arxiv


class DatedId(NamedTuple):
    """A row's one arXiv id, the year and month of its first version, and the row's date."""

    arxiv: str
    month: tuple[int, int]
    date: DateValue


def dated_arxiv(
    cells: Sequence[str],
    title: int | None,
    date: int,
    date_format: str,
    known: dict[tuple[Any, ...], Any] | None = None,
) -> DatedId | None:
    """The row's arXiv id with its month and the row's date, when the row gives exactly one id
    and a readable date (emphasis around it allowed); else None (``known`` as in ``identity``)."""
    found = arxiv_ids(cells, title, date, known)
    if len(found) != 1 or date >= len(cells):
        return None
    month = arxiv_month(found[0])
    value = _row_date(cells[date], date_format) if month is not None else None
    if month is None or value is None:
        return None
    return DatedId(found[0], month, value)


def _row_date(text: str, date_format: str) -> DateValue | None:
    """The date of a row's date cell as date-format reads it: in the column's style (a day in a
    comment or in brackets included), a year alone only in a year style, never in the future."""
    style = dates.parse_style(date_format)
    value = dates.read(text, style)
    if value is None or not value.year or dates.is_future(value):
        return None
    if not value.month and dates.has_month(style):
        return None
    return value
