"""Papers fetched before, kept on disk so that a second run makes no request.

One SQLite file (``papers.sqlite3``) in the user's cache folder (``platformdirs``:
``~/.cache/llm4or-lint`` on Linux, ``~/Library/Caches/llm4or-lint`` on macOS,
``%LOCALAPPDATA%\\llm4or-lint\\Cache`` on Windows), or in ``LLM4OR_CACHE_DIR``. SQLite keeps
concurrent runs (two pre-commit hooks, two CI jobs sharing a cache) from tearing a write.
A paper found expires after ``LLM4OR_CACHE_DAYS`` days (30 by default: titles change with new
versions); an id no source knows after one day, since a paper sent today is not in the API
until it is announced. A cache that cannot be opened or written is skipped: the run goes on
asking the network.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lint.online.metadata import AnswerError, Paper

DEFAULT_DAYS = 30.0
UNKNOWN_DAYS = 1.0
_DAY = 86400.0
_FILE = "papers.sqlite3"


class CacheError(ValueError):
    """A setting of the cache that cannot be used (``LLM4OR_CACHE_DAYS`` not a number)."""


def folder() -> Path:
    """Where the cache lives: ``LLM4OR_CACHE_DIR``, else the user's cache folder."""
    chosen = os.environ.get("LLM4OR_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("llm4or-lint", appauthor=False))


def expiry_days() -> float:
    """How long a paper found is kept: ``LLM4OR_CACHE_DAYS`` or 30."""
    value = os.environ.get("LLM4OR_CACHE_DAYS")
    if not value:
        return DEFAULT_DAYS
    try:
        days = float(value)
    except ValueError:
        raise CacheError(f"LLM4OR_CACHE_DAYS: {value!r} is not a number of days") from None
    if days < 0 or days != days:
        raise CacheError(f"LLM4OR_CACHE_DAYS: {value!r} is not a number of days")
    return days


class Cache:
    """The papers on disk, read and written by key; ``refresh`` ignores what is stored (new
    answers are still written)."""

    def __init__(self, where: Path | None = None, refresh: bool = False) -> None:
        self.path = (where or folder()) / _FILE
        self.refresh = refresh
        self.days = expiry_days()
        self._connection: Any = None
        self.broken = False

    def _connect(self) -> Any:
        if self._connection is None and not self.broken:
            import sqlite3

            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=10)
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS papers "
                    "(key TEXT PRIMARY KEY, fetched REAL NOT NULL, record TEXT NOT NULL)"
                )
                self._connection = connection
            except (OSError, sqlite3.Error):
                self.broken = True
        return self._connection

    def get(self, keys: Iterable[str]) -> dict[str, Paper]:
        """The papers stored for ``keys`` and not expired (none under ``refresh``)."""
        wanted = list(dict.fromkeys(keys))
        connection = None if self.refresh or not wanted else self._connect()
        if connection is None:
            return {}
        import sqlite3

        found: dict[str, Paper] = {}
        now = time.time()
        try:
            for start in range(0, len(wanted), 500):  # SQLite's limit on bound parameters
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, fetched, record FROM papers WHERE key IN ({marks})"
                for key, fetched, record in connection.execute(query, chunk):
                    paper = _fresh(record, float(fetched), now, self.days)
                    if paper is not None:
                        found[key] = paper
        except sqlite3.Error:
            self.broken = True
        return found

    def put(self, papers: Mapping[str, Paper]) -> None:
        """Store ``papers`` (fetched now)."""
        connection = self._connect() if papers else None
        if connection is None:
            return
        import sqlite3

        now = time.time()
        rows = [(key, now, paper.to_json()) for key, paper in papers.items()]
        try:
            with connection:
                connection.executemany(
                    "INSERT OR REPLACE INTO papers (key, fetched, record) VALUES (?, ?, ?)", rows
                )
        except sqlite3.Error:
            self.broken = True

    def close(self) -> None:
        """Close the file (the run is over)."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _fresh(record: str, fetched: float, now: float, days: float) -> Paper | None:
    """The stored paper, or None when it expired or cannot be read."""
    try:
        paper = Paper.from_json(record)
    except AnswerError:
        return None
    keep = days if paper.found else min(days, UNKNOWN_DAYS)
    return paper if now - fetched <= keep * _DAY else None
