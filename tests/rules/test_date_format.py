"""date-format: every readable shape is rewritten canonically; anything else is reported as is."""

from __future__ import annotations

import pytest

from lint import dates, inference
from lint.config import Config, ConfigError, from_mapping
from lint.document import parse
from lint.fix import fix_text
from lint.rules import date_format
from tests.checking import run_rule

# these tests pin the setting this repository uses (the default is "auto": see AUTO below)
ONLY = Config(select=("date-format",), date_format="YYYY.MM")
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def table(date: str) -> str:
    return f"{HEADER}| Paper A | {date} | 摘要 |\n"


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(date_format, parse(markdown), config)]


READABLE = [
    ("2023-5", "2023.05"),
    ("2023-05", "2023.05"),
    ("2023/05", "2023.05"),
    ("2023.5", "2023.05"),
    ("2023 .05", "2023.05"),
    ("May 2023", "2023.05"),
    ("Sep. 2023", "2023.09"),
    ("2023年5月", "2023.05"),
    ("2023 年 5 月", "2023.05"),
    ("2023-05-17", "2023.05.17"),  # the day is kept (issue 9: a safe fix never drops it)
    ("2023年5月17日", "2023.05.17"),
    ("２０２３．０５", "2023.05"),
    ("September 2023", "2023.09"),
    ("17 May 2023", "2023.05.17"),
    ("05/2023", "2023.05"),
    ("**2023-05**", "**2023.05**"),  # emphasis is kept, only the date inside is rewritten
    ("_May 2023_", "_2023.05_"),
    # other dashes between numbers: hyphen, non-breaking hyphen, figure dash, en dash, minus
    ("2023\u20105", "2023.05"),
    ("2023\u201105", "2023.05"),
    ("2023\u201205", "2023.05"),
    ("2023\u201305", "2023.05"),
    ("2023 \u2212 05", "2023.05"),
    ("2023\u201305\u201317", "2023.05.17"),
]


@pytest.mark.parametrize(("written", "canonical"), READABLE)
def test_readable_date_is_reported_and_fixed_to_canonical(written: str, canonical: str) -> None:
    markdown = table(written)
    assert found(markdown) == [(3, 13, "P002")]
    (problem,) = run_rule(date_format, parse(markdown), ONLY)
    assert problem.fix_safety == "safe"
    assert fix_text(markdown, config=ONLY).text == table(canonical)


UNREADABLE = [
    "2023.13",  # month 13
    "1899.05",  # before 1900
    "2999.01",  # far in the future
    "5/6/2023",  # day and month could be either way
    "2023-02-30",  # no such day
]


