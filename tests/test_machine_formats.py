"""Machine formats (issue 21): JSON with the span's end, the fix's edits and the rule's URL; files
that could not be checked as JSON error entries and SARIF notifications; SARIF levels per rule;
--statistics telling rules fixable only with --unsafe-fixes from rules with no fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lint import HOMEPAGE
from lint.cli import main
from lint.output import span_end
from lint.rules import RULES
from tests.test_cli import JSON_KEYS
from tests.test_sarif import _schema_errors

ROOT = Path(__file__).resolve().parents[1]
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
PAPER = "| BigTrans: Augmenting Large Language Models | 2023.05 | 多语言模型 |\n"
SHORT_ROW = "# T\n\n| a | b | c |\n| - | - | - |\n| 1 | 2 |\n"
# one repeat in its table written in other case (unsafe fix; the list cross-lists it, the same
# row under two sections), one bad date (safe fix), a comment naming no rule (no fix), and a row
# off the compact layout its table keeps (safe fix)
MIXED = (
    f"# L\n\n### A\n\n{HEADER}{PAPER}| Other paper | 2023-6 | 摘要 |\n\n"
    f"### B\n\n{HEADER}{PAPER.lower()}{PAPER}\n<!-- lint-disable no-such-rule -->\n\n"
    "### C\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n|7|8|\n"
)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict]]:
    code = main(["--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_keeps_its_keys_and_adds_end_edits_url_and_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, (problem,) = run_json(capsys, str(write(tmp_path, "a.md", SHORT_ROW)))
    assert code == 1
    assert JSON_KEYS <= set(problem)
    assert set(problem) - JSON_KEYS == {"end_line", "end_column", "edits", "url", "kind"}
    assert problem["kind"] == "problem" and problem["fix"] == "safe"
    assert problem["url"] == f"{HOMEPAGE}#column-count"


def test_json_end_is_the_end_of_the_reported_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "a.md", MIXED)
    _, problems = run_json(capsys, "--select", "date-format,duplicate-entry", str(path))
    lines = MIXED.splitlines()
    spans = {
        p["name"]: lines[p["line"] - 1][p["column"] - 1 : p["end_column"] - 1] for p in problems
    }
    assert spans == {"date-format": "2023-6", "duplicate-entry": PAPER.split(" | ")[0][2:]}
    assert all(p["end_line"] == p["line"] for p in problems)


def _apply(text: str, edits: list[dict]) -> str:
    lines = text.splitlines()
    for edit in sorted(edits, key=lambda e: -e["start_line"]):
        lines[edit["start_line"] - 1 : edit["end_line"]] = edit["lines"]
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize(
    ("text", "select"),
    [(SHORT_ROW, "column-count"), (MIXED, "date-format"), (MIXED, "table-format")],
)
def test_json_edits_are_what_fix_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, select: str
) -> None:
    path = write(tmp_path, "a.md", text)
    _, problems = run_json(capsys, "--select", select, str(path))
    edits = {json.dumps(p["edits"]) for p in problems}
    assert len(edits) == len(problems) >= 1  # each problem's own fix
    expected = text
    for problem in sorted(problems, key=lambda p: -p["line"]):
        expected = _apply(expected, problem["edits"])
    assert main(["--fix", "--select", select, str(path)]) == 0
    assert path.read_text(encoding="utf-8") == expected


def test_every_rule_url_reaches_an_anchor_of_readmes_rule_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("<!-- rules:start -->") : readme.index("<!-- rules:end -->")]
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', table))
    assert anchors == {rule.NAME for rule in RULES}
    assert f"{HOMEPAGE.removeprefix('https://github.com/')}" in readme


def test_unreadable_files_are_error_entries_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "good.md", SHORT_ROW)
    (tmp_path / "latin1.md").write_bytes("# T\n\n| caf\xe9 |\n".encode("latin-1"))
    code, items = run_json(capsys, "good.md", "latin1.md", "missing.md")
    assert code == 2
    assert [(i["kind"], i["path"], i["code"]) for i in items] == [
        ("problem", "good.md", "T001"),
        ("error", "missing.md", None),
        ("error", "latin1.md", None),
    ]
    bad = items[2]
    assert (bad["line"], bad["column"]) == (3, 6) and "UTF-8" in bad["message"]
    assert all(set(item) == set(items[0]) for item in items)


def test_sarif_levels_per_rule_and_notifications_for_unreadable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", MIXED + "|1|2|3|\n")
    (tmp_path / "latin1.md").write_bytes(b"# T\n\xff\n")
    assert main(["--format", "sarif", "a.md", "latin1.md"]) == 2
    log = json.loads(capsys.readouterr().out)
    assert _schema_errors(log) == []
    (run,) = log["runs"]
    rules = {rule["name"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert all(rule["helpUri"] == f"{HOMEPAGE}#{name}" for name, rule in rules.items())
    assert "``" not in json.dumps([rule["help"] for rule in rules.values()])
    levels = {
        rules_by_id["name"]: rules_by_id["defaultConfiguration"]["level"]
        for rules_by_id in rules.values()
    }
    assert levels["table-format"] == "note"  # layout
    assert levels["column-count"] == levels["broken-table"] == "error"  # GitHub loses content
    assert levels["duplicate-entry"] == "warning"
    found = {(result["ruleId"], result["level"]) for result in run["results"]}
    assert ("T002", "note") in found and ("T001", "error") in found and ("P001", "warning") in found
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] >= region["startColumn"]
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    location = note["locations"][0]["physicalLocation"]
    assert note["level"] == "error" and location["artifactLocation"]["uri"] == "latin1.md"
    assert location["region"] == {"startLine": 2, "startColumn": 1}


def test_a_clean_run_is_a_successful_invocation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--format", "sarif", str(write(tmp_path, "a.md", "# T\n\nText.\n"))]) == 0
    (invocation,) = json.loads(capsys.readouterr().out)["runs"][0]["invocations"]
    assert invocation == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_statistics_mark_rules_fixable_only_with_unsafe_fixes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write(tmp_path, "a.md", MIXED))
    argv = ["--select", "P001,P002,M001", "--statistics", path]

    def marks(*options: str) -> dict[str, str]:
        main([*options, *argv])
        rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
        return {code: name[:3] for _, code, name in rows}

    assert marks() == {"P001": "[-]", "P002": "[*]", "M001": "[ ]"}
    assert marks("--unsafe-fixes") == {"P001": "[*]", "P002": "[*]", "M001": "[ ]"}
    main(["--format", "json", *argv])
    counts = {item["code"]: item for item in json.loads(capsys.readouterr().out)}
    assert {code: (c["fixable"], c["fix"]) for code, c in counts.items()} == {
        "P001": (False, "unsafe"),
        "P002": (True, "safe"),
        "M001": (False, None),
    }


@pytest.mark.parametrize(
    ("line", "column", "end"),
    [
        ("| title | 2023-6 |", 11, 17),  # a cell: to its last character
        ("| a \\| b | c |", 3, 9),  # an escaped pipe stays in the cell
        ("| a |  |", 7, 8),  # an empty cell: one blank
        ("| a | b", 7, 8),  # the last cell of a row without its closing pipe
        ("|a|b|", 3, 4),  # on a pipe: the pipe
        ("## A heading", 1, 13),  # outside a table: the rest of the line
        ("| a |", 6, 6),  # past the end: empty
    ],
)
def test_span_end(line: str, column: int, end: int) -> None:
    assert span_end(line, column) == end
