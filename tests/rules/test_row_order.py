"""row-order: a stable sort by date that moves whole rows, never with an unreadable date."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import row_order
from tests.checking import run_rule

# this repository's own settings, pinned (the default is "auto": see the tests at the end)
ONLY = Config(select=("row-order",), date_format="YYYY.MM", order="ascending")
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def rows(*pairs: tuple[str, str]) -> str:
    return HEADER + "".join(f"| {title} | {date} | x |\n" for title, date in pairs)


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(row_order, parse(markdown), config)]


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        (rows(("A", "2023.03"), ("B", "2023.05")), [], None),
        (
            rows(("B", "2023.05"), ("A", "2023.03"), ("C", "2023.07")),
            [(4, 7, "P003")],
            rows(("A", "2023.03"), ("B", "2023.05"), ("C", "2023.07")),
        ),
        # stable: equal dates keep their order
        (
            rows(("C", "2023.05"), ("D", "2023.05"), ("A", "2023.01"), ("E", "2023.05")),
            [(5, 7, "P003")],
            rows(("A", "2023.01"), ("C", "2023.05"), ("D", "2023.05"), ("E", "2023.05")),
        ),
        # non-canonical dates are compared by value
        (
            rows(("B", "2023年5月"), ("A", "2023-3"), ("C", "2023\u201306")),
            [(4, 7, "P003")],
            rows(("A", "2023-3"), ("B", "2023年5月"), ("C", "2023\u201306")),
        ),
        # an unreadable date: reported, never reordered
        (rows(("B", "2023.05"), ("X", "soon"), ("A", "2023.03")), [(5, 7, "P003")], None),
        (rows(("B", "2023.05"), ("X", ""), ("A", "2023.03")), [(5, 7, "P003")], None),
        # readable ones in order: nothing to say (date-format reports the unreadable one)
        (rows(("A", "2023.03"), ("X", "soon"), ("B", "2023.05")), [], None),
        # block quote: each line keeps its prefix
        (
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n"
            "> | B | 2023.05 |\n> | A | 2023.03 |\n> | C | 2023.07 |\n",
            [(4, 9, "P003")],
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n"
            "> | A | 2023.03 |\n> | B | 2023.05 |\n> | C | 2023.07 |\n",
        ),
    ],
)
def test_row_order(markdown: str, expected: list[tuple[int, int, str]], fixed: str | None) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == (fixed if fixed is not None else markdown)


def test_descending_order() -> None:
    config = Config(select=("row-order",), order="descending")
    markdown = rows(("A", "2023.03"), ("B", "2023.05"), ("C", "2023.05"), ("D", "2023.01"))
    # the longest run in order is B, C, D: A is the row out of place
    assert found(markdown, config) == [(3, 7, "P003")]
    expected = rows(("B", "2023.05"), ("C", "2023.05"), ("A", "2023.03"), ("D", "2023.01"))
    assert fix_text(markdown, config=config).text == expected


def test_fix_is_safe_and_one_edit_over_the_body() -> None:
    markdown = rows(("B", "2023.05"), ("A", "2023.03"), ("C", "2023.07"))
    (problem,) = run_rule(row_order, parse(markdown), ONLY)
    assert problem.fix is not None and problem.fix_safety == "safe"
    (edit,) = problem.fix.edits
    assert (edit.start_line, edit.end_line) == (3, 5)


DESCENDING = Config(select=("row-order",), date_format="YYYY.MM", order="descending")


# Issue 9 (the texts' issue 7) changed these: a table running wholly the other way from a set
# order was re-sorted by a safe fix; a safe fix now never reverses a table, so it is unsafe, and
# every misplaced row is reported at its own line instead of one problem for the table.
@pytest.mark.parametrize(
    ("markdown", "config", "expected", "safety", "sorted_text"),
    [
        # the whole table runs the other way: unsafe, never reversed by a plain --fix
        (
            rows(("B", "2023.05"), ("A", "2023.03")),
            ONLY,
            [(4, 7, "P003")],
            "unsafe",
            rows(("A", "2023.03"), ("B", "2023.05")),
        ),
        # non-strict: equal dates in a descending run keep their order when sorted
        (
            rows(("C", "2023.09"), ("B1", "2023.05"), ("B2", "2023.05"), ("A", "2023.01")),
            ONLY,
            [(3, 7, "P003"), (6, 7, "P003")],
            "unsafe",
            rows(("A", "2023.01"), ("B1", "2023.05"), ("B2", "2023.05"), ("C", "2023.09")),
        ),
        # equal dates first, then the other way
        (
            rows(("B1", "2023.05"), ("B2", "2023.05"), ("A", "2023.01")),
            ONLY,
            [(5, 7, "P003")],
            "unsafe",
            rows(("A", "2023.01"), ("B1", "2023.05"), ("B2", "2023.05")),
        ),
        # an ascending table under order = "descending"
        (
            rows(("A", "2023.03"), ("B", "2023.05"), ("C", "2023.07")),
            DESCENDING,
            [(4, 7, "P003"), (5, 7, "P003")],
            "unsafe",
            rows(("C", "2023.07"), ("B", "2023.05"), ("A", "2023.03")),
        ),
        # the three dates, written three ways, in descending order
        (
            rows(("A", "2023.05"), ("B", "2023-03"), ("C", "2022年9月")),
            ONLY,
            [(4, 7, "P003"), (5, 7, "P003")],
            "unsafe",
            rows(("C", "2022年9月"), ("B", "2023-03"), ("A", "2023.05")),
        ),
        # only partly out of order: the safe fix
        (
            rows(("A", "2023.05"), ("B", "2023.03"), ("C", "2023.04")),
            ONLY,
            [(3, 7, "P003")],
            "safe",
            rows(("B", "2023.03"), ("C", "2023.04"), ("A", "2023.05")),
        ),
        (
            rows(("A", "2023.01"), ("C", "2023.05"), ("B", "2023.03")),
            ONLY,
            [(5, 7, "P003")],
            "safe",
            rows(("A", "2023.01"), ("B", "2023.03"), ("C", "2023.05")),
        ),
        # the other way but with a date it cannot read: reported, never sorted
        (
            rows(("B", "2023.05"), ("X", "soon"), ("A", "2023.03")),
            ONLY,
            [(5, 7, "P003")],
            None,
            None,
        ),
    ],
)
def test_table_in_the_opposite_order(
    markdown: str,
    config: Config,
    expected: list[tuple[int, int, str]],
    safety: str | None,
    sorted_text: str | None,
) -> None:
    assert found(markdown, config) == expected
    safeties = {p.fix_safety for p in run_rule(row_order, parse(markdown), config)}
    assert safeties == {safety}
    after_safe = sorted_text if safety == "safe" else markdown
    assert fix_text(markdown, config=config).text == after_safe
    assert fix_text(markdown, config=config, unsafe=True).text == (sorted_text or markdown)


def year_rows(header: str, *pairs: tuple[str, str]) -> str:
    return f"| Title | {header} |\n| --- | --- |\n" + "".join(
        f"| {title} | {year} |\n" for title, year in pairs
    )


@pytest.mark.parametrize(
    ("markdown", "config", "expected", "fixed"),
    [
        # a year column is compared by year
        (year_rows("Year", ("A", "2021"), ("B", "2022"), ("C", "2022")), ONLY, [], None),
        (
            year_rows("Year", ("B", "2022"), ("A", "**2021**"), ("C", "2023年")),
            ONLY,
            [(4, 7, "P003")],
            year_rows("Year", ("A", "**2021**"), ("B", "2022"), ("C", "2023年")),
        ),
        # stable: rows of the same year keep their order
        (
            year_rows("年份", ("C1", "2023"), ("A", "2021"), ("C2", "2023"), ("B", "2022")),
            ONLY,
            [(4, 7, "P003"), (6, 7, "P003")],
            year_rows("年份", ("A", "2021"), ("B", "2022"), ("C1", "2023"), ("C2", "2023")),
        ),
        # a year alone among months cannot be read: reported, never sorted
        (
            year_rows("Date", ("B", "2023.05"), ("X", "2022"), ("A", "2023.03")),
            ONLY,
            [(5, 7, "P003")],
            None,
        ),
        # date-format = "YYYY": months are compared by their year only
        (
            year_rows("Date", ("A", "2023.09"), ("B", "2023.01"), ("C", "2024")),
            Config(select=("row-order",), date_format="YYYY"),
            [],
            None,
        ),
        (
            year_rows("Date", ("C", "2024"), ("A", "2023.09"), ("B", "2025.01")),
            Config(select=("row-order",), date_format="YYYY", order="ascending"),
            [(4, 7, "P003")],
            year_rows("Date", ("A", "2023.09"), ("C", "2024"), ("B", "2025.01")),
        ),
    ],
)
def test_year_column(
    markdown: str, config: Config, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    assert found(markdown, config) == expected
    assert fix_text(markdown, config=config).text == (fixed or markdown)


def test_days_count_only_when_the_format_shows_them() -> None:
    markdown = rows(("B", "2023-05-20"), ("A", "2023-05-01"))
    assert found(markdown) == []
    config = Config(select=("row-order",), date_format="YYYY-MM-DD", order="ascending")
    assert found(markdown, config) == [(4, 7, "P003")]


@pytest.mark.parametrize(
    ("markdown", "safety"),
    [
        # rows ranked 1..n: sorting by date would scramble the ranking
        (
            "| 排名 | 论文题目 | 发表时间 |\n| --- | --- | --- |\n"
            "| 1 | A | 2024.05 |\n| 2 | B | 2024.01 |\n| 3 | C | 2024.03 |\n",
            "unsafe",
        ),
        (
            "| # | Paper | Date |\n| --- | --- | --- |\n| 3 | A | 2024.05 |\n| 2 | B | 2024.01 |\n",
            "unsafe",
        ),
        # numbers in brackets ([1], [2]: RSpaper-read's notes follow them) count the rows too
        (
            "|  | Paper | Date |\n| --- | --- | --- |\n"
            "| [1] | A | 2024.05 |\n| [2] | B | 2024.01 |\n| [3] | C | 2024.03 |\n",
            "unsafe",
        ),
        # numbers that do not count the rows (citations) leave the sort safe
        (
            "| 论文题目 | 发表时间 | 引用 |\n| --- | --- | --- |\n"
            "| A | 2024.05 | 12 |\n| B | 2024.01 | 40 |\n| C | 2024.03 | 7 |\n",
            "safe",
        ),
    ],
)
def test_numbered_rows_make_the_sort_unsafe(markdown: str, safety: str) -> None:
    (problem,) = run_rule(row_order, parse(markdown), ONLY)
    assert problem.fix_safety == safety
    assert (fix_text(markdown, config=ONLY).text == markdown) is (safety == "unsafe")


AUTO = Config(select=("row-order",), date_format="YYYY.MM")


def dated(*dates: str) -> str:
    return rows(*((f"P{index}", date) for index, date in enumerate(dates)))


def titled(*dates: str) -> str:
    """Rows whose title is their date, so a sorted table can be written out as expected."""
    return rows(*((f"T{date}", date) for date in dates))


@pytest.mark.parametrize(
    ("dates", "expected_lines"),
    [
        # newest first throughout: descending, nothing to report
        (("2024.05", "2024.03", "2023.11", "2023.01"), []),
        # oldest first throughout
        (("2023.01", "2023.11", "2024.03", "2024.05"), []),
        # newest first with one row out of place: that row, at its own line
        (("2024.05", "2024.03", "2024.04", "2023.11", "2023.01", "2022.12"), [5]),
        # oldest first with two rows out of place, each reported
        (
            ("2023.01", "2023.09", "2023.02", "2023.03", "2023.04", "2023.05", "2023.01")
            + ("2023.06", "2023.07", "2023.08"),
            [4, 9],
        ),
        # too noisy to be an order: a third of the changes of date run the other way
        (("2023.01", "2023.09", "2023.02", "2023.03", "2023.04", "2023.01", "2023.05"), []),
        # years with ties, hand-ordered (must-reads first): no order to enforce
        (("2026", "2025", "2024", "2025", "2025", "2025", "2024", "2024", "2025", "2024"), []),
        # as many rows out of place either way
        (("2025", "2024", "2025"), []),
        # its rows in order span two dates: too few to tell
        (("2023.05", "2023.05", "2023.03", "2023.05", "2023.05", "2023.05"), []),
        # more than a third out of place either way: ordered by something else, not checked
        (("2023.05", "2021.01", "2024.09", "2020.03", "2023.01", "2022.07"), []),
    ],
)
def test_auto_order_reads_the_table(dates: tuple[str, ...], expected_lines: list[int]) -> None:
    assert [line for line, _, _ in found(dated(*dates), AUTO)] == expected_lines


def test_auto_fix_moves_only_the_misplaced_rows_and_never_reverses() -> None:
    markdown = dated("2024.05", "2024.03", "2024.04", "2023.11", "2023.01")
    fixed = fix_text(markdown, config=AUTO).text
    assert fixed == rows(
        ("P0", "2024.05"), ("P2", "2024.04"), ("P1", "2024.03"), ("P3", "2023.11"),
        ("P4", "2023.01"),
    )  # fmt: skip
    # the newest-first table stays newest first
    assert fix_text(fixed, config=AUTO).text == fixed


def test_more_than_a_few_misplaced_rows_get_an_unsafe_fix() -> None:
    # 20 rows in order, then 4 moved out of place (more than max(3, 10%) = 3 but under a third)
    months = [f"2020.{month:02d}" for month in range(1, 13)] + [
        f"2021.{month:02d}" for month in range(1, 9)
    ]
    shuffled = months[4:8] + months[:4] + months[8:]
    problems = list(run_rule(row_order, parse(titled(*shuffled)), ONLY))
    assert len(problems) == 4
    assert {p.fix_safety for p in problems} == {"unsafe"}
    markdown = titled(*shuffled)
    assert fix_text(markdown, config=ONLY).text == markdown
    assert fix_text(markdown, config=ONLY, unsafe=True).text == titled(*months)


def test_three_misplaced_rows_keep_a_safe_fix() -> None:
    months = [f"2020.{month:02d}" for month in range(1, 13)]
    shuffled = months[3:6] + months[:3] + months[6:]
    problems = list(run_rule(row_order, parse(titled(*shuffled)), ONLY))
    assert len(problems) == 3 and {p.fix_safety for p in problems} == {"safe"}
    # one move places them all: the fix counts every problem it repaired
    result = fix_text(titled(*shuffled), config=ONLY)
    assert result.text == titled(*months) and result.fixed == 3


def section(heading: str, *dates: str) -> str:
    return f"## {heading}\n\n{dated(*dates)}\n"


@pytest.mark.parametrize(
    ("sections", "expected_lines"),
    [
        # ordering off for one section only
        ((("Must read", {"order": "off"}),), [14]),
        # a section set to descending: its ascending table is out of order there
        ((("Must read", {"order": "descending"}),), [7, 14]),
        # the heading is matched loosely (case, markup)
        ((("**must READ**", {"order": "off"}),), [14]),
    ],
)
def test_order_per_section(
    sections: tuple[tuple[str, dict[str, str]], ...], expected_lines: list[int]
) -> None:
    from lint.config import from_mapping

    config = from_mapping(
        {"select": ["row-order"], "order": "ascending", "sections": dict(sections)}
    )
    markdown = section("Must read", "2023.05", "2023.01", "2023.07") + section(
        "Others", "2023.05", "2023.01", "2023.07"
    )
    assert [line for line, _, _ in found(markdown, config)] == expected_lines


def test_order_off_checks_nothing() -> None:
    config = Config(select=("row-order",), order="off")
    assert found(dated("2023.05", "2023.01", "2023.07"), config) == []


def test_a_table_ordered_by_arxiv_id_is_not_checked_by_date() -> None:
    """Daily arXiv lists sort rows by id and date them by their last update."""
    ids = ["2605.09811", "2605.07885", "2605.06478", "2605.05443", "2605.04806"]
    dates = ["2026-05-10", "2026-05-08", "2026-05-07", "2026-05-08", "2026-05-06"]
    table = "|Date|Title|PDF|\n|---|---|---|\n" + "".join(
        f"|**{date}**|**P{i}**|[{paper}](http://arxiv.org/abs/{paper})|\n"
        for i, (date, paper) in enumerate(zip(dates, ids, strict=True))
    )
    default = Config(select=("row-order",))
    assert found(table, default) == []
    # the same dates without ids: one row out of place
    plain = "|Date|Title|\n|---|---|\n" + "".join(f"|{d}|P{i}|\n" for i, d in enumerate(dates))
    assert [line for line, _, _ in found(plain, default)] == [6]


def test_a_year_column_in_a_table_sorted_by_arxiv_id_is_not_checked_by_year() -> None:
    """Jasonlee's tables run by arXiv id and give venue years: an arXiv-only paper of 2014
    sits among ICLR 2015 papers by its id. As many slips by id as by year, and the row off the
    years' order in place by its id: the ids show the order kept."""
    rows_of = [
        ("2015", "1412.6806"), ("2015", "1412.6572"), ("2014", "1411.1784"),
        ("2015", "1411.7766"), ("2015", "1410.8516"), ("2014", "1406.4729"),
        ("2013", "1312.6229"), ("2012", "1211.0001"), ("2011", "1102.0001"),
    ]  # fmt: skip

    def table(rows: list[tuple[str, str]]) -> str:
        return "|Year|Paper|\n|:-:|:-|\n" + "".join(
            f"|{year}|[Paper {i}](https://arxiv.org/abs/{paper})|\n"
            for i, (year, paper) in enumerate(rows)
        )

    default = Config(select=("row-order",))
    assert found(table(rows_of), default) == []
    # a row off both orders (misplaced by its year and its id alike) is still reported
    misplaced = [*rows_of[:2], *rows_of[3:], ("2015", "1412.0035")]
    assert [line for line, _, _ in found(table(misplaced), default)] == [11]


