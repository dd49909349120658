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
        markdown,
        config=Config(
            select=("column-count", "table-format"), layout="aligned", trailing_cells="strict"
        ),
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


# a list's introduction: a layout fix may change a file's size by 3% at most
INTRO = "A paragraph of the list's introduction, longer than any table here.\n" * 40 + "\n"


def compact(rows: int, odd: dict[int, str] | None = None) -> str:
    """A compact table of ``rows`` rows, the rows at the keys of ``odd`` written as given."""
    lines = [f"| Paper {i} | 2023.{i % 12 + 1:02d} |" for i in range(rows)]
    for index, line in (odd or {}).items():
        lines[index] = line
    return "| Title | Date |\n| --- | --- |\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("tables", "expected_lines"),
    [
        # every table in one style: nothing to say, whatever the style
        ((TIGHT, TIGHT), []),
        ((COMPACT, COMPACT, COMPACT), []),
        ((ALIGNED, ALIGNED), []),
        # a table in another style than the others keeps its own: never converted
        ((TIGHT, TIGHT, COMPACT), []),
        ((ALIGNED, ALIGNED, COMPACT), []),
        ((COMPACT, COMPACT, ALIGNED), []),
        # a padded header over compact rows is compact
        ((COMPACT, "| a    |   b |\n|---|---|\n| 1 | 2 |\n"), []),
    ],
)
def test_auto_tables_each_in_a_style_are_left_alone(
    tables: tuple[str, ...], expected_lines: list[int]
) -> None:
    markdown = "\n".join(tables)
    assert [p.line for p in run_rule(table_format, parse(markdown), AUTO)] == expected_lines
    assert fix_text(markdown, config=AUTO).text == markdown


def test_auto_row_off_a_kept_compact_layout_is_fixed_alone() -> None:
    odd = compact(8, {5: "| Paper 5 |2023.06|"})
    markdown = "\n".join([compact(4), odd, compact(4)])
    problems = run_rule(table_format, parse(markdown), AUTO)
    assert [(p.line, p.column, p.code) for p in problems] == [(15, 12, "T002")]
    fixed = fix_text(markdown, config=AUTO).text
    assert fixed == "\n".join([compact(4), compact(8), compact(4)])


@pytest.mark.parametrize(
    ("odd", "expected_lines"),
    [
        # three rows in four keep the style: the fourth is reported
        ({3: "|Paper 3| 2023.04 |"}, [6]),
        # two in four do not: no layout kept there
        ({2: "|Paper 2| 2023.03 |", 3: "|Paper 3| 2023.04 |"}, []),
    ],
)
def test_auto_a_table_keeps_a_style_in_three_rows_of_four(
    odd: dict[int, str], expected_lines: list[int]
) -> None:
    markdown = compact(4, odd)
    assert [p.line for p in run_rule(table_format, parse(markdown), AUTO)] == expected_lines


def test_auto_two_of_three_rows_keep_no_style() -> None:
    markdown = compact(3, {2: "|Paper 2| 2023.03 |"})
    assert run_rule(table_format, parse(markdown), AUTO) == []


def test_auto_extra_spaces_in_a_compact_table_are_not_reported() -> None:
    """Untrimmed data (``| text  |``) is invisible in an editor as on GitHub."""
    markdown = compact(8, {5: "| Paper 5  |  2023.06 |"})
    assert run_rule(table_format, parse(markdown), AUTO) == []


def test_auto_a_cell_ending_in_full_width_punctuation_may_touch_its_pipe() -> None:
    """CJK writers leave out the space after ``）`` or ``。``: its own width spaces it."""
    for mark in "）。】":
        markdown = compact(8, {5: f"| Paper 5（多模态{mark}| 2023.06 |"})
        assert run_rule(table_format, parse(markdown), AUTO) == []
        assert fix_text(markdown, config=AUTO).text == markdown
    # an ASCII bracket or a full-width opening one is no such mark: the missing space is a slip
    for odd in ("| Paper 5 (CVPR)| 2023.06 |", "| Paper 5（| 2023.06 |"):
        assert [p.line for p in run_rule(table_format, parse(compact(8, {5: odd})), AUTO)] == [8]


@pytest.mark.parametrize(
    ("kept", "other", "expected"),
    [
        # most tables (of three rows or more) keep compact: the outlier row is reported
        (3, 1, [3]),
        # half of them: the document keeps no layout, nothing is checked
        (2, 2, []),
    ],
)
def test_auto_the_document_keeps_a_layout_most_tables_keep(
    kept: int, other: int, expected: list[int]
) -> None:
    tight = "|Title|Date|\n|---|---|\n" + "".join(f"|P{i}|2023|\n" for i in range(4))
    tables = [compact(4, {0: "| Paper 0 |2023.01|"})] + [compact(4)] * (kept - 1) + [tight] * other
    markdown = "\n".join(tables)
    assert [p.line for p in run_rule(table_format, parse(markdown), AUTO)] == expected


