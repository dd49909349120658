"""The engine (``lint/engine.py``): which rules run, the one context they share, and the problems
they return, located and sorted by position."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from lint import engine, inference
from lint.config import Config, ConfigError
from lint.context import Context
from lint.document import Document, parse
from lint.engine import lint_text
from lint.fix import fix_text
from lint.memo import Memo
from lint.problem import Problem
from lint.rules import RULES, column_count, duplicate_entry, table_format, unused_suppression

# an empty section (S001, a late rule, early in the text), a short row (T001), a duplicate (P001)
LIST = (
    "# T\n\n## Empty\n\n## Papers\n\n| Title | Date |\n| --- | --- |\n"
    "| Alpha | 2024.01 |\n| Beta |\n| Alpha | 2024.01 |\n"
)


# ---------------------------------------------------------------- rules selected


def test_the_default_selection_is_every_default_rule_in_registry_order() -> None:
    chosen = engine.selected_rules(Config())
    assert chosen == tuple(rule for rule in RULES if rule.DEFAULT)
    assert unused_suppression not in chosen  # opt-in


def test_select_takes_codes_and_names_in_any_case_and_keeps_registry_order() -> None:
    config = Config(select=("duplicate-entry", "t001", " T002 "))
    assert engine.selected_rules(config) == (column_count, table_format, duplicate_entry)


def test_extend_select_adds_and_ignore_removes() -> None:
    chosen = engine.selected_rules(Config(extend_select=("M002",), ignore=("column-count",)))
    assert unused_suppression in chosen and column_count not in chosen
    everything = engine.selected_rules(Config(select=("ALL",), ignore=("T002",)))
    assert everything == tuple(rule for rule in RULES if rule is not table_format)


@pytest.mark.parametrize(
    ("config", "option"),
    [
        (Config(select=("duplicate-entri",)), "select"),
        (Config(extend_select=("duplicate-entri",)), "extend-select"),
        (Config(ignore=("duplicate-entri",)), "ignore"),
    ],
)
def test_an_unknown_rule_is_a_config_error_naming_its_option(config: Config, option: str) -> None:
    with pytest.raises(ConfigError, match=option):
        engine.selected_rules(config)


# ---------------------------------------------------------------- the context, built once


def recording(code: str, seen: list[Context], found: list[Problem]) -> ModuleType:
    """A stand-in rule: records the context it is handed and returns ``found``."""

    def check(doc: Document, context: Context) -> Iterator[Problem]:
        seen.append(context)
        return iter(found)

    rule: Any = SimpleNamespace(CODE=code, NAME=code.lower(), DEFAULT=True, check=check)
    return rule


def test_conventions_are_read_once_per_check_and_every_rule_gets_the_same_context(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[Document] = []
    real = inference.infer

    def counting(doc: Document, *args: Any, **kwargs: Any) -> Any:
        calls.append(doc)
        return real(doc, *args, **kwargs)

    seen: list[Context] = []
    rules = (recording("X001", seen, []), recording("X002", seen, []))
    monkeypatch.setattr(inference, "infer", counting)
    monkeypatch.setattr(engine, "selected_rules", lambda config: rules)
    doc = parse(LIST)
    engine.check(doc, Config())
    assert calls == [doc]
    assert len(seen) == 2 and seen[0] is seen[1]
    assert seen[0].conventions.tables[0].table is doc.tables[0]


def test_every_selected_rule_runs_once_against_real_conventions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[Document] = []
    real = inference.infer

    def counting(doc: Document, *args: Any) -> Any:
        calls.append(doc)
        return real(doc, *args)

    monkeypatch.setattr(inference, "infer", counting)
    engine.check(parse(LIST), Config(select=("ALL",)))
    assert len(calls) == 1


def test_the_memo_given_is_the_one_the_rules_share() -> None:
    memo = Memo()
    doc = parse(LIST)
    assert engine.context(doc, Config(), memo=memo).memo is memo
    assert engine.context(doc, Config()).memo is not memo


# ---------------------------------------------------------------- problems sorted and located


def test_problems_are_sorted_by_line_column_and_code(monkeypatch: pytest.MonkeyPatch) -> None:
    late = [Problem(9, 1, "X001", "x001", "m"), Problem(2, 5, "X001", "x001", "m")]
    early = [Problem(2, 5, "A001", "a001", "m"), Problem(2, 1, "A001", "a001", "m")]
    rules = (recording("X001", [], late), recording("A001", [], early))
    monkeypatch.setattr(engine, "selected_rules", lambda config: rules)
    found = [(p.line, p.column, p.code) for p in engine.check(parse(LIST), Config())]
    assert found == [(2, 1, "A001"), (2, 5, "A001"), (2, 5, "X001"), (9, 1, "X001")]


def test_problems_of_real_rules_are_located_in_the_source() -> None:
    found = [(p.line, p.column, p.code) for p in engine.check(parse(LIST), Config())]
    # the empty section's heading, the short row's end, the duplicate's title cell
    assert found == [(3, 1, "S001"), (10, 7, "T001"), (11, 3, "P001")]
    assert engine.lint_text(LIST) == engine.check(parse(LIST), Config())


def test_a_suppression_comment_silences_its_rule_on_its_line() -> None:
    silenced = LIST.replace("| Beta |", "| Beta <!-- lint-disable-line column-count --> |")
    found = [p.code for p in engine.check(parse(silenced), Config())]
    assert "T001" not in found and "P001" in found


def test_the_parts_a_program_writes_and_asks_nobody_to_edit_are_left_alone() -> None:
    # all-contributors' table: its last row of avatars is short, as the bot writes it
    bot = (
        "<!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->\n"
        "| A | B | C |\n| --- | --- | --- |\n| a | b |\n"
        "<!-- ALL-CONTRIBUTORS-LIST:END -->\n"
    )
    papers = "| Title | Date | Note |\n| --- | --- | --- |\n| P | 2023.01 | n |\n| Q | 2023.02 |\n"
    strict = Config(trailing_cells="strict")
    assert [p.line for p in lint_text(papers + "\n" + bot, config=strict)] == [4]
    fixed = fix_text(papers + "\n" + bot, config=strict).text
    assert fixed.endswith(bot) and fixed != papers + "\n" + bot
    # a part marked without asking is the list's own: checked like the rest
    own = bot.replace(" - Do not remove or modify this section", "")
    own = own.replace("ALL-CONTRIBUTORS-LIST", "PAPERS")
    assert [p.line for p in lint_text(papers + "\n" + own, config=strict)] == [4, 9]


def test_front_matter_is_no_heading() -> None:
    # a Jekyll page: CommonMark reads ``title: …`` over the closing ``---`` as an empty section
    papers = "| Title | Date |\n| --- | --- |\n| P | 2023.01 |\n"
    page = "---\ntitle: ISMIR 2002\n---\n\n## Papers\n\n" + papers
    assert lint_text(page) == []
    # a thematic break over a paragraph underlined as a heading is the list's own Markdown
    underlined = "---\nIntro words\n---\n\n## Papers\n\n" + papers
    assert [p.code for p in lint_text(underlined)] == ["S001"]
