"""A row's date contradicts its arXiv id, or the year of the proceedings it links.

Why: an arXiv id names the month of the paper's first version (``2406.01234``: June 2024;
``hep-th/9901001``: January 1999), and no paper predates its first arXiv version, so a row dated
``2024.04`` that links ``arxiv.org/abs/2406.01234`` has a wrong date or a wrong link. The month
before the id's is no contradiction: an id's month is its submission cycle's, so a paper sent on
the 30th, or over the year-end break, takes the next month's id. Where a table's dates follow their
arXiv ids (at least 90%, and 3, of its dated rows with one id are dated the id's month: the
``arxiv_dates`` convention, see ``--show-conventions``), a row dated after its id's month is
reported too (without a fix: it may be a release or an update date), unless it gives a day: a
day-precise date after the id's month is a version's, a release's or an update's (generated daily
lists date papers by their latest version), but for one in the id's month a year on (``2024/04/27``
for ``2304.14178``), the year mistyped. So is a row dated the month (not the day) before an id
numbered past its month's first days (``2409.09484`` dated ``2024.08``: the paper was sent in
September; ``arxiv_dating.EARLY_IN_MONTH``), with the fix a date before the id has. In a table
whose rows run in arXiv id order (a list generated from arXiv, newest id first or last), a date
with a day is the generator's (a submission or update date: a paper held in moderation takes a
later month's id) and is not checked. A date several rows of a table share, before the id of every
row with one that gives it, is an event's (a challenge's, a deadline's), not the papers': it is not
checked. Rows with no arXiv id, several ids, or a date that cannot be read are left alone; a year
alone is checked by its year, but for a venue's year (the row names, in a venue column, a venue it
appeared at: ``ACCV | 2018``) at most ``VENUE_BEFORE_ARXIV`` years before the id: older papers
reach arXiv after their conference.

A conference's proceedings name their year in their addresses (``…/content/CVPR2023/…``,
``neurips.cc/paper/2020/…``, ``aclanthology.org/2020.acl-main…``, ``P17-1001``): where the list
dates at least 90% (and 5) of its dated rows linking one by that year, a row dated a later year, or
an earlier one in a column of years alone, has a slip in its date or its link (a month before the
venue's year is an arXiv month, which such lists write too). Reported without a fix.

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | [Paper A](https://arxiv.org/abs/2406.01234) | 2024.04 | 摘要 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | [Paper A](https://arxiv.org/abs/2406.01234) | 2024.06 | 摘要 |

Fix: unsafe, for a date before its id's month: the date cell is rewritten to the id's month in
the column's date style (the id may be the wrong one). No fix for a later date, or for a date
with a day, which the id cannot give.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from lint import arxiv, arxiv_dating, dates, markup, proceedings, titles
from lint.cell_fix import rewrite_cell
from lint.columns import cell, lists_repositories, venue_column
from lint.context import Context
from lint.conventions import Setting, TableConventions
from lint.document import Document, Row, Table
from lint.longest_run import out_of_order
from lint.papers import PREPRINT_VENUES, title_key
from lint.problem import UNSAFE, Fix, Problem

CODE = "P004"
NAME = "arxiv-date"
DEFAULT = True
FIX = "unsafe"
_ID_ORDER_ROWS = 20


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows dated before their arXiv id's month, and, in a table whose dates follow
    their ids, rows dated another month."""
    by_venue = context.conventions.proceedings_years
    for found in context.conventions.tables:
        told: set[int] = set()
        for problem in _by_arxiv(doc, context, found):
            told.add(problem.line)
            yield problem
        if by_venue is not None and by_venue.value == "follow":
            yield from _by_proceedings(found, by_venue, told)


def _by_proceedings(found: TableConventions, setting: Setting, told: set[int]) -> Iterator[Problem]:
    """In a list dating rows by the year of the proceedings they link (``setting``), the
    table's rows dated another year: a year after the proceedings' in any style, a year
    before it where the table gives years alone (a month before a venue's year is an arXiv
    month, which a list may give beside venue years)."""
    column, style = found.roles.date, found.date_style
    if column is None or style is None:
        return
    years_alone = style.value == "YYYY"
    for row, key in zip(found.table.rows, found.keys, strict=False):
        if key is None or row.line in told:
            continue
        linked = proceedings.year(row.content)
        if linked is None or key[0] == linked or (key[0] < linked and not years_alone):
            continue
        message = (
            f'date "{cell(row.cells, column)}" is not {linked}, the year of the proceedings '
            f"its link opens, as this list's dates are ({setting.detail}): correct the date, "
            "or the link"
        )
        yield Problem(row.line, row.column(column), CODE, NAME, message)


