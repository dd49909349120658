"""The package's imports run one way: no module reaches itself again through others, counting the
imports inside functions (they run as surely, only later) and leaving out those under
``TYPE_CHECKING`` (they never run)."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lint"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


# an import of the package: ``from lint.x import a, b`` (parenthesised over lines or not) or
# ``import lint.x``; the package imports itself by absolute names only
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(lint[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)"
    r"|import[ \t]+(lint[\w.]*))",
    re.MULTILINE,
)


def _type_checking_lines(tree: ast.Module) -> set[int]:
    """The lines of the module's ``if TYPE_CHECKING:`` blocks (imports there never run)."""
    lines: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            last = node.body[-1].end_lineno or node.lineno
            lines.update(range(node.lineno, last + 1))
    return lines


def _modules(base: str, names: str, here: str) -> set[str]:
    """The package's modules an import loads (a package's ``__init__`` included, but not the
    package of the importing module: dates.cells importing dates.patterns does not climb back
    to dates/__init__)."""
    candidates = {base} | {
        f"{base}.{name.split()[0]}" for name in names.strip("()").split(",") if name.strip()
    }
    found = set()
    for candidate in candidates:
        parts = candidate.split(".")
        for end in range(1, len(parts) + 1):  # importing lint.a.b runs lint.a's __init__ too
            prefix = ".".join(parts[:end])
            if prefix in MODULES and not here.startswith(f"{prefix}."):
                found.add(prefix)
    return found


@cache
def imports(name: str) -> frozenset[str]:
    """What ``name`` imports of the package, wherever in the module, ``TYPE_CHECKING`` aside."""
    text = MODULES[name].read_text(encoding="utf-8")
    skipped = _type_checking_lines(ast.parse(text))
    found: set[str] = set()
    for match in _IMPORT.finditer(text):
        if text.count("\n", 0, match.start()) + 1 in skipped:
            continue
        base = match[1] or match[3]
        found |= _modules(base, match[2] or "", name)
    found.discard(name)
    return frozenset(found)


def circles() -> list[list[str]]:
    """Every module that reaches itself through the imports, with one path that does."""
    graph: dict[str, frozenset[str]] = {name: imports(name) for name in MODULES}
    found = []
    for start in graph:
        path = _path(graph, start)
        if path is not None:
            found.append(path)
    return found


def _path(graph: dict[str, frozenset[str]], start: str) -> list[str] | None:
    """A shortest import path from ``start`` back to itself, if any (breadth first)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for name in frontier:
            for target in sorted(graph[name]):
                if target == start:
                    path = [start, name]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path[1:]), start]
                if target not in came_from:
                    came_from[target] = name
                    following.append(target)
        frontier = following
    return None


def test_the_package_has_no_import_circle() -> None:
    assert circles() == []


def test_rules_never_import_the_fix_the_engine_or_the_command_line() -> None:
    above = {"lint.cli", "lint.runner", "lint.engine", "lint.fix", "lint.new_row", "lint.add"}
    for name in MODULES:
        if name.startswith("lint.rules"):
            assert not imports(name) & above, name