def test_auto_a_tight_table_may_write_an_empty_cell_with_one_space() -> None:
    # ``| |`` for an empty cell is how this tight list writes it: no row is off its layout
    rows = "".join(f"|P{i}|2023|{'| |' if i % 2 else '|x|'}\n" for i in range(6))
    markdown = "|Title|Date|Note|\n|---|---|---|\n" + rows.replace("||", "|")
    assert run_rule(table_format, parse(markdown), AUTO) == []
    # a row off it by spaces in its cells still is
    off = markdown.replace("|P0|2023|x|", "| P0 | 2023|x|")
    assert [p.line for p in run_rule(table_format, parse(off), AUTO)] == [3]


def test_auto_a_tight_row_may_keep_white_space_at_the_edges_of_one_cells_text() -> None:
    # a generator copies each repository's description as written (``… why. |``): GitHub shows
    # it as the tight cell, and the next run writes it again (this changed: the row was off)
    rows = "".join(f"|{i}|[a/r{i}](https://g.io/r{i})|Tool {i}|\n" for i in range(6))
    markdown = "|#|Repo|Description|\n|-|-|-|\n" + rows
    for spaced in ("|Tool 2 |", "| Tool 2|", "| Tool 2 |"):
        copied = markdown.replace("|Tool 2|", spaced)
        assert run_rule(table_format, parse(copied), AUTO) == []
    # beside an empty cell written ``| |``, as tight lists keep one
    blank = markdown.replace("|2|[a/r2](https://g.io/r2)|Tool 2|", "|2| |Tool 2 |")
    assert run_rule(table_format, parse(blank), AUTO) == []
    # spaces in two cells are a row laid out otherwise; the fix leaves the copied one alone
    off = markdown.replace("|Tool 2|", "|Tool 2 |").replace(
        "|4|[a/r4](https://g.io/r4)|", "| 4 | [a/r4](https://g.io/r4)|"
    )
    assert [p.line for p in run_rule(table_format, parse(off), AUTO)] == [7]
    assert fix_text(off, config=AUTO).text == off.replace(
        "| 4 | [a/r4](https://g.io/r4)|", "|4|[a/r4](https://g.io/r4)|"
    )


def test_auto_a_table_most_of_whose_rows_space_one_cell_keeps_no_tight_layout() -> None:
    # every row spaces its venue (``| ACL21 |Title|``): a layout of its own, and a row spacing
    # its title too is no slip a tight layout tells (the fix wrote ``|ACL21|Title|``, which no
    # row of the list does)
    rows = "".join(
        f"| ACL2{i} |Paper {i} on dialogue|[pdf](https://a.org/{i})|\n" for i in range(8)
    )
    markdown = "| **Venue** | **Title** | **Paper** |\n| :-: | --- | :-: |\n" + rows
    spaced = markdown.replace("|Paper 3 on dialogue|", "| Paper 3 on dialogue |")
    assert run_rule(table_format, parse(spaced), AUTO) == []
    assert fix_text(spaced, config=AUTO).text == spaced
    # where most rows are tight all along, the spaced row is still off the table's layout
    tight = spaced.replace("| ACL2", "|ACL2").replace(" |Paper", "|Paper")
    assert [p.line for p in run_rule(table_format, parse(tight), AUTO)] == [6]


def test_auto_tables_under_three_rows_are_no_evidence_when_larger_ones_exist() -> None:
    tight = "|a|b|\n|-|-|\n|1|2|\n"
    markdown = "\n".join([compact(4, {0: "| Paper 0 |2023.01|"}), tight, tight, tight])
    assert [p.line for p in run_rule(table_format, parse(markdown), AUTO)] == [3]


EDITOR = (
    "| No.  | Title                | Venue      |\n"
    "| :--: | :------------------: | :--------: |\n"
    "|  1   |       Paper A        | ACL 2021   |\n"
    "|  2   | A title longer than its column | EMNLP 2021 |\n"
    "|  3   |       Paper C        | ACL 2022   |\n"
    "|  4   |       Paper D        | ACL 2023   |\n"
)


def test_auto_a_cell_overflowing_its_column_is_aligned_as_editors_write_it() -> None:
    assert run_rule(table_format, parse(EDITOR), AUTO) == []


