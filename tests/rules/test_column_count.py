"""column-count: content GitHub drops, shifted cells, missing cells and omitted trailing cells."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import column_count
from tests.checking import run_rule

ONLY = Config(select=("column-count",))
STRICT = Config(select=("column-count",), trailing_cells="strict")


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(column_count, parse(markdown), config)]


def papers(rows: int, odd: dict[int, str] | None = None, notes: bool = True) -> str:
    """A paper table (title, date, note) of ``rows`` rows, those at the keys of ``odd`` as
    given; ``notes``: every row fills its note (else every other one leaves it empty)."""
    lines = [
        f"| Paper {i} | 2023.{i % 12 + 1:02d} | {'a note' if notes or i % 2 else ''} |"
        for i in range(rows)
    ]
    for index, line in (odd or {}).items():
        lines[index] = line
    return "| Title | Date | Notes |\n| --- | --- | --- |\n" + "\n".join(lines) + "\n"


# strict: every row has exactly its header's cells (the pad fix, wherever the row is)
@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", [], "| a | b |\n|---|---|\n| 1 | 2 |\n"),
        (
            "| a | b | c |\n|---|---|---|\n| 1 | 2 |\n",
            [(3, 8, "T001")],
            "| a | b | c |\n|---|---|---|\n| 1 | 2 |  |\n",
        ),
        (
            "a | b | c\n--|--|--\n1 | 2\n",
            [(3, 6, "T001")],
            "a | b | c\n--|--|--\n1 | 2 |  |\n",
        ),
        # a line with no pipe at all is text glued to the table: broken-table reports it
        ("a | b | c\n--|--|--\n1\n", [], "a | b | c\n--|--|--\n1\n"),
        # a lone tag under a table ends it on GitHub: never padded into it
        ("| a | b |\n|---|---|\n<br>\n", [], "| a | b |\n|---|---|\n<br>\n"),
        (
            '| a | b |\n|---|---|\n<img src="fig.png" width="400"/>\n',
            [],
            '| a | b |\n|---|---|\n<img src="fig.png" width="400"/>\n',
        ),
        (
            "> | a | b |\n> |---|---|\n> | 1 |\n",
            [(3, 6, "T001")],
            "> | a | b |\n> |---|---|\n> | 1 |  |\n",
        ),
        (
            "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
            [(3, 11, "T001")],
            "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n",
        ),
        ("| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n", [], "| a | b |\n|---|---|\n| 1 \\| 2 | 3 |\n"),
        # an empty extra cell, a hidden comment cell: reported only when strict
        ("| a | b |\n|---|---|\n| 1 | 2 | |\n", [(3, 11, "T001")], None),
        ("| a | b |\n|---|---|\n| 1 | 2 | [//]: # (seen) |\n", [(3, 11, "T001")], None),
    ],
)
def test_strict(markdown: str, expected: list[tuple[int, int, str]], fixed: str | None) -> None:
    assert found(markdown, STRICT) == expected
    assert fix_text(markdown, config=STRICT).text == (fixed or markdown)


@pytest.mark.parametrize(
    "markdown",
    [
        # an empty extra cell and a hidden comment cell show nothing: GitHub drops nothing seen
        "| a | b |\n|---|---|\n| 1 | 2 | |\n",
        "| a | b |\n|---|---|\n| 1 | 2 | [//]: # (to read) |\n",
        "| a | b |\n|---|---|\n| 1 | 2 | <!-- 2023.05 --> |\n",
        # one comment a pipe inside it splits into extra cells: the author hid a description
        "| a | b |\n|---|---|\n| 1 | 2 | <!-- a note on it | -->\n",
        "| a | b |\n|---|---|\n| 1 | 2 | <!--a note | more | of it-->|\n",
        # two short rows: the list leaves trailing cells out
        "| a | b | c |\n|---|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
    ],
)
def test_harmless_rows_are_not_reported_by_default(markdown: str) -> None:
    assert found(markdown) == []
    assert fix_text(markdown, config=ONLY).text == markdown


def test_text_beside_a_split_comment_is_dropped_content() -> None:
    markdown = "| a | b |\n|---|---|\n| 1 | 2 | <!-- a note | --> seen |\n"
    (problem,) = run_rule(column_count, parse(markdown), ONLY)
    assert "GitHub drops" in problem.message


def test_dropped_content_is_always_reported_without_fix() -> None:
    markdown = papers(4, {2: "| Paper 2 | 2023.03 | a note | 2023.04 |"})
    (problem,) = run_rule(column_count, parse(markdown), ONLY)
    assert (problem.line, problem.column, problem.fix) == (5, 32, None)
    assert '"2023.04"' in problem.message


def test_a_shifted_row_is_reported_where_the_shift_starts_without_fix() -> None:
    # the title cell is missing: the date stands under Title, the note under Date
    markdown = papers(6, {3: "| 2023.04 | a note |"})
    (problem,) = run_rule(column_count, parse(markdown), ONLY)
    assert (problem.line, problem.column, problem.fix) == (6, 3, None)
    assert fix_text(markdown, config=ONLY).text == markdown
    assert fix_text(markdown, config=STRICT).text == markdown  # padding would keep the shift


def test_a_cell_in_a_column_its_table_leaves_empty_is_shifted_only_by_its_words() -> None:
    # Awesome-AGI's model tables leave Licence empty and link each Code cell: a linked
    # "Apache 2.0" in the Licence column, its Code cell left out, is in place; "LaVIN Code"
    # there, which the Code column's words name, stands a column left of where it belongs (a
    # list leaving no other trailing cell out is told the Code cell is left out)
    header = "| Model | Paper | Licence | Code |\n| --- | --- | --- | --- |\n"
    full = "".join(
        f"| M{n} | [Paper {n}](https://arxiv.org/abs/2401.0000{n}) |  "
        f"| [M{n} Code](https://github.com/m/{n}) |\n"
        for n in range(5)
    )
    paper = "[P](https://arxiv.org/abs/2305.02309)"
    licence = f"| CodeGen2 | {paper} | [Apache 2.0](https://github.com/s/c/LICENSE) |\n"
    (left_out,) = run_rule(column_count, parse(header + full + licence), ONLY)
    assert "leaves out" in left_out.message and "belongs under" not in left_out.message
    code = f"| LaVIN | {paper} | [LaVIN Code](https://github.com/l/LaVIN) |\n"
    (problem,) = run_rule(column_count, parse(header + full + code), ONLY)
    assert 'belongs under "Code"' in problem.message


def test_a_missing_date_cell_is_reported_and_padded() -> None:
    markdown = papers(6, {3: "| Paper 3 |"}, notes=False)
    assert found(markdown) == [(6, 10, "T001")]
    fixed = fix_text(markdown, config=ONLY).text
    assert fixed == markdown.replace("| Paper 3 |\n", "| Paper 3 |  |  |\n")


LINKED = "| Title | Venue | Date | Notes |\n| --- | --- | --- | --- |\n" + "".join(
    f"| [Paper {i}](https://arxiv.org/abs/2401.0000{i}) | arXiv | 2024-01-0{i} | VLA |\n"
    for i in range(1, 4)
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # a group's label above rows of linked titles: a sub-heading, GitHub shows it whole
        ("| _VLA Models_ |", []),
        ("| **Dexterous Grasp** |", []),
        ("| 2023 |", []),
        # a cell with a link is a paper's row missing its cells
        ("| [Paper 9](https://arxiv.org/abs/2401.00009) |", [6]),
    ],
)
def test_a_one_cell_label_above_a_group_of_rows_is_no_missing_cell(
    label: str, expected: list[int]
) -> None:
    markdown = LINKED + label + "\n" + LINKED.split("\n", 2)[2]
    assert [line for line, _, _ in found(markdown)] == expected
    assert (fix_text(markdown, config=ONLY).text != markdown) == bool(expected)  # padded
    # strict: every row with another cell count than its header's, a label too
    assert [line for line, _, _ in found(markdown, STRICT)] == [6]
    # in a table of plain titles, a one-cell row is like the others: a row missing its cells
    assert found(papers(6, {3: "| Paper 3 |"}, notes=False)) == [(6, 10, "T001")]


def test_a_label_is_read_against_rows_with_an_extra_empty_cell_too() -> None:
    # most rows end with an empty cell past the header's last: their first cells still tell
    # what the first column holds
    rows = LINKED.split("\n", 2)[2].replace(" VLA |\n", " VLA | |\n")
    markdown = LINKED.split("\n", 2)[0] + "\n| --- | --- | --- | --- |\n| _Grasp_ |\n" + rows
    assert found(markdown) == []


@pytest.mark.parametrize(
    ("odd", "notes", "expected"),
    [
        # one row leaves out the note every other row fills: reported
        ({3: "| Paper 3 | 2023.04 |"}, True, [6]),
        # two rows leave cells out: the list does it, nothing is reported
        ({1: "| Paper 1 | 2023.02 |", 3: "| Paper 3 | 2023.04 |"}, True, []),
        # the other rows leave the note empty half the time: an optional column
        ({3: "| Paper 3 | 2023.04 |"}, False, []),
    ],
)
def test_omitted_trailing_cells_only_where_the_list_does_not_omit_them(
    odd: dict[int, str], notes: bool, expected: list[int]
) -> None:
    markdown = papers(6, odd, notes)
    assert [line for line, _, _ in found(markdown)] == expected
    assert [line for line, _, _ in found(markdown, STRICT)] == [3 + index for index in sorted(odd)]


@pytest.mark.parametrize(("empty", "expected"), [(1, [6]), (2, [])])
def test_a_column_is_optional_when_more_than_one_row_in_ten_leaves_it_empty(
    empty: int, expected: list[int]
) -> None:
    odd = {3: "| Paper 3 | 2023.04 |"}
    odd.update({4 + n: f"| Paper {4 + n} | 2023.05 | |" for n in range(empty)})
    markdown = papers(12, odd)  # eleven full rows: ten fill the note, or nine
    assert [line for line, _, _ in found(markdown)] == expected


def test_short_row_fix_is_safe_and_long_row_has_no_fix() -> None:
    doc = parse("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n")
    problems = list(run_rule(column_count, doc, STRICT))
    assert [p.fix_safety for p in problems] == ["safe", None]


def test_message_counts_both_sides_and_suggests_escape_for_split_title() -> None:
    doc = parse(
        "| 论文题目 | 发表时间 | 内容简介 |\n|---|---|---|\n| Tools | agents | 2023.05 | 简介 |\n"
    )
    (problem,) = run_rule(column_count, doc, ONLY)
    assert "4" in problem.message and "3" in problem.message
    assert "\\|" in problem.message


def test_seed_has_no_column_count_problem(seed_text: str) -> None:
    assert list(run_rule(column_count, parse(seed_text), ONLY)) == []


@pytest.mark.parametrize(
    ("markdown", "split"),
    [
        # a pipe inside a code span in the last column, after a CJK date: the code span is split
        ("| Date | Paper | Code |\n|---|---|---|\n| 2024年5月 | F paper | `a|b` |\n", 3),
        ("| Paper | Date |\n|---|---|\n| [Tools | Agents](https://x.org) | 2023.05 |\n", 1),
        ("| Paper | Date |\n|---|---|\n| Tools | Agents | 2023.05 |\n", None),
    ],
)
def test_split_cell_is_the_one_continuing_an_open_span(markdown: str, split: int | None) -> None:
    (table,) = parse(markdown).tables
    (row,) = table.rows
    assert column_count._split_cell(row) == split


def test_a_row_broken_over_two_lines_is_reported_once_and_not_laid_out() -> None:
    markdown = (
        "| Algorithm | Kind | Date | Venue |\n"
        "| --- | --- | --- | --- |\n"
        "| Paper One | Wheel | 2023 | ICRA |\n"
        "| Advanced Skills through Priors in\n"
        "Reinforcement Learning | Wheel | 2023 | ICRA |\n"
        "| Paper Three | Wheel | 2022 | IROS |\n"
    )
    reported = run_rule(column_count, parse(markdown), ONLY)
    problems = [(p.line, p.column, p.message) for p in reported]
    assert [line for line, _, _ in problems] == [4]
    assert 'broken over lines 4 and 5 (a line break in its cell "Advanced Skills' in problems[0][2]
    assert problems[0][2].endswith("join the two lines")
    assert fix_text(markdown).text == markdown  # neither line is laid out as a row of its own


def test_a_row_broken_before_its_last_pipe_is_reported_as_broken() -> None:
    # the line break typed before the last cell's pipe: ``|N/A|`` below shows as a row
    rows = "".join(f"|ICCV'23|[P{i}](https://a.org/{i})|Title {i}|N/A|\n" for i in range(4))
    cut = "|CVPR'23|[RO-ViT](https://a.org/r)|Region-Aware Pretraining\n|N/A|\n"
    markdown = "|Venue|Name|Title|Code|\n|---|---|---|---|\n" + rows + cut
    problems = problems_of(markdown)
    assert [line for line, _ in problems] == [7]
    assert 'broken over lines 7 and 8 (a line break in its cell "Region-Aware' in problems[0][1]
    # a row leaving its closing pipe out in a table that never writes one: a row of its own
    unpiped = markdown.replace("|N/A|\n", "|N/A\n")
    assert all("broken" not in message for _, message in problems_of(unpiped))


def problems_of(markdown: str) -> list[tuple[int, str]]:
    return [(p.line, p.message) for p in run_rule(column_count, parse(markdown), ONLY)]


@pytest.mark.parametrize(
    "body",
    [
        # rows that open without a pipe, as their table writes them
        "Paper One | Wheel | 2023 | ICRA\n| A label\nPaper Two | Wheel | 2023 | ICRA |\n"
        "Paper Three | Wheel | 2022 | IROS\n",
        # a short row that closes its line, above a row of its own
        "| Paper One | Wheel | 2023 |\n| Paper Two | Wheel | 2023 | ICRA |\n"
        "| Paper Three | Wheel | 2022 | IROS |\n",
    ],
)
def test_no_broken_row_where_no_line_stops_inside_a_cell_of_a_piped_table(body: str) -> None:
    markdown = "| Algorithm | Kind | Date | Venue |\n| --- | --- | --- | --- |\n" + body
    messages = [p.message for p in run_rule(column_count, parse(markdown), ONLY)]
    assert all("broken over" not in message for message in messages)


def test_a_title_without_its_link_among_linked_titles_is_no_shifted_cell() -> None:
    # xcfcode's reading list: linked titles, then titles not linked yet, the optional
    # Highlights cell left out; the venue stands where it belongs
    header = "| Paper | Conference | Highlights |\n| --- | --- | --- |\n"
    linked = "".join(
        f"| [Dialogue Paper {n}](https://arxiv.org/abs/2003.0063{n}) | AAAI20 | note {n} |\n"
        for n in range(6)
    )
    plain = "| OpenDialKG: Explainable Conversational Reasoning over Graphs | ACL19 |\n"
    problems = run_rule(column_count, parse(header + linked + plain), ONLY)
    assert all("belongs under" not in problem.message for problem in problems)


def test_a_row_of_an_ellipsis_alone_stands_for_rows_left_out() -> None:
    # the first column writes "-" where a row cites nothing: "..." is no group's label there
    dashes = {n: f"| - | 2023.0{n + 1} | a note |" for n in (1, 3, 5)}
    markdown = papers(6, dashes) + "|...|\n"
    assert run_rule(column_count, parse(markdown), ONLY) == []
    assert fix_text(markdown, config=ONLY).text == markdown
    # a run of dots, the row a list ends every table with for the rows to come
    dotted = papers(6, dashes) + "| ........ \n"
    assert run_rule(column_count, parse(dotted), ONLY) == []
    # strict reports it still, and a row of a word alone is a row missing its cells
    assert [p.line for p in run_rule(column_count, parse(markdown), STRICT)] == [9]
    worded = papers(6, dashes) + "|Paper 6|\n"
    assert [p.line for p in run_rule(column_count, parse(worded), ONLY)] == [9]


def test_a_header_short_of_a_column_is_reported_once_at_the_header() -> None:
    # every row writes a Domain cell the header never named: GitHub drops each row's Code
    rows = "".join(
        f"| [P{i}](https://a.org/{i}) | 2023 | Vision | [Code](https://c.org/{i}) |\n"
        for i in range(4)
    )
    markdown = "| Title | Date | Code |\n| --- | --- | --- |\n" + rows
    problems = problems_of(markdown)
    assert [line for line, _ in problems] == [1]
    assert "each of the table's 4 rows has 4" in problems[0][1]
    # a row whose cell a pipe cut (inside a code span): the rows are told one by one
    cut = markdown.replace(
        "| Vision | [Code](https://c.org/0) |", "| `Vision | [Code](https://c.org/0)` |"
    )
    assert [line for line, _ in problems_of(cut)] == [3, 4, 5, 6]
    # one row short of the others: the rows are at fault, each reported
    uneven = markdown.replace("| Vision | [Code](https://c.org/3) |", "| [Code](https://c.org/3) |")
    assert [line for line, _ in problems_of(uneven)] == [3, 4, 5]


def test_a_pipe_too_many_on_every_row_is_no_missing_header_column() -> None:
    # every row ends with an empty cell, one holds a stray note: that row is reported
    rows = "".join(
        f"| [P{i}](https://a.org/{i}) | 2023 | [Code](https://c.org/{i}) | |\n" for i in range(4)
    )
    markdown = "| Title | Date | Code |\n| --- | --- | --- |\n" + rows.replace(
        "| |\n", "| note |\n", 1
    )
    problems = problems_of(markdown)
    assert [line for line, _ in problems] == [3]
    assert problems[0][1].startswith("row has 4 cells")


def test_a_row_broken_after_a_pipe_is_reported_as_broken() -> None:
    # the line break typed after a cell's pipe: the next line, without an opening pipe, holds
    # the cells left (a diffusion list's SAM-DiffSR row)
    rows = "".join(f"| M{i} | Title {i} | Supervised | CVPR 2024 | SR |\n" for i in range(4))
    cut = "| SAM-DiffSR | SAM-DiffSR: Structure | Supervised | \nPreprint'24 | SR |\n"
    markdown = "| Name | Title | Kind | Venue | Task |\n| --- | --- | --- | --- | --- |\n"
    problems = problems_of(markdown + rows + cut)
    assert [line for line, _ in problems] == [7]
    assert 'a line break after its cell "Supervised"' in problems[0][1]


def test_a_short_row_of_empty_cells_is_a_blank_row() -> None:
    # a row of empty cells kept at a table's end, however many cells it writes
    rows = "".join(f"| P{i} | 2023 | ICRA | [code](https://a.org/{i}) |\n" for i in range(4))
    markdown = "| Title | Year | Venue | Code |\n| --- | --- | --- | --- |\n" + rows
    assert problems_of(markdown + "|||\n") == []
    # a short row showing something is still told
    assert [line for line, _ in problems_of(markdown + "| P9 | 2024 |\n")] == [7]


def test_a_row_of_dashes_dividing_groups_drops_nothing_a_reader_misses() -> None:
    # a 4-column table divided by rows copied from the list's 5-column tables
    header = "Year | Venue | Title | Link\n-- | -- | -- | --\n"
    body = "2022 | CVPR | Paper A | [Paper](https://a.io/1)\n"
    for divider in ("-- | -- | -- | -- | --\n", "||---|---|---|---|\n"):
        markdown = header + body + divider + "2021 | WACV | Paper B | [Paper](https://a.io/2)\n"
        assert found(markdown) == []
        assert [line for line, _, _ in found(markdown, STRICT)] == [4]
    # a dash beside words is dropped content
    assert [line for line, _, _ in found(header + "2022 | CVPR | Paper A | x | --\n")] == [3]


def test_a_row_closed_by_a_full_width_bar_is_told_to_type_a_pipe() -> None:
    header = "| Title | Venue | Note |\n|---|---|---|\n"
    rows = "".join(f"| Paper {n} | CVPR | a note |\n" for n in range(3))
    closed = "| Paper 9 | NPJ 2022 | [Paper](https://a.io/1) ｜\n"
    ((line, column, code),) = found(header + rows + closed)
    assert (line, column, code) == (6, closed.index("｜") + 1, "T001")
    (problem,) = run_rule(column_count, parse(header + rows + closed), ONLY)
    assert "U+FF5C" in problem.message and "one more" not in problem.message
    # one used as a pipe between cells too: the row is short, and told the same way once
    split = "| Paper 9 | [Paper](https://a.io/1) ｜arXiv ｜\n"
    (problem,) = run_rule(column_count, parse(header + rows + split), ONLY)
    assert "one more" in problem.message
    # a full-width bar inside a cell's text is no pipe
    inside = "| 淘宝直播（一）｜推荐链路 | KDD | a note |\n"
    assert found(header + rows + inside) == []
    # table-format leaves the row to column-count: no fix appends a pipe after the bar
    assert fix_text(header + rows + closed).text == header + rows + closed
