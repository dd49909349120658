"""arxiv-date: a date before its arXiv id's month, or another month where dates follow ids."""

from __future__ import annotations

import pytest

from lint import inference, proceedings
from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import arxiv_date
from tests.checking import run_rule

ONLY = Config(select=("arxiv-date",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def row(paper_id: str, date: str) -> str:
    return f"| [Paper {paper_id}](https://arxiv.org/abs/{paper_id}) | {date} | 摘要 |\n"


# nine rows dated their ids' months: with one more row, 90% follow their ids
FOLLOWING = "".join(row(f"240{month}.0000{month}", f"2024.0{month}") for month in range(1, 10))


def found(markdown: str) -> list[tuple[int, int, str, str | None]]:
    return [
        (p.line, p.column, p.code, p.fix_safety)
        for p in run_rule(arxiv_date, parse(markdown), ONLY)
    ]


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        # dated before the id's first version: reported in any table, unsafe fix to its month
        (
            HEADER + row("2406.01234", "2024.04"),
            [(3, 58, "P004", "unsafe")],
            HEADER + row("2406.01234", "2024.06"),
        ),
        # an old-style id gives its month too
        (
            HEADER + "| [Old](http://arxiv.org/abs/hep-th/9901001) | 1998.10 | 摘要 |\n",
            [(3, 48, "P004", "unsafe")],
            HEADER + "| [Old](http://arxiv.org/abs/hep-th/9901001) | 1999.01 | 摘要 |\n",
        ),
        # the month before the id's: a submission at the month's end takes the next month's id
        (HEADER + row("2406.01234", "2024.05"), [], None),
        (HEADER + row("2512.01018", "2025-11-30"), [], None),
        (HEADER + row("2601.00705", "2025-12-28"), [], None),
        # where the dates follow their ids, the month before is no end-of-month submission for
        # an id numbered past its month's first days: reported, unsafe fix to the id's month;
        # not for an early number, a free table, a year alone or an old-style id
        (
            HEADER + FOLLOWING + row("2409.09484", "2024.08"),
            [(12, 58, "P004", "unsafe")],
            HEADER + FOLLOWING + row("2409.09484", "2024.09"),
        ),
        # a day is copied, arXiv's own date among them: a held paper's is weeks before its id
        (HEADER + FOLLOWING + row("2409.09484", "2024-08-30"), [], None),
        (HEADER + FOLLOWING + row("2409.01484", "2024.08"), [], None),
        (
            HEADER + FOLLOWING + row("0905.2484", "2009.04"),
            [(12, 56, "P004", "unsafe")],
            HEADER + FOLLOWING + row("0905.2484", "2009.05"),
        ),
        (HEADER + FOLLOWING + row("0905.0484", "2009.04"), [], None),
        (HEADER + row("2409.09484", "2024.08"), [], None),
        (HEADER + FOLLOWING + row("2501.09484", "2024"), [], None),
        # later than the id, in a table whose dates are free: fine
        (HEADER + row("2406.01234", "2024.09"), [], None),
        # later than the id, in a table whose dates follow their ids: reported, no fix (it may
        # be a release or an update date)
        (HEADER + FOLLOWING + row("2406.01234", "2024.11"), [(12, 58, "P004", None)], None),
        # a day after the id's month, in a table whose dates follow their ids: a release or an
        # update, unless it is the id's month a year on: the year mistyped; no fix (the day)
        (HEADER + FOLLOWING + row("2406.01234", "2024-09-17"), [], None),
        (HEADER + FOLLOWING + row("2406.01234", "2025-06-17"), [(12, 58, "P004", None)], None),
        # in a table whose dates are free, a year on is a venue's date, as any later one
        (HEADER + row("2406.01234", "2025-06-17"), [], None),
        # in a MMM YYYY column the fix is written in that style
        (
            HEADER + row("2406.01234", "Mar 2024"),
            [(3, 58, "P004", "unsafe")],
            HEADER + row("2406.01234", "Jun 2024"),
        ),
        # a date with a day: the id cannot give the day, so no fix
        (HEADER + row("2406.01234", "2024-04-17"), [(3, 58, "P004", None)], None),
        # a year alone is checked by its year
        (HEADER + row("2406.01234", "2024"), [], None),
        # no id, or a date that cannot be read: nothing to check
        (HEADER + "| Paper | 2024.04 | 摘要 |\n" + row("2406.01234", "soon"), [], None),
    ],
)
def test_arxiv_date(
    markdown: str, expected: list[tuple[int, int, str, str | None]], fixed: str | None
) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == markdown  # nothing safe
    unsafe = fix_text(markdown, config=ONLY, unsafe=True).text
    assert unsafe == (fixed if fixed is not None else markdown)


