"""Date styles: patterns, reading a cell in a style, writing a value, inferring a column's style."""

from __future__ import annotations

import time

import pytest

from lint import dates
from lint.dates import (
    DateValue,
    StyleError,
    column_style,
    matches,
    parse_style,
    pattern,
    read,
    write,
)

# (pattern, a cell in it, its value): every style is read and written back the same
STYLES = [
    ("YYYY.MM", "2023.07", DateValue(2023, 7)),
    ("YYYY-MM", "2017-06", DateValue(2017, 6)),
    ("YYYY-M", "2023-7", DateValue(2023, 7)),
    ("YYYY-MM-DD", "2024-12-09", DateValue(2024, 12, 9)),
    ("YYYY-M-D", "2024-1-5", DateValue(2024, 1, 5)),
    ("YYYY/MM", "2019/10", DateValue(2019, 10)),
    ("YYYY/MM/DD", "2019/10/01", DateValue(2019, 10, 1)),
    ("YYYY.MM.DD", "2025.07.01", DateValue(2025, 7, 1)),
    ("YYYYMM", "202305", DateValue(2023, 5)),
    ("YYMM", "2602", DateValue(2026, 2)),
    ("DD.MM.YYYY", "17.05.2023", DateValue(2023, 5, 17)),
    ("MM/YYYY", "11/2023", DateValue(2023, 11)),
    ("MMM YYYY", "Jul 2018", DateValue(2018, 7)),
    ("MMMM YYYY", "July 2018", DateValue(2018, 7)),
    ("MMM D, YYYY", "Jul 4, 2018", DateValue(2018, 7, 4)),
    ("M/DD/YY", "9/04/24", DateValue(2024, 9, 4)),
    ("YY-MM-DD", "23-05-05", DateValue(2023, 5, 5)),
    ("YYYY年M月", "2023年5月", DateValue(2023, 5)),
    ("YYYY年MM月DD日", "2023年05月17日", DateValue(2023, 5, 17)),
    ("YYYY", "2024", DateValue(2024, 0)),
    ("YYYY年", "2016年", DateValue(2016, 0)),
    ("**YYYY-MM-DD**", "**2026-05-13**", DateValue(2026, 5, 13)),
    ("**YYYY**", "**2024**", DateValue(2024, 0)),
    ("`YYYY.MM`", "`2024.10`", DateValue(2024, 10)),
    ("YYYY/MM<!--DD-->", "2023/11<!--30-->", DateValue(2023, 11, 30)),
    ("<span>MM-DD</span>", "<span>07-29</span>", DateValue(0, 7, 29)),
    ("MM-DD", "07-29", DateValue(0, 7, 29)),
]


@pytest.mark.parametrize(("style", "text", "value"), STYLES)
def test_each_style_is_read_and_written(style: str, text: str, value: DateValue) -> None:
    assert pattern(parse_style(style)) == style
    assert read(text, style) == value
    assert matches(text, style)
    assert write(value, style) == text


@pytest.mark.parametrize(("style", "text", "value"), STYLES)
def test_a_column_of_each_style_infers_it(style: str, text: str, value: DateValue) -> None:
    found = column_style([text, text, ""])
    assert found is not None and found.majority
    assert matches(text, found.style)
    assert (found.matching, found.cells) == (2, 2)


def test_four_digits_are_a_year_or_a_two_digit_year_and_month_as_the_column_settles() -> None:
    # an arXiv id's prefix dates a paper (2602: February 2026); a year column stays years,
    # even where every cell could be a month of 2020 (a tie goes to the year)
    assert column_style(["2602", "2601", "2510", "2012"]).style == "YYMM"  # type: ignore[union-attr]
    assert column_style(["2010", "2011", "2012"]).style == "YYYY"  # type: ignore[union-attr]
    assert column_style(["2023", "2012", "2019"]).style == "YYYY"  # type: ignore[union-attr]
    assert read("2012", "YYMM") == DateValue(2020, 12)
    assert read("2012", "YYYY") == DateValue(2012, 0)
    # a number that is neither (a month past 12 and a year before 1900) is no date
    assert dates.analyse("1234") is None
    assert dates.analyse("2099").readings[0].value == DateValue(2099, 0)  # type: ignore[union-attr]


