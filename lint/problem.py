"""Problems and fixes as plain data: what a rule found, and the line edits that would repair it."""

from __future__ import annotations

from typing import NamedTuple

SAFE = "safe"
UNSAFE = "unsafe"


class Edit(NamedTuple):
    """Replace 1-based lines ``start_line``..``end_line`` (inclusive) by ``new_lines``.

    ``new_lines`` hold line contents without line endings; an empty tuple deletes the lines.
    """

    start_line: int
    end_line: int
    new_lines: tuple[str, ...]


class Fix(NamedTuple):
    """Edits applied together, their safety (``safe`` or ``unsafe``), and row changes on purpose.

    ``removed_rows`` hold the cells of every table row the fix deletes deliberately and
    ``rewritten_rows`` the ``(old cells, new cells)`` of every row whose cell text it changes, so
    the nothing-lost check can tell a wanted change from a lost row. Moving a row, padding cells
    or changing white space needs no declaration.
    """

    edits: tuple[Edit, ...]
    safety: str = SAFE
    removed_rows: tuple[tuple[str, ...], ...] = ()
    rewritten_rows: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()


class Problem(NamedTuple):
    """One finding: 1-based position, the rule's code and name, a message, and an optional fix."""

    line: int
    column: int
    code: str
    name: str
    message: str
    fix: Fix | None = None

    @property
    def fix_safety(self) -> str | None:
        """``"safe"``, ``"unsafe"`` or None."""
        return self.fix.safety if self.fix else None


def wanted(problem: Problem, unsafe: bool) -> bool:
    """True when ``problem`` has a fix the run applies: a safe one, or any with ``unsafe``."""
    return problem.fix is not None and (unsafe or problem.fix.safety == SAFE)


def row_key(cells: tuple[str, ...]) -> tuple[str, ...]:
    """A row as the nothing-lost check compares rows: white space inside cells collapsed,
    trailing empty cells dropped (padding a short row loses nothing)."""
    key = [" ".join(cell.split()) for cell in cells]
    while key and not key[-1]:
        key.pop()
    return tuple(key)