def test_the_convention_is_inferred_from_most_rows() -> None:
    follow = parse(HEADER + FOLLOWING + row("2406.01234", "2024.11"))
    free = parse(HEADER + row("2401.00001", "2024.05") + row("2402.00009", "2024.08") + FOLLOWING)
    for doc, value in ((follow, "follow"), (free, "free")):
        (table,) = inference.infer(doc, Config()).tables
        assert table.arxiv_dates is not None and table.arxiv_dates.value == value


def test_a_day_precise_date_in_a_table_in_arxiv_id_order_is_the_generators() -> None:
    """A daily list generated from arXiv runs in id order and dates each paper by its
    submission: a paper held in moderation takes a later month's id (issue 17). The same rows
    in no id order are a hand list, where the date is checked."""
    header = "| Date | Title |\n| --- | --- |\n"

    def daily(paper_id: str, date: str) -> str:
        return f"| **{date}** | [Paper {paper_id}](http://arxiv.org/abs/{paper_id}) |\n"

    generated = [daily(f"2511.{30000 - n:05d}", f"2025-11-{28 - n:02d}") for n in range(24)]
    held = daily("2511.00500", "2025-09-16")
    in_id_order = header + "".join(generated[:12]) + held + "".join(generated[12:])
    assert found(in_id_order) == []
    by_hand = header + held + "".join(reversed(generated[:12])) + "".join(generated[12:])
    assert [line for line, _, _, _ in found(by_hand)] == [3]
    # a date in its id's month a year earlier is no generator's date: a year mistyped
    typo = daily("2511.00500", "2024-11-16")
    mistyped = header + "".join(generated[:12]) + typo + "".join(generated[12:])
    assert [line for line, _, _, _ in found(mistyped)] == [15]


def test_two_digit_years_first_are_their_ids_months() -> None:
    # ScienceQA's leaderboard writes YY-MM-DD; read as DD-MM-YY, 22-09-20 would be 2020, before
    # its id 2209.x, and every row would be reported
    dated = [("2209.09513", "22-09-20"), ("2305.03453", "23-05-05"), ("2303.16199", "23-03-28")]
    dated += [("2312.08762", "23-12-14"), ("2401.00012", "24-01-30")]
    assert found(HEADER + "".join(row(paper_id, date) for paper_id, date in dated)) == []


def test_a_date_several_rows_share_before_their_ids_is_an_events() -> None:
    # a challenge's leaderboard dates every entry by the challenge (SOTA-MedSeg's EMIDEC table):
    # rows with and without an arXiv id share the day, before the ids
    header = "| Date | Team | Paper |\n| --- | --- | --- |\n"
    rows = (
        "| 20201008 | Mediclouds | TBA |\n"
        "| 20201008 | Jun Ma | [arxiv](https://arxiv.org/abs/2012.15136) |\n"
        "| 20201008 | Yichi Zhang | TBA |\n"
    )
    assert found(header + rows) == []
    # a date one row alone gives, before its id, is still reported
    alone = rows.replace("| 20201008 | Mediclouds |", "| 20201009 | Mediclouds |").replace(
        "| 20201008 | Yichi Zhang |", "| 20201010 | Yichi Zhang |"
    )
    assert [line for line, *_ in found(header + alone)] == [4]


def test_the_ids_month_a_year_on_is_told_as_a_mistyped_year() -> None:
    doc = parse(HEADER + FOLLOWING + row("2304.14178", "2024-04-27"))
    (problem,) = run_rule(arxiv_date, doc, ONLY)
    assert "a year after arXiv 2304.14178 (2023.04)" in problem.message
    assert "check the year" in problem.message


def test_mistyped_years_do_not_hide_the_tables_way_and_themselves() -> None:
    # 9 rows dated their ids' months, 2 a year on, 1 otherwise: 9 of 12 is below 90%, but the
    # two slips are the id's month mistyped, and count so (at most a third of the rows)
    slips = row("2304.06716", "2024-04-13") + row("2308.12966", "2024-08-22")
    doc = parse(HEADER + FOLLOWING + slips + row("2306.00001", "2024-01-05"))
    (table,) = inference.infer(doc, Config()).tables
    assert table.arxiv_dates is not None and table.arxiv_dates.value == "follow"
    assert "(2 more a year on: the year mistyped)" in table.arxiv_dates.detail
    assert [line for line, *_ in found(HEADER + FOLLOWING + slips)] == [12, 13]
    # a table dating most papers a year after their ids dates them otherwise: no slips
    later = "".join(row(f"230{month}.0000{month}", f"2024-0{month}-01") for month in range(1, 10))
    (table,) = inference.infer(parse(HEADER + later + FOLLOWING[:200]), Config()).tables
    assert table.arxiv_dates is not None and table.arxiv_dates.value == "free"