def test_year_hint_gives_a_yearless_date_its_year() -> None:
    assert read("07-29", "MM-DD", year_hint=2024) == DateValue(2024, 7, 29)
    assert read("02-29", "MM-DD", year_hint=2023) is None  # no such day that year
    assert dates.year_hint(("Papers", "2024", "July")) == 2024
    assert dates.year_hint(("Papers",)) is None


def test_a_reading_in_the_future_is_refuted_by_one_that_is_not() -> None:
    # 23-03-28 as day-month-year would be March 2028: as year-month-day it is March 2023
    (reading,) = dates.analyse("23-03-28").readings  # type: ignore[union-attr]
    assert (pattern(reading.shape), reading.value) == ("YY-MM-D?", DateValue(2023, 3, 28))
    # both readings are past dates: both stay, the column decides
    assert len(dates.analyse("22-09-20").readings) == 2  # type: ignore[union-attr]
    # a date in the future with no other reading is still read (and reported as future)
    assert dates.analyse("2099-01-01") is not None


def test_a_column_of_two_digit_years_first_is_read_so() -> None:
    # ScienceQA's leaderboard: every cell reads either way but those whose other reading is in
    # the future settle the column's order
    found = column_style(["22-09-20", "23-05-05", "23-03-28", "24-01-30", "23-12-14"])
    assert found is not None and found.style == "YY-MM-DD"
    assert read("22-09-20", found.style) == DateValue(2022, 9, 20)


def test_the_style_settles_day_and_month_order() -> None:
    assert read("05/06/2023", "MM/DD/YYYY") == DateValue(2023, 5, 6)
    assert read("05/06/2023", "DD/MM/YYYY") == DateValue(2023, 6, 5)
    assert read("05/06/2023", "YYYY.MM") is None  # never guessed
    assert read("13/06/2023", "MM/DD/YYYY") == DateValue(2023, 6, 13)  # only one way


@pytest.mark.parametrize("text", ["2025--01", "2016-CCS", "preprint", "2023.13", "1899.05", ""])
def test_unreadable(text: str) -> None:
    assert read(text, "YYYY-MM") is None


def test_words_the_fast_reader_does_not_know_go_to_dateparser() -> None:
    assert read("2023年五月", "YYYY.MM") == DateValue(2023, 5)


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("2023-07-01", "YYYY-MM"),  # precision is not style
        ("2025.07.01", "YYYY.MM"),
        ("2023年05月17日", "YYYY年MM月"),
        ("Jul 4, 2018", "MMM YYYY"),
        ("2023/11<!--30-->", "YYYY/MM"),
        ("2023-07", "YYYY-MM[-DD]"),
        ("**2023.05**", "YYYY.MM"),  # emphasis on one cell highlights its row
        ("9/2/22", "M/D?/YY"),
        ("9/02/22", "M/D?/YY"),
    ],
)
def test_matches(text: str, style: str) -> None:
    assert matches(text, style)


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("2023-07", "YYYY-MM-DD"),  # a day the pattern writes is required
        ("2024-12-9", "YYYY-MM-DD"),
        ("2023.07", "YYYY-MM"),
        ("2023", "YYYY.MM"),
        ("2023.05", "YYYY"),
        ("2024.10", "`YYYY.MM`"),
        ("`2024.10`", "YYYY.MM"),
        ("2023-07", "**YYYY-MM**"),
        ("２０２３．０５", "YYYY.MM"),
        ("September 2018", "MMM YYYY"),
        ("9/4/24", "M/DD/YY"),
    ],
)
def test_does_not_match(text: str, style: str) -> None:
    assert not matches(text, style)


