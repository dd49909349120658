"""Settings per section (issue 21): headings matched as GitHub shows them, the innermost winning,
every section key checked against the headings of the run's files, and the settings a section
may hold applied to its tables only, through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import Config, from_mapping
from lint.headings import closest, names
from lint.sections import settings_for
from tests.test_cli import error_lines

HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
QUANTIZE = "📖Weight/Activation Quantize/Compress ([©️back👆🏻](#paperlist))"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("key", "title", "expected"),
    [
        ("Weight/Activation Quantize/Compress", QUANTIZE, True),  # emoji and back-link aside
        ("weight activation quantize compress", QUANTIZE, True),  # case and punctuation aside
        ("📖Weight/Activation Quantize/Compress (©️back👆🏻)", QUANTIZE, True),  # as shown
        ("#llm复杂任务", "LLM复杂任务", True),  # the anchor
        ("Must read", "**Must** read", True),
        ("Must read", "[Must read](https://example.org)", True),  # a linked heading: its text
        ("Must", "Must read", False),  # a word is no heading
        ("Weight Quantize", QUANTIZE, False),
        ("", "A", False),
    ],
)
def test_a_key_names_a_heading_as_github_shows_it(key: str, title: str, expected: bool) -> None:
    assert names(key, title) is expected


def test_closest_heading() -> None:
    titles = ["Contributing", QUANTIZE, "多语言大模型"]
    assert closest("Weight Quantize", titles) == "📖Weight/Activation Quantize/Compress (©️back👆🏻)"
    assert closest("x", []) is None


def test_the_innermost_section_wins_and_ignore_adds_up() -> None:
    config = from_mapping(
        {
            "ignore": ["T002"],
            "order": "ascending",
            "sections": {
                "Papers": {"order": "descending", "ignore": ["P001"], "layout": "tight"},
                "Old": {"order": "off", "date-column": "When"},
            },
        }
    )
    assert settings_for(config, ()) == config
    papers = settings_for(config, ("List", "Papers"))
    assert (papers.order, papers.ignore, papers.layout) == ("descending", ("T002", "P001"), "tight")
    old = settings_for(config, ("List", "📖 Papers", "Old"))
    assert (old.order, old.date_column, old.ignore) == ("off", "When", ("T002", "P001"))
    assert settings_for(config, ("List", "Other")).order == "ascending"
    assert settings_for(Config(), ("Papers",)) == Config()


@pytest.mark.parametrize(
    "settings",
    [
        'ignore = ["row-order"]',
        'title-column = "Paper"',
        "date-column = 2",
        'order = "off"',
        'date-format = "YYYY-MM"',
        'duplicate-scope = "section"',
        'layout = "compact"',
    ],
)
def test_every_section_key_is_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: str
) -> None:
    write(tmp_path / "llm4or-lint.toml", f'[sections."Papers"]\n{settings}\n')
    listed = write(tmp_path / "list.md", f"# L\n\n## Papers\n\n{HEADER}| A | 2023-05 | a |\n")
    assert main([str(listed)]) != 2, capsys.readouterr().err


@pytest.mark.parametrize(
    ("settings", "hint"),
    [
        ('[sections."Papers"]\nlayot = "tight"\n', "did you mean 'layout'?"),
        ('[sections."Papers"]\nignore = ["row-ordr"]\n', "did you mean 'row-order'?"),
        ('[sections."Papers"]\norder = "up"\n', "expected one of"),
    ],
)
def test_a_bad_section_setting_names_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: str, hint: str
) -> None:
    write(tmp_path / "llm4or-lint.toml", settings)
    listed = write(tmp_path / "list.md", f"# L\n\n## Papers\n\n{HEADER}| A | 2023.05 | a |\n")
    assert main([str(listed)]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "Papers" in line and hint in line


def test_a_section_key_naming_no_heading_is_an_error_naming_key_file_and_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path / "llm4or-lint.toml", '[sections."Weight Quantize"]\norder = "off"\n')
    text = f"# L\n\n## {QUANTIZE}\n\n{HEADER}| A | 2023.05 | a |\n\n## 贡献\n\nText.\n"
    write(tmp_path / "README.md", text)
    assert main(["README.md"]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert str(config) in line and "'Weight Quantize'" in line
    assert "closest: '📖Weight/Activation Quantize/Compress (©️back👆🏻)'" in line
    # the key as a reader writes it, from the heading GitHub shows: no error
    write(config, '[sections."Weight/Activation Quantize/Compress"]\norder = "off"\n')
    assert main(["README.md"]) == 0
    # a key matched in another file of the run is no error in this one
    write(config, '[sections."Other"]\norder = "off"\n')
    write(tmp_path / "other.md", f"# O\n\n## Other\n\n{HEADER}| B | 2023.05 | b |\n")
    assert main(["README.md", "other.md"]) == 0
    assert main(["--fix", "README.md"]) == 2  # --fix checks the keys too
    capsys.readouterr()


def test_a_run_without_tables_does_not_judge_section_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "llm4or-lint.toml", '[sections."Papers"]\norder = "off"\n')
    assert main([str(write(tmp_path / "CONTRIBUTING.md", "# How\n\nFork.\n"))]) == 0


def test_pyproject_names_the_section_key_under_its_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "pyproject.toml", '[tool.llm4or-lint.sections."Nope"]\norder = "off"\n')
    listed = write(tmp_path / "list.md", f"# L\n\n## Papers\n\n{HEADER}| A | 2023.05 | a |\n")
    assert main(["--format", "json", str(listed)]) == 2
    (line,) = error_lines(capsys.readouterr().err)
    assert "[tool.llm4or-lint] sections.'Nope'" in line and "closest: 'Papers'" in line


# the settings a section holds, applied to its tables only


def codes(capsys: pytest.CaptureFixture[str], *argv: str) -> list[tuple[str, int]]:
    code = main(["--format", "json", *argv])
    problems = json.loads(capsys.readouterr().out)
    assert code in (0, 1), problems
    return [(p["code"], p["line"]) for p in problems]


def project(tmp_path: Path, settings: str, text: str) -> str:
    write(tmp_path / "llm4or-lint.toml", settings)
    return str(write(tmp_path / "list.md", text))


def lines_of(text: str, needle: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line]


def test_a_column_setting_applies_only_where_it_names_a_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue 21: date-column = "When" for one table turned the date rules off in the others."""
    text = (
        "# L\n\n## Talks\n\n| Title | When |\n| --- | --- |\n| A | 2023-5 |\n| B | 2023.06 |\n"
        f"| C | 2023.07 |\n\n## Papers\n\n{HEADER}| P | 2023-5 | p |\n| Q | 2023.06 | q |\n"
        "| R | 2023.07 | r |\n"
    )
    listed = project(tmp_path, 'date-column = "When"\n', text)
    found = codes(capsys, "--select", "date-format", listed)
    assert found == [("P002", line) for line in lines_of(text, "2023-5")]