@pytest.mark.parametrize("written", UNREADABLE)
def test_unreadable_date_is_reported_and_left_as_written(written: str) -> None:
    markdown = table(written)
    assert found(markdown) == [(3, 13, "P002")]
    (problem,) = run_rule(date_format, parse(markdown), ONLY)
    assert problem.fix is None
    assert fix_text(markdown, config=ONLY).text == markdown


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        (table("2023.05"), [], table("2023.05")),
        # an empty date is empty-cell's to report
        (table(""), [], table("")),
        # only the date cell changes: padding and the other cells stay as written
        (
            f"{HEADER}|  Paper A  |   2023-5   | a  |\n",
            [(3, 17, "P002")],
            f"{HEADER}|  Paper A  |   2023.05   | a  |\n",
        ),
        # block-quote prefix kept
        (
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n> | Paper A | 2023/5 |\n",
            [(3, 15, "P002")],
            "> | 论文题目 | 发表时间 |\n> | --- | --- |\n> | Paper A | 2023.05 |\n",
        ),
        # a table without a date column is not a paper table
        ("| 论文题目 | 备注 |\n| --- | --- |\n| A | 2023-5 |\n", [], None),
        # a date in the style with a note of words beside it (its venue) is the list's own
        # annotation; a date not in the style, a note or not, is still reported
        (table("2023.05, Interspeech"), [], None),
        (table("2023.05；ICLR"), [], None),
        (table("Interspeech, 2023/5"), [(3, 13, "P002")], None),
        # the venue and its year before the date: where it appeared, then its preprint's month
        (table("CVPR23 2023.04"), [], None),
        (table("ICLR 2024 2023.07"), [], None),
        (table("CVPR23 2023/4"), [(3, 13, "P002")], None),
        (table("2023.05, 2023.07, ICLR"), [(3, 13, "P002")], None),
        # the dates of several versions, a line each, every one in the style
        (table("v1:2023.05<br />v2:2023.07"), [], None),
        (table("v1:2023.05<br>...<br>v3:2024.01"), [], None),
        (table("v1:2023.05<br />v2:2023-7"), [(3, 13, "P002")], None),
    ],
)
def test_date_format(
    markdown: str, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == (fixed if fixed is not None else markdown)


@pytest.mark.parametrize(
    ("date_format", "written", "canonical"),
    [
        ("YYYY-MM", "2023.5", "2023-05"),
        ("YYYY/MM", "2023年5月", "2023/05"),
        ("YYYY-MM-DD", "2023年5月17日", "2023-05-17"),
        ("YYYY年MM月", "2023-05", "2023年05月"),
        ("YYYYMM", "2023.5", "202305"),
        ("DD.MM.YYYY", "2023-05-17", "17.05.2023"),
    ],
)
def test_configured_format(date_format: str, written: str, canonical: str) -> None:
    config = Config(select=("date-format",), date_format=date_format)
    assert found(table(written), config) == [(3, 13, "P002")]
    assert found(table(canonical), config) == []
    assert fix_text(table(written), config=config).text == table(canonical)


def test_format_with_day_does_not_invent_one() -> None:
    config = Config(select=("date-format",), date_format="YYYY-MM-DD")
    markdown = table("2023-05")
    assert found(markdown, config) == [(3, 13, "P002")]
    assert fix_text(markdown, config=config).text == markdown


def test_fix_declares_the_rewritten_row() -> None:
    (problem,) = run_rule(date_format, parse(table("2023-5")), ONLY)
    assert problem.fix is not None
    assert problem.fix.rewritten_rows == (
        (("Paper A", "2023-5", "摘要"), ("Paper A", "2023.05", "摘要")),
    )


def test_canonical_date_in_emphasis_is_not_reported() -> None:
    assert found(table("**2023.05**")) == []


def column(*written: str) -> str:
    return HEADER + "".join(f"| Paper {i} | {date} | 摘要 |\n" for i, date in enumerate(written))


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        # a year column: every date a year alone, as written
        (column("2023", "2024"), [], None),
        (column("**2024**", "2023年", "２０２２", "2024 年"), [], None),
        (column("2023", "", "2024"), [], None),  # the empty one is empty-cell's
        ("| Title | Year |\n| --- | --- |\n| A | 2021 |\n| B | _2022_ |\n", [], None),
        # a year the rule cannot accept is still reported, without a fix
        (column("2023", "1899"), [(4, 13, "P002")], None),
        (column("2999", "2023"), [(3, 13, "P002")], None),
        # a year alone among months: reported and left as written
        (column("2023.05", "2023"), [(4, 13, "P002")], None),
        (
            column("2024年", "2023年5月"),
            [(3, 13, "P002"), (4, 13, "P002")],
            column("2024年", "2023.05"),
        ),
        # a note is no date in another style (issue 17: the list shows no convention it breaks)
        (column("2023", "preprint"), [(3, 13, "P002")], None),
    ],
)
def test_year_column(
    markdown: str, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == (fixed or markdown)


YEARS = Config(select=("date-format",), date_format="YYYY")


@pytest.mark.parametrize(
    ("written", "expected", "safety", "fixed"),
    [
        ("2023", [], None, "2023"),
        ("**2023**", [], None, "**2023**"),
        ("2023年", [(3, 13, "P002")], "safe", "2023"),
        ("２０２３", [(3, 13, "P002")], "safe", "2023"),
        # a month is dropped only on request
        ("2023.05", [(3, 13, "P002")], "unsafe", "2023"),
        ("2023年5月", [(3, 13, "P002")], "unsafe", "2023"),
        ("**May 2023**", [(3, 13, "P002")], "unsafe", "**2023**"),
        ("2023-05-17", [(3, 13, "P002")], "unsafe", "2023"),
        # unreadable: no fix
        ("1899", [(3, 13, "P002")], None, "1899"),
        ("preprint", [], None, "preprint"),
    ],
)
def test_year_format(
    written: str, expected: list[tuple[int, int, str]], safety: str | None, fixed: str
) -> None:
    markdown = table(written)
    assert found(markdown, YEARS) == expected
    assert [p.fix_safety for p in run_rule(date_format, parse(markdown), YEARS)] == (
        [safety] if expected else []
    )
    after_safe = table(fixed) if safety == "safe" else markdown
    assert fix_text(markdown, config=YEARS).text == after_safe
    assert fix_text(markdown, config=YEARS, unsafe=True).text == table(fixed)


@pytest.mark.parametrize(
    ("setting", "accepted"),
    [
        ("YYYY", True),
        ("YYYY年", True),
        ("YYYY.MM", True),
        ("YYYY-MM-DD", True),
        ("YYYY-DD", False),  # a day without a month
        ("MM", False),
        ("YYYYY", False),
    ],
)
def test_date_format_setting(setting: str, accepted: bool) -> None:
    if accepted:
        assert from_mapping({"date-format": setting}).date_format == setting
    else:
        with pytest.raises(ConfigError):
            from_mapping({"date-format": setting})


@pytest.mark.parametrize(
    ("written", "fixed"), [("2023.1", "2023.01"), ("**2023.1**", "**2023.01**")]
)
def test_january_that_may_be_a_truncated_october_is_an_unsafe_fix(written: str, fixed: str) -> None:
    markdown = table(written)
    (problem,) = run_rule(date_format, parse(markdown), ONLY)
    assert problem.fix_safety == "unsafe"
    assert fix_text(markdown, config=ONLY).text == markdown
    assert fix_text(markdown, config=ONLY, unsafe=True).text == table(fixed)


@pytest.mark.parametrize("written", ["2023-1", "2023/1", "2023 .11", "2023年1月"])
def test_other_month_one_shapes_stay_safe(written: str) -> None:
    (problem,) = run_rule(date_format, parse(table(written)), ONLY)
    assert problem.fix_safety == "safe"


# two rows of one paper with one date written two ways, found by bench/fuzz.py: writing both
# in the column's style would make them copies, which the next pass would remove as such
ALIKE = [
    ("2023-05", "2023.05"),  # one rewritten to the other
    ("2023-05", "2023.5"),  # both rewritten to one
    ("May 2023", "2023年5月"),
]


@pytest.mark.parametrize(("first", "second"), ALIKE)
def test_a_rewrite_that_would_make_two_rows_alike_is_unsafe(first: str, second: str) -> None:
    markdown = f"{HEADER}| Paper A | {first} | 摘要 |\n| Paper A | {second} | 摘要 |\n"
    problems = list(run_rule(date_format, parse(markdown), ONLY))
    assert problems and all(problem.fix_safety == "unsafe" for problem in problems)
    assert fix_text(markdown, config=ONLY).text == markdown
    # the rows the rewrites do not make alike keep their safe fix
    other = markdown.replace("Paper A | " + second, "Paper B | " + second)
    assert all(p.fix_safety == "safe" for p in run_rule(date_format, parse(other), ONLY))
    # with unsafe fixes both are rewritten, then the copy goes
    every = Config(date_format="YYYY.MM")
    assert fix_text(markdown, config=every, unsafe=True).text == table("2023.05")


# ---------------------------------------------------------------- auto: each column's own style

AUTO = Config(select=("date-format",))


def dated(*written: str) -> str:
    return "| Title | Date |\n| --- | --- |\n" + "".join(
        f"| Paper {index} | {date} |\n" for index, date in enumerate(written)
    )


CONSISTENT = [
    ("2023.07", "2023.08", "2024.01"),
    ("2017-06", "2018-06", "2018-10"),
    ("2025-10-30", "2024-12-09", "2017-06-16"),
    ("**2026-05-13**", "**2026-04-01**", "**2025-12-30**"),
    ("2019/10", "2023/11<!--30-->", "2023/05"),  # eugeneyan: the day in a comment
    ("2019/10/01", "2020/12/31"),
    ("Jul 2018", "May 2019", "Sep 2020"),
    ("July 2018", "August 2019"),
    ("9/04/24", "8/28/24", "10/14/21"),  # mli: M/DD/YY
    ("9/04/24", "9/2/22", "7/8/22", "6/3/22", "8/05/24"),  # both day paddings, freely
    ("2023年5月", "2023年10月", "2024年1月"),
    ("2024", "**2024**", "2023"),  # a year column (bold highlights a row)
    ("`2024.10`", "`2024.09`"),
    ('<span class="d">07-29</span>', '<span class="d">07-03</span>'),
    ("2023-07", "2023-07-01", "2023-08"),  # mixed precision
    ("2023.07", "2025.07.01"),
    ("2024-1-5", "2024-3-17", "2024-12-13"),
    # beside a month's name a day is written as said: no padding shown, none asked
    ("December 6, 2025", "July 19, 2025", "July 18, 2025", "June 12, 2025", "April 28, 2025")
    + ("June 17, 2025", "June 11, 2024", "May 27, 2024"),
    # an event of several days: a span of days beside its month's name
    ("February 4-6, 2026", "December 16, 2025", "July 19, 2025", "June 12, 2025"),
    ("4–6 February 2026", "16 December 2025", "19 July 2025", "12 June 2025"),
    # a month not known yet, written as unknown: the list's own way
    ("2019/10", "2019/??", "2020/01", "2018/11", "2017/??", "2016/05", "2015/02"),
    ("`2023.05`", "`2023.xx`", "`2022.11`", "`2021.03`", "`2020.07`", "`2019.01`"),
]


@pytest.mark.parametrize("written", CONSISTENT)
def test_a_column_written_consistently_has_no_problem(written: tuple[str, ...]) -> None:
    assert found(dated(*written), AUTO) == []


@pytest.mark.parametrize(
    ("written", "line", "safety", "fixed"),
    [
        # separators, padding, names and full-width digits are rewritten losslessly
        (("2017-06", "2018/6", "2018-10"), 4, "safe", "2018-06"),
        (("2024-12-13",) * 5 + ("2024-12-9",), 8, "safe", "2024-12-09"),
        (("Jul 2018", "2019-05", "Sep 2020"), 4, "safe", "May 2019"),
        (("2023.07", "２０２３．０８", "2024.01"), 4, "safe", "2023.08"),
        (("9/04/24", "8/28/2024", "10/14/21"), 4, "unsafe", "8/28/24"),  # the century cut
        (("2023年5月", "2023-06", "2024年1月"), 4, "safe", "2023年6月"),
        # a day is kept, in the column's day form or its own comment
        (("2023.07", "2023-08-17", "2024.01"), 4, "safe", "2023.08.17"),
        (("2019-10", "2023/11<!--30-->", "2023-05"), 4, "safe", "2023-11<!--30-->"),
        # markup around the date is never changed by a safe fix
        (("`2024.10`", "2024.09", "`2024.08`"), 4, "unsafe", "`2024.09`"),
        (("**2026-05-13**", "2026-04-01", "**2025-12-30**"), 4, "unsafe", "**2026-04-01**"),
        (("`2024.10`", "`2024-9`", "`2024.08`"), 4, "safe", "`2024.09`"),
        # (a month in a column of years is no outlier where the style is inferred: see
        # test_a_month_in_a_column_of_years_is_more_than_the_years_tell)
    ],
)
def test_an_outlier_is_reported_with_a_fix_to_the_columns_style(
    written: tuple[str, ...], line: int, safety: str, fixed: str
) -> None:
    markdown = dated(*written)
    (problem,) = run_rule(date_format, parse(markdown), AUTO)
    assert (problem.line, problem.code, problem.fix_safety) == (line, "P002", safety)
    index = line - 3
    expected = dated(*written[:index], fixed, *written[index + 1 :])
    assert fix_text(markdown, config=AUTO, unsafe=True).text == expected
    after_safe = expected if safety == "safe" else markdown
    assert fix_text(markdown, config=AUTO).text == after_safe


def test_an_unreadable_date_has_no_fix() -> None:
    markdown = dated("2025-10", "2025--01", "2023-03")
    (problem,) = run_rule(date_format, parse(markdown), AUTO)
    assert (problem.line, problem.fix) == (4, None)


def test_a_yearless_column_under_a_year_heading() -> None:
    markdown = "## 2024\n\n" + dated("07-29", "07-03", "7-1")
    (problem,) = run_rule(date_format, parse(markdown), AUTO)
    assert (problem.line, problem.fix_safety) == (7, "safe")
    assert fix_text(markdown, config=AUTO).text == "## 2024\n\n" + dated("07-29", "07-03", "07-01")


def test_a_yearless_cell_in_a_dated_column_gets_its_year_unsafely() -> None:
    markdown = "## 2024\n\n" + dated("2024-07-29", "07-03", "2024-07-01")
    (problem,) = run_rule(date_format, parse(markdown), AUTO)
    assert (problem.line, problem.fix_safety) == (6, "unsafe")


def test_without_a_majority_nothing_is_checked() -> None:
    # issue 17: no style holds a majority, so the list shows no convention to hold them to (this
    # fell back to YYYY.MM, a style most of the cells did not use)
    markdown = dated("2023.05", "2023-06", "Jul 2023", "2023/07")
    assert found(markdown, AUTO) == []
    assert fix_text(markdown, config=AUTO, unsafe=True).text == markdown


def test_a_column_of_years_and_venues_is_not_a_date_column() -> None:
    assert found(dated("2016-CCS", "2017-NDSS", "2018-S&P"), AUTO) == []


@pytest.mark.parametrize(
    ("style", "good", "bad", "fixed", "safety"),
    [
        ("YYYY.MM", "2023.07", "2023-7", "2023.07", "safe"),
        ("YYYY-MM-DD", "2024-12-09", "2024-12-9", "2024-12-09", "safe"),
        ("YYYY-MM[-DD]", "2023-07", "2023.07.01", "2023-07-01", "safe"),
        ("MMM YYYY", "Jul 2018", "2018-07", "Jul 2018", "safe"),
        ("MMMM YYYY", "July 2018", "Jul 2018", "July 2018", "safe"),
        ("M/DD/YY", "9/04/24", "9/4/24", "9/04/24", "safe"),
        ("M/D?/YY", "9/4/24", "9/4/2024", "9/04/24", "unsafe"),
        ("YYYY年M月", "2023年5月", "2023-05", "2023年5月", "safe"),
        ("**YYYY-MM-DD**", "**2026-05-13**", "**2026/05/13**", "**2026-05-13**", "safe"),
        ("**YYYY-MM-DD**", "**2026-05-13**", "2026-05-13", "**2026-05-13**", "unsafe"),
        ("`YYYY.MM`", "`2024.10`", "`2024-10`", "`2024.10`", "safe"),
        (
            "<span>MM-DD</span>",
            "<span>07-29</span>",
            "<span>7-29</span>",
            "<span>07-29</span>",
            "safe",
        ),
        ("YYYY/MM<!--DD-->", "2023/11<!--30-->", "2023-11-30", "2023/11<!--30-->", "unsafe"),
        ("YYYY/MM", "2023/11", "2023.11<!--30-->", "2023/11<!--30-->", "safe"),
        ("MM-DD", "07-29", "7-29", "07-29", "safe"),
    ],
)
def test_each_style_set_explicitly(
    style: str, good: str, bad: str, fixed: str, safety: str
) -> None:
    config = Config(select=("date-format",), date_format=style)
    assert found(table(good), config) == []
    (problem,) = run_rule(date_format, parse(table(bad)), config)
    assert problem.fix_safety == safety
    assert fix_text(table(bad), config=config, unsafe=True).text == table(fixed)


def test_a_two_digit_year_among_four_digit_ones_is_reported_never_guessed() -> None:
    markdown = dated("2023.04", "23.05", "2023.06")
    (problem,) = run_rule(date_format, parse(markdown), ONLY)
    assert (problem.line, problem.fix) == (4, None)
    assert fix_text(markdown, config=ONLY, unsafe=True).text == markdown


# ---------------------------------------------------------------- text real lists hold (issue 18)


@pytest.mark.parametrize(
    "written", ["持续更新中...", "中...", "年.", "年", "4]1", "2023[05", "2023?05", "中2023.05"]
)
def test_odd_date_cells_are_no_crash_and_no_style(written: str) -> None:
    # CJK followed by "." crashed the cell reader; "4]1" became a pattern no parser takes
    markdown = dated("2023.05", written, written, written)
    problems = list(run_rule(date_format, parse(markdown), AUTO))
    assert all(problem.fix is None for problem in problems)
    assert fix_text(markdown, config=AUTO, unsafe=True).text == markdown


@pytest.mark.parametrize(
    "written", ["May, 2023*", "April 9, 2024。", "2023年5月*", "Q1 2024", "Sept. 2023*", "2023.05*"]
)
def test_a_date_with_more_than_a_date_is_never_rewritten(written: str) -> None:
    # dateparser skipped the mark (or read Q1 as March): the rewrite lost it, the fix's safety
    # check refused it, and the whole file was left unfixed
    markdown = dated("2023.04", "2023.06", written, "2023.07")
    problems = list(run_rule(date_format, parse(markdown), AUTO))
    assert [(p.line, p.fix) for p in problems] == [(5, None)]
    assert fix_text(markdown, config=AUTO, unsafe=True).text == markdown


@pytest.mark.parametrize(
    ("written", "safety", "fixed"),
    [
        ("Sept. 2023", "safe", "2023.09"),  # English writes Sept.
        ("September 2023", "safe", "2023.09"),
        ("May 17th, 2023", "unsafe", "2023.05.17"),  # so does "th"
        ("2023年五月", "unsafe", "2023.05"),  # the contract counts 五 as other text
    ],
)
def test_a_safe_fix_is_one_the_contract_accepts(written: str, safety: str, fixed: str) -> None:
    from lint.contract import equivalent_cells

    markdown = dated("2023.04", "2023.06", written, "2023.07")
    (problem,) = run_rule(date_format, parse(markdown), AUTO)
    assert problem.fix_safety == safety
    assert (safety == "safe") is equivalent_cells(written, fixed)
    assert fix_text(markdown, config=AUTO, unsafe=True).text == markdown.replace(written, fixed)


# ---------------------------------------------------------------- dates in the list's own style


def tables(*columns: tuple[str, ...], header: str = "Date") -> str:
    """One table per column of dates, each under its own heading."""
    return "\n".join(
        f"## Part {number}\n\n| Title | {header} |\n| --- | --- |\n"
        + "".join(f"| Paper {number}{index} | {date} |\n" for index, date in enumerate(dates))
        for number, dates in enumerate(columns)
    )


def test_a_small_table_takes_the_lists_style_not_a_style_no_cell_uses() -> None:
    # issue 17: a 3-row table with no majority of its own fell back to YYYY.MM, used nowhere
    markdown = tables(
        ("Dec., 2012", "Jan., 2013", "Mar., 2014", "Apr., 2015", "Feb., 2016"),
        ("Dec., 2012", "2023-05", "Oct., 2023"),
    )
    assert found(markdown, AUTO) == [(16, 14, "P002")]
    fixed = fix_text(markdown, config=AUTO).text
    assert fixed == markdown.replace("| 2023-05 |", "| May, 2023 |")


def test_tables_that_clearly_differ_keep_their_own_style() -> None:
    markdown = tables(
        ("2023.01", "2023.02", "2023.03", "2023.04", "2023.05", "2023.06"),
        ("2022-01", "2022-02", "2022-03", "2022/04"),
    )
    assert found(markdown, AUTO) == [(19, 14, "P002")]
    assert fix_text(markdown, config=AUTO).text == markdown.replace("2022/04", "2022-04")


def test_without_a_majority_in_the_list_or_the_table_nothing_is_checked() -> None:
    markdown = tables(("2023.05", "2023-06", "Jul 2023"), ("2023/07", "Aug 2023", "2023.09"))
    assert found(markdown, AUTO) == []


def test_padding_is_the_lists_not_one_tables() -> None:
    # the list writes days padded and unpadded freely: "2023-4-1" is no deviation in a table
    # whose other dates happen to be padded
    markdown = tables(
        ("2023-12-5", "2023-9-1", "2024-1-7", "2023-11-30"),
        ("2024-06-03", "2024-05-09", "2023-4-1", "2024-07-22"),
    )
    assert found(markdown, AUTO) == []


@pytest.mark.parametrize(
    "venue",
    [
        "CVPR, 2024",
        "NeurIPS 2023",
        "Arxiv 2024",
        "**ICLR 2024 Oral**",
        "ACL 2025, COLM 2025",
        "ECCV22",  # its year's last two digits glued to it
        "LLM4Code 2025",  # a digit of its name
    ],
)
def test_venue_years_are_the_lists_way_of_dating_published_papers(venue: str) -> None:
    markdown = dated("Mar., 2024", "Jan., 2024", venue, "CVPR 2023", "Dec., 2023")
    assert found(markdown, AUTO) == []


def test_a_lone_venue_year_among_dates_is_reported_without_a_fix() -> None:
    # the list writes no other venue-year: a venue typed into the date cell
    markdown = dated("2024-01-05", "2024-02-11", "ICASSP 2025", "2024-03-30")
    problems = run_rule(date_format, parse(markdown), AUTO)
    assert [(p.line, p.fix) for p in problems] == [(5, None)]


def test_a_row_with_an_empty_extra_cell_at_its_end_is_read() -> None:
    # BaiShuanghao keeps a fifth, mostly empty Notes cell under a four-column header: the
    # row's cells stand under their columns, so its date is checked; a filled extra cell is
    # column-count's (the cells may be shifted)
    markdown = dated("2023.01", "2023.02", "2023.03") + "| Paper x | 2023-4 |  |\n"
    assert [(line, fix is not None) for line, _, fix in found_fixes(markdown)] == [(6, True)]
    shifted = dated("2023.01", "2023.02", "2023.03") + "| Paper x | 2023-4 | more |\n"
    assert found(shifted, AUTO) == []


def found_fixes(markdown: str) -> list[tuple[int, int, object]]:
    return [(p.line, p.column, p.fix) for p in run_rule(date_format, parse(markdown), AUTO)]


def test_a_non_breaking_hyphen_is_a_separator_the_list_writes() -> None:
    # awesome-robots-icl writes every date 2024‑05 with U+2011: NFKC read it as U+2010, a
    # look-alike never a style's own, so the list had no style and nothing was checked
    nb = "\u2011"
    markdown = dated(f"2024{nb}01", f"2024{nb}02", f"2024{nb}03", "2024.04")
    problems = run_rule(date_format, parse(markdown), AUTO)
    assert [p.line for p in problems] == [6]
    assert f"YYYY{nb}MM" in problems[0].message
    fixed = fix_text(markdown, config=AUTO).text
    assert f"| Paper 3 | 2024{nb}04 |" in fixed


def test_a_table_of_older_papers_dated_by_their_years_keeps_the_lists_style() -> None:
    # the list writes YYYY-MM, and a year alone where it does not know the month; a table of
    # classics holds six years alone and two months: it is the list's style, not one of years
    tables = [dated("2024-01", "2023-05", "2022", "2023-02", "2021-07")] * 3
    classics = dated("2018-06", "2015-04", "2014", "2011", "2006", "1999", "1995", "1987")
    assert found("\n".join([*tables, classics]), AUTO) == []


def test_a_month_and_two_digit_year_as_spreadsheets_write_them_is_a_style() -> None:
    # Awesome-Trustworthy-GenAI writes Oct-23 in 208 cells: unread, the list had no style, and
    # "Jul 2023" typed among them went unreported
    markdown = dated("Oct-23", "Dec-23", "Mar-24", "Jul 2023", "Feb-24")
    problems = run_rule(date_format, parse(markdown), AUTO)
    assert [p.line for p in problems] == [6]
    assert "MMM-YY" in problems[0].message and '"Jul-23"' in problems[0].message
    assert dates.read("Oct-23", "MMM-YY") == dates.DateValue(2023, 10)


def test_a_month_in_a_column_of_years_is_more_than_the_years_tell() -> None:
    # a Year column giving a month now and then (Oct-23, 2018-06): no slip to undo, unless the
    # style is set
    markdown = dated("2024", "2024", "2023", "Oct-23", "2023", "2018-06", "2022")
    assert found(markdown, AUTO) == []
    years = Config(select=("date-format",), date_format="YYYY")
    problems = run_rule(date_format, parse(markdown), years)
    assert [(p.line, p.fix_safety) for p in problems] == [(6, None), (8, "unsafe")]
    assert "| 2018 |" in fix_text(markdown, config=years, unsafe=True).text  # the month dropped


def test_a_misspelt_month_is_no_venue_and_is_named() -> None:
    # dair-ai wrote "Februray 2024" in two tables among 513 "Month YYYY" cells: read as a venue
    # and a year, the two cells made venue-years the list's way, and nothing was reported
    markdown = (
        dated("January 2024", "Februray 2024", "March 2024", "April 2024")
        + "\n"
        + dated("May 2024", "Jnue 2024", "July 2024", "August 2024")
    )
    problems = run_rule(date_format, parse(markdown), AUTO)
    assert [(p.line, p.fix) for p in problems] == [(4, None), (11, None)]
    assert '"Februray" (February?)' in problems[0].message
    assert '"Jnue" (June?)' in problems[1].message
    # real venue-years beside them are still the list's way
    assert dates.venue_year("Februray 2024") is None
    assert dates.venue_year("ICML 2024") == 2024


@pytest.mark.parametrize("written", ["May, 2023", "June, 2023", "July, 2023", "Sept., 2023"])
def test_english_abbreviations_fit_a_dotted_style(written: str) -> None:
    # May is no abbreviation; June and July are written whole; Sept. is English
    markdown = dated("Mar., 2024", "Jan., 2024", written, "Dec., 2023", "Feb., 2024")
    assert found(markdown, AUTO) == []


@pytest.mark.parametrize(
    ("written", "fixed"),
    [("2023-05", "May, 2023"), ("2023-06", "Jun., 2023"), ("March, 2023", "Mar., 2023")],
)
def test_a_dotted_style_is_written_as_english_abbreviates(written: str, fixed: str) -> None:
    markdown = dated("Mar., 2024", "Jan., 2024", written, "Dec., 2023", "Feb., 2024")
    assert found(markdown, AUTO) == [(5, 13, "P002")]
    assert fix_text(markdown, config=AUTO).text == markdown.replace(written, fixed)


def test_a_list_writing_the_abbreviation_dot_freely_keeps_either() -> None:
    markdown = dated(
        "Mar., 2024", "Jan, 2024", "Oct., 2023", "Dec, 2023", "Feb., 2024", "Nov, 2023"
    )
    assert found(markdown, AUTO) == []


def test_may_written_with_a_dot_is_never_the_fix() -> None:
    config = Config(select=("date-format",), date_format="MMM. YYYY")
    markdown = table("2023-05")
    assert fix_text(markdown, config=config).text == table("May 2023")
    assert found(table("May 2023"), config) == []


def test_whole_row_emphasis_is_row_markup_not_a_date_style() -> None:
    # must-read rows are bold in every cell: their bold years do not make the style bold
    markdown = HEADER + "".join(
        f"| **Paper {index}** | **{year}** | **摘要** |\n"
        for index, year in enumerate((2021, 2022))
    )
    markdown += (
        "| Paper 3 | 2023 | 摘要 |\n| Paper 4 | 2024 | 摘要 |\n| **Paper 5** | 2020 | 摘要 |\n"
    )
    assert found(markdown, AUTO) == []


@pytest.mark.parametrize("written", ["-", "—", "TBD", "null", "preprint", "Coming soon"])
def test_a_placeholder_or_note_is_no_date_in_another_style(written: str) -> None:
    assert found(dated("2023-01-05", "2023-02-11", written, "2023-03-30"), AUTO) == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # two versions or a span, each date in the column's style: the list's way, not a defect
        (("2014", "2016/2018", "2019", "2020"), []),
        (("2023.05", "2023.06 - 2023.08", "2023.09", "2023.10"), []),
        (("2023.05", "2023.06、2023.07", "2023.09", "2023.10"), []),
        (("2024.01", "V1:2024.02 - V2:2024.06", "2024.07", "2024.08"), []),
        # a part off the style, or more than two, is still reported
        (("2023.05", "2023.06 - 2023/8", "2023.09", "2023.10"), [(4, 13, "P002")]),
        (("2014", "2016/2017/2018", "2019", "2020"), [(4, 13, "P002")]),
        (("2014", "2016/2999", "2019", "2020"), [(4, 13, "P002")]),
        (("2024.01", "V1:2024.02 - V2:2024/6", "2024.07", "2024.08"), [(4, 13, "P002")]),
    ],
)
def test_a_cell_dating_two_versions_in_the_columns_style_is_no_defect(
    written: tuple[str, ...], expected: list[tuple[int, int, str]]
) -> None:
    assert found(dated(*written), AUTO) == expected


