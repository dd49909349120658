"""table-format: tables laid out as prettier lays them out (every expected text checked with it)."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import table_format
from tests.checking import run_rule

# the aligned layout pinned, as this repository does (auto is tested at the end)
ONLY = Config(select=("table-format",), layout="aligned")

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
    assert [(p.line, p.column, p.code) for p in run_rule(table_format, doc, ONLY)] == expected
    assert fix_text(markdown, config=ONLY).text == (fixed or markdown)


@pytest.mark.parametrize(("markdown", "expected", "fixed"), CASES)
def test_layout_is_a_fixed_point(
    markdown: str, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    again = fix_text(fixed or markdown, config=ONLY)
    assert again.text == (fixed or markdown) and again.fixed == 0


def test_one_safe_problem_per_table_replacing_the_whole_table() -> None:
    doc = parse("|a|b|\n|-|-|\n|1|2|\n\ntext\n\n|c|\n|-|\n|3|\n")
    problems = list(run_rule(table_format, doc, ONLY))
    assert [p.line for p in problems] == [1, 7]
    assert all(p.fix_safety == "safe" for p in problems)
    assert [(e.start_line, e.end_line) for p in problems if p.fix for e in p.fix.edits] == [
        (1, 3),
        (7, 9),
    ]


def test_with_column_count_short_rows_end_padded_and_laid_out() -> None:
    markdown = "| a | b | c |\n|---|---|---|\n| 1 |\n"
    fixed = fix_text(
        markdown, config=Config(select=("column-count", "table-format"), layout="aligned")
    )
    assert fixed.text == "| a   | b   | c   |\n| --- | --- | --- |\n| 1   |     |     |\n"
    assert fixed.problems == []


def test_table_glued_under_another_gets_no_fix() -> None:
    # "- h|h" ends the table above; laid out as "| - h | h |" it would become its row
    markdown = "|h|\n|---|\n- h|h\n  |---|---|\n"
    problems = list(run_rule(table_format, parse(markdown), ONLY))
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
    problems = list(run_rule(table_format, parse(markdown), ONLY))
    assert [(p.line, p.column, p.code) for p in problems] == expected
    (problem,) = problems
    assert f'"{shown}"' in problem.message
    assert "\t" not in problem.message and "0 more" not in problem.message
    assert problem.fix_safety == "safe"


def test_pipeless_header_right_under_a_quote_gets_no_fix() -> None:
    """Laid out, the header would open with a pipe and become the quote's lazy continuation."""
    markdown = "> h|`a|b`\n> |---|---|\n- h|h\n  |---|---|\n"
    (problem,) = run_rule(table_format, parse(markdown), ONLY)
    assert (problem.line, problem.fix) == (3, None)
    assert fix_text(markdown).text == markdown


AUTO = Config(select=("table-format",))
TIGHT = "|a|b|\n|-|:-:|\n|1|2|\n"
COMPACT = "| a | b |\n| - | :-: |\n| 1 | 2 |\n"
ALIGNED = "| a   |  b  |\n| --- | :-: |\n| 1   |  2  |\n"


