"""``--format sarif``: the problems as one SARIF 2.1.0 log, which GitHub code scanning ingests.

One run; ``tool.driver.rules`` describes every registered rule (summary, documentation as help
text and URL, level); each result points at its rule and at a physical location whose URI is the
path as shown (relative to the current directory, so relative to the repository root in CI).
A file that could not be checked is a tool execution notification of level error, and the
invocation is then not successful.

The level is the linter's choice per rule (yamllint's way, not the rule's): ``error`` where
GitHub loses content (cells it drops, rows it cuts off from their table), ``note`` for layout and
for a suppression that silences nothing, ``warning`` for the rest.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Sequence
from pathlib import Path, PurePath
from types import ModuleType
from typing import Any
from urllib.parse import quote

from lint import __version__
from lint.explain import plain
from lint.report import Error, Report, rule_url
from lint.rules import RULES, summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {
    "column-count": "error",
    "broken-table": "error",
    "table-format": "note",
    "unused-suppression": "note",
}
DEFAULT_LEVEL = "warning"


def level(name: str) -> str:
    """The SARIF level of a rule's results."""
    return LEVELS.get(name, DEFAULT_LEVEL)


def rule_descriptor(rule: ModuleType) -> dict[str, Any]:
    """A SARIF reportingDescriptor for one rule module."""
    documentation = inspect.cleandoc(rule.__doc__ or "")
    return {
        "id": rule.CODE,
        "name": rule.NAME,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": documentation.split("\n\n")[0]},
        "help": {"text": plain(documentation)},
        "helpUri": rule_url(rule.NAME),
        "defaultConfiguration": {"enabled": bool(rule.DEFAULT), "level": level(rule.NAME)},
        "properties": {"fix": rule.FIX},
    }


def artifact_uri(path: str) -> str:
    """A URI reference for a shown path: relative paths stay relative, percent-encoded."""
    pure = PurePath(path)
    if pure.is_absolute():
        return Path(path).as_uri()
    return quote(pure.as_posix())


def result(report: Report, rule_index: dict[str, int]) -> dict[str, Any]:
    """A SARIF result: rule, message and the problem's line and column."""
    problem = report.problem
    location = {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(report.path), "uriBaseId": "%SRCROOT%"},
            "region": _region(report),
        }
    }
    item: dict[str, Any] = {
        "ruleId": problem.code,
        "level": level(problem.name),
        "message": {"text": problem.message},
        "locations": [location],
    }
    if problem.code in rule_index:
        item["ruleIndex"] = rule_index[problem.code]
    if problem.fix_safety is not None:
        item["properties"] = {"fix": problem.fix_safety}
    if report.suppressed:
        item["suppressions"] = [
            {"kind": "external", "justification": "recorded in llm4or-lint-suppressions.json"}
        ]
    return item


def _region(report: Report) -> dict[str, int]:
    region = {"startLine": report.problem.line, "startColumn": report.problem.column}
    if report.end_column:
        region.update(endLine=report.end_line, endColumn=report.end_column)
    return region


def notification(error: Error) -> dict[str, Any]:
    """A tool execution notification for an error of the run (a file that could not be read)."""
    item: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.path is not None:
        region = {"startLine": error.line, "startColumn": error.column}
        location = {"artifactLocation": {"uri": artifact_uri(error.path)}, "region": region}
        item["locations"] = [{"physicalLocation": location}]
    return item


def sarif_log(reports: Sequence[Report], errors: Sequence[Error] = ()) -> dict[str, Any]:
    """The whole log as plain data."""
    rule_index = {rule.CODE: index for index, rule in enumerate(RULES)}
    driver = {
        "name": "llm4or-lint",
        "version": __version__,
        "rules": [rule_descriptor(rule) for rule in RULES],
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [result(report, rule_index) for report in reports],
        "invocations": [
            {
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [notification(error) for error in errors],
            }
        ],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def as_sarif(reports: Sequence[Report], errors: Sequence[Error] = ()) -> str:
    """The SARIF log as indented JSON text."""
    return json.dumps(sarif_log(reports, errors), ensure_ascii=False, indent=2)
