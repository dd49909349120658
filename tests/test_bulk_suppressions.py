"""Bulk suppressions (issue 21, ESLint's model), through the command line: --suppress-all and
--suppress-rule record the problems left in llm4or-lint-suppressions.json beside the
configuration, keyed by file, rule and row identity with counts; recorded problems pass, new
ones fail; --prune-suppressions shrinks the record; --show-suppressed lists what it silences."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from lint.bulk_suppressions import FILE_NAME
from lint.cli import main
from tests.test_cli import error_lines

HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
BIGTRANS = "| [BigTrans](https://arxiv.org/abs/2305.18098) | 2023.05 | 多语言 |\n"
FLEXGEN = "| FlexGen: High-throughput Generative Inference | 2023.03 | 显存 |\n"
PANDA = "| PandaGPT: One Model To Instruction-Follow | 2023.05 | 多模态 |\n"
# a duplicate across sections (no safe fix) and a row out of order by more than a safe move may
# fix: both stay after --fix
LEGACY = (
    f"# 列表\n\n## A\n\n{HEADER}{BIGTRANS}{FLEXGEN}\n## B\n\n{HEADER}{PANDA}{BIGTRANS}"
    "\n## Empty\n\n## C\n\n| Setting | Notes |\n| --- | --- |\n| tool | x | extra |\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def record(directory: Path) -> dict[str, dict[str, dict[str, int]]]:
    data: dict[str, dict[str, dict[str, int]]] = json.loads(
        (directory / FILE_NAME).read_text(encoding="utf-8")
    )
    return data


def lint(*argv: str) -> tuple[int, list[dict[str, object]]]:
    """Exit code and JSON entries of a run (the entries read from the report file)."""
    code = main([*argv, "--format", "json", "-o", "report.json"])
    return code, json.loads(Path("report.json").read_text(encoding="utf-8"))


@pytest.fixture
def legacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    # a list naming each paper once (issue 17: else one repeat across sections is cross-listing)
    write(tmp_path / "pyproject.toml", '[tool.llm4or-lint]\nduplicate-scope = "document"\n')
    return write(tmp_path / "README.md", LEGACY)


def test_suppress_all_records_rows_not_lines_and_the_next_run_passes(legacy: Path) -> None:
    code, before = lint("README.md")
    assert code == 1 and len(before) == 3
    assert lint("--suppress-all", "README.md") == (0, [])
    recorded = record(legacy.parent)
    assert list(recorded) == ["README.md"]
    rules = recorded["README.md"]
    assert rules["duplicate-entry"] == {"arxiv:2305.18098": 1}
    assert rules["empty-section"] == {"line:## Empty": 1}
    assert rules["column-count"] == {"row:Setting | Notes || tool | x | extra": 1}
    assert sum(sum(keys.values()) for keys in rules.values()) == len(before)
    assert not any(key.isdigit() for keys in rules.values() for key in keys)
    assert lint("README.md") == (0, [])
    # edits elsewhere keep the record valid: lines above, a new table, rows reordered
    moved = LEGACY.replace(f"{PANDA}{BIGTRANS}", f"{BIGTRANS}{PANDA}")
    write(
        legacy,
        "# 列表\n\nIntro.\n\n## New\n\n" + HEADER + FLEXGEN.replace("Flex", "Flux") + moved[4:],
    )
    assert lint("README.md") == (0, [])


def test_a_new_problem_fails_and_a_count_exceeded_reports_every_copy(legacy: Path) -> None:
    assert lint("--suppress-all", "README.md")[0] == 0
    write(legacy, LEGACY + f"\n## D\n\n{HEADER}{FLEXGEN}")  # a new duplicate of another paper
    code, found = lint("README.md")
    assert code == 1 and [(p["code"], p["line"]) for p in found] == [("P001", 29)]
    write(legacy, LEGACY + f"\n## D\n\n{HEADER}{BIGTRANS}")  # a third BigTrans: 2 > 1 recorded
    code, found = lint("README.md")
    assert code == 1 and [(p["code"], p["line"]) for p in found] == [("P001", 15), ("P001", 29)]


def test_prune_drops_what_is_no_longer_found(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint("--suppress-all", "README.md")[0] == 0
    size = (legacy.parent / FILE_NAME).stat().st_size
    write(legacy, LEGACY.replace("| tool | x | extra |", "| tool | x |"))
    capsys.readouterr()
    assert main(["README.md"]) == 0  # fewer problems than recorded: still a pass ...
    assert "1 suppressed problem no longer found" in capsys.readouterr().err  # ... with a note
    assert "column-count" in record(legacy.parent)["README.md"]
    assert lint("--prune-suppressions", "README.md") == (0, [])
    assert "column-count" not in record(legacy.parent)["README.md"]
    assert (legacy.parent / FILE_NAME).stat().st_size < size
    assert main(["README.md"]) == 0
    assert "no longer found" not in capsys.readouterr().err


def test_suppress_rule_records_only_that_rule(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found = lint("--suppress-rule", "duplicate-entry,S001", "README.md")
    assert (
        code == 1
        and "P001" not in {p["code"] for p in found}
        and "S001" not in {p["code"] for p in found}
    )
    assert sorted(record(legacy.parent)["README.md"]) == ["duplicate-entry", "empty-section"]
    assert main(["--suppress-rule", "duplicate-entri", "README.md"]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "did you mean 'duplicate-entry'?" in line


def test_suppress_all_after_fix_records_only_what_fix_left(legacy: Path) -> None:
    write(legacy, LEGACY.replace("| 2023.03 |", "| 2023-3 |"))  # a safe date fix
    assert lint("--fix", "--suppress-all", "README.md")[0] == 0
    assert "date-format" not in record(legacy.parent)["README.md"]
    assert "| 2023.03 |" in legacy.read_text(encoding="utf-8")
    assert lint("--fix", "README.md") == (0, [])


def test_show_suppressed_lists_them_without_failing(
    legacy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint("--suppress-all", "README.md")[0] == 0
    code, found = lint("--show-suppressed", "README.md")
    assert code == 0 and found and {p["kind"] for p in found} == {"suppressed"}
    assert main(["--show-suppressed", "README.md"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out and all(line.endswith("(suppressed)") for line in out)
    assert main(["--show-suppressed", "--format", "sarif", "README.md"]) == 0
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert results and all(r["suppressions"][0]["kind"] == "external" for r in results)


def test_the_record_lives_beside_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "llm4or-lint.toml", "")
    listed = write(tmp_path / "lists" / "papers.md", LEGACY)
    monkeypatch.chdir(listed.parent)
    assert lint("--suppress-all", "papers.md")[0] == 0
    assert list(record(tmp_path)) == ["lists/papers.md"]
    assert not (listed.parent / FILE_NAME).exists()
    monkeypatch.chdir(tmp_path)  # the same record from anywhere
    assert lint("lists/papers.md") == (0, [])
    # --config names another configuration: its directory holds another record
    write(tmp_path / "other" / "llm4or-lint.toml", "")
    code, _ = lint("--config", "other/llm4or-lint.toml", "lists/papers.md")
    assert code == 1


def test_without_configuration_the_record_is_at_the_git_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    listed = write(tmp_path / "docs" / "list.md", LEGACY)
    monkeypatch.chdir(listed.parent)
    assert lint("--suppress-all", "list.md")[0] == 0
    assert list(record(tmp_path)) == ["docs/list.md"]


def test_a_damaged_record_is_one_error(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(legacy.parent / FILE_NAME, '{"README.md": {"duplicate-entry": {"x": "two"}}}')
    assert main(["README.md"]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert FILE_NAME in line


def test_diff_cannot_record(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--diff", "--suppress-all", "README.md"]) == 2
    assert not (legacy.parent / FILE_NAME).exists()


def test_a_clean_list_writes_no_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "README.md", f"# 列表\n\n{HEADER}{FLEXGEN}")
    assert lint("--suppress-all", "README.md") == (0, [])
    assert not (tmp_path / FILE_NAME).exists()
