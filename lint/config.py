"""The configuration file -> Config. Unknown keys and bad values are errors, with a suggestion.

A configuration is ``.llm4or-lint.toml`` or ``llm4or-lint.toml`` (the keys at the top level), or
a ``[tool.llm4or-lint]`` table in ``pyproject.toml``. The nearest directory at or above a linted
file that holds one of them gives that file's settings; within one directory the first of
``CONFIG_FILES`` wins (ruff's order); files are not merged; the command line's options come last.

Every key is optional; ``_KEYS`` below holds each one's converter, default and one-line doc, from
which README's configuration table is generated (``python -m lint.explain --update-readme``).
The date-format pattern syntax, with an example of each token, is in ``lint/dates/__init__.py``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

SECTION = "llm4or-lint"
# the files a configuration may live in, in the order one directory is searched
CONFIG_FILES = (".llm4or-lint.toml", "llm4or-lint.toml", "pyproject.toml")
# a setting that reads the document's own convention (lint/inference.py)
AUTO = "auto"
# trailing-cells: every row has exactly its header's cells
STRICT = "strict"


# one section's settings: (key, value) pairs, each value as its key's converter returns it
SectionSettings = tuple[tuple[str, Any], ...]


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message names the key."""


class Config(NamedTuple):
    """Settings every rule and the linter read; defaults are the list's own conventions."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    date_format: str = AUTO
    order: str = AUTO
    layout: str = AUTO
    trailing_cells: str = AUTO
    duplicate_scope: str = AUTO
    title_column: str | int | None = None
    date_column: str | int | None = None
    required_columns: tuple[str, ...] = ()
    header: tuple[str, ...] | None = None
    sections: tuple[tuple[str, SectionSettings], ...] = ()
    source: str | None = None


def _str_list(key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{key}: expected a list of strings, got {value!r}")
    return tuple(value)


def did_you_mean(word: object, choices: Iterable[str]) -> str:
    """`` (did you mean 'layout'?)`` for the choice closest to a mistyped ``word``, else ``""``."""
    if not isinstance(word, str):
        return ""
    import difflib

    folded = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(folded), n=1, cutoff=0.6)
    return f" (did you mean {folded[close[0]]!r}?)" if close else ""


def _choice(key: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        hint = did_you_mean(value, choices)
        raise ConfigError(f"{key}: expected one of {', '.join(choices)}, got {value!r}{hint}")
    return str(value)


def _column(key: str, value: Any) -> str | int:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ConfigError(f"{key}: expected a header name or a 1-based index, got {value!r}")
    if isinstance(value, int) and value < 1:
        raise ConfigError(f"{key}: column indexes start at 1, got {value}")
    return value


def _date_format(key: str, value: Any) -> str:
    if value == AUTO:
        return AUTO
    from lint.dates import StyleError, parse_style

    if not isinstance(value, str):
        raise ConfigError(f"{key}: expected a pattern such as YYYY.MM or MMM YYYY, got {value!r}")
    try:
        parse_style(value)
    except StyleError as error:
        raise ConfigError(
            f"{key}: {error}; expected a pattern such as YYYY.MM or MMM YYYY, got {value!r}"
        ) from None
    return value


def _header(key: str, value: Any) -> tuple[str, ...]:
    cells = _str_list(key, value)
    if not cells:
        raise ConfigError(f"{key}: expected the header's cells, got an empty list")
    return cells


def _roles(key: str, value: Any) -> tuple[str, ...]:
    roles = _str_list(key, value)
    for role in roles:
        _choice(key, role, ("title", "date"))
    return roles


# the keys a section may set for the tables under its heading
SECTION_KEYS = (
    "ignore",
    "title-column",
    "date-column",
    "order",
    "date-format",
    "duplicate-scope",
    "layout",
    "trailing-cells",
)


def _sections(key: str, value: Any) -> tuple[tuple[str, SectionSettings], ...]:
    """``{heading: {order: ..., ignore: [...]}}`` -> hashable pairs, each value checked."""
    if not isinstance(value, dict):
        raise ConfigError(f"{key}: expected a table of section headings, got {value!r}")
    sections = []
    for heading, settings in value.items():
        if not isinstance(settings, dict):
            raise ConfigError(f"{key}.{heading!r}: expected a table of settings, got {settings!r}")
        pairs = []
        for name, setting in settings.items():
            if name not in SECTION_KEYS:
                known = ", ".join(SECTION_KEYS)
                hint = did_you_mean(name, SECTION_KEYS)
                raise ConfigError(f"{key}.{heading!r}: unknown key {name!r}{hint} (known: {known})")
            pairs.append((name, _KEYS[name].convert(f"{key}.{heading!r}.{name}", setting)))
        sections.append((heading, tuple(pairs)))
    return tuple(sections)


class Key(NamedTuple):
    """One ``[tool.llm4or-lint]`` key: how its value is checked, and README's line about it.

    ``default`` is what README shows: a TOML value equal to Config's default (a test checks
    that), or words where the default is not a value a user could write.
    """

    convert: Callable[[str, Any], Any]
    default: str
    doc: str


def _one_of(*choices: str) -> Callable[[str, Any], str]:
    return lambda key, value: _choice(key, value, choices)


# One line per key; the attribute of Config is the key with "_" for "-". README's table between
# <!-- config:start --> and <!-- config:end --> is generated from here (python -m lint.explain).
_KEYS: dict[str, Key] = {
    "select": Key(
        _str_list, "rules on by default", "rules to run, codes or names; replaces the default set"
    ),
    "extend-select": Key(
        _str_list, "[]", "rules to run besides the selected ones (e.g. rules off by default)"
    ),
    "ignore": Key(_str_list, "[]", "rules not to run, codes or names"),
    "date-format": Key(
        _date_format,
        '"auto"',
        'how dates are written: "auto" (the list\'s own: the style most of its date columns of'
        " that kind use; none where no style holds a majority), or a pattern such as YYYY.MM,"
        " YYYY-MM-DD, MMM. YYYY or YYYY",
    ),
    "order": Key(
        _one_of(AUTO, "ascending", "descending", "off"),
        '"auto"',
        'row order by date (row-order): "auto" (each table\'s own direction; a table in no clear'
        ' order is not checked), "ascending", "descending" or "off"',
    ),
    "layout": Key(
        _one_of(AUTO, "aligned", "compact", "tight"),
        '"auto"',
        'table layout (table-format): "auto" (the style most tables keep in most rows; only'
        ' their rows off it are fixed, a list keeping none is not checked), "aligned" (as'
        ' prettier), "compact" (| a | b |) or "tight" (|a|b|)',
    ),
    "trailing-cells": Key(
        _one_of(AUTO, STRICT),
        '"auto"',
        'rows leaving out trailing cells or with empty extra ones (column-count): "auto" (reported'
        " only where the list does not leave cells out and the other rows fill them), or"
        ' "strict" (every row has exactly its header\'s cells)',
    ),
    "duplicate-scope": Key(
        _one_of(AUTO, "document", "section", "table"),
        '"auto"',
        'where a paper may appear only once (duplicate-entry): "auto" (across sections only in a'
        " list that never repeats a paper there; one paper's conflicting titles, dates and links"
        ' everywhere), "document", "section" or "table"',
    ),
    "title-column": Key(
        _column,
        "found by header name",
        "the title column: a header name or a 1-based index (a table without it: by name)",
    ),
    "date-column": Key(
        _column,
        "found by header name",
        "the date column: a header name or a 1-based index (a table without it: by name)",
    ),
    "required-columns": Key(
        _roles, "[]", 'columns every table must have, of "title" and "date" (missing-column)'
    ),
    "header": Key(
        _header,
        "any header",
        "the header every paper table must have, cell by cell (header-mismatch)",
    ),
    "sections": Key(
        _sections,
        "{}",
        "settings for the tables under a heading (as GitHub shows it; the innermost wins), e.g."
        ' [sections."Must read"] order = "off"; keys: ignore, title-column, date-column, order,'
        " date-format, duplicate-scope, layout, trailing-cells",
    ),
}


def documented_keys() -> list[tuple[str, str, str]]:
    """``(key, default, doc)`` for every key, in the order README's table lists them."""
    return [(key, entry.default, entry.doc) for key, entry in _KEYS.items()]