@pytest.mark.parametrize(
    ("year", "paper", "reported"),
    [
        ("2025", "2412.04001", False),  # CVPR 2025 for a December 2024 preprint: in place
        ("2025", "2301.00001", True),  # its preprint's year (2023) is no place among 2024's
        ("2026", "2312.04001", True),  # three years on: no venue's year
    ],
)
def test_a_venues_year_is_read_at_its_preprints_year_where_that_is_its_place(
    year: str, paper: str, reported: bool
) -> None:
    # Awesome-Model-Merging runs by arXiv id with a Year column of venue years
    rows_of = [("2025", "2501.00002"), ("2024", "2412.09001"), (year, paper)]
    rows_of += [("2024", "2412.00003"), ("2024", "2405.00004"), ("2024", "2411.00005")]
    rows_of += [("2024", "2403.00006"), ("2024", "2409.00007"), ("2023", "2310.00008")]
    table = "|Paper|Year|\n|-|-|\n" + "".join(
        f"|[Paper {n}](https://arxiv.org/abs/{i})|{y}|\n" for n, (y, i) in enumerate(rows_of)
    )
    assert bool(found(table, Config(select=("row-order",)))) is reported


def test_a_row_with_missing_cells_has_no_date_to_order() -> None:
    markdown = rows(("A", "2023.01"), ("B", "2023.02")) + "| C | https://x.example |\n"
    markdown = markdown.replace("| C | https://x.example | x |", "| C | https://x.example |")
    assert found(markdown, ONLY) == []


