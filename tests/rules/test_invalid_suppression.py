"""invalid-suppression: a suppression comment naming no known rule."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.rules import invalid_suppression
from tests.checking import run_rule

ONLY = Config(select=("invalid-suppression",))


def found(markdown: str) -> list[tuple[int, int, str]]:
    return [
        (p.line, p.column, p.code) for p in run_rule(invalid_suppression, parse(markdown), ONLY)
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("no comment\n", []),
        ("<!-- lint-disable -->\n", []),
        ("<!-- lint-disable duplicate-entry T001 m001 -->\n", []),
        ("<!-- lint-disable-next-line duplicate-entrie -->\n", [(1, 29, "M001")]),
        ("<!-- lint-enable a, b -->\n", [(1, 18, "M001"), (1, 21, "M001")]),
        ("text\n\n  <!-- lint-disable-file X999 -->\n", [(3, 26, "M001")]),
        ("```\n<!-- lint-disable X999 -->\n```\n", []),
    ],
)
def test_invalid_suppression(markdown: str, expected: list[tuple[int, int, str]]) -> None:
    assert found(markdown) == expected


def test_has_no_fix() -> None:
    (problem,) = run_rule(invalid_suppression, parse("<!-- lint-disable X9 -->\n"), ONLY)
    assert problem.fix is None
