"""Dates: values and month names, reading a cell in a style, never guessing, the future limit."""

from __future__ import annotations

from datetime import date

import pytest

from lint import dates
from lint.dates import DateValue, is_future, read, read_year, year_column
from lint.dates import reading as reading_module
from lint.dates.values import is_full_name, misspelt_month, month_number

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
        ("Sept. 2023", DateValue(2023, 9)),
        ("2023年5月", DateValue(2023, 5)),
        ("2023 年 5 月", DateValue(2023, 5)),
        ("2023-05-17", DateValue(2023, 5, 17)),
        ("2023年5月17日", DateValue(2023, 5, 17)),
        ("２０２３．０５", DateValue(2023, 5)),
        ("05/2023", DateValue(2023, 5)),
        ("May 17, 2023", DateValue(2023, 5, 17)),
        ("17 May 2023", DateValue(2023, 5, 17)),
        ("**2023.05**", DateValue(2023, 5)),
        # the fallback: shapes the grammar does not know, with words
        ("2023 May", DateValue(2023, 5)),
        ("2023年五月", DateValue(2023, 5)),
    ],
)
def test_readable(text: str, expected: DateValue) -> None:
    assert read(text, "YYYY.MM") == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2023.13",
        "2023.0",
        "1899.12",
        "2023-02-30",
        "preprint",
        "to appear in 2023",
        "May 23",
        "5/6/2023",  # either way round
        "9/04/24",  # a two-digit year is no YYYY column's
        "2023-05 (v2)",
        "2025--01",  # a month lost between the dashes?
    ],
)
def test_unreadable(text: str) -> None:
    assert read(text, "YYYY.MM") is None


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
def test_other_dashes_are_read_by_the_grammar(
    text: str, expected: DateValue | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_fallback(text: str) -> DateValue | None:
        raise AssertionError(f"dateparser asked for {text!r}")

    monkeypatch.setattr(reading_module, "_guess", no_fallback)
    assert read(text, "YYYY.MM") == expected


@pytest.mark.parametrize(
    ("value", "future"),
    [
        (DateValue(2024, 7), False),  # within 31 days of today
        (DateValue(2024, 7, 16), False),
        (DateValue(2024, 7, 17), True),
        (DateValue(2024, 8), True),
        (DateValue(2024, 0), False),  # a year alone counts from its January
        (DateValue(2025, 0), True),
    ],
)
def test_future(value: DateValue, future: bool) -> None:
    assert is_future(value, TODAY) is future


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", DateValue(2023, 0)),
        ("2023 年", DateValue(2023, 0)),
        ("２０２３", DateValue(2023, 0)),
        ("2023年", DateValue(2023, 0)),
        ("2023.05", None),
        ("1899", None),
        ("023", None),
    ],
)
def test_read_year(text: str, expected: DateValue | None) -> None:
    assert read_year(text) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["2023", "**2024**", "2024年", "_２０２２_", "`2021`"], True),
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


@pytest.mark.parametrize(
    ("word", "number", "full"),
    [
        ("Jan", 1, False),
        ("january", 1, True),
        ("MAY", 5, True),
        ("Jun", 6, False),
        ("June", 6, True),
        ("Sept", 9, False),
        ("sep", 9, False),
        ("September", 9, True),
        ("Mayday", None, False),
        ("Marc", None, False),
    ],
)
def test_month_names(word: str, number: int | None, full: bool) -> None:
    assert month_number(word) == number
    assert is_full_name(word) is full


@pytest.mark.parametrize(
    ("word", "month"),
    [
        ("Februray", 2),  # two letters swapped
        ("Setpember", 9),
        ("Agust", 8),  # one dropped
        ("Aprill", 4),  # one added
        ("Decmber", 12),
        ("Octobar", 10),  # one changed
        ("Jnue", 6),  # June and July: a swap only
        ("Juyl", 7),
        # no slip: a month written right, an abbreviation, a name one change from a short month,
        # a word one slip from no month, a venue
        ("February", None),
        ("Sept", None),
        ("Jane", None),
        ("Jul", None),
        ("Mark", None),
        ("Nature", None),
        ("NeurIPS", None),
        ("Ebruary", None),  # the first letter is kept: a slip there reads too much as a slip
    ],
)
def test_a_month_misspelt_by_one_slip(word: str, month: int | None) -> None:
    assert misspelt_month(word) == month


def test_one_set_of_month_names_reads_and_writes() -> None:
    for month in range(1, 13):
        for style in ("MMM YYYY", "MMMM YYYY"):
            text = dates.write(DateValue(2023, month), style)
            assert text is not None and read(text, style) == DateValue(2023, month)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023.05", DateValue(2023, 5)),
        ("2023-05-29", DateValue(2023, 5, 29)),
        ("May 2023", DateValue(2023, 5)),
        ("2023", DateValue(2023, 0)),
        ("2023年5月", DateValue(2023, 5)),
        ("2023 May", DateValue(2023, 5)),
        ("5/6/2023", None),  # either way round
        ("23.05", None),  # a two-digit year is never guessed
        ("07-29", None),  # no year
        ("soon", None),
    ],
)
def test_read_alone(text: str, expected: DateValue | None) -> None:
    assert dates.read_alone(text) == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_name_is_read_by_the_grammar(month: int) -> None:
    # six- and eight-letter names (August, November) were split like 202305 and went to dateparser
    from lint.dates.values import ABBREVIATIONS, FULL_NAMES

    for name in (FULL_NAMES[month], ABBREVIATIONS[month]):
        cell = dates.analyse(f"{name} 2023")
        assert cell is not None and cell.readings[0].value == DateValue(2023, month)


@pytest.mark.parametrize("text", ["CVPR, 2024", "NeurIPS 2023", "**ICLR 2024 Oral**", "Arxiv 2024"])
def test_a_venue_year_never_starts_dateparser(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fallback(text: str) -> DateValue | None:
        raise AssertionError(f"dateparser asked for {text!r}")

    monkeypatch.setattr(reading_module, "_guess", no_fallback)
    assert read(text, "MMM., YYYY") is None
    assert dates.venue_year(text) is not None
