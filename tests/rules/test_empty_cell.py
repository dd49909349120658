"""empty-cell: a paper row without a title or a date, where its table fills that column."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import empty_cell
from tests.checking import run_rule

ONLY = Config(select=("empty-cell",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
FULL = "".join(f"| Paper {i} | 2023.{i + 1:02d} | a |\n" for i in range(9))


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(empty_cell, parse(markdown), ONLY)]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (f"{HEADER}{FULL}| A | 2023.05 | a |\n", []),
        # an empty summary is fine
        (f"{HEADER}{FULL}| A | 2023.05 |  |\n", []),
        # nine rows of ten fill the title and the date: the tenth is reported
        (f"{HEADER}{FULL}|  | 2023.05 | a |\n", [(12, 3, "T004")]),
        (f"{HEADER}{FULL}| A |  | a |\n", [(12, 7, "T004")]),
        (f"{HEADER}{FULL}| |  | a |\n", [(12, 3, "T004"), (12, 5, "T004")]),
        # eight of ten: the list leaves dates out, nothing is reported
        (f"{HEADER}{FULL}| A |  | a |\n| B |  | b |\n", []),
        # a short row is column-count's: its empty cells are a symptom of the missing cell
        (f"{HEADER}{FULL}| A |\n", []),
        # a row whose cells are shifted (an extra cell) is column-count's too
        (f"{HEADER}{FULL}| A |  | 2023.05 | a |\n", []),
        # an empty extra cell at the end shifts nothing (GitHub drops it): its row is read
        (f"{HEADER}{FULL}| A |  | a |  |\n", [(12, 7, "T004")]),
        # nothing tells the column is filled: a lone row
        (f"{HEADER}| A |  | a |\n", []),
        # not a paper table
        ("| 作者 | 机构 |\n|---|---|\n|  |  |\n", []),
        # a schedule's session that does not take place has nothing to read
        (f"{HEADER}{FULL}|  | 2023.05 | Reading Week |\n", []),
        (f"{HEADER}{FULL}|  | 2023.05 | No Class |\n", []),
        # a spacer row of placeholders alone between groups of rows holds no entry
        (f"{HEADER}{FULL}|  | __ | __ |\n", []),
        (f"{HEADER}{FULL}|  | - | - |\n", []),
        (f"{HEADER}{FULL}|<=| | =>|\n", []),
        (f"{HEADER}{FULL}| | **👆 NeRF-based** | **👇 3DGS-based** |\n", []),
        # a session that takes place still has its reading
        (f"{HEADER}{FULL}|  | 2023.05 | Class discussion |\n", [(12, 3, "T004")]),
    ],
)
def test_empty_cell(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == markdown


def arxiv(n: int, date: str) -> str:
    return f"| [Paper {n}](https://arxiv.org/abs/2305.{n:05d}) | {date} | a |\n"


def test_dates_following_arxiv_ids_are_compared_among_rows_with_an_id() -> None:
    """Dates are the arXiv months: a paper without a preprint has none to give, and the list
    leaves it empty; a row with an arXiv id and no date is the omission."""
    with_ids = "".join(arxiv(n, "2023.05") for n in range(1, 10))
    without = "".join(
        f"| [Venue paper {n}](https://aclanthology.org/{n}) |  | a |\n" for n in range(4)
    )
    markdown = HEADER + with_ids + without + arxiv(10, "")
    assert found(markdown) == [(16, 50, "T004")]


def test_a_row_of_empty_cells_is_reported_once_as_a_row_to_remove() -> None:
    # a blank row an editor left under the delimiter row: no paper's title or date to fill in
    markdown = f"{HEADER}|  |  |  |\n{FULL}"
    (problem,) = run_rule(empty_cell, parse(markdown), ONLY)
    assert (problem.line, problem.column) == (3, 3)  # at its first cell
    assert problem.message == "empty row: every cell of it is empty; remove the row"


LINKED = "".join(
    f"| [Paper {i}](https://arxiv.org/abs/2305.{i:05d}) | 2023.05 | a |\n" for i in range(1, 5)
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a title whose link has no address, among titles that link their paper
        ("[Paper X]()", [(7, 3, "T004")]),
        ("[**Paper X**](<>)", [(7, 3, "T004")]),
        ("[Paper X]( )", [(7, 3, "T004")]),
        # a badge with an empty link, then the linked title: no title links nowhere
        ("[![Star](https://img.shields.io/badge/a-b-blue)]()<br>[Paper X](https://x.org/p)", []),
        # an empty placeholder, no words in it; a link in a code span GitHub shows as text
        ("Paper X []()", []),
        ("`[Paper X]()`", []),
        ("[Paper X](https://openreview.net/forum?id=a)", []),
    ],
)
def test_a_title_linking_nowhere_where_titles_link_their_paper(
    title: str, expected: list[tuple[int, int, str]]
) -> None:
    markdown = f"{HEADER}{LINKED}| {title} | 2023.06 | a |\n"
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == markdown  # only a person knows the link


def test_a_title_linking_nowhere_where_titles_are_not_linked_is_not_reported() -> None:
    # most titles here are plain text: the list shows no link is missing
    plain = "".join(f"| Paper {i} | 2023.05 | a |\n" for i in range(1, 5))
    assert found(f"{HEADER}{plain}| [Paper X]() | 2023.06 | a |\n") == []


def test_a_row_of_empty_cells_is_judged_by_the_other_rows() -> None:
    # an editor's blank row under the header of a small table its other rows fill: the blank
    # row itself does not count against the evidence (6 of 7 rows is under 90%)
    six = "".join(f"| Paper {i} | 2023.0{i} | a |\n" for i in range(1, 7))
    assert found(f"{HEADER}|  |  |  |\n{six}") == [(3, 3, "T004")]
    # a template table of one blank row, or a blank row among rows too few to tell
    assert found(f"{HEADER}|  |  |  |\n") == []
    assert (
        found(f"{HEADER}| Paper 1 | 2023.01 | a |\n| Paper 2 | 2023.02 | a |\n|  |  |  |\n") == []
    )


def test_a_row_of_empty_cells_closing_a_table_of_titles_without_dates() -> None:
    # no date column, so no paper table, but a title column its other rows fill
    titles = "| # | Paper | Notes |\n| --- | --- | --- |\n" + "".join(
        f"| {i} | [Paper {i}](https://arxiv.org/abs/2301.0000{i}) | n |\n" for i in range(1, 5)
    )
    assert found(f"{titles}|  |  |  |\n") == [(7, 3, "T004")]
    # a leaderboard whose blank rows part groups names no titles: silent
    board = "| Benchmark | GPT-4 | Claude |\n| --- | --- | --- |\n| MMLU | 86 | 85 |\n"
    assert found(f"{board}|  |  |  |\n| GSM8K | 92 | 88 |\n| MATH | 52 | 50 |\n") == []


def test_a_row_of_empty_cells_closing_most_tables_is_the_lists_template() -> None:
    filled = "".join(f"| Paper {i} | 2023.0{i} | a |\n" for i in range(1, 5))
    closed = f"{HEADER}{filled}|  |  |  |\n"
    # every table of the list ends so: its template, nothing to remove
    assert found(f"## A\n\n{closed}\n## B\n\n{closed}") == []
    # one stray blank row among tables without one is still reported
    lone = f"## A\n\n{closed}\n## B\n\n{HEADER}{filled}\n## C\n\n{HEADER}{filled}"
    assert found(lone) == [(9, 3, "T004")]


def test_a_group_rows_empty_cells_are_no_missing_title_or_date() -> None:
    # a bold label over each group of rows, its other cells left empty (27 of 29 rows date)
    groups = HEADER + "| **Agents** |||\n" + FULL + "| **Knowledge** |  |  |\n" + FULL * 2
    assert found(groups) == []
    # a plain row missing its date is still reported
    assert found(groups + "| A |  | a |\n") == [(32, 7, "T004")]