def test_a_section_ignores_rules_in_its_tables_and_lines_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"| P{n} | 2023.{n:02d} | p |\n" for n in (1, 2, 3, 5, 4, 6, 7, 8))
    text = (
        f"# L\n\n## {QUANTIZE}\n\n{HEADER}{rows}\n### Empty\n\n## Papers\n\n{HEADER}{rows}"
        "\n### Also empty\n\n## End\n\nText.\n"
    )
    settings = '[sections."Weight/Activation Quantize/Compress"]\nignore = ["row-order", "S001"]\n'
    listed = project(tmp_path, settings, text)
    found = codes(capsys, "--select", "row-order,empty-section", listed)
    (papers_row,) = [line for line in lines_of(text, "| P4 | 2023.04") if line > 20]
    assert found == [("P003", papers_row), ("S001", lines_of(text, "Also empty")[0])]


def test_a_details_summary_is_a_section_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a list whose sections are <details> blocks sets them by their summaries
    up = "| A | 2023.05 | a |\n| C | 2023.07 | c |\n| B | 2023.06 | b |\n| D | 2023.08 | d |\n"
    text = f"# L\n\n<details><summary><h2>Old papers</h2></summary>\n\n{HEADER}{up}\n</details>\n"
    listed = project(
        tmp_path, 'order = "ascending"\n[sections."Old papers"]\norder = "off"\n', text
    )
    assert codes(capsys, "--select", "row-order", listed) == []
    assert main(["--show-conventions", listed]) == 0
    assert 'table under "Old papers"' in capsys.readouterr().out


