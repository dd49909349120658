"""Runs the selected rules over a Document: text -> Document -> rules -> sorted Problems."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from types import ModuleType
from typing import NamedTuple

from lint import conventions, document, suppress
from lint.config import Config, ConfigError, did_you_mean
from lint.problem import Fix, Problem
from lint.rules import (
    RULES,
    arxiv_date,
    column_count,
    date_format,
    duplicate_entry,
    empty_cell,
    lookup,
    missing_column,
    table_format,
    unused_suppression,
)
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


# rules whose problems in a table depend only on the table's lines, its conventions and the
# document's layout setting, and lie on the table's lines: a fix pass runs them again only on
# the tables it changed and moves the others' problems with their tables
TABLE_RULES = frozenset(
    (column_count, table_format, empty_cell, missing_column, date_format, arxiv_date)
)


class Checked(NamedTuple):
    """What ``check`` found in a document, kept for checking its next version: the problems
    (suppressions applied, by position), the table rules' problems per table as they were
    found, and the layout setting they were found under."""

    problems: list[Problem]
    tables: tuple[tuple[Problem, ...], ...]
    layout: tuple[str, str]


def check(doc: document.Document, config: Config, scope: Scope | None = None) -> list[Problem]:
    """Every problem the selected rules find in ``doc``, by position, suppressions applied.

    ``scope`` holds the papers of the other files of a run (the CLI keeps one), for duplicates
    across files.
    """
    return check_changed(doc, config, scope).problems


def check_changed(
    doc: document.Document,
    config: Config,
    scope: Scope | None = None,
    before: tuple[Checked, document.Document, set[int]] | None = None,
) -> Checked:
    """``check``, given what was found in the document's previous version when it is known:
    ``(found, previous document, indexes of the tables changed since)``. The table rules then
    run on the changed tables only, and the other tables' problems move with their tables."""
    rules = selected_rules(config)
    found = conventions.of(doc, config)
    layout = (found.layout.value, found.layout.source)
    if before is not None and before[0].layout == layout:
        tables = _tables_changed(doc, config, rules, *before)
    else:
        tables = _by_table(
            doc, [_run(rule, doc, config, scope) for rule in rules if rule in TABLE_RULES]
        )
    problems = [problem for found_in in tables for problem in found_in]
    problems += [
        p for rule in rules if rule not in TABLE_RULES for p in _run(rule, doc, config, scope)
    ]
    if suppress.has_directives(doc.lines):
        problems, unused = suppress.apply(problems, suppress.directives(doc.lines))
        if unused_suppression in rules:
            problems.extend(unused_suppression.report(unused))
    problems.sort(key=lambda problem: (problem.line, problem.column, problem.code))
    return Checked(problems, tables, layout)


def _tables_changed(
    doc: document.Document,
    config: Config,
    rules: tuple[ModuleType, ...],
    previous: Checked,
    old: document.Document,
    changed: set[int],
) -> tuple[tuple[Problem, ...], ...]:
    """The table rules' problems per table: found afresh in the ``changed`` tables (through a
    view of the document holding only them), moved from ``previous`` for the others."""
    tables = tuple(doc.tables[index] for index in sorted(changed))
    view = doc._replace(tables=tables)
    conventions.remember(view, conventions.view(conventions.of(doc, config), view))
    fresh = iter(
        _by_table(view, [rule.check(view, config) for rule in rules if rule in TABLE_RULES])
    )
    result: list[tuple[Problem, ...]] = []
    for index, table in enumerate(doc.tables):
        if index in changed:
            result.append(next(fresh))
        else:
            delta = table.start_line - old.tables[index].start_line
            result.append(
                _moved(previous.tables[index], delta) if delta else previous.tables[index]
            )
    return tuple(result)


def _by_table(
    doc: document.Document, found: list[Iterator[Problem]]
) -> tuple[tuple[Problem, ...], ...]:
    """The problems of each table of ``doc`` (each on one of its lines), in the order found."""
    starts = [table.start_line for table in doc.tables]
    tables: list[list[Problem]] = [[] for _ in starts]
    for problems in found:
        for problem in problems:
            tables[bisect_right(starts, problem.line) - 1].append(problem)
    return tuple(tuple(problems) for problems in tables)


def _moved(problems: tuple[Problem, ...], delta: int) -> tuple[Problem, ...]:
    """``problems`` of a table moved ``delta`` lines, with their fixes."""
    fixes: dict[int, Fix] = {}
    moved = []
    for problem in problems:
        fix = problem.fix
        if fix is not None:
            if id(fix) not in fixes:
                edits = tuple(
                    edit._replace(
                        start_line=edit.start_line + delta, end_line=edit.end_line + delta
                    )
                    for edit in fix.edits
                )
                fixes[id(fix)] = fix._replace(edits=edits)
            fix = fixes[id(fix)]
        moved.append(problem._replace(line=problem.line + delta, fix=fix))
    return tuple(moved)


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
