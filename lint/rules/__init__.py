"""The rule registry: every rule module, in report order.

A rule module has ``CODE`` (short, stable), ``NAME`` (kebab-case), ``DEFAULT`` (on unless
opt-in), ``FIX`` (``"safe"``, ``"unsafe"``, ``"safe/unsafe"`` or ``"none"``), a docstring that
documents it (first line: the summary) and ``check(doc, context) -> Iterator[Problem]``. A rule
with ``ONLINE = True`` reads what arXiv and Crossref say of the papers (``context.metadata``):
it runs only with ``--online``, and finds nothing without it.
"""

from __future__ import annotations

from types import ModuleType

from lint.rules import (
    arxiv_date,
    broken_link,
    broken_table,
    column_count,
    date_format,
    date_mismatch,
    duplicate_entry,
    empty_cell,
    empty_section,
    header_mismatch,
    invalid_suppression,
    missing_column,
    row_order,
    table_format,
    title_mismatch,
    unknown_paper,
    unused_suppression,
    withdrawn_paper,
)

RULES: tuple[ModuleType, ...] = (
    column_count,
    table_format,
    header_mismatch,
    empty_cell,
    missing_column,
    broken_table,
    duplicate_entry,
    date_format,
    arxiv_date,
    row_order,
    broken_link,
    title_mismatch,
    date_mismatch,
    unknown_paper,
    withdrawn_paper,
    empty_section,
    invalid_suppression,
    unused_suppression,
)


def summary(rule: ModuleType) -> str:
    """The first line of a rule's docstring."""
    return (rule.__doc__ or "").strip().splitlines()[0].rstrip(".")


def lookup(key: str) -> ModuleType | None:
    """The rule whose code or name is ``key`` (case-insensitive), or None."""
    wanted = key.strip().lower()
    for rule in RULES:
        if wanted in (rule.CODE.lower(), rule.NAME):
            return rule
    return None