@pytest.mark.parametrize(
    ("unplaced", "named"),
    [("CVPR 2022", '"CVPR 2022"'), ("2022.13", '"2022.13"'), ("", "line 5")],
)
def test_a_row_without_a_place_is_named_with_its_date(unplaced: str, named: str) -> None:
    # issue 17: "the date at line N cannot be read" was said of dates that read fine
    markdown = year_rows(
        "Date", ("B", "2023.05"), ("A", "2023.03"), ("X", unplaced), ("C", "2023.07")
    )
    (problem,) = run_rule(row_order, parse(markdown), ONLY)
    assert problem.fix is None
    assert "line 5" in problem.message and named in problem.message


AUTO = Config(select=("row-order",), date_format="YYYY.MM")


def test_a_table_of_a_few_long_sorted_runs_is_grouped_not_misordered() -> None:
    """Published papers newest first, then preprints newest first (issue 17, item 6): two long
    runs in order are a grouping; with order left to auto nothing is reported or moved."""
    published = [(f"P{n}", f"2024.{12 - n:02d}") for n in range(8)]
    preprints = [(f"Q{n}", f"2024.{11 - n:02d}") for n in range(8)]
    markdown = rows(*published, *preprints)
    assert found(markdown, AUTO) == []
    assert fix_text(markdown, config=AUTO).text == markdown
    # a set order is the user's word: the rows out of it are reported
    assert found(markdown, Config(select=("row-order",), date_format="YYYY.MM", order="descending"))


