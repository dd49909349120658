"""cmark-gfm as the oracle for our tables: the tables GitHub renders, compared with ours.

cmark-gfm's HTML (with source positions) gives every table's rows, their lines and each cell's
rendered HTML. Ours give raw Markdown cells; each is rendered by cmark-gfm alone in a
one-column table, so a cell we split wrongly (a pipe kept, or one split off) renders otherwise.
The document is appended to those one-cell tables so its link reference definitions apply.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import cmarkgfm
from cmarkgfm.cmark import Options

from lint.document import Document, Table, parse

_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SOURCEPOS
_TABLE = re.compile(r'^<table data-sourcepos="(\d+):\d+-(\d+):\d+">$')
_ROW = re.compile(r'^<tr data-sourcepos="(\d+):')
_CELL = re.compile(r'^<t[hd](?: align="\w+")? data-sourcepos="[^"]*">(.*)</t[hd]>$')
_PLAIN_CELL = re.compile(r'^<td data-sourcepos="[^"]*">(.*)</td>$', re.MULTILINE)


class GfmTable(NamedTuple):
    """A table as compared: 1-based line span, header cells' HTML, and (line, cells' HTML) rows.

    ``start_line`` of cmark-gfm's tables is derived (its header position is wrong when a
    paragraph precedes the header): every line from the header to the last row is a row.
    """

    start_line: int
    end_line: int
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def render(text: str) -> str:
    """cmark-gfm's HTML for ``text``, as GitHub renders it (raw HTML kept), with positions."""
    return str(cmarkgfm.github_flavored_markdown_to_html(text, options=_OPTIONS))


def gfm_tables(text: str) -> list[GfmTable]:
    """The tables cmark-gfm finds in ``text``."""
    found: list[tuple[int, list[tuple[int, list[str]]]]] = []
    rows: list[tuple[int, list[str]]] | None = None
    for line in render(text).split("\n"):
        table = _TABLE.match(line)
        if table:
            rows = []
            found.append((int(table.group(2)), rows))
        elif rows is None:
            continue
        elif line == "</table>":
            rows = None
        elif row := _ROW.match(line):
            rows.append((int(row.group(1)), []))
        elif cell := _CELL.match(line):
            rows[-1][1].append(cell.group(1))
    tables = []
    for end, ((_, header), *body) in found:
        last = body[-1][0] if body else end
        cells = tuple((number, tuple(row)) for number, row in body)
        tables.append(GfmTable(last - len(body) - 1, last, tuple(header), cells))
    return tables


def our_tables(text: str, doc: Document | None = None) -> list[GfmTable]:
    """Our tables in the same form, cells rendered by cmark-gfm one by one.

    Deliberate differences are normalised away here (and only here): a row keeps the extra
    cells it has beyond the header (column-count reports them; GitHub drops them) and is not
    padded (GitHub pads a short row with empty cells).
    """
    doc = doc or parse(text)
    cells: list[str] = []
    for table in doc.tables:
        cells.extend(table.header.cells)
        for row in table.rows:
            cells.extend(_as_github_shows(table, row.cells))
    rendered = iter(_rendered_cells(cells, text))
    tables = []
    for table in doc.tables:
        width = len(table.header.cells)
        header = tuple(next(rendered) for _ in range(width))
        rows = tuple((row.line, tuple(next(rendered) for _ in range(width))) for row in table.rows)
        tables.append(GfmTable(table.start_line, table.end_line, header, rows))
    return tables


def _as_github_shows(table: Table, cells: tuple[str, ...]) -> tuple[str, ...]:
    width = len(table.header.cells)
    return cells[:width] + ("",) * (width - len(cells))


def _rendered_cells(cells: list[str], text: str) -> list[str]:
    if not cells:
        return []
    # spaces around the cell, so a cell ending in a backslash does not escape the closing pipe
    source = "".join(f"|x|\n|-|\n| {cell} |\n\n" for cell in cells) + text
    rendered = _PLAIN_CELL.findall(render(source))[: len(cells)]
    assert len(rendered) == len(cells)
    return rendered


def assert_tables_match(text: str, doc: Document | None = None) -> None:
    """Our tables are cmark-gfm's: same spans, rows, lines and cells (after normalising)."""
    assert our_tables(text, doc) == gfm_tables(text)
