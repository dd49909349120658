"""When a row's title names its paper: case, punctuation, markup and a known short name aside."""

from __future__ import annotations

import pytest

from lint.online.titles import paper_titles, same, shown

FLEXGEN = "FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU"
TOT = "Tree of Thoughts: Deliberate Problem Solving with Large Language Models"


@pytest.mark.parametrize(
    ("row", "title"),
    [
        (FLEXGEN, FLEXGEN),
        (
            "flexgen — high-throughput generative inference",
            "FlexGen: High Throughput Generative Inference",
        ),
        (FLEXGEN.upper().replace(":", " -"), FLEXGEN),
        ("FlexGen", FLEXGEN),  # the short name alone
        (FLEXGEN.split(": ", 1)[1], FLEXGEN),  # the title without it
        (f"ToT: {TOT}", TOT),  # a name of the list's own before the title
        (f"{TOT} (ToT)", TOT),  # or after it, in parentheses
        ("Schrödinger Bridges Beat Diffusion", 'Schr\\"odinger Bridges Beat Diffusion'),
        ("Ｆｕｌｌ－ｗｉｄｔｈ Title", "Full-width Title"),
        ("Pre-training Is All", "Pretraining is all"),
        ("$k$-NN Language Models", "k-NN Language Models"),
        ("GPT-4", "GPT-4 Technical Report"),  # its first words as its name
    ],
)
def test_same_paper(row: str, title: str) -> None:
    assert same(row, [title])


@pytest.mark.parametrize(
    ("row", "title"),
    [
        # renamed since v1
        (
            "Model Dementia: Generated Data Makes Models Forget",
            "The Curse of Recursion: Training on Generated Data Makes Models Forget",
        ),
        # another short name is another title (BigTrans was BigTranslate's first)
        (
            "BigTrans: Augmenting Large Language Models",
            "BigTranslate: Augmenting Large Language Models",
        ),
        ("Other: " + FLEXGEN.split(": ", 1)[1], FLEXGEN),
        ("Tree of Thoughts", "Graph of Thoughts: Solving Elaborate Problems"),
        ("Deliberate problem solving with LLMs", TOT),
    ],
)
def test_another_title(row: str, title: str) -> None:
    assert not same(row, [title])


def test_subtitle_may_be_written_or_not() -> None:
    titles = paper_titles("Evolutionary-scale prediction", "a language model")
    assert same("Evolutionary-scale prediction", titles)
    assert same("Evolutionary-scale prediction: A Language Model", titles)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("[**Title**](https://arxiv.org/abs/2305.17493)", "**Title**"),
        ("[**MInference**] [MInference 1.0](https://arxiv.org/abs/2407.02490)", " MInference 1.0"),
        ('Title <img src="new.gif"> ![badge](https://img.shields.io/x.svg)', "Title  "),
        ("[**MInference**]", "[**MInference**]"),  # a tag alone is the title
    ],
)
def test_title_cell_as_github_shows_it(cell: str, expected: str) -> None:
    assert shown(cell) == expected


def test_empty_title_names_nothing_to_compare() -> None:
    assert same("", ["A Title"]) and same("**", ["A Title"])
