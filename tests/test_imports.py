"""The package's imports run one way: no module reaches itself again through others, counting the
imports inside functions (they run as surely, only later) and leaving out those under
``TYPE_CHECKING`` (they never run)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lint"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(node: ast.AST, here: str) -> set[str]:
    """The package's modules an import statement loads (a package's ``__init__`` included)."""
    names: set[str] = set()
    if isinstance(node, ast.Import):
        names = {alias.name for alias in node.names}
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            package = here.split(".")
            if MODULES[here].name != "__init__.py":
                package = package[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        names = {base} | {f"{base}.{alias.name}" for alias in node.names}
    found = set()
    for name in names:
        parts = name.split(".")
        for end in range(1, len(parts) + 1):  # importing lint.a.b runs lint.a's __init__ too
            prefix = ".".join(parts[:end])
            # a package's own modules are its face's parts, not its importers (dates.cells
            # importing dates.patterns does not climb back to dates/__init__)
            if prefix in MODULES and not here.startswith(f"{prefix}."):
                found.add(prefix)
    return found


def imports(name: str) -> set[str]:
    """What ``name`` imports of the package, wherever in the module, ``TYPE_CHECKING`` aside."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _type_checking(node)
        for statement in node.body
        for inner in ast.walk(statement)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in skipped:
            found |= _imported(node, name)
    found.discard(name)
    return found


def circles() -> list[list[str]]:
    """Every module that reaches itself through the imports, with one path that does."""
    graph = {name: imports(name) for name in MODULES}
    found = []
    for start in graph:
        path = _path(graph, start)
        if path is not None:
            found.append(path)
    return found


def _path(graph: dict[str, set[str]], start: str) -> list[str] | None:
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
