"""Bulk suppressions (ESLint's model): a list's old problems recorded once, so only new ones fail.

``--suppress-all`` (or ``--suppress-rule NAME``) records every problem left, after ``--fix`` when
given, in ``llm4or-lint-suppressions.json`` beside the configuration (without one: at the root of
the git repository holding the file, else in the current directory)::

    {"README.md": {"duplicate-entry": {"arxiv:2305.18098": 1, "title:bigtrans": 1}}}

A problem is keyed by its file (relative to the suppressions file), its rule and its row's
identity, never by line number, so edits elsewhere keep the record valid: a table row is its
paper (its first arXiv id, DOI or paper link, else its title read loosely, as duplicate-entry
reads them), else its table's header and its own cells; any other line is its text. Each key
holds how many problems it silences. A run silences a key's problems while there are no more of
them than recorded; past the count all of them are reported (ESLint's rule: which one is new
cannot be told). ``--prune-suppressions`` lowers the counts to what is still found and drops the
rest; ``--show-suppressed`` lists the silenced problems too.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint.errors import SuppressionsError
from lint.problem import Problem

if TYPE_CHECKING:
    from lint.config import Config
    from lint.document import Document, Row, Table

FILE_NAME = "llm4or-lint-suppressions.json"

# what a file's record is: rule name -> identity -> count
Record = dict[str, dict[str, int]]


class Mode(NamedTuple):
    """What a run does with the record: add every problem (``all``), add the problems of some
    rules (``rules``, by name), lower the counts to what is found (``prune``)."""

    all: bool = False
    rules: frozenset[str] = frozenset()
    prune: bool = False

    @property
    def writes(self) -> bool:
        """True when the run may change the record."""
        return self.all or bool(self.rules) or self.prune


def location(config_source: str | None, target: Path) -> Path:
    """The directory of the suppressions file for ``target``: its configuration's, else the
    root of the git repository holding it, else the current directory."""
    if config_source is not None:
        return Path(os.path.abspath(config_source)).parent
    start = Path(os.path.abspath(target)).parent
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return Path(os.path.abspath("."))


class Store:
    """One suppressions file: its record per file, read once, written only when changed."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / FILE_NAME
        self.files: dict[str, Record] = _read(self.path) if self.path.is_file() else {}
        self.existed = self.path.is_file()
        self.changed = False

    def name_of(self, target: Path) -> str:
        """``target`` as the record names it: relative to the file, with forward slashes."""
        relative = os.path.relpath(os.path.abspath(target), self.path.parent)
        return Path(relative).as_posix()

    def replace(self, name: str, record: Record) -> None:
        """Set one file's record (an empty one removes the file's entry)."""
        record = {rule: dict(sorted(keys.items())) for rule, keys in sorted(record.items()) if keys}
        if self.files.get(name, {}) != record:
            self.changed = True
            if record:
                self.files[name] = record
            else:
                self.files.pop(name, None)

    def save(self) -> None:
        """Write the file when it changed (atomically; a new file only when it records
        something)."""
        if not self.changed or (not self.files and not self.existed):
            return
        import json

        text = json.dumps(dict(sorted(self.files.items())), ensure_ascii=False, indent=2) + "\n"
        temporary = self.path.with_name(f".{FILE_NAME}.tmp")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise SuppressionsError(
                f"{self.path}: cannot write: {error.strerror or error}"
            ) from None


def _read(path: Path) -> dict[str, Record]:
    import json

    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise SuppressionsError(f"{path}: cannot read suppressions: {error}") from None
    if not _well_formed(data):
        raise SuppressionsError(
            f"{path}: expected {{file: {{rule: {{identity: count}}}}}}, as --suppress-all writes it"
        )
    return data


def _well_formed(data: object) -> bool:
    return isinstance(data, dict) and all(
        isinstance(rules, dict)
        and all(
            isinstance(keys, dict)
            and all(isinstance(count, int) and count > 0 for count in keys.values())
            for keys in rules.values()
        )
        for rules in data.values()
    )


# identities


def identities(doc: Document, problems: Sequence[Problem], config: Config) -> list[str]:
    """The identity of the row (or line) each problem is on."""
    starts = [table.start_line for table in doc.tables]
    known: dict[int, str] = {}
    found = []
    for problem in problems:
        if problem.line not in known:
            known[problem.line] = _identity(doc, starts, problem.line, config)
        found.append(known[problem.line])
    return found