@pytest.mark.parametrize(
    ("venue", "year", "reported"),
    [
        ("ACCV", "2018", False),  # the conference's year; the paper reached arXiv in 2019
        ("NeurIPS (Workshop)", "2017", False),  # two years before
        ("ICCV", "2016", True),  # three years before its id: more than a late posting
        ("arXiv", "2018", True),  # a preprint's year is its first version's
        ("-", "2018", True),
    ],
)
def test_a_venues_year_may_come_before_its_arxiv_id(venue: str, year: str, reported: bool) -> None:
    # Awesome-Human-Object-Relationship: | Paper | Venue | Year |, the ACCV 2018 paper linking
    # arXiv 1907.02364
    markdown = (
        "| Paper | Venue | Year |\n| --- | --- | --- |\n"
        f"| [Believe It or Not](http://arxiv.org/abs/1907.02364) | {venue} | {year} |\n"
    )
    assert bool(found(markdown)) is reported


def test_a_table_of_code_repositories_dates_each_repository() -> None:
    # AgentsMeetRL lists repositories (| Github Repo | Date | Paper Link |): OpenRLHF's code
    # came out in 2023.7, its paper (2405.11143) in 2024.5
    row_of = "| [OpenRLHF](https://github.com/x/OpenRLHF) | 2023.7 | [Paper]({}) |\n"
    paper = "https://arxiv.org/abs/2405.11143"
    repositories = "| Github Repo | Date | Paper Link |\n| --- | --- | --- |\n" + row_of.format(
        paper
    )
    assert found(repositories) == []
    # a paper's code in a Repo column after its title: the date is the paper's
    papers = (
        "| Title | Date | Repo |\n| --- | --- | --- |\n"
        f"| [OpenRLHF: An Easy-to-use RLHF Framework]({paper}) | 2023.7 | [code](https://g.x) |\n"
    )
    assert [line for line, _, _, _ in found(papers)] == [3]


def test_one_report_of_a_family_of_models_dates_each_model_by_its_release() -> None:
    # GLM-4v and CogVLM2 link one technical report: each row dates its model's release
    header = "| Model | Date |\n| --- | --- |\n"
    report = "https://arxiv.org/abs/2408.16500"
    family = f"| [GLM-4v]({report}) | 2024/06 |\n| [CogVLM2]({report}) | 2024/08 |\n"
    assert found(header + family) == []
    # one name written twice (``MoMa``, ``MoMA``) is one row pasted twice: its date is checked
    pasted = f"| [MoMa]({report}) | 2024/08 |\n| [MoMA]({report}) | 2024/06 |\n"
    assert [line for line, *_ in found(header + pasted)] == [4]
    # titles of two papers under one id are a copied link (duplicate-entry's): still checked
    papers = (
        f"| [Generating Images with Words]({report}) | 2024/08 |\n"
        f"| [A Benchmark of Visual Questions]({report}) | 2024/06 |\n"
    )
    assert [line for line, *_ in found(header + papers)] == [4]


def test_a_row_linking_a_later_version_may_be_dated_that_versions_month() -> None:
    def linked(version: str) -> str:
        link = f"https://arxiv.org/abs/2406.01234{version}"
        return HEADER + FOLLOWING + f"| [Paper]({link}) | 2024.11 | 摘要 |\n"

    assert found(linked("v3")) == []
    assert found(linked("v12")) == []
    assert [line for line, *_ in found(linked("v1"))] == [12]
    assert [line for line, *_ in found(linked(""))] == [12]


def test_a_year_alone_that_rows_share_is_no_events_date() -> None:
    # rows of one year share it by nature: the one dated before its id is still a wrong date
    header = "| Title | Venue | Year | Paper |\n| --- | --- | --- | --- |\n"
    rows = (
        "| Indexer | arXiv | 2023 | [Link](https://arxiv.org/abs/2405.16933) |\n"
        "| Graph of Records | ICLR | 2023 | [Link](https://openreview.net/forum?id=6LKm) |\n"
        "| KG-Retriever | arXiv | 2024 | [Link](https://arxiv.org/abs/2412.05547) |\n"
    )
    assert [line for line, *_ in found(header + rows)] == [3]


