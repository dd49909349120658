"""Runs the selected rules over a Document: Document -> Conventions -> rules -> sorted Problems.

For each document the engine reads the conventions once and hands them, with the settings and
the run's memo and scope, to every selected rule (``lint/context.py``); the problems of all rules
then pass through the parts a program writes (``lint/generated.py``) and the suppression comments
(``lint/suppress.py``) and are sorted by position.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING

from lint import document, generated, inference, sections, suppress
from lint.config import Config, ConfigError, did_you_mean
from lint.context import Context
from lint.memo import Memo
from lint.paper_index import Scope
from lint.problem import Problem
from lint.rules import RULES, lookup

if TYPE_CHECKING:
    from lint.online.metadata import Paper


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
            hint = did_you_mean(key, [name for r in RULES for name in (r.CODE, r.NAME)])
            raise ConfigError(f"{option}: unknown rule {key!r}{hint} (see --list-rules)")
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


def _code_of(name: str) -> str | None:
    rule = lookup(name)
    return None if rule is None else str(rule.CODE)


def context(
    doc: document.Document,
    config: Config,
    scope: Scope | None = None,
    memo: Memo | None = None,
    metadata: Mapping[str, Paper] | None = None,
) -> Context:
    """What every rule is handed with ``doc``: its conventions, read once, and its suppression
    comments, with the settings, ``memo`` (a new one when None), ``scope`` and ``metadata``.
    The conventions are read once per ``memo``: a fix asks again for those its check read."""
    memo = memo if memo is not None else Memo()
    key = (doc.path, doc.lines, config)
    found = memo.conventions.get(key)
    if found is None:
        found = memo.conventions[key] = inference.infer(doc, config, memo)
    directives: tuple[suppress.Directive, ...] = ()
    if suppress.has_directives(doc.lines):
        directives = tuple(suppress.directives(doc.lines, _code_of))
    return Context(config, found, memo, scope, directives, metadata)


def check(
    doc: document.Document,
    config: Config,
    scope: Scope | None = None,
    memo: Memo | None = None,
    metadata: Mapping[str, Paper] | None = None,
) -> list[Problem]:
    """Every problem the selected rules find in ``doc``, by position, suppressions applied.

    ``scope`` holds the papers of the other files of a run (the CLI keeps one), for duplicates
    across files; ``memo`` what the passes of a fix share; ``metadata`` the papers' metadata
    with ``--online``.
    """
    rules = selected_rules(config)
    given = context(doc, config, scope, memo, metadata)
    problems = [problem for rule in rules for problem in rule.check(doc, given)]
    written = generated.regions(doc.lines) if problems else []
    if written:  # the parts a program writes and asks nobody to edit
        problems = generated.outside(problems, written)
    if config.sections:  # rules a section ignores are not run there
        problems = sections.without_ignored(doc, config, problems, _code_of)
    if given.directives:
        problems = suppress.apply(problems, given.directives, {rule.CODE for rule in rules})
    problems.sort(key=lambda problem: (problem.line, problem.column, problem.code))
    return problems


def lint_text(
    text: str, path: str = "<text>", config: Config | None = None, scope: Scope | None = None
) -> list[Problem]:
    """Parse ``text`` (BOM removed) and return its problems: the Python API for linting."""
    return check(document.parse(text, path), config or Config(), scope)