def _by_arxiv(doc: Document, context: Context, found: TableConventions) -> Iterator[Problem]:
    """The table's rows dated before their arXiv id's month, or another month where its dates
    follow their ids."""
    column, setting = found.roles.date, found.arxiv_dates
    if column is None or setting is None or found.date_style is None:
        return
    follow = setting.value == "follow"
    style = found.date_style.value
    rows = arxiv_dating.arxiv_rows(found, context.memo)
    events = _event_dates(found.table, column, rows)
    venue = venue_column(found.table, found.roles)
    # a table of code repositories citing their papers dates each repository, which is
    # often out before its paper
    repositories = lists_repositories(found.table, found.roles)
    generated: bool | None = None  # read once, only for a table with a day-precise date
    family = _family_reports(found.table, found.roles.title, rows)
    for index, dated in rows:
        row = found.table.rows[index]
        if dated.arxiv in family:
            continue  # one report of several models: each row dates its model's release
        if dated.date.day is not None and not _year_mistyped(dated):
            if generated is None:
                generated = _in_id_order(rows, len(found.table.rows))
            if generated:
                continue  # the generator's date: a submission or an update
        written = (dated.date.year, dated.date.month or 13)
        if dated.date.month == 0 and dated.date.year >= dated.month[0]:
            continue  # a year alone, not before the id's year
        before = arxiv_dating.before_its_id(dated) and not repositories
        if before and index in events:
            continue  # an event's date, shared by the rows it dates
        venue_cell = cell(row.cells, venue) if venue is not None else ""
        if before and _venue_year(dated, venue_cell):
            continue  # the year the paper appeared at its venue, posted to arXiv later
        later = arxiv_dating.months(written) > arxiv_dating.months(dated.month)
        # a later date with a day is a version's, a release's or an update's (daily arXiv
        # lists date each paper by its latest version): a date on purpose, but for the id's
        # month a year on, in a table dating each paper by its id's month: the year mistyped
        typo = written == (dated.month[0] + 1, dated.month[1])
        # the month before is an id's of the month's first days; a later one was sent in
        # its month, which a table dating each paper by its id's month writes
        sent = follow and not repositories and index not in events and _a_month_early(dated)
        if later and _later_version(row.content, dated.arxiv):
            continue  # the date of the version the row links (``2409.04701v3``)
        if before or (follow and dated.date.month and later and (not dated.date.day or typo)):
            yield _problem(doc, row, column, dated, style, before, typo)
        elif sent:
            yield _problem(doc, row, column, dated, style, before, sent=True)


# a paper may be posted to arXiv this many years after the year it appeared at its venue
VENUE_BEFORE_ARXIV = 2
# venue cells that name no venue a paper appeared at, but a preprint server's
_NO_VENUE = frozenset("- — none null".split())


def _family_reports(
    table: Table, title: int | None, rows: Sequence[tuple[int, arxiv.DatedId]]
) -> set[str]:
    """The arXiv ids the names of several rows link (``[GLM-4v](2408.16500)``,
    ``[CogVLM2](2408.16500)``): one technical report of a family of models, which the rows
    date by each model's release (a title linking another paper's id is duplicate-entry's)."""
    if title is None:
        return set()
    named: dict[str, dict[bytes, str]] = {}
    for index, dated in rows:
        written = cell(table.rows[index].cells, title)
        if dated.arxiv not in written:
            continue  # the name links no report: the id is in another column (who reported it)
        # one name written two ways (``MoMa``, ``MoMA``) is one row pasted twice
        named.setdefault(dated.arxiv, {})[title_key(written)] = written
    return {
        paper
        for paper, cells in named.items()
        if len(cells) > 1 and all(map(titles.names, cells.values()))
    }


def _later_version(content: str, paper: str) -> bool:
    """True when a row links a version of ``paper`` after its first (``2409.04701v3``): its
    date may be that version's."""
    return any(int(number) >= 2 for number in re.findall(re.escape(paper) + r"v(\d+)", content))


def _venue_year(dated: arxiv.DatedId, venue: str) -> bool:
    """True for a year alone beside a venue the paper appeared at (``ACCV | 2018``), at most
    ``VENUE_BEFORE_ARXIV`` years before the id: older papers reach arXiv after their
    conference, so the year a list writes beside a venue does not contradict a later id."""
    if dated.date.month or dated.month[0] - dated.date.year > VENUE_BEFORE_ARXIV:
        return False
    return bool(venue.strip()) and not _preprint(venue)


