"""withdrawn-paper: a paper withdrawn from arXiv or retracted (--online)."""

from __future__ import annotations

from lint.config import Config
from lint.online.metadata import FOUND, Paper
from tests.online_checks import HEADER, found_online

ONLY = Config(select=("withdrawn-paper",))
PAPERS = {
    "arxiv:2305.11111": Paper("arxiv:2305.11111", FOUND, "Gone", date=(2023, 5, 1), withdrawn=True),
    "arxiv:2305.18098": Paper("arxiv:2305.18098", FOUND, "Here", date=(2023, 5, 29)),
    "doi:10.1000/r": Paper("doi:10.1000/r", FOUND, "Retracted", date=(2021, 1, 0), withdrawn=True),
}


def test_withdrawn_and_retracted_papers_are_reported() -> None:
    markdown = HEADER + (
        "| [Gone](https://arxiv.org/abs/2305.11111) | 2023.05 |\n"
        "| [Here](https://arxiv.org/abs/2305.18098) | 2023.05 |\n"
        "| [Retracted](https://doi.org/10.1000/r) | 2021.01 |\n"
    )
    assert found_online(markdown, ONLY, PAPERS) == [(3, 3, "P008", None), (5, 3, "P008", None)]


def test_nothing_without_online() -> None:
    markdown = HEADER + "| [Gone](https://arxiv.org/abs/2305.11111) | 2023.05 |\n"
    assert found_online(markdown, ONLY, None) == []
