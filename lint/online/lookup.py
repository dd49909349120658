"""The metadata of every paper some files name, fetched once for a run (``--online``).

The runner hands each document's conventions here before it checks any file, so that arXiv is
asked for all the run's papers in as few batched requests as it takes, and a network failure
stops the run before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lint.online import rows

if TYPE_CHECKING:
    from lint.conventions import Conventions
    from lint.online.metadata import Paper


def fetch(found: Iterable[Conventions], refresh: bool = False) -> dict[str, Paper]:
    """The paper of every key the documents' rows name, from the cache or the APIs;
    NetworkError or CacheError when they cannot be had."""
    from lint.online.cache import Cache
    from lint.online.client import Client

    keys: set[str] = set()
    for conv in found:
        keys |= rows.keys(conv)
    if not keys:
        return {}
    cache = Cache(refresh=refresh)
    try:
        return Client(cache).papers(sorted(keys))
    finally:
        cache.close()
