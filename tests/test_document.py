"""The document model: sections, tables and rows split the way GFM splits them."""

from __future__ import annotations

import pytest

from lint.document import Table, parse, split_cells


def only_table(markdown: str) -> Table:
    doc = parse(markdown)
    assert len(doc.tables) == 1
    return doc.tables[0]


def test_sections_have_level_line_and_parent_path() -> None:
    doc = parse("# List\n\n## 论文整理\n\n### 模型结构优化\n\ntext\n\n## Other\n")
    assert [(s.title, s.level, s.line) for s in doc.sections] == [
        ("List", 1, 1),
        ("论文整理", 2, 3),
        ("模型结构优化", 3, 5),
        ("Other", 2, 9),
    ]
    assert doc.sections[2].path == ("List", "论文整理", "模型结构优化")
    assert doc.sections[3].path == ("List", "Other")


TABLE = "\n| Title | Date |\n| --- | --- |\n| A | 2023.05 |\n\n"


def test_a_details_summary_heads_its_tables_as_a_heading_would() -> None:
    # TSFpaper's sections are <details> blocks whose summaries hold an <h2>; other lists fold
    # a long table under a heading with a plain summary
    markdown = (
        "# L\n\n## News.\n\ntext\n\n"
        '<details><summary><h2 style="display: inline;">MLP &amp; more.</h2></summary>\n'
        + TABLE
        + "</details>\n\n## Papers\n\n<details>\n<summary>Click <b>here</b></summary>\n"
        + TABLE
        + "</details>\n"
        + TABLE
    )
    doc = parse(markdown)
    assert [table.rows[0].section for table in doc.tables] == [
        ("L", "MLP & more."),
        ("L", "Papers", "Click here"),
        ("L", "Papers"),  # after </details>, the heading's again
    ]
    # the summaries are no headings of the document: empty-section reads these
    assert [section.title for section in doc.sections] == ["L", "News.", "Papers"]


def test_table_span_header_alignments_and_rows() -> None:
    table = only_table(
        "# T\n\n| 论文题目 | 发表时间 | 内容简介 |\n| :--- | :-: | --: |\n| A | 2023.05 | 中文 |\n"
    )
    assert (table.start_line, table.end_line) == (3, 5)
    assert table.header.cells == ("论文题目", "发表时间", "内容简介")
    assert table.aligns == ("left", "center", "right")
    assert [row.line for row in table.rows] == [5]
    assert table.rows[0].cells == ("A", "2023.05", "中文")
    assert table.rows[0].section == ("T",)


def test_escaped_pipe_stays_in_cell() -> None:
    table = only_table("| a | b |\n|---|---|\n| x \\| y | z |\n")
    assert table.rows[0].cells == ("x \\| y", "z")


def test_pipe_inside_code_span_still_splits() -> None:
    table = only_table("| a | b |\n|---|---|\n| `x|y` | z |\n")
    assert table.rows[0].cells == ("`x", "y`", "z")


def test_cjk_cells_and_columns_count_characters() -> None:
    table = only_table("| 题目 | 时间 |\n|---|---|\n| 大模型 | 2023.05 |\n")
    row = table.rows[0]
    assert row.cells == ("大模型", "2023.05")
    assert [row.column(i) for i in range(2)] == [3, 9]


def test_table_without_outer_pipes() -> None:
    table = only_table("a | b\n--|--\n1 | 2\n")
    assert table.header.cells == ("a", "b")
    assert table.rows[0].cells == ("1", "2")
    assert table.rows[0].starts == (0, 4)


def test_table_in_block_quote_keeps_prefix() -> None:
    table = only_table("> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
    assert table.prefixes == ("> ", "> ", "> ")
    assert table.rows[0].cells == ("1", "2")
    assert table.rows[0].column(0) == 5


def test_table_in_list_item() -> None:
    table = only_table("- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n")
    assert (table.start_line, table.end_line) == (3, 5)
    assert table.prefixes[2] == "  "
    assert table.rows[0].cells == ("1", "2")


def test_uneven_rows_keep_their_own_cell_counts() -> None:
    table = only_table("| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |\n")
    assert [len(row.cells) for row in table.rows] == [2, 4]


def test_header_only_table() -> None:
    table = only_table("| a | b |\n|---|---|\n\ntext\n")
    assert table.rows == ()
    assert (table.start_line, table.end_line) == (1, 2)


def test_crlf_positions_match_lf() -> None:
    lf = parse("# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    crlf = parse("# T\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n")
    assert lf.tables == crlf.tables
    assert lf.lines == crlf.lines


def test_delimiter_mismatch_is_not_a_table() -> None:
    assert parse("| a | b |\n|---|\n| 1 | 2 |\n").tables == ()


def test_table_inside_code_fence_is_not_a_table() -> None:
    assert parse("```\n| a | b |\n|---|---|\n```\n").tables == ()


@pytest.mark.parametrize(
    ("content", "cells"),
    [
        ("| a | b |", ("a", "b")),
        ("a | b", ("a", "b")),
        ("| a |  |", ("a", "")),
        ("|a|b|", ("a", "b")),
        ("| a \\| b |", ("a \\| b",)),
        ("| x | y \\|", ("x", "y \\|")),
        ("| \u00a0a |", ("\u00a0a",)),
    ],
)
def test_split_cells(content: str, cells: tuple[str, ...]) -> None:
    assert split_cells(content)[0] == cells


def test_split_cells_offsets_point_at_cell_text() -> None:
    content = "|  ab | c  |d|"
    cells, starts = split_cells(content)
    pairs = zip(cells, starts, strict=True)
    assert [content[start : start + len(cell)] for cell, start in pairs] == list(cells)


def test_a_long_run_of_escaped_pipes_stays_in_its_cell() -> None:
    # each escaped pipe once appended to the cell's whole text: quadratic on a long run
    run = "\\|" * 40_000
    doc = parse(f"| a | b |\n| - | - |\n| x{run} | y |\n")
    assert doc.tables[0].rows[0].cells == (f"x{run}", "y")
    assert split_cells(f"| {run} |")[0] == (run,)
