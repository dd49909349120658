"""A plain --fix changes nothing GitHub shows beyond the safety contract (issue 9, item 4).

Both texts are rendered by cmark-gfm (GitHub's renderer). Acceptable: the same HTML outside
tables; the same tables with the same headers; every body row still there, except one removed
while an identical row stays in its table; rows in the same order except at most max(3, 10%)
of a table's rows moved; and a changed cell keeps its markup (tags, comments) in order, its words
and every date component (a month name counting as its number).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.config import Config
from lint.fix import fix_text
from tests.gfm_oracle import why_not_equivalent
from tests.shared import CORPUS, files_or_skip
from tests.test_properties import DOCUMENTS

REAL = sorted((CORPUS / "real").glob("*.md")) if CORPUS.is_dir() else []
FILES = sorted(p for p in CORPUS.rglob("*.md") if p.is_file()) if CORPUS.is_dir() else []


@pytest.mark.slow  # every file of the corpus rendered by cmark-gfm: CI, not the fast loop
@pytest.mark.parametrize("path", files_or_skip(FILES, "corpus/"))
def test_plain_fix_renders_the_same_on_the_corpus(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
    fixed = fix_text(text, path.name).text
    assert why_not_equivalent(text, fixed) is None


@pytest.mark.slow  # generated documents rendered by cmark-gfm: CI, not the fast loop
@given(DOCUMENTS)
def test_plain_fix_renders_the_same_on_any_document(text: str) -> None:
    fixed = fix_text(text, config=Config(select=("ALL",))).text
    assert why_not_equivalent(text.replace("\r\n", "\n"), fixed.replace("\r\n", "\n")) is None


DATES = st.sampled_from(
    ["2023-05-17", "2023/11<!--30-->", "`2024.10`", "**2026-05-13**", "Jul 2018", "2023.05"]
)


@pytest.mark.slow  # generated date columns rendered by cmark-gfm: CI, not the fast loop
@given(st.lists(DATES, min_size=3, max_size=8), st.lists(st.sampled_from(range(2015, 2026))))
def test_plain_fix_keeps_every_date_component(styles: list[str], years: list[int]) -> None:
    years = years or [2023]
    rows = "".join(
        f"| Paper {index} | {style.replace('2023', str(years[index % len(years)]))} |\n"
        for index, style in enumerate(styles)
    )
    text = "| Title | Date |\n| --- | --- |\n" + rows
    assert why_not_equivalent(text, fix_text(text).text) is None


def test_the_check_itself_catches_what_the_contract_forbids() -> None:
    table = "| Title | Date |\n| --- | --- |\n"
    assert why_not_equivalent(table + "| A | 2023-05-17 |\n", table + "| A | 2023.05 |\n")
    assert why_not_equivalent(table + "| A | `2024.10` |\n", table + "| A | 2024.10 |\n")
    assert why_not_equivalent(table + "| A | 2023/11<!--30--> |\n", table + "| A | 2023.11 |\n")
    rows = [f"| P{i} | 2023.{i % 12 + 1:02d} |\n" for i in range(8)]
    assert why_not_equivalent(table + "".join(rows), table + "".join(reversed(rows)))
    # a glued line of text turned from a row into a paragraph
    assert why_not_equivalent(
        table + "| A | 2023.05 |\ntext\n", table + "| A | 2023.05 |\n\ntext\n"
    )
    assert (
        why_not_equivalent(table + "| A | 2023-05-17 |\n", table + "| A | 2023.05.17 |\n") is None
    )


def test_a_duplicate_removed_beside_its_twins_rewritten_dates_is_no_row_lost() -> None:
    # fuzz seed 3007, case 742: two twins and a third row with an empty cell where they have
    # "-"; the second twin removed as a duplicate and every date rewritten: nothing is lost
    table = "| Title | Date | Venue |\n| --- | --- | --- |\n"
    before = "| A | 2015/10 | - |\n| B | 2016/03 | x |\n| A | 2015/10 | - |\n| A | 2015/10 |  |\n"
    after = "| A | 2015年10月 | - |\n| B | 2016年3月 | x |\n| A | 2015年10月 |  |\n"
    assert why_not_equivalent(table + before, table + after) is None
    # the row with the empty cell removed instead is lost: no row left is written so
    lost = "| A | 2015年10月 | - |\n| B | 2016年3月 | x |\n| A | 2015年10月 | - |\n"
    assert why_not_equivalent(table + before, table + lost)
