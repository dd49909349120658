"""empty-cell: a paper row without a title or a date."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import empty_cell
from tests.checking import run_rule

ONLY = Config(select=("empty-cell",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(empty_cell, parse(markdown), ONLY)]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (f"{HEADER}| A | 2023.05 | a |\n", []),
        # an empty summary is fine
        (f"{HEADER}| A | 2023.05 |  |\n", []),
        (f"{HEADER}|  | 2023.05 | a |\n", [(3, 3, "T004")]),
        (f"{HEADER}| A |  | a |\n", [(3, 7, "T004")]),
        (f"{HEADER}| |  | a |\n", [(3, 3, "T004"), (3, 5, "T004")]),
        # a short row is missing its date cell altogether
        (f"{HEADER}| A |\n", [(3, 4, "T004")]),
        # not a paper table
        ("| 作者 | 机构 |\n|---|---|\n|  |  |\n", []),
    ],
)
def test_empty_cell(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == markdown
