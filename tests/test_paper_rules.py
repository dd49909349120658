"""The paper rules end to end: the seed list, the issue's examples, configuration, lazy imports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import Config
from lint.fix import fix_text
from tests.shared import SEED, SHARED, files_or_skip, needs_seed

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted((SHARED / "corpus" / "real").glob("*.md"))
VERIFY = SHARED / "tools" / "verify_fix.py"
PAPER_RULES = ("P001", "P002", "P003", "T003", "T004", "T005", "S001")
# the example: one date in each shape, in descending order; plain --fix sorts it
THREE_DATES = (
    "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
    "| Paper A | 2023.05 | a |\n| Paper B | 2023-03 | b |\n| Paper C | 2022年9月 | c |\n"
)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["--format", "json", *argv])
    return code, json.loads(capsys.readouterr().out)


@needs_seed
def test_seed_has_exactly_one_duplicate_and_no_date_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Changed by issue 17: the seed repeats BigTrans under a second section with the same data,
    which is how a list shows it cross-lists, so by default the repeat is not reported; a
    configuration listing each paper once (``duplicate-scope = "document"``) reports it."""
    copy = tmp_path / "README.md"
    shutil.copyfile(SEED, copy)
    code, problems = run_json(capsys, str(copy))
    assert not [p for p in problems if p["code"] in PAPER_RULES]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.llm4or-lint]\nduplicate-scope = "document"\n', encoding="utf-8"
    )
    code, problems = run_json(capsys, str(copy))
    paper = [p for p in problems if p["code"] in PAPER_RULES]
    assert code == 1
    assert [(p["line"], p["name"]) for p in paper] == [(24, "duplicate-entry")]
    message = str(paper[0]["message"])
    assert "BigTrans" in message and "line 17" in message and "多语言大模型" in message


def test_three_dates_are_reported_then_fixed_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 3's example under this repository's pinned settings (YYYY.MM, ascending).

    Changed by issue 9 (the texts' issue 7): the table runs wholly the other way, and a safe fix
    never reverses a table, so the sort became unsafe; each misplaced row is reported.
    """
    path = tmp_path / "list.md"
    path.write_text(THREE_DATES, encoding="utf-8")
    pinned = tmp_path / "pyproject.toml"
    pinned.write_text(
        '[tool.llm4or-lint]\ndate-format = "YYYY.MM"\norder = "ascending"\n', encoding="utf-8"
    )
    select = ("--select", "date-format,row-order")
    code, problems = run_json(capsys, *select, str(path))
    assert code == 1
    names = sorted(str(p["name"]) for p in problems)
    assert names == ["date-format", "date-format", "row-order", "row-order"]
    main(["--fix", *select, str(path)])
    dates = [line.split("|")[2].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert dates[2:] == ["2023.05", "2023.03", "2022.09"]
    main(["--fix", "--unsafe-fixes", *select, str(path)])
    dates = [line.split("|")[2].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    assert dates[2:] == ["2022.09", "2023.03", "2023.05"]
    assert fix_text(THREE_DATES).text.count("| Paper") == 3


def test_three_dates_newest_first_are_in_order_under_auto(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.md"
    path.write_text(THREE_DATES, encoding="utf-8")
    code, problems = run_json(capsys, "--select", "row-order", str(path))
    assert (code, problems) == (0, [])


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_importing_the_cli_does_not_import_dateparser() -> None:
    code = "import sys, lint.cli; print('dateparser' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
@needs_seed
def test_linting_a_clean_list_does_not_import_dateparser() -> None:
    code = (
        "import sys; from lint.cli import main; main([sys.argv[1]]);"
        "sys.stderr.write(str('dateparser' in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=True
    )
    assert result.stderr.splitlines()[-1] == "False"  # after the count of problems


def write_config(tmp_path: Path, body: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[tool.llm4or-lint]\n{body}\n", encoding="utf-8")
    path = tmp_path / "list.md"
    path.write_text(THREE_DATES, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('date-fmt = "YYYY.MM"', "date-fmt"),
        ('date-format = "MM"', "date-format"),
        ('order = "random"', "order"),
        ('duplicate-scope = "file"', "duplicate-scope"),
        ("title-column = 0", "title-column"),
        ("date-column = true", "date-column"),
        ('required-columns = ["summary"]', "required-columns"),
        ('header = "论文题目"', "header"),
        ("header = []", "header"),
        ('select = ["no-such-rule"]', "no-such-rule"),
        ('ignore = "row-order"', "ignore"),
    ],
)
def test_bad_configuration_exits_2_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, key: str
) -> None:
    path = write_config(tmp_path, body)
    assert main([str(path)]) == 2
    assert key in capsys.readouterr().err


def test_configuration_is_found_above_the_file_and_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config(tmp_path, 'date-format = "YYYY-MM"\norder = "descending"')
    nested = tmp_path / "docs"
    nested.mkdir()
    moved = path.rename(nested / "list.md")
    main(["--fix", "--select", "P002,P003", str(moved)])
    capsys.readouterr()
    dates = [line.split("|")[2].strip() for line in moved.read_text(encoding="utf-8").splitlines()]
    assert dates[2:] == ["2023-05", "2023-03", "2022-09"]


def test_config_option_overrides_the_nearest_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config(tmp_path, 'date-format = "YYYY-MM"')
    other = tmp_path / "other.toml"
    other.write_text('[tool.llm4or-lint]\nignore = ["date-format", "row-order"]\n', "utf-8")
    code, problems = run_json(capsys, "--config", str(other), str(path))
    assert not [p for p in problems if p["code"] in ("P002", "P003")]


@pytest.mark.slow  # every real list of the corpus, linted and fixed: CI, not the fast loop
@pytest.mark.parametrize("real", files_or_skip(REAL, "corpus/real/"))
def test_real_lists_lint_and_fix_losing_nothing(tmp_path: Path, real: Path) -> None:
    text = real.read_text(encoding="utf-8-sig")
    for unsafe in (False, True):
        fix_text(text, str(real), Config(), unsafe=unsafe)
    copy = tmp_path / real.name
    copy.write_text(text, encoding="utf-8")
    assert main(["--fix", str(copy)]) in (0, 1)
    result = subprocess.run(
        [sys.executable, str(VERIFY), str(real), str(copy)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


ARXIV_DAYS = """\
| Title | Date |
| --- | --- |
| [A](https://arxiv.org/abs/2308.00001) | 2023/08<!--17--> |
| [B](https://arxiv.org/abs/2309.00001) | 2023/09 |
| [C](https://arxiv.org/abs/2310.00001) | 2025--01 |
"""


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_arxiv_dates_in_the_columns_style_do_not_import_dateparser(tmp_path: Path) -> None:
    # the day in a comment is the column's style; "2025--01" is no date date-format reads
    path = tmp_path / "list.md"
    path.write_text(ARXIV_DAYS, encoding="utf-8")
    code = (
        "import sys; from lint.cli import main; main(['--select', 'arxiv-date', sys.argv[1]]);"
        "sys.stderr.write(str('dateparser' in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert result.stderr.splitlines()[-1] == "False"  # after the count of problems