AUTO = Config(select=("date-format",))


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        # one year alone among months: a slip the list's style shows, reported
        ([("2023.05", "2023.06", "2023", "2023.08")], [5]),
        # years alone in two cells: the list's way of dating a paper whose month it does not know
        ([("2023.05", "2023", "2023.07", "2022", "2023.08")], []),
        # in two tables with the same date column, one each: the list's way too
        ([("2023.05", "2023", "2023.07"), ("2024.01", "2021", "2024.03")], []),
    ],
)
def test_years_alone_the_list_writes_are_its_way(
    tables: list[tuple[str, ...]], expected: list[int]
) -> None:
    markdown = "\n".join(column(*written) for written in tables)
    assert [line for line, _, _ in found(markdown, AUTO)] == expected
    # a set style holds every date to it: each year alone is reported
    alone = sum(len(date) == 4 for written in tables for date in written)
    assert len(found(markdown, ONLY)) == alone


def test_a_style_without_separators_leaves_its_day_out_as_any_other() -> None:
    # SOTA-MedSeg writes 20190730 where it knows the day and 202004 where it does not: one style,
    # its day optional (the day of YYYYMMDD was read as taking the month with it)
    markdown = column("20190730", "202004", "20200415", "201901", "20210102", "20210305")
    assert found(markdown, AUTO) == []
    assert dates.column_style(["20190730", "202004", "20200415"]).style == "YYYYMM[DD]"  # type: ignore[union-attr]


