"""Parts of a file a program writes and asks nobody to edit: no report, no fix there.

A bot marks what it writes between two comments, ``<!-- NAME:START … -->`` and
``<!-- NAME:END -->`` (all-contributors' ``ALL-CONTRIBUTORS-LIST``, a script's
``MILESTONES``). Where the start comment asks that its part not be edited ("Do not remove or
modify this section", "do not edit by hand"), or names all-contributors, the lines between are
the program's: a fix there is undone at its next run, and its layout is its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint.problem import Problem

_START = re.compile(r"<!--\s*([A-Za-z0-9_-]+):START\b.*?-->")
_KEEP_OUT = re.compile(r"(?i)\bdo\s+not\b|\bdon['’]t\b|all-contributors")


def regions(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The 1-based line spans, start and end comments included, of the parts a program
    writes and asks nobody to edit."""
    found: list[tuple[int, int]] = []
    for number, line in enumerate(lines, 1):
        if ":START" not in line:
            continue  # most lines: one substring test
        start = _START.search(line)
        if start is None or not _KEEP_OUT.search(start[0]):
            continue
        end = re.compile(rf"<!--\s*{re.escape(start[1])}:END\b")
        last = next((n for n in range(number + 1, len(lines) + 1) if end.search(lines[n - 1])), 0)
        if last:
            found.append((number, last))
    return found


def outside(problems: list[Problem], spans: Sequence[tuple[int, int]]) -> list[Problem]:
    """``problems`` but those on a line of ``spans``."""
    return [p for p in problems if not any(first <= p.line <= last for first, last in spans)]
