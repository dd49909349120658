"""The same paper is listed more than once.

Why: a curated list loses trust when a paper appears twice (the seed lists BigTrans under two
sections), and readers cannot tell which entry is kept up to date. A row's paper is its arXiv
id, DOI or other paper link, and its title read loosely (NFKC, case
folded, link text kept, images, badges, HTML tags and bracketed tags like ``[**MInference**]``
removed, punctuation ignored). Every table with a title column and a date column or paper links
is checked. Three problems are reported on the later row, naming the first one's line:

- the same paper twice: a shared identifier, or the same title with no identifier against it;
- the same identifier under two different titles: one paper listed twice under an old and a new
  title, or one link is wrong;
- the same title with different arXiv ids (or DOIs): one link is wrong, or two papers share a
  title.

Rows that differ in a column naming a variant (a short cell such as a size ``7B``, a version or
a task: ``XVERSE-MoE | 255B/A36B`` and ``XVERSE-MoE | A4.2B/25.8B``) are two entries, not one.
Files linted in one run (as pre-commit passes them) are one scope: a row of a later file that is
a paper of an earlier file is reported with the other file's name and line. Option
``duplicate-scope``: ``document`` (default) or ``section`` (only within one section, and not
across files).

Fails::

    ### 多语言大模型
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | BigTrans: Augmenting LLMs | 2023.05 | 多语言模型 |

    ### 计算层优化
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | [BigTrans: augmenting LLMs](https://arxiv.org/abs/2305.18098) | 2023.05 | 多语言 |

Passes: the second table without the BigTrans row.

Fix: safe when the later row is identical (white space aside) to an earlier row of the same
table: it is removed. Unsafe when the later row is the same paper in the same file and carries
nothing the first lacks (every word of every cell and every link is in the first row): it is
removed, the first kept. No fix otherwise: two titles for one identifier, conflicting
identifiers, a later row with something of its own to merge by hand, or a row in another file.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count

from lint import papers
from lint.columns import header_key
from lint.context import Context
from lint.conventions import TableConventions
from lint.document import Document, Row
from lint.memo import Memo
from lint.paper_index import CONFLICT, RENAMED, Entry, Index
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem, row_key

CODE = "P001"
NAME = "duplicate-entry"
DEFAULT = True
FIX = "safe/unsafe"

_SHOWN = 60


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report every row that is a paper seen earlier in its scope (and, with the context's
    scope, in an earlier file of the run)."""
    scope = context.scope
    others = scope.others(doc.path) if scope is not None else None
    indexes: dict[tuple[str, ...], Index] = {}
    firsts: list[Entry] = []
    order = count()
    for found in context.conventions.tables:
        entries = _entries(found, order, context.memo)
        if not entries:
            continue
        # a table whose scope is its section (the file's setting or its section's) is one
        # index of its own, never compared with other sections or other files
        by_section = found.settings.duplicate_scope == "section"
        index = indexes.setdefault(found.table.section if by_section else (), Index())
        elsewhere = None if by_section else others
        rows = index.rows
        for entry in entries:
            identity = entry.identity
            title = identity.title
            if elsewhere is None and title and title not in rows and not identity.keys:
                rows[title] = entry  # a title alone, seen for the first time (most rows)
                if not by_section:
                    firsts.append(entry)
                continue
            match = index.find(entry)
            if match is None and elsewhere is not None:
                match = elsewhere.find(entry)
            if match is None:
                index.add(entry)
                if not by_section:
                    firsts.append(entry)
            else:
                yield _problem(doc, entry, *match)
    if scope is not None:
        scope.remember(doc.path, firsts)