def test_a_day_is_more_precision_in_a_style_without_separators() -> None:
    # 20190605 in a YYYYMM column is as precise as a date gets: fine, as 2023-07-01 is in YYYY-MM
    markdown = column("20190605", "201812", "201809", "201807", "201805")
    assert found(markdown, AUTO) == []


def test_a_column_numbering_the_rows_of_each_year_holds_no_dates() -> None:
    # ``Year-Id``: 2023-33 down to 2023-1: its 2023-3 is the year's third entry, not March
    counts = {2023: 33, 2022: 27, 2021: 10, 2020: 8, 2019: 5}  # most cells read as months
    rows = "".join(
        f"| {year}-{n} | Paper {year}-{n} |\n"
        for year, last in counts.items()
        for n in range(last, 0, -1)
    )
    markdown = "| Year-Id | Title |\n| --- | --- |\n" + rows
    assert found(markdown, AUTO) == []
    # so is the list's other Year-Id column, whose ids all happen to stay under 13
    small = "| Year-Id | Title |\n| --- | --- |\n| 2023-3 | A |\n| 2023-2 | B |\n| 2023-1 | C |\n"
    assert found(f"{small}\n{markdown}", AUTO) == []
    # a few slips past 12 in a column of months are still dates written wrong
    months = "".join(f"| 2023-{n} | Paper {n} |\n" for n in range(1, 13)) * 3
    header = "| Date | Title |\n| --- | --- |\n"
    assert len(found(header + months + "| 2023-13 | Slip |\n", AUTO)) == 1