@pytest.mark.parametrize(
    ("texts", "style"),
    [
        # an ambiguous 13 fits both paddings: the typo is the outlier, not the style
        (["2024-12-13"] * 5 + ["2024-12-9"], "YYYY-MM-DD"),
        (["2024-12-03", "2024-12-13", "2024-12-9"], "YYYY-MM-DD"),
        # a column that writes unpadded days and months
        (["2024-1-5", "2024-3-17", "2024-12-13", "2024-11-20"], "YYYY-M-D"),
        # both paddings written freely (two cells and a fifth each): either is the style
        (["9/04/24", "8/05/24", "9/2/22", "7/8/22", "6/3/22", "1/7/22", "8/28/24"], "M/D?/YY"),
        # mixed precision: the day is optional
        (["2023-07", "2023-07-01", "2023-08"], "YYYY-MM[-DD]"),
        (["2023.07", "2025.07.01"], "YYYY.MM[.DD]"),
        (["2019/10", "2023/12<!--11-->", "2023/05"], "YYYY/MM[<!--DD-->]"),
        # two-digit years, day/month order settled by the cells that show it
        (["9/04/24", "8/28/24", "10/14/21"], "M/DD/YY"),
        (["13.05.2023", "05.06.2023"], "DD.MM.YYYY"),
        # year-less under a year heading, in an HTML element
        (['<span class="d">07-29</span>', "<span>07-03</span>"], "<span>MM-DD</span>"),
        # a year column; a bold minority is an outlier of it
        (["2023", "2024", "**2025**", "2022"], "YYYY"),
        (["`2024.10`", "`2024.09`", "2024.08"], "`YYYY.MM`"),
        (["Jul 2018", "May 2019", "Sep 2020"], "MMM YYYY"),
        (["2023年5月", "2023年10月", "2024年1月17日"], "YYYY年M月[DD日]"),
    ],
)
def test_column_style(texts: list[str], style: str) -> None:
    found = column_style(texts)
    assert found is not None and found.style == style and found.majority


def test_a_column_of_no_dates_has_no_style() -> None:
    assert column_style(["2016-CCS", "2017-NDSS"]) is None  # venue-years: the list's own way
    assert column_style(["2016-CCS", "2017-NDSS", "2018"]) == dates.ColumnStyle("YYYY", 1, 1)
    assert column_style(["preprint", "-", "2018"]) is None
    assert column_style(["", "  "]) is None


def test_without_a_majority_the_style_most_dates_share() -> None:
    # never a style no cell uses: the shape of the most dates, marked as no majority
    found = column_style(["2023.05", "2023-06", "2023-07", "Jul 2023", "2023/07"])
    assert found == dates.ColumnStyle("YYYY-MM", 2, 5, majority=False)


def test_an_unreadable_cell_counts_against_the_majority() -> None:
    found = column_style(["2025-10", "2025--01", "2023-03"])
    assert found is not None and (found.style, found.matching, found.cells) == ("YYYY-MM", 2, 3)


def test_write_keeps_the_cells_wrappers_and_never_invents() -> None:
    span = (('<span class="d">', "</span>"),)
    assert write(DateValue(0, 7, 29), "<span>MM-DD</span>", span) == '<span class="d">07-29</span>'
    assert write(DateValue(2023, 5), "YYYY-MM-DD") is None  # no day to show
    assert write(DateValue(2023, 0), "YYYY.MM") is None
    assert write(DateValue(0, 7, 29), "YYYY-MM-DD") is None  # no year to show
    assert write(DateValue(2023, 5, 17), "YYYY.MM") == "2023.05.17"  # the day kept


@pytest.mark.parametrize(
    "pattern_text",
    ["YYYY-DD", "MM", "YYYYY", "YYYY.MM.YYYY", "YYYY-MMx", "YYYY-MM[-DD", "YYYY[-MM]", "DD"],
)
def test_not_a_pattern(pattern_text: str) -> None:
    with pytest.raises(StyleError):
        parse_style(pattern_text)


