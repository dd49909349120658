"""Column roles by header name or configuration."""

from __future__ import annotations

import pytest

from lint.columns import (
    Roles,
    header_key,
    name_column,
    names_no_paper,
    roles,
    roles_of,
    venue_column,
)
from lint.config import Config
from lint.document import Table, parse


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (("论文题目", "发表时间", "内容简介"), Roles(0, 1)),
        (("内容简介", "时间", "题目"), Roles(2, 1)),
        (("TITLE", "Date"), Roles(0, 1)),
        (("Ｔｉｔｌｅ", "Ｙｅａｒ"), Roles(0, 1)),
        (("📅 年份", "**标题**"), Roles(1, 0)),
        (("年份", "标题 (Title)", "会议/期刊"), Roles(1, 0)),
        (("Date", "Title", "Paper", "Code"), Roles(1, 0)),
        (("Name", "Release Date", "Paper/Blog"), Roles(0, 1)),
        (("Paper", "Published"), Roles(0, 1)),
        (("作者", "机构"), Roles(None, None)),
        (("论文题目", "内容简介"), Roles(0, None)),
        # a Chinese compound ends with its noun: an article's title is a title
        (("文章标题", "链接", "发布时间", "中文简介"), Roles(0, 2)),
        # an article's name (a bot's arXiv table: 发布日期 | 文章名 | 第一作者 | 链接)
        (("发布日期", "文章名", "第一作者", "链接"), Roles(1, 0)),
        # a date so named is another thing's (a dataset's last update), no paper's date
        (("标题", "更新日期"), Roles(0, None)),
        # a model each row uses is no row's name
        (("DR Agent", "API", "Base Model"), Roles(None, None)),
        (("Method", "Backbone Model", "Date"), Roles(None, 2)),
        (("方法", "基座模型", "时间"), Roles(None, 2)),
        (("Model", "Base Model", "Date"), Roles(0, 2)),
        # ... or cites: a benchmark's related paper
        (("#", "Benchmark", "时间", "关联论文"), Roles(None, 2)),
        (("Tool", "Related Paper", "Year"), Roles(None, 2)),
        # a month, a publication year, and dates in Korean and Japanese
        (("Month", "Paper", "Venue"), Roles(1, 0)),
        (("论文题目", "发表年份"), Roles(0, 1)),
        (("논문 제목", "발행 연월", "발표처"), Roles(0, 1)),
        # titles and years in other languages
        (("Название", "Год", "Авторы", "Ссылка"), Roles(0, 1)),
        (("Título", "Año"), Roles(0, 1)),
        (("Titre", "Année"), Roles(0, 1)),
        (("Titel", "Jahr"), Roles(0, 1)),
        (("論文タイトル", "発表年"), Roles(0, 1)),
        (("Tiêu đề", "Năm"), Roles(0, 1)),
        # a Data column holds datasets, no date
        (("Title", "Data"), Roles(0, None)),
        (("Title", "日付"), Roles(0, 1)),
    ],
)
def test_roles_by_name(header: tuple[str, ...], expected: Roles) -> None:
    assert roles_of(header, None, None) == expected


def test_paper_table_needs_both_roles() -> None:
    assert roles_of(("论文题目", "发表时间"), None, None).is_paper
    assert not roles_of(("论文题目", "备注"), None, None).is_paper


@pytest.mark.parametrize(
    ("title_column", "date_column", "expected"),
    [
        (None, "备注", Roles(0, 2)),
        (None, 3, Roles(0, 2)),
        ("作者", None, Roles(1, None)),
        (2, 9, Roles(1, None)),
        # a setting naming no column here applies elsewhere: here the columns go by name
        # (issue 21: it never turns a rule off in the tables it does not match)
        ("missing", "missing", Roles(0, None)),
    ],
)
def test_configured_roles(
    title_column: str | int | None, date_column: str | int | None, expected: Roles
) -> None:
    assert roles_of(("论文题目", "作者", "备注"), title_column, date_column) == expected


def test_configured_name_is_matched_loosely() -> None:
    assert roles_of(("论文题目", "**Author**", "备注"), "ＡＵＴＨＯＲ", None) == Roles(1, None)


def test_header_key_folds_width_case_and_markup() -> None:
    assert header_key(" **Ｐａｐｅｒ  Title** ") == "paper title"
    assert header_key("📅 年份") == "年份"


