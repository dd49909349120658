"""Writing a date in a style: the one way every rule and fix writes a date.

``write(DateValue(2024, 6), "MMM YYYY")`` gives ``Jun 2024``; a column's style is
``conventions.TableConventions.date_style.value`` (a pattern string) or a parsed ``Style``.
``write`` never invents a part and never drops a day: it gives None when the style cannot show
the value (a day-required style for a month, a month style for a year alone, a year style for a
year-less date).
"""

from __future__ import annotations

from lint.dates.patterns import (
    TOKENS,
    Style,
    Wrapper,
    extension,
    has_day,
    has_month,
    has_year,
    parse_style,
    split_wrappers,
    without_day,
    wrappers_fit,
)
from lint.dates.values import ABBREVIATIONS, DOTTED, FULL_NAMES, DateValue


def _render(token: str, value: DateValue) -> str:
    day = value.day or 0
    return {
        "YYYY": f"{value.year:04d}",
        "YY": f"{value.year % 100:02d}",
        "MMMM": FULL_NAMES[value.month],
        "MMM": ABBREVIATIONS[value.month],
        "MMM.": DOTTED[value.month],
        "MMM.?": DOTTED[value.month],
        "MM": f"{value.month:02d}",
        "M": str(value.month),
        "DD": f"{day:02d}",
        "M?": f"{value.month:02d}",
        "D?": f"{day:02d}",
        "<!--D?-->": f"<!--{day:02d}-->",
        "D": str(day),
        "<!--DD-->": f"<!--{day:02d}-->",
        "<!--D-->": f"<!--{day}-->",
    }[token]


def write(
    value: DateValue, style: str | Style, written_wrappers: tuple[Wrapper, ...] = ()
) -> str | None:
    """``value`` written in ``style`` (a pattern string or a parsed style); None when the style
    cannot show it without dropping a day or inventing a part. A month style without a day
    takes the day in its natural place or in a comment. ``written_wrappers`` (a cell's, as
    written: ``<span class="x">``) are kept when they are the style's kinds; a year or month the
    style does not show is left out (the caller decides whether that is safe).
    """
    wanted = parse_style(style) if isinstance(style, str) else style
    elements = _elements_for(value, wanted)
    if elements is None:
        return None
    if value.year == 0 and has_year(wanted):
        return None
    if not value.month and has_month(wanted):
        return None
    text = "".join(_render(e, value) if e in TOKENS else e for e in elements)
    kinds = tuple(split_wrappers(f"{o}x{c}")[0][0] for o, c in written_wrappers)
    wrappers = written_wrappers if wrappers_fit(kinds, wanted.wrappers) else wanted.wrappers
    for opening, closing in reversed(wrappers):
        text = f"{opening}{text}{closing}"
    return text


def _elements_for(value: DateValue, style: Style) -> tuple[str, ...] | None:
    if value.day is None:
        if has_day(style):
            return without_day(style.elements) if style.optional_day else None
        return style.elements
    if has_day(style) or not has_month(style):
        return style.elements
    return extension(style.elements) or (*style.elements, "<!--DD-->")