def test_auto_a_row_off_an_aligned_table_is_padded_to_its_columns_alone() -> None:
    markdown = INTRO + EDITOR + "| 5 | Paper E | ACL 2024 |\n"
    problems = run_rule(table_format, parse(markdown), AUTO)
    assert [(p.line, p.code) for p in problems] == [(48, "T002")]
    fixed = fix_text(markdown, config=AUTO).text
    assert fixed == INTRO + EDITOR + "|  5   |       Paper E        |  ACL 2024  |\n"
    assert fix_text(fixed, config=AUTO).fixed == 0


def test_auto_cells_aligned_by_characters_as_cjk_editors_count_them() -> None:
    """An editor counting a CJK character as one column: the pipes line up in characters."""
    markdown = INTRO + (
        "| 名称   | 说明       |\n| ------ | ---------- |\n"
        "| 模型甲 | 中文说明   |\n| abc    | text       |\n| 模型乙 | 说明       |\n"
    )
    assert run_rule(table_format, parse(markdown), AUTO) == []
    odd = markdown + "| x | y |\n"
    fixed = fix_text(odd, config=AUTO).text
    assert fixed == markdown + "| x      | y          |\n"


def test_auto_an_emoji_selector_counts_as_editors_count_it() -> None:
    """U+FE0F is invisible; an editor counting characters counts it, prettier does not."""
    markdown = (
        "| ⭐️ Stars | Name |\n| --- | --- |\n"
        "| 1        | a    |\n| 22       | bb   |\n| 333      | c    |\n"
    )
    assert run_rule(table_format, parse(markdown), AUTO) == []


def test_auto_an_emoji_drawn_one_column_wide_is_padded_as_its_editor_drew_it() -> None:
    """Editors disagree on emoji: a row padded as if ``📯`` and ``❗️`` were one column wide is
    aligned (issue 17: seen on an unseen list); a row padded to neither width is not."""
    header = "| # | Title    |\n| - | -------- |\n"
    body = "".join(f"| {n} | Paper {n}  |\n" for n in range(4))
    markdown = header + body + "| 9 | Horn 📯   |\n| 8 | Mark ❗️   |\n"
    assert run_rule(table_format, parse(markdown), AUTO) == []
    odd = markdown + "| 7 | Horn 📯 |\n"
    assert [p.line for p in run_rule(table_format, parse(odd), AUTO)] == [9]


def test_auto_an_ambiguous_character_padded_two_wide_beside_cjk_text_is_aligned() -> None:
    """A CJK-aware formatter counts ``×`` and ``→`` (East Asian ambiguous) two columns wide: a
    row so padded is aligned (5 false reports and a rejected fix on a Chinese list); padded to
    neither width it is not."""
    header = "| 周 | 说明               |\n| -- | ------------------ |\n"
    body = "".join(f"| W{n} | 效率提升 第{n}版     |\n" for n in range(4))
    markdown = header + body + "| W9 | 效率 2.2×         |\n"
    assert run_rule(table_format, parse(markdown), AUTO) == []
    assert fix_text(markdown, config=AUTO).text == markdown
    odd = markdown + "| W8 | 效率 2.2×   |\n"
    assert [p.line for p in run_rule(table_format, parse(odd), AUTO)] == [8]


def test_auto_a_column_mostly_of_emoji_padded_narrow_sets_the_width() -> None:
    """MathVista pads ``LMM 🖼️`` (an emoji and its selector) as one column wide in most rows:
    the column's width is the one its editor drew, and the rows without emoji that keep it (the
    header's, ``-``) are aligned, not the rows off it."""
    header = "| # | Method     |\n| - | ---------- |\n"
    body = "".join(f"| {n} | LMM 🖼️      |\n| {n} | Tool 🛠️     |\n" for n in range(3))
    markdown = header + "| - | -          |\n" + body
    assert run_rule(table_format, parse(markdown), AUTO) == []
    assert fix_text(markdown, config=AUTO).text == markdown


def test_auto_rows_with_missing_or_extra_cells_are_not_read_nor_touched() -> None:
    markdown = compact(8, {2: "|Paper 2|", 5: "| Paper 5 |2023.06| x |"})
    assert run_rule(table_format, parse(markdown), AUTO) == []


