"""broken-table: rows cut off below a table, text glued into one as a row, a table not shown."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import broken_table
from tests.checking import run_rule
from tests.gfm_oracle import gfm_tables

ONLY = Config(select=("broken-table",))
TABLE = "| a | b |\n|---|---|\n| 1 | 2 |\n"


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(broken_table, parse(markdown), ONLY)]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (TABLE, []),
        (TABLE + "\ntext\n", []),
        # rows after a blank line, an HTML comment, a lone tag or a lone pipe
        (TABLE + "\n| 3 | 4 |\n| 5 | 6 |\n", [(5, 1, "T006"), (6, 1, "T006")]),
        (TABLE + "\n\n| 3 | 4 |\n", [(6, 1, "T006")]),
        (TABLE + "<!-- cut -->\n| 3 | 4 |\n", [(5, 1, "T006")]),
        (TABLE + "<br>\n| 3 | 4 |\n", [(5, 1, "T006")]),
        (TABLE + "|\n| 3 | 4 |\n", [(5, 1, "T006")]),
        # about the same number of cells: one more or less
        (TABLE + "\n| 3 |\n| 3 | 4 | 5 |\n", [(5, 1, "T006"), (6, 1, "T006")]),
        (TABLE + "\n| 3 | 4 | 5 | 6 |\n", []),
        # stops at the first line that is not a row
        (TABLE + "\n| 3 | 4 |\ntext\n| 5 | 6 |\n", [(5, 1, "T006")]),
        # a table of its own, a comment left open, a fence: not cut-off rows
        (TABLE + "\n| x | y |\n|---|---|\n", []),
        (TABLE + "<!--\n| 3 | 4 |\n-->\n", []),
        (TABLE + "\n```\n| 3 | 4 |\n```\n", []),
        (TABLE + "\n    | 3 | 4 |\n", []),
        # in a block quote
        ("> " + TABLE.replace("\n", "\n> ").rstrip("> ") + ">\n> | 3 | 4 |\n", [(5, 3, "T006")]),
        # text glued under a table is a row on GitHub
        (TABLE + "text\n", [(4, 1, "T006")]),
        (TABLE + "a \\| b\n", [(4, 1, "T006")]),
        ("> | a | b |\n> |---|---|\n> text\n", [(3, 3, "T006")]),
        # a kramdown attribute list styles the table above it (a Jekyll page); other braces glue
        (TABLE + "{: .table-striped .table-hover}\n", []),
        (TABLE + "{:.wide}\n", []),
        (TABLE + "{ not kramdown }\n", [(4, 1, "T006")]),
        # an ellipsis under a table: the row a list ends its tables with, for rows to come
        (TABLE + "....\n", []),
        (TABLE + "… etc\n", [(4, 1, "T006")]),
        # an anchor above a group of rows, which the contents link: an empty row on purpose
        (TABLE + '<a name="single-hop-qa"></a>\n| 3 | 4 |\n', []),
        (TABLE + "<a id='qa'></a>\n| 3 | 4 |\n", []),
        (TABLE + '<a href="#qa">QA</a>\n| 3 | 4 |\n', [(4, 1, "T006")]),
    ],
)
def test_broken_table(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected
    # no fix: either repair changes what GitHub shows
    assert fix_text(markdown, config=ONLY, unsafe=True).text == markdown


def test_a_blank_line_no_longer_hides_the_rows_below_it() -> None:
    """The issue's case: every row below a blank line used to pass every check silently."""
    from lint.engine import lint_text

    problems = lint_text(TABLE + "\n| 3 | 4 |\n| 5 |\n")
    assert [(p.line, p.code) for p in problems if p.code == "T006"] == [(5, "T006"), (6, "T006")]


def test_a_table_whose_delimiter_row_has_another_count_is_not_shown() -> None:
    # a delimiter cell too many: GitHub shows no table, and every row as text
    rows = "| 1 | Paper A | CVPR | 2019 |\n| 2 | Paper B | ICLR | 2020 |\n"
    unshown = "|INDEX|Title|Conference|Year|\n|---|---|---|---|---|\n" + rows
    assert [(line, code) for line, _, code in found(unshown)] == [(1, "T006")]
    assert gfm_tables(unshown) == []
    # the same counts: a table, nothing reported
    shown = unshown.replace("|---|---|---|---|---|", "|---|---|---|---|")
    assert found(shown) == [] and len(gfm_tables(shown)) == 1
    # inside fenced code, no table was meant
    assert found("```\n" + unshown + "```\n") == []


def test_a_link_alone_where_rows_start_with_one_is_a_row_written_short() -> None:
    header = "DataSet | Size | Categories\n--- | --- | ---\n"
    rows = "".join(f"[D{n}](https://d.io/{n}) | {n}k frames | Car\n" for n in range(3))
    assert found(header + rows + "[SUN3D](https://sun3d.io)\n") == []
    # text, or a link among rows whose first cells are no links, is glued under the table
    assert [line for line, *_ in found(header + rows + "More datasets below\n")] == [6]
    plain = "".join(f"D{n} | {n}k frames | Car\n" for n in range(3))
    assert [line for line, *_ in found(header + plain + "[SUN3D](https://sun3d.io)\n")] == [6]
