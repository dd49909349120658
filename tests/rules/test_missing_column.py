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


def test_without_required_columns_nothing_is_said() -> None:
    # a dated table without a title column whose rows link papers (methods behind [Paper]
    # links), one linking project pages, a changelog: each list's own business (this changed:
    # the first was once named, with the setting for its title column; 5 of 5 labels: noise)
    methods = (
        "| Method | Year | Link |\n|---|---|---|\n"
        "| PPO | 2017 | [Paper](https://arxiv.org/abs/1707.06347) |\n"
        "| DPO | 2023 | [Paper](https://arxiv.org/abs/2305.18290) |\n"
    )
    datasets = (
        "| Dataset | Year | Classes | Project |\n|---|---|---|---|\n"
        "| MNIST | 1998 | 10 | [Project](http://yann.lecun.com/exdb/mnist/) |\n"
    )
    changelog = "| Version | Time | Update Content |\n|---|---|---|\n| V1 | 2023/03/31 | first |\n"
    for markdown in (methods, datasets, changelog):
        problems = run_rule(missing_column, parse(markdown), Config(select=("missing-column",)))
        assert list(problems) == []
    required = Config(select=("missing-column",), required_columns=("title",))
    assert [p.line for p in run_rule(missing_column, parse(methods), required)] == [1]
