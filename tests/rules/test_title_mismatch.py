"""title-mismatch: a row's title that is not its paper's current title (--online)."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.online.metadata import FOUND, UNKNOWN, Paper
from tests.online_checks import HEADER, fixed_online, found_online

CURSE = "The Curse of Recursion: Training on Generated Data Makes Models Forget"
V1 = "Model Dementia: Generated Data Makes Models Forget"
ESM = "doi:10.1126/science.ade2574"
PAPERS = {
    "arxiv:2305.17493": Paper("arxiv:2305.17493", FOUND, CURSE, date=(2023, 5, 27)),
    ESM: Paper(ESM, FOUND, "Evolutionary-scale prediction", "of atomic-level structure"),
    "arxiv:2305.99999": Paper("arxiv:2305.99999", UNKNOWN),
}
ONLY = Config(select=("title-mismatch",))
ARXIV = "https://arxiv.org/abs/2305.17493"
DOI = "https://doi.org/10.1126/science.ade2574"


@pytest.mark.parametrize(
    ("cell", "expected", "fixed"),
    [
        # renamed since v1: reported; the link's text replaced, the link (version and all) kept
        (f"[{V1}]({ARXIV}v1)", [(3, 3, "P005", "unsafe")], f"[{CURSE}]({ARXIV}v1)"),
        # emphasis inside the link and a badge beside it kept
        (
            f"[**{V1}**]({ARXIV}) ![x](https://img.shields.io/a.svg)",
            [(3, 3, "P005", "unsafe")],
            f"[**{CURSE}**]({ARXIV}) ![x](https://img.shields.io/a.svg)",
        ),
        # a DOI row against Crossref's title
        (
            f"[Evolution]({DOI})",
            [(3, 3, "P005", "unsafe")],
            f"[Evolutionary-scale prediction]({DOI})",
        ),
        # the current title, in any case; the short name alone; the title without it
        (f"[{CURSE.upper()}]({ARXIV})", [], None),
        (f"[The Curse of Recursion]({ARXIV})", [], None),
        (f"[Training on Generated Data Makes Models Forget]({ARXIV})", [], None),
        # Crossref's title with or without its subtitle
        (f"[Evolutionary-scale prediction]({DOI})", [], None),
        (f"[Evolutionary-scale prediction: of atomic-level structure]({DOI})", [], None),
        # an unknown id, an id not fetched, two ids: not this rule's
        ("[X](https://arxiv.org/abs/2305.99999)", [], None),
        ("[X](https://arxiv.org/abs/2305.11111)", [], None),
        (f"[{V1}]({ARXIV}) [Y](https://arxiv.org/abs/2305.99999)", [], None),
    ],
)
def test_title_mismatch(
    cell: str, expected: list[tuple[int, int, str, str]], fixed: str | None
) -> None:
    markdown = HEADER + f"| {cell} | 2023.05 |\n"
    assert found_online(markdown, ONLY, PAPERS) == expected
    if fixed is not None:
        assert fixed_online(markdown, ONLY, PAPERS) == HEADER + f"| {fixed} | 2023.05 |\n"


def test_plain_title_cell_is_rewritten_whole() -> None:
    markdown = (
        "| Title | Date | Link |\n| --- | --- | --- |\n"
        "| Model Dementia | 2023.05 | [pdf](https://arxiv.org/pdf/2305.17493) |\n"
    )
    assert found_online(markdown, ONLY, PAPERS) == [(3, 3, "P005", "unsafe")]
    assert f"| {CURSE} | 2023.05 |" in fixed_online(markdown, ONLY, PAPERS)


def test_title_with_markup_outside_the_link_has_no_fix() -> None:
    markdown = HEADER + "| **Model Dementia** [pdf](https://arxiv.org/pdf/2305.17493) | 2023.05 |\n"
    assert found_online(markdown, ONLY, PAPERS) == [(3, 3, "P005", None)]


def test_new_title_is_escaped_for_its_cell_and_link() -> None:
    odd = {"arxiv:2305.17493": PAPERS["arxiv:2305.17493"]._replace(title="A | B [C]")}
    markdown = HEADER + f"| [{V1}]({ARXIV}) | 2023.05 |\n"
    assert (
        fixed_online(markdown, ONLY, odd) == HEADER + f"| [A \\| B \\[C\\]]({ARXIV}) | 2023.05 |\n"
    )


def test_name_column_holds_names_not_titles() -> None:
    markdown = (
        "| Model | Date |\n| --- | --- |\n"
        "| [ChatRecursion](https://arxiv.org/abs/2305.17493) | 2023.05 |\n"
    )
    assert found_online(markdown, ONLY, PAPERS) == []
    titled = markdown.replace("| Model |", "| Title |")
    assert found_online(titled, ONLY, PAPERS) == [(3, 3, "P005", "unsafe")]


def test_nothing_without_online() -> None:
    markdown = HEADER + f"| [{V1}]({ARXIV}) | 2023.05 |\n"
    assert found_online(markdown, ONLY, None) == []
