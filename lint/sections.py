"""Settings per section: ``[sections."<heading>"]`` applied to the tables under that heading.

A table's settings are the file's, then those of every section key naming one of the headings
above it (``headings.names``: as GitHub shows them), outermost first, so the innermost heading
wins; a section's ``ignore`` adds to the rules ignored, for the tables and every other line of
the section (the engine drops those problems: ``without_ignored``). A key that names no heading
of any file of a run is a mistake the command line reports (``unmatched``), naming the closest
heading.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from lint.config import Config
from lint.document import Document
from lint.headings import closest, names
from lint.problem import Problem


def settings_for(config: Config, path: Sequence[str]) -> Config:
    """The settings of a table under the headings ``path`` (outermost first)."""
    if not config.sections or not path:
        return config
    changed = config
    for title in path:
        for heading, settings in config.sections:
            if names(heading, title):
                changed = _applied(changed, settings)
    return changed


def _applied(config: Config, settings: Iterable[tuple[str, Any]]) -> Config:
    values: dict[str, Any] = {}
    for key, value in settings:
        field = key.replace("-", "_")
        values[field] = config.ignore + tuple(value) if field == "ignore" else value
    return config._replace(**values)


def without_ignored(
    doc: Document,
    config: Config,
    problems: list[Problem],
    code_of: Callable[[str], str | None],
) -> list[Problem]:
    """``problems`` without those of rules a section they lie in ignores (a heading's section
    runs from its line to the next heading of its level or above); ``code_of`` gives a rule's
    code from its code or name."""
    if not any(key == "ignore" for _, settings in config.sections for key, _ in settings):
        return problems
    starts = [section.line for section in doc.sections]
    ignored: dict[tuple[str, ...], frozenset[str | None]] = {}
    kept = []
    for problem in problems:
        index = bisect_right(starts, problem.line) - 1
        path = doc.sections[index].path if index >= 0 else ()
        if path not in ignored:
            ignored[path] = frozenset(map(code_of, settings_for(config, path).ignore))
        if problem.code not in ignored[path]:
            kept.append(problem)
    return kept


def unmatched(config: Config, titles: Iterable[str]) -> list[tuple[str, str | None]]:
    """Each section key of ``config`` that names none of ``titles``, with the closest of them
    (None when there is no heading at all)."""
    seen = list(titles)
    return [
        (heading, closest(heading, seen))
        for heading, _ in config.sections
        if not any(names(heading, title) for title in seen)
    ]