def test_one_slip_between_two_runs_is_still_reported() -> None:
    """A row dated after its neighbours splits a table into two runs too: one row out of place
    is a slip, not a grouping."""
    before = [(f"A{n}", f"2023.{n + 1:02d}") for n in range(6)]
    after = [(f"B{n}", f"2024.{n + 1:02d}") for n in range(6)]
    markdown = rows(*before, ("Late", "2025.01"), *after)
    assert [line for line, _, _ in found(markdown, AUTO)] == [9]


def test_published_papers_then_a_block_of_preprints_are_two_runs() -> None:
    """A venue column naming a preprint server in every row of a last block, and in none
    before: the published papers in order, then the preprints in order, each run its own."""
    header = "| Year | Venue | Paper |\n|---|---|---|\n"
    published = "".join(f"| {year} | CVPR | P{year} |\n" for year in range(2018, 2025))
    preprints = "| 2021 | arXiv | Q1 |\n| 2023 | arXiv | Q2 |\n"
    markdown = header + published + preprints
    year = Config(select=("row-order",))
    assert found(markdown, year) == []
    assert fix_text(markdown, config=year).text == markdown
    # inside its block a preprint out of place is still one
    slipped = header + published + preprints + "| 2019 | arXiv | Q3 |\n| 2024 | arXiv | Q4 |\n"
    assert [line for line, _, _ in found(slipped, year)] == [12]
    # a published paper among the preprints leaves no block of them: one run
    mixed = header + published + preprints + "| 2025 | CVPR | P2025 |\n| 2022 | arXiv | Q0 |\n"
    assert [line for line, _, _ in found(mixed, year)]


def test_a_series_kept_together_is_neither_reported_nor_split() -> None:
    """AutoAD, AutoAD II and AutoAD III sit together on purpose (issue 17, item 6): their rows
    out of date order are not reported, and a move of another row keeps them together."""
    markdown = rows(
        ("Alpha: a", "2023.01"),
        ("AutoAD: movie description", "2023.03"),
        ("AutoAD II: the sequel", "2023.10"),
        ("AutoAD III: the prequel", "2024.04"),
        ("Beta: b", "2023.06"),
        ("Gamma: c", "2024.05"),
        ("Delta: d", "2024.06"),
    )
    assert [line for line, _, _ in found(markdown, AUTO)] == [7]
    fixed = fix_text(markdown, config=AUTO).text
    titles = [line.split("|")[1].strip() for line in fixed.splitlines()[2:]]
    # the series moves as one block, by its first date
    assert titles == [
        "Alpha: a",
        "AutoAD: movie description",
        "AutoAD II: the sequel",
        "AutoAD III: the prequel",
        "Beta: b",
        "Gamma: c",
        "Delta: d",
    ]


