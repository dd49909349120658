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

from collections.abc import Iterator, Sequence
from itertools import count
from typing import NamedTuple

from lint import conventions, papers
from lint.columns import header_key
from lint.config import Config
from lint.document import Document, Row, Table
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem, row_key

CODE = "P001"
NAME = "duplicate-entry"
DEFAULT = True
FIX = "safe/unsafe"

_SHOWN = 60
# how many rows with distinct variants one identifier or title remembers (keeps lookups linear)
_KEEP = 8
# a title of at most this many words is a name, which a variant's name may extend
_NAME_WORDS = 2
SAME = "same"
RENAMED = "renamed"
CONFLICT = "conflict"

title_key = papers.title_key  # the title's identity, as earlier versions exported it


class Entry(NamedTuple):
    """A row seen: its order, file (None for the document being checked), table and identity."""

    order: int
    path: str | None
    table: Table
    row: Row
    title: int
    identity: papers.Identity
    variant: tuple[tuple[str, bytes], ...]


def _variants(first: Entry, second: Entry) -> bool:
    """True when the rows are two variants: they differ in a column that names a variant in
    both, or one title is a short name that the other extends (``vicuna-V1.5``,
    ``vicuna-V1.5-16K``)."""
    if first.variant and second.variant:
        theirs = dict(second.variant)
        if any(theirs.get(name, value) != value for name, value in first.variant):
            return True
    return _extends(first, second) or _extends(second, first)


def _extends(short: Entry, long: Entry) -> bool:
    key, longer = short.identity.title, long.identity.title
    if not key or len(key) >= len(longer) or not longer.startswith(key):
        return False
    text = short.row.cells[short.title] if short.title < len(short.row.cells) else ""
    return len(papers.read_cell(text).text.split()) <= _NAME_WORDS


class Index:
    """The first rows of each identifier and title, a few per key when variants differ."""

    def __init__(self) -> None:
        # one row alone (most keys), or a list of a few: a list per key would cost as much
        # memory as the row's identity itself
        self.rows: dict[str | bytes, Entry | list[Entry]] = {}

    def known(self, key: str | bytes) -> Sequence[Entry]:
        """The rows remembered under ``key``, earliest first."""
        found = self.rows.get(key)
        if found is None:
            return ()
        return found if isinstance(found, list) else (found,)

    def find(self, entry: Entry) -> tuple[Entry, str] | None:
        """The earliest row that is ``entry``'s paper, and how: same, renamed or conflict."""
        identity = entry.identity
        if not (identity.arxiv or identity.dois or identity.links):  # most rows: a title alone
            for earlier in self.known(identity.title) if identity.title else ():
                if not _variants(earlier, entry):
                    same = not papers.contradicts(earlier.identity, identity)
                    return earlier, SAME if same else CONFLICT
            return None
        found: Entry | None = None
        for key in entry.identity.keys:
            for earlier in self.known(key):
                if not _variants(earlier, entry) and (found is None or earlier.order < found.order):
                    found = earlier
        if found is not None:
            titles = (found.identity.title, entry.identity.title)
            return found, SAME if titles[0] == titles[1] or not all(titles) else RENAMED
        for earlier in self.known(entry.identity.title) if entry.identity.title else ():
            if not _variants(earlier, entry):
                same = not papers.contradicts(earlier.identity, entry.identity)
                return earlier, SAME if same else CONFLICT
        return None

    def add(self, entry: Entry) -> list[str | bytes]:
        """Remember ``entry`` under each of its keys; returns the keys it was added under."""
        title = entry.identity.title
        if title and title not in self.rows and not entry.identity.keys:  # most rows
            self.rows[title] = entry
            return [title]
        keys: list[str | bytes] = list(entry.identity.keys)
        if title:
            keys.append(title)
        added: list[str | bytes] = []
        for key in keys:
            known = self.known(key)
            if not known:
                self.rows[key] = entry
                added.append(key)
            elif len(known) < _KEEP and all(_variants(other, entry) for other in known):
                self.rows[key] = [*known, entry]
                added.append(key)
        return added


class Scope:
    """The paper rows of the files of one run, for duplicates across files (kept by the CLI).

    Checking a file forgets what an earlier check of the same file remembered, so the passes
    of a fix see only the other files.
    """

    def __init__(self) -> None:
        self._index = Index()
        self.keys: dict[str, list[str | bytes]] = {}
        # files remembered but not yet indexed: a run of one file never needs the index
        self.pending: list[tuple[str, list[Entry]]] = []

    @property
    def index(self) -> Index:
        """The papers of the files remembered so far."""
        for path, entries in self.pending:
            added = self.keys.setdefault(path, [])
            for entry in entries:
                added.extend(self._index.add(entry._replace(path=path)))
        self.pending.clear()
        return self._index

    def forget(self, path: str) -> None:
        self.pending[:] = [(known, entries) for known, entries in self.pending if known != path]
        for key in self.keys.pop(path, ()):
            kept = [entry for entry in self._index.known(key) if entry.path != path]
            if kept:
                self._index.rows[key] = kept
            else:
                self._index.rows.pop(key, None)

    def remember(self, path: str, entries: list[Entry]) -> None:
        self.pending.append((path, entries))


_ORDER = count()


def check(doc: Document, config: Config, scope: Scope | None = None) -> Iterator[Problem]:
    """Report every row that is a paper seen earlier in its scope (and, with ``scope``, in an
    earlier file of the run)."""
    by_section = config.duplicate_scope == "section"
    if by_section:
        scope = None
    others = None
    if scope is not None:
        scope.forget(doc.path)
        others = scope.index if scope.keys or scope.pending else None
    indexes: dict[tuple[str, ...], Index] = {}
    firsts: list[Entry] = []
    for table, entries in _paper_rows(doc, config):
        index = indexes.setdefault(table.section if by_section else (), Index())
        rows = index.rows
        for entry in entries:
            identity = entry.identity
            title = identity.title
            if others is None and title and title not in rows and not identity.keys:
                rows[title] = entry  # a title alone, seen for the first time (most rows)
                firsts.append(entry)
                continue
            found = index.find(entry)
            if found is None and others is not None:
                found = others.find(entry)
            if found is None:
                index.add(entry)
                firsts.append(entry)
            else:
                yield _problem(doc, entry, *found)
    if scope is not None:
        scope.remember(doc.path, firsts)


def _paper_rows(doc: Document, config: Config) -> Iterator[tuple[Table, list[Entry]]]:
    """The entries of every table that lists papers: a title column, and dates or paper links."""
    for found in conventions.of(doc, config).tables:
        table, title, date = found.table, found.roles.title, found.roles.date
        if title is None:
            continue
        links = papers.may_link("\n".join(row.content for row in table.rows))
        identities = [papers.identity(row.cells, title, date, links) for row in table.rows]
        if date is None and not any(identity.keys for identity in identities):
            continue
        variants = papers.variant_columns(table, (title, date))
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
            entries.append(Entry(next(_ORDER), None, table, row, title, identity, variant))
        yield table, entries


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