def _identity(doc: Document, starts: list[int], line: int, config: Config) -> str:
    index = bisect_right(starts, line) - 1
    if index >= 0 and line <= doc.tables[index].end_line:
        table = doc.tables[index]
        return _row_identity(table, _row_at(table, line), config)
    text = doc.lines[line - 1] if 0 < line <= len(doc.lines) else ""
    return "line:" + " ".join(text.split())


def _row_at(table: Table, line: int) -> Row | None:
    if line == table.header.line:
        return None
    return next((row for row in table.rows if row.line == line), None)


def _row_identity(table: Table, row: Row | None, config: Config) -> str:
    header = " | ".join(" ".join(cell.split()) for cell in table.header.cells)
    if row is None:  # the header or the delimiter row: the table itself
        return "table:" + header
    from lint import columns, papers

    roles = columns.roles(table, config)
    found = papers.identity(row.cells, roles.title, roles.date)
    if found.keys:
        return found.keys[0]
    if found.title:
        return "title:" + found.title.decode("utf-8", "replace")
    return "row:" + header + " || " + " | ".join(" ".join(cell.split()) for cell in row.cells)


# a file's problems against its record


class Settled(NamedTuple):
    """A file's problems after its record: those reported, those silenced, the record to keep
    (None when unchanged) and how many recorded problems were not found (no longer needed)."""

    reported: list[Problem]
    suppressed: list[Problem]
    record: Record | None
    unused: int


def settle(
    problems: Sequence[Problem], keys: Sequence[str], recorded: Record, mode: Mode
) -> Settled:
    """Split ``problems`` (each with its identity in ``keys``) by the file's record, after
    ``mode`` has updated the record."""
    found: Counter[tuple[str, str]] = Counter(zip((p.name for p in problems), keys, strict=True))
    record = _updated(recorded, found, mode)
    reported: list[Problem] = []
    suppressed: list[Problem] = []
    for problem, key in zip(problems, keys, strict=True):
        allowed = record.get(problem.name, {}).get(key, 0)
        (suppressed if found[problem.name, key] <= allowed else reported).append(problem)
    unused = sum(
        count - found[rule, key]
        for rule, entries in record.items()
        for key, count in entries.items()
        if count > found[rule, key]
    )
    return Settled(reported, suppressed, record if record != recorded else None, unused)


def _updated(recorded: Record, found: Counter[tuple[str, str]], mode: Mode) -> Record:
    if not mode.writes:
        return recorded
    record: Record = {}
    if not mode.all:
        for rule, entries in recorded.items():
            if rule in mode.rules:
                continue
            kept = {
                key: min(count, found[rule, key]) if mode.prune else count
                for key, count in entries.items()
            }
            record[rule] = {key: count for key, count in kept.items() if count}
    for (rule, key), count in found.items():
        if mode.all or rule in mode.rules:
            record.setdefault(rule, {})[key] = count
    return {rule: entries for rule, entries in record.items() if entries}


# one run's suppressions


class Ledger:
    """The suppressions of one run: each suppressions file read once, the mode, and what was
    silenced or no longer needed."""

    def __init__(self, mode: Mode) -> None:
        self.mode = mode
        self.stores: dict[Path, Store | None] = {}
        self.unused = 0

    def store_for(self, config_source: str | None, target: Path) -> Store | None:
        """The suppressions file of ``target`` (None when there is none and the run writes
        none, or when it failed to read: that was reported once)."""
        directory = location(config_source, target)
        if directory not in self.stores:
            self.stores[directory] = None  # a file that fails to read is reported only once
            store = Store(directory)
            self.stores[directory] = store if store.existed or self.mode.writes else None
        return self.stores[directory]

    def settle(
        self,
        target: Path,
        config: Config,
        problems: list[Problem],
        parse: Callable[[], Document],
    ) -> tuple[list[Problem], list[Problem]]:
        """``problems`` of ``target`` split into those reported and those its record silences
        (``parse`` gives the document they point into, read only when some problem needs its
        row's identity)."""
        store = self.store_for(config.source, target)
        if store is None:
            return problems, []
        name = store.name_of(target)
        recorded = store.files.get(name, {})
        if not problems and not recorded:
            return problems, []
        keys = identities(parse(), problems, config) if problems else []
        settled = settle(problems, keys, recorded, self.mode)
        if settled.record is not None:
            store.replace(name, settled.record)
        self.unused += settled.unused
        return settled.reported, settled.suppressed

    def save(self) -> None:
        """Write every suppressions file the run changed; SuppressionsError for the first that
        cannot be written."""
        for store in self.stores.values():
            if store is not None:
                store.save()