def test_a_row_whose_place_is_inside_a_series_is_reported_without_a_fix() -> None:
    """Issue 18 (found by bench/fuzz.py): the row's date puts it between two rows of a series,
    which stays together, so sorting moved nothing; the fix that changed nothing was offered on
    every pass, and --fix refused it and table-format's fix beside it ('did not settle')."""
    markdown = rows(
        ("AutoAD", "2023.01"),
        ("AutoAD II", "2023.08"),
        ("AutoAD III", "2023.09"),
        ("Other paper", "2023.05"),
        ("Later", "2023.10"),
    )
    (problem,) = run_rule(row_order, parse(markdown), AUTO)
    assert (problem.line, problem.fix) == (6, None)
    assert "inside the series at lines 3-5" in problem.message
    for unsafe in (False, True):
        result = fix_text(markdown, config=AUTO, unsafe=unsafe)
        assert (result.text, result.refused) == (markdown, ())


def test_a_series_wholly_out_of_place_is_reported_and_moved_as_one() -> None:
    """PaLM and PaLM 2 appended after later rows: the series keeps together, but as a block it
    is out of order, and a maintainer would move it (seen on an unseen list, issue 17)."""
    earlier = [(f"Model {n}", f"20{10 + n}.01") for n in range(6)]
    markdown = rows(*earlier, ("PaLM: scaling", "2012.06"), ("PaLM 2: report", "2013.06"))
    assert [line for line, _, _ in found(markdown, AUTO)] == [9, 10]
    fixed = fix_text(markdown, config=AUTO).text
    titles = [line.split("|")[1].strip() for line in fixed.splitlines()[2:]]
    assert titles[2:5] == ["Model 2", "PaLM: scaling", "PaLM 2: report"]


AUTO = Config(select=("row-order",))
ASCENDING = Config(select=("row-order",), order="ascending")


@pytest.mark.parametrize("descending", [False, True])
def test_a_row_whose_year_alone_is_off_is_reported_as_a_typo_and_not_moved(
    descending: bool,
) -> None:
    # Tulu V3 dated November 2023 between rows of October and December 2024: in its neighbours'
    # year it stands exactly in place, so its year is the slip, not its place
    dated = [("A", "2024.08"), ("B", "2024.10"), ("Tulu", "2023.11"), ("C", "2024.12")]
    dated += [("D", "2025.01"), ("E", "2025.02")]
    markdown = rows(*(reversed(dated) if descending else dated))
    (problem,) = run_rule(row_order, parse(markdown), AUTO)
    assert "2023.11" in problem.message and "between rows dated 2024" in problem.message
    assert "if its year is mistyped, correct it; else move it " in problem.message
    assert problem.fix is None
    assert fix_text(markdown, config=AUTO).text == markdown


def test_a_mistyped_year_stays_while_a_misplaced_row_moves() -> None:
    dated = [("A", "2024.01"), ("B", "2024.03"), ("X", "2023.04"), ("C", "2024.05")]
    dated += [("D", "2024.09"), ("Late", "2024.06"), ("E", "2024.11"), ("F", "2024.12")]
    markdown = rows(*dated)
    problems = run_rule(row_order, parse(markdown), ASCENDING)
    assert [(p.line, p.fix is None) for p in problems] == [(5, True), (8, False)]
    moved = [pair for pair in dated if pair[0] != "Late"]
    moved.insert(4, ("Late", "2024.06"))  # after C (2024.05): X stays between B and C
    assert fix_text(markdown, config=ASCENDING).text == rows(*moved)


def test_a_row_between_two_years_is_moved_as_before() -> None:
    # its neighbours differ in year: nothing tells its year from its place, so it moves
    dated = [("A", "2023.10"), ("B", "2023.12"), ("X", "2022.11"), ("C", "2024.01")]
    dated += [("D", "2024.02")]
    markdown = rows(*dated)
    (problem,) = run_rule(row_order, parse(markdown), AUTO)
    assert "mistyped" not in problem.message and problem.fix is not None


def arxiv_rows(*dated: tuple[str, str]) -> str:
    return HEADER + "".join(
        f"| [Paper {paper_id}](https://arxiv.org/abs/{paper_id}) | {date} | x |\n"
        for paper_id, date in dated
    )


@pytest.mark.parametrize(
    ("dated", "expected_lines"),
    [
        # the last row dated before its own id (2502.x, 2024.11): its link says 2025.02, where
        # it stands in place; arxiv-date reports the date, row-order nothing
        # (one row dated after its id's month: the table is in date order, not in id order)
        (
            [("2406.00001", "2024.06"), ("2407.00001", "2024.07"), ("2405.00009", "2024.08")]
            + [("2409.00001", "2024.09"), ("2410.00001", "2024.10"), ("2501.00001", "2025.01")]
            + [("2502.18137", "2024.11")],
            [],
        ),
        # a row dated before its own id (2406.x, 2024.03) is no evidence against the row before
        # it (2024.05): read at its id's month, both stand in order
        (
            [("2401.00001", "2024.01"), ("2402.00001", "2024.02"), ("2405.21075", "2024.05")]
            + [("2406.09961", "2024.03"), ("2406.00001", "2024.06"), ("2404.00009", "2024.07")]
            + [("2408.00001", "2024.08")],
            [],
        ),
        # two rows side by side with their year mistyped (newest first, days given): each is
        # read at its id's month, its day kept, beside the other as read: neither is moved
        (
            [("2410.00017", "2024-10-17"), ("2409.00017", "2024-09-17")]
            + [("2408.00017", "2024-08-17"), ("2407.00017", "2024-07-17")]
            + [("2406.00030", "2024-06-30"), ("2404.00030", "2024-04-30")]
            + [("2404.16994", "2023-04-29"), ("2404.17176", "2023-04-26")]
            + [("2404.00004", "2024-04-04"), ("2403.00030", "2024-03-30")]
            + [("2311.00028", "2023-11-28"), ("2307.00031", "2023-07-31")]
            + [("2306.00031", "2023-06-30"), ("2305.00031", "2023-05-30")],
            [],
        ),
        # a date its id contradicts, where the id's month does not put it in place either (a
        # dataset's release date beside the paper it cites): read as written, reported
        (
            [("2401.00001", "2024.01"), ("2402.00001", "2024.02"), ("2210.08402", "2022.08")]
            + [("2403.00001", "2024.03"), ("2404.00001", "2024.04"), ("2401.00009", "2024.05")]
            + [("2406.00001", "2024.06")],
            [5],
        ),
    ],
)
def test_a_date_its_own_arxiv_id_contradicts_is_no_evidence_of_order(
    dated: list[tuple[str, str]], expected_lines: list[int]
) -> None:
    assert [line for line, _, _ in found(arxiv_rows(*dated), AUTO)] == expected_lines


