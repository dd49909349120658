"""What a table's columns hold: the kind of each cell, and each column's kinds, words and fill.

Read by the conventions step from the rows that have the header's number of cells (the only ones
whose cells are sure to stand under their columns), and used to tell where the cells of a row
with missing or extra cells belong (``shift``): a year under the Title column, a link under a
column of names, ``**CVPR 2025**`` under a column of badges stand where the table never writes
such cells, and one column further they stand where it always does.

A cell's kind is one of ``empty``, ``placeholder`` (``-``, ``N/A``, ``TBD``, ``✘``: written
for nothing), ``date`` (a year, alone or with a month or a venue: ``2023.05``, ``May 2025``,
``CVPR 2025``), ``number`` (``7B``, ``1,000``), ``image`` (a badge), ``link`` (a cell that is
links) and ``text``. A column's words are the words of its cells (letters and digits, lower
case): model names, task names and venues repeat down a column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from lint.document import Table, is_pipeless
from lint.memo import Memo

EMPTY = "empty"
PLACEHOLDER = "placeholder"
DATE = "date"
NUMBER = "number"
IMAGE = "image"
LINK = "link"
TEXT = "text"

# a column needs this many full rows before what it holds is evidence
MIN_ROWS = 3
# a kind this rare in a column (share of its full rows) is out of place there
RARE = 0.05
# a text cell belongs to a column holding this share of its words (and none of the other's)
SHARED_WORDS = 0.5
# moved cells must fit their columns better by this much (a kind's share, or of their words)
MIN_GAIN = 0.25

_PLACEHOLDERS = frozenset(
    "- -- --- — – / \\ ? … ... n/a na none null nil tbd todo tba ✘ ✗ × ✔ ✓ x".split()
)
# emphasis and code marks around a cell's text (with white space: ``str.strip``'s, as ``\s``)
_MARKS = "*_~`"
# a placeholder is never longer than this (lower case is never shorter than a text)
_PLACEHOLDER_LENGTH = max(map(len, _PLACEHOLDERS))
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMBER = re.compile(r"[~<>≈]?\d[\d.,/]*\s*[%KkMmBbTt]?\+?")
_WORD = re.compile(r"[a-z0-9][a-z0-9.+\-]*[a-z0-9+]|[a-z0-9]")
_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_DESTINATION = re.compile(r"\]\([^)]*\)")


def kind(cell: str) -> str:
    """The kind of a cell's text (see the module's docstring)."""
    text = _bare(cell)
    if not text:
        return EMPTY
    if len(text) <= _PLACEHOLDER_LENGTH and (
        text.lower() in _PLACEHOLDERS or (len(text) <= 3 and not any(c.isalnum() for c in text))
    ):
        return PLACEHOLDER
    if text.startswith(("![", "[![", "<img", "<a href")) and ("![" in text or "<img" in text):
        return IMAGE
    if text.startswith("[") and _LINK.match(text):
        return LINK if not _LINK.sub("", text).strip(" ,/|·•") else TEXT
    if text.startswith(("http://", "https://")) and " " not in text:
        return LINK
    if len(text) <= 24 and _YEAR.search(text) and len(text.split()) <= 4:
        return DATE
    if len(text) <= 12 and _NUMBER.fullmatch(text):
        return NUMBER
    return TEXT


def words(cell: str) -> frozenset[str]:
    """The words of a cell's text outside link destinations, lower case."""
    text = cell.lower()
    if "](" in text:
        text = _DESTINATION.sub("]", text)
    return frozenset(_WORD.findall(text))


def _bare(cell: str) -> str:
    """A cell's text without the emphasis and code marks and white space around it: stripped
    of both in turn until neither is left (two C calls for most cells, no regex)."""
    text = cell
    while True:
        stripped = text.strip().strip(_MARKS)
        if stripped == text:
            return text
        text = stripped


class Column(NamedTuple):
    """What one column holds over a table's full rows: how many there are (``rows``), how many
    of them have a cell that is not empty (``filled``), each kind's count, and the words of its
    cells with how many cells have each."""

    rows: int
    filled: int
    kinds: tuple[tuple[str, int], ...]
    words: tuple[tuple[str, int], ...]

    def share(self, cell_kind: str) -> float:
        """The share of the column's full rows whose cell is of ``cell_kind``."""
        return dict(self.kinds).get(cell_kind, 0) / self.rows if self.rows else 0.0


class Shape(NamedTuple):
    """A table's columns, and how many of its rows have fewer cells than its header."""

    columns: tuple[Column, ...]
    short_rows: int


def shape(table: Table, memo: Memo | None = None) -> Shape:
    """What each column of ``table`` holds, read from its rows with the header's cell count.
    The kinds and words of a column are read only when a row has missing or extra cells (the
    only rows asked where they belong); how often a column is filled, always. Read once per
    ``memo`` for the same rows (a row's cells are those of its line's content)."""
    width = len(table.header.cells)
    if memo is None:
        return _shape(table, width)
    key = (width, tuple(row.content for row in table.rows))
    found: Shape | None = memo.shapes.get(key)
    if found is None:
        found = memo.shapes[key] = _shape(table, width, memo.columns)
    return found


def _shape(table: Table, width: int, known: dict[tuple[str, ...], Column] | None = None) -> Shape:
    read = [row for row in table.rows if not is_pipeless(row)]
    full = [row.cells for row in read if len(row.cells) == width]
    short = sum(1 for row in read if len(row.cells) < width)
    if len(full) == len(read) or known is None:
        detailed = len(full) < len(read)
        columns = tuple(_column([cells[i] for cells in full], detailed) for i in range(width))
        return Shape(columns, short)
    return Shape(tuple(_detailed([cells[i] for cells in full], known) for i in range(width)), short)


