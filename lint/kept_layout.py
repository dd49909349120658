"""The layout a table keeps: the style most of its rows are written in, and the rows that are not.

Lists are laid out by hand, by an editor or by a formatter, and few keep every row in one style;
what a maintainer would accept as a layout is the style a clear majority of a table's rows are
in (``KEPT_SHARE``). A row is in

- ``tight`` when no cell has a space around it: ``|a|b|``;
- ``compact`` when every cell has one space on each side: ``| a | b |`` (an empty cell ``| |``);
- ``aligned`` when its pipes stand at the table's column widths: each cell padded to its
  column's width, or wider than the column with one space on each side (an editor lets a long
  cell overflow its column rather than pad the whole table again). A column's width is the one
  most of its padded cells have; widths are measured in display columns as prettier measures
  them (CJK and emoji count 2) or in characters (editors that count a CJK character as one),
  whichever aligns more of the table's rows; a cell padded as an editor measuring otherwise pads
  it (emoji one column wide, East Asian ambiguous characters such as ``×`` two) is padded too.
  A table most of whose tight rows space one cell's text (``| ACL21 |Title|``) keeps no tight
  style: its rows follow a layout of their own.

A style is read from the body rows: the header and the delimiter row are kept as written by every
style (lists pad a header over compact rows, and editors lay out a delimiter their own way).
White space after a line's last pipe is not part of a style; a row with more or fewer cells than
the header (column-count reports it) and a line without any pipe (broken-table) are not read.
``relaid`` rewrites only the rows off the kept style, so a fix never converts a table and never
touches the rows in it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import repeat, zip_longest
from typing import NamedTuple

from lint.document import Row, Table, _pieces, is_pipeless
from lint.full_width_bar import closed_by_full_width_bar
from lint.groups import dashed_label
from lint.layout import _EMPTY_COMPACT, _EMPTY_TIGHT, ALIGNED, COMPACT, TIGHT, _unescaping
from lint.memo import Memo
from lint.split_rows import split_rows
from lint.width import measured_otherwise, other_width, width

# a table keeps a style when at least this share of its body rows is in it (three in four)
KEPT_SHARE = 0.75
# a table with fewer body rows read tells little of its document's layout
EVIDENCE_ROWS = 3
# padding beyond one space on each side: the cell was padded to its column's width
_PADDED = 2

Measure = Callable[[str], int]


def characters(text: str) -> int:
    """Width in characters as a JavaScript editor counts them (UTF-16 code units): a CJK
    character counts 1, an emoji beyond the Basic Multilingual Plane 2."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class Kept(NamedTuple):
    """The style a table keeps, ``rows`` of the ``read`` rows it was read from being in it.

    For ``aligned``: ``widths`` holds each column's width (None for a column with no width most
    of its cells have: one space on each side of every cell), measured in characters when
    ``by_characters``, else in display columns."""

    style: str
    rows: int
    read: int
    widths: tuple[int | None, ...] = ()
    by_characters: bool = False

    def measure(self) -> Measure:
        """How this table measures a cell's width."""
        return characters if self.by_characters else width


def kept(table: Table, memo: Memo | None = None) -> Kept | None:
    """The style ``table`` keeps (None: no style holds ``KEPT_SHARE`` of its rows), read once
    per ``memo``."""
    return _reading(table, memo)[0]


# the style a table keeps and the indexes of its body rows off it (``off_style``'s)
Reading = tuple[Kept | None, tuple[int, ...]]


def _reading(table: Table, memo: Memo | None) -> Reading:
    """The style ``table`` keeps and the rows off it, read once per ``memo``: the rows off
    the style come out of the same reading of each row, so table-format need not read them
    again."""
    if memo is None:
        return _kept(table)
    key = (tuple(row.content for row in _rows(table)), table.prefixes)
    found: Reading | None = memo.kept_layouts.get(key)
    if found is None:
        found = memo.kept_layouts[key] = _kept(table)
    return found


