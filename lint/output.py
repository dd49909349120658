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
    mark = " [*]" if _fixable(problem, unsafe) else ""
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


def _fixable(problem: Problem, unsafe: bool) -> bool:
    """Whether ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) would repair the problem."""
    return problem.fix is not None and (unsafe or problem.fix.safety == SAFE)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def summary_line(
    reports: Sequence[Report], unsafe: bool = False, fixed: int = 0, errors: int = 0
) -> str:
    """The closing line: problems, how many each fix option repairs, fixes applied, errors.

    "All checks passed!" only when nothing was found and nothing failed.
    """
    parts = [f"Fixed {_plural(fixed, 'problem')}."] if fixed else []
    total = len(reports)
    if total:
        safe = sum(1 for r in reports if r.problem.fix_safety == SAFE)
        hidden = sum(1 for r in reports if r.problem.fix_safety not in (None, SAFE))
        notes = []
        if unsafe and safe + hidden:
            notes.append(f"{safe + hidden} fixable with `--fix --unsafe-fixes`")
        elif safe:
            notes.append(f"{safe} fixable with `--fix`")
        if hidden and not unsafe:
            notes.append(f"{hidden} fixable only with `--fix --unsafe-fixes`")
        note = f" ({'; '.join(notes)})" if notes else ""
        parts.append(f"Found {_plural(total, 'problem')}{note}.")
    if errors:
        parts.append(f"{_plural(errors, 'error')} (see above): not everything was checked.")
    elif not total:
        parts.append("No problems left." if fixed else "All checks passed!")
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


def _per_rule(reports: Sequence[Report], unsafe: bool) -> list[tuple[str, str, int, bool]]:
    """``(code, name, count, fixable)`` per rule, most frequent first; fixable when ``--fix``
    (with ``--unsafe-fixes`` when ``unsafe``) would repair some problem of the rule."""
    counts = Counter((r.problem.code, r.problem.name) for r in reports)
    fixable = {(r.problem.code, r.problem.name) for r in reports if _fixable(r.problem, unsafe)}
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(code, name, count, (code, name) in fixable) for (code, name), count in ordered]


def statistics_table(reports: Sequence[Report], unsafe: bool = False) -> str:
    """Counts per rule, most frequent first, as ruff prints them: ``count  CODE  [*] name``, where
    ``[*]`` means what it means on a problem line (``--fix`` repairs it; ``[ ]``: it does not)."""
    rows = _per_rule(reports, unsafe)
    width = max((len(str(count)) for _, _, count, _ in rows), default=1)
    any_fixable = any(fixable for *_, fixable in rows)
    return "\n".join(
        f"{count:>{width}}\t{code}\t{('[*] ' if fixable else '[ ] ') if any_fixable else ''}{name}"
        for code, name, count, fixable in rows
    )


def statistics_json(reports: Sequence[Report], unsafe: bool = False) -> str:
    """``--format json --statistics``: one JSON array of ``code, name, count, fixable`` (ruff's)."""
    import json

    items = [
        {"code": code, "name": name, "count": count, "fixable": fixable}
        for code, name, count, fixable in _per_rule(reports, unsafe)
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)


def render(
    output_format: str,
    reports: Sequence[Report],
    statistics: bool = False,
    unsafe: bool = False,
    colour: bool = False,
) -> str:
    """The report in one format: one document for json and sarif whatever the other options
    (``statistics`` turns json into counts per rule, as in ruff); problem lines, or counts per
    rule, for text and github."""
    if output_format == "json":
        return (statistics_json(reports, unsafe) if statistics else as_json(reports)) + "\n"
    if output_format == "sarif":
        from lint.sarif import as_sarif

        return as_sarif(reports) + "\n"
    if output_format == "github":
        lines = [github_line(report) for report in reports]
        if statistics and reports:
            lines.append(statistics_table(reports, unsafe))
    elif statistics:
        lines = [statistics_table(reports, unsafe)] if reports else []
    else:
        lines = [text_line(report, colour, unsafe) for report in reports]
    return "".join(line + "\n" for line in lines)
