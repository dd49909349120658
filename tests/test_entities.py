"""A table's rows as entities, the conflicts between two of them, and the cross-listing
convention they give (``lint/entities.py``, ``lint/paper_index.py``, ``lint/inference.py``)."""

from __future__ import annotations

import pytest

from lint import entities, inference
from lint.config import Config
from lint.document import parse
from lint.paper_index import DateKey, dates_conflict
from lint.show import describe
from lint.venues import venues_conflict

A = "https://arxiv.org/abs/2407.02490"
HEADER = "| 标题 | 时间 |\n| --- | --- |\n"
PAPER = f"| [BigTrans: Augmenting LLMs]({A}) | 2023.05 |\n"


def table_of(*titles: str) -> str:
    return HEADER + "".join(f"| {title} | 2023.05 |\n" for title in titles)


LONG = "A long title of a paper about graphs"


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        # at the threshold: a quarter of the titles (and four) are short names
        (("SQuAD2.0", LONG, LONG + " 2", LONG + " 3"), True),
        (("SQuAD2.0", LONG, LONG + " 2", LONG + " 3", LONG + " 4"), False),
        (("SQuAD2.0", "DuReader", "CMRC"), False),  # fewer than four titles say nothing
        (("SQuAD2.0", "DuReader", "CMRC", "null", "-"), False),  # placeholders are no titles
        (("SQuAD2.0", "DuReader", "CMRC", "ReCO"), True),
        # identifiers, one token of words joined by marks, are names however many words
        (("ELYZA-Thinking-1.0-Qwen-32B", LONG, LONG + " 2", LONG + " 3"), True),
        (
            ("[Llama-3-ELYZA-JP-8B](https://x.org/a)<br>([8B](https://hf.co/b))", LONG, LONG, LONG),
            True,
        ),
        (("SIP-med-LLM/SIP-jmed-llm-3-8x13b", LONG, LONG + " 2", LONG + " 3"), True),
        # an address, an identifier too long to be one, or a CJK title (written without spaces)
        # is none
        (
            ("京东健康基于大模型的生成式推荐在电商标品推荐的应用", LONG, LONG + " 2", LONG + " 3"),
            False,
        ),
        (("https://example.org/a-long-path-to-a-paper", LONG, LONG + " 2", LONG + " 3"), False),
        (("arXiv:2303.06865", LONG, LONG + " 2", LONG + " 3"), False),
        (("Language-Models-Are-Few-Shot-Learners-" + "x" * 30, LONG, LONG, LONG), False),
    ],
)
def test_a_title_column_of_short_names_lists_named_things(
    titles: tuple[str, ...], expected: bool
) -> None:
    (table,) = parse(table_of(*titles)).tables
    assert entities.names_things(table, 0) is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((2023, 5, 0), (2023, 7, 0), True),
        ((2023, 12, 0), (2023, 11, 0), True),
        ((2023, 5, 0), (2023, 5, 0), False),
        # days are versions, weeks or months apart, across a new year too (a generated list
        # dates each copy by the version it fetched); a year and more apart is no version, and
        # a year apart on the same month and day is a year typed wrong
        ((2024, 6, 25), (2024, 7, 2), False),
        ((2024, 1, 31), (2024, 3, 11), False),
        ((2024, 12, 30), (2025, 1, 2), False),
        ((2024, 12, 24), (2025, 2, 17), False),
        ((2023, 3, 1), (2024, 6, 2), True),
        ((2023, 5, 17), (2024, 5, 17), True),
        # a year alone: a preprint's beside its venue's is one apart
        ((2023, 0, 0), (2024, 0, 0), False),
        ((2023, 0, 0), (2025, 0, 0), True),
        ((2023, 0, 0), (2024, 5, 0), False),
        (None, (2024, 5, 0), False),
    ],
)
def test_dates_conflict(first: DateKey | None, second: DateKey | None, expected: bool) -> None:
    assert dates_conflict(first, second) is expected
    assert dates_conflict(second, first) is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Arxiv 2024", "SIGIR 2024", True),
        ("arXiv", "ACL'24", True),
        ("NeurIPS 2023", "NeurIPS 2024", True),
        ("ACL'24", "ACL 2024", False),
        ("ICLR 2024", "ICLR 2024 Spotlight", False),
        ("Arxiv2023", "arXiv 2023", False),
        ("-", "CVPR 2024", False),
        ("null", "CVPR 2024", False),
        ("", "CVPR 2024", False),
        # one venue written in full and abbreviated is cross-listing, not a stale entry (issue 17)
        ("Nat. Commun.", "Nature Communications", False),
        ("IEEE Trans. Ind. Informatics", "IEEE Transactions on Industrial Informatics", False),
        ("TPAMI", "IEEE Transactions on Pattern Analysis and Machine Intelligence", False),
        ("TVC", "The Visual Computer", False),
        ("ICLR 2024", "International Conference on Learning Representations 2024", False),
        # a venue under its former name (NeurIPS was NIPS), its year after a typographic quote
        ("NeurIPS’23", "NIPS'23", False),
        ("NIPS 2017", "NeurIPS 2018", True),
        # an abbreviation of another venue, or another year, still conflicts
        ("Nat. Commun.", "Nature", True),
        ("Nat. Commun.", "Nature Machine Intelligence", True),
        ("ICLR 2023", "International Conference on Learning Representations 2024", True),
        ("CVPR", "ICCV", True),
    ],
)
def test_venues_conflict(first: str, second: str, expected: bool) -> None:
    assert venues_conflict(first, second) is expected
    assert venues_conflict(second, first) is expected


