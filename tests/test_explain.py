"""--list-rules, --explain and the README rule table generated from the rule modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import explain
from lint.cli import main
from lint.config import documented_keys
from lint.rules import RULES

ROOT = Path(__file__).resolve().parent.parent


def test_list_rules_has_one_line_per_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list-rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RULES) + 1
    for line, rule in zip(lines[1:], RULES, strict=True):
        code, name, default, fix = line.split()[:4]
        assert (code, name, default, fix) == (
            rule.CODE,
            rule.NAME,
            "online" if getattr(rule, "ONLINE", False) else "on" if rule.DEFAULT else "off",
            rule.FIX,
        )


@pytest.mark.parametrize("key", ["column-count", "t001", "M002"])
def test_explain_prints_the_rule_docstring(key: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", key]) == 0
    out = capsys.readouterr().out
    rule = next(r for r in RULES if key.lower() in (r.CODE.lower(), r.NAME))
    assert out.startswith(f"{rule.CODE} {rule.NAME}")
    assert "Fails" in out and "Passes" in out


def test_explain_of_an_unknown_rule_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--explain", "no-such-rule"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "no-such-rule" in captured.err


def test_readme_rule_table_is_generated() -> None:
    """Fails when README differs: run `python -m lint.explain --update-readme README.md`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert explain.replace_rule_table(readme) == readme


def test_update_readme_rewrites_only_the_block(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_bytes(
        f"# x\r\n\r\n{explain.START}\r\nOLD-TABLE\r\n{explain.END}\r\ntail\r\n".encode()
    )
    assert explain.main(["--update-readme", str(readme)]) == 0
    text = readme.read_bytes().decode()
    assert text.startswith("# x\r\n\r\n") and text.endswith(f"{explain.END}\r\ntail\r\n")
    assert explain.markdown_table().replace("\n", "\r\n") in text and "OLD-TABLE" not in text
    assert explain.main(["--update-readme", str(readme)]) == 0
    assert readme.read_bytes().decode() == text


def test_update_readme_without_markers_fails(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    assert explain.main(["--update-readme", str(readme)]) == 2


def test_generated_table_lints_clean() -> None:
    from lint.engine import lint_text

    assert lint_text(f"# Rules\n\n{explain.markdown_table()}\n") == []


def test_readme_config_table_is_generated() -> None:
    """Fails when README differs: run `python -m lint.explain --update-readme README.md`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert explain.replace_config_table(readme) == readme
    for key, _, _ in documented_keys():
        assert f"`{key}`" in explain.config_table()


def test_every_rule_with_a_fix_explains_the_safety_contract() -> None:
    from lint.contract import TEXT

    for rule in RULES:
        text = explain.explain(rule.CODE)
        assert text is not None
        assert (TEXT in text) is (rule.FIX != "none"), rule.NAME
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "max(3, 10%)" in readme and "a day is never dropped" in readme


@pytest.mark.parametrize("rule", RULES, ids=[rule.NAME for rule in RULES])
def test_explain_is_plain_text_without_markup_or_source_paths(
    rule: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--explain", rule.NAME]) == 0  # type: ignore[attr-defined]
    out = capsys.readouterr().out
    assert "``" not in out  # reST literals become `code`
    assert not [line for line in out.splitlines() if line.endswith("::")]  # reST's block marker
    assert "lint/" not in out and ".py" not in out  # no path into the source


def test_plain_keeps_a_literal_that_holds_backticks() -> None:
    assert explain.plain("a ``b`` and `` `c` `` d\nFails::\n") == (
        "a `b` and c in backticks d\nFails:\n"
    )