@pytest.mark.parametrize(
    ("tables", "expected_lines", "fixed"),
    [
        # every table in one style: nothing to say, whatever the style
        ((TIGHT, TIGHT), [], None),
        ((COMPACT, COMPACT, COMPACT), [], None),
        ((ALIGNED, ALIGNED), [], None),
        # an outlier is reported and fixed to the style most tables use
        # (the rows only: a header and delimiter are kept as written over unpadded rows)
        ((TIGHT, TIGHT, COMPACT), [11], (TIGHT, TIGHT, "| a | b |\n| - | :-: |\n|1|2|\n")),
        (
            (COMPACT, "|a |b|\n|-|:-:|\n|1|  2 |\n", COMPACT),
            [7],
            (COMPACT, "|a |b|\n|-|:-:|\n| 1 | 2 |\n", COMPACT),
        ),
        # a padded header over compact rows is compact
        ((COMPACT, "| a    |   b |\n|---|---|\n| 1 | 2 |\n"), [], None),
        ((ALIGNED, ALIGNED, "| a | bb |\n|--|--|\n| 1 |2|\n"), [9], None),
        # a compact table among aligned ones is reported but not grown
        ((ALIGNED, ALIGNED, COMPACT), [9], (ALIGNED, ALIGNED, COMPACT)),
    ],
)
def test_auto_layout_keeps_the_documents_style(
    tables: tuple[str, ...], expected_lines: list[int], fixed: tuple[str, ...] | None
) -> None:
    markdown = "\n".join(tables)
    assert [p.line for p in run_rule(table_format, parse(markdown), AUTO)] == expected_lines
    if fixed is not None:
        assert fix_text(markdown, config=AUTO).text == "\n".join(fixed)


def test_compact_outlier_fix_in_a_compact_document_changes_only_spaces() -> None:
    markdown = COMPACT + "\n" + "|  x |y   |\n|---|---|\n| `a|b` | c \\| d |\n" + "\n" + COMPACT
    fixed = fix_text(markdown, config=AUTO).text
    assert fixed.split("\n\n")[1] == "|  x |y   |\n|---|---|\n| `a | b` | c \\| d |"
    assert "".join(fixed.split()) == "".join(markdown.split())


def test_tight_layout_keeps_a_space_after_a_trailing_backslash() -> None:
    markdown = TIGHT + "\n" + TIGHT + "\n" + "| a | b |\n| - | - |\n| x\\ | y |\n"
    fixed = fix_text(markdown, config=AUTO).text
    # "|x\|y|" would escape the pipe and merge the cells
    assert fixed.endswith("| a | b |\n| - | - |\n|x\\ |y|\n")
    assert [row.cells for row in parse(fixed).tables[2].rows] == [("x\\", "y")]


def test_a_compact_list_stays_within_ten_percent_of_its_size() -> None:
    rows = "".join(f"| Paper {i} | 2023.{i % 12 + 1:02d} | a summary of {i} |\n" for i in range(50))
    table = "| Title | Date | Summary |\n| --- | --- | --- |\n" + rows
    messy = "| Title | Date |  Summary |\n|---|---|---|\n" + rows
    markdown = "\n".join([table, table, messy])
    fixed = fix_text(markdown, config=Config()).text
    assert len(fixed) <= 1.1 * len(markdown)
    assert [p.line for p in run_rule(table_format, parse(fixed), AUTO)] == []


@pytest.mark.parametrize("style", ["aligned", "compact", "tight"])
def test_explicit_layout_wins(style: str) -> None:
    from lint import layout

    config = Config(select=("table-format",), layout=style)
    for table in (TIGHT, COMPACT, ALIGNED):
        fixed = fix_text(table, config=config).text
        (parsed,) = parse(fixed).tables
        assert style in layout.styles_of(parsed, tuple(fixed.splitlines()))
        assert "".join(fixed.split()).replace("-", "") == "".join(table.split()).replace("-", "")


def test_text_glued_under_a_table_is_left_as_written() -> None:
    """Wrapped in pipes, the text would stay a row even once a blank line is put before it (and
    column-count's pad of it would then count as safe): the safe layout never touches it."""
    markdown = "|a|b|\n|-|-|\n|1|2|\ntext\n"
    aligned = Config(layout="aligned")
    fixed = fix_text(markdown, config=aligned)
    assert fixed.text == "| a   | b   |\n| --- | --- |\n| 1   | 2   |\ntext\n"
    assert [(p.line, p.code, p.fix_safety) for p in fixed.problems] == [(4, "T006", None)]
    assert fix_text(markdown, config=aligned, unsafe=True).text == fixed.text
    compact = fix_text(markdown, config=Config(layout="compact")).text
    assert compact == "|a|b|\n|-|-|\n| 1 | 2 |\ntext\n"