def _detailed(cells: list[str], known: dict[tuple[str, ...], Column]) -> Column:
    """``_column`` of a column read in detail, once per ``known`` for the same cells in any
    order: what it holds is counts (a fix's confirming check reads tables whose rows were
    reordered or laid out anew, and whose other columns are as they were)."""
    key = tuple(sorted(cells))
    found = known.get(key)
    if found is None:
        found = known[key] = _column(cells, True)
    return found


def _column(cells: list[str], detailed: bool) -> Column:
    if not detailed:
        texts = list(map(_bare, cells))
        return Column(len(texts), len(texts) - texts.count(""), (), ())
    kinds = list(map(kind, cells))
    # each text cell's words, gathered and counted once (a Counter's update is a Python call)
    found = [
        word
        for cell, cell_kind in zip(cells, kinds, strict=True)
        if cell_kind in (TEXT, LINK)
        for word in words(cell)
    ]
    filled = len(kinds) - kinds.count(EMPTY)
    counted = Counter(kinds).items(), Counter(found).items()
    return Column(len(kinds), filled, tuple(sorted(counted[0])), tuple(sorted(counted[1])))


def kept_filled(column: Column, share: float) -> bool:
    """True when at least ``share`` of the column's full rows (and ``MIN_ROWS``) fill it."""
    return column.filled >= MIN_ROWS and column.filled >= share * column.rows


class Shift(NamedTuple):
    """Where a row's cells stand off their columns: from cell ``start`` on, each belongs
    ``by`` columns to the right (a cell missing before it) or, when ``by`` is negative, to the
    left (one too many before it); ``shown`` is that cell's text."""

    start: int
    by: int
    shown: str


def shift(found: Shape, cells: Sequence[str]) -> Shift | None:
    """Where the cells of a row with missing or extra cells belong, when the table shows it: a
    cell stands where its kind (or, for text, its words) never occurs in its column, and from
    some cell on, moved by the number of missing (or extra) cells, every cell stands where
    such cells occur. None when the row's cells fit where they are, or nothing tells."""
    by = len(found.columns) - len(cells)
    if not by:
        return None
    best: tuple[float, int] | None = None
    for index in range(max(0, -by), len(cells)):  # among equals, the fewest cells moved
        gain = _gain(found, cells, index, by)
        if gain is not None and (best is None or gain >= best[0]):
            best = (gain, index)
    if best is None:
        return None
    return Shift(best[1], by, cells[best[1]])


def _gain(found: Shape, cells: Sequence[str], start: int, by: int) -> float | None:
    """How much better the cells from ``start`` on fit ``by`` columns over than where they are;
    None unless one of them is out of place where it is and none is once moved."""
    columns = found.columns
    gain = 0.0
    out_of_place = False
    for index in range(start + by, start):  # the cells one too many: whatever fit there is lost
        if index < len(columns):
            gain -= _fit(cells[index], columns[index])
    for index in range(start, len(cells)):
        moved = index + by
        if moved >= len(columns):
            if cells[index]:
                return None  # a cell moved past the last column would be dropped
            continue
        cell = cells[index]
        cell_kind = kind(cell)
        if cell_kind in (EMPTY, PLACEHOLDER):
            continue
        here = columns[index] if index < len(columns) else None
        there = columns[moved]
        if there.rows < MIN_ROWS:
            return None  # nothing tells what the column holds
        if there.share(cell_kind) <= RARE:
            return None
        gain += _fit(cell, there) - (0.0 if here is None else _fit(cell, here))
        if here is None:
            out_of_place = True  # past the last column: GitHub drops it
        elif here.rows >= MIN_ROWS and (
            _out_of_kind(cell, here, there) or _words_belong(cell, here, there)
        ):
            out_of_place = True
    return gain if out_of_place and gain >= MIN_GAIN else None


def _out_of_kind(cell: str, here: Column, there: Column) -> bool:
    """True for a cell of a kind its column (``here``) hardly holds, unless the column writes
    its words (``Apache 2.0``, linked where others are not); in a column its table leaves
    empty, only for a cell whose words the column it would move to writes (``LaVIN Code``
    under ``Code``): an empty column tells nothing of what it holds."""
    cell_kind = kind(cell)
    shown = here.share(cell_kind) + (here.share(LINK) if cell_kind == TEXT else 0.0)
    # text among links is a link's text written without it: a title not linked yet (a link
    # among text is no text: a link cell moved out of its column)
    if shown > RARE or _shared(cell, here) >= SHARED_WORDS:
        return False
    return bool(here.filled) or _shared(cell, there) >= SHARED_WORDS


def _fit(cell: str, column: Column) -> float:
    """How well a cell fits a column: the share of its kind there, and of its words; nothing
    for an empty cell or a placeholder, which fit anywhere."""
    cell_kind = kind(cell)
    if cell_kind in (EMPTY, PLACEHOLDER):
        return 0.0
    return column.share(cell_kind) + _shared(cell, column)


def _shared(cell: str, column: Column) -> float:
    """The share of a text cell's words the column's other cells use."""
    found = words(cell)
    if not found or kind(cell) not in (TEXT, LINK):
        return 0.0
    known = dict(column.words)
    return sum(1 for word in found if known.get(word, 0)) / len(found)


def _words_belong(cell: str, here: Column, there: Column) -> bool:
    """True for a text cell none of whose words its column uses, at least half of whose words
    the other column uses (two words or more)."""
    if kind(cell) != TEXT or len(words(cell)) < 2:
        return False
    return _shared(cell, here) == 0 and _shared(cell, there) >= SHARED_WORDS
