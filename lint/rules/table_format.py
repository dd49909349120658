"""Every table is laid out in the layout its list keeps.

Why: a list whose tables are laid out one way reads well in an editor and keeps diffs to the row
that changed. The styles are markdownlint's (MD060): ``aligned`` (pipes in the same columns on
every line), ``compact`` (one space around each cell: ``| a | b |``) and ``tight``
(``|a|b|``). Option ``layout``:

- ``auto`` (default): a layout is checked only where the list keeps one: in the tables that
  keep the style most of the document's tables keep, each in most of its rows (at least
  three body rows in four). Alignment by hand or by an editor
  counts (a long cell may overflow its column; widths in display columns or in characters, as
  CJK editors count), and so does a padded header over compact rows. Only the rows not in the
  table's style are reported and rewritten, to the table's own column widths: a fix never
  converts a table to another style, never re-pads the rows already in it, and is withheld when
  the document's layout fixes together would change its size by more than ``SIZE_SHARE`` (and
  more than ``SIZE_FLOOR`` characters). A list whose tables keep no
  common layout, and a table that keeps none (or another), are not checked.
- ``aligned``, ``compact`` or ``tight``: every table is laid out in that style; ``aligned`` as
  prettier prints a table (CJK and emoji count 2), so contributors who run prettier and those
  who run ``--fix`` produce the same bytes.

Cell text is kept byte for byte; a row with more cells than the header is left as written
(column-count reports it, and a layout would keep them all), a short row is left short, and a
line without any pipe glued under the table is left as written (``broken-table`` reports it).
White space after a line's last pipe is not part of a style, nor is the space a compact cell
leaves out after full-width punctuation (``| 统一（商品卡）|``): the mark's own width spaces it.

Fails (a table that keeps compact in its other rows)::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | BigTrans | 2023.05 |
    | Paper B | 2023.06 |
    | Paper C | 2023.07 |
    | Paper D  |2023.08|

Passes::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | BigTrans | 2023.05 |
    | Paper B | 2023.06 |
    | Paper C | 2023.07 |
    | Paper D | 2023.08 |

Fix: safe; only white space (and, with ``layout`` set, the dashes of the delimiter row)
changes. A table whose header has no leading pipe right under a line of text has no fix when
its header would change (laid out, it could join the block above): a blank line must come
first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from lint import conventions, kept_layout, layout
from lint.context import Context
from lint.document import Document, Table
from lint.memo import Memo
from lint.problem import SAFE, Edit, Fix, Problem

CODE = "T002"
NAME = "table-format"
DEFAULT = True
FIX = "safe"

# in auto, the layout fixes of a document may change its size by at most this share, or by
# this many characters (a line or so: no churn, whatever the file's size)
SIZE_SHARE = 0.03
SIZE_FLOOR = 100

_SHOWN = 40
_NOT_LAID_OUT = "table not laid out"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report each table not in its layout: the one set for it (its section's, else the
    document's), else in auto the rows off the style the table and the document keep."""
    found = context.conventions
    kept: list[tuple[conventions.TableConventions, conventions.Setting]] = []
    for table in found.tables:
        chosen = table.layout or found.layout  # its section's, or the document's
        if chosen.source == conventions.SET:
            problem = _set_layout(doc, table.table, chosen.value, context.memo)
            if problem is not None:
                yield problem
        elif table.kept_layout is not None and table.kept_layout.style == chosen.value:
            kept.append((table, chosen))
    yield from _kept_layouts(doc, kept, found.size, context.memo)


def _set_layout(doc: Document, table: Table, style: str, memo: Memo) -> Problem | None:
    """The whole table in the ``style`` the settings ask for."""
    old = layout.lines_of(table, doc.lines)
    if style in layout.styles_of(table, old, memo):
        return None
    new = layout.laid_out(table, old, style, memo)
    if new == old:
        return None
    return _problem(doc, table, old, new, (_NOT_LAID_OUT, f"the {style} layout"))


