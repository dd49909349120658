"""unknown-paper: an arXiv id or DOI no source knows (--online)."""

from __future__ import annotations

from lint.config import Config
from lint.online.metadata import ELSEWHERE, FOUND, UNKNOWN, Paper
from tests.online_checks import HEADER, found_online

ONLY = Config(select=("unknown-paper",))
PAPERS = {
    "arxiv:2305.99999": Paper("arxiv:2305.99999", UNKNOWN),
    "arxiv:2305.18098": Paper("arxiv:2305.18098", FOUND, "BigTranslate", date=(2023, 5, 29)),
    "doi:10.9999/none": Paper("doi:10.9999/none", UNKNOWN),
    "doi:10.5281/zenodo.1": Paper("doi:10.5281/zenodo.1", ELSEWHERE),
}


def test_unknown_ids_and_dois_are_reported_at_the_title() -> None:
    markdown = HEADER + (
        "| [A](https://arxiv.org/abs/2305.99999v2) | 2023.05 |\n"
        "| [B](https://arxiv.org/abs/2305.18098) | 2023.05 |\n"
        "| [C](https://doi.org/10.9999/NONE) | 2023.05 |\n"
        "| [D](https://doi.org/10.5281/zenodo.1) | 2023.05 |\n"
    )
    assert found_online(markdown, ONLY, PAPERS) == [(3, 3, "P007", None), (5, 3, "P007", None)]


def test_nothing_without_online() -> None:
    markdown = HEADER + "| [A](https://arxiv.org/abs/2305.99999) | 2023.05 |\n"
    assert found_online(markdown, ONLY, None) == []
