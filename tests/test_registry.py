"""Meta-tests: every rule module is registered, named, coded and documented, and in README."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path
from types import ModuleType

import pytest

import lint.rules
from lint.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"^[A-Z][0-9]{3}$")
KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def test_every_rule_module_is_registered() -> None:
    modules = {info.name for info in pkgutil.iter_modules(lint.rules.__path__)}
    assert modules == {rule.__name__.rsplit(".", 1)[1] for rule in RULES}


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.CODE for rule in RULES]
    names = [rule.NAME for rule in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert all(CODE.match(code) for code in codes)
    assert all(KEBAB.match(name) for name in names)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.NAME)
def test_rule_module_shape(rule: ModuleType) -> None:
    assert rule.NAME.replace("-", "_") == rule.__name__.rsplit(".", 1)[1]
    assert isinstance(rule.DEFAULT, bool)
    assert rule.FIX in ("safe", "unsafe", "safe/unsafe", "none")
    assert callable(rule.check)
    doc = rule.__doc__ or ""
    assert doc.strip().splitlines()[0].strip(), "first docstring line is the summary"
    assert "Fails" in doc and "Passes" in doc, "a failing and a passing example"
    assert "Why" in doc and "Fix" in doc


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.NAME)
def test_rule_is_listed_in_readme(rule: ModuleType) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- rules:start -->")[1].split("<!-- rules:end -->")[0]
    assert f"`{rule.CODE}`" in block and f"`{rule.NAME}`" in block
