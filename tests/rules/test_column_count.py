"""column-count: rows with fewer or more cells than the header."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import column_count
from tests.checking import run_rule

ONLY = Config(select=("column-count",))


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(column_count, parse(markdown), ONLY)]


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", [], "| a | b |\n|---|---|\n| 1 | 2 |\n"),
        (
            "| a | b | c |\n|---|---|---|\n| 1 | 2 |\n",
            [(3, 8, "T001")],
            "| a | b | c |\n|---|---|---|\n| 1 | 2 |  |\n",
        ),
        (
            "a | b | c\n--|--|--\n1 | 2\n",
            [(3, 6, "T001")],
            "a | b | c\n--|--|--\n1 | 2 |  |\n",
        ),
        # a line with no pipe at all is text glued to the table: broken-table reports it
        ("a | b | c\n--|--|--\n1\n", [], "a | b | c\n--|--|--\n1\n"),
        # a lone tag under a table ends it on GitHub: never padded into it
        ("| a | b |\n|---|---|\n<br>\n", [], "| a | b |\n|---|---|\n<br>\n"),
        (
            '| a | b |\n|---|---|\n<img src="fig.png" width="400"/>\n',
            [],
            '| a | b |\n|---|---|\n<img src="fig.png" width="400"/>\n',
        ),
        (
            "> | a | b |\n> |---|---|\n> | 1 |\n",
            [(3, 6, "T001")],
            "> | a | b |\n> |---|---|\n> | 1 |  |\n",
        ),
        (
            "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
            [(3, 11, "T001")],
            "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
        ),
        ("| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n", [], "| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n"),
    ],
)
def test_column_count(markdown: str, expected: list[tuple[int, int, str]], fixed: str) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == fixed


def test_short_row_fix_is_safe_and_long_row_has_no_fix() -> None:
    doc = parse("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n")
    problems = list(run_rule(column_count, doc, ONLY))
    assert [p.fix_safety for p in problems] == ["safe", None]


def test_message_counts_both_sides_and_suggests_escape_for_split_title() -> None:
    doc = parse(
        "| 论文题目 | 发表时间 | 内容简介 |\n|---|---|---|\n| Tools | agents | 2023.05 | 简介 |\n"
    )
    (problem,) = run_rule(column_count, doc, ONLY)
    assert "4" in problem.message and "3" in problem.message
    assert "\\|" in problem.message


def test_seed_has_no_column_count_problem(seed_text: str) -> None:
    assert list(run_rule(column_count, parse(seed_text), ONLY)) == []


@pytest.mark.parametrize(
    ("markdown", "split"),
    [
        # a pipe inside a code span in the last column, after a CJK date: the code span is split
        ("| Date | Paper | Code |\n|---|---|---|\n| 2024年5月 | F paper | `a|b` |\n", 3),
        ("| Paper | Date |\n|---|---|\n| [Tools | Agents](https://x.org) | 2023.05 |\n", 1),
        (
            "| 论文题目 | 发表时间 | 内容简介 |\n|---|---|---|\n"
            "| Tools | agents | 2023.05 | 简介 |\n",
            1,
        ),
    ],
)
def test_split_cell_is_the_one_continuing_an_open_span(markdown: str, split: int) -> None:
    (table,) = parse(markdown).tables
    (row,) = table.rows
    assert column_count._split_title(row, len(table.header.cells)) == split
