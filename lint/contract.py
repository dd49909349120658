"""The safety contract of a safe fix, checked in code before anything is written.

A safe fix may change white space and padding, move rows it reports as misplaced, remove a row
identical to another row of the same table, and rewrite a cell only to an equivalent: every date
component kept (a day is never dropped) and all markup kept (emphasis, code spans, links, HTML
tags and comments). Anything else is unsafe or has no fix. The fix loop (``lint/fix.py``) checks
the final text against the original with ``equivalent_cells`` and ``moved``, so a chain of safe
fixes obeys the contract as one fix does; a result that breaks it is never written (the fixes
that would break it are left out: ``fix._fix_carefully``).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence

from lint.dates.values import month_number
from lint.problem import row_key

# the contract as --explain prints it under every rule that has a fix (README says the same)
TEXT = """\
Safe and unsafe fixes: `--fix` applies only safe fixes, `--fix --unsafe-fixes` both. A safe fix
changes white space and padding, moves only rows it reports as misplaced (at most max(3, 10%)
of a table's rows), removes a row only when an identical row stays in its table, and rewrites a
cell only to an equivalent: every date component kept (a day is never dropped) and all markup
kept (emphasis, code spans, links, HTML tags and comments). Anything else is an unsafe fix or
has none. Safe fixes together obey this as one fix does, and the result is checked before it
is written: a fix that would break the contract is left out and named ("fix not applied"), and
the others are written."""

MOVE_LIMIT_SHARE = 10  # a safe fix moves at most max(3, 10%) of a table's rows
MOVE_LIMIT_MIN = 3

# characters that are markup (their sequence must survive), and those that only separate the
# parts of a date (a rewrite may change them)
_MARKERS = frozenset("`*_~[]()!\\|")
_SEPARATORS = frozenset(".-/,:~ 年月日号\t\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d")
# full-width forms of markup characters are text on GitHub (<!－－26－－> shows its 26): NFKC
# would make them markup, so they are set aside while a cell is normalised
_FULL_WIDTH_MARKUP = {
    0xFF00 + ord(char) - 0x20: 0xE000 + ord(char) for char in "<>-" + "".join(_MARKERS)
}
_RESTORED = {private: full for full, private in _FULL_WIDTH_MARKUP.items()}


class CellParts:
    """A cell split into its markup (tags, comments, markers in order), its date numbers (a
    month name as its number) and the rest of its words and symbols. Linear in the text."""

    def __init__(self, text: str) -> None:
        self.markup: list[str] = []
        self.numbers: Counter[int] = Counter()
        self.digits: list[str] = []  # the numbers in order, each at least two digits
        self.rest: list[str] = []
        normal = unicodedata.normalize("NFKC", text.translate(_FULL_WIDTH_MARKUP))
        self._read(normal.translate(_RESTORED))

    def _read(self, text: str) -> None:
        position, end = 0, len(text)
        no_close: set[str] = set()  # closers known to be absent from here on
        while position < end:
            char = text[position]
            if char == "<":
                closer = "-->" if text.startswith("<!--", position) else ">"
                close = -1 if closer in no_close else text.find(closer, position + 1)
                if close != -1:
                    stop = close + len(closer)
                    self.markup.append(text[position:stop])
                    position = stop
                    continue
                no_close.add(closer)
            if char.isdigit():
                stop = position
                while stop < end and text[stop].isdigit():
                    stop += 1
                self._number(int(text[position:stop]))
                position = stop
            elif char.isalpha() and char.isascii():
                stop = position
                while stop < end and text[stop].isascii() and text[stop].isalpha():
                    stop += 1
                self._word(text[position:stop].lower())
                position = stop
            else:
                if char in _MARKERS:
                    self.markup.append(char)
                elif char not in _SEPARATORS and not char.isspace():
                    self.rest.append(char)
                position += 1

    def _number(self, value: int) -> None:
        self.numbers[value] += 1
        self.digits.append(f"{value:02d}")

    def _word(self, word: str) -> None:
        month = month_number(word)
        if month is not None:
            self._number(month)
        else:
            self.rest.append(word)


def equivalent_cells(old: str, new: str) -> bool:
    """True when ``new`` is ``old`` rewritten within the contract: the same markup in the same
    order, the same date components (``Jul`` and ``07`` alike) and the same other words."""
    if old == new or " ".join(old.split()) == " ".join(new.split()):
        return True
    was, now = CellParts(old), CellParts(new)
    # the same numbers, or the same digits in the same order (2023.5 written YYYYMM: 202305)
    same_date = was.numbers == now.numbers or "".join(was.digits) == "".join(now.digits)
    return was.markup == now.markup and same_date and was.rest == now.rest


def move_limit(rows: int) -> int:
    """How many of a table's ``rows`` a safe fix may move."""
    return max(MOVE_LIMIT_MIN, rows // MOVE_LIMIT_SHARE)


def moved(order: Sequence[int]) -> int:
    """How many rows moved: those outside the longest increasing run of original positions."""
    tails: list[int] = []
    for position in order:
        slot = bisect_left(tails, position)
        tails[slot : slot + 1] = [position]
    return len(order) - len(tails)


def made_alike(
    rows: Sequence[tuple[str, ...]], rewrites: Mapping[int, tuple[str, ...]]
) -> dict[int, int]:
    """The rewrites (row index -> new cells) of a table that safe fixes may not make, each with
    the index of a row it would become identical to: a row must not end identical to a row it
    differed from as written. A safe fix removes a row only while an identical one stays, and
    safe fixes together obey the contract as one fix does: two rows made alike (``2023-05`` and
    ``2023.5``, both written ``2023.05``) would next be removed as copies, which neither was.
    A refused rewrite leaves its row as written, which may refuse others in turn."""
    refused: dict[int, int] = {}
    # each row compared as written and as rewritten, keyed once for every round
    keys = [row_key(cells) for cells in rows]
    new_keys = {index: row_key(new) for index, new in rewrites.items()}
    while True:
        written: dict[tuple[str, ...], dict[tuple[str, ...], int]] = {}
        for index, key in enumerate(keys):
            new_key = new_keys[index] if index in new_keys and index not in refused else key
            written.setdefault(new_key, {}).setdefault(key, index)
        more = {}
        for index, new_key in new_keys.items():
            if index in refused:
                continue
            origins = written[new_key]
            if len(origins) > 1:
                own = keys[index]
                more[index] = next(i for key, i in origins.items() if key != own)
        if not more:
            return refused
        refused.update(more)
