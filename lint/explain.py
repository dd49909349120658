"""``--list-rules`` and ``--explain``: the rules described from their own modules."""

from __future__ import annotations

import inspect
from typing import TextIO

from lint.rules import RULES, lookup, summary


def rule_table() -> list[tuple[str, str, str, str, str]]:
    """``(code, name, default, fix, summary)`` for every rule, in registry order."""
    return [
        (rule.CODE, rule.NAME, "on" if rule.DEFAULT else "off", rule.FIX, summary(rule))
        for rule in RULES
    ]


def list_rules() -> str:
    """Every rule on one line: code, name, default on/off, fix safety, summary."""
    rows = [("code", "name", "default", "fix", "summary"), *rule_table()]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4]
        for row in rows
    )


def explain(key: str) -> str | None:
    """A rule's documentation (its module docstring) with its code, name and settings."""
    rule = lookup(key)
    if rule is None:
        return None
    header = f"{rule.CODE} {rule.NAME} (default: {'on' if rule.DEFAULT else 'off'}, fix: {rule.FIX})"
    return f"{header}\n\n{inspect.cleandoc(rule.__doc__ or '')}"


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