def key_name(source: str | None, key: str) -> str:
    """``key`` as the configuration file ``source`` spells it: under ``[tool.llm4or-lint]`` in
    pyproject.toml (and with no file, where README shows it), at the top level elsewhere."""
    if source is None or _is_pyproject(source):
        return f"[tool.{SECTION}] {key}"
    return key


def _is_pyproject(source: str | Path) -> bool:
    return Path(source).name == "pyproject.toml"


def from_mapping(table: Mapping[str, Any], source: str | None = None) -> Config:
    """Build a Config from a configuration's table, validating every key and value."""
    values: dict[str, Any] = {}
    where = f"{source}: " if source else ""
    for key, value in table.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            hint = did_you_mean(key, _KEYS)
            raise ConfigError(
                f"{where}unknown key {key_name(source, repr(key))}{hint} (known: {known})"
            )
        try:
            values[key.replace("-", "_")] = _KEYS[key].convert(key_name(source, key), value)
        except ConfigError as error:
            raise ConfigError(f"{where}{error}") from None
    return Config(**values, source=source)


def load(path: Path) -> Config:
    """Read one configuration file: ``[tool.llm4or-lint]`` of a pyproject.toml (defaults when
    the table is absent), the whole file of any other name."""
    try:
        data = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    pyproject = _is_pyproject(path)
    if pyproject and SECTION not in data:
        return Config(source=str(path))
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    try:
        document = tomllib.loads(data)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table = document.get("tool", {}).get(SECTION, {}) if pyproject else document
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.{SECTION}] must be a table")
    return from_mapping(table, str(path))


def find(start: Path) -> Path | None:
    """The configuration of ``start``: in the nearest directory at or above it that holds one,
    the first of ``CONFIG_FILES`` there (a pyproject.toml only with a ``[tool.llm4or-lint]``
    table)."""
    directory = start if start.is_dir() else start.parent
    directory = Path(os.path.abspath(directory))
    for candidate in (directory, *directory.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _mentions_section(path)):
                return path
    return None


def _mentions_section(pyproject: Path) -> bool:
    try:
        return f"tool.{SECTION}" in pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
