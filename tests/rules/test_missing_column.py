"""missing-column: with required-columns set, a table without a required role is reported."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.rules import missing_column
from tests.checking import run_rule

NO_DATE = "| 论文题目 | 内容简介 |\n| --- | --- |\n| A | a |\n"
NO_TITLE = "| 发表时间 | 内容简介 |\n| --- | --- |\n| 2023.05 | a |\n"
PAPERS = "| 论文题目 | 发表时间 |\n| --- | --- |\n| A | 2023.05 |\n"


def found(markdown: str, required: tuple[str, ...]) -> list[tuple[int, int, str]]:
    config = Config(select=("missing-column",), required_columns=required)
    return [(p.line, p.column, p.code) for p in run_rule(missing_column, parse(markdown), config)]


@pytest.mark.parametrize(
    ("markdown", "required", "expected"),
    [
        (NO_DATE, (), []),
        (NO_DATE, ("title",), []),
        (NO_DATE, ("date",), [(1, 3, "T005")]),
        (NO_TITLE, ("title", "date"), [(1, 3, "T005")]),
        (PAPERS, ("title", "date"), []),
        ("| x | y |\n|---|---|\n", ("title", "date"), [(1, 3, "T005"), (1, 3, "T005")]),
    ],
)
def test_missing_column(
    markdown: str, required: tuple[str, ...], expected: list[tuple[int, int, str]]
) -> None:
    assert found(markdown, required) == expected


def test_configured_column_satisfies_the_requirement() -> None:
    config = Config(select=("missing-column",), required_columns=("date",), date_column=2)
    assert list(run_rule(missing_column, parse(NO_DATE), config)) == []


def test_a_date_table_without_a_title_column_is_said_once() -> None:
    # its rows link (a paper in one of three notes), yet no column links in most rows
    table = (
        "| Version | Date | Notes |\n|---|---|---|\n| 1.0 | 2023-05 | x |\n"
        "| 1.1 | 2023-06 | [A](https://arxiv.org/abs/2306.00001) |\n| 1.2 | 2023-07 | y |\n"
    )
    markdown = "\n".join([table, table, table])
    problems = list(run_rule(missing_column, parse(markdown), Config(select=("missing-column",))))
    assert [(p.line, p.code) for p in problems] == [(1, "T005")]
    titled = "| 论文题目 | 发表时间 |\n|---|---|\n| A | 2023.05 |\n"
    assert list(run_rule(missing_column, parse(titled), Config(select=("missing-column",)))) == []


def test_a_dated_table_linking_no_paper_is_no_paper_table() -> None:
    # datasets with their project pages (a survey's evaluation tables): dated, linked, no paper
    datasets = (
        "| Dataset | Year | Classes | Project |\n|---|---|---|---|\n"
        "| MNIST | 1998 | 10 | [Project](http://yann.lecun.com/exdb/mnist/) |\n"
        "| Caltech-101 | 2004 | 102 | [Project](https://data.caltech.edu/records/mzrjq) |\n"
    )
    problems = run_rule(missing_column, parse(datasets), Config(select=("missing-column",)))
    assert list(problems) == []


def test_a_dated_table_that_links_nothing_is_no_paper_table() -> None:
    # a changelog: dated, no title column, no link in any row (issue 17: not a paper table)
    changelog = "| Version | Time | Update Content |\n|---|---|---|\n| V1 | 2023/03/31 | first |\n"
    problems = run_rule(missing_column, parse(changelog), Config(select=("missing-column",)))
    assert list(problems) == []
