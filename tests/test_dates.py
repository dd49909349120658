"""Date parsing: the fast path, the dateparser fallback, and never guessing."""

from __future__ import annotations

from datetime import date

import pytest

from lint import dates
from lint.dates import DateValue, format_date, parse, sort_key, year_column

TODAY = date(2024, 6, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-5", DateValue(2023, 5)),
        ("2023-05", DateValue(2023, 5)),
        ("2023/05", DateValue(2023, 5)),
        ("2023.5", DateValue(2023, 5)),
        ("2023 .05", DateValue(2023, 5)),
        ("May 2023", DateValue(2023, 5)),
        ("Sep. 2023", DateValue(2023, 9)),
        ("sept 2023", DateValue(2023, 9)),
        ("2023年5月", DateValue(2023, 5)),
        ("2023 年 5 月", DateValue(2023, 5)),
        ("2023-05-17", DateValue(2023, 5, 17)),
        ("2023年5月17日", DateValue(2023, 5, 17)),
        ("２０２３．０５", DateValue(2023, 5)),
        ("05/2023", DateValue(2023, 5)),
        ("May 17, 2023", DateValue(2023, 5, 17)),
        ("17 May 2023", DateValue(2023, 5, 17)),
        ("2024.07", DateValue(2024, 7)),  # within 31 days of today
        # the fallback: shapes the fast path does not know
        ("2023 May", DateValue(2023, 5)),
        ("2023年五月", DateValue(2023, 5)),
    ],
)
def test_readable(text: str, expected: DateValue) -> None:
    assert parse(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2023",
        "2023年",
        "2023.13",
        "2023.0",
        "1899.12",
        "2024.08",  # more than 31 days after today
        "2099-01-01",
        "2023-02-30",
        "preprint",
        "to appear in 2023",
        "23.05",
        "May 23",
        "5/6/2023",
        "9/04/24",
        "2023-05 (v2)",
    ],
)
def test_unreadable(text: str) -> None:
    assert parse(text, TODAY) is None


@pytest.mark.parametrize(
    ("value", "date_format", "expected"),
    [
        (DateValue(2023, 5), "YYYY.MM", "2023.05"),
        (DateValue(2023, 5, 17), "YYYY.MM", "2023.05"),
        (DateValue(2023, 5, 7), "YYYY-MM-DD", "2023-05-07"),
        (DateValue(2023, 5), "YYYY-MM-DD", None),
        (DateValue(2023, 11), "MM/YYYY", "11/2023"),
        (DateValue(2023, 5), "YYYY", "2023"),
        (DateValue(2023, 0), "YYYY", "2023"),
        (DateValue(2023, 0), "YYYY.MM", None),  # a year alone has no month to show
    ],
)
def test_format_date(value: DateValue, date_format: str, expected: str | None) -> None:
    assert format_date(value, date_format) == expected


def test_sort_key_ignores_the_day_unless_shown() -> None:
    assert sort_key(DateValue(2023, 5, 17), "YYYY.MM") == sort_key(DateValue(2023, 5), "YYYY.MM")
    assert sort_key(DateValue(2023, 5, 17), "YYYY.MM.DD") > sort_key(
        DateValue(2023, 5, 2), "YYYY.MM.DD"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023\u20105", DateValue(2023, 5)),
        ("2023\u201105", DateValue(2023, 5)),
        ("2023\u201205", DateValue(2023, 5)),
        ("2023\u201305", DateValue(2023, 5)),
        ("2023\u221205", DateValue(2023, 5)),
        ("2023 \u2013 05", DateValue(2023, 5)),
        ("2023\u201305\u201317", DateValue(2023, 5, 17)),
        ("05\u20132023", DateValue(2023, 5)),
        ("5\u20136\u20132023", None),  # still either way round
        ("2023\u201313", None),
    ],
)
def test_other_dashes_are_read_by_the_fast_path(
    text: str, expected: DateValue | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fallback(text: str) -> DateValue | None:
        raise AssertionError(f"dateparser asked for {text!r}")

    monkeypatch.setattr(dates, "_fallback", no_fallback)
    dates.read.cache_clear()
    assert parse(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "years", "date_format", "expected"),
    [
        ("2023", True, "YYYY.MM", DateValue(2023, 0)),
        ("2023 年", True, "YYYY.MM", DateValue(2023, 0)),
        ("２０２３", True, "YYYY.MM", DateValue(2023, 0)),
        ("2023", False, "YYYY.MM", None),
        ("2023", False, "YYYY", DateValue(2023, 0)),
        ("2023年", False, "YYYY", DateValue(2023, 0)),
        ("2023.05", False, "YYYY", DateValue(2023, 5)),
        ("2023.05", True, "YYYY.MM", DateValue(2023, 5)),
        ("1899", True, "YYYY.MM", None),
        ("2025", True, "YYYY.MM", None),  # more than 31 days after today
        ("023", True, "YYYY.MM", None),
    ],
)
def test_year_alone(text: str, years: bool, date_format: str, expected: DateValue | None) -> None:
    assert parse(text, TODAY, date_format, years) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["2023", "**2024**", "2024年", "_２０２２_"], True),
        (["2023", "", " "], True),
        (["", ""], False),
        ([], False),
        (["2023", "2023.05"], False),
        (["2023", "preprint"], False),
        (["1899", "2023"], True),  # a bad year is reported, the column stays one of years
    ],
)
def test_year_column(texts: list[str], expected: bool) -> None:
    assert year_column(texts) is expected


def test_sort_key_of_a_year_format_is_the_year() -> None:
    assert sort_key(DateValue(2023, 9), "YYYY") == sort_key(DateValue(2023, 0), "YYYY")
    assert sort_key(DateValue(2023, 0), "YYYY.MM") < sort_key(DateValue(2024, 0), "YYYY.MM")