def _rows(table: Table) -> tuple[Row, ...]:
    return (table.header, table.delimiter, *table.rows)


def _readable(table: Table, row: Row) -> bool:
    """False for a row with missing or extra cells (where its cells stand is column-count's
    question: a missing cell in its middle would leave the others under the wrong columns) and
    for a line without any pipe (broken-table's)."""
    return (
        len(row.cells) == len(table.header.cells)
        and not is_pipeless(row)
        and not closed_by_full_width_bar(row)  # column-count's: a pipe typed full width
        and not dashed_label(row)
    )


def _kept(table: Table) -> Reading:
    """Each style read from the rows in turn, a style dropped as soon as too many rows are off
    it to beat the styles before it (it could not win: among equals, the first wins, the one
    with fewest spaces); each row's cells measured once per measure."""
    split = split_rows(table)  # a row broken over two lines is one row, laid out by no line
    read = [
        index
        for index, row in enumerate(table.rows)
        if _readable(table, row) and index not in split and index + 1 not in split
    ]
    if not read:
        return None, ()
    body = [table.rows[index] for index in read]
    best: tuple[Kept, list[bool]] | None = None
    for style, widths, by_characters, in_style_rows in _candidates(len(table.header.cells), body):
        in_it = _rows_in(in_style_rows, len(body), None if best is None else best[0].rows)
        if in_it is not None and style == TIGHT and not _mostly_tight(body, in_it):
            continue  # most rows space one cell: a layout of their own, or compact
        if in_it is not None:
            best = Kept(style, sum(in_it), len(body), widths, by_characters), in_it
            if best[0].rows == len(body):
                break  # every row is in it: no later style can have more
    if best is None:
        return None, ()
    chosen, in_it = best
    off = tuple(
        index
        for index, row, kept_row in zip(read, body, in_it, strict=True)
        if not kept_row and not (chosen.style == COMPACT and _spaced(row))
    )
    return chosen, off


def _mostly_tight(body: list[Row], in_it: list[bool]) -> bool:
    """True when most rows in the tight style are tight all along: rows spacing one cell's text
    (``| CVPR |Title|``) are let in as a description copied as written, but a table where most
    rows space one cell keeps a layout of its own, which no row written tight would match."""
    kept = [row for row, kept_row in zip(body, in_it, strict=True) if kept_row]
    strict = sum(1 for row in kept if _unpadded(row, False, strictly=True))
    return strict * 2 > len(kept)


Candidate = tuple[str, tuple[int | None, ...], bool, Iterator[bool]]


def _candidates(columns: int, body: list[Row]) -> Iterator[Candidate]:
    """Each style a table may keep, in order, with its widths and measure, and whether each of
    the rows is in it, read lazily (a style every row is in ends the reading); the aligned
    style read with each measure (display columns, then characters), by characters only when
    some cell measures differently: the same widths would give the same count, and the first
    among equals wins."""
    for style in (TIGHT, COMPACT):
        yield style, (), False, (_unpadded(row, style == COMPACT) for row in body)
    pieces = [_enclosed(row) for row in body]
    padded = [None if cells is None else [_is_padded(piece) for piece in cells] for cells in pieces]
    by_display = _measured(body, pieces, width)
    widths = _widths(columns, by_display, padded, _other_widths(body, pieces))
    if widths is not None:
        yield ALIGNED, widths, False, map(_in_widths, pieces, by_display, repeat(widths))
    by_characters = _measured(body, pieces, characters)
    if by_characters != by_display:
        widths = _widths(columns, by_characters, padded)
        if widths is not None:
            yield ALIGNED, widths, True, map(_in_widths, pieces, by_characters, repeat(widths))


def _rows_in(in_style: Iterator[bool], read: int, best: int | None) -> list[bool] | None:
    """Which rows are in a style, or None once too many are off it for it to be kept
    (``KEPT_SHARE`` of the ``read`` rows) and to beat the ``best`` count so far."""
    allowed = read - KEPT_SHARE * read  # rows off it, at most
    if best is not None:
        allowed = min(allowed, read - best - 1)
    found = []
    off = 0
    for in_it in in_style:
        found.append(in_it)
        if not in_it:
            off += 1
            if off > allowed:
                return None
    return found


