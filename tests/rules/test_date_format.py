"""date-format: every readable shape is rewritten canonically; anything else is reported as is."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import date_format

ONLY = Config(select=("date-format",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def table(date: str) -> str:
    return f"{HEADER}| Paper A | {date} | 摘要 |\n"


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in date_format.check(parse(markdown), config)]


READABLE = [
    ("2023-5", "2023.05"),
    ("2023-05", "2023.05"),
    ("2023/05", "2023.05"),
    ("2023.5", "2023.05"),
    ("2023 .05", "2023.05"),
    ("May 2023", "2023.05"),
    ("Sep. 2023", "2023.09"),
    ("2023年5月", "2023.05"),
    ("2023 年 5 月", "2023.05"),
    ("2023-05-17", "2023.05"),
    ("2023年5月17日", "2023.05"),
    ("２０２３．０５", "2023.05"),
    ("September 2023", "2023.09"),
    ("17 May 2023", "2023.05"),
    ("05/2023", "2023.05"),
    ("**2023-05**", "**2023.05**"),  # emphasis is kept, only the date inside is rewritten
    ("_May 2023_", "_2023.05_"),
]


@pytest.mark.parametrize(("written", "canonical"), READABLE)
def test_readable_date_is_reported_and_fixed_to_canonical(written: str, canonical: str) -> None:
    markdown = table(written)
    assert found(markdown) == [(3, 13, "P002")]
    (problem,) = date_format.check(parse(markdown), ONLY)
    assert problem.fix_safety == "safe"
    assert fix_text(markdown, config=ONLY).text == table(canonical)


UNREADABLE = [
    "2023.13",  # month 13
    "1899.05",  # before 1900
    "2999.01",  # far in the future
    "preprint",  # free text
    "2023",  # a year alone
    "2023年",
    "23.05",  # two-digit year
    "5/6/2023",  # day and month could be either way
    "2023-02-30",  # no such day
    "to appear",
]


@pytest.mark.parametrize("written", UNREADABLE)
def test_unreadable_date_is_reported_and_left_as_written(written: str) -> None:
    markdown = table(written)
    assert found(markdown) == [(3, 13, "P002")]
    (problem,) = date_format.check(parse(markdown), ONLY)
    assert problem.fix is None
    assert fix_text(markdown, config=ONLY).text == markdown


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        (table("2023.05"), [], table("2023.05")),
        # an empty date is empty-cell's to report
        (table(""), [], table("")),
        # only the date cell changes: padding and the other cells stay as written
        (
            f"{HEADER}|  Paper A  |   2023-5   | a  |\n",
            [(3, 17, "P002")],
            f"{HEADER}|  Paper A  |   2023.05   | a  |\n",
        ),
        # block-quote prefix kept
        (
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n> | Paper A | 2023/5 |\n",
            [(3, 15, "P002")],
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n> | Paper A | 2023.05 |\n",
        ),
        # a table without a date column is not a paper table
        ("| 论文题目 | 备注 |\n| --- | --- |\n| A | 2023-5 |\n", [], None),
    ],
)
def test_date_format(
    markdown: str, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == (fixed if fixed is not None else markdown)


@pytest.mark.parametrize(
    ("date_format", "written", "canonical"),
    [
        ("YYYY-MM", "2023.5", "2023-05"),
        ("YYYY/MM", "2023年5月", "2023/05"),
        ("YYYY-MM-DD", "2023年5月17日", "2023-05-17"),
        ("YYYY年MM月", "2023-05", "2023年05月"),
        ("YYYYMM", "2023.5", "202305"),
        ("DD.MM.YYYY", "2023-05-17", "17.05.2023"),
    ],
)
def test_configured_format(date_format: str, written: str, canonical: str) -> None:
    config = Config(select=("date-format",), date_format=date_format)
    assert found(table(written), config) == [(3, 13, "P002")]
    assert found(table(canonical), config) == []
    assert fix_text(table(written), config=config).text == table(canonical)


def test_format_with_day_does_not_invent_one() -> None:
    config = Config(select=("date-format",), date_format="YYYY-MM-DD")
    markdown = table("2023-05")
    assert found(markdown, config) == [(3, 13, "P002")]
    assert fix_text(markdown, config=config).text == markdown


def test_fix_declares_the_rewritten_row() -> None:
    (problem,) = date_format.check(parse(table("2023-5")), ONLY)
    assert problem.fix is not None
    assert problem.fix.rewritten_rows == (
        (("Paper A", "2023-5", "摘要"), ("Paper A", "2023.05", "摘要")),
    )


def test_canonical_date_in_emphasis_is_not_reported() -> None:
    assert found(table("**2023.05**")) == []