def test_a_padded_day_is_asked_for_beside_a_month_name_only_where_the_list_pads() -> None:
    padded = dated("December 06, 2025", "July 09, 2025", "July 18, 2025", "December 6, 2025")
    problems = run_rule(date_format, parse(padded), AUTO)
    assert [(p.line, p.message) for p in problems] == [
        (
            6,
            'date "December 6, 2025" is not in the style MMMM DD, YYYY (inferred, 3 of 4 '
            'cells): write "December 06, 2025"',
        )
    ]
    # a span of days that is no span (6-4), or numbers with no month name, is still unread
    assert len(found(dated("February 6-4, 2026", "July 19, 2025", "July 18, 2025"), AUTO)) == 1


def test_a_range_of_two_dates_in_a_style_with_slashes_is_the_lists_way() -> None:
    rows = "".join(f"| Model {n} | 2023/{n} |\n" for n in range(1, 10))
    markdown = "| 模型 | 时间 |\n| --- | --- |\n" + rows + "| Aquila2 | 2023/10~2023/11 |\n"
    assert found(markdown, AUTO) == []
    assert len(found(markdown.replace("2023/10~", "2023/10~~"), AUTO)) == 1


def _dated_table(*dates_: str) -> str:
    rows = "".join(f"| Paper {n} {date} | {date} |\n" for n, date in enumerate(dates_))
    return "| Title | Date |\n| --- | --- |\n" + rows + "\n"


