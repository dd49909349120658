"""A problem located in a file and an error of the run, as every output format reads them, and
where a rule is documented (``lint/output.py`` writes text, JSON and GitHub lines of them,
``lint/sarif.py`` a SARIF log)."""

from __future__ import annotations

from typing import NamedTuple

from lint import HOMEPAGE
from lint.problem import Problem


class Report(NamedTuple):
    """One problem located in a file, as the formats need it (``path`` as shown to the user);
    ``end_line`` and ``end_column`` end its span (exclusive, 0 when not measured, see
    ``output.span_end``)."""

    path: str
    problem: Problem
    end_line: int = 0
    end_column: int = 0
    suppressed: bool = False


class Error(NamedTuple):
    """An error of the run: its message, and the file (and place in it) it belongs to, if any."""

    message: str
    path: str | None = None
    line: int = 1
    column: int = 1


def rule_url(name: str) -> str:
    """Where a rule is documented: its anchor in README's rule table (as ruff links a rule's
    page from its output)."""
    return f"{HOMEPAGE}#{name}"
