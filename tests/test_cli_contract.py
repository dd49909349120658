"""What the command line promises (issue 12), one end-to-end test per promise: closed pipes,
machine formats, patches, failed runs, exit codes, symlinks, failed writes, column settings,
summary and statistics, help, deep nesting."""

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

MESSY = "# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n|7|8|\n"  # a row off compact
ONLY_LAYOUT = ["--select", "T001,T002"]
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| -------- | -------- | -------- |\n"
PAPER = "| BigTrans: Augmenting Large Language Models | 2023.05 | 多语言模型 |\n"


def lint(*argv: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m lint`` as a user runs it, with the checkout on the import path."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        [sys.executable, "-m", "lint", *argv], cwd=cwd, env=env, input=stdin, capture_output=True
    )


# a closed pipe


# how a user starts the linter: both leave through lint.cli.entry, and must end alike
ENTRY_POINTS = {
    "module": [sys.executable, "-m", "lint"],
    "script": [str(Path(sys.executable).with_name("llm4or-lint"))],
}


@pytest.mark.slow  # subprocesses on a 4,000-row list: CI, not the fast loop
@pytest.mark.parametrize(
    ("option", "entry_point"), [([], "module"), (["--diff"], "module"), ([], "script")]
)
def test_closed_pipe_ends_the_run_quietly_with_0(
    tmp_path: Path, option: list[str], entry_point: str
) -> None:
    # far more than a pipe holds: for --diff, every fourth row off the compact layout (a change to
    # show); for the report (one line a table for layout), every row with a cell GitHub drops
    # (three or four cells: rows all alike would be one report of a header short of a column)
    if option:
        off, kept = "|paper {} with a title| 2 |\n", "| paper {} with a longer title | 2 |\n"
        rows = "".join((kept if n % 4 else off).format(n) for n in range(4000))
    else:
        rows = "".join(f"| paper {n} | 2 | dropped |{' x |' * (n % 2)}\n" for n in range(4000))
    (tmp_path / "big.md").write_text(f"# T\n\n| a | b |\n| - | - |\n{rows}", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    with open(tmp_path / "err", "wb") as err:
        process = subprocess.Popen(
            [*ENTRY_POINTS[entry_point], *option, "big.md"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err if option else subprocess.STDOUT,
        )
        assert process.stdout is not None
        process.stdout.readline()  # `| head -1`
        process.stdout.close()
        assert process.wait(timeout=120) == 0
    assert b"Traceback" not in (tmp_path / "err").read_bytes()


# machine formats


@pytest.mark.slow  # a subprocess per format and options: CI, not the fast loop
@pytest.mark.parametrize("output_format", ["json", "sarif"])
@pytest.mark.parametrize(
    "options", [["--statistics"], ["--fix", "--statistics"], ["--unsafe-fixes", "--statistics"]]
)
def test_machine_format_is_one_document_whatever_the_options(
    tmp_path: Path, output_format: str, options: list[str]
) -> None:
    (tmp_path / "a.md").write_text(MESSY + "| 3 |\n", encoding="utf-8")
    done = lint("--format", output_format, *options, "a.md", cwd=tmp_path)
    assert done.returncode == 0 if "--fix" in options else 1
    document = json.loads(done.stdout)
    if output_format == "json" and "--fix" not in options:
        # ruff's form: --statistics turns the problems into counts per rule
        assert {item["code"]: item["count"] for item in document} == {"T001": 1, "T002": 1}


def test_diff_with_json_keeps_the_patch_and_the_document_apart(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(MESSY, encoding="utf-8")
    done = lint("--diff", "--format", "json", "a.md", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith(b"--- a/a.md\n")
    assert [problem["code"] for problem in json.loads(done.stderr)] == ["T002"]


# --diff is a patch


PATCH_CASES = {
    "final-newline": MESSY.encode(),
    "no-final-newline": MESSY.rstrip("\n").encode(),
    "crlf": MESSY.replace("\n", "\r\n").encode(),
    "bom": b"\xef\xbb\xbf" + MESSY.encode(),
}


@pytest.mark.slow  # git and patch in subprocesses: CI, not the fast loop
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("case", list(PATCH_CASES))
def test_diff_applies_with_git_and_patch_and_equals_fix(tmp_path: Path, case: str) -> None:
    data = PATCH_CASES[case] + b"| 3 |\n" if case != "no-final-newline" else PATCH_CASES[case]
    for name in ("diffed.md", "fixed.md"):
        (tmp_path / name).write_bytes(data)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shown = lint("--diff", "diffed.md", cwd=tmp_path)
    assert shown.returncode == 1
    assert shown.stdout.startswith(b"--- a/diffed.md\n") and b"diffed.md:" in shown.stderr
    assert lint("--fix", "fixed.md", cwd=tmp_path).returncode == 0
    expected = (tmp_path / "fixed.md").read_bytes()
    assert expected != data

    (tmp_path / "change.patch").write_bytes(shown.stdout)
    subprocess.run(["git", "apply", "change.patch"], cwd=tmp_path, check=True)
    assert (tmp_path / "diffed.md").read_bytes() == expected
    if shutil.which("patch"):
        (tmp_path / "diffed.md").write_bytes(data)
        subprocess.run(
            ["patch", "-s", "-p1", "-i", "change.patch"], cwd=tmp_path, check=True, timeout=60
        )
        assert (tmp_path / "diffed.md").read_bytes() == expected


# a failed run


def failing_runs(tmp_path: Path) -> dict[str, list[str]]:
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    (tmp_path / "latin1.md").write_bytes("| a |\n| é |\n".encode("latin-1"))
    (tmp_path / "clean.md").write_text("# T\n\nText.\n", encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "pyproject.toml").write_text('[tool.llm4or-lint]\norder = "up"\n', "utf-8")
    for name in ("one.md", "two.md"):
        (tmp_path / "bad" / name).write_text("# T\n\nText.\n", encoding="utf-8")
    return {
        "binary": ["binary.md", "clean.md"],
        "not-utf-8": ["latin1.md", "clean.md"],
        "configuration": ["bad/one.md", "bad/two.md"],
        "unknown-select": ["--select", "nope", "clean.md", "binary.md", "bad/one.md"],
    }


@pytest.mark.parametrize("case", ["binary", "not-utf-8", "configuration", "unknown-select"])
def test_failed_run_never_passes_and_says_its_error_once(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    argv = failing_runs(tmp_path)[case]
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "All checks passed!" not in captured.out + captured.err
    assert len(error_lines(captured.err)) == 1


# --fix and its exit codes


def test_fix_that_leaves_nothing_exits_0_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(MESSY, encoding="utf-8")
    assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 0
    path.write_text(MESSY, encoding="utf-8")
    assert main(["--fix", "--exit-non-zero-on-fix", *ONLY_LAYOUT, str(path)]) == 1
    assert main(["--fix", "--exit-non-zero-on-fix", *ONLY_LAYOUT, str(path)]) == 0  # nothing left
    path.write_text(MESSY + "| 1 | 2 | 3 |\n", encoding="utf-8")  # a long row: no safe fix
    assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 1


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_fix_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real" / "list.md"
    target.parent.mkdir()
    target.write_text(MESSY, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert main(["--fix", *ONLY_LAYOUT, str(link)]) == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") != MESSY
    assert main([*ONLY_LAYOUT, str(target)]) == 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["list.md"]  # no temporary left


def test_failed_write_reports_the_file_on_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    path.write_text(MESSY, encoding="utf-8")
    real_access = os.access

    def access(target: object, mode: int, **kwargs: object) -> bool:
        # as for a user without write permission (tests may run as root, who may write anything)
        if mode & os.W_OK and Path(str(target)).resolve() == path.resolve():
            return False
        return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    assert main(["--fix", "--format", "json", *ONLY_LAYOUT, str(path)]) == 2
    items = json.loads(capsys.readouterr().out)
    assert [(item["kind"], item["code"]) for item in items] == [
        ("problem", "T002"),
        ("error", None),
    ]
    assert path.read_text(encoding="utf-8") == MESSY


# column settings that match no table


def project(tmp_path: Path, settings: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[tool.llm4or-lint]\n{settings}\n", "utf-8")
    (tmp_path / "README.md").write_text(f"# L\n\n{HEADER}{PAPER}", encoding="utf-8")
    (tmp_path / "CONTRIBUTING.md").write_text("# How to contribute\n\nFork.\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("# O\n\n| Paper | Date |\n| - | - |\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("settings", "files", "expected"),
    [
        ('title-column = "Paper"', ["README.md", "CONTRIBUTING.md"], 2),
        ("title-column = 9", ["README.md", "CONTRIBUTING.md"], 2),
        ('date-column = "Year"', ["README.md"], 2),
        ('title-column = "Paper"', ["CONTRIBUTING.md"], 0),  # no table: nothing to tell
        ('title-column = "Paper"', ["README.md", "other.md"], None),  # other.md has one
        ("title-column = 3", ["README.md"], None),
        ('ignore = ["nope"]', ["CONTRIBUTING.md"], 2),
        ('extend-select = ["nope"]', ["CONTRIBUTING.md"], 2),
    ],
)
def test_setting_that_matches_nothing_names_file_and_key(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    settings: str,
    files: list[str],
    expected: int | None,
) -> None:
    monkeypatch.chdir(project(tmp_path, settings))
    code = main(files)
    err = "\n".join(error_lines(capsys.readouterr().err))
    if expected == 2:
        assert code == 2
        (line,) = err.strip().splitlines()
        key = settings.split(" = ")[0]
        assert str(tmp_path / "pyproject.toml") in line and key in line
    else:
        assert code != 2 and not err, err
        assert expected is None or code == expected


# summary and statistics


def test_summary_and_statistics_count_each_problem_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # one repeat in its table, written in other case: its fix (removing the row) is unsafe
    text = f"# L\n\n### A\n\n{HEADER}{PAPER}{PAPER.lower()}"
    (tmp_path / "dup.md").write_text(text, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# T\n\nText.\n", encoding="utf-8")
    assert main(["--select", "P001", "dup.md"]) == 1
    summary = capsys.readouterr().err.splitlines()[-1]
    assert summary.startswith("Found 1 problem") and "more" not in summary
    assert [int(n) for n in summary.replace("(", " ").split() if n.isdigit()] == [1, 1]

    main(["--select", "P001", "--statistics", "dup.md"])
    captured = capsys.readouterr()
    rows = captured.out.splitlines()
    assert "[*]" not in rows[0] and "P001" in rows[0]  # [*] means what --fix repairs
    assert captured.err.startswith("Found 1 problem")  # a total
    main(["--select", "P001", "--statistics", "--unsafe-fixes", "dup.md"])
    assert "[*]" in capsys.readouterr().out.splitlines()[0]

    assert main(["--statistics", "clean.md"]) == 0
    assert capsys.readouterr().err.strip()  # a clean file still gets an answer


def test_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    help_text = capsys.readouterr().out
    assert "--exit-non-zero-on-fix" in help_text
    epilog = help_text[help_text.index("exit status") :].splitlines()
    assert [line.split()[0] for line in epilog[1:4]] == ["0", "1", "2"]


# nesting


@pytest.mark.parametrize("depth", [21, 150])
def test_tables_deep_in_block_quotes_are_checked_and_fixed(tmp_path: Path, depth: int) -> None:
    prefix = "> " * depth
    path = tmp_path / "deep.md"
    path.write_text("".join(prefix + line + "\n" for line in MESSY.splitlines()), "utf-8")
    assert main([*ONLY_LAYOUT, str(path)]) == 1
    assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 0
    assert all(line.startswith(prefix) for line in path.read_text("utf-8").splitlines())
    assert "| 7 | 8 |" in path.read_text("utf-8")