def test_a_short_table_in_a_style_another_table_keeps_is_the_lists_way() -> None:
    monthly = _dated_table("2023-01", "2023-02", "2023-03", "2023-04", "2023-05")
    by_day = _dated_table("Feb 9 2025", "Feb 8 2025", "Jan 28 2025", "Jan 16 2025")
    short = _dated_table("2025-02", "Mar 5 2025", "May 20 2024")
    config = Config(select=("date-format",))
    assert found(monthly * 3 + by_day + short, config) == []
    # its dates are read in the style they are written in (duplicate-entry compares them),
    # however its cells lean otherwise (years alone)
    mixed = _dated_table("2024", "2025", "Mar 5 2025", "May 20 2024")
    tables = inference.infer(parse(monthly * 3 + by_day + mixed), Config()).tables
    style, kept = tables[-1].date_style, tables[-2].date_style
    assert style is not None and kept is not None
    assert style.value == kept.value != "YYYY-MM"
    assert "not checked" in style.detail
    # without the table that keeps days, the short table's two are the list's style's slips
    reported = found(monthly * 3 + short, config)
    assert len(reported) == 2


def test_a_venue_before_a_date_with_its_month_is_the_lists_note_among_venue_years() -> None:
    cells = ("EMNLP 2023", "COLING 2022", "2022", "2021", "2022", "ACL 2020", "arXiv 2025.10")
    markdown = _dated_table(*cells)
    assert found(markdown, Config(select=("date-format",))) == []
    # a month that no calendar has is still reported
    wrong = markdown.replace("arXiv 2025.10", "arXiv 2025.13")
    assert [line for line, _, _ in found(wrong, Config(select=("date-format",)))] == [9]


