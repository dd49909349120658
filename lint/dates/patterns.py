"""Date patterns: the style a ``date-format`` string describes, and the wrappers around a date.

The pattern language (the tokens, with an example of each) is documented in the package
docstring, ``lint/dates/__init__.py``. A ``Style`` is a parsed pattern: wrappers (outermost
first), elements (tokens and the literal separators between them) and whether the day it shows
may be left out. ``pattern(parse_style(text)) == text`` for every pattern ``parse_style``
accepts. A cell's shape (``lint/dates/cells.py``) is a ``Style`` too, where ``M?``, ``D?`` and
``N?`` mark a month or day whose text fits either padding or name length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

YEARS = ("YYYY", "YY")
# month names: in full, abbreviated with a dot where English abbreviates (``Mar.``, ``Sept.``;
# ``May`` and, when written in full, ``June`` and ``July`` take none), with or without that dot
# (a list writing both freely), abbreviated without one
NAMES = ("MMMM", "MMM.?", "MMM.", "MMM")
MONTHS = (*NAMES, "MM", "M")
DAYS = ("DD", "D")
COMMENT_DAYS = ("<!--DD-->", "<!--D-->")
LOOSE = ("M?", "D?", "<!--D?-->")
TOKENS = YEARS + MONTHS + DAYS + COMMENT_DAYS + LOOSE
# the tokens a loose token stands for: a style's that accepts either (``M?``, ``MMM.?``), or a
# cell's whose text fits several (a month or day of 10 or more; ``May``; ``June`` and ``July``
# in full, names English often leaves unabbreviated among abbreviations)
EITHER = {
    "M?": ("MM", "M"),
    "D?": ("DD", "D"),
    "<!--D?-->": COMMENT_DAYS,
    "MMM.?": ("MMM.", "MMM"),
    "N?": ("MMM", "MMMM", "MMM.", "MMM.?"),
    "N!": ("MMMM", "MMM", "MMM.", "MMM.?"),
}
DAY_TOKENS = frozenset(DAYS + COMMENT_DAYS + ("D?", "<!--D?-->"))
MONTH_TOKENS = frozenset(MONTHS + ("M?", "N?", "N!"))
CJK_MARKS = frozenset("年月日号")
# what a literal separator cannot hold: the pattern language's own syntax
SYNTAX = frozenset("[]?")
EMPHASIS = ("**", "__", "*", "_")

_PATTERN_PIECE = re.compile(
    r"<!--(?:DD|D\??)-->|YYYY|YY|MMMM|MMM\.\?|MMM\.(?![^\s,])|MMM|MM|M\??|DD|D\??|\[|\]"
    r"|[^\[\]A-Za-z0-9<?]+|<(?!!--)"
)
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")

Wrapper = tuple[str, str]


class Style(NamedTuple):
    """A parsed pattern: wrappers (outermost first), elements (tokens and literal separators),
    and whether a day the elements show may be left out."""

    wrappers: tuple[Wrapper, ...]
    elements: tuple[str, ...]
    optional_day: bool


class StyleError(ValueError):
    """A pattern that is not a date style; the message says why."""


def split_wrappers(text: str) -> tuple[tuple[Wrapper, ...], tuple[Wrapper, ...], str]:
    """``(kinds, as written, inner)``: emphasis, code span and HTML element around ``text``
    (at most three, outermost first); a kind is how a style writes it (``<span>``, ``</span>``),
    as written keeps the attributes (``<span class="d">``)."""
    kinds: list[Wrapper] = []
    written: list[Wrapper] = []
    for _ in range(3):
        found = _wrapper(text)
        if found is None:
            break
        kind, actual, text = found
        kinds.append(kind)
        written.append(actual)
    return tuple(kinds), tuple(written), text


def _wrapper(text: str) -> tuple[Wrapper, Wrapper, str] | None:
    for marker in (*EMPHASIS, "`"):
        size = len(marker)
        if len(text) > 2 * size and text.startswith(marker) and text.endswith(marker):
            inner = text[size:-size]
            if inner.strip() == inner and not inner.startswith(marker[0]):
                return (marker, marker), (marker, marker), inner
    if text.startswith("<") and text.endswith(">") and not text.startswith("<!--"):
        return _element(text)
    return None


def _element(text: str) -> tuple[Wrapper, Wrapper, str] | None:
    """An HTML element around the whole text (``<span class="d">07-29</span>``)."""
    name = _TAG_NAME.match(text, 1)
    close_at = text.find(">")
    if name is None or close_at < name.end():
        return None
    tag = name.group()
    if close_at != name.end() and not text[name.end()].isspace():
        return None
    closing = f"</{tag}>"
    if not text.casefold().endswith(closing.casefold()) or close_at + 1 > len(text) - len(closing):
        return None
    opening = text[: close_at + 1]
    inner = text[close_at + 1 : len(text) - len(closing)]
    return (f"<{tag.casefold()}>", closing.casefold()), (opening, text[-len(closing) :]), inner


def inner(text: str) -> str:
    """The cell's text inside its wrappers."""
    return split_wrappers(text.strip())[2]


