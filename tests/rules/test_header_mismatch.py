"""header-mismatch: every paper table has the first one's (or the configured) header."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import header_mismatch
from tests.checking import run_rule

ONLY = Config(select=("header-mismatch",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n| A | 2023.05 | a |\n"


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(header_mismatch, parse(markdown), config)]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (f"{HEADER}\n{HEADER}", []),
        # white space inside the header does not matter
        (f"{HEADER}\n|论文题目|  发表时间 |内容简介|\n|-|-|-|\n| B | 2023.06 | b |\n", []),
        # one column named otherwise, under the header two tables of three keep
        (
            f"{HEADER}\n{HEADER}\n| 论文题目 | 时间 | 内容简介 |\n|---|---|---|\n"
            "| B | 2023.06 | b |\n",
            [(9, 10, "T003")],
        ),
        # one table against one is a tie: the list keeps no header (issue 17, item 7)
        (f"{HEADER}\n| 论文题目 | 时间 | 内容简介 |\n|---|---|---|\n| B | 2023.06 | b |\n", []),
        # a deliberate extra column is a table of its own kind, even under a clear majority
        # (issue 17, item 7: it was reported before)
        (
            f"{HEADER}\n{HEADER}\n| 论文题目 | 发表时间 | 内容简介 | 代码 |\n|---|---|---|---|\n"
            "| B | 2023.06 | b | c |\n",
            [],
        ),
        # emphasis or a code span around a whole header cell looks the same: GitHub shows
        # header cells bold
        (
            f"{HEADER}\n{HEADER}\n| 论文题目 | **发表时间** | `内容简介` |\n|-|-|-|\n"
            "| B | 2023.06 | b |\n",
            [],
        ),
        # emphasis inside a cell is shown: compared as written
        (
            f"{HEADER}\n{HEADER}\n| 论文题目 | 发表**时间** | 内容简介 |\n|-|-|-|\n"
            "| B | 2023.06 | b |\n",
            [(9, 10, "T003")],
        ),
        # a table that is not a paper table is not compared
        (f"{HEADER}\n| 作者 | 机构 |\n|---|---|\n| x | y |\n", []),
    ],
)
def test_header_mismatch(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == markdown


def test_configured_header_applies_to_the_first_table_too() -> None:
    config = Config(select=("header-mismatch",), header=("Title", "Date"))
    assert found(HEADER, config) == [(1, 3, "T003")]
    assert found("| Title | Date |\n|---|---|\n| A | 2023.05 |\n", config) == []


OTHER = "| 论文题目 | 时间 | 内容简介 |\n|---|---|---|\n| B | 2023.06 | b |\n"
KIND = (
    "| Model | Year | Params | Licence | Paper |\n|---|---|---|---|---|\n"
    "| M | 2023 | 7B | MIT | p |\n"
)


@pytest.mark.parametrize(
    ("tables", "expected_lines"),
    [
        # the header most tables use is the list's, wherever the first one stands
        ((OTHER, HEADER, HEADER), [1]),
        # a paper table of another kind (other columns) is no variant: not reported
        ((HEADER, HEADER, KIND), []),
    ],
)
def test_inferred_header_is_the_most_common_and_only_variants_are_reported(
    tables: tuple[str, ...], expected_lines: list[int]
) -> None:
    assert [line for line, _, _ in found("\n".join(tables))] == expected_lines


PAPERS = "| Title | Source | Date | Code |\n|---|---|---|---|\n| A | arXiv | 2024-01 | c |\n"


@pytest.mark.parametrize(
    ("tables", "expected_lines"),
    [
        # 3 of 5 tables is a plurality, not a convention: the qualified column is left alone
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("Source", "Source (first)"), OTHER), []),
        # a table with two columns of its own (a Blogs table) is another kind of table
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("Source | Date", "Author | Year")), []),
        # one column of four named otherwise (Year over the dates the others head Date), under
        # the header three tables of four keep: a near variant
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("| Date |", "| Year |", 1)), [13]),
        # spelled otherwise in two cells (case, spacing) is still the same header
        ((PAPERS, PAPERS, PAPERS.replace("Source | Date", "source | DATE")), [9]),
        # one column renamed as a variant: a slip, a word added
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("| Source |", "| Sorce |", 1)), [13]),
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("| Code |", "| Code Link |", 1)), [13]),
        # one column of the table's own, unrelated in name (AgentsMeetRL's Focus where the
        # others have RL Framework, SAM4MIS's Dataset where they have Code): not reported
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("| Code |", "| Focus |", 1)), []),
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("| Code |", "| Dataset |", 1)), []),
        # the list's column widened by a slash to what this table holds too
        ((PAPERS, PAPERS, PAPERS, PAPERS.replace("| Title |", "| Title / Resource |", 1)), []),
    ],
)
def test_only_a_near_variant_of_a_clear_majority_is_reported(
    tables: tuple[str, ...], expected_lines: list[int]
) -> None:
    assert [line for line, _, _ in found("\n".join(tables))] == expected_lines
