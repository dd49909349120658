"""Conventions (``lint/inference.py``, ``lint/date_order.py``, ``lint/arxiv_dating.py``,
``lint/kept_layout.py``, ``lint/variants.py``, ``lint/link_columns.py``, ``lint/proceedings.py``):
a table in, the settings and their evidence out.

Each threshold is tried at its value and on either side of it. The evidence is compared by its
numbers (``detail`` says "4 of 5 dated rows"; the test reads 4 and 5), never by its wording.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from lint import inference
from lint.arxiv_dating import ARXIV_AGREE, ARXIV_MIN_ROWS
from lint.config import Config
from lint.conventions import DEFAULT, INFERRED, NO_LAYOUT, SET, Conventions, Setting
from lint.date_order import LEANING, LIST_DIRECTION, ORDER_TABLES, TIE_ROWS
from lint.dates import VENUE_YEARS_SHOWN
from lint.dates.habits import SPELLED_SHOWN
from lint.document import parse
from lint.kept_layout import EVIDENCE_ROWS, KEPT_SHARE
from lint.link_columns import LINKED_SHARE, MIN_LINKED, SLOT_ROWS
from lint.other_orders import CHANCE_SHARE
from lint.paper_index import REWORDED
from lint.proceedings import MIN_ROWS as PROCEEDINGS_ROWS
from lint.proceedings import PROCEEDINGS_SHARE
from lint.results import RESULT_COLUMNS
from lint.variants import VARIANT_SHARE

HEADER = "| Title | Date |\n| --- | --- |\n"


def read(markdown: str, config: Config | None = None) -> Conventions:
    return inference.infer(parse(markdown), config or Config())


def numbers(setting: Setting | None) -> list[int]:
    """The numbers of a setting's evidence, in order."""
    assert setting is not None
    return [int(found) for found in re.findall(r"\d+", setting.detail)]


def dated(months: Sequence[int]) -> str:
    """A table of papers dated ``2024.MM`` in the order given."""
    return HEADER + "".join(f"| Paper {n} | 2024.{m:02d} |\n" for n, m in enumerate(months))


def order(months: Sequence[int]) -> Setting:
    return read(dated(months)).tables[0].order


# ---------------------------------------------------------------- order (lint/date_order.py)


def test_order_needs_two_distinct_dates() -> None:
    assert order([3, 3, 3])[:2] == ("ascending", DEFAULT)
    assert order([3, 4]) == Setting("ascending", INFERRED, order([3, 4]).detail)
    assert numbers(order([3, 4])) == [2]
    assert order([4, 3])[:2] == ("descending", INFERRED)


def test_as_many_rows_out_of_place_either_way_is_no_order() -> None:
    assert order([1, 3, 2])[:2] == ("off", INFERRED)
    assert numbers(order([1, 3, 2])) == [1]


def test_a_quarter_of_the_changes_against_the_order_is_the_most_it_allows() -> None:
    # at the threshold: 1 change of 4 runs against the order
    assert order([1, 2, 3, 4, 2])[:2] == ("ascending", INFERRED)
    assert numbers(order([1, 2, 3, 4, 2])) == [4, 5]
    # above it: 1 of 3
    assert order([1, 2, 3, 2])[:2] == ("off", INFERRED)
    assert numbers(order([1, 2, 3, 2])) == [1, 3]


def long_order(months: Sequence[int]) -> Setting:
    """The order of a table of papers dated month after month from January 2000 (``0`` is
    ``2000.01``, ``12`` is ``2001.01``), in the order given."""
    rows = "".join(
        f"| Paper {n} | {2000 + m // 12}.{m % 12 + 1:02d} |\n" for n, m in enumerate(months)
    )
    return read(HEADER + rows).tables[0].order


def test_a_third_of_the_rows_out_of_place_is_the_most_it_allows() -> None:
    # at the threshold: 10 of 30 out of place (10 * 3 == 30), the last ten rows older
    at = [*range(10, 30), *range(10)]
    assert long_order(at)[:2] == ("ascending", INFERRED)
    assert numbers(long_order(at)) == [20, 30]
    # above it: 11 of 30
    above = [*range(11, 30), *range(11)]
    assert long_order(above)[:2] == ("off", INFERRED)
    assert numbers(long_order(above)) == [11, 30]