def test_the_innermost_section_sets_the_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    up = "| A | 2023.05 | a |\n| B | 2023.06 | b |\n| C | 2023.07 | c |\n| D | 2023.08 | d |\n"
    text = f"# L\n\n## Papers\n\n{HEADER}{up}\n### Recent\n\n{HEADER}{up}\n## Other\n\n{HEADER}{up}"
    settings = (
        'order = "ascending"\n[sections."Papers"]\norder = "off"\n'
        '[sections."Recent"]\norder = "descending"\n'
    )
    listed = project(tmp_path, settings, text)
    found = codes(capsys, "--select", "row-order", listed)
    recent = [line for line in lines_of(text, "| ") if 17 <= line <= 22]
    assert found and {line for _, line in found} <= set(recent)
    assert main(["--show-conventions", listed]) == 0
    shown = capsys.readouterr().out
    assert "order: descending (set; for its section)" in shown
    assert "order: off (set; for its section)" in shown
    assert "order: ascending (set)" in shown


def test_a_section_sets_columns_and_date_format_for_its_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = (
        "| Name | When | Notes |\n| --- | --- | --- |\n| A | 2023-05 | a |\n| B | 2023.06 | b |\n"
    )
    text = f"# L\n\n## Old\n\n{table}\n## New\n\n{table}"
    settings = (
        '[sections."Old"]\ntitle-column = "Name"\ndate-column = "When"\ndate-format = "YYYY.MM"\n'
    )
    listed = project(tmp_path, settings, text)
    assert codes(capsys, "--select", "date-format", listed) == [("P002", 7)]


def test_a_section_scoped_for_duplicates_keeps_to_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = "| BigTrans: Augmenting Large Language Models | 2023.05 | 多语言 |\n"
    other = "| FlexGen: High-throughput Generative Inference | 2023.03 | 显存 |\n"
    text = (
        f"# L\n\n## A\n\n{HEADER}{paper}{other}\n## Survey\n\n{HEADER}{paper}{other}{other}"
        f"\n## B\n\n{HEADER}{paper}"
    )
    # the file names each paper once (by default one repeat across sections is cross-listing)
    settings = 'duplicate-scope = "document"\n[sections."Survey"]\nduplicate-scope = "section"\n'
    listed = project(tmp_path, settings, text)
    found = codes(capsys, "--select", "duplicate-entry", listed)
    # within Survey: its second FlexGen; across sections: B's BigTrans against A's, not Survey's
    assert found == [("P001", 16), ("P001", 22)]


def test_a_section_sets_the_layout_of_its_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tight = "|a|bb|\n|-|-|\n|1|2|\n"
    text = f"# L\n\n## Compact\n\n{tight}\n## Rest\n\n{tight}"
    settings = 'layout = "aligned"\n[sections."Compact"]\nlayout = "compact"\n'
    listed = project(tmp_path, settings, text)
    assert main(["--fix", "--select", "table-format", listed]) == 0
    fixed = Path(listed).read_text(encoding="utf-8").splitlines()
    assert fixed[6] == "| 1 | 2 |"  # its section's layout
    assert fixed[10:] == ["| a   | bb  |", "| --- | --- |", "| 1   | 2   |"]  # the document's
    assert main(["--show-conventions", listed]) == 0
    assert "layout: compact (set; for its section)" in capsys.readouterr().out