def test_new_years_day_in_many_rows_stands_for_a_year() -> None:
    # a bot writes a date known to its year as YYYY-01-01: 2024-01-01 for a June 2024 id is
    # no contradiction where the table writes January 1st that often
    header = "| Date | Title |\n| --- | --- |\n"
    ids = ["2206.01234", "2309.04321", "2411.00012", "2503.05555"]
    jan = "".join(
        f"| 20{i[:2]}-01-01 | [P{n}](https://arxiv.org/abs/{i}) |\n" for n, i in enumerate(ids)
    )
    days = "".join(
        f"| 2024-0{m}-1{m} | [Q{m}](https://arxiv.org/abs/240{m}.0100{m}) |\n" for m in range(2, 9)
    )
    assert found(header + jan + days) == []
    # one such date among days is that day, before its id
    one = "| 2024-01-01 | [P0](https://arxiv.org/abs/2406.01234) |\n"
    assert [line for line, *_ in found(header + one + days)] == [3]


NEURIPS = "https://proceedings.neurips.cc/paper/{year}/hash/{n}.html"


def venue_dated(*rows: tuple[int, int], style: str = "{year}") -> str:
    """A table of papers dated by their venue's year, each linking its NeurIPS proceedings
    page: ``rows`` are (date's year as written, proceedings' year)."""
    head = "| Title | Year | Venue |\n| --- | --- | --- |\n"
    return head + "".join(
        f"| [Paper {n}]({NEURIPS.format(year=linked, n=n)}) | {style.format(year=year)} | "
        f"NeurIPS |\n"
        for n, (year, linked) in enumerate(rows)
    )


def test_a_year_other_than_its_proceedings_where_the_list_dates_by_them_is_reported() -> None:
    rows = [(2019 + n % 4, 2019 + n % 4) for n in range(9)]
    # a year after its proceedings', and a year before them in a column of years alone
    assert [line for line, *_ in found(venue_dated(*rows, (2024, 2023)))] == [12]
    assert [line for line, *_ in found(venue_dated(*rows, (2022, 2023)))] == [12]
    # the proceedings' year: nothing to tell
    assert found(venue_dated(*rows, (2023, 2023))) == []


def test_a_list_not_dating_by_its_proceedings_years_is_not_held_to_them() -> None:
    # arXiv months a year before the venue's in two rows of nine: the list dates otherwise
    rows = [(2019 + n % 4, 2019 + n % 4 + (n < 2)) for n in range(9)]
    assert found(venue_dated(*rows, (2024, 2023))) == []
    # too few rows link proceedings to tell
    assert found(venue_dated((2020, 2020), (2021, 2021), (2024, 2023))) == []


def test_a_month_before_its_venues_year_is_an_arxiv_month_beside_venue_years() -> None:
    rows = [(2019 + n % 4, 2019 + n % 4) for n in range(9)]
    markdown = venue_dated(*rows, (2022, 2023), style="{year}.11")
    assert found(markdown) == []
    assert [line for line, *_ in found(venue_dated(*rows, (2024, 2023), style="{year}.11"))] == [12]


@pytest.mark.parametrize(
    ("address", "year"),
    [
        ("https://openaccess.thecvf.com/content/CVPR2023/papers/A_CVPR_2023_paper.pdf", 2023),
        ("https://openaccess.thecvf.com/content_cvpr_2018/html/A.html", 2018),
        ("https://papers.nips.cc/paper_files/paper/2022/hash/x-Abstract.html", 2022),
        ("https://aclanthology.org/2020.acl-main.1/", 2020),
        ("https://www.aclweb.org/anthology/D18-1004", 2018),
        ("https://aclanthology.org/H90-1021", 1990),
        ("https://www.ecva.net/papers/eccv_2022/papers_ECCV/html/x.php", 2022),
        ("https://www.ijcai.org/proceedings/2021/0123.pdf", 2021),
        ("https://arxiv.org/abs/2301.00001", None),
        (
            "https://aclanthology.org/2020.acl-main.1/ https://aclanthology.org/2021.acl-long.2/",
            None,
        ),
    ],
)
def test_the_year_a_proceedings_address_names(address: str, year: int | None) -> None:
    assert proceedings.year(address) == year


def test_an_earlier_version_linked_after_the_paper_and_labelled_by_its_venue_is_not_read() -> None:
    cvpr = "https://openaccess.thecvf.com/content_cvpr_2018/papers/B.pdf"
    journal = "https://link.springer.com/article/10.1007/s11263-020-01301-6"
    # an IJCV paper of 2020 naming its CVPR 2018 version as such: the row's own year is 2020
    assert proceedings.year(f"[Paper]({journal})/[CVPR18]({cvpr})") is None
    # the proceedings as the row's own link, or labelled otherwise, give their year
    assert proceedings.year(f"[CVPR18]({cvpr})") == 2018
    assert proceedings.year(f"[Paper]({journal})/[PDF]({cvpr})") == 2018
    assert proceedings.year(f"[Paper]({journal})/[ECCV18]({cvpr}) {cvpr}") == 2018
