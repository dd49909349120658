"""A plain --fix changes nothing GitHub shows beyond the safety contract (issue 9, item 4).

Both texts are rendered by cmark-gfm (GitHub's renderer). Acceptable: the same HTML outside
tables; the same tables with the same headers; every body row still there, except one removed
while an identical row stays in its table; rows in the same order except at most max(3, 10%)
of a table's rows moved; and a changed cell keeps its markup (tags, comments) in order, its words
and every date component (a month name counting as its number).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import given
from hypothesis import strategies as st

from lint.config import Config
from lint.fix import fix_text
from tests.shared import CORPUS, files_or_skip
from tests.test_properties import DOCUMENTS

REAL = sorted((CORPUS / "real").glob("*.md")) if CORPUS.is_dir() else []
FILES = sorted(p for p in CORPUS.rglob("*.md") if p.is_file()) if CORPUS.is_dir() else []
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_WORD = re.compile(r"[A-Za-z]+|[0-9]+|[^\sA-Za-z0-9]")
_DATE_MARKS = set(".-/,:年月日号‐‑‒–—―−")

Cell = tuple[tuple[str, str], ...]  # ("t", text), ("<", tag), ("!", comment)
Row = tuple[Cell, ...]


class Rendered(HTMLParser):
    """What GitHub shows: the HTML outside tables, and each table's rows of cells."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.outside: list[str] = []
        self.tables: list[list[Row]] = []
        self.depth = 0
        self.row: list[Cell] | None = None
        self.cell: list[tuple[str, str]] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            self.tables.append([]) if self.depth == 1 else None
        elif not self.depth:
            self.outside.append(f"<{tag} {sorted(attrs)}>")
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif self.cell is not None:
            self.cell.append(("<", f"{tag} {sorted(attrs)}"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
        elif not self.depth:
            self.outside.append(f"</{tag}>")
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append(tuple(self.cell))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(tuple(self.row))
            self.row = None
        elif self.cell is not None:
            self.cell.append(("<", "/" + tag))

    def handle_data(self, data: str) -> None:
        words = " ".join(data.split())
        if not words:
            return
        if not self.depth:
            self.outside.append(words)
        elif self.cell is not None:
            self.cell.append(("t", words))

    def handle_comment(self, data: str) -> None:
        if not self.depth:
            self.outside.append(f"<!--{data}-->")
        elif self.cell is not None:
            self.cell.append(("!", data))


def render(text: str) -> Rendered:
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return Rendered(html)


def _parts(cell: Cell) -> tuple[tuple[tuple[str, str], ...], Counter[int], tuple[str, ...]]:
    """A cell's markup in order, its numbers (month names as numbers) and its other words."""
    markup = tuple(token for token in cell if token[0] != "t")
    numbers: Counter[int] = Counter()
    words: list[str] = []
    for word in _WORD.findall(" ".join(text for kind, text in cell if kind == "t")):
        if word.isdigit():
            numbers[int(word)] += 1
        elif word[:3].lower() in _MONTHS and word.isalpha() and len(word) <= 9:
            numbers[_MONTHS.index(word[:3].lower()) + 1] += 1
        elif word not in _DATE_MARKS:
            words.append(word.lower())
    return markup, numbers, tuple(words)


def _same_cell(old: Cell, new: Cell) -> bool:
    if old == new:
        return True
    (markup_a, numbers_a, words_a), (markup_b, numbers_b, words_b) = _parts(old), _parts(new)
    if markup_a != markup_b or words_a != words_b:
        return False
    # "2023.5" written as one number, YYYYMM: the same digits in the same order
    digits = [str(n) for n in numbers_a.elements()], [str(n) for n in numbers_b.elements()]
    return numbers_a == numbers_b or sorted(digits[0]) == sorted(digits[1])


def _moved(order: list[int]) -> int:
    tails: list[int] = []
    for value in order:
        slot = bisect_left(tails, value)
        tails[slot : slot + 1] = [value]
    return len(order) - len(tails)


def why_not_equivalent(original: str, fixed: str) -> str | None:
    """The first way ``fixed`` renders beyond the contract, or None."""
    before, after = render(original), render(fixed)
    if before.outside != after.outside:
        return "HTML outside tables changed"
    if len(before.tables) != len(after.tables):
        return f"{len(before.tables)} tables became {len(after.tables)}"
    for number, (old, new) in enumerate(zip(before.tables, after.tables, strict=True), 1):
        if old[:1] != new[:1]:
            return f"table {number}: header changed"
        old_rows, used, order = old[1:], set(), []
        for row in new[1:]:
            match = next(
                (
                    index
                    for index, candidate in enumerate(old_rows)
                    if index not in used
                    and len(candidate) == len(row)
                    and all(map(_same_cell, candidate, row))
                ),
                None,
            )
            if match is None:
                return f"table {number}: a row changed or appeared: {row[:2]!r}"
            used.add(match)
            order.append(match)
        for index, row in enumerate(old_rows):
            if index not in used and not any(old_rows[kept] == row for kept in used):
                return f"table {number}: a row was lost: {row[:2]!r}"
        if _moved(order) > max(3, len(old_rows) // 10):
            return f"table {number}: {_moved(order)} of {len(old_rows)} rows moved"
    return None


@pytest.mark.parametrize("path", files_or_skip(FILES, "corpus/"))
def test_plain_fix_renders_the_same_on_the_corpus(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
    fixed = fix_text(text, path.name).text
    assert why_not_equivalent(text, fixed) is None


@given(DOCUMENTS)
def test_plain_fix_renders_the_same_on_any_document(text: str) -> None:
    fixed = fix_text(text, config=Config(select=("ALL",))).text
    assert why_not_equivalent(text.replace("\r\n", "\n"), fixed.replace("\r\n", "\n")) is None


DATES = st.sampled_from(
    ["2023-05-17", "2023/11<!--30-->", "`2024.10`", "**2026-05-13**", "Jul 2018", "2023.05"]
)


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
