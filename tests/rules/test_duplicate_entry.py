"""duplicate-entry: the same paper twice, found by a normalised title, one hash per row."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.rules import duplicate_entry

ONLY = Config(select=("duplicate-entry",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in duplicate_entry.check(parse(markdown), config)]


SAME_TABLE = (
    f"{HEADER}| Paper A | 2023.05 | a |\n| Paper B | 2023.06 | b |\n|  Paper A |  2023.05 | a |\n"
)
TWO_SECTIONS = (
    f"## 多语言大模型\n{HEADER}| BigTrans: X | 2023.05 | a |\n\n"
    f"## 计算层优化\n{HEADER}| BigTrans: X | 2023.05 | a |\n| Other | 2023.06 | b |\n"
)


@pytest.mark.parametrize(
    ("markdown", "expected", "fixed"),
    [
        (f"{HEADER}| Paper A | 2023.05 | a |\n| Paper B | 2023.05 | b |\n", [], None),
        # exact duplicate in the same table (white space aside): safe fix removes the later row
        (
            SAME_TABLE,
            [(5, 4, "P001")],
            f"{HEADER}| Paper A | 2023.05 | a |\n| Paper B | 2023.06 | b |\n",
        ),
        # same title, different summary: unsafe only, so --fix leaves it
        (f"{HEADER}| Paper A | 2023.05 | a |\n| paper a | 2023.05 | b |\n", [(4, 3, "P001")], None),
        # across sections: unsafe only
        (TWO_SECTIONS, [(9, 3, "P001")], None),
        # punctuation, case, width, links and markup do not make a different paper
        (
            f"{HEADER}| PandaGPT: One Model | 2023.05 | a |\n"
            "| [PandaGPT:one  model](https://x.org/1) | 2023.05 | a |\n"
            "| **ＰａｎｄａＧＰＴ** `One` <b>Model</b> | 2023.05 | a |\n",
            [(4, 3, "P001"), (5, 3, "P001")],
            None,
        ),
        # the URL is not the identity: same link, different text
        (
            f"{HEADER}| [Paper A](https://x.org) | 2023.05 | a |\n"
            "| [Paper B](https://x.org) | 2023.05 | a |\n",
            [],
            None,
        ),
        # empty titles are empty-cell's business
        (f"{HEADER}|  | 2023.05 | a |\n|  | 2023.05 | a |\n", [], None),
    ],
)
def test_duplicate_entry(
    markdown: str, expected: list[tuple[int, int, str]], fixed: str | None
) -> None:
    assert found(markdown) == expected
    assert fix_text(markdown, config=ONLY).text == (fixed if fixed is not None else markdown)


def test_unsafe_fix_keeps_the_first_occurrence() -> None:
    result = fix_text(TWO_SECTIONS, config=ONLY, unsafe=True)
    assert result.text == (
        f"## 多语言大模型\n{HEADER}| BigTrans: X | 2023.05 | a |\n\n"
        f"## 计算层优化\n{HEADER}| Other | 2023.06 | b |\n"
    )


def test_fix_safety_and_removed_rows() -> None:
    (same,) = duplicate_entry.check(parse(SAME_TABLE), ONLY)
    (across,) = duplicate_entry.check(parse(TWO_SECTIONS), ONLY)
    assert same.fix_safety == "safe" and across.fix_safety == "unsafe"
    assert across.fix is not None
    assert across.fix.removed_rows == (("BigTrans: X", "2023.05", "a"),)


def test_message_names_first_line_and_section() -> None:
    (problem,) = duplicate_entry.check(parse(TWO_SECTIONS), ONLY)
    assert "line 4" in problem.message and "多语言大模型" in problem.message


def test_section_scope_only_compares_within_a_section() -> None:
    config = Config(select=("duplicate-entry",), duplicate_scope="section")
    assert found(TWO_SECTIONS, config) == []
    assert found(SAME_TABLE, config) == [(5, 4, "P001")]


def test_third_occurrence_names_the_first() -> None:
    markdown = f"{HEADER}| A | 2023.05 | a |\n| A | 2023.05 | b |\n| A | 2023.05 | c |\n"
    problems = list(duplicate_entry.check(parse(markdown), ONLY))
    assert [p.line for p in problems] == [4, 5]
    assert all("line 3" in p.message for p in problems)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "PandaGPT:One Model To Instruction-Follow Them All",
            "PandaGPT: One Model To Instruction-Follow Them All",
        ),
        ("[GPT-4 Technical Report](https://arxiv.org/abs/2303.08774)", "gpt-4 technical report"),
        ("大模型：综述", "大模型综述"),
        ("`LoRA`: Low-Rank Adaptation", "LoRA - Low Rank Adaptation"),
        ("Ｔｉｔｌｅ　Ａ", "title a"),
    ],
)
def test_title_key_equal(left: str, right: str) -> None:
    assert duplicate_entry.title_key(left) == duplicate_entry.title_key(right)


def test_title_key_differs_for_different_papers() -> None:
    assert duplicate_entry.title_key("GPT-4") != duplicate_entry.title_key("GPT-3")
