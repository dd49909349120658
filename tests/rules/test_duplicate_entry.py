"""duplicate-entry: one paper twice, by arXiv id, DOI, paper link or title; variants apart."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.paper_index import Scope
from lint.rules import duplicate_entry
from tests.checking import run_rule

ONLY = Config(select=("duplicate-entry",))
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
# a table with no date column: a title column and paper links are enough
LINKS = "| Title | Paper | Code |\n| --- | --- | --- |\n"
MODELS = "| 模型 | 大小 | 时间 | 领域 | 链接 |\n| --- | --- | --- | --- | --- |\n"
ARXIV = "https://arxiv.org/abs/2407.02490"


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(duplicate_entry, parse(markdown), config)]


def safety(markdown: str) -> list[str | None]:
    return [p.fix_safety for p in run_rule(duplicate_entry, parse(markdown), ONLY)]


SAME_TABLE = (
    f"{HEADER}| Paper A | 2023.05 | 一种新的方法 |\n| Paper B | 2023.06 | 另一种方法 |\n"
    "|  Paper A |  2023.05 | 一种新的方法 |\n"
)
TWO_SECTIONS = (
    f"## 多语言大模型\n{HEADER}| BigTrans: X | 2023.05 | 多语言模型 |\n\n"
    f"## 计算层优化\n{HEADER}| BigTrans: X | 2023.05 | 多语言模型 |\n| Other | 2023.06 | 其他 |\n"
)


@pytest.mark.parametrize(
    ("markdown", "expected", "fixes", "fixed"),
    [
        (f"{HEADER}| Paper A | 2023.05 | 方法甲 |\n| Paper B | 2023.05 | 方法乙 |\n", [], [], None),
        # an identical row of the same table, white space aside: removed by a safe fix
        (
            SAME_TABLE,
            [(5, 4, "P001")],
            ["safe"],
            f"{HEADER}| Paper A | 2023.05 | 一种新的方法 |\n| Paper B | 2023.06 | 另一种方法 |\n",
        ),
        # same title, a summary of its own: reported, no fix (it carries information)
        (
            f"{HEADER}| Paper A | 2023.05 | 一种新的推理加速方法 |\n"
            "| paper a | 2023.05 | 另一段不同的内容简介 |\n",
            [(4, 3, "P001")],
            [None],
            None,
        ),
        # across sections, nothing new in the later row: unsafe only
        (TWO_SECTIONS, [(9, 3, "P001")], ["unsafe"], None),
        # one arXiv id under two tags and two affiliations: the same paper under two titles
        (
            f"{LINKS}| [**MInference 1.0**] MInference 1.0: Pre-filling(@Microsoft) "
            f"| [[pdf]]({ARXIV}) | x |\n"
            "| [**MInference**] MInference 1.0: Pre-filling(@Microsoft etc) "
            "| [[pdf]](https://arxiv.org/pdf/2407.02490v2) | x |\n",
            [(4, 3, "P001")],
            [None],
            None,
        ),
        # bracketed tags, badges and <br> aside, the titles match: a duplicate
        (
            f"{LINKS}| ![Star](https://img.shields.io/github/stars/a/b) <br> [**Title X**]"
            f"({ARXIV}) | | |\n| [Title X](https://arxiv.org/html/2407.02490v1) | | |\n",
            [(4, 3, "P001")],
            ["unsafe"],
            None,
        ),
        # the same title with two different arXiv ids: a conflict, no fix
        (
            f"{LINKS}| Title X | [pdf](https://arxiv.org/abs/2401.00001) | |\n"
            "| Title X | [pdf](https://arxiv.org/abs/2402.00002) | |\n",
            [(4, 3, "P001")],
            [None],
            None,
        ),
        # DOI and other paper links normalised: scheme, www., trailing slash, .pdf
        (
            f"{LINKS}| Paper A | [doi](https://doi.org/10.1145/3580305.3599256) | |\n"
            "| Paper B | [pdf](https://dl.acm.org/doi/pdf/10.1145/3580305.3599256) | |\n"
            "| Paper C | [pdf](https://www.nature.com/articles/s41586-021-04086-x.pdf) | |\n"
            "| Paper D | [web](http://nature.com/articles/s41586-021-04086-x/) | |\n",
            [(4, 3, "P001"), (6, 3, "P001")],
            [None, None],
            None,
        ),
        # code, badges and home pages are not the paper: no identity shared
        (
            f"{LINKS}| Paper A | [site](https://example.org/) | [c](https://github.com/o/r) |\n"
            "| Paper B | [site](https://example.org) | [c](https://github.com/o/r) |\n",
            [],
            [],
            None,
        ),
        # variants of one model: a size or a task tells them apart; the same variant twice not
        (
            f"{MODELS}| XVERSE-MoE | 255B/A36B | 2024-09 | 通用 | [Paper]({ARXIV}) |\n"
            f"| XVERSE-MoE | A4.2B/25.8B | 2024-05 | 通用 | [Paper]({ARXIV}) |\n"
            f"| Qwen-2.5 | 7B | 2024-09 | 代码 | |\n| Qwen-2.5 | 7B | 2024-09 | 数学 | |\n"
            f"| XVERSE-MoE | A4.2B/25.8B | 2024-05 | 通用 | [Paper]({ARXIV}) |\n",
            [(7, 3, "P001")],
            ["safe"],
            f"{MODELS}| XVERSE-MoE | 255B/A36B | 2024-09 | 通用 | [Paper]({ARXIV}) |\n"
            f"| XVERSE-MoE | A4.2B/25.8B | 2024-05 | 通用 | [Paper]({ARXIV}) |\n"
            f"| Qwen-2.5 | 7B | 2024-09 | 代码 | |\n| Qwen-2.5 | 7B | 2024-09 | 数学 | |\n",
        ),
        # a name and that name extended are two models of one paper
        (
            f"{MODELS}| vicuna-V1.5 | 7/13B | 2023-08 | 通用 | [Paper]({ARXIV}) |\n"
            f"| vicuna-V1.5-16K | 7/13B | 2023-08 | 通用 | [Paper]({ARXIV}) |\n",
            [],
            [],
            None,
        ),
        # a link in prose citing other work is not the row's paper
        (
            f"{HEADER}| Paper A | 2023.05 | 基于 [LLaMA]({ARXIV}) 的指令微调方法 |\n"
            f"| Paper B | 2023.06 | 同样基于 [LLaMA]({ARXIV}) 的对齐方法 |\n",
            [],
            [],
            None,
        ),
        # empty titles are empty-cell's business
        (f"{HEADER}|  | 2023.05 | a |\n|  | 2023.05 | a |\n", [], [], None),
    ],
)
def test_duplicate_entry(
    markdown: str, expected: list[tuple[int, int, str]], fixes: list[str | None], fixed: str | None
) -> None:
    assert found(markdown) == expected
    assert safety(markdown) == fixes
    assert fix_text(markdown, config=ONLY).text == (fixed if fixed is not None else markdown)


def test_unsafe_fix_keeps_the_first_occurrence() -> None:
    result = fix_text(TWO_SECTIONS, config=ONLY, unsafe=True)
    assert result.text == (
        f"## 多语言大模型\n{HEADER}| BigTrans: X | 2023.05 | 多语言模型 |\n\n"
        f"## 计算层优化\n{HEADER}| Other | 2023.06 | 其他 |\n"
    )


def test_unsafe_fix_never_removes_a_variant_or_a_row_with_more() -> None:
    markdown = (
        f"{MODELS}| XVERSE-MoE | 255B/A36B | 2024-09 | 通用 | [Paper]({ARXIV}) |\n"
        f"| XVERSE-MoE | A4.2B/25.8B | 2024-05 | 通用 | [Paper]({ARXIV}) |\n"
        "| Alaya | 7B | 2023-12 | 通用 | [HF](https://huggingface.co/DataCanvas) |\n"
        "| Alaya | 7B | 2023-11 | 通用 | [HF](https://huggingface.co/DataCanvas/Alaya-7B) |\n"
    )
    assert found(markdown) == [(6, 3, "P001")]
    assert fix_text(markdown, config=ONLY, unsafe=True).text == markdown


def test_fix_declares_the_removed_row() -> None:
    (across,) = run_rule(duplicate_entry, parse(TWO_SECTIONS), ONLY)
    assert across.fix is not None
    assert across.fix.removed_rows == (("BigTrans: X", "2023.05", "多语言模型"),)


def test_section_scope_only_compares_within_a_section() -> None:
    config = Config(select=("duplicate-entry",), duplicate_scope="section")
    assert found(TWO_SECTIONS, config) == []
    assert found(SAME_TABLE, config) == [(5, 4, "P001")]


def test_third_occurrence_names_the_first() -> None:
    markdown = (
        f"{HEADER}| A | 2023.05 | 第一种推理加速方法 |\n| A | 2023.05 | 第二种推理加速方法 |\n"
        "| A | 2023.05 | 第三种推理加速方法 |\n"
    )
    problems = list(run_rule(duplicate_entry, parse(markdown), ONLY))
    assert [p.line for p in problems] == [4, 5]
    assert all("line 3" in p.message for p in problems)


def test_a_later_file_is_reported_against_the_earlier_one() -> None:
    scope = Scope()
    first = parse(f"{HEADER}| Paper A | 2023.05 | 方法甲 |\n", "a.md")
    later = parse(f"# B\n{HEADER}| [Paper A]({ARXIV}) | 2023.05 | 方法甲 |\n", "b.md")
    assert list(run_rule(duplicate_entry, first, ONLY, scope)) == []
    (problem,) = run_rule(duplicate_entry, later, ONLY, scope)
    assert (problem.line, problem.code, problem.fix) == (4, "P001", None)
    assert "a.md:3" in problem.message
    # checking a file again (a fix's next pass) does not find it in itself
    assert list(run_rule(duplicate_entry, first, ONLY, scope)) == []


def test_many_rows_with_one_title_stay_linear() -> None:
    rows = "".join(f"| Model | {size}B | 2024-01 | 通用 | |\n" for size in range(3000))
    assert found(MODELS + rows) == []
