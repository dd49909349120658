"""ruff, ruff format and mypy pass on the code, at the versions pinned in the `test` extra.

The same pins are in .pre-commit-config.yaml (a contributor's commit and CI's checks job), and a
test keeps the two equal, so the three places cannot disagree about what "clean" means.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

# slow tooling: left out of the fast loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ("lint", "tests", "bench")
TOOLS = ("ruff", "mypy")


def _pins(requirements: list[str]) -> dict[str, str]:
    """``{name: version}`` for the ``name==version`` requirements of the checking tools."""
    pins = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^;\s]+)", requirement.strip())
        if match and match.group(1) in TOOLS:
            pins[match.group(1)] = match.group(2)
    return pins


def _test_extra_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return _pins(project["optional-dependencies"]["test"])


def _tool(name: str) -> str:
    """The tool installed beside this Python, at the pinned version."""
    path = Path(sys.executable).with_name(name + (".exe" if sys.platform == "win32" else ""))
    assert path.exists(), f"{name} is in the test extra: pip install -e '.[test]'"
    version = subprocess.run([str(path), "--version"], capture_output=True, text=True).stdout
    pinned = _test_extra_pins()[name]
    assert pinned in version.split(), f"{name} {pinned} is pinned, found {version!r}: reinstall"
    return str(path)


def _run(*command: str) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_check() -> None:
    _run(_tool("ruff"), "check", "--no-cache", *CHECKED)


def test_ruff_format() -> None:
    _run(_tool("ruff"), "format", "--check", "--no-cache", *CHECKED)


def test_mypy(tmp_path: Path) -> None:
    _run(_tool("mypy"), "--cache-dir", str(tmp_path), *CHECKED)


def test_pre_commit_pins_the_same_versions() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    for hook in hooks:
        pins = _pins(hook.get("additional_dependencies", []))
        for name, version in pins.items():
            assert _test_extra_pins()[name] == version, f"{hook['id']}: {name}=={version}"
    ids = {hook["id"] for hook in hooks}
    assert {"ruff", "ruff-format", "mypy"} <= ids


@pytest.mark.parametrize("tool", TOOLS)
def test_tools_are_pinned_exactly(tool: str) -> None:
    assert tool in _test_extra_pins(), f"pin {tool} with == in the test extra"