Sizes = list[list[int] | None]


def _measured(body: list[Row], pieces: list[list[str] | None], measure: Measure) -> Sizes:
    """Each row's enclosed cells measured by ``measure``; those of a row of printable ASCII
    (most of a list), which every measure counts alike, by their length."""
    return [
        None
        if cells is None
        else list(map(len, cells))
        if row.content.isascii() and row.content.isprintable()
        else list(map(measure, cells))
        for row, cells in zip(body, pieces, strict=True)
    ]


def _is_padded(piece: str) -> bool:
    """True for a cell with more white space around it than one space on each side: padded
    to its column's width."""
    return len(piece) - len(piece.strip(" \t")) > _PADDED


def _other_widths(body: list[Row], pieces: list[list[str] | None]) -> Sizes:
    """Each enclosed cell's width as an editor measuring otherwise pads it (emoji one column
    wide, ambiguous characters two: ``width.other_width``; -1 where it measures alike); None
    for rows without such characters or not read."""
    return [
        list(map(other_width, cells))
        if cells is not None and measured_otherwise(row.content)
        else None
        for row, cells in zip(body, pieces, strict=True)
    ]


def _widths(
    columns: int,
    measured: Sizes,
    padded: list[list[bool] | None],
    narrow: Sizes | None = None,
) -> tuple[int | None, ...] | None:
    """Each column's width: among the widths of its padded cells, the one most of its cells
    have (the narrower among equals); in a column with no padded cell, the width most of its
    cells have, when more than half do, else None (one space on each side of every cell). None
    for a table with no padded cell at all: it is not aligned. ``measured`` are the widths of
    the body rows' enclosed cells (``_enclosed``), ``padded`` which of them are padded."""
    rows = [sizes for sizes in measured if sizes is not None]
    flags = [found for found in padded if found is not None]
    if not any(map(any, flags)):
        return None
    narrower = _narrower(columns, measured, padded, narrow)
    # one column at a time (a row has as many enclosed cells as its header: ``_readable``)
    by_column = zip(zip_longest(*rows), zip_longest(*flags), strict=True)
    widths: list[int | None] = []
    for column, (sizes, flagged) in zip(range(columns), by_column, strict=False):
        count = Counter(sizes)
        count.pop(None, None)
        found = {size for size, pad in zip(sizes, flagged, strict=True) if pad}
        shown = set(count)
        # a cell with emoji counts at the width an editor drawing them narrow gives it too;
        # among equals the width cells have as shown wins
        count.update(narrower[column][0])
        found |= narrower[column][1]
        if found:
            widths.append(max(sorted(found), key=lambda w: (count[w], w in shown)))
            continue
        common = max(sorted(count), key=lambda w: count[w], default=None)
        most = common is not None and count[common] * 2 > sum(count.values())
        widths.append(common if most else None)
    widths.extend([None] * (columns - len(widths)))
    return tuple(widths)


def _narrower(
    columns: int, measured: Sizes, padded: list[list[bool] | None], narrow: Sizes | None
) -> list[tuple[Counter[int], set[int]]]:
    """For each column, the widths its cells with emoji have as drawn one column wide (where
    that differs from ``measured``), and those of its padded ones."""
    found: list[tuple[Counter[int], set[int]]] = [(Counter(), set()) for _ in range(columns)]
    for sizes, flags, narrows in zip(measured, padded, narrow or (), strict=False):
        if sizes is None or flags is None or narrows is None:
            continue
        for column, (size, pad, other) in enumerate(zip(sizes, flags, narrows, strict=False)):
            if column < columns and other >= 0 and other != size:
                found[column][0][other] += 1
                if pad:
                    found[column][1].add(other)
    return found


