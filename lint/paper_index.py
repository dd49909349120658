"""The index of paper rows that duplicate-entry looks rows up in, and the run's scope of files.

An ``Index`` holds the first rows of each identifier and title (a few per key when they are
variants of one another: ``7B`` and ``13B``); a ``Scope`` holds the papers of the files already
checked in one run, so that the files pre-commit passes together are one list. A row's paper is
read by ``lint/papers.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import count
from typing import NamedTuple

from lint import papers
from lint.document import Row, Table

# how many rows with distinct variants one identifier or title remembers (keeps lookups linear)
_KEEP = 8
# a title of at most this many words is a name, which a variant's name may extend
_NAME_WORDS = 2
SAME = "same"
RENAMED = "renamed"
CONFLICT = "conflict"


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
    of a fix see only the other files. Rows are numbered as they are indexed, so a row of an
    earlier file is earlier than any row of a later one.
    """

    def __init__(self) -> None:
        self._index = Index()
        self._order = count()
        self.keys: dict[str, list[str | bytes]] = {}
        # files remembered but not yet indexed: a run of one file never needs the index
        self.pending: list[tuple[str, list[Entry]]] = []

    @property
    def index(self) -> Index:
        """The papers of the files remembered so far."""
        for path, entries in self.pending:
            added = self.keys.setdefault(path, [])
            for entry in entries:
                indexed = entry._replace(order=next(self._order), path=path)
                added.extend(self._index.add(indexed))
        self.pending.clear()
        return self._index

    def others(self, path: str) -> Index | None:
        """The papers of every file but ``path`` (forgetting what ``path`` left), or None when
        there are none."""
        self.forget(path)
        return self.index if self.keys or self.pending else None

    def forget(self, path: str) -> None:
        """Drop what the file ``path`` left in the scope."""
        self.pending[:] = [(known, entries) for known, entries in self.pending if known != path]
        for key in self.keys.pop(path, ()):
            kept = [entry for entry in self._index.known(key) if entry.path != path]
            if kept:
                self._index.rows[key] = kept
            else:
                self._index.rows.pop(key, None)

    def remember(self, path: str, entries: list[Entry]) -> None:
        """Keep the first rows of the file ``path`` for the files checked after it."""
        self.pending.append((path, entries))
