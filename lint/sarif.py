"""``--format sarif``: the problems as one SARIF 2.1.0 log, which GitHub code scanning ingests.

One run; ``tool.driver.rules`` describes every registered rule (summary, documentation as help
text, default level); each result points at its rule and at a physical location whose URI is the
path as shown (relative to the current directory, so relative to the repository root in CI).
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
from lint.output import Report
from lint.rules import RULES, summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def rule_descriptor(rule: ModuleType) -> dict[str, Any]:
    """A SARIF reportingDescriptor for one rule module."""
    documentation = inspect.cleandoc(rule.__doc__ or "")
    return {
        "id": rule.CODE,
        "name": rule.NAME,
        "shortDescription": {"text": summary(rule)},
        "fullDescription": {"text": documentation.split("\n\n")[0]},
        "help": {"text": documentation},
        "defaultConfiguration": {"enabled": bool(rule.DEFAULT), "level": "error"},
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
            "region": {"startLine": problem.line, "startColumn": problem.column},
        }
    }
    item: dict[str, Any] = {
        "ruleId": problem.code,
        "level": "error",
        "message": {"text": problem.message},
        "locations": [location],
    }
    if problem.code in rule_index:
        item["ruleIndex"] = rule_index[problem.code]
    if problem.fix_safety is not None:
        item["properties"] = {"fix": problem.fix_safety}
    return item


def sarif_log(reports: Sequence[Report]) -> dict[str, Any]:
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
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def as_sarif(reports: Sequence[Report]) -> str:
    """The SARIF log as indented JSON text."""
    return json.dumps(sarif_log(reports), ensure_ascii=False, indent=2)