def _in_widths(
    pieces: list[str] | None, sizes: list[int] | None, widths: tuple[int | None, ...]
) -> bool:
    """``in_style`` for an aligned style, given a row's enclosed cells and their widths."""
    if pieces is None or sizes is None or len(pieces) > len(widths):
        return False
    if tuple(sizes) == widths:
        return True  # every cell at its column's width: most rows of an aligned table
    return all(
        _aligned_width(piece, size, column)
        for piece, size, column in zip(pieces, sizes, widths, strict=False)
    ) or _pipes_in_line(pieces, sizes, widths)


def _pipes_in_line(pieces: list[str], sizes: list[int], widths: tuple[int | None, ...]) -> bool:
    """True for a row padded by hand so that its pipes stand where the table's do: a cell
    wider than its column (``| 2016--ACM MM |``, ``| 2019--ICASSP|``), the next ones narrower
    until a pipe stands in line again."""
    over = 0  # how far the last pipe stands right of the table's
    for piece, size, column in zip(pieces, sizes, widths, strict=False):
        if column is None:
            return False
        if over and size <= column and piece[:1] == " " and piece[-1:] == " ":
            over -= column - size  # a spaced cell narrower than its column takes some back
            if over < 0:
                return False  # its pipe now stands left of the table's
        elif not over and (_aligned_width(piece, size, column) or size > column):
            over = size - column  # wider than its column, with its spaces or without
        else:
            return False
    return not over


def _aligned_width(piece: str, size: int, column: int | None) -> bool:
    """True for a cell ``size`` wide (as its table measures it) padded to ``column``, or as
    wide or wider with one space on each side."""
    if column is not None and size == column:
        return True
    if column is not None and not piece.isascii() and other_width(piece) == column:
        return True
    text = piece.strip(" \t")
    one_space = piece == f" {text} " or (not text and piece in (" ", "  "))
    return one_space and (column is None or size >= column)


def _enclosed(row: Row) -> list[str] | None:
    """The unstripped cells of a row written between a leading and a trailing pipe."""
    content = row.content.rstrip(" \t")
    if not content.startswith("|") or not content.endswith("|") or content.endswith("\\|"):
        return None
    return _pieces(content)[0]


def _unpadded(row: Row, spaced: bool, strictly: bool = False) -> bool:
    """True when ``row`` is compact (``spaced``) or tight (``strictly``: without one cell's
    text spaced, ``_one_cell_spaced``)."""
    content = row.content.rstrip(" \t")
    made = _unpadded_line(row.cells, spaced)
    if spaced:
        compact = _EMPTY_COMPACT.sub("| ", content)
        if made != compact and not content.isascii():
            # a cell ending in full-width punctuation written against its pipe (``…）|``):
            # the character's own width spaces it, and CJK writers leave the space out
            compact = _CLOSED_UP.sub(" |", compact)
        return made == compact
    if made == content or (" |" in content and made == _EMPTY_TIGHT.sub("", content)):
        return True
    return not strictly and _one_cell_spaced(row, made, content)


# a pipe right after a full-width closing mark: a bracket, a quote, a full stop
_CLOSED_UP = re.compile(r"(?<=[）」』】》〉。！？])\|")


def _one_cell_spaced(row: Row, made: str, content: str) -> bool:
    """True for a tight row but for white space at the edges of one cell's text
    (``|[a/b](…)|A tool that … |``): a description copied as written (a generator copies a
    repository's own), which GitHub shows as it shows the tight cell."""
    bare = content.replace("| |", "||") if "| |" in content else content
    if bare.count(" |") + bare.count("| ") > 2:
        return False  # spaces at more pipes than one cell's two: most rows of other layouts
    pieces = _enclosed(row)
    if pieces is None or len(pieces) != len(row.cells):
        return False
    spaced = [piece for piece in pieces if piece.strip(" \t") and piece != piece.strip(" \t")]
    if len(spaced) != 1:
        return False
    stripped = "|" + "|".join(piece.strip(" \t") for piece in pieces) + "|"
    return made == stripped