def wrapper_kinds(text: str) -> tuple[Wrapper, ...]:
    """The kinds of the cell's wrappers, as a style writes them (``<span>``, ``</span>``)."""
    return split_wrappers(text.strip())[0]


def wrappers_of(text: str) -> tuple[Wrapper, ...]:
    """The wrappers of a cell as written, outermost first (``<span class="x">``, ``</span>``)."""
    return split_wrappers(text.strip())[1]


def wrappers_fit(written: tuple[Wrapper, ...], wanted: tuple[Wrapper, ...]) -> bool:
    """True when a cell's wrappers are the style's, or the style's inside an emphasis: bold on
    one cell of a plain column highlights a row (an important paper), it is not a date style."""
    if written == wanted:
        return True
    return bool(written) and written[0][0] in EMPHASIS and written[1:] == wanted


@lru_cache(maxsize=256)
def parse_style(text: str) -> Style:
    """The style a pattern string describes; ``StyleError`` when it is not one."""
    wrappers, _, core = split_wrappers(text.strip())
    elements: list[str] = []
    bracket: list[int] = []
    position = 0
    while position < len(core):
        piece = _PATTERN_PIECE.match(core, position)
        if piece is None:
            raise StyleError(f"unexpected {core[position]!r} (tokens: YYYY YY MMMM MMM MM M DD D)")
        found = piece.group()
        position = piece.end()
        if found in "[]":
            bracket.append(len(elements))
        elif found in TOKENS or not elements or elements[-1] in TOKENS:
            elements.append(found)
        else:
            elements[-1] += found
    return _checked(tuple(wrappers), tuple(elements), bracket)


def _checked(wrappers: tuple[Wrapper, ...], elements: tuple[str, ...], bracket: list[int]) -> Style:
    kinds = [kind(element) for element in elements if element in TOKENS]
    if len(set(kinds)) != len(kinds):
        raise StyleError("each of year, month and day may appear once")
    if "d" in kinds and "m" not in kinds:
        raise StyleError("a day needs a month")
    if "y" not in kinds and not ("m" in kinds and "d" in kinds):
        raise StyleError("a pattern needs a year, or a month and a day")
    for literal in (element for element in elements if element not in TOKENS):
        if any(char.isalnum() and char not in CJK_MARKS for char in literal):
            raise StyleError(f"unexpected {literal!r}: separators hold no letters or digits")
    style = Style(wrappers, elements, False)
    if bracket:
        span = day_span(elements)
        if len(bracket) != 2 or span is None or (bracket[0], bracket[1]) != span:
            raise StyleError("brackets go around the day and its separator only: YYYY-MM[-DD]")
        style = style._replace(optional_day=True)
    return style


