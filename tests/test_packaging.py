"""What a package index shows about llm4or-lint: the installed metadata agrees with the code,
the supported Pythons agree with CI, and README tells how to install from git."""

from __future__ import annotations

import importlib.metadata
import re
import sys
from pathlib import Path

import pytest
import yaml

import lint

# slow tooling: left out of the fast loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REINSTALL = "installed metadata is stale: pip install -e '.[test]'"


def _tested_pythons() -> list[str]:
    workflow = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text(encoding="utf-8"))
    versions: list[str] = workflow["jobs"]["tests"]["strategy"]["matrix"]["python-version"]
    return versions


def test_the_version_lives_in_lint_init_only() -> None:
    assert "version" in PROJECT["dynamic"] and "version" not in PROJECT
    assert importlib.metadata.version("llm4or-lint") == lint.__version__, REINSTALL


def test_supported_pythons_are_the_tested_ones() -> None:
    classified = [
        match.group(1)
        for classifier in PROJECT["classifiers"]
        if (match := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", classifier))
    ]
    assert classified == _tested_pythons()
    assert PROJECT["requires-python"] == f">={classified[0]}"


def test_installed_metadata_shows_license_readme_and_urls() -> None:
    metadata = importlib.metadata.metadata("llm4or-lint")
    assert metadata["License-Expression"] == PROJECT["license"] == "MIT", REINSTALL
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata["Requires-Python"] == PROJECT["requires-python"], REINSTALL
    assert metadata.get_all("Classifier") == PROJECT["classifiers"], REINSTALL
    assert metadata.get_all("Project-URL"), "project URLs"


def test_readme_shows_how_to_install_from_git() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install "git+https://github.com/OWNER/awesome-llm4or@REF"' in readme
