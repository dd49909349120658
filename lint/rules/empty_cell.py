"""An empty title or date cell, or a title linking nowhere, where the table fills the column.

Why: a row without a title cannot be found, and one without a date cannot be sorted. But many lists
leave a column empty on purpose (no date for a paper without a preprint, a title only for some
rows): an empty cell is a defect only where the list shows the column is filled. It is reported when
at least 90% of the table's rows fill the column; for a date column whose dates are the months of
the rows' arXiv ids, a row is compared with the rows of its kind: a row with an arXiv id when at
least 90% of those fill their date (a paper without a preprint has no arXiv date to give), a row
without one when at least 90% of those do. A row whose cells do not fit its header (missing or extra
cells) is column-count's: its empty cell is a symptom of the shift, not a missing value, and is not
reported here; nor is a group row, a label over the rows below it with its other cells left empty
(``| **Knowledge** |||||``), nor a schedule's row for a session that does not take place (``Reading
Week``, ``No Class``, ``Holiday``), nor a spacer between groups of rows: placeholders alone (``|  |
| __ | __ |``) or, without links, arrows pointing at the groups it parts (``|<=||||=>|``). A row
whose every cell is empty (a blank row an editor left) is reported once, as a row to remove, in any
table with a title column, where its other rows fill the title or the date column (it holds no paper
to complete), unless most of the list's tables hold one: its template writes it. A title whose link
has no address (``[Title]()``: GitHub shows a link that leads nowhere) is reported where most of its
table's titles link their paper; an empty link around a badge or no text (a placeholder) is no
title's.

Fails (the other rows all have a date)::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |
    | Paper B | 2023.06 | 摘要 |
    | Paper C | 2023.07 | 摘要 |
    | Paper D |  | 摘要 |

Passes (a list that leaves dates out)::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |
    | Paper B |  | 摘要 |
    | Paper C |  | 摘要 |
    | Paper D | 2023.08 | 摘要 |

Fix: none: only a person knows the missing title or date.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from markdown_it import MarkdownIt

from lint import arxiv
from lint.column_shapes import EMPTY, MIN_ROWS, PLACEHOLDER, kept_filled, kind
from lint.context import Context
from lint.conventions import TableConventions
from lint.document import Document, Row
from lint.markup import read_cell
from lint.problem import Problem

CODE = "T004"
NAME = "empty-cell"
DEFAULT = True
FIX = "none"

# a column is filled when this share of its table's rows (with the header's cells) fill it
FILLED = 0.9
# a link (no image, no nested brackets) whose address is empty: ``[Title]()``; words in it?
_EMPTY_LINK = re.compile(r"(?<![!\\])\[([^\[\]]*)\]\(\s*(?:<\s*>)?\s*\)")
_WORD = re.compile(r"\w")
# an arrow pointing at rows above or below, or the start or end of a span of columns
_ARROW = re.compile(r"<=|=>|<-|->|[←→↑↓⇐⇒⬆⬇👆👇👈👉]")
# a schedule's row for a session that does not take place: nothing to read or present there
_NO_SESSION = re.compile(
    r"(?i)\b(?:reading week|no (?:class|lecture|meeting|session)s?|(?:spring |winter |fall )?break"
    r"|holidays?|cancell?ed|midterms?(?: exam)?|final exams?)\b|休息|放假|停课"
)


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report empty title and date cells of paper tables where the table fills the column."""
    memo = context.memo
    kept = context.conventions.blank_rows  # most tables hold one: the list's template
    template = kept is not None and kept.value == "yes"
    for found in context.conventions.tables:
        table, roles = found.table, found.roles
        width = len(table.header.cells)
        # rows off the header's cells are column-count's; a group row's label stands alone
        # on purpose (``| **Knowledge** |||||``): no paper's title or date is missing there
        rows = [
            row
            for index, row in enumerate(table.rows)
            if row.in_columns(width) and index not in found.groups
        ]
        blank = [row for row in rows if not any(row.cells)]
        if (
            blank
            and roles.title is not None
            and not template
            and _filled_but_blank_rows(found, len(blank))
        ):
            # a row of empty cells holds no paper to fill in: it is reported once, to remove
            message = "empty row: every cell of it is empty; remove the row"
            yield from (Problem(row.line, row.column(0), CODE, NAME, message) for row in blank)
        if not roles.is_paper:
            continue
        by_id = _by_id(found)
        for row in rows:
            if not any(row.cells):
                continue
            for role, index in (("title", roles.title), ("date", roles.date)):
                if index is None or row.cells[index] or _spacer(row) or _no_session(row):
                    continue
                if role == "date" and by_id:
                    evidence = _id_evidence(found, row, memo.identities)
                else:
                    evidence = _evidence(found, index)
                if evidence is not None:
                    message = f"empty {role} cell: {evidence}; fill in the paper's {role}"
                    yield Problem(row.line, row.column(index), CODE, NAME, message)
        if roles.title is not None:
            yield from _links_to_nowhere(rows, roles.title)


