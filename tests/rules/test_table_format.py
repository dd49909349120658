"""table-format: tables laid out as prettier lays them out (every expected text checked with it)."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import table_format

ONLY = Config(select=("table-format",))

CASES = [
    pytest.param("| a   | b   |\n| --- | --- |\n| 1   | 2   |\n", [], None, id="laid-out"),
    pytest.param(
        "|a|b|\n|-|-|\n|1|2|\n",
        [(1, 2, "T002")],
        "| a   | b   |\n| --- | --- |\n| 1   | 2   |\n",
        id="compact",
    ),
    pytest.param(
        "| h1 | h2 | h3 | h4 |\n|:--|:-:|--:|---|\n| a | b | c | d |\n| long cell | x | y | z |\n",
        [(1, 6, "T002")],
        "| h1        | h2  |  h3 | h4  |\n"
        "| :-------- | :-: | --: | --- |\n"
        "| a         |  b  |   c | d   |\n"
        "| long cell |  x  |   y | z   |\n",
        id="alignments",
    ),
    pytest.param(
        "| a |\n|:-:|\n| ab |\n| abcd |\n| 中 |\n",
        [(1, 3, "T002")],
        "|  a   |\n| :--: |\n|  ab  |\n| abcd |\n|  中  |\n",
        id="centre-splits-odd-padding-left-smaller",
    ),
    pytest.param(
        "| 论文题目 | 发表时间 |\n|---|---|\n| BigTrans | 2023.05 |\n| 中文，标点 | ⭐️🔥 |\n",
        [(1, 8, "T002")],
        "| 论文题目   | 发表时间 |\n"
        "| ---------- | -------- |\n"
        "| BigTrans   | 2023.05  |\n"
        "| 中文，标点 | ⭐️🔥     |\n",
        id="cjk-and-emoji",
    ),
    pytest.param(
        "| e | w |\n|---|---|\n| 👨‍👩‍👧 | é́ |\n| ✍ | “…” |\n| 🇨🇳 | a\u200bb |\n",
        [(1, 5, "T002")],
        "| e   | w   |\n| --- | --- |\n| 👨‍👩‍👧  | é́   |\n| ✍  | “…” |\n| 🇨🇳  | a\u200bb |\n",
        id="zwj-combining-ambiguous-flag-zwsp",
    ),
    pytest.param(
        "| a | b |\n|---|---|\n| x \\| y | `c|d` |\n",
        [(1, 5, "T002")],
        "| a      | b   |\n| ------ | --- |\n| x \\| y | `c  | d`  |\n",
        id="escaped-pipe-and-pipe-in-code",
    ),
    pytest.param(
        "| a | b | c |\n|---|---|---|\n| x | | |\n|  | 中文中 |\n",
        [(1, 5, "T002")],
        "| a   | b      | c   |\n| --- | ------ | --- |\n"
        "| x   |        |     |\n|     | 中文中 |\n",
        id="empty-cells-and-short-row-left-short",
    ),
    pytest.param(
        "a | b\n--|:-:\nx|y|z|w\n1\n",
        [(1, 1, "T002")],
        # the pipe-less "1" is text glued under the table: kept as written (broken-table)
        "| a   |  b  |\n| --- | :-: |\n| x   |  y  | z   | w   |\n1\n",
        id="no-outer-pipes-extra-cells-kept",
    ),
    pytest.param(
        "- item\n\n  |a|b|\n  |---|---|\n  |1|2|\n",
        [(3, 4, "T002")],
        "- item\n\n  | a   | b   |\n  | --- | --- |\n  | 1   | 2   |\n",
        id="in-list",
    ),
    pytest.param(
        "> |q|r|\n> |---|---|\n> |1|2|\n",
        [(1, 4, "T002")],
        "> | q   | r   |\n> | --- | --- |\n> | 1   | 2   |\n",
        id="in-block-quote",
    ),
    pytest.param(
        "| only | header |\n|---|---|\n",
        [(2, 2, "T002")],
        "| only | header |\n| ---- | ------ |\n",
        id="header-only",
    ),
    pytest.param(
        "| a | b |  \n| --- | --- |\n| [l](http://x.y) | <b>x</b> |\n",
        [(1, 5, "T002")],
        "| a               | b        |\n"
        "| --------------- | -------- |\n"
        "| [l](http://x.y) | <b>x</b> |\n",
        id="trailing-space-link-html",
    ),
    pytest.param(
        "| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n",
        [(1, 5, "T002")],
        "| a   | b   |\r\n| --- | --- |\r\n| 1   | 2   |\r\n",
        id="crlf-kept",
    ),
]


@pytest.mark.parametrize(("markdown", "expected", "fixed"), CASES)
def test_table_format(
    markdown: str, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    doc = parse(markdown)
    assert [(p.line, p.column, p.code) for p in table_format.check(doc, ONLY)] == expected
    assert fix_text(markdown, config=ONLY).text == (fixed or markdown)


@pytest.mark.parametrize(("markdown", "expected", "fixed"), CASES)
def test_layout_is_a_fixed_point(
    markdown: str, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    again = fix_text(fixed or markdown, config=ONLY)
    assert again.text == (fixed or markdown) and again.fixed == 0


def test_one_safe_problem_per_table_replacing_the_whole_table() -> None:
    doc = parse("|a|b|\n|-|-|\n|1|2|\n\ntext\n\n|c|\n|-|\n|3|\n")
    problems = list(table_format.check(doc, ONLY))
    assert [p.line for p in problems] == [1, 7]
    assert all(p.fix_safety == "safe" for p in problems)
    assert [(e.start_line, e.end_line) for p in problems if p.fix for e in p.fix.edits] == [
        (1, 3),
        (7, 9),
    ]


def test_with_column_count_short_rows_end_padded_and_laid_out() -> None:
    markdown = "| a | b | c |\n|---|---|---|\n| 1 |\n"
    fixed = fix_text(markdown, config=Config(select=("column-count", "table-format")))
    assert fixed.text == "| a   | b   | c   |\n| --- | --- | --- |\n| 1   |     |     |\n"
    assert fixed.problems == []


def test_table_glued_under_another_gets_no_fix() -> None:
    # "- h|h" ends the table above; laid out as "| - h | h |" it would become its row
    markdown = "|h|\n|---|\n- h|h\n  |---|---|\n"
    problems = list(table_format.check(parse(markdown), ONLY))
    assert [(p.line, p.fix_safety) for p in problems] == [(1, "safe"), (3, None)]
    fixed = fix_text(markdown, config=ONLY)
    assert fixed.text == "| h   |\n| --- |\n- h|h\n  |---|---|\n"
    assert len(parse(fixed.text).tables) == 2


@pytest.mark.parametrize(
    ("markdown", "expected", "shown"),
    [
        # one line differs: quoted with the tab escaped
        ("| a   | b   |\n| --- | --- |\n| 1\t  | 2   |\n", [(3, 4, "T002")], "| 1\\t  | 2   |"),
        ("| a   | b   |\n| --- | --- |\n|1 | 2   |\n", [(3, 2, "T002")], "|1 | 2   |"),
        # several lines differ
        ("|a|b|\n|-|-|\n|1|2|\n", [(1, 2, "T002")], "|a|b|"),
    ],
)
def test_message_quotes_the_line_with_control_characters_escaped(
    markdown: str, expected: list[tuple[int, int, str]], shown: str
) -> None:
    problems = list(table_format.check(parse(markdown), ONLY))
    assert [(p.line, p.column, p.code) for p in problems] == expected
    (problem,) = problems
    assert f'"{shown}"' in problem.message
    assert "\t" not in problem.message and "0 more" not in problem.message
    assert problem.fix_safety == "safe"


def test_pipeless_header_right_under_a_quote_gets_no_fix() -> None:
    """Laid out, the header would open with a pipe and become the quote's lazy continuation."""
    markdown = "> h|`a|b`\n> |---|---|\n- h|h\n  |---|---|\n"
    (problem,) = table_format.check(parse(markdown), Config(select=("table-format",)))
    assert (problem.line, problem.fix) == (3, None)
    assert fix_text(markdown).text == markdown


def test_text_glued_under_a_table_is_left_as_written() -> None:
    """Wrapped in pipes, the text would stay a row even once a blank line is put before it (and
    column-count's pad of it would then count as safe): the safe layout never touches it."""
    markdown = "|a|b|\n|-|-|\n|1|2|\ntext\n"
    fixed = fix_text(markdown, config=Config())
    assert fixed.text == "| a   | b   |\n| --- | --- |\n| 1   | 2   |\ntext\n"
    assert [(p.line, p.code, p.fix_safety) for p in fixed.problems] == [(4, "T006", None)]
    assert fix_text(markdown, config=Config(), unsafe=True).text == fixed.text
