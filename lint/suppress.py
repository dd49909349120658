"""Inline suppressions, markdownlint-style: comments that turn rules off for part of a file.

Each comment stands alone on its line (outside fenced code), and names rules by code or name,
separated by spaces or commas; with no names it covers every rule::

    <!-- lint-disable duplicate-entry D002 -->   off from this line on ...
    <!-- lint-enable duplicate-entry -->         ... back on from this line
    <!-- lint-disable-next-line row-order -->    off for the next non-blank line only
    <!-- lint-disable-file -->                   off for the whole file
    | Paper | 2023.05 | x <!-- lint-disable-line row-order --> |   off for this line only

A comment line ends a GFM table (GitHub shows the rows below it as text), so one row of a table
is silenced from inside the row: ``lint-disable-line`` in any cell, usually the last, which
GitHub shows as nothing. It may share its line with anything, unlike the others. Unknown names
are reported by ``invalid-suppression``. This module is the suppression pass: after the rules,
it drops what the comments silence and, when ``unused-suppression`` is selected, reports the
comments that silenced nothing (that rule's problems are made here, not by a rule's check).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from itertools import repeat
from operator import contains
from typing import NamedTuple

from lint.lines import unfenced
from lint.problem import Problem

DISABLE, ENABLE, NEXT_LINE, FILE = "disable", "enable", "disable-next-line", "disable-file"
LINE = "disable-line"
_COMMENT = re.compile(
    r"^(?P<indent>\s*)<!--\s*lint-(?P<kind>disable-next-line|disable-file|disable|enable)"
    r"(?P<names>(?:[\s,]+[A-Za-z0-9_-]+)*)[\s,]*-->\s*$"
)
# inside a line (a table row): the names and the spaces between them are disjoint classes, so a
# match is found or refused in one pass from each "<!--"
_IN_LINE = re.compile(
    r"<!--\s*lint-(?P<kind>disable-line)(?P<names>(?:[\s,]+[A-Za-z0-9_-]+)*)[\s,]*-->"
)
_NAME = re.compile(r"[A-Za-z0-9_-]+")

# the opt-in rule whose problems this pass makes (``lint/rules/unused_suppression.py``)
UNUSED_CODE = "M002"
UNUSED_NAME = "unused-suppression"


class Directive(NamedTuple):
    """One suppression comment: 1-based line and column, kind, and the names it gives.

    ``names`` hold ``(name as written, 1-based column)``; ``codes`` the codes of the rules those
    names resolve to, or None when the comment names no rule and so covers every rule;
    ``unknown`` the names that match no rule; ``target`` is the line a ``disable-next-line``
    comment covers (0 if none follows).
    """

    line: int
    column: int
    kind: str
    names: tuple[tuple[str, int], ...]
    codes: frozenset[str] | None
    unknown: tuple[tuple[str, int], ...] = ()
    target: int = 0

    def covers(self, code: str) -> bool:
        """True when this comment names the rule ``code`` or names none at all."""
        return self.codes is None or code in self.codes


def has_directives(lines: Sequence[str]) -> bool:
    """Cheap test run before any parsing: does any line mention ``lint-``?"""
    return any(map(contains, lines, repeat("lint-")))  # a loop in C: it runs on every check


def directives(lines: Sequence[str], resolve: Callable[[str], str | None]) -> list[Directive]:
    """Every suppression comment in ``lines`` (1-based positions), in file order; ``resolve``
    gives the code of the rule a name (a code or a kebab-case name) names, or None."""
    found: list[Directive] = []
    for number, line in unfenced(lines):
        if "lint-" not in line:
            continue
        match = _COMMENT.match(line)
        if match:
            found.append(_directive(lines, number, match, resolve))
        elif "lint-disable-line" in line:
            found.extend(_directive(lines, number, m, resolve) for m in _IN_LINE.finditer(line))
    return found


def _directive(
    lines: Sequence[str], number: int, match: re.Match[str], resolve: Callable[[str], str | None]
) -> Directive:
    offset = match.start("names")
    names = tuple(
        (name.group(), offset + name.start() + 1) for name in _NAME.finditer(match.group("names"))
    )
    resolved = [resolve(name) for name, _ in names]
    codes = None if not names else frozenset(code for code in resolved if code is not None)
    unknown = tuple(name for name, code in zip(names, resolved, strict=True) if code is None)
    target = 0
    if match.group("kind") == NEXT_LINE:
        target = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), 0)
    if match.group("kind") == LINE:
        target = number
    column = (len(match.group("indent")) if "indent" in match.groupdict() else match.start()) + 1
    return Directive(number, column, match.group("kind"), names, codes, unknown, target)


class _Index:
    """The comments of a file arranged so that finding a problem's suppressor costs a look-up
    and a bisection, not a scan of every comment (a file may hold thousands of each)."""

    def __init__(self, found: Sequence[Directive]) -> None:
        self.found = found
        self.lines = [directive.line for directive in found]
        self.next_line: dict[int, list[Directive]] = {}
        for directive in found:
            if directive.kind in (NEXT_LINE, LINE) and directive.target:
                self.next_line.setdefault(directive.target, []).append(directive)
        self.by_code: dict[str, tuple[Directive | None, list[Directive | None]]] = {}

    def of_code(self, code: str) -> tuple[Directive | None, list[Directive | None]]:
        """The first ``disable-file`` covering ``code``, and the ``disable`` comment in force
        for ``code`` after each comment (None when none is)."""
        known = self.by_code.get(code)
        if known is None:
            first_file = next((d for d in self.found if d.kind == FILE and d.covers(code)), None)
            active: Directive | None = None
            states: list[Directive | None] = []
            for directive in self.found:
                if directive.kind == DISABLE and directive.covers(code):
                    active = directive
                elif directive.kind == ENABLE and directive.covers(code):
                    active = None
                states.append(active)
            known = self.by_code[code] = (first_file, states)
        return known

    def suppressor(self, problem: Problem) -> Directive | None:
        """The comment that silences ``problem``, or None when it stays reported: the first
        ``disable-file`` or ``disable-next-line`` aimed at its line that covers its rule, else
        the ``disable`` in force at its line."""
        code = problem.code
        first_file, states = self.of_code(code)
        aimed = next((d for d in self.next_line.get(problem.line, ()) if d.covers(code)), None)
        if first_file is not None or aimed is not None:
            found = [d for d in (first_file, aimed) if d is not None]
            return min(found, key=lambda directive: directive.line)
        index = bisect_right(self.lines, problem.line) - 1
        return states[index] if index >= 0 else None


def apply(
    problems: Sequence[Problem], found: Sequence[Directive], selected: Collection[str]
) -> list[Problem]:
    """The problems no comment silences, then, when ``unused-suppression`` is among the
    ``selected`` codes, one problem for each disabling comment that silenced nothing."""
    kept: list[Problem] = []
    used: set[tuple[int, int]] = set()
    index = _Index(found)
    for problem in problems:
        directive = index.suppressor(problem)
        if directive is None:
            kept.append(problem)
        else:
            used.add((directive.line, directive.column))
    if UNUSED_CODE in selected:
        # a comment naming only unknown rules is reported by invalid-suppression already
        kept.extend(
            _unused(d)
            for d in found
            if d.kind != ENABLE and d.codes != frozenset() and (d.line, d.column) not in used
        )
    return kept


def _unused(directive: Directive) -> Problem:
    names = " ".join(name for name, _ in directive.names) or "every rule"
    message = f'lint-{directive.kind} of "{names}" suppresses nothing: remove it'
    return Problem(directive.line, directive.column, UNUSED_CODE, UNUSED_NAME, message)