GROUPED = "| Time | Title | Venue |\n| ---- | ----- | :--: |\n"


def test_a_table_grouped_by_label_rows_is_ordered_within_each_group() -> None:
    # newest first inside each group; across groups the dates start over (WangCheng0116's list)
    first = "".join(f"| 25.0{month} | P{month} | Arxiv |\n" for month in range(8, 1, -1))
    second = "".join(f"| 24.1{month} | Q{month} | Arxiv |\n" for month in range(2, -1, -1))
    markdown = (
        f"{GROUPED}| ***<ins>Backdoors</ins>*** |  |  |\n{first}"
        f"| ***<ins>Error Injection</ins>*** |  |  |\n{second}"
    )
    assert found(markdown, AUTO) == []
    # a row out of order inside its group is reported, and moved within it: never across a label
    swapped = markdown.replace(
        "| 25.05 | P5 | Arxiv |\n| 25.04 | P4 | Arxiv |",
        "| 25.04 | P4 | Arxiv |\n| 25.05 | P5 | Arxiv |",
    )
    (problem,) = run_rule(row_order, parse(swapped), AUTO)
    assert problem.fix is not None
    assert fix_text(swapped, config=AUTO).text == markdown


def test_a_leaderboard_ranked_by_a_score_is_not_ordered_by_date() -> None:
    # SOTA-MedSeg's LiTS table: ranked by Tumor Dice, its dates in no order of their own
    header = "|Date|Title|Liver Dice|Tumor Dice|\n|---|---|---|---|\n"
    ranked = [("202004", "0.967", "0.763"), ("201909", "-", "0.741"), ("201908", "0.965", "0.730")]
    ranked += [("202007", "0.966", "0.724"), ("201709", "0.961", "0.722")]
    rows = "".join(
        f"|{date}|P{i}|{liver}|{tumor}|\n" for i, (date, liver, tumor) in enumerate(ranked)
    )
    assert found(header + rows, AUTO) == []
    # a column counting the rows (1, 2, 3 …) says nothing of an order: the dates are checked
    counted = "".join(f"|{date}|P{i}|{i + 1}|x|\n" for i, (date, _, _) in enumerate(ranked))
    assert found(header + counted, AUTO) != []


def test_a_day_kept_in_a_comment_is_not_compared() -> None:
    # eugeneyan's open-llms: 2023/03<!--13--> among other March rows is in order as GitHub shows
    # it (the month); a month out of order is still reported
    dated = ["2023/02<!--20-->", "2023/03<!--24-->", "2023/03<!--13-->", "2023/03<!--30-->"]
    dated += ["2023/04<!--02-->", "2023/05<!--09-->", "2023/06<!--01-->", "2023/07<!--03-->"]
    dated += ["2023/08<!--15-->", "2023/09<!--11-->"]
    markdown = rows(*((f"P{i}", date) for i, date in enumerate(dated)))
    assert found(markdown, AUTO) == []
    swapped = markdown.replace("2023/04<!--02-->", "2023/01<!--02-->")
    assert [line for line, _, _ in found(swapped, AUTO)] == [7]


def test_rows_pinned_first_stand_outside_the_order() -> None:
    # the list's flagship rows first (marked ⭐), then the rest newest first
    auto = Config(select=("row-order",))
    table = rows(
        ("⭐ Ego4D", "2021.10"),
        ("⭐ EPIC-KITCHENS", "2018.04"),
        ("Paper C", "2025.03"),
        ("Paper D", "2024.07"),
        ("Paper E", "2023.01"),
        ("Paper F", "2022.05"),
        # rows enough to show the order (six rows, two off it, could be in it by chance)
        ("Paper G", "2022.01"),
        ("Paper H", "2021.03"),
        ("Paper I", "2020.11"),
        ("Paper J", "2019.06"),
        ("Paper K", "2017.02"),
    )
    assert found(table, auto) == []
    # a mark further down is no pin: the rows are out of place
    marked_later = table.replace("| Paper F |", "| ⭐ Paper F |")
    assert [line for line, *_ in found(marked_later, auto)] == [3, 4]


def test_a_date_known_to_its_month_alone_is_in_place_anywhere_in_its_month() -> None:
    config = Config(select=("row-order",))
    markdown = (
        "| Date | Title |\n| --- | --- |\n"
        "| Feb 3 2025 | Paper A |\n| Jan 28 2025 | Paper B |\n| 2025-1 | Paper C |\n"
        "| Jan 16 2025 | Paper D |\n| Jan 8 2025 | Paper E |\n| Dec 20 2024 | Paper F |\n"
    )
    assert found(markdown, config) == []
    # in another month it is still out of place
    moved = markdown.replace("| 2025-1 |", "| 2024-11 |")
    assert [line for line, _, _ in found(moved, config)] == [5]


def test_dates_without_a_year_cross_the_years_end_once() -> None:
    config = Config(select=("row-order",))
    dates_ = ["09.01", "09.15", "10.11", "11.01", "11.15", "12.05", "12.27", "01.03"]
    markdown = "| Date | Title |\n| --- | --- |\n" + "".join(
        f"| {date} | Talk {n} |\n" for n, date in enumerate(dates_)
    )
    assert found(markdown, config) == []
    # a span of days is its first day's date; the year is no part of it
    spanned = markdown.replace("| 12.05 |", "| 12.05-09 |")
    assert found(spanned, config) == []
    # a month out of place, months apart from its neighbours, is still out of place
    months = ["01.10", "02.11", "03.01", "09.05", "04.27", "05.03", "06.01", "07.02"]
    slipped = "| Date | Title |\n| --- | --- |\n" + "".join(
        f"| {date} | Talk {n} |\n" for n, date in enumerate(months)
    )
    assert [line for line, _, _ in found(slipped, config)] == [6]