def listing(markdown: str) -> str | None:
    found = inference.infer(parse(markdown), Config()).cross_listing
    return None if found is None else found.value


def test_one_repeat_across_sections_with_the_same_data_is_cross_listing() -> None:
    once = f"## A\n{HEADER}{PAPER}\n## B\n{HEADER}{PAPER}"
    assert listing(once) == "yes"
    # below the threshold: none repeated, or repeated only in its own table, or with a date
    # of its own (a conflict, not a copy)
    assert listing(f"## A\n{HEADER}{PAPER}\n## B\n{HEADER}| Other | 2023.06 |\n") == "no"
    assert listing(f"## A\n{HEADER}{PAPER}{PAPER}") == "no"
    assert listing(f"## A\n{HEADER}{PAPER}\n## B\n{HEADER}{PAPER.replace('05', '09')}") == "no"
    assert listing("# No tables\n") is None


def test_show_conventions_shows_the_evidence() -> None:
    doc = parse(f"## A\n{HEADER}{PAPER}\n## B\n{HEADER}{PAPER}", "x.md")
    shown = describe("x.md", inference.infer(doc, Config()))
    assert "cross-listing: yes" in shown and "lines 4 and 9" in shown
    assert "entries: papers (1 row)" in shown


def test_links_of_code_and_demo_columns_never_identify_the_paper() -> None:
    markdown = (
        "| Title | Date | Demo |\n| --- | --- | --- |\n"
        "| Model two: a first paper | 2024.01 | [demo](https://demo.example.org/app) |\n"
        "| Model 2.5: a second paper | 2024.07 | [demo](https://demo.example.org/app) |\n"
    )
    found = inference.infer(parse(markdown), Config())
    assert [entry.identity.keys for entry in found.tables[0].entities] == [(), ()]


def test_show_conventions_names_the_lists_templates_and_reworded_titles() -> None:
    blank = "|  |  |\n"
    doc = parse(f"## A\n{HEADER}{PAPER}{blank}\n## B\n{HEADER}{PAPER}{blank}", "x.md")
    shown = describe("x.md", inference.infer(doc, Config()))
    assert "rows of empty cells: yes (inferred; 2 of 2 tables" in shown
    plain = describe("x.md", inference.infer(parse(f"## A\n{HEADER}{PAPER}", "x.md"), Config()))
    assert "rows of empty cells" not in plain and "reworded" not in plain
