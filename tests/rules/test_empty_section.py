"""empty-section: a heading with nothing under it, or a paper table without rows."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import empty_section
from tests.checking import run_rule

ONLY = Config(select=("empty-section",))
TABLE = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n| A | 2023.05 | a |\n"


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(empty_section, parse(markdown), ONLY)]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (f"## A\n{TABLE}", []),
        # a sub-heading is content
        (f"# List\n\n## A\n{TABLE}", []),
        # prose, a list, code: content
        ("## 贡献指南\n\n欢迎提交 PR。\n\n## License\n\n- MIT\n\n## Code\n\n```\nx\n```\n", []),
        ("## A\n\n## B\n" + TABLE, [(1, 1, "S001")]),
        ("## A\n" + TABLE + "\n### B\n\n\n## C\n" + TABLE, [(6, 1, "S001")]),
        # the last heading of the file
        (f"## A\n{TABLE}\n## B\n", [(6, 1, "S001")]),
        # a comment alone does not fill a section
        ("## A\n<!-- todo -->\n\n## B\n" + TABLE, [(1, 1, "S001")]),
        ("## A\n<!--\nmulti\n-->\ntext\n", []),
        # setext headings
        ("A\n===\n\nB\n---\ntext\n", []),
        # (a first-level one first in the file is its title: see the titles below)
        ("A\n---\n\nB\n---\ntext\n", [(1, 1, "S001")]),
        # a paper table without rows
        ("## A\n| 论文题目 | 发表时间 |\n| --- | --- |\n", [(2, 1, "S001")]),
        ("> | 论文题目 | 发表时间 |\n> | --- | --- |\n", [(1, 3, "S001")]),
        # a non-paper table without rows is just a table
        ("## A\n| 作者 | 机构 |\n| --- | --- |\n", []),
    ],
)
def test_empty_section(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == markdown


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # a notice written as a heading (a sentence) is no section to fill (issue 17)
        (f"# Survey\n\n### News: our paper is accepted by CVPR 2024.\n\n## A\n{TABLE}", []),
        (f"## A\n{TABLE}\n## Other tasks are coming soon!\n\n## B\n{TABLE}", []),
        # a heading saying its section is being written, under a section waiting for it
        (f"## A\n{TABLE}\n## Researchers\n### Coming Soon\n\n## B\n{TABLE}", []),
        # a way back to the top written as a heading, an emoji's name before it
        (f"## A\n{TABLE}\n### :arrow_heading_up: [Back to Top](#video-qa)\n\n## B\n{TABLE}", []),
        (f"## A\n{TABLE}\n### :rocket: [Top](#a) Models\n\n## B\n{TABLE}", [(6, 1, "S001")]),
        # a numbered heading whose subsections follow at its level, numbered under it
        (f"## A\n{TABLE}\n## 1. Related Works\n## 1.1 Pre-training\n{TABLE}", []),
        (f"## A\n{TABLE}\n## 1. Related Works\n## 2 Pre-training\n{TABLE}", [(6, 1, "S001")]),
        # ... but one a level off its numbered siblings is a slip of level: still reported
        (
            f"### 5.3 Fairness\n{TABLE}\n#### 5.4 Alignment\n#### 5.4.1 Modality\n{TABLE}"
            f"### 5.5 Safety\n{TABLE}",
            [(6, 1, "S001")],
        ),
        (f"## A\n{TABLE}\n## 数据集\n### 待更新\n\n## B\n{TABLE}", []),
        (f"## A\n{TABLE}\n## Researchers\n### Coming Papers\n\n## B\n{TABLE}", [(7, 1, "S001")]),
        # so is a report's long title
        (
            "### Summary of the First Workshop on Large Language and Vision Models for "
            f"Autonomous Driving (LLVM-AD)\n\n## A\n{TABLE}",
            [],
        ),
        # a heading that is itself a link is the entry
        (f"## A\n{TABLE}\n## [依存句法](https://example.org/dp.md)\n\n## B\n{TABLE}", []),
        # a heading pointing to its content elsewhere is no section to fill
        (
            f"## A\n{TABLE}\n### You can focus on MLLMs for UAV [here](https://github.com/o/r)\n\n"
            f"## B\n{TABLE}",
            [],
        ),
        (
            f"## A\n{TABLE}\n## Segmentation Loss Odyssey](https://github.com/J/SegLoss)\n\n"
            f"## B\n{TABLE}",
            [],
        ),
        # three empty headings side by side name topics; two are still reported
        (f"## Future\n\n#### Maps\n\n#### Agents\n\n#### Hardware\n\n## B\n{TABLE}", []),
        (
            f"## Future\n\n#### Maps\n\n#### Agents\n\n## B\n{TABLE}",
            [(3, 1, "S001"), (5, 1, "S001")],
        ),
        # a placeholder section is still reported, named as GitHub shows it
        (f"## A\n{TABLE}\n## **Talks** [↑](#top)\n\n## B\n{TABLE}", [(6, 1, "S001")]),
        # a bare ``##`` is drawn as a rule: a divider the list puts between sections
        (f"## A\n{TABLE}\n##\n\n## B\n{TABLE}", []),
        # the document's title above sections at its level names the page; a first heading
        # after text, or of a lower level, is still a section
        (f"# Awesome Chinese LLM\n\n# Datasets\n{TABLE}", []),
        (f"<!-- list -->\n# Awesome LLM\n# Datasets\n{TABLE}", []),
        (f"intro\n\n# Awesome LLM\n\n# Datasets\n{TABLE}", [(3, 1, "S001")]),
        (f"## Models\n\n## Datasets\n{TABLE}", [(1, 1, "S001")]),
        (f"# Awesome LLM\n{TABLE}\n# Models\n\n# Datasets\n{TABLE}", [(6, 1, "S001")]),
        # a sixth-level group writes its subsections at its own level: Markdown has no deeper
        (f"###### Selection\n\n###### Parameters\n{TABLE}", []),
        # a calendar keeps a heading for each month, filled or not
        (f"### Dec 2024\n{TABLE}\n### Nov 2024\n\n### Oct 2024\n{TABLE}", []),
        (f"## 2024\n{TABLE}\n## 2023\n\n## 2022\n{TABLE}", []),
        (f"### Dec 2024\n{TABLE}\n### Methods\n\n### Oct 2024\n{TABLE}", [(6, 1, "S001")]),
        (f"##### Selection\n\n##### Parameters\n{TABLE}", [(1, 1, "S001")]),
    ],
)
def test_headings_that_are_no_sections(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected


def test_the_message_names_the_heading_as_shown() -> None:
    problems = run_rule(
        empty_section, parse(f"## A\n{TABLE}\n## **Talks** 💻\n\n## B\n{TABLE}"), ONLY
    )
    assert [p.message for p in problems] == [
        'section "Talks 💻" holds nothing before the next heading at its level: add its entries '
        "or remove the heading; or, if the sections after it belong to it, make them ### headings"
    ]


@pytest.mark.parametrize(
    ("markdown", "group"),
    [
        # a heading whose followers at its level have content may be their group (issue 17,
        # item 7): the message names the level they would take
        (f"# List\n\n## 大模型\n\n## 多模态\n{TABLE}\n## 代码\n{TABLE}", True),
        # the last of its parent's sections, or of the file: simply empty
        (f"# List\n\n## A\n{TABLE}\n## 代码\n\n# Other\n\ntext\n", False),
        (f"## A\n{TABLE}\n## 代码\n", False),
    ],
)
def test_an_empty_heading_before_sections_at_its_level_may_be_their_group(
    markdown: str, group: bool
) -> None:
    (problem,) = run_rule(empty_section, parse(markdown), ONLY)
    assert ("make them ### headings" in problem.message) is group
    assert ("is empty" in problem.message) is not group


def test_a_figure_underlined_into_a_heading_is_its_sections_content() -> None:
    # ``---`` under an image line makes a setext heading of the figure: the section above
    # shows the figure, it is not empty
    figure = "## A Timeline\n\n![timeline](timeline.png)\n----------\n\n## Next\n\ntext\n"
    assert found(figure) == []
    linked = figure.replace("![timeline](timeline.png)", "[![t](t.png)](https://a.org)")
    assert found(linked) == []
    # a heading of words there leaves the section empty
    words = figure.replace("![timeline](timeline.png)", "Timeline")
    assert [line for line, *_ in found(words)] == [1, 3]  # both headings hold nothing


def test_a_tagline_above_the_lists_title_is_no_section() -> None:
    banner = "### The Most Powerful Arsenal\n\n## 乐园\n\ntext\n"
    assert found(banner) == []
    # below text, or above a heading of its own level, it is a section left empty
    assert [line for line, *_ in found("intro\n\n" + banner)] == [3]
    assert [line for line, *_ in found(banner.replace("## 乐园", "### 乐园"))] == [1]


def test_the_lists_title_below_an_editors_contents_marker_is_no_section() -> None:
    page = "[TOC]\n\n# Workspace of Reading Comprehension\n\n# Target\n\ntext\n"
    assert found(page) == []
    # below text of its own, the first heading is a section left empty
    assert [line for line, *_ in found("intro\n\n" + page)] == [5]


def test_a_stamp_of_the_lists_last_update_is_no_section() -> None:
    page = "# Daily papers\n\n## Updated on 2026.08.22\n\n## Defect Detection\n\ntext\n"
    assert found(page) == []
    # a heading naming a topic there is a section left empty
    topic = page.replace("Updated on 2026.08.22", "Segmentation")
    assert [line for line, *_ in found(topic)] == [3]


def test_the_lists_title_below_a_language_switch_is_no_section() -> None:
    page = "中文 | [English](README_en.md)\n# 医学影像数据集集锦\n# 前言\n\ntext\n"
    assert found(page) == []
    # below a sentence of its own, the first heading is a section left empty
    prose = page.replace(
        "中文 | [English](README_en.md)", "This list collects datasets, see [here](a.md)"
    )
    assert [line for line, *_ in found(prose)] == [2]


def test_a_heading_giving_a_label_and_its_value_is_a_second_line_of_the_title_above() -> None:
    # a reading group's term: its topic, then its time, then the table of the term
    table = "| Date | Topic |\n| --- | --- |\n| 11-12-20 | A paper |\n"
    term = "##### 2020 Dec | Text Generation\n##### Time: Friday 15:30\n\n"
    assert found(term + table) == []
    assert found("##### 2020 Dec | Text Generation\n##### 时间：周五\n\n" + table) == []
    # with nothing under the second line either, the term is empty
    assert [line for line, _, _ in found(term + "##### 2021 Jan | Other\n\n" + table)] == [1, 2]
    # two headings of one form (``Week 1: …``, ``Week 2: …``) are two sections
    weeks = "## Week 1: Intro\n## Week 2: Models\n\n" + table
    assert [line for line, _, _ in found(weeks)] == [1]


def test_a_heading_pointing_down_at_what_follows_is_a_banner() -> None:
    table = "| Title | Year |\n| --- | --- |\n| A paper | 2023 |\n"
    top = f"# Papers\n\n{table}\n"
    for banner in ("$\\downarrow$ Previous Version of this repo $\\downarrow$", "👇 Older papers"):
        assert found(f"{top}## {banner}\n# Archive\n\n{table}") == []
    # an arrow inside a name is no banner
    assert [line for line, _, _ in found(f"{top}## Up↓Down models\n# Archive\n\n{table}")] == [7]