def test_a_venue_year_in_place_as_written_is_not_read_as_its_preprints() -> None:
    config = Config(select=("row-order",))
    rows_ = [
        ("GAN", "2014", "https://papers.nips.cc/paper/5423"),
        ("ProGAN", "2018", "https://research.nvidia.com/progan"),
        ("StyleGAN", "2019", "https://openaccess.thecvf.com/stylegan"),
        ("StyleGAN2", "2020", "https://arxiv.org/abs/1912.04958"),
        ("StyleGAN3", "2021", "https://arxiv.org/abs/2106.12423"),
        ("BigGAN", "2019", "https://arxiv.org/pdf/1809.11096.pdf"),
    ]
    markdown = "| Model | Year | Links |\n| --- | --- | --- |\n" + "".join(
        f"| **{name}** | {year} | [Paper]({link}) |\n" for name, year, link in rows_
    )
    problems = run_rule(row_order, parse(markdown), config)
    assert [(p.line, p.message.split(": ")[-1]) for p in problems] == [(8, "move it after line 5")]
    fixed = fix_text(markdown, config=config).text
    assert [line.split("|")[2].strip() for line in fixed.splitlines()[2:]] == [
        "2014",
        "2018",
        "2019",
        "2019",
        "2020",
        "2021",
    ]


def test_a_year_alone_among_months_is_in_place_in_its_year_and_out_of_place_elsewhere() -> None:
    # PolySummit's newest-first table: "2025" among 2025's months is in place; two rows
    # dated "2025" below December 2024 are out of place, and a fix puts them at 2025's end
    auto = Config(select=("row-order",))
    months = ["11/2025", "10/2025", "2025", "06/2025", "12/2024", "12/2024", "11/2024"]
    months += ["2025", "2025", "08/2024"]
    markdown = rows(*((f"Paper {n}", date) for n, date in enumerate(months)))
    assert [line for line, _, _ in found(markdown, auto)] == [10, 11]
    fixed = fix_text(markdown, config=auto).text.splitlines()
    assert [line.split("|")[2].strip() for line in fixed[2:]] == [
        "11/2025", "10/2025", "2025", "06/2025", "2025", "2025", "12/2024", "12/2024",
        "11/2024", "08/2024",
    ]  # fmt: skip
    # a year alone at an end of the table has no neighbour on one side: no place, no move
    ends = [("A", "12/2025"), ("B", "11/2025"), ("C", "09/2025"), ("D", "10/2025")]
    ends += [("E", "08/2025"), ("F", "07/2025"), ("X", "2024")]
    (problem,) = run_rule(row_order, parse(rows(*ends)), auto)
    assert problem.line == 6 and problem.fix is None
    assert 'the date at line 9, "2024", gives only a year' in problem.message


def test_a_version_after_a_name_in_the_name_column_continues_its_series() -> None:
    # GEO-Bench-2 stands under GEO-Bench on purpose; the Paper column only labels links
    auto = Config(select=("row-order",))
    header = "| Benchmark | Year | Track | Paper |\n| --- | --- | --- | --- |\n"
    names = [("GEO-Bench", "2023"), ("GEO-Bench-2", "2025"), ("PANGAEA", "2024")]
    names += [("LHRS-Bench", "2024"), ("VRSBench", "2024"), ("EarthMind", "2025")]
    names += [("RSMMVP", "2025"), ("EarthSpatial", "2026"), ("GeoReason", "2026")]
    body = "".join(
        f"| {name} | {year} | Vision | [arXiv](https://example.org/{name}) |\n"
        for n, (name, year) in enumerate(names)
    )
    assert found(header + body, auto) == []
    # a row of another name there is out of place
    other = body.replace("| GEO-Bench-2 |", "| SkyBench |")
    assert [line for line, _, _ in found(header + other, auto)] == [4]


def test_a_follow_up_kept_beside_its_original_is_one_series_whatever_the_case() -> None:
    # SimVODIS++ (2022) above SimVODIS (2020) in a table newest first: a citation manager writes
    # the original's name as a plain word
    earlier = [(f"Model {year}: m", f"{year}.01") for year in (2020, 2019, 2018, 2017, 2016)]
    later = [(f"Model {year}: m", f"{year}.01") for year in (2014, 2013, 2012)]
    pair = [("SimVODIS++: b", "2018.01"), ("Simvodis: a", "2015.01")]
    assert found(rows(*earlier, *pair, *later), AUTO) == []
    # a variant joined by a hyphen is another paper, placed by its own date (TFG before
    # TFG-Flow), and so is a name beside a plain word
    for first, second in (("RAFT-Stereo: b", "Raft: a"), ("Video: b", "video: a")):
        pair = [(first, "2018.01"), (second, "2015.01")]
        assert [line for line, _, _ in found(rows(*earlier, *pair, *later), AUTO)] == [8]
    # a fix moving another row leaves the series where its original stands in order
    pair = [("SimVODIS++: b", "2018.01"), ("Simvodis: a", "2015.01")]
    slipped = [("Other: x", "2019.06")]
    markdown = rows(*earlier, *pair, *slipped, *later)
    assert [line for line, _, _ in found(markdown, AUTO)] == [10]
    fixed = fix_text(markdown, config=AUTO).text.splitlines()
    assert fixed[2:4] == markdown.splitlines()[2:3] + ["| Other: x | 2019.06 | x |"]
    assert fixed.index("| SimVODIS++: b | 2018.01 | x |") == 8


