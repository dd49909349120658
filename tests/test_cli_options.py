"""ruff's command-line habits (issue 21): --extend-select, --exit-zero, --quiet, --output-file,
directories walked as git sees them (``.gitignore``) for ``*.md`` and ``*.markdown``, and the
problems on stdout with their count on stderr."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import main
from tests.test_cli import error_lines

SHORT_ROW = "# T\n\n| a | b | c |\n| - | - | - |\n| 1 | 2 |\n"
UNUSED = "<!-- lint-disable row-order -->\n\n# T\n\nText.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(capsys: pytest.CaptureFixture[str], *argv: str) -> list[str]:
    main(["--format", "json", *argv])
    return [problem["code"] for problem in json.loads(capsys.readouterr().out)]


def test_extend_select_adds_an_opt_in_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = str(write(tmp_path / "a.md", UNUSED + SHORT_ROW))
    assert codes(capsys, listed) == ["T001"]
    assert codes(capsys, "--extend-select", "unused-suppression", listed) == ["M002", "T001"]
    assert codes(capsys, "--select", "T001", "--extend-select", "M002", listed) == ["M002", "T001"]
    # --select replaces the file's extend-select, --extend-select adds to it
    write(tmp_path / "llm4or-lint.toml", 'extend-select = ["unused-suppression"]\n')
    assert codes(capsys, "--select", "T001", listed) == ["T001"]
    assert codes(capsys, "--ignore", "T001", listed) == ["M002"]


def test_exit_zero_reports_but_passes_and_still_fails_on_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = str(write(tmp_path / "a.md", SHORT_ROW))
    assert main(["--exit-zero", listed]) == 0
    assert "T001" in capsys.readouterr().out
    assert main(["--exit-zero", "--diff", listed]) == 0
    capsys.readouterr()
    assert main(["--exit-zero", listed, str(tmp_path / "missing.md")]) == 2


@pytest.mark.parametrize("quiet", ["-q", "--quiet"])
def test_quiet_prints_the_problems_and_nothing_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], quiet: str
) -> None:
    listed = str(write(tmp_path / "a.md", SHORT_ROW))
    assert main([quiet, listed]) == 1
    captured = capsys.readouterr()
    assert "T001" in captured.out and captured.err == ""
    assert main([quiet, str(write(tmp_path / "clean.md", "# T\n\nText.\n"))]) == 0
    assert capsys.readouterr() == ("", "")


def test_problems_on_stdout_and_their_count_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = str(write(tmp_path / "a.md", SHORT_ROW))
    assert main([listed, str(tmp_path / "missing.md")]) == 2
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()
    assert line.startswith(f"{listed}:5:8: T001")
    error, summary = captured.err.splitlines()
    assert error_lines(error) and summary.startswith("Found 1 problem") and "1 error" in summary


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_output_file_holds_the_report(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    output_format: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    write(tmp_path / "a.md", SHORT_ROW)
    assert main(["--format", output_format, "-o", "report.out", "a.md"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    report = (tmp_path / "report.out").read_text(encoding="utf-8")
    assert "T001" in report and "\033[" not in report
    if output_format in ("json", "sarif"):
        json.loads(report)
    if output_format == "text":
        assert captured.err.startswith("Found 1 problem")
    assert main(["--output-file", "report.out", "--select", "T002", "a.md"]) == 0
    assert (tmp_path / "report.out").read_text(encoding="utf-8") == ""  # replaced, not appended


def test_an_unwritable_output_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listed = str(write(tmp_path / "a.md", SHORT_ROW))
    assert main(["-o", str(tmp_path / "no" / "such" / "dir" / "r.txt"), listed]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "r.txt" in line


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_options_end_to_end_through_the_console_script(tmp_path: Path) -> None:
    """The installed script, which leaves through os._exit: the report file is complete, the
    count is on stderr, and the exit code is the one asked for."""
    script = Path(sys.executable).with_name("llm4or-lint")
    write(tmp_path / "a.md", SHORT_ROW)
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    done = subprocess.run(
        [str(script), "--exit-zero", "--format", "json", "-o", "r.json", "a.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert [p["code"] for p in json.loads((tmp_path / "r.json").read_text("utf-8"))] == ["T001"]
    done = subprocess.run(
        [str(script), "a.md"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and done.stdout.startswith("a.md:5:8: T001")
    assert done.stderr.startswith("Found 1 problem")


# walking directories


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _tree(root: Path) -> None:
    for name in (
        "README.md",
        "docs/guide.markdown",
        "docs/NOTES.MD",
        "docs/draft.md",
        "build/out.md",
        "notes.txt",
        ".github/template.md",
        "node_modules/pkg/readme.md",
    ):
        write(root / name, SHORT_ROW)


def test_a_directory_outside_git_is_walked_for_md_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    main(["--format", "json", "."])
    found = sorted({p["path"] for p in json.loads(capsys.readouterr().out)})
    assert found == [
        "README.md",
        "build/out.md",
        "docs/NOTES.MD",
        "docs/draft.md",
        "docs/guide.markdown",
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_directory_in_a_git_repository_leaves_out_what_gitignore_ignores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    _git(tmp_path, "init", "-q")
    write(tmp_path / ".gitignore", "build/\n")
    write(tmp_path / "docs" / ".gitignore", "draft.md\n")
    _git(tmp_path, "add", "README.md")  # tracked and untracked files alike
    (tmp_path / "gone.md").write_text(SHORT_ROW, encoding="utf-8")
    _git(tmp_path, "add", "gone.md")
    (tmp_path / "gone.md").unlink()  # tracked, deleted: not a file to read
    monkeypatch.chdir(tmp_path / "docs")
    assert main(["--format", "json", ".."]) == 1
    found = sorted({p["path"] for p in json.loads(capsys.readouterr().out)})
    assert found == ["../README.md", "NOTES.MD", "guide.markdown"]
    # a file named on the command line is read whatever .gitignore says
    assert main(["--format", "json", "draft.md"]) == 1
    capsys.readouterr()


def test_a_directory_with_no_markdown_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "notes.txt", SHORT_ROW)
    assert main([str(tmp_path)]) == 2
    assert ".markdown" in error_lines(capsys.readouterr().err)[0]
