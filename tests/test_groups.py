"""A table's group rows: label rows that head the rows below them (``lint/groups.py``)."""

from __future__ import annotations

import pytest

from lint.document import parse
from lint.groups import group_rows

HEADER = "| Time | Title | Venue | Paper |\n| --- | --- | --- | --- |\n"


def rows(*lines: str) -> list[int]:
    (table,) = parse(HEADER + "".join(f"{line}\n" for line in lines)).tables
    return sorted(table.rows[index].line for index in group_rows(table))


PAPERS = [
    f"| 25.0{month} | Paper {month} | Arxiv | [link](https://arxiv.org/abs/2501.0000{month}) |"
    for month in range(1, 5)
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a label in the first cell, the others empty, above dated rows: a group row
        (["| ***<ins>Error Injection</ins>*** |  | | |", *PAPERS], [3]),
        # one cell alone, emphasised
        (["| _Backdoors_ |", *PAPERS], [3]),
        # empty cells past the header's count change nothing GitHub shows
        (["| **Backdoors** |  |  |  |  |  |", *PAPERS], [3]),
        (["| **Backdoors** |  |  |  |  | x |", *PAPERS], []),
        # a label of a kind the first column never holds (text among dates), not emphasised
        ([*PAPERS[:2], "| Overthinking |  |  |  |", *PAPERS[2:]], [5]),
        # a row with a link is a paper's row missing its cells, never a label
        (["| [Paper](https://arxiv.org/abs/2501.00009) |  |  |  |", *PAPERS], []),
        # a date alone is like the column's others: a row missing its cells
        (["| 25.06 |  |  |  |", *PAPERS], []),
        # too few rows to tell a label from a row
        (["| _Backdoors_ |", *PAPERS[:2]], []),
        # an emphasised label in another cell, the others dashes: a divider naming its group
        (["|---| **Deep Learning** |---|---|", *PAPERS], [3]),
        (["| | **Deep Learning** | | |", *PAPERS], [3]),
        # ... but not plain text there, nor a label where the column is emphasised anyway
        (["|---| Deep Learning |---|---|", *PAPERS], []),
        (
            [
                "|---| **Deep Learning** |---|---|",
                *(
                    line.replace("| Paper", "| **Paper").replace(" | Arxiv", "** | Arxiv")
                    for line in PAPERS
                ),
            ],
            [],
        ),
    ],
)
def test_group_rows(lines: list[str], expected: list[int]) -> None:
    assert rows(*lines) == expected


def test_a_table_of_two_columns_has_no_groups() -> None:
    (table,) = parse(
        "| Name | Link |\n|---|---|\n| _Tools_ |  |\n| a | b |\n| c | d |\n| e | f |\n"
    ).tables
    assert group_rows(table) == frozenset()


def test_a_group_row_names_no_entity_a_row_under_it_repeats() -> None:
    # a leaderboard's model family above its models, one named as the family
    from lint.config import Config
    from lint.rules import duplicate_entry
    from tests.checking import run_rule

    header = "| Model | Prompt | MMLU | GPQA |\n|:--:|:--:|:--:|:--:|\n"
    families = "".join(
        f"| **{name}** |  |  |  |  |\n| {name}-high | n/a | 93.3 | 83.4 |\n"
        f"| {name} [^9] | n/a | 92.9 | 82.8 |\n"
        for name in ("o3", "o4-mini", "o1")
    )
    doc = parse(header + families)
    assert len(group_rows(doc.tables[0])) == 3
    assert run_rule(duplicate_entry, doc, Config(select=("duplicate-entry",))) == []


def test_dividers_naming_groups_cut_the_order_and_keep_their_own_layout() -> None:
    from lint.config import Config
    from lint.fix import fix_text
    from lint.rules import column_count, row_order, table_format
    from tests.checking import run_rule

    header = "| Method | Title | Venue | Year |\n|---|---|---|---|\n"

    def group(name: str, years: range) -> str:
        rows = "".join(
            f"| {name}{year} | {name} paper {year} | CVPR | {year} |\n" for year in years
        )
        return f"|---| **{name}** |---|\n" + rows

    markdown = header + group("Classic", range(2001, 2006)) + group("Deep", range(2015, 2020))
    markdown += group("Hybrid", range(2003, 2008))
    doc = parse(markdown)
    for rule in (row_order, column_count, table_format):
        assert run_rule(rule, doc, Config()) == [], rule.NAME
    assert fix_text(markdown).text == markdown


def test_a_label_past_the_headers_last_column_is_no_label() -> None:
    # found by Hypothesis: a row's one filled cell beyond the header, dropped by GitHub
    (table,) = parse("|h|h|h|\n|---|---|---|\n||||\n||||论文|\n").tables
    assert group_rows(table) == frozenset()
