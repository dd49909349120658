"""Every table is laid out in the document's layout style.

Why: a list whose tables are laid out one way reads well in an editor and keeps diffs to the row
that changed. The styles are markdownlint's (MD060): ``aligned`` (cells padded to the column's
display width exactly as prettier prints them, so contributors who run prettier and those who
run ``--fix`` produce the same bytes; CJK and emoji count 2), ``compact``
(one space around each cell: ``| a | b |``) and ``tight`` (``|a|b|``). Option ``layout``:
``auto`` (default: the style most of the document's tables use; aligned on a tie or when no
table is in a style), or one of the three. Cell text is kept byte for byte; a row with more cells
than the header keeps them all (prettier lays them out as extra columns), and a short row is left
short (``column-count`` pads it), and a line without any pipe glued under the table is left as
written (``broken-table`` reports it). White space after a line's last pipe is not part of a
style.

Fails (aligned)::

    |论文题目|发表时间|
    |:-:|---|
    | BigTrans | 2023.05 |

Passes (aligned)::

    | 论文题目 | 发表时间 |
    | :------: | -------- |
    | BigTrans | 2023.05  |

Fix: safe; only white space and the dashes of the delimiter row change. In auto, a compact or
tight table is never grown into an aligned one (a compact list's size is its maintainers'
choice): it is reported without a fix, and ``layout = "aligned"`` lays it out. A table whose
header has no leading pipe right under a line of text has no fix (laid out, it could join the
block above): a blank line must come first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from lint import conventions, layout
from lint.context import Context
from lint.document import Document, Table
from lint.problem import SAFE, Edit, Fix, Problem

CODE = "T002"
NAME = "table-format"
DEFAULT = True
FIX = "safe"

_SHOWN = 40
_GLUED = "glued"
_GROWS = "grows"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report each table not in its layout style (its section's, else the document's), with that
    layout as the fix."""
    memo = context.memo
    for found in context.conventions.tables:
        table = found.table
        chosen = found.layout or context.conventions.layout  # its section's, or the document's
        style = chosen.value
        by_hand_too = style == layout.ALIGNED and chosen.source != conventions.SET
        old = layout.lines_of(table, doc.lines)
        styles = layout.styles_of(table, old, memo)
        if style in styles or (by_hand_too and layout.BY_HAND in styles):
            continue
        new = layout.laid_out(table, old, style, memo)
        if new == old:
            continue
        above = doc.lines[table.start_line - 2] if table.start_line > 1 else ""
        glued = bool(above.strip()) and not old[0][len(table.prefixes[0]) :].startswith("|")
        near = styles or {layout.leaning(table)}
        grows = (
            style == layout.ALIGNED
            and chosen.source != conventions.SET
            and bool(near & {layout.COMPACT, layout.TIGHT})
        )
        yield _problem(table, old, new, style, _GLUED if glued else _GROWS if grows else "")


def _problem(
    table: Table, old: tuple[str, ...], new: tuple[str, ...], style: str, unfixable: str
) -> Problem:
    """One problem for the table; ``unfixable`` says why it has no fix (or is empty).

    ``glued``: a header without a leading pipe right under a line of text (a table, a block
    quote, a list item) starts a table only because it does not start with a pipe; laid out, it
    would, and could join the block above (a table's rows, a quote's lazy continuation), so a
    blank line has to come first. ``grows``: a compact or tight table under an inferred aligned
    style.
    """
    differing = [index for index, (was, now) in enumerate(zip(old, new, strict=True)) if was != now]
    first = differing[0] if differing else 0
    was, now = old[first], new[first]
    pairs = zip(was, now, strict=False)
    column = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(was), len(now)))
    visible = _escaped(was)
    shown = visible if len(visible) <= _SHOWN else visible[: _SHOWN - 1] + "…"
    if len(differing) <= 1:
        message = f'table not laid out: "{shown}" differs from the {style} layout; '
    else:
        message = (
            f'table not laid out: "{shown}" and {len(differing) - 1} more of {len(old)} lines'
            f" differ from the {style} layout; "
        )
    line = table.start_line + first
    if unfixable == _GLUED:
        message += "add a blank line between it and the text above, then run with --fix"
        return Problem(line, column + 1, CODE, NAME, message)
    if unfixable == _GROWS:
        message += 'most tables here are aligned: set layout = "aligned" to lay it out with --fix'
        return Problem(line, column + 1, CODE, NAME, message)
    fix = Fix((Edit(table.start_line, table.end_line, new),), SAFE)
    return Problem(line, column + 1, CODE, NAME, message + "run with --fix", fix)


def _escaped(line: str) -> str:
    """``line`` with control characters written as escapes (a tab as ``\\t``), the rest as is."""
    if line.isprintable():
        return line
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) == "Cc" else char for char in line
    )
