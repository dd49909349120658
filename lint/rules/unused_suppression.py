"""A suppression comment silences no problem (opt-in).

Why: once the problem a ``<!-- lint-disable ... -->`` was written for is gone, the comment
stays behind and would hide the next, unrelated problem of the same rule in that place.
It is reported after every suppression has been applied, since only then is it known which
comments silenced something; turn it on with ``extend-select = ["unused-suppression"]`` or
``--select ALL``.

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

from collections.abc import Iterator

from lint import suppress
from lint.context import Context
from lint.document import Document
from lint.problem import Problem

CODE = suppress.UNUSED_CODE
NAME = suppress.UNUSED_NAME
DEFAULT = False
FIX = "none"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Nothing before the suppression pass, which reports the comments that went unused."""
    return iter(())
