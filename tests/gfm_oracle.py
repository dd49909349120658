"""cmark-gfm as the oracle for our tables: the tables GitHub renders, compared with ours.

cmark-gfm's HTML (with source positions) gives every table's rows, their lines and each cell's
rendered HTML. Ours give raw Markdown cells; each is rendered by cmark-gfm alone in a
one-column table, so a cell we split wrongly (a pipe kept, or one split off) renders otherwise.
The document is appended to those one-cell tables so its link reference definitions apply.

``why_not_equivalent`` compares a fixed text with its original as GitHub shows both: what a safe
fix may change there is the safety contract (the tests and ``bench/fuzz.py`` use it).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_left
from html.parser import HTMLParser
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


# -- a fixed text against its original, as GitHub shows both (the safety contract) ----------

_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_WORD = re.compile(r"[A-Za-z]+|[0-9]+|[^\sA-Za-z0-9]")
_DATE_MARKS = set(".-/,:年月日号‐‑‒–—―−")

Cell = tuple[tuple[str, str], ...]  # ("t", text), ("<", tag), ("!", comment)
Row = tuple[Cell, ...]


class Rendered(HTMLParser):
    """What GitHub shows: the HTML outside tables, and each table's rows of cells."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.outside: list[str] = []
        self.tables: list[list[Row]] = []
        self.depth = 0
        self.row: list[Cell] | None = None
        self.cell: list[tuple[str, str]] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            self.tables.append([]) if self.depth == 1 else None
        elif not self.depth:
            self.outside.append(f"<{tag} {sorted(attrs)}>")
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif self.cell is not None:
            # white space in an attribute's value, as in text, is white space (row_key's view)
            spaced = sorted(
                (name, " ".join(value.split()) if value else value) for name, value in attrs
            )
            self.cell.append(("<", f"{tag} {spaced}"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
        elif not self.depth:
            self.outside.append(f"</{tag}>")
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(tuple(self.cell))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(tuple(self.row))
            self.row = None
        elif self.cell is not None:
            self.cell.append(("<", "/" + tag))

    def handle_data(self, data: str) -> None:
        words = " ".join(data.split())
        if not words:
            return
        if not self.depth:
            self.outside.append(words)
        elif self.cell is not None:
            self.cell.append(("t", words))

    def handle_comment(self, data: str) -> None:
        if not self.depth:
            self.outside.append(f"<!--{data}-->")
        elif self.cell is not None:
            # white space in a comment shows as little as between words (row_key collapses both)
            self.cell.append(("!", " ".join(data.split())))


def rendered(text: str) -> Rendered:
    """What GitHub shows of ``text``, for comparing two versions of a file."""
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return Rendered(html)


def _parts(cell: Cell) -> tuple[tuple[tuple[str, str], ...], list[int], tuple[str, ...]]:
    """A cell's markup in order, its numbers in order (month names as numbers) and its other
    words."""
    markup = tuple(token for token in cell if token[0] != "t")
    numbers: list[int] = []
    words: list[str] = []
    # NFKC: full-width digits are the same date (the contract's reading, lint/contract.py)
    text = unicodedata.normalize("NFKC", " ".join(text for kind, text in cell if kind == "t"))
    for word in _WORD.findall(text):
        if word.isdecimal():
            numbers.append(int(word))
        elif word[:3].lower() in _MONTHS and word.isalpha() and len(word) <= 9:
            numbers.append(_MONTHS.index(word[:3].lower()) + 1)
        elif word not in _DATE_MARKS:
            words.append(word.lower())
    return markup, numbers, tuple(words)


def _same_cell(old: Cell, new: Cell) -> bool:
    if old == new:
        return True
    (markup_a, numbers_a, words_a), (markup_b, numbers_b, words_b) = _parts(old), _parts(new)
    if markup_a != markup_b or words_a != words_b:
        return False
    # the same date components in any order (Jul 2018 -> 2018.07), or the same digits in the
    # same order, months and days of two digits (2023.5 <-> 202305, YYYYMM)
    digits = ["".join(f"{number:02d}" for number in found) for found in (numbers_a, numbers_b)]
    return sorted(numbers_a) == sorted(numbers_b) or digits[0] == digits[1]


def _moved(order: list[int]) -> int:
    tails: list[int] = []
    for value in order:
        slot = bisect_left(tails, value)
        tails[slot : slot + 1] = [value]
    return len(order) - len(tails)


def _matched(old_rows: list[Row], new_rows: list[Row]) -> list[int | None]:
    """For each new row, the original row it is (an identical one first, else one whose cells
    are the same as the contract reads them), or None."""
    free: dict[Row, list[int]] = {}
    for index, row in enumerate(old_rows):
        free.setdefault(row, []).append(index)
    matches: list[int | None] = [free[row].pop(0) if free.get(row) else None for row in new_rows]
    left = sorted(index for indexes in free.values() for index in indexes)
    for position, row in enumerate(new_rows):
        if matches[position] is None:
            candidates = [
                index
                for index in left
                if len(old_rows[index]) == len(row) and all(map(_same_cell, old_rows[index], row))
            ]
            # the one with most cells as they were: a row of an empty cell is the row that had
            # it, not its twin with "-" there (both rewritten alike, one removed as a duplicate)
            match = max(
                candidates,
                key=lambda index: sum(map(operator.eq, old_rows[index], row)),
                default=None,
            )
            if match is not None:
                left.remove(match)
                matches[position] = match
    return matches


def why_not_equivalent(original: str, fixed: str) -> str | None:
    """The first way ``fixed`` renders beyond the contract, or None."""
    before, after = rendered(original), rendered(fixed)
    if before.outside != after.outside:
        return "HTML outside tables changed"
    if len(before.tables) != len(after.tables):
        return f"{len(before.tables)} tables became {len(after.tables)}"
    for number, (old, new) in enumerate(zip(before.tables, after.tables, strict=True), 1):
        if old[:1] != new[:1]:
            return f"table {number}: header changed"
        old_rows, new_rows = old[1:], new[1:]
        matches = _matched(old_rows, new_rows)
        if None in matches:
            row = new_rows[matches.index(None)]
            return f"table {number}: a row changed or appeared: {row[:2]!r}"
        order = [match for match in matches if match is not None]
        used = set(order)
        for index, row in enumerate(old_rows):
            if index not in used and not any(old_rows[kept] == row for kept in used):
                return f"table {number}: a row was lost: {row[:2]!r}"
        if _moved(order) > max(3, len(old_rows) // 10):
            return f"table {number}: {_moved(order)} of {len(old_rows)} rows moved"
    return None