def _table(header: str, *rows: str) -> Table:
    width = header.count("|") - 1
    text = header + "\n" + "|---" * width + "|\n" + "".join(row + "\n" for row in rows)
    (table,) = parse(text).tables
    return table


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # the paper is where its link is: Publication wins over Name
        (
            _table(
                "| Name | Date | Publication |",
                "| M1 | 2023.01 | [Scaling laws for M1](https://arxiv.org/abs/2301.00001) |",
                "| M2 | 2023.02 | [Training M2 well](https://arxiv.org/abs/2302.00002) |",
            ),
            Roles(2, 1),
        ),
        # a repeated link label is no title: Name stays
        (
            _table(
                "| Name | Date | Paper |",
                "| M1 | 2023.01 | [Paper](https://arxiv.org/abs/2301.00001) |",
                "| M2 | 2023.02 | [Paper](https://arxiv.org/abs/2302.00002) |",
            ),
            Roles(0, 1),
        ),
        # an explicit Title column beats a Paper column of linked names (issue 17)
        (
            _table(
                "| Abbreviation | Title | Paper |",
                "| SatMAE | **Pre-training** | [SatMAE](https://arxiv.org/abs/2301.00001) |",
                "| GEO | **GEO-Bench: Toward Models** | [GEO](https://arxiv.org/abs/2302.00002) |",
            ),
            Roles(1, None),
        ),
        # the only title-named column repeats venues: the column of linked names names rows
        (
            _table(
                "| Shortname | Year | Publication |",
                "| [KITTI](https://a.example/kitti) | 2013 | IJRR |",
                "| [EuRoC](https://a.example/euroc) | 2016 | IJRR |",
                "| [TUM RGB-D](https://a.example/tum) | 2012 | IROS |",
                "| [Rawseeds](https://a.example/raw) | 2009 | IROSW |",
                "| [Newer](https://a.example/newer) | 2010 | IROSW |",
            ),
            Roles(0, 1),
        ),
        # ... but a column of links labelled alike still holds each row's paper
        (
            _table(
                "| Github Repo | Date | Paper Link |",
                "| [siiRL](https://g.io/siirl) | 2025.6 | [Paper](https://arxiv.org/abs/2507.1) |",
                "| [slime](https://g.io/slime) | 2025.6 | [Paper](https://arxiv.org/abs/2508.2) |",
                "| [AReaL](https://g.io/areal) | 2025.5 | [Paper](https://arxiv.org/abs/2505.3) |",
            ),
            Roles(2, 1),
        ),
        # ... as does a Paper column linking a few rows by one label, each its own paper's
        (
            _table(
                "| Source | Description | Paper |",
                "| [AgentBench](https://g.io/ab) | A | [arXiv](https://arxiv.org/abs/2308.03688) |",
                "| [AgentSims](https://g.io/as) | B | [arXiv](https://arxiv.org/abs/2308.04026) |",
                "| [Cat Town](https://g.io/cat-town) | A simulation | |",
                "| [AutoGen](https://g.io/autogen) | A framework | |",
                "| [Biomes](https://g.io/biomes) | A game | |",
            ),
            Roles(0, None),
        ),
        # ... and stays the title where its cells read differently, or no column links names
        (
            _table(
                "| Shortname | Year | Publication |",
                "| KITTI | 2013 | IJRR |",
                "| EuRoC | 2016 | IJRR |",
                "| TUM RGB-D | 2012 | IROS |",
            ),
            Roles(2, 1),
        ),
        # headers the name list now knows: 内容, 工作
        (_table("| 公司 | 内容 | 时间 |", "| A | 一篇文章 | 2023-01-02 |"), Roles(1, 2)),
        (_table("| 工作 | 年份 |", "| X | 2023 |"), Roles(0, 1)),
        # no title name at all: the column carrying distinct links in most rows
        (
            _table(
                "| Date | Which | Notes |",
                "| 2023.01 | [Alpha](https://a.example/1) | n |",
                "| 2023.02 | [Beta](https://a.example/2) | n |",
            ),
            Roles(1, 0),
        ),
        # links folded into <details> are a row's resources, no title
        (
            _table(
                "| Game | Year | Analysis |",
                "| Quake | 1996 | <details><summary>+</summary>[DF](https://a.b/1)</details> |",
                "| Doom | 2016 | <details><summary>+</summary>[Blog](https://a.b/2)</details> |",
            ),
            Roles(None, 1),
        ),
        # ... as are links shown as their addresses, whatever their number
        (
            _table(
                "| Benchmark | Year | Link |",
                "| **MLE** | 2024 | [github.com/openai/mle](https://github.com/openai/mle) |",
                "| **Gym** | 2025 | [g.io/Gym](https://g.io/Gym) · [arxiv.org](https://a.io) |",
                "| **Core** | 2024 | [https://core.example/](https://core.example/) |",
            ),
            Roles(None, 1),
        ),
        # ... but a name beside an address names its row
        (
            _table(
                "| Benchmark | Year | Link |",
                "| **MLE** | 2024 | [MLE-bench](https://github.com/openai/mle) |",
                "| **Gym** | 2025 | [g.io/Gym](https://g.io/Gym) · [MLGym](https://arxiv.org) |",
            ),
            Roles(2, 1),
        ),
    ],
)
def test_title_by_content(table: Table, expected: Roles) -> None:
    assert roles(table, Config()) == expected


