"""The same paper is listed more than once.

Why: a curated list loses trust when a paper appears twice (the seed lists BigTrans under two
sections), and readers cannot tell which entry is kept up to date. Identity is the title, read
loosely: NFKC, case folded, link text kept and URLs dropped, emphasis, code and HTML tags
removed, white space and punctuation ignored, so ``PandaGPT:One Model`` is ``PandaGPT: One
Model``. The problem is reported on the later row and names the first one's line and section.
Option ``duplicate-scope``: ``document`` (default) or ``section`` (only within one section).

Fails::

    ### 多语言大模型
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | BigTrans: Augmenting LLMs | 2023.05 | 多语言模型 |

    ### 计算层优化
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | [BigTrans: augmenting LLMs](https://arxiv.org/abs/2305.18098) | 2023.05 | 多语言 |

Passes: the second table without the BigTrans row.

Fix: safe when the later row is an exact duplicate (the same cells, white space aside) of an
earlier row of the same table: it is removed. Any other duplicate is removed only by an unsafe
fix, which keeps the first occurrence; check that nothing in the later row is worth keeping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lint.columns import cell, paper_tables
from lint.config import Config
from lint.document import Document, Row, Table
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem, row_key

CODE = "P001"
NAME = "duplicate-entry"
DEFAULT = True
FIX = "safe/unsafe"

# image or link: keep the text, drop the destination; reference links keep the text too
_LINK = re.compile(r"!?\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_HTML_TAG = re.compile(r"<[^>]*>")
_NOT_WORD = re.compile(r"[\W_]+")
# the ASCII bytes \W and _ match, deleted in one C call on the common all-ASCII title
_ASCII_NOT_WORD = bytes(byte for byte in range(128) if not chr(byte).isalnum())
_SHOWN = 60


def title_key(title: str) -> bytes:
    """The identity of a title: markup and punctuation gone, case and width folded."""
    if "[" in title or "<" in title:
        title = _HTML_TAG.sub("", _LINK.sub(r"\1", title))
    if title.isascii():
        return title.encode("ascii").lower().translate(None, _ASCII_NOT_WORD)
    folded = unicodedata.normalize("NFKC", title).casefold()
    return _NOT_WORD.sub("", folded).encode("utf-8")


def check(doc: Document, config: Config) -> Iterator[Problem]:
    """Report every paper row whose title was already seen in the scope (one hash per row)."""
    scopes: dict[tuple[str, ...], dict[bytes, tuple[Table, Row]]] = {}
    by_section = config.duplicate_scope == "section"
    for table, roles in paper_tables(doc, config):
        column = roles.title
        assert column is not None
        first = scopes.setdefault(table.section if by_section else (), {})
        for row in table.rows:
            cells = row.cells
            key = title_key(cells[column]) if column < len(cells) else b""
            if not key:
                continue
            earlier = first.get(key)
            if earlier is None:
                first[key] = (table, row)
            else:
                yield _problem(table, row, column, *earlier)


def _problem(table: Table, row: Row, title: int, first_table: Table, first_row: Row) -> Problem:
    shown = cell(row.cells, title)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 1] + "…"
    section = first_row.section[-1] if first_row.section else "top of the document"
    exact = first_table is table and row_key(row.cells) == row_key(first_row.cells)
    remedy = "remove this row" if exact else "remove this row or merge it into the first"
    message = f'duplicate entry "{shown}" (first at line {first_row.line}, {section}): {remedy}'
    fix = Fix(
        (Edit(row.line, row.line, ()),),
        SAFE if exact else UNSAFE,
        removed_rows=(row.cells,),
    )
    return Problem(row.line, row.column(title), CODE, NAME, message, fix)
