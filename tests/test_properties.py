"""Property tests: on any document mixing prose, headings, lists, code fences and tables, fixing
never fails, is idempotent, loses nothing, leaves text outside tables alone, and after unsafe
fixes only problems without a fix remain. Our table parse agrees with cmark-gfm's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.lines import split_lines
from tests.test_corpus import assert_parse_agrees

# generated documents, each fixed and checked against GitHub: left out of the fast
# loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

ATOMS = [
    "论文",
    "大模型",
    "⭐️",
    "🔥",
    "👍🏽",
    "👨‍👩‍👧",
    "é́",
    "，",
    "\\|",
    "`a|b`",
    "[l](u)",
    " ",
    "2023.05",
]
ATOMS += ["a", "Paper", "*", "_", "-", ":", "|", "\\", "<br>", "2023-5", "\u00a0", "\t", "x"]
LINE = st.lists(st.sampled_from(ATOMS), max_size=6).map("".join)
CELL = st.lists(st.sampled_from([a for a in ATOMS if a != "|"]), max_size=4).map("".join)
ALIGN = st.sampled_from(["---", ":--", ":-:", "--:", "-", " :---: "])


@st.composite
def tables(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 4))
    outer = draw(st.booleans())

    def row(cells: list[str]) -> str:
        body = "|".join(cells)
        return f"|{body}|" if outer or len(cells) < 2 else body

    header = row([draw(CELL) or "h" for _ in range(columns)])
    delimiter = "|" + "|".join(draw(ALIGN) for _ in range(columns)) + "|"
    body = [
        row([draw(CELL) for _ in range(max(1, columns + draw(st.integers(-1, 1))))])
        for _ in range(draw(st.integers(0, 4)))
    ]
    indent = draw(st.sampled_from(["", "", "> ", "  ", "- "]))
    lines = [header, delimiter, *body]
    return "\n".join(
        indent + line if i == 0 or indent != "- " else "  " + line for i, line in enumerate(lines)
    )


BLOCKS = st.one_of(
    tables(),
    tables(),
    tables(),
    LINE,
    LINE.map(lambda text: "## " + text),
    LINE.map(lambda text: "- " + text),
    st.lists(st.one_of(LINE, tables()), max_size=3).map(lambda b: "```\n" + "\n".join(b) + "\n```"),
)
DOCUMENTS = st.tuples(
    st.lists(BLOCKS, max_size=6),
    st.sampled_from(["\n\n", "\n"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
).map(lambda t: t[1].join(t[0]).replace("\n", t[2]) + (t[2] if t[3] else ""))

ALL = Config(select=("ALL",))


def outside_tables(text: str) -> list[str]:
    doc = parse(text)
    inside = {line for table in doc.tables for line in table.lines}
    return [content for n, (content, _) in enumerate(split_lines(text), 1) if n not in inside]


@given(DOCUMENTS)
def test_fix_is_idempotent_and_keeps_text_outside_tables(text: str) -> None:
    fixed = fix_text(text, config=ALL)
    assert fixed.refused == ()  # no fix left out for failing the nothing-lost check
    assert fix_text(fixed.text, config=ALL).text == fixed.text
    assert outside_tables(fixed.text) == outside_tables(text)
    assert all(problem.fix is None or problem.fix.safety != "safe" for problem in fixed.problems)


@given(DOCUMENTS)
def test_unsafe_fixes_leave_only_unfixable_problems(text: str) -> None:
    fixed = fix_text(text, config=ALL, unsafe=True)
    assert [p for p in fixed.problems if p.fix is not None] == []
    assert fix_text(fixed.text, config=ALL, unsafe=True).text == fixed.text


@given(DOCUMENTS)
def test_parse_agrees_with_github(text: str) -> None:
    assert_parse_agrees(text.replace("\r\n", "\n"))
