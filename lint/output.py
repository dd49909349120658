"""Report formats: problems of one or more files -> text. Pure functions; the CLI prints them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from lint.problem import SAFE, Problem

_RED, _BOLD, _DIM, _CYAN, _RESET = "\033[31m", "\033[1m", "\033[2m", "\033[36m", "\033[0m"


class Report(NamedTuple):
    """One problem located in a file, as the formats need it (``path`` as shown to the user)."""

    path: str
    problem: Problem


def text_line(report: Report, colour: bool = False, unsafe: bool = False) -> str:
    """``path:line:col: CODE [name] message`` plus ``[*]`` when ``--fix`` would repair it."""
    problem = report.problem
    fixable = problem.fix is not None and (unsafe or problem.fix.safety == SAFE)
    mark = " [*]" if fixable else ""
    if not colour:
        return (
            f"{report.path}:{problem.line}:{problem.column}: "
            f"{problem.code} [{problem.name}] {problem.message}{mark}"
        )
    return (
        f"{_BOLD}{report.path}{_RESET}:{problem.line}:{problem.column}: "
        f"{_RED}{_BOLD}{problem.code}{_RESET} {_DIM}[{problem.name}]{_RESET} "
        f"{problem.message}{_CYAN}{mark}{_RESET}"
    )


def summary_line(reports: Sequence[Report], unsafe: bool = False, fixed: int = 0) -> str:
    """The closing line: counts of problems, of fixable ones, and of fixes applied."""
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.")
    total = len(reports)
    if not total:
        parts.append("All checks passed!" if not fixed else "No problems left.")
        return " ".join(parts)
    safe = sum(1 for r in reports if r.problem.fix_safety == SAFE)
    hidden = sum(1 for r in reports if r.problem.fix_safety not in (None, SAFE))
    line = f"Found {total} problem{'s' if total != 1 else ''}"
    fixable = safe + hidden if unsafe else safe
    notes = []
    if fixable:
        option = "--fix --unsafe-fixes" if unsafe and hidden else "--fix"
        notes.append(f"{fixable} fixable with `{option}`")
    if hidden and not unsafe:
        notes.append(f"{hidden} more with `--fix --unsafe-fixes`")
    if notes:
        line += f" ({', '.join(notes)})"
    parts.append(line + ".")
    return " ".join(parts)


def as_json(reports: Sequence[Report]) -> str:
    """One JSON array: ``path, line, column, code, name, message, fix`` per problem."""
    import json

    items = [
        {
            "path": r.path,
            "line": r.problem.line,
            "column": r.problem.column,
            "code": r.problem.code,
            "name": r.problem.name,
            "message": r.problem.message,
            "fix": r.problem.fix_safety,
        }
        for r in reports
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(report: Report) -> str:
    """A GitHub Actions ``::error`` workflow command, escaped as the Actions toolkit does."""
    problem = report.problem
    title = _escape_property(f"{problem.code} {problem.name}")
    return (
        f"::error file={_escape_property(report.path)},line={problem.line},"
        f"col={problem.column},title={title}::{_escape_data(problem.message)}"
    )


def statistics(reports: Sequence[Report]) -> str:
    """Counts per rule, most frequent first: ``count  CODE  name  [*]``."""
    counts = Counter((r.problem.code, r.problem.name) for r in reports)
    fixable = {(r.problem.code, r.problem.name) for r in reports if r.problem.fix is not None}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return "\n".join(
        f"{count:>{width}}\t{code}\t{name}{'  [*]' if (code, name) in fixable else ''}"
        for (code, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
