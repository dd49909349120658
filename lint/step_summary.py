"""The Markdown report for ``$GITHUB_STEP_SUMMARY``: all problems, counts per rule, fix command.

GitHub shows at most 10 error annotations per step, so the job summary carries the full list.
``render`` is pure; ``append`` adds its text to the file the variable names.
"""

from __future__ import annotations

import os
import shlex
from collections import Counter
from collections.abc import Sequence

from lint.problem import SAFE
from lint.report import Report

# a step summary holds at most 1 MiB; beyond this many rows the table is cut with a note
MAX_ROWS = 1000


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks flattened."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _problem_rows(reports: Sequence[Report]) -> list[str]:
    rows = [
        "| File | Line | Column | Code | Rule | Problem |",
        "| --- | --: | --: | --- | --- | --- |",
    ]
    for report in reports[:MAX_ROWS]:
        problem = report.problem
        rows.append(
            f"| {_cell(report.path)} | {problem.line} | {problem.column} | {problem.code} "
            f"| {problem.name} | {_cell(problem.message)} |"
        )
    if len(reports) > MAX_ROWS:
        rows.append(f"\n{len(reports) - MAX_ROWS} more problems not shown.")
    return rows


def _count_rows(reports: Sequence[Report]) -> list[str]:
    counts = Counter((r.problem.code, r.problem.name) for r in reports)
    fixable = Counter((r.problem.code, r.problem.name) for r in reports if r.problem.fix)
    rows = ["| Code | Rule | Problems | Fixable |", "| --- | --- | --: | --: |"]
    for (code, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rows.append(f"| {code} | {name} | {count} | {fixable[(code, name)]} |")
    return rows


def fix_commands(reports: Sequence[Report], paths: Sequence[str]) -> list[str]:
    """``llm4or-lint --fix PATHS``, plus the ``--unsafe-fixes`` form when it would do more."""
    target = (" " + shlex.join(paths)) if paths else ""
    commands = [f"llm4or-lint --fix{target}"]
    if any(r.problem.fix_safety not in (None, SAFE) for r in reports):
        commands.append(f"llm4or-lint --fix --unsafe-fixes{target}")
    return commands


def render(reports: Sequence[Report], paths: Sequence[str] = ()) -> str:
    """The whole summary as Markdown, ending with a newline."""
    if not reports:
        return "### llm4or-lint\n\nNo problems found.\n"
    files = len({r.path for r in reports})
    total = len(reports)
    parts = [
        f"### llm4or-lint: {total} problem{'s' if total != 1 else ''} "
        f"in {files} file{'s' if files != 1 else ''}",
        "\n".join(_problem_rows(reports)),
        "#### Problems per rule",
        "\n".join(_count_rows(reports)),
        "#### Fix",
        "Run locally, then commit the result (problems without a fix need an edit by hand):",
        "```bash\n" + "\n".join(fix_commands(reports, paths)) + "\n```",
    ]
    return "\n\n".join(parts) + "\n"


def append(reports: Sequence[Report], paths: Sequence[str]) -> str | None:
    """Append the summary to ``$GITHUB_STEP_SUMMARY`` when GitHub Actions sets it; the error's
    message when the file cannot be written, else None."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(render(reports, paths))
    except OSError as error:
        return f"{target}: cannot write the step summary: {error.strerror or error}"
    return None
