"""Dates: one pattern language, one grammar for cells, one set of month names.

A date style is written as a pattern string, the value ``date-format`` accepts:

==================  ======================================  ==================================
token               meaning                                 pattern -> cell
==================  ======================================  ==================================
``YYYY``            four-digit year                         ``YYYY.MM`` -> ``2023.07``
``YY``              two-digit year                          ``M/DD/YY`` -> ``9/04/24``
``MM`` / ``M``      month, zero-padded / not                ``YYYY-M`` -> ``2023-7``
``MMM``             month abbreviated                       ``MMM YYYY`` -> ``Jul 2018``
``MMMM``            month name in full                      ``MMMM YYYY`` -> ``July 2018``
``MMM.``            abbreviated with a dot where English    ``MMM., YYYY`` -> ``Mar., 2024``,
                    abbreviates (``May`` takes none;        ``May, 2024``, ``Jun., 2024``
                    ``June``, ``July``, ``Sept.`` fit)
``MMM.?``           abbreviated, the dot written or not     ``MMM.?, YYYY`` -> ``Mar., 2024``
                                                            and ``Mar, 2024``
``DD`` / ``D``      day, zero-padded / not                  ``YYYY-MM-DD`` -> ``2024-12-09``
``M?`` / ``D?``     month / day, zero-padded or not         ``M/D?/YY`` -> ``9/2/22``, ``9/04/24``
``<!--DD-->``       a day kept in a trailing HTML comment   ``YYYY/MM<!--DD-->``
                                                            -> ``2023/11<!--30-->``
``[ ... ]``         the day is optional (mixed precision)   ``YYYY-MM[-DD]`` -> ``2023-07``
                                                            and ``2023-07-01``
``**…**``           bold (also ``*``, ``_``, ``__``)        ``**YYYY-MM-DD**`` -> ``**2026-05-13**``
`` `…` ``           code span                               `` `YYYY.MM` `` -> `` `2024.10` ``
``<tag>…</tag>``    an HTML element, any attributes         ``<span>MM-DD</span>``
                                                            -> ``<span class="d">07-29</span>``
==================  ======================================  ==================================

Anything else is a literal separator (no letters or digits besides CJK ``年``, ``月``, ``日``,
``号``; no ``[``, ``]`` or ``?``): ``YYYY年M月`` -> ``2023年5月``; ``MM-DD`` has no year
(``07-29`` under ``## 2024``); ``YYYY`` alone is a year. Four digits read as a year and, where
they can, as ``YYMM`` too (``2602``, the month an arXiv id's prefix gives): the column settles
which, and a tie goes to the year. A pattern needs a year or a month and day; a day needs a
month.

Precision is not style: a style without a day also accepts a cell that adds one in its natural
place (``YYYY.MM`` accepts ``2025.07.01``; ``YYYY年MM月`` accepts ``2023年05月17日``; ``MMM YYYY``
accepts ``Jul 4, 2018``) or in a trailing comment (``2023/11<!--30-->``); a day written in a
pattern is required unless bracketed. A year alone is a different style from a month.

Never guessed: a month of 13, a year before 1900, free text, a day/month order the style does
not settle, ``2025--01`` (a month lost between the dashes?). Dates more than 31 days after
today are the caller's to refuse (``is_future``).

Modules, one concern each, in the order they build on each other:

- ``values``: ``DateValue``, the month names, days in a month, the future limit;
- ``patterns``: ``Style``, ``parse_style``/``pattern``, the wrappers around a date;
- ``cells``: ``analyse``, every way the grammar reads a cell (``Reading``);
- ``reading``: ``read`` a cell in a column's style (dateparser for words the grammar does not
  know), ``matches``, year columns and year headings;
- ``writing``: ``write`` a value in a style;
- ``inferring``: ``choose_styles``, the style each of a list's date columns is checked against,
  read with the list's other columns of its kind (``column_style``: one column's own);
- ``habits``: what a list writes across all its date columns (months spelled in full, spans of
  years).

The names below are the API the rest of ``lint`` uses.
"""

from __future__ import annotations

from lint.dates.cells import Cell, Reading, analyse
from lint.dates.habits import spelled_months, year_spans
from lint.dates.inferring import (
    ASIDES_SHOWN,
    DEFAULT_STYLE,
    DOCUMENT,
    NONE,
    TABLE,
    VENUE_YEARS_SHOWN,
    YEARS_ALONE_SHOWN,
    Choice,
    ColumnStyle,
    DateColumn,
    choose_styles,
    column_style,
    date_text,
    written_texts,
)
from lint.dates.patterns import (
    Style,
    StyleError,
    Wrapper,
    has_day,
    has_month,
    has_year,
    inner,
    parse_style,
    pattern,
    wrapper_kinds,
    wrappers_fit,
    wrappers_of,
)
from lint.dates.reading import (
    bare_year,
    comment_token,
    has_aside,
    matches,
    misspelt,
    read,
    read_alone,
    read_year,
    shape,
    venue_year,
    without_aside,
    year_column,
    year_hint,
    year_span,
)
from lint.dates.values import MIN_YEAR, DateValue, is_full_name, is_future, limit, month_number
from lint.dates.writing import write

__all__ = [
    "DEFAULT_STYLE",
    "DOCUMENT",
    "NONE",
    "TABLE",
    "VENUE_YEARS_SHOWN",
    "YEARS_ALONE_SHOWN",
    "Choice",
    "DateColumn",
    "choose_styles",
    "date_text",
    "venue_year",
    "MIN_YEAR",
    "Cell",
    "ColumnStyle",
    "DateValue",
    "Reading",
    "Style",
    "StyleError",
    "Wrapper",
    "analyse",
    "column_style",
    "comment_token",
    "has_day",
    "has_month",
    "has_year",
    "inner",
    "is_future",
    "limit",
    "matches",
    "misspelt",
    "parse_style",
    "pattern",
    "read",
    "read_alone",
    "read_year",
    "shape",
    "wrapper_kinds",
    "wrappers_fit",
    "wrappers_of",
    "write",
    "year_column",
    "bare_year",
    "year_span",
    "year_hint",
    "has_aside",
    "without_aside",
    "ASIDES_SHOWN",
    "spelled_months",
    "year_spans",
    "written_texts",
    "is_full_name",
    "month_number",
]