def test_a_span_of_days_after_a_months_number_is_a_date_and_free_padding_is_kept() -> None:
    cells = ("3.30", "4.13", "5.04", "6.21-25", "4.6", "10.11")
    markdown = _dated_table(*cells)
    config = Config(select=("date-format",))
    problems = run_rule(date_format, parse(markdown), config)
    assert [p.line for p in problems] == [7]
    assert 'write "4.06"' in problems[0].message  # the month as the cell writes it


def test_an_aside_after_a_date_is_the_lists_way_where_it_writes_more_than_one() -> None:
    # a venue in parentheses, a later year, a mark: read as notes beside the date
    cells: tuple[str, ...] = (
        "2024.11 (NeurIPS 2024)",
        "2024.10",
        "2024.09 (EMNLP 2024)",
        "2025.03🔥",
        "2024.08",
    )
    cells += ("2024.07", "2024.06", "2024.05")
    config = Config(select=("date-format",))
    assert found(_dated_table(*cells), config) == []
    assert found(_dated_table("2022 (2024)", "2021", "2023 (2024)", "2020"), config) == []
    # one alone among plain dates is a slip to tidy, and a wrong month with an aside is wrong
    alone = _dated_table("2023.11(v2)", "2023.10", "2023.09", "2023.08", "2023.07")
    assert [line for line, _, _ in found(alone, config)] == [3]
    wrong = _dated_table(*cells).replace("2024.09 (EMNLP", "2024.13 (EMNLP")
    assert [line for line, _, _ in found(wrong, config)] == [5]


def test_four_digits_under_a_style_of_years_and_months_are_months_before_1900_too() -> None:
    # a table of arXiv months written YYMM: 1512 is December 2015, no year 1512
    markdown = _dated_table("1512", "1612", "1703", "1811", "1901", "1910")
    assert found(markdown, Config(select=("date-format",))) == []
    wrong = markdown.replace("| 1703 |", "| 1713 |")
    assert [line for line, _, _ in found(wrong, Config(select=("date-format",)))] == [5]


