"""A row GitHub cuts off from its table, text it glues into one, or a table it does not show.

Why: GitHub ends a table at a blank line, an HTML comment line, a lone tag or pipe, so the rows
written below it show as one line of text, and every check of this tool skips them. The other way
round, a line of plain text written right under a table without a blank line becomes one more row,
with the text in its first cell. This rule reports both: each line below a table that starts with a
pipe and has about the header's number of cells (one more or less) but is cut off from it, and each
row of a table that holds no pipe at all, but a kramdown attribute list (``{: .table-striped}``)
right under the table: a Jekyll site renders such a file, and styles the table by it (a blank line
before it would move the style to the next block); nor an anchor alone
(``<a name="single-hop-qa"></a>``) above a group of rows, which the page's contents link: GitHub
shows an empty row there, and a blank line before it would end the table; nor an ellipsis alone
(``....``), the row a list ends its tables with for the rows to come; nor a link alone where most
rows start with one (``[SUN3D](…)`` in a table of ``[ScanNet](…) | 1513 scans``): a row written
short, its details to come. And a header over a delimiter row of another number of cells
(``|a|b|c|d|`` over five ``|---|``) opens no table at all: GitHub shows it, the dashes and every row
below as text (reported at the header, outside fenced code).

Fails::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | Paper A | 2023.05 |

    | Paper B | 2023.06 |

    | 论文题目 | 发表时间 |
    | --- | --- |
    | Paper A | 2023.05 |
    更多论文见下文

Passes::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | Paper A | 2023.05 |
    | Paper B | 2023.06 |

    更多论文见下文

Fix: none. Either repair changes what GitHub shows (rows join a table, or text leaves one), and
only a person knows which was meant: remove the blank line or comment between the rows and the
table (or give the rows a header of their own); put a blank line before the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.context import Context
from lint.document import Document, Table, cells_of, delimiter_aligns, is_pipeless
from lint.groups import is_ellipsis
from lint.lines import unfenced
from lint.problem import Problem

CODE = "T006"
NAME = "broken-table"
DEFAULT = True
FIX = "none"

# a kramdown attribute list (``{: .class #id key="v"}``), which styles the block above it
_ATTRIBUTE_LIST = re.compile(r"\{:[^{}]*\}")
# anchors alone on a line (``<a name="qa"></a>``, ``<a id="qa"></a>``), which show nothing
_ANCHORS = re.compile(r"""(?:<a\s+(?:name|id)\s*=\s*["'][^"'<>]*["']\s*>\s*</a>\s*)+""", re.I)
# a lone open or closing tag (one star and a fixed end: no backtracking beyond the line)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:[ \t/][^<>]*)?>")


def _cuts(rest: str) -> bool:
    """True for a line content that ends a table on GitHub and is no text: blank, an HTML
    comment closed on the line, a lone pipe or a lone tag."""
    text = rest.strip(" \t")
    if text in ("", "|"):
        return True
    if text.startswith("<!--"):
        return "-->" in text[4:]
    return bool(_TAG.fullmatch(text))


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report rows cut off below each table, text lines glued into it as rows, and tables
    GitHub does not show at all."""
    starts = {table.start_line for table in doc.tables}
    table_lines = {line for table in doc.tables for line in table.lines}
    found = [
        problem
        for table in doc.tables
        for problem in (*_glued_text(table), *_cut_off_rows(doc, table, table_lines, starts))
    ]
    found += _unshown_tables(doc, table_lines)
    yield from sorted(found, key=lambda problem: (problem.line, problem.column))


# a table's rows this many at least under a header and a delimiter row of other counts: a table
UNSHOWN_ROWS = 2


def _unshown_tables(doc: Document, table_lines: set[int]) -> list[Problem]:
    """A header and a delimiter row whose cells differ in number (``| a | b |`` over
    ``|---|---|---|``), rows with pipes below: GFM shows no table there, and every row as
    text. Lines in fenced code are no table's."""
    found = []
    lines = doc.lines
    for number, text in unfenced(lines[:-1]):
        index = number - 1
        if "|" not in text or number in table_lines or text.startswith("    "):
            continue
        if text.lstrip().startswith(">"):
            continue  # a quote's line: its prefix is no cell
        below = lines[index + 1].strip()
        aligns = delimiter_aligns(below) if "|" in below else None
        if aligns is None:
            continue
        header = cells_of(text.strip())
        rows = [line for line in lines[index + 2 : index + 2 + UNSHOWN_ROWS] if "|" in line]
        if len(header) == len(aligns) or len(rows) < UNSHOWN_ROWS:
            continue
        message = (
            f"table not shown: its header has {len(header)} cells and the line under it"
            f" {len(aligns)}, so GitHub shows its rows as text: give both the same number of cells"
        )
        found.append(Problem(index + 1, 1, CODE, NAME, message))
    return found


def _glued_text(table: Table) -> Iterator[Problem]:
    for index, row in enumerate(table.rows):
        content = row.content.strip()
        if is_pipeless(row) and not (
            _ATTRIBUTE_LIST.fullmatch(content)
            or _ANCHORS.fullmatch(content)
            or is_ellipsis(content)
            or _short_row(table, index)
        ):
            message = (
                f'text "{_shown(row.content)}" right under a table is a row of it on GitHub: '
                "put a blank line before it, or write it as a row with pipes"
            )
            yield Problem(row.line, row.column(0), CODE, NAME, message)


# a cell holding one link and nothing else
_LINK_ALONE = re.compile(r"\[[^\[\]]+\]\([^()\s]+\)")


def _short_row(table: Table, index: int) -> bool:
    """True for a line without a pipe that is a row written short: a link alone where most
    rows' first cells are one (``[SUN3D](…)`` among ``[ScanNet](…) | 1513 scans | …``: a
    dataset whose details are to come)."""
    if not _LINK_ALONE.fullmatch(table.rows[index].content.strip()):
        return False
    firsts = [_LINK_ALONE.fullmatch(row.cells[0].strip()) for row in table.rows if row.cells]
    return sum(1 for first in firsts if first) * 2 > len(firsts)


def _cut_off_rows(
    doc: Document, table: Table, table_lines: set[int], starts: set[int]
) -> Iterator[Problem]:
    """Rows below ``table`` after lines that cut it, up to the first line that is not a row."""
    prefix = table.prefixes[-1]
    quote = prefix.rstrip(" \t")
    line = table.end_line + 1
    cuts: list[int] = []
    while line <= len(doc.lines) and line not in table_lines:
        text = doc.lines[line - 1]
        rest = text[len(prefix) :] if text.startswith(prefix) else None
        if text.rstrip(" \t") in ("", quote) or (rest is not None and _cuts(rest)):
            cuts.append(line)
            line += 1
            continue
        break
    if not cuts or line in starts:
        return
    width = len(table.header.cells)
    while line <= len(doc.lines) and line not in table_lines:
        text = doc.lines[line - 1]
        if not text.startswith(prefix + "|"):
            break
        if abs(len(cells_of(text[len(prefix) :])) - width) > 1:
            break
        yield _cut_off(table, line, cuts[0])
        line += 1


def _cut_off(table: Table, line: int, cut: int) -> Problem:
    message = (
        f"row is cut off from the table at line {table.start_line} by line {cut}: GitHub "
        "shows it as text; remove the lines between them, or give it a header of its own"
    )
    return Problem(line, len(table.prefixes[-1]) + 1, CODE, NAME, message)


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"
