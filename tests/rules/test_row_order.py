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
            rows(("B", "2023.05"), ("A", "2023.03")),
            [(4, 7, "P003")],
            rows(("A", "2023.03"), ("B", "2023.05")),
        ),
        # stable: equal dates keep their order
        (
            rows(("C", "2023.05"), ("D", "2023.05"), ("A", "2023.01"), ("E", "2023.05")),
            [(5, 7, "P003")],
            rows(("A", "2023.01"), ("C", "2023.05"), ("D", "2023.05"), ("E", "2023.05")),
        ),
        # non-canonical dates are compared by value
        (
            rows(("B", "2023年5月"), ("A", "2023-3")),
            [(4, 7, "P003")],
            rows(("A", "2023-3"), ("B", "2023年5月")),
        ),
        # an unreadable date: reported, never reordered
        (rows(("B", "2023.05"), ("X", "soon"), ("A", "2023.03")), [(5, 7, "P003")], None),
        (rows(("B", "2023.05"), ("X", ""), ("A", "2023.03")), [(5, 7, "P003")], None),
        # readable ones in order: nothing to say (date-format reports the unreadable one)
        (rows(("A", "2023.03"), ("X", "soon"), ("B", "2023.05")), [], None),
        # block quote: each line keeps its prefix
        (
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n> | B | 2023.05 |\n> | A | 2023.03 |\n",
            [(4, 9, "P003")],
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n> | A | 2023.03 |\n> | B | 2023.05 |\n",
        ),
    ],
)
def test_row_order(markdown: str, expected: list[tuple[int, int, str]], fixed: str | None) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == (fixed if fixed is not None else markdown)


def test_descending_order() -> None:
    config = Config(select=("row-order",), order="descending")
    markdown = rows(("A", "2023.03"), ("B", "2023.05"), ("C", "2023.05"))
    assert found(markdown, config) == [(4, 7, "P003")]
    expected = rows(("B", "2023.05"), ("C", "2023.05"), ("A", "2023.03"))
    assert fix_text(markdown, config=config).text == expected


def test_fix_is_safe_and_one_edit_over_the_body() -> None:
    (problem,) = row_order.check(parse(rows(("B", "2023.05"), ("A", "2023.03"))), ONLY)
    assert problem.fix is not None and problem.fix_safety == "safe"
    (edit,) = problem.fix.edits
    assert (edit.start_line, edit.end_line) == (3, 4)


def test_days_count_only_when_the_format_shows_them() -> None:
    markdown = rows(("B", "2023-05-20"), ("A", "2023-05-01"))
    assert found(markdown) == []
    config = Config(select=("row-order",), date_format="YYYY-MM-DD")
    assert found(markdown, config) == [(4, 7, "P003")]
