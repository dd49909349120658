"""row-order: a stable sort by date that moves whole rows, never with an unreadable date."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import row_order

ONLY = Config(select=("row-order",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def rows(*pairs: tuple[str, str]) -> str:
    return HEADER + "".join(f"| {title} | {date} | x |\n" for title, date in pairs)


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in row_order.check(parse(markdown), config)]


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        (rows(("A", "2023.03"), ("B", "2023.05")), [], None),
        (
            rows(("B", "2023.05"), ("A", "2023.03"), ("C", "2023.07")),
            [(4, 7, "P003")],
            rows(("A", "2023.03"), ("B", "2023.05"), ("C", "2023.07")),
        ),
        # stable: equal dates keep their order
        (
            rows(("C", "2023.05"), ("D", "2023.05"), ("A", "2023.01"), ("E", "2023.05")),
            [(5, 7, "P003")],
            rows(("A", "2023.01"), ("C", "2023.05"), ("D", "2023.05"), ("E", "2023.05")),
        ),
        # non-canonical dates are compared by value
        (
            rows(("B", "2023年5月"), ("A", "2023-3"), ("C", "2023\u201306")),
            [(4, 7, "P003")],
            rows(("A", "2023-3"), ("B", "2023年5月"), ("C", "2023\u201306")),
        ),
        # an unreadable date: reported, never reordered
        (rows(("B", "2023.05"), ("X", "soon"), ("A", "2023.03")), [(5, 7, "P003")], None),
        (rows(("B", "2023.05"), ("X", ""), ("A", "2023.03")), [(5, 7, "P003")], None),
        # readable ones in order: nothing to say (date-format reports the unreadable one)
        (rows(("A", "2023.03"), ("X", "soon"), ("B", "2023.05")), [], None),
        # block quote: each line keeps its prefix
        (
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n"
            "> | B | 2023.05 |\n> | A | 2023.03 |\n> | C | 2023.07 |\n",
            [(4, 9, "P003")],
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n"
            "> | A | 2023.03 |\n> | B | 2023.05 |\n> | C | 2023.07 |\n",
        ),
    ],
)
def test_row_order(markdown: str, expected: list[tuple[int, int, str]], fixed: str | None) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == (fixed if fixed is not None else markdown)


def test_descending_order() -> None:
    config = Config(select=("row-order",), order="descending")
    markdown = rows(("A", "2023.03"), ("B", "2023.05"), ("C", "2023.05"), ("D", "2023.01"))
    assert found(markdown, config) == [(4, 7, "P003")]
    expected = rows(("B", "2023.05"), ("C", "2023.05"), ("A", "2023.03"), ("D", "2023.01"))
    assert fix_text(markdown, config=config).text == expected


def test_fix_is_safe_and_one_edit_over_the_body() -> None:
    markdown = rows(("B", "2023.05"), ("A", "2023.03"), ("C", "2023.07"))
    (problem,) = row_order.check(parse(markdown), ONLY)
    assert problem.fix is not None and problem.fix_safety == "safe"
    (edit,) = problem.fix.edits
    assert (edit.start_line, edit.end_line) == (3, 5)


DESCENDING = Config(select=("row-order",), order="descending")


@pytest.mark.parametrize(
    ("markdown", "config", "expected", "safety", "sorted_text"),
    [
        # the whole table runs the other way: the message names the setting, the sort stays safe
        (
            rows(("B", "2023.05"), ("A", "2023.03")),
            ONLY,
            [(4, 7, "P003")],
            "safe",
            rows(("A", "2023.03"), ("B", "2023.05")),
        ),
        # non-strict: equal dates in a descending run keep their order when sorted
        (
            rows(("C", "2023.09"), ("B1", "2023.05"), ("B2", "2023.05"), ("A", "2023.01")),
            ONLY,
            [(4, 8, "P003")],
            "safe",
            rows(("A", "2023.01"), ("B1", "2023.05"), ("B2", "2023.05"), ("C", "2023.09")),
        ),
        # equal dates first, then the other way
        (
            rows(("B1", "2023.05"), ("B2", "2023.05"), ("A", "2023.01")),
            ONLY,
            [(5, 7, "P003")],
            "safe",
            rows(("A", "2023.01"), ("B1", "2023.05"), ("B2", "2023.05")),
        ),
        # an ascending table under order = "descending"
        (
            rows(("A", "2023.03"), ("B", "2023.05"), ("C", "2023.07")),
            DESCENDING,
            [(4, 7, "P003")],
            "safe",
            rows(("C", "2023.07"), ("B", "2023.05"), ("A", "2023.03")),
        ),
        # the three dates, written three ways, in descending order
        (
            rows(("A", "2023.05"), ("B", "2023-03"), ("C", "2022年9月")),
            ONLY,
            [(4, 7, "P003")],
            "safe",
            rows(("C", "2022年9月"), ("B", "2023-03"), ("A", "2023.05")),
        ),
        # only partly out of order: the safe fix
        (
            rows(("A", "2023.05"), ("B", "2023.03"), ("C", "2023.04")),
            ONLY,
            [(4, 7, "P003")],
            "safe",
            rows(("B", "2023.03"), ("C", "2023.04"), ("A", "2023.05")),
        ),
        (
            rows(("A", "2023.01"), ("C", "2023.05"), ("B", "2023.03")),
            ONLY,
            [(5, 7, "P003")],
            "safe",
            rows(("A", "2023.01"), ("B", "2023.03"), ("C", "2023.05")),
        ),
        # the other way but with a date it cannot read: reported, never sorted
        (
            rows(("B", "2023.05"), ("X", "soon"), ("A", "2023.03")),
            ONLY,
            [(5, 7, "P003")],
            None,
            None,
        ),
    ],
)
def test_table_in_the_opposite_order(
    markdown: str,
    config: Config,
    expected: list[tuple[int, int, str]],
    safety: str | None,
    sorted_text: str | None,
) -> None:
    assert found(markdown, config) == expected
    assert [p.fix_safety for p in row_order.check(parse(markdown), config)] == [safety]
    after_safe = sorted_text if safety == "safe" else markdown
    assert fix_text(markdown, config=config).text == after_safe
    assert fix_text(markdown, config=config, unsafe=True).text == (sorted_text or markdown)


def year_rows(header: str, *pairs: tuple[str, str]) -> str:
    return f"| Title | {header} |\n| --- | --- |\n" + "".join(
        f"| {title} | {year} |\n" for title, year in pairs
    )


@pytest.mark.parametrize(
    ("markdown", "config", "expected", "fixed"),
    [
        # a year column is compared by year
        (year_rows("Year", ("A", "2021"), ("B", "2022"), ("C", "2022")), ONLY, [], None),
        (
            year_rows("Year", ("B", "2022"), ("A", "**2021**"), ("C", "2023年")),
            ONLY,
            [(4, 7, "P003")],
            year_rows("Year", ("A", "**2021**"), ("B", "2022"), ("C", "2023年")),
        ),
        # stable: rows of the same year keep their order
        (
            year_rows("年份", ("C1", "2023"), ("A", "2021"), ("C2", "2023"), ("B", "2022")),
            ONLY,
            [(4, 7, "P003")],
            year_rows("年份", ("A", "2021"), ("B", "2022"), ("C1", "2023"), ("C2", "2023")),
        ),
        # a year alone among months cannot be read: reported, never sorted
        (
            year_rows("Date", ("B", "2023.05"), ("X", "2022"), ("A", "2023.03")),
            ONLY,
            [(5, 7, "P003")],
            None,
        ),
        # date-format = "YYYY": months are compared by their year only
        (
            year_rows("Date", ("A", "2023.09"), ("B", "2023.01"), ("C", "2024")),
            Config(select=("row-order",), date_format="YYYY"),
            [],
            None,
        ),
        (
            year_rows("Date", ("C", "2024"), ("A", "2023.09"), ("B", "2025.01")),
            Config(select=("row-order",), date_format="YYYY"),
            [(4, 7, "P003")],
            year_rows("Date", ("A", "2023.09"), ("C", "2024"), ("B", "2025.01")),
        ),
    ],
)
def test_year_column(
    markdown: str, config: Config, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    assert found(markdown, config) == expected
    assert fix_text(markdown, config=config).text == (fixed or markdown)


def test_days_count_only_when_the_format_shows_them() -> None:
    markdown = rows(("B", "2023-05-20"), ("A", "2023-05-01"))
    assert found(markdown) == []
    config = Config(select=("row-order",), date_format="YYYY-MM-DD")
    assert found(markdown, config) == [(4, 7, "P003")]


@pytest.mark.parametrize(
    ("markdown", "safety"),
    [
        # rows ranked 1..n: sorting by date would scramble the ranking
        (
            "| 排名 | 论文题目 | 发表时间 |\n| --- | --- | --- |\n"
            "| 1 | A | 2024.05 |\n| 2 | B | 2024.01 |\n| 3 | C | 2024.03 |\n",
            "unsafe",
        ),
        (
            "| # | Paper | Date |\n| --- | --- | --- |\n| 3 | A | 2024.05 |\n| 2 | B | 2024.01 |\n",
            "unsafe",
        ),
        # numbers that do not count the rows (citations) leave the sort safe
        (
            "| 论文题目 | 发表时间 | 引用 |\n| --- | --- | --- |\n"
            "| A | 2024.05 | 12 |\n| B | 2024.01 | 40 |\n| C | 2024.03 | 7 |\n",
            "safe",
        ),
    ],
)
def test_numbered_rows_make_the_sort_unsafe(markdown: str, safety: str) -> None:
    (problem,) = row_order.check(parse(markdown), ONLY)
    assert problem.fix_safety == safety
    assert (fix_text(markdown, config=ONLY).text == markdown) is (safety == "unsafe")
