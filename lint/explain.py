"""``--list-rules``, ``--explain`` and README's generated tables: rules and configuration keys.

The rules are described from their modules, the keys from lint/config.py. Regenerate the tables
between ``<!-- rules:start -->`` and ``<!-- rules:end -->`` and between ``<!-- config:start -->``
and ``<!-- config:end -->`` with::

    python -m lint.explain --update-readme README.md
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TextIO

from lint.config import documented_keys
from lint.rules import RULES, lookup, summary
from lint.width import width

START, END = "<!-- rules:start -->", "<!-- rules:end -->"
CONFIG_START, CONFIG_END = "<!-- config:start -->", "<!-- config:end -->"
_HEADER = ("Code", "Name", "Default", "Fix", "Summary")
_CONFIG_HEADER = ("Key", "Default", "Meaning")
_RST_CODE = re.compile(r"``([^`]+)``")
# reST literals in plain text: ``x``, or `` `x` `` for a literal that holds backticks
_LITERAL = re.compile(r"`` (`[^`]*`) ``|``([^`]+)``")


def rule_table() -> list[tuple[str, str, str, str, str]]:
    """``(code, name, default, fix, summary)`` for every rule, in registry order."""
    return [(rule.CODE, rule.NAME, _default(rule), rule.FIX, summary(rule)) for rule in RULES]


def _default(rule: ModuleType) -> str:
    """``on``, ``off``, or ``online`` for a rule that runs with ``--online`` only."""
    if getattr(rule, "ONLINE", False):
        return "online"
    return "on" if rule.DEFAULT else "off"


def list_rules() -> str:
    """Every rule on one line: code, name, default on/off, fix safety, summary."""
    rows = [tuple(cell.lower() for cell in _HEADER), *rule_table()]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4]
        for row in rows
    )


def _markdown(summary_text: str) -> str:
    """A docstring summary as Markdown: reST ````code```` as a code span, pipes escaped."""
    return _RST_CODE.sub(r"`\1`", summary_text).replace("|", "\\|")


def _layout(rows: Sequence[Sequence[str]]) -> str:
    """Rows (the header first) as a Markdown table laid out as prettier lays one out."""
    widths = [max(3, *(width(row[i]) for row in rows)) for i in range(len(rows[0]))]

    def line(cells: Sequence[str]) -> str:
        padded = (cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(cells))
        return "| " + " | ".join(padded) + " |"

    delimiter = "| " + " | ".join("-" * size for size in widths) + " |"
    return "\n".join([line(rows[0]), delimiter, *(line(row) for row in rows[1:])])


def markdown_table() -> str:
    """The rule table as Markdown."""
    return _layout(
        [
            _HEADER,
            *(
                (f"`{code}`", _anchored(name), default, fix, _markdown(text))
                for code, name, default, fix, text in rule_table()
            ),
        ]
    )


def _anchored(name: str) -> str:
    """A rule's name cell with the anchor its URL points at (``report.rule_url``): GitHub keeps
    the id (as ``user-content-NAME``, which ``#NAME`` reaches) and shows nothing of the tag."""
    return f'<a id="{name}"></a>`{name}`'


def config_table() -> str:
    """The ``[tool.llm4or-lint]`` keys as Markdown: key, default, meaning."""
    rows = [
        (f"`{key}`", f"`{default}`" if _is_value(default) else default, _markdown(doc))
        for key, default, doc in documented_keys()
    ]
    return _layout([_CONFIG_HEADER, *rows])


def _is_value(default: str) -> bool:
    """A TOML value (code span in README) rather than words describing the default."""
    return default[:1] in ('"', "[") or default in ("true", "false") or default.isdigit()


def _replace_block(text: str, start_marker: str, end_marker: str, table: str) -> str:
    start, end = text.find(start_marker), text.find(end_marker)
    if start == -1 or end < start:
        raise ValueError(f"no {start_marker} ... {end_marker} block")
    newline = "\r\n" if "\r\n" in text else "\n"
    table = table.replace("\n", newline)
    return text[: start + len(start_marker)] + newline * 2 + table + newline * 2 + text[end:]


def replace_rule_table(text: str) -> str:
    """``text`` with the generated table between the rule markers; ValueError without markers."""
    return _replace_block(text, START, END, markdown_table())


def replace_config_table(text: str) -> str:
    """``text`` with the generated table between the config markers; ValueError without them."""
    return _replace_block(text, CONFIG_START, CONFIG_END, config_table())


def plain(documentation: str) -> str:
    """A docstring as a person reads it in a terminal: reST's ````code```` as a `code` span
    (`` `x` ``, a literal holding backticks, as "x in backticks"), and a ``Fails::`` line
    introducing a literal block as ``Fails:``."""
    text = _LITERAL.sub(
        lambda m: f"{m[1][1:-1]} in backticks" if m[1] else f"`{m[2]}`", documentation
    )
    return re.sub(r"::$", ":", text, flags=re.MULTILINE)


def explain(key: str) -> str | None:
    """A rule's documentation (its module docstring) with its code, name and settings."""
    rule = lookup(key)
    if rule is None:
        return None
    header = (
        f"{rule.CODE} {rule.NAME} (default: {'on' if rule.DEFAULT else 'off'}, fix: {rule.FIX})"
    )
    text = f"{header}\n\n{plain(inspect.cleandoc(rule.__doc__ or ''))}"
    if rule.FIX != "none":
        from lint.contract import TEXT

        text += "\n\n" + TEXT
    return text


def explain_command(key: str | None, out: TextIO, err: TextIO) -> int:
    """Print the rule list, or one rule's documentation; exit 2 for an unknown rule."""
    if key is None:
        out.write(list_rules() + "\n")
        return 0
    text = explain(key)
    if text is None:
        err.write(f"llm4or-lint: error: unknown rule {key!r} (see --list-rules)\n")
        return 2
    out.write(text + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m lint.explain --update-readme README.md``: rewrite the tables that changed."""
    parser = argparse.ArgumentParser(prog="python -m lint.explain")
    parser.add_argument("--update-readme", metavar="PATH", required=True)
    args = parser.parse_args(argv)
    path = Path(args.update_readme)
    text = path.read_bytes().decode("utf-8")  # bytes: keep the line endings as they are
    updated, errors = text, []
    for replace in (replace_rule_table, replace_config_table):
        try:
            updated = replace(updated)
        except ValueError as error:  # a file may hold one of the tables
            errors.append(str(error))
    if len(errors) == 2:
        sys.stderr.write(f"{path}: {'; '.join(errors)}\n")
        return 2
    if updated != text:
        path.write_bytes(updated.encode("utf-8"))
        sys.stderr.write(f"{path}: generated tables updated\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
