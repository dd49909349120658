"""A row's paper was withdrawn from arXiv or retracted (``--online``).

Why: a withdrawn preprint or a retracted article is no longer a result readers should build
on; a list should drop it or say so. Checked only with ``--online``, on rows giving exactly one
arXiv id (or no arXiv id and one DOI): arXiv marks a withdrawal in the comment of the paper's
last version ("This paper has been withdrawn by the author"), Crossref lists retractions and
withdrawals in the work's ``updated-by``.

Fails (2305.11111 withdrawn)::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [A Paper](https://arxiv.org/abs/2305.11111) | 2023.05 |

Passes::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [BigTranslate: …](https://arxiv.org/abs/2305.18098) | 2023.05 |

Fix: none: whether to drop the row or to mark it is the list's choice.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.document import Document
from lint.problem import Problem

CODE = "P008"
NAME = "withdrawn-paper"
DEFAULT = True
ONLINE = True
FIX = "none"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows whose paper was withdrawn or retracted."""
    if context.metadata is None:
        return  # without --online: nothing is imported, nothing asked
    from lint.online import rows

    for found, row, key, paper in rows.checked(context.conventions, context.metadata):
        if not (paper.found and paper.withdrawn):
            continue
        what = "withdrawn from arXiv" if key.startswith("arxiv:") else "retracted or withdrawn"
        message = f"{rows.shown_id(key)} was {what}: remove the row, or say so in it"
        column = found.roles.title or 0
        yield Problem(row.line, row.column(column), CODE, NAME, message)