def _kept_layouts(
    doc: Document,
    tables: list[tuple[conventions.TableConventions, conventions.Setting]],
    size: int,
    memo: Memo,
) -> Iterator[Problem]:
    """The rows off the style each table keeps (as the document does); no fix for any when
    together they would change the document's size by more than ``SIZE_SHARE``. A table's
    lines relaid are read once per ``memo`` (its rows are its lines but their prefixes)."""
    changes = []
    for found, chosen in tables:
        assert found.kept_layout is not None
        old = layout.lines_of(found.table, doc.lines)
        key = (old, found.table.prefixes, found.kept_layout, found.table.aligns)
        new = memo.relaid.get(key)
        if new is None:
            new = memo.relaid[key] = kept_layout.relaid(found.table, found.kept_layout, old, memo)
        if new != old:
            changes.append((found, chosen, old, new))
    change = sum(sum(map(len, new)) - sum(map(len, old)) for _, _, old, new in changes)
    withheld = ""
    if abs(change) > max(SIZE_SHARE * size, SIZE_FLOOR):
        withheld = (
            f"laid out, the file would change by {change * 100 / max(size, 1):+.0f}%:"
            " too much for a safe fix; set layout to lay out every table"
        )
    for found, chosen, old, new in changes:
        kept = found.kept_layout
        assert kept is not None
        off = sum(was != now for was, now in zip(old, new, strict=True))
        head = f"{'row' if off == 1 else f'{off} rows'} off the {kept.style} layout"
        evidence = f"{kept.rows} of its {kept.read} rows keep it, and the list: {chosen.detail}"
        yield _problem(doc, found.table, old, new, (head, evidence), withheld)


def _problem(
    doc: Document,
    table: Table,
    old: tuple[str, ...],
    new: tuple[str, ...],
    said: tuple[str, str],
    withheld: str = "",
) -> Problem:
    """One problem for the table, at its first line that differs from ``new``, ``said`` as what
    it is and what shows the layout; with ``new`` as a safe fix unless ``withheld`` says why
    not, or the table is glued under text.

    Glued: a header without a leading pipe right under a line of text (a table, a block quote,
    a list item) starts a table only because it does not start with a pipe; laid out, it would,
    and could join the block above (a table's rows, a quote's lazy continuation), so a blank
    line has to come first.
    """
    differing = [index for index, (was, now) in enumerate(zip(old, new, strict=True)) if was != now]
    first = differing[0] if differing else 0
    was, now = old[first], new[first]
    pairs = zip(was, now, strict=False)
    column = next((i for i, (a, b) in enumerate(pairs) if a != b), min(len(was), len(now)))
    visible = _escaped(was)
    shown = visible if len(visible) <= _SHOWN else visible[: _SHOWN - 1] + "…"
    what, evidence = said
    more = ""
    if len(differing) > 1 and what == _NOT_LAID_OUT:
        more = f" and {len(differing) - 1} more of {len(old)} lines"
    message = f'{what}: "{shown}"{more} ({evidence}); '
    line = table.start_line + first
    above = doc.lines[table.start_line - 2] if table.start_line > 1 else ""
    glued = bool(above.strip()) and not old[0][len(table.prefixes[0]) :].startswith("|")
    if glued and old[0] != new[0]:
        message += "add a blank line between it and the text above, then run with --fix"
        return Problem(line, column + 1, CODE, NAME, message)
    if withheld:
        return Problem(line, column + 1, CODE, NAME, message + withheld)
    fix = Fix((Edit(table.start_line, table.end_line, new),), SAFE)
    return Problem(line, column + 1, CODE, NAME, message + "run with --fix", fix)


def _escaped(line: str) -> str:
    """``line`` with control characters written as escapes (a tab as ``\\t``), the rest as is."""
    if line.isprintable():
        return line
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) == "Cc" else char for char in line
    )
