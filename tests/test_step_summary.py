"""$GITHUB_STEP_SUMMARY: the Markdown report that --format github appends."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main
from lint.document import parse
from lint.problem import Problem
from lint.report import Report
from lint.step_summary import fix_commands, render
from tests.shared import SEED, needs_seed

ROWS = "| a | b |\n| - | - |\n| 1 |\n| 2 | x \\| y | z |\n"


def _tables(markdown: str) -> list[list[tuple[str, ...]]]:
    return [
        [table.header.cells, *(row.cells for row in table.rows)] for table in parse(markdown).tables
    ]


def test_github_format_appends_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "list.md").write_text(ROWS, encoding="utf-8")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["--format", "github", "--select", "column-count", "list.md"]) == 1
    annotations = capsys.readouterr().out.splitlines()
    assert len(annotations) == 2 and all(line.startswith("::error ") for line in annotations)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")
    problems, counts = _tables(text)
    assert [cells[:5] for cells in problems[1:]] == [
        ("list.md", "3", "4", "T001", "column-count"),
        ("list.md", "4", "16", "T001", "column-count"),
    ]
    assert counts[1:] == [("T001", "column-count", "2", "1")]
    assert "llm4or-lint --fix list.md" in text


def test_no_summary_without_the_variable_or_in_other_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "list.md").write_text(ROWS, encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert main(["--format", "github", "list.md"]) == 1
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["list.md"]) == 1
    assert not summary.exists()


def test_unwritable_summary_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "list.md").write_text("# clean\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    assert main(["--format", "github", "list.md"]) == 2


@needs_seed
def test_seed_summary_names_the_bigtrans_duplicate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "README.md").write_bytes(SEED.read_bytes())
    # the seed's one repeat across sections is reported where the list names each paper once
    once = '[tool.llm4or-lint]\nduplicate-scope = "document"\n'
    (tmp_path / "pyproject.toml").write_text(once, encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["--format", "github"]) == 1
    text = summary.read_text(encoding="utf-8")
    problems = _tables(text)[0][1:]
    assert any(cells[3] == "P001" and "BigTrans" in cells[5] for cells in problems)
    assert "llm4or-lint --fix" in text


def test_render_escapes_cells_and_offers_unsafe_fixes() -> None:
    from lint.problem import UNSAFE, Edit, Fix

    fix = Fix((Edit(1, 1, ()),), UNSAFE)
    report = Report("a|b.md", Problem(1, 2, "P001", "duplicate-entry", "x | y\nz", fix))
    (table, _) = _tables(render([report], ["a|b.md"]))
    assert table[1] == ("a\\|b.md", "1", "2", "P001", "duplicate-entry", "x \\| y z")
    assert fix_commands([report], []) == [
        "llm4or-lint --fix",
        "llm4or-lint --fix --unsafe-fixes",
    ]
    assert render([]).count("\n") >= 1
