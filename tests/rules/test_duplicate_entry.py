"""duplicate-entry: a row pasted twice in its table; one paper under two titles, dates, venues or
ids anywhere; repeats across sections only where the list does not cross-list; a row is its
table's entity (a named dataset, a tool), placeholders are no titles."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.paper_index import Scope
from lint.rules import duplicate_entry
from tests.checking import run_rule

ONLY = Config(select=("duplicate-entry",))
DOCUMENT = Config(select=("duplicate-entry",), duplicate_scope="document")
HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
# a table with no date column: a title column and paper links are enough
LINKS = "| Title | Paper | Code |\n| --- | --- | --- |\n"
MODELS = "| 模型 | 大小 | 时间 | 领域 | 链接 |\n| --- | --- | --- | --- | --- |\n"
VENUES = "| Title | Venue | Date |\n| --- | --- | --- |\n"
DATASETS = "| Name | Paper | Date |\n| --- | --- | --- |\n"
ARXIV = "https://arxiv.org/abs/2407.02490"
OTHER = "https://arxiv.org/abs/2401.00001"
REVIEW = "https://ritvik19.medium.com/papers-explained-review-08-recurrent-layers-ff2f224af059"


def found(markdown: str, config: Config = ONLY) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in run_rule(duplicate_entry, parse(markdown), config)]


def safety(markdown: str, config: Config = ONLY) -> list[str | None]:
    return [p.fix_safety for p in run_rule(duplicate_entry, parse(markdown), config)]


def messages(markdown: str, config: Config = ONLY) -> list[str]:
    return [p.message for p in run_rule(duplicate_entry, parse(markdown), config)]


def section(title: str, header: str, *rows: str) -> str:
    return f"## {title}\n{header}{''.join(rows)}\n"


SAME_TABLE = (
    f"{HEADER}| Paper A | 2023.05 | 一种新的方法 |\n| Paper B | 2023.06 | 另一种方法 |\n"
    "|  Paper A |  2023.05 | 一种新的方法 |\n"
)
BIGTRANS = f"| [BigTrans: Augmenting LLMs]({ARXIV}) | 2023.05 | 多语言模型 |\n"
# one paper under two sections with the same data: the list cross-lists
TWO_SECTIONS = section("多语言大模型", HEADER, BIGTRANS) + section(
    "计算层优化", HEADER, BIGTRANS, "| Other paper | 2023.06 | 其他 |\n"
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
        # same title in one table, a summary of its own: reported, no fix (it carries more)
        (
            f"{HEADER}| Paper A | 2023.05 | 一种新的推理加速方法 |\n"
            "| paper a | 2023.05 | 另一段不同的内容简介 |\n",
            [(4, 3, "P001")],
            [None],
            None,
        ),
        # the same paper under two sections with the same data: the list cross-lists, silent
        (TWO_SECTIONS, [], [], None),
        # one arXiv id under two tags and two affiliations: one paper in one table
        (
            f"{LINKS}| [**MInference 1.0**] MInference 1.0: Pre-filling(@Microsoft) "
            f"| [[pdf]]({ARXIV}) | x |\n"
            "| [**MInference**] MInference 1.0: Pre-filling(@Microsoft etc) "
            "| [[pdf]](https://arxiv.org/pdf/2407.02490v2) | x |\n",
            [(4, 3, "P001")],
            [None],
            None,
        ),
        # bracketed tags, badges and <br> aside, the titles match: the later adds nothing
        (
            f"{LINKS}| ![Star](https://img.shields.io/github/stars/a/b) <br> [**Title X**]"
            f"({ARXIV}) | | |\n| [Title X](https://arxiv.org/html/2407.02490v1) | | |\n",
            [(4, 3, "P001")],
            ["unsafe"],
            None,
        ),
        # the same title with two different arXiv ids: a conflict, no fix
        (
            f"{LINKS}| Title of the first paper | [pdf]({OTHER}) | |\n"
            "| Title of the first paper | [pdf](https://arxiv.org/abs/2402.00002) | |\n",
            [(4, 3, "P001")],
            [None],
            None,
        ),
        # a short name under two ids is two entries, not a conflict
        (
            f"{LINKS}| MoCo | [pdf]({OTHER}) | |\n"
            "| MoCo | [pdf](https://arxiv.org/abs/2402.00002) | |\n",
            [],
            [],
            None,
        ),
        # DOI and other paper links normalised: scheme, www., trailing slash, .pdf
        (
            f"{LINKS}| Paper A on graphs | [doi](https://doi.org/10.1145/3580305.3599256) | |\n"
            "| Paper B on trees | [pdf](https://dl.acm.org/doi/pdf/10.1145/3580305.3599256) | |\n"
            "| Paper C on lists | [pdf](https://nature.com/articles/s41586-021-04086-x.pdf) | |\n"
            "| Paper D on sets | [web](http://nature.com/articles/s41586-021-04086-x/) | |\n",
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
        # an author's page beside two models (a Google Scholar profile in a developer column)
        # names a person, not a paper: no identity shared
        (
            "|    | 公開年 | 開発元 | ライセンス |\n|:---|:---:|:---:|:---:|\n"
            "| [JaColBERTv2.5](https://www.answer.ai/posts/2024-08-02-jacolbert-v25.html) |"
            " 2024 | Answer.AI | MIT |\n"
            "| [JaColBERTv2](https://huggingface.co/bclavie/JaColBERTv2)<br>([JaColBERTv2]"
            "(https://huggingface.co/bclavie/JaColBERTv2)) | 2024 |"
            " 個人 ([B. C.](https://scholar.google.com/citations?user=vuMln98AAAAJ)) | MIT |\n"
            "| [JaColBERT](https://arxiv.org/pdf/2312.16144.pdf)<br>([JaColBERT]"
            "(https://huggingface.co/bclavie/JaColBERT)) | 2023 |"
            " 個人 ([B. C.](https://scholar.google.com/citations?user=vuMln98AAAAJ)) | MIT |\n",
            [],
            [],
            None,
        ),
        # a catalogue of models named by identifiers, sibling sizes linking their family's one
        # announcement: each row is its own model, neither a repeat nor one link under two titles
        (
            "|    | 公開年 | 開発元 |\n|:---|:---:|:---:|\n"
            + "".join(
                f"| [Shisa-V2.1-{size}](https://shisa.ai/posts/shisa-v2.1-ja-pr)<br>([{size}]"
                f"(https://huggingface.co/shisa-ai/shisa-v2.1-{size})) | 2025 | Shisa.AI |\n"
                for size in ("70B", "14B", "8B", "3B")
            ),
            [],
            [],
            None,
        ),
        # one review page, a section for each entry: rows linking two sections are two entries
        (
            "| Layer |\n|---|\n"
            f"| [Simple Recurrent]({REVIEW}#e405) |\n"
            f"| [LSTM]({REVIEW}#0947) |\n"
            f"| [GRU]({REVIEW}#4571) |\n",
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
        # a variant column tells apart rows of one paper, not one article pasted twice under
        # two titles and two tags, on the same link and no other (Doragd: 腾讯 / 腾讯广告)
        (
            "| 公司 | 内容 | 时间 |\n| --- | --- | --- |\n"
            "| 腾讯 | [深入理解推荐模型中的辅助排序损失](https://mp.example/Y4E) | 2024-08-27 |\n"
            "| 腾讯广告 | [推荐模型中的辅助排序损失](https://mp.example/Y4E) | 2024-08-27 |\n"
            "| 京东 | [京东搜索重排：基于互信息的用户偏好导向模型](https://mp.example/fjZ) "
            "| 2024-08-31 |\n",
            [(4, 10, "P001")],
            [None],
            None,
        ),
        # a column of the days rows were added is bookkeeping, no variant: one paper read twice
        (
            "| ID | 年份 | 收录日期 | 论文标题 |\n| --- | --- | --- | --- |\n"
            "| 20 | 2024 | 2024-12-05 | Reverse Thinking Makes LLMs Stronger Reasoners |\n"
            "| 21 | 2024 | 2024-12-05 | Distilling System 2 into System 1 |\n"
            "| 48 | 2024 | 2024-12-09 | Reverse Thinking Makes LLMs Stronger Reasoners |\n",
            [(5, 28, "P001")],
            [None],
            None,
        ),
        # two papers by their arXiv ids whose titles link one write-up of both (TSFpaper)
        (
            "| Date | Method | Paper Title and Interpretation |\n| --- | --- | --- |\n"
            f"| 24-02-04 | [Timer]({ARXIV}) | [Timer: Generative Pre-trained Transformers]"
            "(https://zhuanlan.zhihu.com/p/698842899) |\n"
            f"| 24-02-04 | [Moirai]({OTHER}) | [Unified Training of Forecasting Transformers]"
            "(https://zhuanlan.zhihu.com/p/698842899) |\n",
            [],
            [],
            None,
        ),
        # rows awaiting their own links point at the venue's accepted papers: a page four
        # titles link is no one paper's (lixus7's icml.cc/virtual/2026/papers.html)
        (
            LINKS
            + "".join(
                f"| Forecasting Paper Number {n} | [ICML 2026](https://icml.cc/virtual/2026/papers.html)"
                " | |\n"
                for n in range(4)
            ),
            [],
            [],
            None,
        ),
        # a paper's page copied to two more rows is still reported
        (
            LINKS
            + "".join(
                f"| Forecasting Paper Number {n} | [OpenReview](https://openreview.net/forum?id=vpJ)"
                " | |\n"
                for n in range(3)
            ),
            [(4, 3, "P001"), (5, 3, "P001")],
            [None, None],
            None,
        ),
        # two repositories (a fork, a follow-up) citing one framework's paper: two entities
        (
            "| Github Repo | Date | Paper Link |\n| --- | --- | --- |\n"
            f"| [OpenRLHF](https://github.com/o/OpenRLHF) | 2023.7 | [Paper]({ARXIV}) |\n"
            f"| [openrlhf_async](https://github.com/a/async) | 2024.5 | [Paper]({ARXIV}) |\n",
            [],
            [],
            None,
        ),
        # two releases of a family citing its one report beside their own announcements
        (
            "| Model | Announcement | Size |\n| --- | --- | --- |\n"
            f"| Phi-3 Mini | [Introducing Phi-3](https://b.example/one), [Report]({ARXIV})"
            " | 3.8 |\n"
            f"| Phi-3 Medium | [New models added to Phi-3](https://b.example/two),"
            f" [Report]({ARXIV}) | 14 |\n",
            [],
            [],
            None,
        ),
        # a "date" column of no dates is where the paper is linked (Published: [CVPR 2025](…))
        (
            "| Title | Model | Published |\n| --- | --- | --- |\n"
            f"| One-Step Diffusion for Image Super-Resolution | VPD-SR | [arxiv]({ARXIV}) |\n"
            f"| Self-supervised ControlNet for Video Super-resolution | scst | [CVPR]({ARXIV}) |\n"
            f"| Text-Aware Real-World Image Super-Resolution | TADiSR | [arxiv]({OTHER}) |\n",
            [(4, 3, "P001")],
            [None],
            None,
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


# pattern 1: what a maintainer fixes is reported everywhere, repeats only where the list shows
# no cross-listing
@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # one arXiv id under two papers' titles in two sections of a cross-listing list
        (
            TWO_SECTIONS
            + section(
                "C", HEADER, f"| [FlexGen: High-throughput Inference]({ARXIV}) | 2023.03 | x |\n"
            ),
            [(15, 3, "P001")],
        ),
        # a survey names one paper by its method in one section and its benchmark in another,
        # by a trailing short name, or a title a word longer: the same title
        (
            TWO_SECTIONS
            + section(
                "C", HEADER, f"| [BigTrans: Augmenting LLMs (BT-Bench)]({ARXIV}) | 2023.05 | x |\n"
            )
            + section(
                "D",
                HEADER,
                f"| [BigTrans: Augmenting LLMs with 100 Languages]({ARXIV}) | 2023.05 | y |\n",
            )
            + section("E", HEADER, f"| [BigTrans]({ARXIV}) | 2023.05 | z |\n"),
            [],
        ),
        # one paper dated two months: reported however the list cross-lists
        (
            TWO_SECTIONS + section("C", HEADER, BIGTRANS.replace("2023.05", "2023.07")),
            [(15, 3, "P001")],
        ),
        # a year alone one apart is a preprint and its venue; more than one apart is a mistake
        (
            section(
                "A", "| Title | Year |\n| --- | --- |\n", f"| [Paper on graphs]({ARXIV}) | 2023 |\n"
            )
            + section(
                "B", "| Title | Year |\n| --- | --- |\n", f"| [Paper on graphs]({ARXIV}) | 2023 |\n"
            )
            + section(
                "C", "| Title | Year |\n| --- | --- |\n", f"| [Paper on graphs]({ARXIV}) | 2024 |\n"
            )
            + section(
                "D", "| Title | Year |\n| --- | --- |\n", f"| [Paper on graphs]({ARXIV}) | 2026 |\n"
            ),
            [(19, 3, "P001")],
        ),
        # dates to the day are versions: days and months apart in one year are no conflict
        (
            section(
                "A",
                "| Date | Title |\n| --- | --- |\n",
                f"| 2024-06-25 | [Paper on graphs]({ARXIV}) |\n",
            )
            + section(
                "B",
                "| Date | Title |\n| --- | --- |\n",
                f"| 2024-06-25 | [Paper on graphs]({ARXIV}) |\n",
            )
            + section(
                "C",
                "| Date | Title |\n| --- | --- |\n",
                f"| 2024-07-02 | [Paper on graphs]({ARXIV}) |\n",
            )
            + section(
                "D",
                "| Date | Title |\n| --- | --- |\n",
                f"| 2025-07-02 | [Paper on graphs]({ARXIV}) |\n",
            ),
            [(19, 16, "P001")],
        ),
        # updated in one place only: the same paper at Arxiv 2024 and at SIGIR 2024 (not at
        # ``arXiv`` written otherwise, nor at a venue with more words)
        (
            section("A", VENUES, f"| [Paper on graphs]({ARXIV}) | Arxiv 2024 | 2024.07 |\n")
            + section("B", VENUES, f"| [Paper on graphs]({ARXIV}) | arXiv'24 | 2024.07 |\n")
            + section("C", VENUES, f"| [Paper on graphs]({ARXIV}) | SIGIR 2024 | 2024.07 |\n")
            + section("D", VENUES, f"| [Paper on trees]({OTHER}) | SIGIR 2024 | 2024.07 |\n")
            + section(
                "E", VENUES, f"| [Paper on trees]({OTHER}) | SIGIR 2024 (Oral) | 2024.07 |\n"
            ),
            [(14, 3, "P001")],
        ),
        # renamed in one table: the Venue column differs, yet one id is one paper, not a variant
        (
            VENUES
            + f"| [Old title of a paper]({ARXIV}) | Arxiv | 2024.07 |\n"
            + f"| [New title for the work]({ARXIV}) | NeurIPS | 2024.07 |\n",
            [(4, 3, "P001")],
        ),
    ],
)
def test_conflicts_are_reported_wherever_the_list_cross_lists(
    markdown: str, expected: list[tuple[int, int, str]]
) -> None:
    assert found(markdown) == expected
    assert safety(markdown) == [None] * len(expected)


def test_repeats_across_sections_are_reported_where_set() -> None:
    (problem,) = run_rule(duplicate_entry, parse(TWO_SECTIONS), DOCUMENT)
    assert (problem.line, problem.code, problem.fix_safety) == (9, "P001", "unsafe")
    assert "duplicate-scope" in problem.message  # how to allow them again
    assert fix_text(TWO_SECTIONS, config=DOCUMENT, unsafe=True).text == (
        section("多语言大模型", HEADER, BIGTRANS)
        + section("计算层优化", HEADER, "| Other paper | 2023.06 | 其他 |\n")
    )


def test_unsafe_fixes_never_remove_a_row_of_a_list_that_cross_lists() -> None:
    pasted = TWO_SECTIONS.replace(BIGTRANS, BIGTRANS + BIGTRANS.replace("多语言模型", ""), 1)
    assert found(pasted) == [(5, 3, "P001")]  # the copy in its own table, with less in it
    assert fix_text(pasted, config=ONLY, unsafe=True).text == TWO_SECTIONS


def test_a_repeat_in_a_table_says_how_to_widen_the_scope_in_a_list_that_cross_lists() -> None:
    pasted = TWO_SECTIONS.replace(BIGTRANS, BIGTRANS * 2, 1)
    (message,) = messages(pasted)
    assert 'duplicate-scope = "document"' in message
    (alone,) = messages(SAME_TABLE)
    assert "duplicate-scope" not in alone


def test_unsafe_fix_never_removes_a_variant_or_a_row_with_more() -> None:
    markdown = (
        f"{MODELS}| XVERSE-MoE | 255B/A36B | 2024-09 | 通用 | [Paper]({ARXIV}) |\n"
        f"| XVERSE-MoE | A4.2B/25.8B | 2024-05 | 通用 | [Paper]({ARXIV}) |\n"
        "| Alaya | 7B | 2023-12 | 通用 | [HF](https://huggingface.co/DataCanvas) |\n"
        "| Alaya | 7B | 2023-11 | 通用 | [HF](https://huggingface.co/DataCanvas) |\n"
    )
    assert found(markdown) == [(6, 3, "P001")]
    assert fix_text(markdown, config=ONLY, unsafe=True).text == markdown


def test_fix_declares_the_removed_row() -> None:
    (pasted,) = run_rule(duplicate_entry, parse(SAME_TABLE), ONLY)
    assert pasted.fix is not None
    assert pasted.fix.removed_rows == (("Paper A", "2023.05", "一种新的方法"),)


# pattern 2: a row is its table's entity
@pytest.mark.parametrize(
    ("markdown", "config", "expected"),
    [
        # two datasets from one paper, named apart by the Name column
        (
            DATASETS
            + f"| **MSVD-QA** | [Video QA via Gradual Attention]({ARXIV}) | 2017 |\n"
            + f"| **MSRVTT-QA** | [Video QA via Gradual Attention]({ARXIV}) | 2017 |\n",
            ONLY,
            [],
        ),
        # a dataset is not the method paper another table lists, even where repeats count
        (
            section(
                "Methods",
                "| Title | Date |\n| --- | --- |\n",
                f"| [Video QA via Gradual Attention]({ARXIV}) | 2017 |\n",
            )
            + section(
                "Datasets",
                DATASETS,
                f"| **MSVD-QA** | [Video QA via Gradual Attention]({ARXIV}) | 2016 |\n",
            ),
            DOCUMENT,
            [],
        ),
        # two tools of one name with different links are two entries; one link twice is one
        (
            "| 名称 | 说明 | 链接 |\n| --- | --- | --- |\n"
            "| buzz | 离线转写音频并生成字幕的桌面应用 | [site](https://buzz.example.org/app) |\n"
            "| Buzz | 团队协作的智能体工作空间 | [site](https://block.example.org/buzz) |\n"
            "| buzz | 离线转写音频并生成字幕的工具 | [site](http://www.buzz.example.org/app/) |\n",
            ONLY,
            [(5, 3, "P001")],
        ),
        # a yearly event's two sites are two entries, whatever else the rows share; one site
        # linked twice is one entry with two dates
        (
            "| Name | Date | Papers |\n| --- | --- | --- |\n"
            "| [International Conference on Acoustics (ICASSP)](https://2023.icassp.org/) | "
            "June 2023 | [list](https://github.com/a/icassp-papers) |\n"
            "| [International Conference on Acoustics (ICASSP)](https://2024.icassp.org/) | "
            "April 2024 | [list](https://github.com/a/icassp-papers) |\n"
            "| [International Conference on Acoustics (ICASSP)](https://2024.icassp.org/) | "
            "May 2024 | [list](https://github.com/a/icassp-papers) |\n",
            ONLY,
            [(5, 3, "P001")],
        ),
        # a column of short names under a generic header lists named things (datasets citing
        # one paper), not papers under two titles
        (
            "| 标题 | 论文 |\n| --- | --- |\n"
            + f"| [DuReader-Robust](https://github.com/baidu/DuReader) | [论文]({ARXIV}) |\n"
            + f"| [DuReader-YesNo](https://github.com/baidu/DuReader) | [论文]({ARXIV}) |\n"
            + f"| [A dataset named by its paper title](https://example.org/d) | [论文]({ARXIV}) |\n"
            + "| [SQuAD2.0](https://example.org/squad) | |\n",
            ONLY,
            [],
        ),
        # placeholders are no titles: two models of the list without a paper link
        (
            "| Abbreviation | Title | Paper | Code |\n| --- | --- | --- | --- |\n"
            "| **Clay** | **Clay Foundation Model** | null | [link](https://clay.example.org/a) |\n"
            "| **Hydro** | **Hydro: A Water Model** | null | [link](https://h.example.org/b) |\n",
            ONLY,
            [],
        ),
        # an explicit Title column beats a Paper column of links labelled "Paper"
        (
            "| Abbreviation | Title | Paper |\n| --- | --- | --- |\n"
            f"| **GEO** | **GEO-Bench: Toward Foundation Models** | [Paper]({ARXIV}) |\n"
            f"| **RS** | **Revisiting remote sensing benchmarks** | [Paper]({OTHER}) |\n"
            f"| **RS2** | **A third model** | [Paper]({ARXIV.replace('07.0', '02.0')}) |\n",
            ONLY,
            [],
        ),
    ],
)
def test_a_row_is_its_tables_entity(
    markdown: str, config: Config, expected: list[tuple[int, int, str]]
) -> None:
    assert found(markdown, config) == expected


def test_placeholders_are_never_quoted_as_titles() -> None:
    markdown = (
        "| Name | Paper | Code |\n| --- | --- | --- |\n"
        f"| [Paper]({ARXIV}) | [Paper]({ARXIV}) | - |\n" * 2
    )
    (message,) = messages(markdown)
    assert '"Paper"' not in message and '"null"' not in message
    assert "2407.02490" in message  # named by its identifier instead


def test_section_scope_only_compares_within_a_section() -> None:
    config = Config(select=("duplicate-entry",), duplicate_scope="section")
    assert found(TWO_SECTIONS, config) == []
    assert found(SAME_TABLE, config) == [(5, 4, "P001")]


def test_table_scope_compares_nothing_across_tables() -> None:
    config = Config(select=("duplicate-entry",), duplicate_scope="table")
    renamed = TWO_SECTIONS + section(
        "C", HEADER, f"| [FlexGen: Inference]({ARXIV}) | 2023.03 | x |\n"
    )
    assert found(renamed, config) == []
    assert found(SAME_TABLE, config) == [(5, 4, "P001")]


def test_third_occurrence_names_the_first() -> None:
    markdown = (
        f"{HEADER}| A | 2023.05 | 第一种推理加速方法 |\n| A | 2023.05 | 第二种推理加速方法 |\n"
        "| A | 2023.05 | 第三种推理加速方法 |\n"
    )
    problems = list(run_rule(duplicate_entry, parse(markdown), ONLY))
    assert [p.line for p in problems] == [4, 5]
    assert all("line 3" in p.message for p in problems)


def test_a_pasted_row_names_its_own_table_before_another() -> None:
    trending = section("Trending", HEADER, BIGTRANS)
    framework = section(
        "Framework", HEADER, "| Other paper | 2023.06 | 其他 |\n", BIGTRANS, BIGTRANS
    )
    (problem,) = run_rule(duplicate_entry, parse(trending + framework), ONLY)
    assert (problem.line, problem.fix_safety) == (11, "safe")
    assert "line 10" in problem.message


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


@pytest.mark.slow  # linearity on thousands of rows: CI, not the fast loop
def test_many_rows_with_one_title_stay_linear() -> None:
    rows = "".join(f"| Model | {size}B | 2024-01 | 通用 | |\n" for size in range(3000))
    assert found(MODELS + rows) == []


def test_a_paper_under_two_groups_of_one_table_is_cross_listed() -> None:
    # label rows split a table into sections as headings do: a list that cross-lists its papers
    # lists one under two groups on purpose (WangCheng0116's list), and a fix never removes it
    header = "| Time | Title | Venue | Paper |\n| ---- | ----- | :--: | :--: |\n"
    papers = [
        f"| 25.0{i} | Paper {i} on safety | Arxiv | [link](https://arxiv.org/abs/2501.0000{i}) |\n"
        for i in range(1, 6)
    ]
    table = (
        f"{header}| ***<ins>Overthinking</ins>*** |  |  |  |\n{papers[0]}{papers[1]}{papers[2]}"
        f"| ***<ins>Underthinking</ins>*** |  |  |  |\n{papers[3]}{papers[0]}"
    )
    elsewhere = f"{header}{papers[4]}{papers[1]}"
    markdown = f"## A\n\n{table}\n## B\n\n{elsewhere}"
    assert found(markdown) == []  # the list cross-lists Paper 2 under A and B: Paper 1 too
    assert fix_text(markdown, config=ONLY, unsafe=True).text == markdown
    # within one group, a paper pasted twice is still a repeat
    pasted = markdown.replace(papers[3], papers[3] + papers[3])
    assert [line for line, _, _ in found(pasted)] == [11]


def test_a_row_pasted_again_is_a_copy_of_its_first_whatever_else_shares_its_link() -> None:
    # the second row carries the first's link under another title; the third is the second
    # pasted again: a copy to remove (safe), not a second "one link under two titles"
    markdown = (
        f"{LINKS}| [Alpha: One Paper on Tables]({ARXIV}) | | |\n"
        f"| [Beta: Another Paper on Lists]({ARXIV}) | | |\n"
        f"| [Beta: Another Paper on Lists]({ARXIV}) | | |\n"
    )
    problems = run_rule(duplicate_entry, parse(markdown), ONLY)
    assert [(p.line, p.fix_safety) for p in problems] == [(4, None), (5, "safe")]
    assert "line 4" in problems[1].message


def _reworded(pairs: int) -> str:
    """Two sections naming ``pairs`` papers in both: one arXiv id, one name before a colon, the
    words after it written again otherwise (a description per section); one paper listed in
    both alike (the list cross-lists)."""
    first, second = [], []
    for n in range(pairs):
        link = f"https://arxiv.org/abs/2401.0{n:04d}"
        first.append(f"| Agent{n}: Language Models as Collaborators | [Paper]({link}) | |\n")
        second.append(f"| Agent{n}: LLM Collaborators for Medicine | [Paper]({link}) | |\n")
    same = "| Shared: One Paper Listed Twice | [Paper](https://arxiv.org/abs/2402.00001) | |\n"
    return f"## A\n\n{LINKS}{same}{''.join(first)}\n## B\n\n{LINKS}{same}{''.join(second)}"


def test_a_list_rewording_titles_after_their_name_on_purpose_is_not_told_of_it() -> None:
    # three such pairs are the list's way of writing titles; one is a slip to correct
    assert found(_reworded(3)) == []
    ((line, _, code),) = found(_reworded(1))
    assert (line, code) == (13, "P001")
    assert 'is "Agent0: LLM Collaborators' in messages(_reworded(1))[0]


def test_a_conference_paper_and_its_journal_version_are_two_publications() -> None:
    def rows(first_venue: str, first_date: str) -> str:
        return (
            "| Date | Venue | Title |\n| --- | --- | --- |\n"
            f"| {first_date} | {first_venue} | [Seq2seq 형태소 분석](https://dbpia.co.kr/NODE1) |\n"
            "| 2017.01 | 정보과학회논문지 | [Seq2seq 형태소 분석](https://dbpia.co.kr/NODE2) |\n"
        )

    # each row links its own publication, at another venue and date: the list keeps both
    assert found(rows("KCC", "2016.06")) == []
    # dates in a style not read (``2016. 6.``) are told apart as written
    korean = rows("KCC", "2016. 6.").replace("| 2017.01 |", "| 2017. 1. |")
    assert found(korean) == []
    assert found(korean.replace("| 2017. 1. |", "| 2016. 6. |")) != []
    # a preprint not updated, or one venue at one date listed twice, is one entry
    assert found(rows("arXiv", "2016.06")) == [(4, 24, "P001")]
    assert found(rows("KCC", "2017.01")) == [(4, 24, "P001")]


def test_two_models_of_one_paper_under_a_name_and_link_header_are_two_entries() -> None:
    doi = "https://pubs.acs.org/doi/10.1021/acs.jcim.1c00284"
    markdown = (
        "| Name & Link | Models | Release Date |\n| --- | --- | --- |\n"
        f"| [ChemRxnExtractor]({doi}) | BERT | 2021.06 |\n| [ChemBERT]({doi}) | BERT | 2021.06 |\n"
    )
    assert found(markdown) == []


def test_a_column_of_placeholders_tells_no_variants_apart() -> None:
    # a generated table whose Code cells are mostly ``null``: a paper's second row, with a code
    # link the first lacks, is the same paper twice, not a variant of it
    rows = "".join(
        f"|2024-01-0{n}|Paper {n}|[2401.0000{n}](https://arxiv.org/abs/2401.0000{n})|null|\n"
        for n in range(1, 6)
    )
    again = "|2024-01-01|Paper 1|[2401.00001](https://arxiv.org/abs/2401.00001)|[code](https://github.com/a/b)|\n"
    markdown = "|Publish Date|Title|PDF|Code|\n|---|---|---|---|\n" + rows + again
    assert [line for line, _, _ in found(markdown)] == [8]


def test_a_variant_cell_without_a_word_names_no_variant() -> None:
    # one paper's ICCV row with ``-`` under Model and its arXiv row naming the model: one paper
    # twice; a label word (the ``arXiv`` dataset beside ``PubMed``) still names one
    header = "| Title | Model | Venue |\n|---|---|---|\n"
    body = "".join(f"| Paper number {n} on images | M{n} | CVPR |\n" for n in range(1, 6))
    for cell, expected in (("-", [9]), ("N/A", [9]), ("PQ", [])):
        first = f"| Outlier-Aware Quantization for Images | {cell} | [ICCV](https://a.io/1.pdf) |\n"
        again = "| Outlier-Aware Quantization for Images | OA-PTQ | [arXiv](https://a.io/2) |\n"
        markdown = header + first + body + again
        assert [line for line, _, _ in found(markdown)] == expected, cell
    datasets = "| Dataset | Year | Paper |\n|---|---|---|\n" + "".join(
        f"| **{name}** | 2018 | A Discourse Model [[Paper]](https://arxiv.org/abs/1804.0568) |\n"
        for name in ("arXiv", "PubMed")
    )
    datasets += "".join(f"| **D{n}** | 2019 | Another paper {n} |\n" for n in range(3))
    assert found(datasets) == []


def test_a_row_pasted_again_in_a_table_of_repositories_is_reported_and_removed() -> None:
    # rows naming repositories, no papers: no entities, yet a row pasted twice is still a copy
    table = "|Name|Stars|Updated|\n|---|---|---|\n" + "".join(
        f"| 🔗 [tool{n}](https://github.com/o/tool{n}) | ⭐ {n} | may |\n" for n in range(4)
    )
    copy = "| 🔗 [tool1](https://github.com/o/tool1) | ⭐ 1 | may |\n"
    markdown = table + copy
    assert found(markdown) == [(7, 3, "P001")]
    assert safety(markdown) == ["safe"]
    assert fix_text(markdown, config=ONLY).text == table
    # tables glued into one (a header written again under the first) repeat no rows
    glued = table + "|Name|Stars|Updated|\n|---|---|---|\n" + copy
    assert found(glued) == []


def test_a_column_of_link_labels_is_no_title() -> None:
    # the entity is the benchmark named in the first column; ``[Paper] · [HF]`` names nothing
    rows = "".join(
        f"| **Bench{n}** | [Paper](https://arxiv.org/abs/2401.0000{n}) · [HF](https://hf.co/d{n})"
        f" | 2024-0{n} |\n"
        for n in range(1, 5)
    )
    assert found("| Benchmark | Paper | Date |\n| --- | --- | --- |\n" + rows) == []


def test_tools_citing_one_paper_are_two_tools_where_the_paper_column_only_labels_links() -> None:
    # the Paper column only says [arXiv]: the first column names each row, a tool
    paper = "[arXiv](https://arxiv.org/abs/2508.02324)"
    markdown = (
        "| Source | Description | Paper |\n| --- | --- | --- |\n"
        f"| [Qwen-Image](https://github.com/QwenLM/Qwen-Image) | image generation | {paper} |\n"
        f"| [Qwen-Image-Edit](https://github.com/QwenLM/Qwen-Image) | image editing | {paper} |\n"
        "| [PuLID](https://github.com/a/PuLID) | ID customisation | "
        "[arXiv](https://arxiv.org/abs/2404.16022) |\n"
    )
    assert found(markdown) == []
    # the same tool pasted again is still one tool twice
    again = (
        markdown
        + f"| [Qwen-Image](https://github.com/QwenLM/Qwen-Image) | image generation | {paper} |\n"
    )
    assert [line for line, _, _ in found(again)] == [6]


def test_one_id_under_two_titles_is_found_in_cells_that_open_with_their_venue() -> None:
    # ``Venue <br> [Title](…) <br> authors`` cells: most open with a short venue (``ICLR22``),
    # which is no name, so the column lists papers and one id under two titles is a wrong link
    header = "| Title & Author & Link | Introduction |\n| --- | --- |\n"
    ab = "https://arxiv.org/abs/"
    rows = [
        f"| {venue} <br /> [{title}]({ab}24{n:02}.0{n}123) <br /> A. Author | x |\n"
        for n, (venue, title) in enumerate(
            [
                ("ICLR22", "Accurate Quantization for Generative Transformers"),
                ("EMNLP24 Findings", "Low-Cost Model Adaptation in Sparse Models"),
                ("Arxiv24", "Integer Scale for Fine-Grained Quantization"),
                ("NeurIPS24 Oral", "Distributing Outliers via Dual Transformation"),
            ],
            start=1,
        )
    ]
    pasted = f"| EMNLP24 <br /> [LLMC: Benchmarking Quantization]({ab}2402.02123) <br /> B. | y |\n"
    (message,) = messages(header + "".join(rows) + pasted)
    assert '"LLMC: Benchmarking Quantization" here' in message
    assert '"Low-Cost Model Adaptation in Sparse Models" at line 4' in message


def test_a_venue_with_its_publisher_glued_is_that_venue() -> None:
    # ``ACMMM`` is ``MM`` (ACM Multimedia): one venue written two ways, no conflict
    header = "| Title | Venue | Year |\n| --- | --- | --- |\n"
    one = f"| [Camouflage Mining]({ARXIV}) | MM | 2024 |\n"
    other = f"| [Camouflage Mining]({ARXIV}) | ACMMM | 2024 |\n"
    assert found(section("A", header, one) + section("B", header, other)) == []
    elsewhere = other.replace("ACMMM", "CVPR")
    (message,) = messages(section("A", header, one) + section("B", header, elsewhere))
    assert "two venues" in message


def test_a_sessions_readings_are_no_entity() -> None:
    # a course's schedule: each Readings cell links several papers, and a textbook recurs
    header = "| Week | Topic | Readings |\n| --- | --- | --- |\n"
    book = f"[Geometric Deep Learning Book]({ARXIV}) (Chapter 1)"
    rows = (
        f"| 1 | Introduction | {book} <br/> [Foundations of Graph Learning](https://a.org/f) |\n"
        f"| 5 | Invariance | {book} and [Building Powerful Graph Networks](https://b.org/g) |\n"
    )
    assert found(header + rows) == []
    # a title cell linking one title beside code is one paper's: its repeat is reported
    papers = LINKS + (
        f"| [Geometric Deep Learning Book]({ARXIV}) [Code](https://github.com/a/b) | - | - |\n"
    )
    assert found(papers + papers.splitlines(keepends=True)[-1]) == [(4, 3, "P001")]


def test_models_citing_their_papers_by_authors_are_told_apart_by_the_links() -> None:
    # the Paper column labels each link by its first author: two Lis are two papers
    markdown = (
        "| Medical VLM | VQA | Paper | Code | Year |\n| --- | --- | --- | --- | --- |\n"
        "| LLaVA-Med | + | [Li et al.](https://arxiv.org/abs/2306.00890) | - | 2023 |\n"
        "| XrayGPT | + | [Thawkar et al.](https://arxiv.org/abs/2306.07971) | - | 2023 |\n"
        "| MUMC | + | [Li et al.](https://link.springer.com/chapter/10.1007/978-3-031-43907-0_36)"
        " | - | 2023 |\n"
        "| PathVQA | - | **[Allan et al.](https://arxiv.org/abs/1902.06426)** | - | 2019 |\n"
        "| EndoVis | - | **[Allan et al.](https://arxiv.org/abs/2001.11190)** | - | 2020 |\n"
    )
    assert found(markdown) == []
    # a model pasted again is still one model twice
    again = (
        markdown + "| LLaVA-Med | + | [Li et al.](https://arxiv.org/abs/2306.00890) | - | 2023 |\n"
    )
    assert [line for line, _, _ in found(again)] == [8]


def test_a_column_of_authors_names_no_titles() -> None:
    # a survey's table of surveys, each named by its first author: two Zhaos, two surveys
    markdown = (
        "| Year | Paper | Scope | Focus | Link |\n| --- | --- | --- | --- | --- |\n"
        "| 2024 | Fan *et al.* | LLMs / NLP | RA-LLMs architectures | [link](https://a.org/fan) |\n"
        "| 2024 | Zhao *et al.* | LLMs / NLP | Challenges in data-augmented LLMs | - |\n"
        "| 2024 | Gupta *et al.* | RAG | Advancements of RAG | - |\n"
        "| 2024 | Zhao *et al.* | AIGC | RAG across modalities | [link](https://a.org/zhao) |\n"
    )
    assert found(markdown) == []
    # the same survey pasted twice is still one row twice
    again = (
        markdown
        + "| 2024 | Zhao *et al.* | AIGC | RAG across modalities | [link](https://a.org/zhao) |\n"
    )
    assert [line for line, _, _ in found(again)] == [7]


def test_a_row_reported_for_its_date_still_holds_the_link_a_later_row_copies() -> None:
    # line 4 repeats line 3 with another date and its own arXiv link; line 5 copies that link
    markdown = (
        HEADER
        + "| [Annotation-Efficient Guidance](https://doi.org/10.1109/tmi.1) | 2025.05 | a |\n"
        + "| [Annotation-Efficient Guidance](https://arxiv.org/abs/2412.08575) | 2024.12 | a |\n"
        + "| [Med-FastSAM: Transfer Efficiency](https://arxiv.org/abs/2412.08575) | 2024.12 | b |\n"
    )
    assert [line for line, _, _ in found(markdown)] == [4, 5]
    assert "arXiv 2412.08575" in messages(markdown)[1]


def test_a_list_naming_papers_two_ways_in_its_tables_rewords_them_on_purpose() -> None:
    # milestones titled in full with the system's name after them, then each method table's
    # rows written "Name: gist": one paper under its identifier, not a wrong link (the list
    # cross-lists: one paper is in both tables as it is)
    full = (
        "Faster sorting algorithms discovered using deep RL (AlphaDev)",
        "Olympiad-level formal reasoning with RL (AlphaProof)",
        "A coding agent for discovery (AlphaEvolve)",
    )
    gist = (
        "AlphaDev: faster sorting via deep RL",
        "AlphaProof: RL in a Lean environment",
        "AlphaEvolve: an agent for algorithmic discovery",
    )
    rows = [
        f"| {title} | 2024 | [DOI](https://doi.org/10.1038/{i}) |\n" for i, title in enumerate(full)
    ]
    again = [
        f"| {title} | 2024 | [DOI](https://doi.org/10.1038/{i}) |\n" for i, title in enumerate(gist)
    ]
    head = "| Title | Year | Links |\n| --- | --- | --- |\n"
    head += "| Mastering the game of Go (AlphaGo) | 2016 | [DOI](https://doi.org/10.1038/go) |\n"
    markdown = head + "".join(rows) + "\n## Methods\n\n" + head + "".join(again)
    assert found(markdown) == []
    # once alone, a name told two ways under one identifier is still worth a look
    once = head + rows[0] + "\n## Methods\n\n" + head + again[0]
    assert [line for line, _, _ in found(once)] == [11]


def test_a_venue_cells_link_two_papers_share_is_the_venues_page() -> None:
    # a seminar's schedule: two SIGCOMM'20 papers, their venue cells linking the conference
    site = "[SIGCOMM'20](https://conferences.sigcomm.org/sigcomm/2020/)"
    markdown = (
        "| Date | Lead | Paper Title and Link | Conference |\n| --- | --- | --- | --- |\n"
        f"| November 3, 2020 | Xiangyu | [Swift: Delay is Simple](https://a.org/s.pdf) | {site} |\n"
        f"| November 10, 2020 | Jessica | [Come as You Are](https://b.org/c.pdf) | {site} |\n"
    )
    assert found(markdown) == []
    # a paper's link copied into another row's title still names two papers one way
    copied = markdown.replace("https://b.org/c.pdf", "https://a.org/s.pdf")
    assert [line for line, _, _ in found(copied)] == [4]


def test_a_date_cells_link_two_papers_share_is_the_venues_page() -> None:
    # a year linking the conference's accepted papers, on the rows of two of them
    year = "['21](https://www.cikm2021.org/accepted-papers)"
    markdown = (
        "| Paper | Venue | Year | Code |\n| --- | --- | --- | --- |\n"
        f"| [Disentangling Preferences](https://doi.org/10.1145/3459637) | CIKM | {year} | x |\n"
        f"| [UltraGCN: Ultra Simplification](https://arxiv.org/abs/2110.15114) | CIKM | {year} |\n"
    )
    assert found(markdown) == []
    # an arXiv id names a paper wherever it stands: two titles on one are one paper told twice
    copied = markdown.replace(year, "[2021](https://arxiv.org/abs/2110.15114)")
    assert [line for line, _, _ in found(copied)] == [4]
    # and so does a PDF: ``[ICCV 2025](…_paper.pdf)`` copied from the row above
    pdf = markdown.replace(year, "[2021](https://openaccess.thecvf.com/x/Yan_DuCos_paper.pdf)")
    assert [line for line, _, _ in found(pdf)] == [4]


def test_a_projects_site_two_of_its_papers_link_beside_their_own_is_no_identity() -> None:
    site = "http://www.cs.cmu.edu/~alavie/METEOR/"
    markdown = (
        "| Name | Title | Links |\n| --- | --- | --- |\n"
        f"| METEOR | METEOR: An Automatic Metric | [[pdf]({site}m05.pdf)] [[web]({site})] |\n"
        f"| METEOR 1.5 | METEOR Universal | [[pdf]({site}m15.pdf)] [[web]({site})] |\n"
    )
    assert found(markdown) == []


def test_one_arxiv_ids_two_versions_linked_apart_are_two_entries() -> None:
    # a paper retitled between its versions, listed once per version on purpose
    head = "|Date|Title|Paper|\n|---|---|---|\n"
    rows = (
        "|2024.04|[T-GATE V1] Cross-Attention Makes Inference Cumbersome|"
        "[[pdf]](https://arxiv.org/pdf/2404.02747v1)|\n"
        "|2024.04|[T-GATE V2] Faster Diffusion via Temporal Attention Decomposition|"
        "[[pdf]](https://arxiv.org/pdf/2404.02747v2)|\n"
    )
    assert found(head + rows) == []
    # one link to the paper as it is now: the two titles name one paper
    assert [line for line, _, _ in found(head + rows.replace("02747v2", "02747"))] == [4]
    assert [line for line, _, _ in found(head + rows.replace("02747v2", "02747v1"))] == [4]
    # a generator linking each row's latest version, its titles naming none: a paper updated
    generated = rows.replace("[T-GATE V1] ", "").replace("[T-GATE V2] ", "")
    assert [line for line, _, _ in found(head + generated)] == [4]


def test_names_with_a_year_in_a_column_of_names_are_names_not_venues() -> None:
    # datasets of one challenge, each named with its year, linking the challenge's page
    page = "https://votchallenge.net/vot2020/dataset.html"
    rows = [
        ("[WebUAV-3M](https://github.com/a/WebUAV-3M)", 2024, "Video, Text"),
        ("[UAVDark135](https://vision4robotics.github.io/uavdark135/)", 2022, "Video"),
        ("[TNL2K](https://github.com/b/TNL2K)", 2022, "Video, Text"),
        (f"[VOT-ST2020/VOT-RT2020]({page})", 2020, "Video"),
        (f"[VOT-LT2020]({page})", 2020, "Video"),
        (f"[VOT-RGBT2020]({page})", 2020, "Video"),
        (f"[VOT-RGBD2020]({page})", 2020, "Video, Depth image"),
        ("[GOT-10K](http://got-10k.aitestunion.com/)", 2019, "Image, Video"),
    ]
    markdown = "| **Name** | **Year** | **Types** | **Amount** |\n|---|---|---|---|\n" + "".join(
        f"| {name} | {year} | {kinds} | {n // 2 * 50} sequences |\n"
        for n, (name, year, kinds) in enumerate(rows)
    )
    assert found(markdown) == []


def test_rows_citing_one_paper_each_with_a_page_of_its_own_are_two_entries() -> None:
    # a table of concepts, each linking its own note and citing the seminal paper
    paper = "[Distilling the Knowledge in a Neural Network](https://arxiv.org/abs/1503.02531)"
    head = "| Concept | Details | Year | Paper Link |\n| :--- | :--- | :--- | :--- |\n"
    rows = "".join(
        f"| **[{name}](docs/{name.lower()}.md)** | {name} of the method | 2015 | {paper} |\n"
        for name in ("Definition", "Mechanism", "Benefit")
    )
    assert found(head + rows) == []
    # the same note twice is a row pasted again, whatever its other cells say
    pasted = rows.replace("docs/mechanism.md", "docs/definition.md")
    assert [line for line, _, _ in found(head + pasted)] == [4]


def test_a_schedules_filler_and_struck_sessions_are_no_entries() -> None:
    # cancelled sessions filled with the same words on each date; a paper moved to another
    # session, kept struck through where it was first planned
    head = "| Date | Lead | Paper | Venue |\n| --- | --- | --- | --- |\n"
    head += "".join(
        f"| February {day}, 2020 | Lead | [Paper {day} on systems](https://a.org/{day}) | OSDI |\n"
        for day in (3, 10, 17, 24)
    )
    rows = "".join(f"| March {day}, 2020 | Lead {day} | Corona | Virus |\n" for day in (9, 16, 23))
    moved = (
        "| April 6, 2020 | Ann | <del>Self-RAG: Learning to Retrieve and Critique</del> "
        "[Asai et al.](https://arxiv.org/abs/2310.11511) (moved) | ICLR |\n"
        "| April 13, 2020 | Ann | Self-RAG: Learning to Retrieve and Critique "
        "[Asai et al.](https://arxiv.org/abs/2310.11511) | ICLR |\n"
    )
    assert found(head + rows) == []
    assert found(head + moved) == []
    # a slot's row pasted twice is still reported
    twice = head + rows + rows.splitlines(keepends=True)[0]
    assert [line for line, _, _ in found(twice)] == [10]


def test_two_names_on_one_link_are_told_apart_and_no_row_is_removed() -> None:
    # a row copied the arXiv link of the row above it: which is wrong only a person can tell,
    # so the message names both and no fix removes either row
    markdown = (
        "| # | Paper | Authors | Year | Links |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | **Diffusion Policy**: Diffusion for Robot Control | Chi et al. | 2023 |"
        " [arXiv](https://arxiv.org/abs/2303.04137) |\n"
        "| 2 | **Flow Matching Policy**: Flow Matching for Action Generation | Zhou et al. | 2024 |"
        " [arXiv](https://arxiv.org/abs/2408.11039) [Project](https://github.com/f/flow) |\n"
        "| 3 | **Transfusion**: AR + Diffusion in One Transformer | Zhou et al. | 2024 |"
        " [arXiv](https://arxiv.org/abs/2408.11039) |\n"
    )
    (problem,) = run_rule(duplicate_entry, parse(markdown), ONLY)
    assert problem.line == 5 and problem.fix is None
    assert "one entry under two names, or a link copied" in problem.message


def test_a_repeat_differing_by_a_note_after_its_title_is_a_duplicate_entry() -> None:
    # one paper twice, once with a note under its title: one title as shown, not two names
    link = "| Chen et al. | 2020 | [arXiv](https://arxiv.org/abs/2001.01234) |\n"
    title = "**SwiftNet**: Using Graph Propagation as Meta-knowledge"
    markdown = (
        "| # | Paper | Authors | Year | Links |\n| --- | --- | --- | --- | --- |\n"
        f"| 1 | {title} {link}"
        f"| 2 | {title}<br>*accepted at ASP-DAC'20* {link}"
    )
    (problem,) = run_rule(duplicate_entry, parse(markdown), ONLY)
    assert problem.message.startswith('duplicate entry "SwiftNet')


def test_a_biorxiv_dois_versions_are_one_paper() -> None:
    # SaProt linked as v1 in one table and v3 in another of a list that cross-lists
    saprot = "https://www.biorxiv.org/content/10.1101/2023.10.01.560349"
    first = f"| [SaProt: Protein Language Modeling]({saprot}v1) | | |\n"
    again = f"| [SaProt: Protein Language Modeling]({saprot}v3) | | |\n"
    markdown = f"{LINKS}{first}| Other paper | | |\n{LINKS.replace('Title', 'Title ')}{again}"
    assert "another identifier" not in " ".join(messages(markdown))
    # two preprints of two numbers are two papers
    other = again.replace("560349v3", "560350v1")
    assert any("another identifier" in message for message in messages(f"{LINKS}{first}{other}"))


def test_a_link_labelled_by_its_venue_and_site_names_no_title() -> None:
    doi = "https://doi.org/10.1016/j.matt.2025.102577"
    system = "| System | Description | Year | Reference |\n| --- | --- | --- | --- |\n"
    news = "[phys.org](https://phys.org/news/x.html)"
    system += f"| **MARS** | agents for materials | 2026 | [Matter 2026]({doi}) / {news} |\n"
    paper = f"| [Knowledge-driven autonomous materials research (MARS)]({doi}) | | |\n"
    assert found(f"{system}\n{LINKS}{paper}") == []


def test_a_long_title_ending_with_its_venue_is_a_title() -> None:
    # two papers on one arXiv link, each title closing with its venue
    rome = "https://arxiv.org/pdf/2202.05262"
    one = f"| [Locating and Editing Factual Associations in GPT (NeurIPS'22)]({rome}) | | |\n"
    two = f"| [Dissecting Recall of Factual Associations in LMs (EMNLP'23)]({rome}) | | |\n"
    (message,) = messages(f"{LINKS}{one}{two}")
    assert "correct the wrong link, or keep one title" in message


def test_one_title_at_two_venues_in_two_years_is_a_paper_and_its_extension() -> None:
    header = "| Venue | Title |\n| --- | --- |\n"
    title = "Exploiting Semantics for Face Image Deblurring"
    conference = f"| CVPR2018 | [{title}](https://arxiv.org/abs/1803.03345) |\n"
    journal = f"| IJCV2020 | [{title}](https://arxiv.org/abs/2001.06822) |\n"
    assert found(header + conference + journal) == []
    # at one venue, one of the two ids is a wrong link
    same = journal.replace("IJCV2020", "CVPR2018")
    assert found(header + conference + same) == [(4, 14, "P001")]


def test_a_word_in_parentheses_after_a_venue_is_no_venues_name() -> None:
    header = "| Title | Venue | Year |\n| --- | --- | --- |\n"
    first = (
        "| [MAGMa](https://doi.org/10.5702/massspectrometry.S0033) | Mass Spectrometry | 2014 |\n"
    )
    again = first.replace("Mass Spectrometry", "Mass Spectrom (Tokyo)")
    assert found(f"## A\n{header}{first}\n## B\n{header}{again}") == []


def test_two_papers_named_on_one_link_are_told_as_two_names_whatever_else_differs() -> None:
    # a short title (two words) and another paper's title on one link, at two venues
    one = f"| [Quantization Networks]({OTHER}) | CVPR | 2017 |\n"
    two = f"| [SYQ: Learning Symmetric Quantization for Networks]({OTHER}) | arXiv | 2017 |\n"
    (message,) = messages(VENUES + one + two)
    assert "one entry under two names, or a link copied" in message
    # one title written two ways with two dates is one entry with two dates
    mem = f"| [A-MEM: Agentic Memory for LLM Agents]({OTHER}) | arXiv | 2025.02 |\n"
    tagged = f"| [A-MEM: Agentic Memory for LLM Agents (NeurIPS)]({OTHER}) | arXiv | 2025.12 |\n"
    (message,) = messages(VENUES + mem + tagged)
    assert "one entry with two dates" in message


def test_a_score_linked_to_its_source_names_no_entry() -> None:
    # a leaderboard's scores link the paper each number comes from
    header = "| Model | MAP | Paper |\n| --- | --- | --- |\n"
    source = "https://arxiv.org/pdf/2002.01854.pdf"
    rows = f"| KNRM | [0.261]({source}) | [K-NRM: End-to-End Neural Ad-hoc Ranking]({OTHER}) |\n"
    rows += (
        f"| TK | 0.316 | [Interpretable Time-Budget-Constrained Contextualization]({source}) |\n"
    )
    assert found(header + rows) == []
    # a paper's own link there is its entry
    paper = rows.replace(f"[0.261]({source})", "0.261").replace(f"]({OTHER})", f"]({source})")
    assert found(header + paper) == [(4, 16, "P001")]


def test_a_link_labelled_by_a_notes_number_is_no_score() -> None:
    header = "| Title | Ref |\n| --- | --- |\n"
    one = f"| Coarse-to-Fine Probability SLAM for Scenes | [1]({OTHER}) |\n"
    two = f"| YOLO and Probability SLAM in Dynamic Scenes | [2]({OTHER}) |\n"
    assert found(header + one + two) == [(4, 3, "P001")]


def test_a_link_labelled_by_its_arxiv_id_is_no_score() -> None:
    # arxiv-daily tables label each paper's link by its id: two titles on one id are told
    header = "| Date | Title | PDF |\n| --- | --- | --- |\n"
    one = f"| 2022-02-04 | CFP-SLAM: Coarse-to-Fine Probability SLAM | [2401.00001]({OTHER}) |\n"
    two = f"| 2022-02-04 | DYP-SLAM: YOLO and Probability SLAM | [2401.00001]({OTHER}) |\n"
    assert found(header + one + two) == [(4, 16, "P001")]


def test_one_paper_under_two_categories_of_its_table_is_listed_in_each() -> None:
    # a table grouped by its Approach column lists a paper once under each approach it shows
    head = "| Approach | Paper | Comment |\n| --- | --- | --- |\n"
    tool = "[Toolformer: models teach themselves tools](https://arxiv.org/abs/2302.04761)"
    gen = "[ToolGen: tool retrieval and calling](https://arxiv.org/abs/2410.03439)"

    def row(approach: str, paper: str) -> str:
        return f"| {approach} | {paper} | what the paper shows of it |\n"

    rows = (
        row("Text Representation", tool)
        + row("Text Representation", gen)
        + row("Token Representation", tool)
        + row("Token Representation", gen)
    )
    assert found(head + rows) == []
    # the same paper twice under one approach is pasted twice
    assert [line for line, _, _ in found(head + rows + row("Token Representation", tool))] == [7]
    # one category per row (a column of tags) tells nothing apart: one paper twice
    tags = (
        row("Text Representation", tool)
        + row("Token Representation", gen)
        + row("Multi-turn Interaction", tool)
    )
    assert [line for line, _, _ in found(head + tags)] == [5]
