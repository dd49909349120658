"""date-mismatch: a row dated otherwise than its paper's first version, where the list dates
papers by arXiv (--online)."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.online.metadata import FOUND, Paper
from tests.online_checks import HEADER, fixed_online, found_online

ONLY = Config(select=("date-mismatch",))


def paper(paper_id: str, first: tuple[int, int, int]) -> Paper:
    return Paper(f"arxiv:{paper_id}", FOUND, f"Paper {paper_id}", date=first)


# twelve rows dated their ids' months (the table dates papers by arXiv, even with one more row
# that does not), then the row checked
FOLLOWING = [(f"22{month:02d}.000{month:02d}", f"2022.{month:02d}") for month in range(1, 13)]
PAPERS = {
    f"arxiv:{paper_id}": paper(paper_id, (2022, int(paper_id[2:4]), 10))
    for paper_id, _ in FOLLOWING
}
PAPERS["arxiv:2303.06865"] = paper("2303.06865", (2023, 3, 13))
# sent on the last day of May, announced in June: its id is June's
PAPERS["arxiv:2306.00001"] = paper("2306.00001", (2023, 5, 31))


def table(rows: list[tuple[str, str]], header: str = HEADER) -> str:
    return header + "".join(f"| [P](https://arxiv.org/abs/{i}) | {d} |\n" for i, d in rows)


@pytest.mark.parametrize(
    ("checked", "expected", "fixed"),
    [
        (("2303.06865", "2023.04"), [(15, 43, "P006", "unsafe")], "2023.03"),
        (("2303.06865", "2023.02"), [(15, 43, "P006", "unsafe")], "2023.03"),
        (("2303.06865", "2023.03"), [], None),
        (("2306.00001", "2023.05"), [], None),  # submitted in May
        (("2306.00001", "2023.06"), [], None),  # announced in June
        (("2306.00001", "2023.07"), [(15, 43, "P006", "unsafe")], "2023.05"),
        # a date with a day in a month column: compared to the month only
        (("2303.06865", "2023.03.28"), [], None),
    ],
)
def test_month_column(checked: tuple[str, str], expected: list[object], fixed: str | None) -> None:
    markdown = table([*FOLLOWING, checked])
    assert found_online(markdown, ONLY, PAPERS) == expected
    if fixed is not None:
        after = fixed_online(markdown, ONLY, PAPERS)
        assert after.splitlines()[-1] == f"| [P](https://arxiv.org/abs/{checked[0]}) | {fixed} |"


@pytest.mark.parametrize(
    ("date", "reported"),
    [("2023-03-13", False), ("2023-03-16", False), ("2023-03-17", True), ("2023-03-12", True)],
)
def test_day_column_allows_the_announcement(date: str, reported: bool) -> None:
    rows = [(i, d.replace(".", "-") + "-10") for i, d in FOLLOWING]  # their first versions
    markdown = table([*rows, ("2303.06865", date)])
    expected = [(15, 43, "P006", "unsafe")] if reported else []
    assert found_online(markdown, ONLY, PAPERS) == expected
    if reported:
        assert fixed_online(markdown, ONLY, PAPERS).endswith("| 2023-03-13 |\n")


def test_year_column_shows_no_arxiv_dating_and_is_not_checked() -> None:
    rows = [(i, "2022") for i, _ in FOLLOWING]
    assert found_online(table([*rows, ("2303.06865", "2021")]), ONLY, PAPERS) == []


def test_table_whose_dates_do_not_follow_arxiv_is_not_checked() -> None:
    free = [(paper_id, "2020.01") for paper_id, _ in FOLLOWING]
    assert found_online(table([*free, ("2303.06865", "2023.08")]), ONLY, PAPERS) == []


def test_small_table_follows_the_lists_dating() -> None:
    small = table([("2303.06865", "2023.04")])
    following = table(FOLLOWING) + "\n"
    assert found_online(following + small, ONLY, PAPERS) == [(18, 43, "P006", "unsafe")]
    free = table([(i, "2020.01") for i, _ in FOLLOWING]) + "\n"
    assert found_online(free + small, ONLY, PAPERS) == []


def test_doi_rows_and_rows_without_metadata_are_not_checked() -> None:
    doi = {"doi:10.1/a": Paper("doi:10.1/a", FOUND, "A", date=(2020, 1, 1))}
    markdown = table(FOLLOWING) + "| [A](https://doi.org/10.1/a) | 2023.05 |\n"
    assert found_online(markdown, ONLY, {**PAPERS, **doi}) == []
    assert found_online(table([*FOLLOWING, ("2309.00009", "2023.01")]), ONLY, PAPERS) == []


def test_nothing_without_online() -> None:
    assert found_online(table([*FOLLOWING, ("2303.06865", "2023.04")]), ONLY, None) == []
