"""Parts of a file a program writes and asks nobody to edit, or that are no Markdown: no report,
no fix there.

A bot marks what it writes between two comments, ``<!-- NAME:START … -->`` and
``<!-- NAME:END -->`` (all-contributors' ``ALL-CONTRIBUTORS-LIST``, a script's
``MILESTONES``). Where the start comment asks that its part not be edited ("Do not remove or
modify this section", "do not edit by hand"), or names all-contributors, the lines between are
the program's: a fix there is undone at its next run, and its layout is its own.

A page for a site generator (Jekyll, Hugo) opens with front matter, settings between two ``---``
lines; GitHub shows it as a table of settings, not as Markdown, so its ``title: …`` over the
closing ``---`` is no heading (CommonMark alone reads one there).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint.problem import Problem

_START = re.compile(r"<!--\s*([A-Za-z0-9_-]+):START\b.*?-->")
_KEEP_OUT = re.compile(r"(?i)\bdo\s+not\b|\bdon['’]t\b|all-contributors")
# a front matter's first setting: ``key: value`` (YAML), what tells it from a thematic break
# above a paragraph underlined as a heading
_SETTING = re.compile(r"[A-Za-z_][\w-]*:(\s|$)")


def front_matter(lines: Sequence[str]) -> tuple[int, int] | None:
    """The 1-based line span of the front matter the file opens with, or None."""
    if not lines or lines[0].rstrip() != "---":
        return None
    filled = next((line for line in lines[1:] if line.strip()), "")
    if not _SETTING.match(filled):
        return None
    last = next((n for n in range(2, len(lines) + 1) if lines[n - 1].rstrip() in ("---", "...")), 0)
    return (1, last) if last else None


def regions(lines: Sequence[str]) -> list[tuple[int, int]]:
    """The 1-based line spans, start and end comments included, of the parts a program
    writes and asks nobody to edit, and of the front matter."""
    opening = front_matter(lines)
    found: list[tuple[int, int]] = [opening] if opening else []
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