@pytest.mark.parametrize("text", ["[" * 80_000, "<" * 80_000, "<a" * 40_000, "1-" * 40_000])
def test_long_cells_stay_fast(text: str) -> None:
    start = time.perf_counter()
    read(text, "YYYY.MM")
    column_style([text] * 3)
    dates.analyse(text[:64])
    assert time.perf_counter() - start < 0.5


def test_two_digit_year_and_month_columns_read_as_years() -> None:
    """YY.MM (20.12, 22.11) is a year and a month, not a day and a month without a year."""
    found = dates.column_style(["20.12", "22.11", "23.02"])
    assert found is not None and found.style == "YY.MM"
    assert dates.read("20.12", "YY.MM") == DateValue(2020, 12)
    # a column that cannot be years stays month-day
    found = dates.column_style(["07-29", "08-01", "05-06"])
    assert found is not None and found.style == "MM-DD"


def test_year_hint_is_read_once_per_section_under_a_long_heading() -> None:
    # read again for every row, a long heading made the work rows x heading length
    from lint.config import Config
    from lint.engine import lint_text

    rows = "".join(f"| P{index} | 07-{index % 28 + 1:02d} |\n" for index in range(2_000))
    text = f"## 2024\n\n### {'x' * 50_000}\n\n| Title | Date |\n| - | - |\n{rows}"
    config = Config(select=("date-format",), date_format="MM-DD")
    assert lint_text(text, "t.md", config) == []
    assert dates.year_hint(("2024", "x" * 50_000)) == 2024


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_equal_votes_are_settled_the_same_way_in_every_process() -> None:
    # "05.06.2023" reads day-month and month-day: the first reading wins, whatever the hashing
    import os
    import subprocess
    import sys

    code = "from lint.dates import column_style; print(column_style(['05.06.2023']).style)"
    styles = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout.strip()
        for seed in range(4)
    }
    assert styles == {"MM.DD.YYYY"}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("CVPR, 2024", 2024),
        ("NeurIPS 2023", 2023),
        ("Arxiv 2024", 2024),
        ("**ICLR 2024 Oral**", 2024),
        ("ICLR'24", 2024),
        ("TGRS2021", 2021),
        ("NeurIPS 2022<br>T-PAMI 2023", 2022),
        ("计算机学报 2023", 2023),
        ("May 2023", None),  # a date
        ("Q1 2024", None),  # a number besides the year
        ("2023.05", None),
        ("2023年五月", None),
        ("preprint", None),
        ("v2 2023", None),
        # digits glued to a letter are part of the venue's name
        ("LLM4Code 2025", 2025),
        ("3DV 2024", 2024),
        ("L4DC 2023", 2023),
        ("NeurIPS23", 2023),  # two digits ending its name: its year
        ("ECCV22", 2022),
        ("GPT4", None),  # one digit: the name's
        # the paper's arXiv id beside the venue is an identifier, not a number of the date
        ("arXiv 2024 (2305.17648)", 2024),
        ("ICML 2023 (arXiv:2301.00001v2)", 2023),
        ("ICML 2023 (2301)", None),
    ],
)
def test_venue_year(text: str, year: int | None) -> None:
    assert dates.venue_year(text) == year


def test_two_digits_glued_to_a_name_are_a_year_only_in_a_date_column() -> None:
    # a dataset's name (WN11, FB13) outside a date column; a link labelled by it names it
    assert dates.venue_year("WN11", glued=False) is None
    assert dates.venue_year("ICLR'24", glued=False) == 2024
    assert dates.venue_year("ECCV 2022", glued=False) == 2022


@pytest.mark.parametrize(
    ("texts", "style"),
    [
        (["Mar., 2024", "May, 2024", "June, 2024", "Sept., 2023"], "MMM., YYYY"),
        (["Mar., 2024", "Jan, 2024", "Oct., 2023", "Dec, 2023", "Feb., 2024"], "MMM.?, YYYY"),
        (["Mar 2024", "June 2024", "July 2023", "Sep 2023"], "MMM YYYY"),
        (["June 2024", "July 2023", "August 2023"], "MMMM YYYY"),
    ],
)
def test_month_names_and_the_abbreviation_dot(texts: list[str], style: str) -> None:
    found = column_style(texts)
    assert found is not None and found.style == style
    assert all(matches(text, style) for text in texts)


