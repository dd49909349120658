"""Running the online rules in a test as the engine runs them, with the metadata given."""

from __future__ import annotations

from collections.abc import Mapping

from lint import engine
from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.online.metadata import Paper

HEADER = "| 论文题目 | 发表时间 |\n| --- | --- |\n"


def found_online(
    markdown: str, config: Config, metadata: Mapping[str, Paper] | None
) -> list[tuple[int, int, str, str | None]]:
    """``(line, column, code, fix safety)`` of every problem ``config``'s rules find."""
    problems = engine.check(parse(markdown, "list.md"), config, metadata=metadata)
    return [(p.line, p.column, p.code, p.fix_safety) for p in problems]


def fixed_online(markdown: str, config: Config, metadata: Mapping[str, Paper]) -> str:
    """``markdown`` after ``--fix --unsafe-fixes`` with ``config``'s rules."""
    return fix_text(markdown, "list.md", config, True, metadata=metadata).text
