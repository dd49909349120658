"""Settings per section: ``[sections."<heading>"]`` applied to the tables under that heading.

A table's settings are the file's, then those of every section key naming one of the headings
above it (``headings.names``: as GitHub shows them), outermost first, so the innermost heading
wins; a section's ``ignore`` adds to the rules ignored. A key that names no heading of any file
of a run is a mistake the command line reports (``unmatched``), naming the closest heading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from lint.config import Config
from lint.headings import closest, names


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


def unmatched(config: Config, titles: Iterable[str]) -> list[tuple[str, str | None]]:
    """Each section key of ``config`` that names none of ``titles``, with the closest of them
    (None when there is no heading at all)."""
    seen = list(titles)
    return [
        (heading, closest(heading, seen))
        for heading, _ in config.sections
        if not any(names(heading, title) for title in seen)
    ]
