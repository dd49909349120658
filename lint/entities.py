"""A table's rows as the entities they list: a paper, or a named thing (a dataset, a model, a tool).

A row's entity is its table's: in a table of papers the paper (its arXiv id, DOI or paper link,
and its title read loosely: ``lint/papers.py``); in a table whose rows are named (a ``Name``,
``Dataset``, ``Abbreviation`` or ``模型`` column, ``lint/columns.py``), the named thing, so that
two datasets from one paper are two entities, and a dataset is never the method paper listed in
another table (the *kind* of an entity is the header of its name column). Columns naming a
variant (a size, a version, a task: ``lint/variants.variant_columns``) and the name column tell
entities of one paper apart.

What a row says of its entity is kept for the comparisons ``duplicate-entry`` and the
conventions step make: its date as its table's date column reads it (``TableConventions.keys``),
its venue, and the links of its title and link cells. Links in a column whose header says they
are not the paper (``Code``, ``Demo``, ``Project Page``) never identify it, and a placeholder
title (``null``, ``[Paper]``, ``-``) is no title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from lint import markup, papers, titles
from lint.columns import Roles, cell, header_key, name_column, names_no_paper, venue_column
from lint.document import Row, Table
from lint.paper_index import DateKey, Entry
from lint.papers import Identity
from lint.placeholders import by_authors, is_placeholder, names_a_thing, struck, to_come, words


def table_entries(
    table: Table,
    roles: Roles,
    keys: Sequence[DateKey | None],
    variants: tuple[int, ...],
    known: dict[tuple[Any, ...], Any] | None = None,
    things: dict[tuple[str, ...], bool] | None = None,
    dated: bool = True,
    labels: frozenset[int] = frozenset(),
) -> tuple[Entry, ...]:
    """The entities of a table that lists papers or named things: a title column, and dates or
    paper links (``keys``: each row's date as compared, empty without a date column; ``known``:
    identities read so far, as in ``papers.identity``; ``things``: ``names_things`` of the
    title columns read so far, by their cells; ``dated``: the date column holds dates, else
    its links are read as any other column's; ``labels``: the indexes of the table's group rows,
    which name a group of rows, no entity)."""
    title, date = roles.title, roles.date
    if title is None:
        return ()
    skip = date if dated else None
    header = table.header.cells
    hidden = frozenset(
        column for column, cell in enumerate(header) if column != title and names_no_paper(cell)
    )
    joined = "\n".join(row.content for row in table.rows)
    links = papers.may_link(joined)
    scores = _CITED_SCORE_WRITTEN.search(joined) is not None  # most tables: none
    cells_read = [_paper_cells(row.cells, hidden, scores) for row in table.rows]
    identities = [papers.identity(cells, title, skip, links, known) for cells in cells_read]
    if date is None and not any(identity.keys for identity in identities):
        return ()
    names = [header_key(header[column]) for column in variants]
    written = [cell(row.cells, title) for row in table.rows]
    placeholders = [is_placeholder(text) for text in written]
    if _by_authors(written):  # a column of authors (``Zhao et al.``): two Zhaos, two papers
        placeholders = [
            found or by_authors(text) for found, text in zip(placeholders, written, strict=True)
        ]
    fillers = _fillers(table.rows, identities, keys, title)
    named = name_column(table, roles)
    if named is None and _names_things(table, title, things, written, placeholders):
        named = title
    if named == title and title is not None:
        # a column of names: ``[VOT-LT2020](…)`` names a dataset, no venue's year
        placeholders = [
            found and not names_a_thing(text)
            for found, text in zip(placeholders, written, strict=True)
        ]
    kind = header_key(header[named]) if named is not None else ""
    venue = venue_column(table, roles)
    found = []
    for index, (row, identity) in enumerate(zip(table.rows, identities, strict=True)):
        if identity.title and placeholders[index]:
            identity = identity._replace(title=b"")
        if (not identity.title and not identity.keys) or index in labels:
            continue  # an empty title is empty-cell's business
        if "](" in written[index] and _reading_list(written[index]):
            continue  # a session's readings (a course's schedule): several papers, no entity
        if struck(written[index]):
            continue  # struck through: a record of a moved or withdrawn entry, no live one
        if (identity.title, keys[index] if index < len(keys) else None) in fillers:
            continue  # the words a schedule fills its empty slots with, once on each date
        cells = row.cells
        found.append(
            Entry(  # by position: one per row of every table listing entities
                row.line,
                None,
                table,
                row,
                title,
                identity,
                _variant(cells, names, variants) if variants else (),
                kind,
                named == title,
                keys[index] if index < len(keys) else None,
                _cell(cells, date),
                _cell(cells, venue),
                cells_read[index] if links else (),
                skip,
            )
        )
    return tuple(found)


def _by_authors(written: Sequence[str]) -> bool:
    """True when half the filled title cells or more name papers by their authors alone: the
    column names who wrote each paper (a survey's table of surveys), no title. One such cell
    among names (``Luo et al.`` on a leaderboard) names that row's system."""
    cited = sum(1 for text in written if "et al" in text and by_authors(text))
    if not cited:
        return False  # most columns: no author named
    return 2 * cited >= sum(1 for text in written if text.strip())


# a title of plain text on this many dates of a table fills empty slots (a seminar's cancelled
# sessions: ``Corona | Virus`` on each date); one paper is not dated so many ways
FILLER_ROWS = 3


def _fillers(
    rows: Sequence[Row], identities: Sequence[Identity], keys: Sequence[DateKey | None], title: int
) -> frozenset[tuple[bytes, DateKey]]:
    """The titles of plain text (no link, no identifier) that rows of ``FILLER_ROWS``
    different dates or more write, with each date written once: words filling a schedule's
    slots, no paper (a slot written twice on one date is a row pasted twice)."""
    written = Counter(found.title for found in identities if found.title and not found.has_keys)
    repeated = {found for found, count in written.items() if count >= FILLER_ROWS}
    if not repeated:
        return frozenset()  # most tables: no title written so often
    dated: dict[bytes, Counter[DateKey]] = {}
    for index, (row, identity) in enumerate(zip(rows, identities, strict=True)):
        key = keys[index] if index < len(keys) else None
        if key is None or identity.title not in repeated or identity.has_keys:
            continue
        if "](" not in cell(row.cells, title) and "<" not in cell(row.cells, title):
            dated.setdefault(identity.title, Counter())[key] += 1
    return frozenset(
        (found, key)
        for found, dates in dated.items()
        if len(dates) >= FILLER_ROWS
        for key, count in dates.items()
        if count == 1
    )


# a title cell linking this many titles lists readings (``1) [GCN](…) <br/> 2) [GAT](…)``)
READINGS = 2
# words a link's text needs to be a title (``[Paper]``, ``[Code]``, ``[PyTorch Code]`` are none)
_TITLE_WORDS = 3


def _reading_list(cell: str) -> bool:
    """True when a title cell links ``READINGS`` titles or more: a list of readings."""
    if cell.count("](") < READINGS:
        return False
    found = [text for text in markup.link_texts(cell) if len(text.split()) >= _TITLE_WORDS]
    return len(found) >= READINGS


def _variant(
    cells: tuple[str, ...], names: list[str], variants: tuple[int, ...]
) -> tuple[tuple[str, bytes], ...]:
    """The variant a row names: each variant column's header with its cell's title key (a
    cell without a word, ``-``, or saying there is none, ``N/A``, names none, as an empty
    cell does not; a label word may, the ``arXiv`` dataset beside ``PubMed``)."""
    return tuple(
        (name, papers.title_key(cells[column]))
        for name, column in zip(names, variants, strict=True)
        if column < len(cells) and cells[column] and _names_one(cells[column])
    )


def _names_one(text: str) -> bool:
    return bool(words(text)) and not to_come(text)


# a title column lists named things, not papers, when this share of its titles are short names
NAME_SHARE = 0.25
# and it has at least this many titles
NAME_ROWS = 4


def _names_things(
    table: Table,
    title: int,
    things: dict[tuple[str, ...], bool] | None,
    written: list[str],
    placeholders: list[bool],
) -> bool:
    """``names_things``, given each row's title cell ("" where the row has none) and which are
    placeholders (read once for this and for the entries)."""
    if things is None:
        return _short_names(written, placeholders)
    # a count of short names, whatever the rows' order: their titles sorted are the key
    key = tuple(sorted(row.cells[title] for row in table.rows if title < len(row.cells)))
    if key not in things:
        things[key] = _short_names(written, placeholders)
    return things[key]


def names_things(table: Table, title: int) -> bool:
    """True when at least a quarter of the titles of ``title`` (and four) are short names
    (``SQuAD2.0``, ``DuReader-YesNo``, ``文心一言``): a paper's title is seldom one, so a column
    of them lists datasets, models or tools under a generic header (``标题``)."""
    written = [cell(row.cells, title) for row in table.rows]
    return _short_names(written, [is_placeholder(text) for text in written])


def _short_names(cells: list[str], placeholders: list[bool]) -> bool:
    """``names_things`` of a column's title cells and which of them are placeholders (a
    missing cell reads as an empty one, a placeholder)."""
    written = [
        text for text, placeholder in zip(cells, placeholders, strict=True) if not placeholder
    ]
    if len(written) < NAME_ROWS:
        return False
    wanted = NAME_SHARE * len(written)
    found = 0
    for index, text in enumerate(written):
        found += titles.names(text)
        if found >= wanted:
            return True
        if found + len(written) - index - 1 < wanted:
            return False  # the rows left cannot make a quarter: most paper tables stop early
    return False


def _paper_cells(
    cells: tuple[str, ...], hidden: frozenset[int], scores: bool = True
) -> tuple[str, ...]:
    """The cells whose links may name the paper: the others (code, demo) read as empty, and so
    does a score linked to the paper it comes from (``[0.286](https://arxiv.org/…)`` on a
    leaderboard: the source of the number, not the row's paper)."""
    if not hidden and not (scores and any(_cited_score(text) for text in cells)):
        return cells
    return tuple(
        "" if column in hidden or (scores and _cited_score(text)) else text
        for column, text in enumerate(cells)
    )


def _cited_score(text: str) -> bool:
    return text[:1] == "[" and _CITED_SCORE.match(text) is not None  # most cells: one test


# a cell of a score linked to where it comes from (``[0.286](…)``, ``[85.2%](…)``): three digits
# before its point at most, so neither an arXiv id (``[2202.01938](…)``) nor a year, and a point
# or a percent sign, so no note's number (``[1](…)``)
_SCORE = r"\[\s*[*_]*(?:\d{1,3}[.,]\d+%?|\d{1,3}%)[*_]*\s*\]\("
_CITED_SCORE_WRITTEN = re.compile(_SCORE)
_CITED_SCORE = re.compile(rf"\s*{_SCORE}[^)]*\)\s*$")


def _cell(cells: tuple[str, ...], column: int | None) -> str:
    return cells[column] if column is not None and column < len(cells) else ""