def test_a_date_in_the_lists_style_in_a_table_keeping_its_own_is_the_lists_way() -> None:
    # the list writes YYYY-MM; one table writes its single-digit months unpadded, and its one
    # padded date is the list's way, not a slip to rewrite 2023-3
    padded = _dated_table("2023-01", "2023-02", "2023-04", "2023-05", "2023-06", "2023-08")
    own = _dated_table("2023-03", "2022-12", "2023-7", "2022-9", "2023-6", "2020-9", "2019-12")
    config = Config(select=("date-format",))
    assert found(padded * 3 + own, config) == []
    # a date in neither style is still reported
    wrong = own.replace("| 2023-6 |", "| 2023/6 |")
    assert len(found(padded * 3 + wrong, config)) == 1


def test_asides_are_the_lists_way_under_any_header() -> None:
    # a mark after dates in tables headed Time; one table headed Year writes it once
    marked = _dated_table("2024.07 ✨✨✨", "2024.06 💥💥", "2024.05", "2024.04", "2024.03")
    once = _dated_table("2024.07 ✨✨✨", "2024.06", "2024.05", "2024.04", "2024.03")
    year = once.replace("| Date |", "| Year |")
    config = Config(select=("date-format",))
    assert found(marked.replace("| Date |", "| Time |") + "\n" + year, config) == []
    # with no other mark in the list, the one mark is still reported
    assert [line for line, _, _ in found(year, config)] == [3]


def test_a_month_the_list_writes_in_full_is_its_own_spelling() -> None:
    # Oct. and Nov. abbreviated, March and April always written in full (AP style and others)
    cells: tuple[str, ...] = ("Oct. 2023", "Nov. 2023", "March. 2023", "April. 2023")
    cells += ("Dec. 2022", "Jan. 2023")
    cells += ("March. 2022", "April. 2022", "Sep. 2022", "Aug. 2022", "Feb. 2022", "Oct. 2021")
    config = Config(select=("date-format",))
    assert found(_dated_table(*cells), config) == []
    # a month written in full once, abbreviated elsewhere, is the slip it was
    once = _dated_table(*cells).replace("Nov. 2023", "November. 2023")
    assert [line for line, _, _ in found(once, config)] == [4]
    # and a full name missing its space is still reported, and fixed in the list's spelling
    glued = _dated_table(*cells).replace("April. 2022", "April.2022")
    assert [line for line, _, _ in found(glued, config)] == [10]
    fixed = fix_text(glued, config=config).text
    assert "| April. 2022 |" in fixed and "| April.2022 |" not in fixed


def test_a_row_leaving_out_its_last_cells_has_its_date_checked() -> None:
    # the optional last cell left out of most rows: their dates stand under the date column
    rows = "".join(f"| P{i} | 2023.0{i + 1} |\n" for i in range(5)) + "| P9 | 2023-08 |\n"
    markdown = "| Title | Date | Note |\n| --- | --- | --- |\n| P | 2023.06 | n |\n" + rows
    assert [line for line, _, _ in found(markdown, Config(select=("date-format",)))] == [9]


def test_a_month_alone_may_keep_the_comma_of_its_day() -> None:
    # Awesome-MLLMs-for-Science: "Jul 13, 2021", and a month alone "Jan, 2023" (or "Jan 2023")
    cells = ("Jul 13, 2021", "Aug 2, 2022", "Jan, 2023", "Mar 3, 2023", "Aug 2024", "Dec, 2023")
    config = Config(select=("date-format",))
    assert found(_dated_table(*cells), config) == []
    # a day without its comma is still off the style
    missing = _dated_table(*cells).replace("Mar 3, 2023", "Mar 3 2023")
    assert [line for line, _, _ in found(missing, config)] == [6]


def test_spans_of_years_the_list_writes_twice_are_its_way() -> None:
    # an OCR list dates tools still in use by the years they span, and says so
    cells = ("2023.05", "2005-2026", "2023.07", "1993-", "2024.01", "2024.02")
    config = Config(select=("date-format",))
    assert found(_dated_table(*cells), config) == []
    # one span alone among months is told (a single year would do)
    once = _dated_table(*cells).replace("| 1993- |", "| 2023.08 |")
    assert [line for line, _, _ in found(once, config)] == [4]


def test_versions_dates_a_line_each_may_carry_a_label_after_them() -> None:
    cells = ("2025.1.9 <br> 2024.12.12(release)", "2024.6.18", "2024.5.2", "2024.3.1")
    config = Config(select=("date-format",))
    assert found(_dated_table(*cells), config) == []


def test_a_header_naming_a_year_and_more_reads_the_year_before_the_slash() -> None:
    # awesome-llm-trading-agents: Year / Stars, "2024 / 73.7k★ (2026-05)" in one row
    markdown = "| Title | Year / Stars |\n| --- | --- |\n"
    markdown += "".join(f"| P{i} | 202{i} |\n" for i in range(5))
    config = Config(select=("date-format",))
    assert found(markdown + "| Q | 2024 / 73.7k★ (2026-05) |\n", config) == []
    # a slip in the year is still told, and the fix keeps the stars
    months = "| Title | Year / Stars |\n| --- | --- |\n"
    months += "".join(f"| P{i} | 2023.0{i + 1} |\n" for i in range(5))
    slipped = months + "| Q | 2023-07 / 5k |\n"
    assert [line for line, _, _ in found(slipped, config)] == [8]
    assert "| Q | 2023.07 / 5k |" in fix_text(slipped, config=config).text


def test_a_no_break_hyphen_written_as_a_reference_is_a_hyphen() -> None:
    # 2019&#x2011;01 keeps the date on one line; GitHub shows 2019‑01
    cells = ("2019-03", "2019-04", "2019-05", "2019-06", "2019&#x2011;01")
    config = Config(select=("date-format",))
    assert found(_dated_table(*cells), config) == []
    # another character there is still another separator
    other = _dated_table(*cells).replace("2019&#x2011;01 |\n", "2019&#x2022;01 |\n")
    assert [line for line, _, _ in found(other, config)] == [7]