def _preprint(venue: str) -> bool:
    """True for a venue cell naming no venue a paper appeared at (``arXiv``, ``-``)."""
    words = markup.read_cell(venue).text.casefold().split()
    first = words[0].strip("*_'’:,.") if words else ""
    return not first or first in _NO_VENUE or first in PREPRINT_VENUES


def _event_dates(
    table: Table, column: int, rows: Sequence[tuple[int, arxiv.DatedId]]
) -> frozenset[int]:
    """The rows with an arXiv id dated by an event: a date several rows of the table share
    (with an id or without), before the id of every row with one that gives it (a challenge's
    or a deadline's date beside the papers that took part, not their dates). A year alone is
    no event's: rows of one year share it by nature."""
    texts = [cell(row.cells, column) for row in table.rows]
    shared = Counter(texts)
    before: dict[str, bool] = {}
    for index, dated in rows:
        if not dated.date.month:
            continue
        text = texts[index]
        before[text] = before.get(text, True) and arxiv_dating.before_its_id(dated)
    return frozenset(
        index
        for index, dated in rows
        if dated.date.month and shared[texts[index]] >= 2 and before[texts[index]]
    )


def _in_id_order(rows: Sequence[tuple[int, arxiv.DatedId]], table_rows: int) -> bool:
    """True when most of a table's rows give an arXiv id and they run in id order, one way or
    the other, but for a slip in twenty: a list generated from arXiv (``_ID_ORDER_ROWS`` rows
    at least: a short table can be in id order by chance)."""
    if len(rows) < _ID_ORDER_ROWS or 2 * len(rows) <= table_rows:
        return False
    ids = [arxiv.arxiv_order(dated.arxiv) for _, dated in rows]
    slips = min(len(out_of_order(ids, descending)) for descending in (True, False))
    return slips * 20 <= len(ids)


def _year_mistyped(dated: arxiv.DatedId) -> bool:
    """True for a date in its id's month of an earlier year (``2023-03-05`` for
    ``2403.03003``): no date a generator writes, but a year mistyped."""
    return dated.date.month == dated.month[1] and dated.date.year < dated.month[0]


def _a_month_early(dated: arxiv.DatedId) -> bool:
    """True for a month's date the month before its id's, the id numbered past its month's
    first days (``arxiv_dating.sent_in_its_month``)."""
    if not dated.date.month or dated.date.day is not None:
        # a year alone may be a venue's; a day is copied from somewhere, arXiv's own date of
        # the first version among them, which a paper held in moderation has weeks before
        # the month of the id it was announced with
        return False
    written = arxiv_dating.months((dated.date.year, dated.date.month))
    early = written == arxiv_dating.months(dated.month) - 1
    return early and arxiv_dating.sent_in_its_month(dated.arxiv)


def _problem(
    doc: Document,
    row: Row,
    column: int,
    dated: arxiv.DatedId,
    style: str,
    before: bool,
    typo: bool = False,
    sent: bool = False,
) -> Problem:
    text = row.cells[column]
    year, month = dated.month
    shown = f"{year:04d}.{month:02d}"
    if before:
        reason = f"before arXiv {dated.arxiv} ({shown}), the paper's first version"
    elif typo:
        reason = f"a year after arXiv {dated.arxiv} ({shown}), where this table's dates are"
        reason += " their id's month"
    else:
        reason = f"not the month of arXiv {dated.arxiv} ({shown}), as this table's dates are"
    if sent:
        reason += " (its number is past the month's first days)"
    fix = _fix(doc, row, column, dated, style) if before or sent else None
    remedy = (
        f'write "{_written(dated, style)}"'
        if fix
        else "check the year"
        if typo
        else "check the date"
    )
    message = f'date "{text}" is {reason}: {remedy}, or correct the link'
    return Problem(row.line, row.column(column), CODE, NAME, message, fix)


def _written(dated: arxiv.DatedId, style: str) -> str | None:
    """The id's month written in the column's style, wrappers included."""
    year, month = dated.month
    parsed = dates.parse_style(style)
    value = dates.DateValue(year, month if dates.has_month(parsed) else 0)
    return dates.write(value, parsed)


def _fix(doc: Document, row: Row, column: int, dated: arxiv.DatedId, style: str) -> Fix | None:
    """Unsafe, and only for a date earlier than its id (a later date may be a release or an
    update date on purpose) and without a day (which the id cannot give)."""
    written = _written(dated, style)
    if written is None or dated.date.day is not None:
        return None
    return rewrite_cell(doc, row, column, written)._replace(safety=UNSAFE)