@pytest.mark.parametrize(("width", "fixed"), [(30, True), (60, False)])
def test_auto_a_fix_changing_the_file_by_more_than_three_percent_is_withheld(
    width: int, fixed: bool
) -> None:
    """Two rows grow by about ``width`` each: 3% of the file is about 100 characters."""
    wide = "| " + "x" * width + " | y   |\n"
    rows = [wide] * 6 + ["| a | b |\n"] * 2
    table = "| " + "h" * width + " | h   |\n| " + "-" * width + " | --- |\n" + "".join(rows)
    markdown = INTRO + table
    (problem,) = run_rule(table_format, parse(markdown), AUTO)
    assert (problem.line, problem.fix is not None) == (50, fixed)
    assert (fix_text(markdown, config=AUTO).text == markdown) != fixed


def test_auto_documents_layout_is_shown_with_its_evidence() -> None:
    from lint import engine

    markdown = "\n".join([compact(4), compact(4), COMPACT])
    found = engine.context(parse(markdown), AUTO).conventions
    assert (found.layout.value, found.layout.source) == ("compact", "inferred")
    assert "2 of 2" in found.layout.detail
    assert [t.kept_layout.style if t.kept_layout else None for t in found.tables] == [
        "compact",
        "compact",
        "compact",
    ]


def test_compact_outlier_fix_changes_only_spaces() -> None:
    markdown = INTRO + "\n".join([compact(4), compact(4, {1: "|x| c \\| d|"}), compact(4)])
    fixed = fix_text(markdown, config=AUTO).text
    assert "| x | c \\| d |" in fixed
    assert "".join(fixed.split()) == "".join(markdown.split())


def test_tight_layout_keeps_a_space_after_a_trailing_backslash() -> None:
    tight = "|Title|Date|\n|---|---|\n" + "".join(f"|P{i}|2023|\n" for i in range(4))
    markdown = INTRO + tight.replace("|P3|2023|", "| x\\ | y |")
    fixed = fix_text(markdown, config=AUTO).text
    # "|x\|y|" would escape the pipe and merge the cells
    assert fixed.endswith("|x\\ |y|\n")
    assert [row.cells for row in parse(fixed).tables[0].rows][-1] == ("x\\", "y")


def test_a_compact_list_stays_within_five_percent_of_its_size() -> None:
    rows = "".join(f"| Paper {i} | 2023.{i % 12 + 1:02d} | a summary of {i} |\n" for i in range(50))
    table = "| Title | Date | Summary |\n| --- | --- | --- |\n" + rows
    messy = table.replace("| Paper 7 |", "|Paper 7|").replace("| Paper 9 |", "|Paper 9   |")
    markdown = "\n".join([table, table, messy])
    fixed = fix_text(markdown, config=Config()).text
    assert abs(len(fixed) - len(markdown)) <= 0.05 * len(markdown)
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


# a crowd-counting leaderboard padded by hand: a wide cell, the next narrower by as much
_CROWD = [
    "| Year       | Methods          | MAE   |",
    "| ---------- | ---------------- | ----- |",
    "| 2013--CVPR | [Idrees](#a)     | 468.0 |",
    "| 2015--CVPR | [Zhang](#b)      | 467.0 |",
    "| 2016--ACM MM | [Crowd](#c)    | 452.5 |",
    "| 2019--ICASSP| [ASD](#d)       | 196.2 |",
    "| 2016--CVPR | [MCNN](#e)       | 377.6 |",
]
# aialt's MobileAgent row: the name 3 over, then two cells narrower by 1 and 2
_AGENTS = [
    "| Method                        | Input Type  | Model     | Memory |",
    "|-------------------------------|-------------|-----------|--------|",
    "| DroidGPT (Wen et al., 2023b)  | Text        | ChatGPT   | ✗      |",
    "| AppAgent (Yang et al., 2023)  | Image&Text  | GPT-4     | ✓      |",
    "| MobileAgent (Wang et al., 2024b) | Image&Text | GPT-4   | ✓      |",
    "| AutoDroid (Wen et al., 2024)  | Image&Text  | GPT-4     | ✓      |",
]


@pytest.mark.parametrize(
    ("rows", "moved"),
    [
        # the next cell narrower by another width leaves the pipes out of line
        (_CROWD, ("[Crowd](#c)    |", "[Crowd](#c)   |")),
        # taken back too far, its pipe stands left of the table's
        (_AGENTS, ("| GPT-4   | ✓      |", "| GPT-4  | ✓      |")),
    ],
)
def test_a_row_padded_by_hand_to_keep_its_pipes_in_line_is_aligned(
    rows: list[str], moved: tuple[str, str]
) -> None:
    markdown = "\n".join(rows) + "\n"
    auto = Config(select=("table-format",))
    assert run_rule(table_format, parse(markdown), auto) == []
    assert fix_text(markdown, config=auto).text == markdown
    off = markdown.replace(*moved)
    assert [p.line for p in run_rule(table_format, parse(off), auto)] == [5]
