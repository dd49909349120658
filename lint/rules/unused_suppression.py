"""A suppression comment silences no problem (opt-in).

Why: once the problem a ``<!-- lint-disable ... -->`` was written for is gone, the comment
stays behind and would hide the next, unrelated problem of the same rule in that place.
The linter reports it after applying every suppression, so this rule only sees comments; turn
it on with ``extend-select = ["unused-suppression"]`` or ``--select ALL``.

Fails (the row below the comment has no duplicate)::

    <!-- lint-disable-next-line duplicate-entry -->
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |

Passes (the comment removed)::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.05 | 摘要 |

Fix: none; delete the comment or the names it no longer needs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lint.config import Config
from lint.document import Document
from lint.problem import Problem
from lint.suppress import Directive

CODE = "M002"
NAME = "unused-suppression"
DEFAULT = False
FIX = "none"


def check(doc: Document, config: Config) -> Iterator[Problem]:
    """Nothing on its own: the engine calls :func:`report` with the comments that went unused."""
    return iter(())


def report(unused: Iterable[Directive]) -> Iterator[Problem]:
    """One problem per suppression comment that silenced nothing."""
    for directive in unused:
        names = " ".join(name for name, _ in directive.names) or "every rule"
        message = f'lint-{directive.kind} of "{names}" suppresses nothing: remove it'
        yield Problem(directive.line, directive.column, CODE, NAME, message)
