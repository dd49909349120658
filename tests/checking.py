"""Running one rule in a test as the engine runs it: handed the context the engine builds."""

from __future__ import annotations

from types import ModuleType

from lint import engine
from lint.config import Config
from lint.document import Document
from lint.paper_index import Scope
from lint.problem import Problem


def run_rule(
    rule: ModuleType, doc: Document, config: Config, scope: Scope | None = None
) -> list[Problem]:
    """The problems ``rule`` finds in ``doc`` (before the suppression pass, unsorted)."""
    return list(rule.check(doc, engine.context(doc, config, scope)))
