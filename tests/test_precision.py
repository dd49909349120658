"""The labelled evaluation's scripts (bench/precision/): labels match reports by line and rule,
a fix's unnamed changes are counted, and lists come out of a snapshot byte for byte. Every list
here is made up; no third-party list is used."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def load(name: str) -> ModuleType:
    """A module of bench/precision/, loaded by path (bench/ is not a package)."""
    path = REPO / "bench" / "precision" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"precision_{name}", path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


score = load("score")
materialize = load("materialize")

TWO_TABLES = """\
# Papers

| Date | Title |
| --- | --- |
| 2024.01 | Alpha |
| 2024.02 | Beta |

## More

|Date|Title|
|---|---|
|2024.03|Gamma|
"""


def report(line: int, code: str, message: str = "m", name: str = "x") -> dict[str, object]:
    return {"line": line, "code": code, "name": name, "message": message}


def label(line: int, rule: str, verdict: str, message: str = "m") -> dict[str, object]:
    return {"line": line, "rule": rule, "label": verdict, "message": message, "why": "w"}


def test_reports_match_labels_by_line_and_rule() -> None:
    reports = [report(5, "P001"), report(5, "T001"), report(6, "P001")]
    labels = [label(5, "P001", "true"), label(6, "T001", "false")]
    assert [verdict for _, verdict in score.match(reports, labels)] == ["true", None, None]


def test_a_shared_key_prefers_the_label_with_the_same_message() -> None:
    reports = [report(5, "P001", "second"), report(5, "P001", "first"), report(5, "P001")]
    labels = [label(5, "P001", "false", "first"), label(5, "P001", "true", "second")]
    assert [verdict for _, verdict in score.match(reports, labels)] == ["true", "false", None]


def test_recall_targets_are_true_labels_and_defects() -> None:
    spec = {
        "labels": [label(5, "P001", "true"), label(6, "T001", "debatable")],
        "defects": [{"line": 9, "rule": "P004", "why": "w"}],
    }
    assert score.recall_targets(spec) == [(5, "P001"), (9, "P004")]


def test_a_table_span_is_its_block_of_piped_lines() -> None:
    lines = score.split_lines(TWO_TABLES)
    assert list(score.table_span(lines, 5)) == [3, 4, 5, 6]
    assert list(score.table_span(lines, 11)) == [10, 11, 12]


@pytest.mark.parametrize(
    ("reports", "unnamed"),
    [
        ([], 2),  # nothing reported: the changed header and row are both unnamed
        ([report(12, "T001")], 1),  # the reported row is named, its header is not
        ([report(10, "T002", name="table-format")], 0),  # the whole table is named
        ([report(5, "T002", name="table-format")], 2),  # another table is named
    ],
)
def test_unnamed_changes(reports: list[dict[str, object]], unnamed: int) -> None:
    fixed = TWO_TABLES.replace("|Date|Title|", "| Date | Title |").replace(
        "|2024.03|Gamma|", "| 2024.03 | Gamma |"
    )
    assert score.unnamed_changes(TWO_TABLES, fixed, reports) == unnamed


def test_a_moved_row_is_named_where_it_lands() -> None:
    moved = TWO_TABLES.replace("| 2024.01 | Alpha |\n| 2024.02 | Beta |", "| 2024.02 | Beta |")
    moved = moved.replace("|2024.03|Gamma|", "|2024.03|Gamma|\n| 2024.01 | Alpha |")
    assert score.unnamed_changes(TWO_TABLES, moved, [report(5, "P003")]) == 0
    assert score.unnamed_changes(TWO_TABLES, moved, []) == 2


def test_a_removed_copy_of_a_reported_line_is_named() -> None:
    """Of two identical rows the diff may show the first removed where the fix removed the
    reported second: the same edit, not an unnamed change."""
    twice = TWO_TABLES.replace("| 2024.02 | Beta |", "| 2024.02 | Beta |\n| 2024.02 | Beta |")
    assert score.unnamed_changes(twice, TWO_TABLES, [report(7, "P001")]) == 0
    assert score.unnamed_changes(twice, TWO_TABLES, [report(5, "P001")]) == 1


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_score_runs_the_tool_and_counts_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lists, folder = tmp_path / "lists", tmp_path / "md"
    lists.mkdir()
    folder.mkdir()
    text = TWO_TABLES.replace("| 2024.02 | Beta |", "| 2024.02 | Beta |\n| 2024.02 | Beta |")
    (folder / "me__list__README.md").write_text(text, encoding="utf-8")
    (folder / "not__labelled.md").write_text(text, encoding="utf-8")
    spec = {"id": "me__list__README", "labels": [label(7, "P001", "true")], "defects": []}
    (lists / "me__list__README.json").write_text(json.dumps(spec), encoding="utf-8")
    unlabelled = tmp_path / "unlabelled.jsonl"
    argv = [str(folder), "--lists", str(lists), "--unlabelled", str(unlabelled), "--no-fix"]
    assert score.main(argv) == 0
    out = capsys.readouterr().out
    assert "| P001 duplicate-entry | 1 | 1 | 0 | 0 | 0 | 100% | 1/1 |" in out
    assert "not__labelled" not in out
    records = [json.loads(line) for line in unlabelled.read_text(encoding="utf-8").splitlines()]
    assert all(record["id"] == "me__list__README" and record["context"] for record in records)
    assert all((record["line"], record["rule"]) != (7, "P001") for record in records)


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_materialize_writes_lists_byte_for_byte(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    git("init", "-q", cwd=work)
    (work / "docs").mkdir()
    (work / "docs" / "LIST.md").write_bytes(b"| a |\r\n| - |\r\n| \xe4\xb8\xad |\r\n")
    git("add", ".", cwd=work)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "list", cwd=work)
    commit = git("rev-parse", "HEAD", cwd=work)
    mirror = tmp_path / "mirror"
    git("clone", "-q", "--bare", str(work), str(mirror / "me+list" / "repo"), cwd=tmp_path)
    specs = [
        {
            "id": "me__list__docs__LIST",
            "source": {"repo": "me/list", "commit": commit, "path": "docs/LIST.md"},
        },
        {
            "id": "gone__list__README",
            "source": {"repo": "gone/list", "commit": commit, "path": "README.md"},
        },
    ]
    out = tmp_path / "out"
    missing = materialize.materialize(specs, mirror, out)
    assert (
        out / "me__list__docs__LIST.md"
    ).read_bytes() == b"| a |\r\n| - |\r\n| \xe4\xb8\xad |\r\n"
    assert len(missing) == 1 and "gone/list" in missing[0] and commit in missing[0]
