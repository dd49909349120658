"""Runs the selected rules over a Document: text -> Document -> rules -> sorted Problems."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from lint import document, suppress
from lint.config import Config, ConfigError
from lint.problem import Problem
from lint.rules import RULES, duplicate_entry, lookup, unused_suppression
from lint.rules.duplicate_entry import Scope


def resolve_rules(keys: tuple[str, ...], option: str) -> set[ModuleType]:
    """The rules ``keys`` (codes, names or ALL) name; ConfigError names ``option`` for an
    unknown one."""
    rules: set[ModuleType] = set()
    for key in keys:
        if key.strip().upper() == "ALL":
            rules.update(RULES)
            continue
        rule = lookup(key)
        if rule is None:
            raise ConfigError(f"{option}: unknown rule {key!r} (see --list-rules)")
        rules.add(rule)
    return rules


def selected_rules(config: Config) -> tuple[ModuleType, ...]:
    """The rules ``config`` turns on, in registry order; an unknown code or name is an error."""
    if config.select is None:
        chosen = {rule for rule in RULES if rule.DEFAULT}
    else:
        chosen = resolve_rules(config.select, "select")
    chosen |= resolve_rules(config.extend_select, "extend-select")
    chosen -= resolve_rules(config.ignore, "ignore")
    return tuple(rule for rule in RULES if rule in chosen)


def check(doc: document.Document, config: Config, scope: Scope | None = None) -> list[Problem]:
    """Every problem the selected rules find in ``doc``, by position, suppressions applied.

    ``scope`` holds the papers of the other files of a run (the CLI keeps one), for duplicates
    across files.
    """
    rules = selected_rules(config)
    problems = [problem for rule in rules for problem in _run(rule, doc, config, scope)]
    if suppress.has_directives(doc.lines):
        problems, unused = suppress.apply(problems, suppress.directives(doc.lines))
        if unused_suppression in rules:
            problems.extend(unused_suppression.report(unused))
    problems.sort(key=lambda problem: (problem.line, problem.column, problem.code))
    return problems


def _run(
    rule: ModuleType, doc: document.Document, config: Config, scope: Scope | None
) -> Iterator[Problem]:
    if scope is not None and rule is duplicate_entry:
        return duplicate_entry.check(doc, config, scope)
    found: Iterator[Problem] = rule.check(doc, config)
    return found


def lint_text(
    text: str, path: str = "<text>", config: Config | None = None, scope: Scope | None = None
) -> list[Problem]:
    """Parse ``text`` (BOM removed) and return its problems: the Python API for linting."""
    return check(document.parse(text, path), config or Config(), scope)
