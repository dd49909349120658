"""The command line: files, output formats, exit codes and bad input (through main on tmp_path)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lint import __version__
from lint.cli import main

CLEAN = (
    "# T\n\n| 论文题目 | 发表时间 | 内容简介 |\n| -------- | -------- | -------- |\n"
    "| A        | 2023.05  | 中文     |\n"
)
SHORT_ROW = "# T\n\n| a | b | c |\n| - | - | - |\n| 1 | 2 |\n"
JSON_KEYS = {"path", "line", "column", "code", "name", "message", "fix"}
ERROR = "llm4or-lint: error: "


def error_lines(err: str) -> list[str]:
    """The error lines of stderr (the summary line counting them may follow)."""
    return [line for line in err.splitlines() if line.startswith(ERROR)]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["--format", "json", "--select", "column-count", *argv])
    return code, json.loads(capsys.readouterr().out)


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, problems = run_json(capsys, str(write(tmp_path, "a.md", CLEAN)))
    assert (code, problems) == (0, [])


def test_json_reports_short_row_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, problems = run_json(capsys, str(write(tmp_path, "a.md", SHORT_ROW)))
    assert code == 1
    assert [(p["line"], p["code"], p["name"], p["fix"]) for p in problems] == [
        (5, "T001", "column-count", "safe")
    ]
    assert JSON_KEYS <= set(problems[0])  # today's keys kept (issue 21 adds more)


def test_seed_has_no_column_count_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_text: str
) -> None:
    code, problems = run_json(capsys, str(write(tmp_path, "seed.md", seed_text)))
    assert [p for p in problems if p["code"] == "T001"] == []


def test_text_format_line_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.md", SHORT_ROW)
    assert main(["--select", "T001", "a.md"]) == 1
    captured = capsys.readouterr()
    (line,) = captured.out.splitlines()  # the problems alone on stdout ...
    assert line.startswith("a.md:5:8: T001 [column-count] ")
    (summary,) = captured.err.splitlines()  # ... the count on stderr (issue 21)
    assert "1" in summary


def test_github_format_escapes_workflow_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    write(tmp_path, "a,b:c%.md", SHORT_ROW)
    assert main(["--format", "github", "--select", "T001", "a,b:c%.md"]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("::error file=a%2Cb%3Ac%25.md,line=5,col=8,title=T001 column-count::")


def test_default_path_is_readme_in_current_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "README.md", SHORT_ROW)
    code, problems = run_json(capsys)
    assert code == 1 and problems[0]["path"] == "README.md"


def test_directory_is_walked_skipping_hidden_and_node_modules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("docs/a.md", "b.md", ".hidden/c.md", "node_modules/d.md", "e.txt"):
        write(tmp_path, name, SHORT_ROW)
    code, problems = run_json(capsys, ".")
    assert sorted(str(p["path"]) for p in problems) == ["b.md", "docs/a.md"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_empty_file_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(write(tmp_path, "e.md", ""))]) == 0


def test_bom_and_crlf_keep_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "b.md"
    path.write_bytes(b"\xef\xbb\xbf" + SHORT_ROW.replace("\n", "\r\n").encode())
    code, problems = run_json(capsys, str(path))
    assert [(p["line"], p["column"]) for p in problems] == [(5, 8)]


def bad_inputs(tmp_path: Path) -> dict[str, list[str]]:
    (tmp_path / "empty").mkdir()
    (tmp_path / "latin1.md").write_bytes("| a |\n| é |\n".encode("latin-1"))
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    return {
        "missing path": [str(tmp_path / "nope.md")],
        "directory without markdown": [str(tmp_path / "empty")],
        "not utf-8": [str(tmp_path / "latin1.md")],
        "binary": [str(tmp_path / "binary.md")],
        "unknown option": ["--no-such-option"],
        "bad format": ["--format", "xml"],
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing path",
        "directory without markdown",
        "not utf-8",
        "binary",
        "unknown option",
        "bad format",
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    assert main(bad_inputs(tmp_path)[case]) == 2
    captured = capsys.readouterr()
    assert len(error_lines(captured.err)) == 1
    assert len(captured.err.strip().splitlines()) <= 2  # the error, and the count of errors
    assert "Traceback" not in captured.err and not captured.out


@pytest.mark.parametrize(
    ("data", "position"),
    [
        ("| a |\n| é |\n".encode("latin-1"), "2:3"),
        (b"\xef\xbb\xbf# T\r\n\r\n\xe4\xb8\xad\xe6\x96\x87 \xff", "3:4"),  # BOM, CRLF, CJK
        (b"# T\rcaf\xc3\xa9 \xc3", "2:6"),  # a lone CR ends a line; a cut multibyte character
    ],
)
def test_not_utf8_gives_line_and_column_and_the_remedy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, position: str
) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes(data)
    assert main([str(path)]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert line.startswith(f"{ERROR}{path}:{position}: ") and "save the file as UTF-8" in line


def test_module_and_console_script_behave_the_same(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", SHORT_ROW)
    script = Path(sys.executable).with_name("llm4or-lint")
    assert script.exists(), f"no console script beside {sys.executable}: pip install -e ."
    runs = [
        subprocess.run(
            [*prefix, "--format", "json", str(path)], capture_output=True, text=True, check=False
        )
        for prefix in ([sys.executable, "-m", "lint"], [str(script)])
    ]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout
    assert "T001" in {problem["code"] for problem in json.loads(runs[0].stdout)}


def test_bad_input_end_to_end_has_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lint", str(tmp_path / "missing.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert len(error_lines(result.stderr)) == 1 and "Traceback" not in result.stderr


def test_unexpected_error_is_one_line_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from lint.rules import column_count

    def broken(doc: object, config: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.delenv("LLM4OR_LINT_DEBUG", raising=False)
    monkeypatch.setattr(column_count, "check", broken)
    assert main([str(write(tmp_path, "a.md", SHORT_ROW))]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "internal error" in line


@pytest.mark.parametrize("argv", [[], ["README.md"], ["a.md", "docs"]])
def test_paths_only_fast_path_gives_the_parsers_options(argv: list[str]) -> None:
    from lint.cli import build_parser, parse_args

    assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_unknown_rule_in_select_is_exit_2_even_on_a_clean_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--select", "no-such-rule", str(write(tmp_path, "e.md", ""))]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_files_of_one_run_are_one_scope_for_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
    first = write(tmp_path, "a.md", f"{header}| Paper A | 2023.05 | 一种新的方法 |\n")
    later = write(tmp_path, "b.md", f"# B\n\n{header}| Paper A | 2023.05 | 一种新的方法 |\n")
    argv = ["--format", "json", "--select", "duplicate-entry", str(first), str(later)]
    assert main(argv) == 1
    (problem,) = json.loads(capsys.readouterr().out)
    assert (problem["path"], problem["line"], problem["code"]) == (str(later), 5, "P001")
    assert f"{first}:3" in str(problem["message"]) and problem["fix"] is None
    # --fix changes neither file: a row is never removed because of another file
    assert (
        main(["--fix", "--unsafe-fixes", "--select", "duplicate-entry", str(first), str(later)])
        == 1
    )
    assert later.read_text(encoding="utf-8").endswith("| Paper A | 2023.05 | 一种新的方法 |\n")


def test_show_conventions_says_what_was_inferred_and_what_was_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"| P{i} | 2023-{12 - i:02d} | s |\n" for i in range(6))
    (tmp_path / "list.md").write_text(
        "## Must read\n\n|Title|Date|Summary|\n|-|-|-|\n" + rows, encoding="utf-8"
    )
    assert main(["--show-conventions", str(tmp_path / "list.md")]) == 0
    out = capsys.readouterr().out
    assert "date style: YYYY-MM (inferred" in out and "order: descending (inferred" in out
    assert 'title column: 1 "Title"' in out and "layout:" in out
    (tmp_path / "pyproject.toml").write_text(
        '[tool.llm4or-lint]\norder = "ascending"\n', encoding="utf-8"
    )
    assert main(["--show-conventions", str(tmp_path / "list.md")]) == 0
    assert "order: ascending (set)" in capsys.readouterr().out
    assert main(["--show-conventions", str(tmp_path / "missing.md")]) == 2


def test_module_and_console_script_share_one_entry() -> None:
    """Both leave through lint.cli.entry (no interpreter teardown), so both end alike and fast."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    root = Path(__file__).resolve().parents[1]
    scripts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert scripts["scripts"]["llm4or-lint"] == "lint.cli:entry"
    assert "from lint.cli import entry" in (root / "lint" / "__main__.py").read_text("utf-8")
