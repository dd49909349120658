"""Report formats: problems of one or more files -> text. Pure functions; the CLI prints them.

The JSON format (one array) keeps its first keys (``path, line, column, code, name, message,
fix``) and adds what ruff's has: the end of the problem's span, the fix's edits beside its
safety, and the URL of the rule's documentation; a file that could not be checked is an entry
of kind ``error``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from lint.problem import SAFE, Problem
from lint.report import Error, Report, rule_url

_RED, _BOLD, _DIM, _CYAN, _RESET = "\033[31m", "\033[1m", "\033[2m", "\033[36m", "\033[0m"


def span_end(text: str, column: int) -> int:
    """The column just after a problem's span on its line ``text``: the rest of the cell it
    starts in (the next unescaped pipe, trailing blanks left out), the pipe alone when it
    starts on one, the rest of the line outside a table; empty at the end of the line."""
    start = column - 1
    if start >= len(text):
        return column
    if text[start] == "|":
        return column + 1
    end = start
    while end < len(text) and text[end] != "|":
        end += 2 if text[end] == "\\" else 1
    end = min(end, len(text))
    while end > start + 1 and text[end - 1] in " \t":
        end -= 1
    return end + 1


def text_line(report: Report, colour: bool = False, unsafe: bool = False) -> str:
    """``path:line:col: CODE [name] message`` plus ``[*]`` when ``--fix`` would repair it."""
    problem = report.problem
    mark = " [*]" if _fixable(problem, unsafe) else ""
    if report.suppressed:
        mark += " (suppressed)"
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


def _json_problem(report: Report, known: set[str]) -> dict[str, object]:
    problem = report.problem
    edits = problem.fix.edits if problem.fix else ()
    return {
        "path": report.path,
        "line": problem.line,
        "column": problem.column,
        "code": problem.code,
        "name": problem.name,
        "message": problem.message,
        "fix": problem.fix_safety,
        "end_line": report.end_line or problem.line,
        "end_column": report.end_column or problem.column,
        # replace lines start_line..end_line (1-based, inclusive) by ``lines``: the fix's edits
        "edits": [
            {
                "start_line": edit.start_line,
                "end_line": edit.end_line,
                "lines": list(edit.new_lines),
            }
            for edit in edits
        ],
        "url": rule_url(problem.name) if problem.name in known else None,
        "kind": "suppressed" if report.suppressed else "problem",
    }


def _json_error(error: Error) -> dict[str, object]:
    return {
        "path": error.path,
        "line": error.line,
        "column": error.column,
        "code": None,
        "name": None,
        "message": error.message,
        "fix": None,
        "end_line": error.line,
        "end_column": error.column,
        "edits": [],
        "url": None,
        "kind": "error",
    }


def suppressed_note(suppressed: int, unused: int) -> str:
    """What the summary line adds about bulk suppressions: problems silenced, and recorded
    problems no longer found."""
    notes = []
    if suppressed:
        notes.append(f"{_plural(suppressed, 'problem')} suppressed (--show-suppressed lists them).")
    if unused:
        notes.append(
            f"{_plural(unused, 'suppressed problem')} no longer found"
            " (--prune-suppressions drops them)."
        )
    return "".join(" " + note for note in notes)


def as_json(reports: Sequence[Report], errors: Sequence[Error] = ()) -> str:
    """One JSON array: an entry per problem (``path, line, column, code, name, message, fix``,
    then ``end_line, end_column, edits, url``), then an entry of kind ``error`` per file that
    could not be checked (its path, the place of its first bad byte, its message)."""
    import json

    from lint.rules import RULES

    known = {rule.NAME for rule in RULES}
    items = [_json_problem(report, known) for report in reports]
    items += [_json_error(error) for error in errors if error.path is not None]
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


class RuleCount(NamedTuple):
    """A rule's problems in a report: how many, whether the fix options given repair some of
    them (``fixable``), and the safest fix any of them has (``fix``: safe, unsafe or None)."""

    code: str
    name: str
    total: int
    fixable: bool
    fix: str | None


def _per_rule(reports: Sequence[Report], unsafe: bool) -> list[RuleCount]:
    """The counts per rule, most frequent first."""
    counts = Counter((r.problem.code, r.problem.name) for r in reports)
    fixable = {(r.problem.code, r.problem.name) for r in reports if _fixable(r.problem, unsafe)}
    safeties: dict[tuple[str, str], set[str]] = {}
    for r in reports:
        if r.problem.fix is not None:
            safeties.setdefault((r.problem.code, r.problem.name), set()).add(r.problem.fix.safety)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        RuleCount(code, name, count, (code, name) in fixable, _safest(safeties.get((code, name))))
        for (code, name), count in ordered
    ]


def _safest(safeties: set[str] | None) -> str | None:
    if not safeties:
        return None
    return SAFE if SAFE in safeties else sorted(safeties)[0]


def _mark(rule: RuleCount) -> str:
    if rule.fixable:
        return "[*] "
    return "[-] " if rule.fix is not None else "[ ] "


def statistics_table(reports: Sequence[Report], unsafe: bool = False) -> str:
    """Counts per rule, most frequent first, as ruff prints them: ``count  CODE  [*] name``, where
    ``[*]`` means what it means on a problem line (``--fix`` repairs it), ``[-]`` that only
    ``--fix --unsafe-fixes`` does, ``[ ]`` that no fix does."""
    rows = _per_rule(reports, unsafe)
    width = max((len(str(rule.total)) for rule in rows), default=1)
    marked = any(rule.fix is not None for rule in rows)
    return "\n".join(
        f"{rule.total:>{width}}\t{rule.code}\t{_mark(rule) if marked else ''}{rule.name}"
        for rule in rows
    )


def statistics_json(reports: Sequence[Report], unsafe: bool = False) -> str:
    """``--format json --statistics``: one JSON array of ``code, name, count, fixable`` (ruff's)
    and ``fix``, the safest fix of the rule's problems (``safe``, ``unsafe`` or null)."""
    import json

    items = [
        {"code": r.code, "name": r.name, "count": r.total, "fixable": r.fixable, "fix": r.fix}
        for r in _per_rule(reports, unsafe)
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)


def render(
    output_format: str,
    reports: Sequence[Report],
    statistics: bool = False,
    unsafe: bool = False,
    colour: bool = False,
    errors: Sequence[Error] = (),
) -> str:
    """The report in one format: one document for json and sarif whatever the other options
    (``statistics`` turns json into counts per rule, as in ruff); problem lines, or counts per
    rule, for text and github."""
    if output_format == "json":
        return (statistics_json(reports, unsafe) if statistics else as_json(reports, errors)) + "\n"
    if output_format == "sarif":
        from lint.sarif import as_sarif

        return as_sarif(reports, errors) + "\n"
    if output_format == "github":  # a silenced problem is no annotation
        lines = [github_line(report) for report in reports if not report.suppressed]
        if statistics and reports:
            lines.append(statistics_table(reports, unsafe))
    elif statistics:
        lines = [statistics_table(reports, unsafe)] if reports else []
    else:
        lines = [text_line(report, colour, unsafe) for report in reports]
    return "".join(line + "\n" for line in lines)
