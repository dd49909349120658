"""column_shapes: the kind of a cell, what a column holds, and where a short or long row's
cells belong."""

from __future__ import annotations

import pytest

from lint import column_shapes
from lint.column_shapes import DATE, EMPTY, IMAGE, LINK, NUMBER, PLACEHOLDER, TEXT, Shift
from lint.document import parse


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("", EMPTY),
        ("**  **", EMPTY),
        ("-", PLACEHOLDER),
        ("N/A", PLACEHOLDER),
        ("✘", PLACEHOLDER),
        ("2023.05", DATE),
        ("**CVPR 2025**", DATE),
        ("May 2025", DATE),
        ("Mar., 2024", DATE),
        ("7B", NUMBER),
        ("1,000", NUMBER),
        ("[![Star](https://img.shields.io/x.svg)](https://github.com/x)", IMAGE),
        ("[paper](https://arxiv.org/abs/2301.00001)", LINK),
        ("[a](http://x), [b](http://y)", LINK),
        ("[Title](http://x) and more words", TEXT),
        ("TabM", TEXT),
        ("Multi-turn data analysis over 2023 tables of the web", TEXT),
    ],
)
def test_kind(cell: str, expected: str) -> None:
    assert column_shapes.kind(cell) == expected


HEADER = "| Year | Name | Paper | Code |\n| - | - | - | - |\n"
ROWS = "".join(
    f"| 202{n} | Model{n} | [Paper {n}](https://arxiv.org/abs/230{n}.0000{n}) | - |\n"
    for n in range(1, 6)
)


def shape_and_row(markdown: str) -> tuple[column_shapes.Shape, tuple[str, ...]]:
    (table,) = parse(markdown).tables
    return column_shapes.shape(table), table.rows[-1].cells


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # the Name cell is missing: the paper link stands under Name, where links never are
        ("| 2023 | [A paper](https://x.org/a) | - |", Shift(1, 1, "[A paper](https://x.org/a)")),
        # the Year cell is missing: a name under Year, a link under Name
        ("| Model9 | [A paper](https://x.org/a) | - |", Shift(0, 1, "Model9")),
        # the Code cell is left out at the end: every cell where it belongs
        ("| 2023 | Model9 | [A paper](https://x.org/a) |", None),
        # a stray cell before the code: the code cell belongs one column to the left
        ("| 2023 | Model9 | [A paper](https://x.org/a) | AAAI | - |", None),
        (
            "| 2023 | Model9 | AAAI | [A paper](https://x.org/a) | - |",
            Shift(3, -1, "[A paper](https://x.org/a)"),
        ),
    ],
)
def test_shift(row: str, expected: Shift | None) -> None:
    shape, cells = shape_and_row(HEADER + ROWS + row + "\n")
    assert column_shapes.shift(shape, cells) == expected


def test_no_shift_without_evidence_of_what_a_column_holds() -> None:
    few = "".join(ROWS.splitlines(keepends=True)[:2])
    shape, cells = shape_and_row(HEADER + few + "| 2023 | [A paper](https://x.org/a) | - |\n")
    assert column_shapes.shift(shape, cells) is None


def test_words_tell_text_columns_apart() -> None:
    """Model names repeat down a Backbone column and never stand under Task."""
    header = "| Title | Task | Backbone | Code |\n| - | - | - | - |\n"
    tasks = ["Table QA", "Table-to-text", "TQA", "Table QA", "Fact verification"]
    models = ["Qwen2.5-7B", "Llama3.1-8B", "Qwen2.5-7B, T5", "Llama3.1-8B", "Qwen2.5-7B"]
    rows = "".join(
        f"| [P{n}](https://x.org/{n}) | {task} | {model} | - |\n"
        for n, (task, model) in enumerate(zip(tasks, models, strict=True))
    )
    shape, cells = shape_and_row(
        header + rows + "| [P](https://x.org) | Qwen2.5-7B, Llama3.1-8B | |\n"
    )
    assert column_shapes.shift(shape, cells) == Shift(1, 1, "Qwen2.5-7B, Llama3.1-8B")


def test_shape_reads_full_rows_and_counts_short_ones() -> None:
    (table,) = parse(HEADER + ROWS + "| 2023 | Model9 |\n| 2024 |\n").tables
    shape = column_shapes.shape(table)
    assert shape.short_rows == 2
    assert [column.rows for column in shape.columns] == [5, 5, 5, 5]
    assert shape.columns[0].share(DATE) == 1.0 and shape.columns[3].filled == 5
