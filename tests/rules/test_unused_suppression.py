"""unused-suppression: comments that silenced nothing, reported by the engine (opt-in)."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.engine import lint_text, selected_rules
from lint.rules import unused_suppression
from tests.checking import run_rule

ON = Config(select=("column-count", "unused-suppression"))
TABLE = "| a | b |\n| - | - |\n"


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in lint_text(markdown, "t.md", ON)]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (f"<!-- lint-disable-file column-count -->\n{TABLE}| 1 |\n", []),
        (f"<!-- lint-disable-file column-count -->\n{TABLE}| 1 | 2 |\n", [(1, 1, "M002")]),
        (f"<!-- lint-disable -->\n{TABLE}| 1 |\n<!-- lint-enable -->\n", []),
        (
            f"{TABLE}| 1 |\n\n<!-- lint-disable -->\n<!-- lint-enable -->\n",
            [(3, 4, "T001"), (5, 1, "M002")],
        ),
        (f"<!-- lint-disable-next-line row-order -->\n{TABLE}", [(1, 1, "M002")]),
        # only unknown names: invalid-suppression reports it, not this rule
        (f"<!-- lint-disable-file nothing-here -->\n{TABLE}", []),
    ],
)
def test_unused_suppression(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected


def test_is_off_by_default_and_check_alone_finds_nothing() -> None:
    assert unused_suppression not in selected_rules(Config())
    markdown = "<!-- lint-disable-file -->\n"
    assert list(run_rule(unused_suppression, parse(markdown), ON)) == []