def _entries(found: TableConventions, order: Iterator[int], memo: Memo) -> list[Entry]:
    """The entries of a table that lists papers: a title column, and dates or paper links."""
    table, title, date = found.table, found.roles.title, found.roles.date
    if title is None:
        return []
    links = papers.may_link("\n".join(row.content for row in table.rows))
    identities = [
        papers.identity(row.cells, title, date, links, memo.identities) for row in table.rows
    ]
    if date is None and not any(identity.keys for identity in identities):
        return []
    variants = found.variants
    names = [header_key(table.header.cells[column]) for column in variants]
    entries = []
    for row, identity in zip(table.rows, identities, strict=True):
        if not identity.title and not identity.keys:
            continue  # an empty title is empty-cell's business
        variant = (
            tuple(
                (name, papers.cell_key(row.cells[column]))
                for name, column in zip(names, variants, strict=True)
                if column < len(row.cells) and row.cells[column]
            )
            if variants
            else ()
        )
        entries.append(Entry(next(order), None, table, row, title, identity, variant))
    return entries


def _shown(entry: Entry) -> str:
    """The title as a reader sees it (badges, images and tags dropped), shortened."""
    cells = entry.row.cells
    written = cells[entry.title] if entry.title < len(cells) else ""
    shown = " ".join(papers.read_cell(written, keep_tags=True).text.split()) or written
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"


def _where(doc: Document, first: Entry) -> str:
    section = first.row.section[-1] if first.row.section else "top of the document"
    if first.path is not None and first.path != doc.path:
        return f"{first.path}:{first.row.line}, {section}"
    return f"line {first.row.line}, {section}"


def _problem(doc: Document, entry: Entry, first: Entry, relation: str) -> Problem:
    row, where = entry.row, _where(doc, first)
    column = row.column(entry.title)
    if relation == RENAMED:
        shared = sorted(set(entry.identity.keys) & set(first.identity.keys))[0]
        message = (
            f'"{_shown(entry)}" is the paper of "{_shown(first)}" ({where}): both give {shared}; '
            "keep one title, or correct the wrong link"
        )
        return Problem(row.line, column, CODE, NAME, message)
    if relation == CONFLICT:
        message = (
            f'title "{_shown(entry)}" is also at {where} with other identifiers '
            f"({_ids(entry)} and {_ids(first)}): correct the wrong link, or tell the papers apart"
        )
        return Problem(row.line, column, CODE, NAME, message)
    fix = _fix(entry, first)
    remedy = "remove this row" if fix else "merge this row into the first by hand"
    if fix and fix.safety == UNSAFE:
        remedy = "remove this row or merge it into the first"
    message = f'duplicate entry "{_shown(entry)}" (first at {where}): {remedy}'
    return Problem(row.line, column, CODE, NAME, message, fix)


def _ids(entry: Entry) -> str:
    return ", ".join(entry.identity.keys[:2]) or "none"


def _fix(entry: Entry, first: Entry) -> Fix | None:
    """Safe for a row identical to an earlier one of its table, unsafe for a row carrying
    nothing the first lacks, else none (another file is never edited from here)."""
    if first.path is not None:
        return None
    row = entry.row
    if first.table is entry.table and row_key(row.cells) == row_key(first.row.cells):
        safety = SAFE
    elif _redundant(entry, first):
        safety = UNSAFE
    else:
        return None
    return Fix((Edit(row.line, row.line, ()),), safety, removed_rows=(row.cells,))


def _redundant(entry: Entry, first: Entry) -> bool:
    """True when every cell of ``entry``'s row says nothing but what the same column of the
    first row says (words compared loosely), and every link it holds is in the first row."""
    kept = _by_header(first)
    for name, text in _by_header(entry).items():
        key = papers.cell_key(text)
        if key and key != papers.cell_key(kept.get(name, "")):
            return False
    return _urls(entry.row) <= _urls(first.row)


def _by_header(entry: Entry) -> dict[str, str]:
    header = entry.table.header.cells
    return {
        header_key(name): entry.row.cells[index] if index < len(entry.row.cells) else ""
        for index, name in enumerate(header)
    } | {f"#{index}": text for index, text in enumerate(entry.row.cells[len(header) :])}


def _urls(row: Row) -> set[str]:
    return {papers.link_key(url) for text in row.cells for url, _ in papers.read_cell(text).links}
