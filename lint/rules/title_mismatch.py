"""A row's title is not its paper's current title on arXiv or Crossref (``--online``).

Why: papers are renamed after their first version ("Model Dementia: Generated Data Makes Models
Forget" became "The Curse of Recursion: Training on Generated Data Makes Models Forget"), and a
list keeps the title it was first given; readers then search for a title that no longer exists.
Checked only with ``--online``, on rows giving exactly one arXiv id (or no arXiv id and one DOI).
Case, punctuation, accents, Markdown markup, a Crossref subtitle and the paper's short name (the
words before its title's colon: ``FlexGen`` alone, or the title without ``FlexGen:``) are no
difference, and neither is a name the list adds before the title or in parentheses after it. A
title column headed as names (``Name``, ``Model``, ``模型``) holds names, not titles: not checked.

Fails (arXiv 2305.17493's current title is "The Curse of Recursion: Training on Generated Data
Makes Models Forget")::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [Model Dementia: Generated Data …](https://arxiv.org/abs/2305.17493) | 2023.05 |

Passes::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [The Curse of Recursion: Training on …](https://arxiv.org/abs/2305.17493) | 2023.05 |
    | [The Curse of Recursion](https://arxiv.org/abs/2305.17493) | 2023.05 |

Fix: unsafe: the link's text (or a plain title cell) becomes the current title, emphasis around
it and the link kept; the list may have chosen its title on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lint.context import Context
from lint.document import Document, Row
from lint.problem import UNSAFE, Edit, Fix, Problem

if TYPE_CHECKING:
    from lint.online.metadata import Paper

CODE = "P005"
NAME = "title-mismatch"
DEFAULT = True
ONLINE = True
FIX = "unsafe"

# an inline link: its text (one level of brackets inside) and its destination (compiled by ``re``
# on first use: a lint without --online never needs them)
_LINK = r"\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\(\s*<?([^\s()<>]+)>?[^()]*\)"
_EMPHASIS = r"(\*\*|__|\*|_)(.+)\1"
_MARKUP = "[]<>*_`"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows whose title is not their paper's current title."""
    if context.metadata is None:
        return  # without --online: nothing is imported, nothing asked
    from lint.online import rows, titles

    for found, row, key, paper in rows.checked(context.conventions, context.metadata):
        column = found.roles.title
        if not paper.found or not paper.title or column is None or column >= len(row.cells):
            continue
        if rows.names_column(found):
            continue  # a Name or Model column holds names, not titles
        shown = " ".join(titles.shown(row.cells[column]).split())
        if titles.same(shown, titles.paper_titles(paper.title, paper.subtitle)):
            continue
        message = (
            f'title "{shown}" is not the current title of {rows.shown_id(key)}, '
            f'"{paper.title}": write it, or correct the link'
        )
        fix = _fix(doc, row, column, key, paper, shown)
        yield Problem(row.line, row.column(column), CODE, NAME, message, fix)


def _fix(doc: Document, row: Row, column: int, key: str, paper: Paper, shown: str) -> Fix | None:
    """The title cell with the current title: the text of the link to the paper, or the whole
    cell when it is plain text."""
    new = retitled(row.cells[column], key, paper.title, shown)
    if new is None:
        return None
    line = doc.lines[row.line - 1]
    start = row.starts[column]
    old = row.cells[column]
    new_line = line[:start] + new + line[start + len(old) :]
    new_cells = (*row.cells[:column], new, *row.cells[column + 1 :])
    edit = Edit(row.line, row.line, (new_line,))
    return Fix((edit,), UNSAFE, rewritten_rows=((row.cells, new_cells),))


def retitled(cell: str, key: str, title: str, shown: str) -> str | None:
    """``cell`` with ``title`` as the text of its link to the paper ``key`` when that text is
    the title the cell shows (``shown``; emphasis inside the link kept), or as the whole cell
    when it holds no markup; None otherwise (``**Title** [pdf](…)``: the link is no title)."""
    from lint import papers
    from lint.cell_text import escape_cell, link_text
    from lint.online import titles
    from lint.online.metadata import normal_key

    for link in re.finditer(_LINK, cell):
        if normal_key(papers.link_key(link[2])) != key:
            continue
        if titles.key(link[1]) != titles.key(shown):
            return None
        wrapped = re.fullmatch(_EMPHASIS, link[1], re.DOTALL)
        marker = wrapped[1] if wrapped else ""
        text = f"{marker}{link_text(title)}{marker}"
        return cell[: link.start(1)] + text + cell[link.end(1) :]
    if not any(char in cell for char in _MARKUP):
        return escape_cell(title)
    return None
