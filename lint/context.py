"""What a rule is handed with the document: the settings, the conventions, and the run's state.

The engine builds one ``Context`` per document it checks (``engine.context``): the conventions
are read once there, and every rule reads the same ones. A rule never asks a cache or infers a
convention of its own; what must be remembered across rules, documents or fix passes lives on
the context's ``memo`` (results kept by value) and ``scope`` (the other files of the run), and
what the network says of the run's papers on its ``metadata`` (fetched once, before any check).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from lint.config import Config
from lint.conventions import Conventions
from lint.memo import Memo
from lint.paper_index import Scope
from lint.suppress import Directive

if TYPE_CHECKING:
    from lint.online.metadata import Paper


class Context(NamedTuple):
    """The settings, the document's conventions, the memo of this check (or fix), the papers
    of the run's other files (None when the run has one file), and the document's suppression
    comments (empty when it has none). ``metadata`` holds, with ``--online``, what arXiv and
    Crossref say of the papers the run's rows name, by key (``lint/online/``); None otherwise,
    and the online rules then find nothing."""

    config: Config
    conventions: Conventions
    memo: Memo
    scope: Scope | None = None
    directives: tuple[Directive, ...] = ()
    metadata: Mapping[str, Paper] | None = None