def _spacer(row: Row) -> bool:
    """True for a row of placeholders alone (``|  |  | __ | __ |``), or without links, of
    arrows pointing at the groups it parts (``|<=||||=>|``, ``| **👆 NeRF** | **👇 3DGS** |``):
    a spacer between groups, no entry."""
    if all(kind(text) in (EMPTY, PLACEHOLDER) for text in row.cells):
        return True
    filled = [text for text in row.cells if text]
    return "](" not in row.content and all(_ARROW.search(text) for text in filled)


def _no_session(row: Row) -> bool:
    """True for a schedule's row of a session that does not take place (``| 7 | 2/18 | Reading
    Week | | |``, ``No Class``, ``Holiday``), with no link in it: its empty cells are the list's
    way."""
    return "](" not in row.content and _NO_SESSION.search(row.content) is not None


def _links_to_nowhere(rows: list[Row], title: int) -> Iterator[Problem]:
    """Titles linked to an empty address, where most of the table's titles (of ``rows``, those
    under its columns) link their paper."""
    empty = [row for row in rows if _worded_empty_link(row.cells[title])]
    if not empty:
        return
    linked = sum(1 for row in rows if _links_somewhere(row.cells[title]))
    if linked * 2 <= len(rows):
        return  # the table does not link its titles: nothing shows the link is missing
    for row in empty:
        message = (
            f"the title links nowhere (an empty address, where {linked} of {len(rows)} titles "
            "here link their paper): add the paper's link, or write the title without one"
        )
        yield Problem(row.line, row.column(title), CODE, NAME, message)


def _worded_empty_link(cell: str) -> bool:
    """True when the cell has a link of words with an empty address, as GitHub shows it (not
    in a code span, say)."""
    if "](" not in cell:
        return False
    if not any(_WORD.search(match[1]) for match in _EMPTY_LINK.finditer(cell)):
        return False
    # the rare candidate is read by the parser itself: a code span or an escape shows as text
    tokens = _inline().parseInline(cell)[0].children or []
    return any(
        token.type == "link_open" and not str(token.attrs.get("href", "")).strip()
        for token in tokens
    )


@functools.cache
def _inline() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _links_somewhere(cell: str) -> bool:
    if "](" not in cell and "<a" not in cell and "://" not in cell:
        return False
    return any(url.strip() for url, image in read_cell(cell).links if not image)


def _evidence(found: TableConventions, index: int) -> str | None:
    """What shows the table fills the column (None: it does not)."""
    column = found.shape.columns[index] if index < len(found.shape.columns) else None
    if column is None or not kept_filled(column, FILLED):
        return None
    return f"{column.filled} of {column.rows} rows here fill it"


def _filled_but_blank_rows(found: TableConventions, blank: int) -> bool:
    """True when the table's other rows (``MIN_ROWS`` at least) fill its title or date column,
    ``FILLED`` of them: its rows of empty cells are no rows it means to have."""
    columns = found.shape.columns
    for index in (found.roles.title, found.roles.date):
        if index is None or index >= len(columns):
            continue
        # the blank rows are no evidence against themselves
        if kept_filled(columns[index]._replace(rows=columns[index].rows - blank), FILLED):
            return True
    return False


def _by_id(found: TableConventions) -> bool:
    """True when the table's dates are the months of its rows' arXiv ids: a row's date is then
    compared with those of the rows of its kind, with an arXiv id or without one."""
    return found.arxiv_dates is not None and found.arxiv_dates.value == "follow"


def _id_evidence(
    found: TableConventions, row: Row, known: dict[tuple[Any, ...], Any] | None
) -> str | None:
    """What shows the rows of this row's kind (with an arXiv id, or without) fill their date."""
    roles = found.roles
    one_id = len(arxiv.arxiv_ids(row.cells, roles.title, roles.date, known)) == 1
    rows, dated = found.dated_ids[0 if one_id else 1]
    if dated < MIN_ROWS or dated < FILLED * rows:
        return None
    kind = "with an arXiv id" if one_id else "without an arXiv id"
    return f"{dated} of the {rows} rows here {kind} give a date"