@pytest.mark.parametrize(
    ("month", "dotted"),
    [(1, "Jan., 2024"), (5, "May, 2024"), (6, "Jun., 2024"), (9, "Sep., 2024")],
)
def test_a_dotted_style_never_writes_may_with_a_dot(month: int, dotted: str) -> None:
    assert write(DateValue(2024, month), "MMM., YYYY") == dotted
    assert read(dotted, "MMM., YYYY") == DateValue(2024, month)


def column_of(kind: str, *texts: str) -> dates.DateColumn:
    return dates.DateColumn(kind, texts)


def test_choose_styles_reads_a_kind_of_column_across_the_list() -> None:
    chosen = dates.choose_styles(
        [
            column_of("date", "2023.01", "2023.02", "2023.03", "2023.04", "2023.07", "2023.08"),
            column_of("date", "2023.05", "2023-06", "Jul 2023"),  # no majority of its own
            column_of("date", "2022-01", "2022-02", "2022-03", "2022/04"),  # its own, clearly
            column_of("year", "2021", "2022", "CVPR 2023", "ICLR 2024"),  # another kind
            None,  # no date column
            column_of("date", "preprint", "-", "2023.05"),  # most cells no dates
        ]
    )
    assert [(c.style, c.scope) if c else None for c in chosen] == [
        ("YYYY.MM", dates.DOCUMENT),
        ("YYYY.MM", dates.DOCUMENT),
        ("YYYY-MM", dates.TABLE),
        ("YYYY", dates.DOCUMENT),
        None,
        (None, dates.NONE),
    ]
    assert chosen[3] is not None and chosen[3].venue_years == 2


def test_without_a_majority_anywhere_there_is_no_convention() -> None:
    (choice,) = dates.choose_styles([column_of("date", "2023.05", "2023-06", "Jul 2023")])
    assert choice is not None and choice.scope == dates.NONE and choice.style is not None
    assert matches("2023.05", choice.style)  # a style a cell uses, only to read the dates


@pytest.mark.parametrize(
    ("cells", "text"),
    [
        (("**A**", "**2023.05**", "**x**"), "2023.05"),  # a must-read row: row markup
        (("**A**", "**2023.05**", ""), "2023.05"),
        (("A", "**2023.05**", "x"), "**2023.05**"),  # the date alone: the cell's own
        (("*A*", "**2023.05**", "x"), "**2023.05**"),
        (("", "**2023.05**"), "**2023.05**"),
    ],
)
def test_date_text_drops_whole_row_emphasis(cells: tuple[str, ...], text: str) -> None:
    assert dates.date_text(cells, 1) == text


def test_months_below_ten_never_padded_among_octobers_are_unpadded() -> None:
    # every month below 10 unpadded (three cells), the other cells Octobers
    octobers = ["2025.10"] * 21
    found = column_style([*octobers, "2026.1", "2025.7", "2025.9", "2025.5", "2026.1"])
    assert found is not None and found.style == "YYYY.M"
    # one unpadded month among many is a slip: the column pads
    slip = column_style([*octobers, "2025.07", "2025.09", "2025.5"])
    assert slip is not None and slip.style == "YYYY.MM"
    alone = column_style([*octobers, "2025.5", "2025.11"])
    assert alone is not None and alone.style == "YYYY.MM"


def test_four_digits_that_would_date_papers_before_1940_are_arxiv_months() -> None:
    # 1906, 1912 and 1904 beside 2007: June 2019 and the like, as the rows' arXiv ids say
    found = column_style(["2007", "2002", "2005", "1906", "1912", "1904"])
    assert found is not None and found.style == "YYMM"
    # years of the last decades read as months too: a tie the year takes
    years = column_style(["2007", "2010", "2012", "2005", "2008", "2009"])
    assert years is not None and years.style == "YYYY"
