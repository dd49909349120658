"""What one check, or the passes of one fix, remember: results of pure functions, kept by value.

A list repeats itself (a fix pass re-reads every table it did not change; the conventions step
and a rule both read a table's layout styles), and these results depend only on the text they
are keyed by, so a later question with equal text gets the same answer. The engine makes one
``Memo`` per document it checks unless given one; a fix hands the same one to each pass. Nothing
here is module state: a memo lives as long as the check or the fix that made it.
"""

from __future__ import annotations

from typing import Any


class Memo:
    """Results kept by value. ``identities`` (a row's paper identity) is kept only when ``rows``
    is set, for the passes of a fix: a lint reads each row once, and keeping every row's
    identity would only grow its memory."""

    def __init__(self, rows: bool = False) -> None:
        # a table's lines in a layout style, by (style, lines, container prefixes)
        self.layouts: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
        # the layout styles a table is written in, by (lines, container prefixes)
        self.styles: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[str]] = {}
        # the layout a table keeps and its rows off it (lint/kept_layout.py), by (lines,
        # container prefixes)
        self.kept_layouts: dict[tuple[tuple[str, ...], tuple[str, ...]], Any] = {}
        # a table's rows giving one arXiv id and a readable date, by its rows and columns
        self.arxiv_rows: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        # date cells' verdicts by text, under a column's (style, years, year hint, venue-years)
        self.date_verdicts: dict[tuple[Any, ...], dict[str, Any]] = {}
        # what each column of a table holds (lint/column_shapes.py), by (header width, rows)
        self.shapes: dict[tuple[int, tuple[str, ...]], Any] = {}
        # what a column read in detail holds (lint/column_shapes.py), by its cells sorted: kept
        # only for the passes of a fix, which read tables again with their rows moved
        self.columns: dict[tuple[str, ...], Any] | None = {} if rows else None
        # the style a date column's cells use, by its cells (lint/dates/inferring.py)
        self.date_columns: dict[tuple[str, ...], Any] = {}
        # a table's lines with its rows off its kept layout rewritten, by (lines, layout, aligns)
        self.relaid: dict[tuple[Any, ...], tuple[str, ...]] = {}
        # whether a title column lists named things (lint/entities.py), by its cells
        self.things: dict[tuple[str, ...], bool] = {}
        # a document's conventions, by (path, lines, settings): a fix composes a table's fixes
        # with the conventions the check that offered them read (lint/compose.py)
        self.conventions: dict[tuple[str, tuple[str, ...], Any], Any] = {}
        # a row's paper identity, by (cells, title column, skipped column)
        self.identities: dict[tuple[Any, ...], Any] | None = {} if rows else None
