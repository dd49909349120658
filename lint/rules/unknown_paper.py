"""A row's arXiv id or DOI names no paper (``--online``).

Why: an id with a typo (``2305.17943`` for ``2305.17493``), or a DOI copied with a stray
character, leads readers nowhere, and no other rule can tell it from a real one. Checked only
with ``--online``, on rows giving exactly one arXiv id (or no arXiv id and one DOI): arXiv's API
does not have the id (or cannot read it), or Crossref does not hold the DOI and no other agency
registered it (a DataCite DOI, a dataset's say, is not checked).

Fails::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [A Paper](https://arxiv.org/abs/2305.99999) | 2023.05 |

Passes::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [BigTranslate: …](https://arxiv.org/abs/2305.18098) | 2023.05 |

Fix: none: only a person knows the right id.
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.document import Document
from lint.problem import Problem

CODE = "P007"
NAME = "unknown-paper"
DEFAULT = True
ONLINE = True
FIX = "none"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows whose arXiv id or DOI the APIs do not know."""
    if context.metadata is None:
        return  # without --online: nothing is imported, nothing asked
    from lint.online import rows
    from lint.online.metadata import UNKNOWN

    for found, row, key, paper in rows.checked(context.conventions, context.metadata):
        if paper.status != UNKNOWN:
            continue
        source = "arXiv" if key.startswith("arxiv:") else "Crossref"
        message = f"{rows.shown_id(key)} is unknown to {source}: correct the link"
        column = found.roles.title or 0
        yield Problem(row.line, row.column(column), CODE, NAME, message)
