"""A suppression comment names a rule that does not exist.

Why: a misspelt name in ``<!-- lint-disable ... -->`` silences nothing, so the problem it was
meant to hide is still reported (or, worse, the author believes a rule is off when it is not).
Names are rule codes or kebab-case names, as ``--list-rules`` prints them.

Fails::

    <!-- lint-disable-next-line duplicate-entrie -->
    | 论文题目 | 发表时间 | 内容简介 |

Passes::

    <!-- lint-disable-next-line duplicate-entry -->
    | 论文题目 | 发表时间 | 内容简介 |

Fix: none; correct the name or remove it.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.document import Document
from lint.problem import Problem

CODE = "M001"
NAME = "invalid-suppression"
DEFAULT = True
FIX = "none"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report every name in a suppression comment that is neither a rule code nor a rule name."""
    for directive in context.directives:
        for name, column in directive.unknown:
            message = f'unknown rule "{name}" in lint-{directive.kind}: see --list-rules'
            yield Problem(directive.line, column, CODE, NAME, message)