def kind(token: str) -> str:
    """``y``, ``m`` or ``d``: which component a token (or a cell's ``M?``) writes."""
    if token in DAY_TOKENS:
        return "d"
    return "m" if token in MONTH_TOKENS else "y"


def day_span(elements: Sequence[str]) -> tuple[int, int] | None:
    """The slice of ``elements`` holding the day and the separator that goes with it."""
    for index, element in enumerate(elements):
        if element not in DAY_TOKENS:
            continue
        if element.startswith("<!--"):
            return index, index + 1
        following = elements[index + 1] if index + 1 < len(elements) else None
        if following is not None and following.strip() in ("日", "号"):
            return index, index + 2
        if following is not None and index + 2 < len(elements):
            return index, index + 2
        # the separator before it goes with it; in a style without one (YYYYMMDD) the day alone
        joined = index and elements[index - 1] not in TOKENS
        return (index - 1 if joined else index), index + 1
    return None


def without_day(elements: Sequence[str]) -> tuple[str, ...]:
    """``elements`` with the day and its separator removed (month precision)."""
    span = day_span(elements)
    if span is None:
        return tuple(elements)
    return (*elements[: span[0]], *elements[span[1] :])


def months_alone(elements: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The ways a style of ``elements`` writes a date known only to its month: the day left out
    with the separator after it (``Jul 2018`` of ``MMM D, YYYY``), and, where the day stands
    between two separators of punctuation, with the one before it (``Jul, 2018``): lists write
    either."""
    alone = without_day(elements)
    span = day_span(elements)
    if span is None or span[1] - span[0] != 2 or not span[0]:
        return (alone,)
    before, after = elements[span[0] - 1], elements[span[1] - 1]
    if before in TOKENS or not set(before + after) <= _PUNCTUATION:
        return (alone,)
    other = (*elements[: span[0] - 1], *elements[span[0] + 1 :])
    return (alone,) if other == alone else (alone, other)


# the separators a day may stand between and leave either of behind (``Jul 4, 2018``)
_PUNCTUATION = frozenset(" ,./-")


def extension(elements: tuple[str, ...]) -> tuple[str, ...] | None:
    """A month style's elements with the day in its natural place, None when it has none (a
    two-digit year's: ``13.01.01`` would read as a day and month of 2001)."""
    tokens = [element for element in elements if element in TOKENS]
    if "YY" in tokens:
        return None
    if len(tokens) != 2 or kind(tokens[-1]) != "m":
        if len(tokens) == 2 and tokens[0] in NAMES and tokens[1] == "YYYY":
            return (tokens[0], " ", "D", ", ", "YYYY")  # Jul 4, 2018
        return None
    day = {"MM": "DD", "M": "D"}.get(tokens[-1], "D?")
    if elements[-1] in MONTHS:  # YYYY.MM -> YYYY.MM.DD, YYYYMM -> YYYYMMDD
        if len(elements) == 2:
            return (*elements, day)
        return (*elements, elements[-2], day)
    if elements[-1].strip() == "月":  # YYYY年MM月 -> YYYY年MM月DD日
        return (*elements, day, "日")
    return None


def pattern(style: Style) -> str:
    """The pattern string of ``style`` (``parse_style(pattern(style)) == style``)."""
    elements = list(style.elements)
    if style.optional_day:
        span = day_span(elements)
        if span is not None:
            elements.insert(span[1], "]")
            elements.insert(span[0], "[")
    core = "".join(elements)
    for opening, closing in reversed(style.wrappers):
        core = f"{opening}{core}{closing}"
    return core


def has_day(style: Style) -> bool:
    """True when the style writes a day (required or bracketed)."""
    return day_span(style.elements) is not None


def has_month(style: Style) -> bool:
    """True when the style writes a month (``YYYY`` alone does not)."""
    return any(element in MONTH_TOKENS for element in style.elements)


def has_year(style: Style) -> bool:
    """True when the style writes a year (``MM-DD`` does not)."""
    return any(element in YEARS for element in style.elements)
