"""Properties on documents shaped like real paper lists (``tests/strategies.py``, the generator
``bench/fuzz.py`` runs for minutes): CJK and full-width text, every date style with trailing
marks, venue-years, markup, HTML, comments, escaped pipes, tables in quotes, lists and indented
blocks, glued lines, missing and extra cells, repeated rows, several sections, CRLF.

On every one, under the settings a configuration file may give: fixing raises nothing and no
fix is refused by the nothing-lost check or the safety contract; a plain fix leaves
no safe fix behind, a second fix changes nothing, and GitHub shows the result within the safety
contract; unsafe fixes settle too. And every rule, alone, offers only safe fixes the contract
accepts. CI draws the same 2,000 lists every run (``LIST_EXAMPLES``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from lint import engine
from lint.config import Config, from_mapping
from lint.document import parse
from lint.fix import Changes, apply_fixes, fix_text, verify
from lint.lines import join, split_lines
from lint.problem import SAFE
from tests import strategies
from tests.conftest import LIST_EXAMPLES
from tests.gfm_oracle import why_not_equivalent

# thousands of generated paper lists, each fixed and verified: left out of the fast
# loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

SETTINGS = strategies.configs().map(from_mapping)


def plain(text: str) -> str:
    """``text`` as the renderer compares it: LF endings."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=LIST_EXAMPLES)
@given(strategies.documents(), SETTINGS)
def test_fixing_a_paper_list_is_verified_idempotent_and_within_the_contract(
    text: str, config: Config
) -> None:
    fixed = fix_text(text, config=config)
    assert fixed.refused == ()  # no rule offered a fix the check refuses
    assert [p for p in fixed.problems if p.fix and p.fix.safety == SAFE] == []
    assert fix_text(fixed.text, config=config).text == fixed.text
    assert why_not_equivalent(plain(text), plain(fixed.text)) is None
    unsafe = fix_text(text, config=config, unsafe=True)
    assert unsafe.refused == ()
    assert fix_text(unsafe.text, config=config, unsafe=True).text == unsafe.text


ALL = Config(select=("ALL",))


@settings(max_examples=LIST_EXAMPLES)
@given(strategies.documents())
def test_every_rule_offers_only_safe_fixes_the_contract_accepts(text: str) -> None:
    """Each safe fix of each rule, applied alone, passes the nothing-lost check and the
    contract, and GitHub shows its result within the contract (a rule finds the same problems
    whichever other rules run)."""
    doc = parse(text)
    lines = split_lines(text)
    for problem in engine.check(doc, ALL):
        fix = problem.fix
        if fix is None or fix.safety != SAFE:
            continue
        after = join(apply_fixes(lines, [fix]))
        changes = Changes(list(fix.removed_rows), list(fix.rewritten_rows))
        verify(doc, text, parse(after), after, changes)  # FixError names what broke
        why = why_not_equivalent(plain(text), plain(after))
        assert why is None, f"{problem.code} at line {problem.line}: {why}"
