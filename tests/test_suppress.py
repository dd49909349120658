"""Inline suppressions: which problems each comment silences, through engine.check."""

from __future__ import annotations

import pytest

from lint import suppress
from lint.config import Config
from lint.engine import lint_text
from lint.fix import fix_text
from lint.problem import Problem
from tests.shared import SEED, needs_seed

RULES = ("column-count", "invalid-suppression")
# every short row reported, however many the list has
ALL = Config(select=(*RULES, "unused-suppression"), trailing_cells="strict")
TABLE = "| a | b |\n| - | - |\n"


def found(markdown: str, config: Config = ALL) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in lint_text(markdown, "t.md", config)]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # no comment: both short rows reported
        (f"{TABLE}| 1 |\n| 2 |\n", [(3, 4, "T001"), (4, 4, "T001")]),
        # next-line by name, by code (any case), with no name, over blank lines; a comment ends
        # a table, so above a table it covers only the header line
        (
            "<!-- lint-disable-next-line invalid-suppression -->\n<!-- lint-disable bogus -->\n",
            [],
        ),
        ("<!-- lint-disable-next-line m001 -->\n<!-- lint-disable bogus -->\n", []),
        ("<!-- lint-disable-next-line -->\n\n\n<!-- lint-disable bogus -->\n", []),
        (
            "<!-- lint-disable-next-line column-count -->\n<!-- lint-disable bogus -->\n",
            [(1, 1, "M002"), (2, 19, "M001")],
        ),
        (
            f"<!-- lint-disable-next-line column-count -->\n{TABLE}| 1 |\n",
            [(1, 1, "M002"), (4, 4, "T001")],
        ),
        # disable ... enable covers the lines between
        (
            f"<!-- lint-disable column-count -->\n{TABLE}| 1 |\n<!-- lint-enable column-count -->\n"
            f"\n{TABLE}| 2 |\n",
            [(9, 4, "T001")],
        ),
        # disable with no names, enable of one rule
        (
            f"<!-- lint-disable -->\n{TABLE}| 1 |\n\n<!-- lint-enable T001 -->\n{TABLE}| 2 |\n",
            [(9, 4, "T001")],
        ),
        # disable-file anywhere covers the whole file
        (f"{TABLE}| 1 |\n\n<!-- lint-disable-file column-count -->\n", []),
        (f"{TABLE}| 1 |\n\n<!-- lint-disable-file -->\n", []),
        # names separated by commas; an unknown name is reported and covers nothing
        (f"<!-- lint-disable-file bogus, T001 -->\n{TABLE}| 1 |\n", [(1, 24, "M001")]),
        (f"<!-- lint-disable-file bogus -->\n{TABLE}| 1 |\n", [(1, 24, "M001"), (4, 4, "T001")]),
        # inside a fenced code block or inline in text it is no suppression
        (f"```\n<!-- lint-disable-file -->\n```\n\n{TABLE}| 1 |\n", [(7, 4, "T001")]),
        (f"Write `<!-- lint-disable-file -->` to...\n\n{TABLE}| 1 |\n", [(5, 4, "T001")]),
    ],
)
def test_suppressions(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected


def test_unused_suppression_is_opt_in() -> None:
    markdown = f"<!-- lint-disable-file row-order -->\n{TABLE}| 1 | 2 |\n"
    assert found(markdown, Config(select=RULES)) == []
    assert found(markdown, Config(select=RULES, extend_select=("unused-suppression",))) == [
        (1, 1, "M002")
    ]


def test_enable_alone_is_never_unused() -> None:
    assert found(f"<!-- lint-enable -->\n{TABLE}| 1 | 2 |\n") == []


def test_directives_record_positions_and_targets() -> None:
    lines = ("", "  <!-- lint-disable-next-line column-count, D001 -->", "", "| x |")
    (directive,) = suppress.directives(lines, {"column-count": "T001"}.get)
    assert (directive.line, directive.column, directive.kind) == (2, 3, suppress.NEXT_LINE)
    assert directive.names == (("column-count", 31), ("D001", 45))
    assert directive.target == 4
    assert directive.codes == frozenset({"T001"}) and directive.unknown == (("D001", 45),)


def test_text_without_lint_comment_skips_all_work() -> None:
    assert not suppress.has_directives(("| a |", "<!-- other comment -->"))


def test_fix_leaves_suppressed_problems_alone() -> None:
    markdown = f"<!-- lint-disable-file column-count -->\n{TABLE}| 1 |\n"
    assert fix_text(markdown, "t.md", Config(select=RULES)).text == markdown


@needs_seed
def test_comment_above_the_second_bigtrans_row_ends_its_table() -> None:
    """The issue's scenario: the duplicate goes and nothing else changes, but GFM ends a table
    at a comment line, so the row leaves the table (unused-suppression and broken-table say so).
    The seed's one repeat is reported where the configuration lists each paper once (issue 17)."""
    from lint.rules import lookup

    rule = lookup("duplicate-entry")
    assert rule is not None
    once = Config(duplicate_scope="document")
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    before = lint_text("".join(lines), config=once)
    (duplicate,) = [p for p in before if p.code == rule.CODE and "BigTrans" in p.message]
    lines.insert(duplicate.line - 1, f"<!-- lint-disable-next-line {rule.NAME} -->\n")
    after = lint_text("".join(lines), config=once)
    shifted = [
        (p.line + (p.line >= duplicate.line), p.column, p.code) for p in before if p != duplicate
    ]
    assert [(p.line, p.column, p.code) for p in after if p.code != "T006"] == shifted
    # the rows below the comment are cut off from their table, and broken-table says so
    cut_off = [p.line for p in after if p.code == "T006"]
    assert cut_off and cut_off[0] == duplicate.line + 1
    unused = lint_text("".join(lines), config=once._replace(extend_select=("unused-suppression",)))
    assert (duplicate.line, 1, "M002") in [(p.line, p.column, p.code) for p in unused]


ORDER = Config(select=("row-order", "unused-suppression", "invalid-suppression"), order="ascending")
DATED = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def test_one_row_is_silenced_from_inside_it_without_cutting_the_table() -> None:
    rows = "| A | 2023.01 | a |\n| Z | 2023.09 | z |\n| B | 2023.02 | b |\n| C | 2023.03 | c |\n"
    assert [p.line for p in lint_text(DATED + rows, "t.md", ORDER)] == [4]
    silenced = rows.replace("| z |", "| z <!-- lint-disable-line row-order --> |")
    assert lint_text(DATED + silenced, "t.md", ORDER) == []
    # the table is still one table of four rows: the comment sits inside a cell
    from lint.document import parse

    (table,) = parse(DATED + silenced).tables
    assert len(table.rows) == 4
    # and a plain --fix leaves the silenced row where it is
    assert fix_text(DATED + silenced, config=ORDER).text == DATED + silenced


def test_in_row_suppression_names_rules_and_is_checked() -> None:
    rows = "| Z | 2023.09 | z |\n| B | 2023.02 | b <!-- lint-disable-line date-format --> |\n"
    codes = [p.code for p in lint_text(DATED + "| A | 2023.01 | a |\n" + rows, "t.md", ORDER)]
    # silences only what it names (row-order still reported on its row), and is unused there
    assert sorted(codes) == ["M002", "P003"]
    bogus = "| A | 2023.01 | a <!-- lint-disable-line nope --> |\n"
    assert [p.code for p in lint_text(DATED + bogus, "t.md", ORDER)] == ["M001"]


def test_thousands_of_comments_and_problems_are_matched_without_a_scan_each() -> None:
    # every problem once scanned every comment: problems x comments
    lines = []
    for _ in range(3_000):
        lines += ["<!-- lint-disable-next-line T001 -->", "| x |"]
        lines += ["<!-- lint-disable T001 -->", "| x |", "<!-- lint-enable T001 -->", "| y |"]
    problems = [
        Problem(number, 1, "T001", "column-count", "short row")
        for number, line in enumerate(lines, start=1)
        if line.startswith("|")
    ]
    directives = suppress.directives(lines, {"T001": "T001"}.get)
    kept = suppress.apply(problems, directives, {"T001", suppress.UNUSED_CODE})
    # every comment silenced something: no unused-suppression problem is added
    assert [problem.line for problem in kept] == list(range(6, len(lines) + 1, 6))