def _unpadded_line(cells: tuple[str, ...], spaced: bool) -> str:
    if spaced:
        return _EMPTY_COMPACT.sub("| ", "| " + " | ".join(cells) + " |")
    return "|" + "|".join(_unescaping(cells)) + "|"


def in_style(found: Kept, row: Row) -> bool:
    """True when ``row`` is in the style ``found`` (white space after its last pipe aside)."""
    if found.style != ALIGNED:
        return _unpadded(row, found.style == COMPACT)
    pieces = _enclosed(row)
    if pieces is None or len(pieces) > len(found.widths):
        return False
    measure = found.measure()
    return all(
        _aligned_piece(piece, column, measure)
        for piece, column in zip(pieces, found.widths, strict=False)
    )


def _aligned_piece(piece: str, column: int | None, measure: Measure) -> bool:
    """True for a cell padded to ``column``, or as wide or wider with one space on each side."""
    return _aligned_width(piece, measure(piece), column)


def off_style(table: Table, found: Kept) -> Iterator[int]:
    """The indexes of the body rows off the kept style; rows not read (missing or extra cells,
    no pipe) are never among them, nor, in a compact table, rows whose cells all have at least
    one space on each side: extra spaces there are as invisible in an editor as on GitHub, and a
    generator writing untrimmed data (``| text  |``) makes them, while a missing space
    (``| a |b|``) is the slip a maintainer fixes."""
    for index, row in enumerate(table.rows):
        if not _readable(table, row) or in_style(found, row):
            continue
        if found.style == COMPACT and _spaced(row):
            continue
        yield index


def _spaced(row: Row) -> bool:
    """True when every cell of ``row`` has at least one space on each side, between pipes."""
    pieces = _enclosed(row)
    return pieces is not None and all(
        piece[:1] == " " and piece[-1:] == " " or not piece.strip(" \t") for piece in pieces
    )


def relaid(
    table: Table, found: Kept, old: tuple[str, ...], memo: Memo | None = None
) -> tuple[str, ...]:
    """``old`` (the table's lines) with each row not in the kept style written in it; the other
    lines, the header and delimiter rows included, as they are. With ``memo``, the rows off
    the style the table keeps are those read with it (``kept``)."""
    new = list(old)
    for index in _off_rows(table, found, memo):
        row = table.rows[index]
        place = row.line - table.start_line
        if found.style == ALIGNED:
            written = _aligned_line(row, found, table.aligns)
        else:
            written = _unpadded_line(row.cells, found.style == COMPACT)
        new[place] = table.prefixes[place] + written
    return tuple(new)


def _off_rows(table: Table, found: Kept, memo: Memo | None) -> Iterable[int]:
    """``off_style``, read with the table's kept style when ``found`` is that style."""
    if memo is not None:
        kept_style, off = _reading(table, memo)
        if kept_style == found:
            return off
    return off_style(table, found)


def _aligned_line(row: Row, found: Kept, aligns: tuple[str, ...]) -> str:
    """A row with each cell not at its column's width padded to it (or given one space on each
    side when it is wider); the cells already at their width kept as written."""
    measure = found.measure()
    pieces = _enclosed(row) or [f" {cell} " for cell in row.cells]
    written = []
    for index, (piece, cell) in enumerate(zip(pieces, row.cells, strict=True)):
        column = found.widths[index]
        if _aligned_piece(piece, column, measure):
            written.append(piece)
            continue
        padding = 0 if column is None else column - 2 - measure(cell)
        if padding <= 0:
            written.append(f" {cell} ")  # it fits exactly, or overflows its column
            continue
        align = aligns[index] if index < len(aligns) else ""
        left = padding if align == "right" else padding // 2 if align == "center" else 0
        written.append(" " + " " * left + cell + " " * (padding - left) + " ")
    return "|" + "|".join(written) + "|"
