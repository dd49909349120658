"""Whether a table's dates follow its rows' arXiv ids (the month an id gives): the rows giving
one id and a readable date, the verdict over them, and how many rows of each kind a table has
(arxiv-date and date-mismatch compare a row's date with those of its kind)."""

from __future__ import annotations

from lint import arxiv
from lint.conventions import INFERRED, Setting, TableConventions
from lint.memo import Memo

# a table's dates follow their arXiv ids when this share of its dated rows with one id agree
ARXIV_AGREE = 0.9
ARXIV_MIN_ROWS = 3


def arxiv_rows(found: TableConventions, memo: Memo) -> tuple[tuple[int, arxiv.DatedId], ...]:
    """The rows of a table with a date column giving one arXiv id and a readable date (by
    index), read once per table and memo (the conventions step asks twice); a table whose
    lines mention no arXiv id costs a few substring tests."""
    table, title, date = found.table, found.roles.title, found.roles.date
    if date is None or found.date_style is None:
        return ()
    contents = tuple(row.content for row in table.rows)
    date_format = found.date_style.value
    key = (contents, title, date, date_format)
    known = memo.arxiv_rows.get(key)
    if known is None and not arxiv.may_hold_arxiv("\n".join(contents)):
        known = memo.arxiv_rows[key] = ()
    if known is None:
        identities = memo.identities
        dated = (
            (index, arxiv.dated_arxiv(row.cells, title, date, date_format, identities))
            for index, row in enumerate(table.rows)
        )
        found_rows = tuple((i, one) for i, one in dated if one is not None)
        known = memo.arxiv_rows[key] = _years_on_new_years_day(found_rows)
    return known


# January 1st in this share of a table's dates to the day (and in 3 at least) stands for a
# year: a generator's way of writing a date known to its year only (``2024-01-01``)
NEW_YEARS_SHARE = 0.05
NEW_YEARS_ROWS = 3


def _years_on_new_years_day(
    rows: tuple[tuple[int, arxiv.DatedId], ...],
) -> tuple[tuple[int, arxiv.DatedId], ...]:
    """``rows`` with dates on January 1st read as their years alone where the table writes so
    many of them that they cannot all be that day: a list's bot writes a year known alone so."""
    days = [dated for _, dated in rows if dated.date.day is not None]
    firsts = sum(1 for dated in days if dated.date[1:] == (1, 1))
    if firsts < NEW_YEARS_ROWS or firsts < NEW_YEARS_SHARE * len(days):
        return rows
    return tuple(
        (index, dated._replace(date=dated.date._replace(month=0, day=None)))
        if dated.date[1:] == (1, 1)
        else (index, dated)
        for index, dated in rows
    )


def before_its_id(dated: arxiv.DatedId) -> bool:
    """True when a row's date is before its arXiv id's month by more than a month (a date
    alone counts as its year's end): a date its own link contradicts. An id's month is its
    submission cycle's: a paper sent on the 30th, or over the year-end break, takes the next
    month's id, so the month before is no contradiction."""
    written = (dated.date.year, dated.date.month or 13)
    return months(written) < months(dated.month) - 1


# an id numbered below this was given in its month's first days (``2409.01234``, not
# ``2409.09484``), by the width of its number: a paper sent in the month's last days may have it
EARLY_IN_MONTH = {4: 1500, 5: 5000}


def sent_in_its_month(arxiv_id: str) -> bool:
    """True for an id numbered past its month's first days (``EARLY_IN_MONTH``): its paper was
    not sent at the end of the month before. Old-scheme ids (``hep-th/9901001``) do not tell."""
    _, dot, number = arxiv_id.partition(".")
    limit = EARLY_IN_MONTH.get(len(number)) if dot and number.isdigit() else None
    return limit is not None and int(number) >= limit


def months(year_month: tuple[int, int]) -> int:
    """A year and month counted in months, to compare and subtract."""
    return year_month[0] * 12 + year_month[1]


def arxiv_dates(rows: tuple[tuple[int, arxiv.DatedId], ...]) -> Setting:
    """``follow`` when at least 90% (and 3) of the rows with one arXiv id and a dated
    month are dated the id's month, else ``free``. A date with a day in the id's month a year
    on is the id's month with its year mistyped, and counts so where such rows are at most a
    third: the slips arxiv-date reports would otherwise hide the table's way, and themselves."""
    agree = total = mistyped = 0
    for _, found in rows:
        if found.date.month:
            total += 1
            written = (found.date.year, found.date.month)
            agree += found.month == written
            year_on = found.date.day is not None and written == (found.month[0] + 1, found.month[1])
            mistyped += year_on
    detail = f"{agree} of {total} dated rows with an arXiv id are dated its month"
    counted = agree
    if mistyped and mistyped * 3 <= total:
        detail += f" ({mistyped} more a year on: the year mistyped)"
        counted += mistyped
    follow = agree >= ARXIV_MIN_ROWS and counted >= ARXIV_AGREE * total
    return Setting("follow" if follow else "free", INFERRED, detail)


def dated_ids(found: TableConventions, memo: Memo) -> tuple[tuple[int, int], tuple[int, int]]:
    """For a table whose dates follow their arXiv ids (else zeros): how many of its rows with
    the header's cell count give one arXiv id and how many of those a date, then the same for
    the other rows. Only the rows with an empty date cell are read for ids here: the dated ones
    are the table's ``arxiv_rows``, read already."""
    table, title, date = found.table, found.roles.title, found.roles.date
    if date is None or found.arxiv_dates is None or found.arxiv_dates.value != "follow":
        return ((0, 0), (0, 0))
    width = len(table.header.cells)
    full = [row for row in table.rows if row.in_columns(width)]
    dated_ids = sum(
        1 for index, _ in arxiv_rows(found, memo) if table.rows[index].in_columns(width)
    )
    undated_ids = sum(
        1
        for row in full
        if not row.cells[date]
        and len(arxiv.arxiv_ids(row.cells, title, date, memo.identities)) == 1
    )
    dated = sum(1 for row in full if row.cells[date])
    with_id = dated_ids + undated_ids
    return ((with_id, dated_ids), (len(full) - with_id, dated - dated_ids))