def test_rows_out_of_place_beyond_what_a_shuffle_leaves_are_out_of_order_by_chance() -> None:
    # one row of eleven out of place, where a shuffle of the same dates leaves about six
    assert order([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1])[:2] == ("ascending", INFERRED)
    # two of six, where a shuffle leaves about three: a small table near an order by chance
    doubtful = order([2, 1, 6, 5, 4, 3])
    assert doubtful[:2] == ("off", INFERRED)
    out, rows, whole, tenth = numbers(doubtful)
    assert (out, rows) == (2, 6) and out > CHANCE_SHARE * (whole + tenth / 10)
    # one of six, the rest in order: within what chance allows
    assert order([6, 5, 4, 3, 1, 2])[:2] == ("descending", INFERRED)


def test_rows_in_order_must_span_three_distinct_dates() -> None:
    # the rows kept in order span 3 dates (1, 2, 3): an order
    assert order([1, 2, 2, 1, 2, 3, 3, 3, 3])[:2] == ("ascending", INFERRED)
    # they span 2 (2, 1, descending): too few to tell
    assert order([2, 1, 3, 2, 1])[:2] == ("off", INFERRED)
    assert numbers(order([2, 1, 3, 2, 1])) == [2]


def test_a_list_whose_tables_mostly_run_both_ways_keeps_no_order_by_date() -> None:
    near = [1, 2, 3, 4, 2]  # ascending with one row out of place: an order on its own
    both_ways = [3, 2, 1, 2]  # falls twice, rises once: too loose to be an order
    in_order = [1, 2, 3]

    def orders(*tables: Sequence[int]) -> list[str]:
        text = "".join(f"## {n}\n{dated(months)}\n" for n, months in enumerate(tables))
        return [found.order.value for found in read(text).tables]

    # more than half of ORDER_TABLES tables run both ways: the near one's order is chance
    unordered = [both_ways] * (ORDER_TABLES // 2 + 1)
    tables = [near, in_order, *unordered][: max(ORDER_TABLES, len(unordered) + 2)]
    assert orders(*tables)[:2] == ["off", "ascending"]  # a table in order reports nothing
    # half of them: the list may order its tables
    half = [near, in_order, *[both_ways] * 2]
    assert orders(*half)[:2] == ["ascending", "ascending"]
    # fewer tables than ORDER_TABLES: each reads its own
    assert orders(near, both_ways, both_ways)[0] == "ascending"
    off = read("".join(f"## {n}\n{dated(m)}\n" for n, m in enumerate(tables))).tables[0]
    assert numbers(off.order) == [len(unordered), len(tables)]
    # its dates rise and fall about as often (8 and 7 times); where they rise LEANING times as
    # often as they fall, the list leans one way, its tables kept loosely: each keeps its own
    assert LEANING == 2
    rising = [1, 2, 1, 3]  # rises twice, falls once: too loose on its own
    leaning = [near, in_order, rising, rising, rising]  # rises 11 times, falls 4
    assert orders(*leaning)[:2] == ["ascending", "ascending"]
    # a third of the tables or more keep no order and those in order run both ways (short
    # tables in order by chance): a table near an order is so by chance too
    newest_first = [3, 2, 1]
    no_way = orders(near, in_order, newest_first, both_ways, both_ways)
    assert no_way[:3] == ["off", "ascending", "descending"]
    assert orders(near, in_order, in_order, both_ways, both_ways)[0] == "ascending"
    assert orders(near, in_order, newest_first, both_ways)[0] == "ascending"  # a quarter


def test_a_table_that_cannot_tell_its_order_takes_the_lists_direction() -> None:
    tie = [1, 3, 3, 2]  # one row out of place either way: its own rows cannot tell
    newest_first = [3, 2, 1]

    def orders(*tables: Sequence[int]) -> list[Setting]:
        text = "".join(f"## {n}\n{dated(months)}\n" for n, months in enumerate(tables))
        return [found.order for found in read(text).tables]

    # every other table runs descending (3 of 3 ordered tables: LIST_DIRECTION at least)
    assert LIST_DIRECTION * ORDER_TABLES <= 3
    first = orders(tie, *[newest_first] * 3)[0]
    assert first[:2] == ("descending", INFERRED) and numbers(first) == [3, 3]
    # two of three ordered tables: no way of the list's
    assert orders(tie, newest_first, newest_first, [1, 2, 3])[0].value == "off"
    # three of four: the list's way (a table with no order is no vote)
    assert orders(tie, *[newest_first] * 3, [1, 2, 3], [1, 3, 2])[0].value == "descending"
    # fewer tables than ORDER_TABLES: the table reads its own
    assert orders(tie, newest_first, newest_first)[0].value == "off"
    # in fewer than TIE_ROWS dated rows one row out of place is no slip
    assert TIE_ROWS == 4
    assert orders([3, 1, 2], *[newest_first] * 3)[0].value == "off"
    # a third of the tables read or more keep no order (the tie too): a tie borrows no way
    unordered = [1, 3, 2, 4, 1, 3]
    assert orders(tie, *[newest_first] * 5, unordered, unordered)[0].value == "off"
    assert orders(tie, *[newest_first] * 6, unordered, unordered)[0].value == "descending"
    # a table leaning against the list's direction with rows out of place has no order
    # (batches added oldest first to a list kept newest first); one wholly in order keeps it
    against = orders([1, 2, 3, 4, 2], *[newest_first] * 3)[0]
    assert against[:2] == ("off", INFERRED) and numbers(against) == [3, 4]
    assert orders([1, 2, 3], *[newest_first] * 3)[0].value == "ascending"


def test_a_set_order_wins_and_says_so() -> None:
    config = Config(order="descending")
    assert read(dated([1, 2, 3]), config).tables[0].order == Setting("descending", SET)


def with_ids(months: Sequence[int], ids: int) -> str:
    """Rows dated ``months``, the first ``ids`` of them linking arXiv ids in ascending order."""
    rows = []
    for n, month in enumerate(months):
        title = f"[Paper {n}](https://arxiv.org/abs/2401.{n:05d})" if n < ids else f"Paper {n}"
        rows.append(f"| {title} | 2024.{month:02d} |\n")
    return HEADER + "".join(rows)


def test_rows_following_their_arxiv_ids_need_ids_in_more_than_half_of_them() -> None:
    months = [1, 2, 3, 4, 2, 5]  # one row out of date order (its date is its last update)
    # half the rows give an id (3 of 6): the date order stands, its misplaced row reported
    assert read(with_ids(months, 3)).tables[0].order[:2] == ("ascending", INFERRED)
    # more than half (4 of 6), in id order: ordered by id, not by date
    found = read(with_ids(months, 4)).tables[0].order
    assert found[:2] == ("off", INFERRED)
    assert numbers(found) == [0, 1]


# ---------------------------------------------------------------- arXiv dates (arxiv_dating)


def arxiv_table(agree: int, disagree: int) -> str:
    """Rows whose dates are their arXiv ids' month (``agree``), then rows dated two months
    later (``disagree``)."""
    rows = [f"| [P{n}](https://arxiv.org/abs/2401.{n:05d}) | 2024.01 |\n" for n in range(agree)]
    rows += [
        f"| [Q{n}](https://arxiv.org/abs/2401.{n + 500:05d}) | 2024.03 |\n" for n in range(disagree)
    ]
    return HEADER + "".join(rows)


@pytest.mark.parametrize(
    ("agree", "disagree", "expected"),
    [
        (ARXIV_MIN_ROWS - 1, 0, "free"),  # too few rows to tell, however many agree
        (ARXIV_MIN_ROWS, 0, "follow"),
        (9, 1, "follow"),  # 90% agree: at the threshold
        (8, 1, "free"),  # 89%
        (18, 2, "follow"),
        (17, 2, "free"),
    ],
)
def test_dates_follow_arxiv_ids_from_ninety_percent_and_three_rows(
    agree: int, disagree: int, expected: str
) -> None:
    assert ARXIV_AGREE == 0.9
    found = read(arxiv_table(agree, disagree))
    assert found.tables[0].arxiv_dates is not None
    assert found.tables[0].arxiv_dates[:2] == (expected, INFERRED)
    assert numbers(found.tables[0].arxiv_dates) == [agree, agree + disagree]
    assert found.arxiv_dates is not None and found.arxiv_dates.value == expected


def test_dated_ids_count_rows_of_each_kind_only_where_dates_follow_ids() -> None:
    following = read(arxiv_table(3, 0) + "| Paper without id | 2024.02 |\n| Undated | |\n")
    assert following.tables[0].dated_ids == ((3, 3), (2, 1))
    assert read(arxiv_table(2, 0)).tables[0].dated_ids == ((0, 0), (0, 0))


# ---------------------------------------------------------------- date style


def test_a_date_column_needs_more_than_half_its_cells_to_be_dates() -> None:
    half = HEADER + "| A | 2024.01 |\n| B | 2024.02 |\n| C | soon |\n| D | later |\n"
    found = read(half).tables[0]
    assert found.date_style is None
    assert found.order[:2] == ("off", DEFAULT)
    more = HEADER + "| A | 2024.01 |\n| B | 2024.02 |\n| C | 2024.03 |\n| D | later |\n"
    style = read(more).tables[0].date_style
    assert style is not None and style[:2] == ("YYYY.MM", INFERRED)
    assert numbers(style) == [3, 4]


def test_a_style_needs_more_than_half_the_dates() -> None:
    even = HEADER + "| A | 2024.01 |\n| B | 2024.02 |\n| C | 2024-03 |\n| D | 2024-04 |\n"
    style = read(even).tables[0].date_style
    assert style is not None and style.source == DEFAULT  # dates read, not checked
    assert numbers(style)[-2:] == [2, 4]
    most = HEADER + "| A | 2024.01 |\n| B | 2024.02 |\n| C | 2024.03 |\n| D | 2024-04 |\n"
    style = read(most).tables[0].date_style
    assert style is not None and style[:2] == ("YYYY.MM", INFERRED)
    assert numbers(style) == [3, 4]


def test_the_lists_date_columns_of_one_kind_share_a_style() -> None:
    two = f"## A\n{dated([1, 2])}\n## B\n{dated([3, 4])}"
    style = read(two).tables[1].date_style
    assert style is not None and style[:2] == ("YYYY.MM", INFERRED)
    assert numbers(style) == [4, 4, 2]


def test_a_set_date_format_wins() -> None:
    found = read(dated([1, 2]), Config(date_format="YYYY-MM")).tables[0].date_style
    assert found == Setting("YYYY-MM", SET)


@pytest.mark.parametrize("venues", [VENUE_YEARS_SHOWN - 1, VENUE_YEARS_SHOWN])
def test_venue_years_are_the_lists_way_from_two_cells(venues: int) -> None:
    markdown = dated([1, 2, 3, 4]) + "| Published | CVPR, 2023 |\n" * venues
    found = read(markdown).tables[0]
    assert found.date_style is not None
    assert found.venue_years is (venues >= VENUE_YEARS_SHOWN)


# ---------------------------------------------------------------- layout (kept_layout, inference)


def laid_out(compact: int, tight: int) -> str:
    rows = [f"| C{n} | 2024.01 |\n" for n in range(compact)] + [
        f"|T{n}|2024.01|\n" for n in range(tight)
    ]
    return HEADER + "".join(rows)


@pytest.mark.parametrize(
    ("compact", "tight", "kept"),
    [(3, 1, "compact"), (6, 2, "compact"), (5, 2, None), (2, 2, None), (1, 3, "tight")],
)
def test_a_table_keeps_the_style_of_three_rows_in_four(
    compact: int, tight: int, kept: str | None
) -> None:
    assert KEPT_SHARE == 0.75
    found = read(laid_out(compact, tight)).tables[0].kept_layout
    assert (found and found.style) == kept
    if found is not None:
        assert (found.rows, found.read) == (max(compact, tight), compact + tight)


def sections(*tables: str) -> str:
    return "".join(f"## S{n}\n\n{table}\n" for n, table in enumerate(tables))


def test_the_documents_layout_is_the_one_most_tables_keep() -> None:
    compact, tight = laid_out(EVIDENCE_ROWS, 0), laid_out(0, EVIDENCE_ROWS)
    found = read(sections(compact, compact, tight)).layout
    assert found[:2] == ("compact", INFERRED)
    assert numbers(found) == [2, 3]
    # half is no majority: no layout
    found = read(sections(compact, tight)).layout
    assert found[:2] == (NO_LAYOUT, INFERRED)
    # tables keeping no style count against every style
    found = read(sections(compact, laid_out(2, 2))).layout
    assert found.value == NO_LAYOUT


def test_tables_under_three_rows_are_evidence_only_when_no_table_has_three() -> None:
    small = laid_out(0, EVIDENCE_ROWS - 1)
    found = read(sections(laid_out(EVIDENCE_ROWS, 0), small, small)).layout
    assert found[:2] == ("compact", INFERRED)
    assert numbers(found) == [1, 1, EVIDENCE_ROWS]
    found = read(sections(laid_out(EVIDENCE_ROWS - 1, 0), small, small)).layout
    assert found[:2] == ("tight", INFERRED)
    assert numbers(found) == [2, 3]


def test_a_set_layout_wins_and_a_table_without_rows_is_no_evidence() -> None:
    assert read(laid_out(3, 0), Config(layout="tight")).layout == Setting("tight", SET)
    assert read(HEADER).layout[:2] == ("aligned", DEFAULT)


# ---------------------------------------------------------------- header


PAPER_HEADER = "| Paper | Date |\n| --- | --- |\n| A | 2024.01 |\n"


@pytest.mark.parametrize(
    ("titled", "other", "expected"),
    [
        (2, 1, ("Title", "Date")),  # two in three: at the threshold
        (3, 1, ("Title", "Date")),
        (2, 2, None),  # half: the list keeps no one header
        (3, 2, None),  # three in five: below two in three
        (1, 0, None),  # one table: too few to tell a header the list keeps
        (2, 0, ("Title", "Date")),
    ],
)
def test_the_paper_tables_header_is_the_one_two_in_three_use(
    titled: int, other: int, expected: tuple[str, ...] | None
) -> None:
    found = read(sections(*[dated([1])] * titled, *[PAPER_HEADER] * other))
    assert found.header == expected
    if expected is None:
        assert found.header_source is None
    else:
        assert found.header_source is not None and found.header_source.source == INFERRED
        assert numbers(found.header_source) == [titled, titled + other]


def test_a_set_header_wins() -> None:
    configured = read(dated([1]), Config(header=("论文题目", "发表时间")))
    assert configured.header == ("论文题目", "发表时间")
    assert configured.header_source is not None and configured.header_source.source == SET


def test_a_table_without_a_date_column_is_no_paper_table_and_has_no_order() -> None:
    found = read("| Title | Code |\n| --- | --- |\n| A | x |\n")
    assert found.header is None
    assert found.tables[0].order[:2] == ("off", DEFAULT)


# ---------------------------------------------------------------- variants (lint/variants.py)


def variant_table(short: int, long: int) -> str:
    rows = [f"| Paper {n} | {n + 1}B | 2024.01 |\n" for n in range(short)]
    rows += [f"| Paper {n + short} | a size described at length | 2024.01 |\n" for n in range(long)]
    return "| Title | Size | Date |\n| --- | --- | --- |\n" + "".join(rows)


@pytest.mark.parametrize(
    ("short", "long", "variant"),
    [
        (2, 0, True),
        (1, 0, False),  # one cell tells nothing
        (9, 1, True),  # 90% short names
        # 80%: VARIANT_SHARE, yet not a variant column: the misses allowed, 10 * (1 - 0.8),
        # fall just below 2 in floating point, so the share must be exceeded
        (8, 2, False),
        (4, 1, False),
        (7, 3, False),
    ],
)
def test_a_variant_column_holds_short_names_in_more_than_eighty_percent(
    short: int, long: int, variant: bool
) -> None:
    assert VARIANT_SHARE == 0.8
    assert (read(variant_table(short, long)).tables[0].variants == (1,)) is variant


@pytest.mark.parametrize(
    ("scores", "ranked"),
    [
        ("0.9 0.8 0.7 0.6 0.5 0.4", True),  # falling down every row: a leaderboard
        ("0.9 0.8 0.8 0.6 0.5 0.4", True),  # a tie: two scores alike, ranked all the same
        ("0.9 0.9 0.9 0.8 0.8 0.8", False),  # two scores: too few to tell a ranking
        ("0.9 0.8 0.9 0.6 0.5 0.4", False),
        ("1 2 3 4 5 6", False),  # counting the rows says nothing of an order
        ("100k+ 70k+ 50k+ 20k+ 15k+ 8k+", True),  # citations, counted in thousands
        ("1.2M 900k 800k 70k 7k 5k", True),
        ("100k+ 70k+ 50k+ 20k+ 15k+ 20k+", False),
    ],
)
def test_a_table_ranked_by_a_score_column_has_no_date_order(scores: str, ranked: bool) -> None:
    # one date out of place (2019.07): reported unless the table is ranked by another column
    dates = ["2019.04", "2019.09", "2019.07", "2019.10", "2019.11", "2019.12"]
    body = "".join(
        f"| P{i} | {date} | {score} |\n"
        for i, (date, score) in enumerate(zip(dates, scores.split(), strict=True))
    )
    doc = parse("| Title | Date | Dice |\n|---|---|---|\n" + body)
    (found,) = inference.infer(doc, Config()).tables
    assert found.order.value == ("off" if ranked else "ascending")
    assert ('"Dice"' in found.order.detail) is ranked


@pytest.mark.parametrize("scores", [RESULT_COLUMNS - 1, RESULT_COLUMNS])
def test_a_table_of_results_has_no_date_order(scores: int) -> None:
    # a leaderboard's columns of scores, two of three cells filled, one date out of place
    dates = ["2019.04", "2019.09", "2019.07", "2019.10", "2019.11", "2019.12"]
    header = "| Title | Date |" + " Score |" * scores + "\n|---|---|" + "---|" * scores + "\n"
    body = "".join(
        f"| P{i} | {date} |"
        + "".join(f" 0.{20 + i + c} |" if (i + c) % 3 else "  |" for c in range(scores))
        + "\n"
        for i, date in enumerate(dates)
    )
    (found,) = inference.infer(parse(header + body), Config()).tables
    results = scores >= RESULT_COLUMNS
    assert found.order.value == ("off" if results else "ascending")
    assert ("table of results" in found.order.detail) is results


def _tables(blank: int, plain: int, closing: bool = False) -> str:
    first, second = (
        "| [Paper A](https://a.org/1) | 2023.05 |\n",
        "| [Paper B](https://a.org/2) | 2023.06 |\n",
    )
    kept = f"{HEADER}{first}{second}|  |  |\n" if closing else f"{HEADER}{first}|  |  |\n{second}"
    return "\n".join([kept] * blank + [f"{HEADER}{first}{second}"] * plain)


@pytest.mark.parametrize(
    ("blank", "plain", "value"),
    [(2, 1, "yes"), (2, 2, "no"), (1, 0, "no"), (3, 2, "yes"), (0, 3, "no")],
)
def test_blank_rows_are_a_template_when_most_tables_and_two_keep_one(
    blank: int, plain: int, value: str
) -> None:
    found = read(_tables(blank, plain)).blank_rows
    assert found is not None and found.value == value
    assert numbers(found)[:2] == [blank, blank + plain]


@pytest.mark.parametrize(("blank", "plain", "value"), [(1, 3, "no"), (2, 4, "yes"), (3, 9, "yes")])
def test_blank_rows_closing_two_tables_are_a_template(blank: int, plain: int, value: str) -> None:
    # the slots a list keeps at the end of each year's table for the papers to come
    found = read(_tables(blank, plain, closing=True)).blank_rows
    assert found is not None and found.value == value
    assert numbers(found) == [blank, blank + plain, blank]


@pytest.mark.parametrize(
    ("pairs", "value"), [(REWORDED - 1, "no"), (REWORDED, "yes"), (REWORDED + 1, "yes")]
)
def test_titles_reworded_after_their_name_at_and_around_the_threshold(
    pairs: int, value: str
) -> None:
    rows = []
    for n in range(pairs):
        link = f"https://arxiv.org/abs/2401.0{n:04d}"
        rows.append(f"| [Agent{n}: Language Models as Collaborators]({link}) | 2024.01 |\n")
        rows.append(f"| [Agent{n}: LLM Collaborators for Medicine]({link}) | 2024.01 |\n")
    found = read(HEADER + "".join(rows)).reworded_titles
    assert found is not None and found.value == value
    assert numbers(found)[0] == pairs


def test_a_title_shortened_after_its_name_is_a_title_reworded() -> None:
    # AlphaEvolve's title with "scientific and" cut from its middle, three papers so
    rows = []
    for n in range(REWORDED):
        link = f"https://arxiv.org/abs/2401.0{n:04d}"
        long, short = "for scientific and algorithmic discovery", "for algorithmic discovery"
        rows.append(f"| [Agent{n}: a coding agent {long}]({link}) | 2024.01 |\n")
        rows.append(f"| [Agent{n}: a coding agent {short}]({link}) | 2024.01 |\n")
    found = read(HEADER + "".join(rows)).reworded_titles
    assert found is not None and found.value == "yes"
    assert numbers(found)[0] == REWORDED


@pytest.mark.parametrize(
    ("cells", "spelled"),
    [
        (("March 2023", "Oct. 2023"), frozenset()),  # once: a slip
        (("March 2023", "March. 2022", "Oct. 2023"), frozenset({3})),  # SPELLED_SHOWN times
        (("March 2023", "March 2022", "Mar. 2021", "Mar. 2020", "Mar. 2019"), frozenset()),
        (("June 2023", "June 2022", "Jun. 2021"), frozenset()),  # every style takes June
    ],
)
def test_months_the_list_writes_in_full(cells: tuple[str, ...], spelled: frozenset[int]) -> None:
    assert SPELLED_SHOWN == 2
    rows = "".join(f"| P{i} | {date} |\n" for i, date in enumerate(cells))
    assert read("| Title | Date |\n| --- | --- |\n" + rows).spelled_months == spelled


# --- links with no address and the proceedings' years (lint/link_columns.py, proceedings.py) ---


def _linking(linked: int, empty: int, other: int = 0) -> str:
    """A table whose Code column links ``linked`` rows, links ``empty`` to no address and
    holds plain text in ``other``."""
    head = "| Model | Code |\n| --- | --- |\n"
    cells = (
        [f"[code](https://github.com/a/b{n})" for n in range(linked)]
        + ["[repo]()"] * empty
        + ["-"] * other
    )
    return head + "".join(f"| Model {n} | {cell} |\n" for n, cell in enumerate(cells))


@pytest.mark.parametrize(
    ("linked", "empty", "other", "kept"),
    [
        # 8 of 10 rows link: LINKED_SHARE; 7 of 10 do not
        (8, 1, 1, True),
        (7, 1, 2, False),
        # rows linking to no address are at most the rest: 2 of 10 are, 3 of 15 too many
        (8, 2, 0, True),
        (12, 3, 0, True),
        (11, 3, 1, False),
        # MIN_LINKED rows at least
        (3, 0, 0, False),  # nothing to read: no link without an address
        (2, 1, 0, False),
        (3, 1, 0, False),  # 3 of 4 under the share
        (4, 1, 0, True),
    ],
)
def test_a_column_linking_nearly_every_row(linked: int, empty: int, other: int, kept: bool) -> None:
    assert (LINKED_SHARE, MIN_LINKED) == (0.8, 3)
    found = read(_linking(linked, empty, other)).tables[0].linked_columns
    assert bool(found) is kept
    if kept:
        ((column, count, rows),) = found
        assert (column, count, rows) == (1, linked, linked + empty + other)


@pytest.mark.parametrize(("rows", "slot"), [(2, False), (3, True)])
def test_a_text_linked_nowhere_in_slot_rows_rows_is_the_lists_slot(rows: int, slot: bool) -> None:
    assert SLOT_ROWS == 3
    tables = "\n".join(_linking(9, 1) for _ in range(rows))
    assert (read(tables).slot_links == frozenset({"repo"})) is slot


def _proceedings(agree: int, other: int) -> str:
    head = "| Title | Year |\n| --- | --- |\n"
    link = "https://proceedings.neurips.cc/paper/{}/hash/x{}.html"
    rows = [f"| [P{n}]({link.format(2020, n)}) | 2020 |" for n in range(agree)]
    rows += [f"| [Q{n}]({link.format(2020, n)}) | 2019 |" for n in range(other)]
    return head + "\n".join(rows) + "\n"


@pytest.mark.parametrize(
    ("agree", "other", "value"),
    [
        (9, 1, "follow"),  # PROCEEDINGS_SHARE: 9 of 10
        (8, 2, "free"),
        (5, 0, "follow"),  # MIN_ROWS
        (4, 0, None),
    ],
)
def test_a_list_dating_rows_by_their_proceedings_year(
    agree: int, other: int, value: str | None
) -> None:
    assert (PROCEEDINGS_SHARE, PROCEEDINGS_ROWS) == (0.9, 5)
    found = read(_proceedings(agree, other)).proceedings_years
    assert (found.value if found else None) == value
    if found is not None:
        assert numbers(found) == [agree, agree + other]