def test_a_row_dated_as_another_groups_rows_is_told_to_move_there_without_a_fix() -> None:
    # awesome-mobile-llm: rows grouped under **2023** and **2022** labels, OPT (2022) among
    # 2023's: a sort within its group would only move it to the group's end
    auto = Config(select=("row-order",))
    header = "| Model | Year | Org |\n| --- | --- | --- |\n"
    body = "| **2023** | | |\n" + "".join(f"| M{n} | 2023 | X |\n" for n in range(3))
    body += "| OPT | 2022 | Meta |\n| M3 | 2023 | X |\n| M4 | 2023 | X |\n| **2022** | | |\n"
    body += "| Galactica | 2022 | Meta |\n| BLOOM | 2022 | BigScience |\n"
    body += "| **2021** | | |\n| XGLM | 2021 | Meta |\n"
    (problem,) = run_rule(row_order, parse(header + body), auto)
    assert problem.line == 7 and problem.fix is None
    assert 'rows under "**2022**" (line 10)' in problem.message


def test_a_table_indexing_the_pages_sections_runs_in_their_order() -> None:
    # Awesome-SWE-Benchs: a numbered index whose rows link the numbered sections below, the
    # later ones added in the order they were written up, not by date
    auto = Config(select=("row-order",))
    dated = ["2024.01", "2024.03", "2024.05", "2024.07", "2023.10", "2024.09"]
    header = "| # | Benchmark | Date |\n| --- | --- | --- |\n"
    body = "".join(
        f"| {n} | [Bench{n}](#{n}-bench{n}) | {date} |\n" for n, date in enumerate(dated, 1)
    )
    sections = "".join(f"\n### {n}. Bench{n}\n\ntext\n" for n in range(1, len(dated) + 1))
    assert found(header + body + sections, auto) == []
    # its rows out of the sections' order (or linking no section) keep the date order
    swapped = body.replace("(#2-bench2)", "(#6-bench6)").replace(
        "(#6-bench6) | 2024.09", "(#2-bench2) | 2024.09"
    )
    assert [line for line, *_ in found(header + swapped + sections, auto)] == [7]
    assert [line for line, *_ in found(header + body, auto)] == [7]


def test_a_table_run_by_a_score_with_dates_in_order_within_each_is_not_reported() -> None:
    # Awesome-OR-AI's Best Papers: by score (27/30, 26/30), newest first among equal scores
    auto = Config(select=("row-order",))
    header = "| Score | Date | Title |\n| --- | --- | --- |\n"
    scored = [("27/30", "2026-08-01"), ("27/30", "2026-07-30"), ("27/30", "2026-07-24")]
    scored += [("27/30", "2026-07-20"), ("27/30", "2026-07-06"), ("26/30", "2026-07-11")]
    scored += [("26/30", "2026-07-04"), ("26/30", "2026-06-25"), ("26/30", "2026-06-20")]
    body = "".join(f"| {score} | {date} | P{n} |\n" for n, (score, date) in enumerate(scored))
    assert found(header + body, auto) == []
    # a date out of order among one score's rows: the scores do not explain the order, and
    # the table is read by its dates
    slipped = body.replace("| 27/30 | 2026-07-30 |", "| 27/30 | 2026-06-30 |")
    assert 4 in [line for line, *_ in found(header + slipped, auto)]


def test_a_row_leaving_out_its_last_cells_is_ordered_by_its_date() -> None:
    # AI4CHIPSpaper: rows without a code link leave out their last cell; their dates count
    auto = Config(select=("row-order",))
    header = "| Date | Title | Code |\n| --- | --- | --- |\n"
    dated = ["2024-01-05", "2024-02-11", "2024-03-02", "2023-06-09", "2024-04-20", "2024-05-30"]
    body = "".join(f"| {date} | P{n} |\n" for n, date in enumerate(dated))
    assert [line for line, *_ in found(header + body, auto)] == [6]


def test_a_table_grouped_by_a_column_with_dates_in_order_in_each_group_is_not_reported() -> None:
    # a survey's table: the Patch-based methods by year, then the Adversarial ones by year
    auto = Config(select=("row-order",))
    header = "| Title | Method | Year |\n| --- | --- | --- |\n"
    grouped = [("Patch", "2021"), ("Patch", "2021"), ("Patch", "2022"), ("Patch", "2023")]
    grouped += [("Patch", "2023"), ("Adversarial", "2020"), ("Adversarial", "2021")]
    grouped += [("Adversarial", "2023"), ("Adversarial", "2023"), ("Diffusion", "2024")]
    body = "".join(f"| P{n} | {method} | {year} |\n" for n, (method, year) in enumerate(grouped))
    assert found(header + body, auto) == []
    # a group coming back further down groups nothing: the rows are read by date
    mixed = body.replace("| P9 | Diffusion |", "| P9 | Patch |").replace(
        "| P6 | Adversarial |", "| P6 | Patch |"
    )
    assert found(header + mixed, auto) != []


def test_a_row_its_own_arxiv_id_dates_otherwise_is_not_moved() -> None:
    # "2011.11" on a paper whose link is a 2019 arXiv id: the date or the link is wrong
    auto = Config(select=("row-order",))
    header = "| Title | Date |\n| --- | --- |\n"
    dated = [("2016.09", "1609.03499"), ("2011.11", "1910.11480"), ("2017.03", "1703.10135")]
    dated += [("2017.12", "1712.05884"), ("2018.02", "1802.08435"), ("2018.10", "1810.08483")]
    dated += [("2019.05", "1905.09263"), ("2020.06", "2006.04558")]
    body = "".join(
        f"| [P{n}](https://arxiv.org/abs/{arxiv_id}) | {date} |\n"
        for n, (date, arxiv_id) in enumerate(dated)
    )
    (problem,) = run_rule(row_order, parse(header + body), auto)
    assert problem.line == 4 and problem.fix is None
    assert "before its own arXiv id's month" in problem.message
    # linked to its own id, the row out of place is moved
    own = body.replace("1910.11480", "1111.2345")
    (problem,) = run_rule(row_order, parse(header + own), auto)
    assert problem.line == 4 and problem.fix is not None