@pytest.mark.parametrize(
    ("header", "name", "venue"),
    [
        ("| Name | Paper | Date | Venue |", 0, 3),
        ("| Title | Model | Date | Code | Venue |", 1, 4),
        ("| Abbreviation | Title | Publication | Paper |", 0, 2),
        ("| 模型 | 大小 | 时间 | 文献 |", 0, None),
        ("| 标题 | 时间 | 会议/期刊 |", None, 2),
        ("| Title | Date | Code |", None, None),
        # a header saying its names are linked still names them
        ("| Name & Link | Models | Release Date | Journal |", 0, 3),
        ("| Dataset (URL) | Paper | Date |", 0, None),
        ("| Paper Link | Date |", None, None),
        # an acronym names a dataset; a paper accepted at a venue appeared there
        ("| Year | Acronym | Paper |", 1, None),
        ("| Method | Year | Accepted at | Paper |", 0, 2),
        # the proceedings a paper appeared in are its venue
        ("| Year | Proceeding | Title | Comment |", None, 1),
    ],
)
def test_name_and_venue_columns_by_header(header: str, name: int | None, venue: int | None) -> None:
    table = _table(header, "|" + " x |" * (header.count("|") - 1))
    table_roles = roles(table, Config())
    assert name_column(table, table_roles) == name
    assert venue_column(table, table_roles) == venue


def test_a_name_header_over_link_labels_names_no_row() -> None:
    # a ``Project`` column of ``[Project](…) / [Code](…)`` labels each row's links
    header = "| Title | Year | Project |"
    labels = _table(header, *(f"| P{n} | 2025 | [Project](https://p.io/{n}) |" for n in range(3)))
    names = _table(header, *(f"| P{n} | 2025 | [Tool{n}](https://p.io/{n}) |" for n in range(3)))
    for table, name in ((labels, None), (names, 2)):
        assert name_column(table, roles(table, Config())) == name


def test_a_source_column_names_venues_only_where_its_cells_may() -> None:
    header = "| Year | Source | Acronym | Paper |"
    kinds = _table(header, "| 2017 | Real | A | P1 |", "| 2018 | Synthetic | B | P2 |")
    venues = _table(header, "| 2017 | CVPR 2017 | A | P1 |", "| 2018 | arXiv | B | P2 |")
    for table, venue in ((kinds, None), (venues, 1)):
        assert venue_column(table, roles(table, Config())) == venue


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Code", True),
        ("Demo", True),
        ("Code / Project URL", True),
        ("下载", True),
        # a paper's supplementary material and a dataset's licence are no paper either
        ("Supplementaries", True),
        ("License", True),
        ("Paper/Blog", False),
        ("Paper & Code", False),
        ("Links", False),
        ("链接", False),
    ],
)
def test_columns_whose_links_are_not_the_paper(header: str, expected: bool) -> None:
    assert names_no_paper(header) is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # runs of openers that never close: once rescanned to the end from each opener
        ("论文题目" + "<" * 40_000, "论文题目"),
        ("Title" + "](" * 40_000, "title"),
        ("Title" + "<!--" * 20_000, "title"),
        ("Title" + "<" * 40_000 + ">", "title"),
        ("[Title](https://a.b/c) <br> **x**", "title x"),
    ],
)
def test_header_key_reads_runs_of_openers(header: str, expected: str) -> None:
    assert header_key(header) == expected


def test_header_key_drops_markup_as_its_regular_expression_did() -> None:
    import random
    import re

    reference = re.compile(r"<[^>]*>|\]\([^)]*\)|[*_`~\[\]!#]")
    from lint.columns import _strip_markup

    draw = random.Random(0)
    for _ in range(5_000):
        text = "".join(draw.choice("<>]()*_`~[!#a \n") for _ in range(draw.randint(0, 12)))
        assert _strip_markup(text) == reference.sub(" ", text), text


def test_venues_under_every_title_name_leave_the_title_to_a_column_naming_each_row() -> None:
    venues = ["RAL", "ICRA", "RAL", "IROS", "ICRA"]
    body = "".join(
        f"| Paper number {n} | Wheel | 2023 | {venue} | [Link](https://example.org/{n}) |\n"
        for n, venue in enumerate(venues)
    )
    markdown = "| Algorithm | Kind | Date | Publication | Paper Link |\n" + "| --- " * 5 + "|\n"
    table = parse(markdown + body).tables[0]
    assert roles(table, Config()) == Roles(0, 2)
    # a column of distinct venue names under Publication is still the title
    distinct = body.replace("| RAL |", "| Paper A |", 1).replace("| ICRA |", "| Paper B |", 1)
    distinct = distinct.replace("| RAL |", "| Paper C |").replace("| ICRA |", "| Paper D |")
    assert roles(parse(markdown + distinct).tables[0], Config()) == Roles(3, 2)
