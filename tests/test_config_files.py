"""Configuration files for any repository (issue 21): llm4or-lint.toml, .llm4or-lint.toml and
pyproject.toml found by walking up from each file, their precedence, --config, --isolated, and a
"did you mean" for every misspelt key, value or rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from tests.test_cli import error_lines

SHORT_ROW = "# T\n\n| a | b | c |\n| - | - | - |\n| 1 | 2 |\n"
IGNORE_T001 = 'ignore = ["column-count"]\n'
PYPROJECT_IGNORE_T001 = "[tool.llm4or-lint]\n" + IGNORE_T001


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    code = main(["--format", "json", *argv])
    return code, [problem["code"] for problem in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize("name", ["llm4or-lint.toml", ".llm4or-lint.toml"])
def test_a_toml_file_above_the_list_gives_its_settings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    write(tmp_path / name, IGNORE_T001)
    listed = write(tmp_path / "docs" / "deep" / "list.md", SHORT_ROW)
    assert codes(capsys, str(listed)) == (0, [])
    (tmp_path / name).unlink()
    assert codes(capsys, str(listed)) == (1, ["T001"])


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({".llm4or-lint.toml": "", "llm4or-lint.toml": IGNORE_T001}, ["T001"]),
        ({".llm4or-lint.toml": IGNORE_T001, "llm4or-lint.toml": ""}, []),
        ({"llm4or-lint.toml": "", "pyproject.toml": PYPROJECT_IGNORE_T001}, ["T001"]),
        ({"llm4or-lint.toml": IGNORE_T001, "pyproject.toml": "[tool.llm4or-lint]\n"}, []),
        # a pyproject.toml without the table is no configuration: the search goes on
        ({"pyproject.toml": "[project]\nname = 'x'\n", "../llm4or-lint.toml": IGNORE_T001}, []),
    ],
)
def test_one_directory_is_searched_in_ruffs_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], expected: list[str]
) -> None:
    project = tmp_path / "project"
    for name, text in files.items():
        write(project / name, text)
    listed = write(project / "list.md", SHORT_ROW)
    assert codes(capsys, str(listed)) == (1 if expected else 0, expected)


def test_the_nearest_directory_wins_and_files_are_not_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "llm4or-lint.toml", IGNORE_T001)
    write(tmp_path / "docs" / "pyproject.toml", '[tool.llm4or-lint]\norder = "off"\n')
    assert codes(capsys, str(write(tmp_path / "docs" / "list.md", SHORT_ROW))) == (1, ["T001"])
    assert codes(capsys, str(write(tmp_path / "top.md", SHORT_ROW))) == (0, [])


@pytest.mark.parametrize("name", ["settings.toml", "llm4or-lint.toml", "pyproject.toml"])
def test_config_option_takes_either_kind_of_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text = PYPROJECT_IGNORE_T001 if name == "pyproject.toml" else IGNORE_T001
    config = write(tmp_path / "elsewhere" / name, text)
    listed = write(tmp_path / "list.md", SHORT_ROW)
    assert codes(capsys, "--config", str(config), str(listed)) == (0, [])


def test_isolated_reads_no_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "llm4or-lint.toml", "layot = 1\n")  # broken: --isolated never reads it
    listed = str(write(tmp_path / "list.md", SHORT_ROW))
    assert codes(capsys, "--isolated", listed) == (1, ["T001"])
    assert codes(capsys, "--isolated", "--ignore", "T001", listed) == (0, [])
    assert main(["--isolated", "--config", str(tmp_path / "llm4or-lint.toml"), listed]) == 2
    assert len(error_lines(capsys.readouterr().err)) == 1


@pytest.mark.parametrize(
    ("name", "text", "key", "suggestion"),
    [
        ("llm4or-lint.toml", 'layot = "compact"\n', "'layot'", "'layout'"),
        ("pyproject.toml", '[tool.llm4or-lint]\nlayot = "compact"\n', "'layot'", "'layout'"),
        ("llm4or-lint.toml", 'ignore = ["arxiv-dates"]\n', "ignore", "'arxiv-date'"),
        (
            "llm4or-lint.toml",
            'extend-select = ["unused-supression"]\n',
            "extend-select",
            "'unused-suppression'",
        ),
        ("llm4or-lint.toml", 'order = "ascend"\n', "order", "'ascending'"),
        ("llm4or-lint.toml", '[sections."A"]\nordr = "off"\n', "'ordr'", "'order'"),
    ],
)
def test_a_misspelt_setting_names_file_key_and_the_closest_word(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    key: str,
    suggestion: str,
) -> None:
    config = write(tmp_path / name, text)
    assert main([str(write(tmp_path / "list.md", SHORT_ROW))]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert str(config) in line and key in line
    assert f"did you mean {suggestion}?" in line
    # a key of llm4or-lint.toml is written as it is there, without pyproject's table name
    assert ("[tool.llm4or-lint]" in line) is (name == "pyproject.toml")


@pytest.mark.parametrize("option", ["--select", "--extend-select", "--ignore"])
def test_a_misspelt_rule_on_the_command_line_gets_a_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    assert main([option, "colum-count", str(write(tmp_path / "a.md", SHORT_ROW))]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert option in line and "did you mean 'column-count'?" in line


def test_no_suggestion_for_a_word_like_no_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "llm4or-lint.toml", "zzzz = 1\n")
    assert main([str(write(tmp_path / "list.md", SHORT_ROW))]) == 2
    assert "did you mean" not in capsys.readouterr().err
