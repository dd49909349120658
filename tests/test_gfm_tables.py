"""Our tables are GitHub's: a differential test against cmark-gfm (``cmarkgfm``).

On every file of ../shared/corpus (and every example of its spec files) and on generated
documents mixing tables with HTML lines, list items, headings, blank lines, HTML comments, block
quotes, escaped pipes and code spans, the tables ``lint.document.parse`` finds have cmark-gfm's
line spans, rows and cells. The deliberate differences are pinned in one test below.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.document import parse
from tests.gfm_oracle import assert_tables_match, gfm_tables, our_tables

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []
MISSING = f"corpus not found at {CORPUS}: copy the shared folder to ../shared (../shared/corpus)"
_SPEC_FENCE = "`" * 32 + " example"


def read(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def examples(path: Path, text: str) -> Iterator[str]:
    """The examples of a spec file: CommonMark spec examples, markdown-it fixtures, spec.json."""
    if path.suffix == ".json":
        yield from (item["markdown"] for item in json.loads(text))
        return
    lines = text.split("\n")
    if _SPEC_FENCE in text:
        starts = [i + 1 for i, line in enumerate(lines) if line.startswith(_SPEC_FENCE)]
        for start in starts:
            end = lines.index(".", start)
            yield "\n".join(lines[start:end]).replace("\u2192", "\t") + "\n"
    elif "markdown-it" in path.parent.name:
        # fixtures: a title, then ".", the Markdown, ".", the HTML, "."
        dots = [i for i, line in enumerate(lines) if line == "."]
        while len(dots) >= 3:
            yield "\n".join(lines[dots[0] + 1 : dots[1]]) + "\n"
            dots = dots[3:]


@pytest.mark.slow  # every file of the corpus rendered by cmark-gfm: CI, not the fast loop
@pytest.mark.skipif(not FILES, reason=MISSING)
@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(CORPUS)))
def test_corpus_tables_are_githubs(path: Path) -> None:
    text = read(path)
    if path.suffix != ".json":
        assert_tables_match(text)
    for number, example in enumerate(examples(path, text), 1):
        assert our_tables(example) == gfm_tables(example), f"example {number}: {example!r}"


def test_spec_files_are_split_into_examples() -> None:
    """The splitter finds the examples (a broken splitter would make the test above vacuous)."""
    if not FILES:
        pytest.skip(MISSING)
    counts = {path.name: len(list(examples(path, read(path)))) for path in FILES}
    assert counts["extensions.txt"] >= 28
    assert counts["commonmark.json"] >= 650
    assert counts["tables.md"] >= 40


# --- generated documents -------------------------------------------------------------------

CELLS = ["a", "b c", "`x|y`", "\\|", "a \\| b", "`a`", "<br>", "<!-- c -->", "**b**", "", " ", "\\"]
ROWS = st.lists(st.sampled_from(CELLS), min_size=1, max_size=4)
DELIMITERS = ["---", ":-", "-:", ":-:", "-"]


@st.composite
def table_line(draw: st.DrawFn) -> str:
    """A row, a delimiter row or a look-alike, with or without outer pipes."""
    if draw(st.booleans()):
        cells = draw(ROWS)
    else:
        cells = draw(st.lists(st.sampled_from(DELIMITERS), min_size=1, max_size=4))
    outer = draw(st.sampled_from(["||", "|", "", "| |"]))
    line = " | ".join(cells)
    return (outer[:1] + " " + line + " " + outer[1:]).strip(" ") if outer else line


OTHER_LINES = st.sampled_from(
    [
        "",
        "",
        "text",
        "a",
        "|",
        "||",
        "---",
        "===",
        "- - -",
        "-",
        "- item",
        "-   foo|foo",
        "* a | b",
        "1. x",
        "2) y",
        "# h",
        "# | 1 | 2",
        "<br>",
        '<img src="fig.png" width="400"/>',
        "<div>",
        "</div>",
        "<span>",
        "<!-- c -->",
        "<!--",
        "-->",
        "```",
        "~~~",
        "> text",
        ">",
        "\\<br>",
        "a\\",
    ]
)
PREFIXES = st.sampled_from(["", "", "", "> ", "  ", "   ", "    ", "- ", "> > ", ">"])


LINES = st.tuples(PREFIXES, st.one_of(table_line(), table_line(), OTHER_LINES))


# on a lazy line (one that continues a quote's or list item's paragraph without its marker),
# cmark-gfm opens an HTML block for a lone tag and a list for any list marker, and markdown-it-py
# keeps the line as text: a difference in their block-quote and list rules, not drawn here
_OPEN_OUTSIDE_PARAGRAPHS = frozenset(
    ["<br>", '<img src="fig.png" width="400"/>', "</div>", "<span>", "<div>", "-", "2) y"]
)


def _draws_lazy_block_start(lines: list[tuple[str, str]]) -> bool:
    in_container = False
    for prefix, body in lines:
        if not (prefix + body).strip():
            in_container = False
        elif in_container and (body in _OPEN_OUTSIDE_PARAGRAPHS or body[:2] in ("- ", "* ")):
            return True
        elif in_container and prefix == "    " and body[:1] in ("-", "<"):
            return True  # markdown-it-py ends a nested quote at such an indented lazy line
        elif prefix.strip() or prefix == "  ":
            in_container = True
    return False


@st.composite
def documents(draw: st.DrawFn) -> str:
    lines = draw(st.lists(LINES, max_size=12).filter(lambda ls: not _draws_lazy_block_start(ls)))
    return "".join(prefix + body + "\n" for prefix, body in lines)


@pytest.mark.slow  # generated documents rendered by cmark-gfm: CI, not the fast loop
@given(documents())
def test_generated_tables_are_githubs(text: str) -> None:
    assert_tables_match(text)


# --- what differs from markdown-it-py's stock table rule, case by case --------------------


def spans(markdown: str) -> list[tuple[int, int]]:
    return [(table.start_line, table.end_line) for table in parse(markdown).tables]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # a line holding only a tag ends the table (HTML block 7 interrupts a table)
        ("| a |\n| - |\n| 1 |\n<br>\n", [(1, 3)]),
        ('| a |\n| - |\n<img src="fig.png" width="400"/>\n', [(1, 2)]),
        ("| a |\n| - |\n</div>\n", [(1, 2)]),
        # an escaped tag is text, and a row
        ("| a |\n| - |\n\\<br>\n", [(1, 3)]),
        # a header line needs no pipe
        ("a\n:-\nb\n", [(1, 3)]),
        ("text\na\n-:\n", [(2, 3)]),
        # a list item or a heading is never a header line
        ("-   foo|foo\n---|---\nbar|bar\n", []),
        ("# | 1 | 2\n--|--|--\n", []),
        # a link reference definition above a delimiter row is a header
        ("[a]: /url\n:-\n", [(1, 2)]),
        # dashes alone underline a setext heading
        ("a\n---\nb\n", []),
        ("a\n-\n", []),
        # a lone pipe holds no cell and ends the table
        ("| a |\n| - |\n|\n| b |\n", [(1, 2)]),
        ("| a |\n| - |\n||\n", [(1, 3)]),
        # once a delimiter row did not fit the line above, the paragraph holds no table
        ("a | b\n:-\nc | d\n:- | :-\n", []),
        ("a | b\n:-\n:-\n", []),
        # a header indented as code, or lazy, continues the paragraph above and heads a table
        ("foo\n    a | b\n--- | ---\nx\n", [(2, 4)]),
        ("> foo\nbar | baz\n> --|--\n> 1 | 2\n", [(2, 4)]),
        ("- foo\nbar | baz\n  --|--\n  1 | 2\nc | d\n", [(2, 4)]),
        # a row that leaves the block quote is a paragraph, not a lazy row
        ("> a | b\n> --|--\n| c | d |\n", [(1, 2)]),
    ],
)
def test_table_spans_follow_github(markdown: str, expected: list[tuple[int, int]]) -> None:
    assert spans(markdown) == expected
    assert [(t.start_line, t.end_line) for t in gfm_tables(markdown)] == expected


@pytest.mark.slow  # a 1000-column table rendered by cmark-gfm: CI, not the fast loop
def test_a_table_stops_where_github_stops_padding_cells() -> None:
    """cmark-gfm pads at most 0x80000 empty cells per table; the row after that is text."""
    columns, rows = 1000, 600
    markdown = "|" + "a|" * columns + "\n|" + "-|" * columns + "\n" + "x\n" * rows
    assert spans(markdown) == [(1, 527)]
    assert [(t.start_line, t.end_line) for t in gfm_tables(markdown)] == [(1, 527)]


def test_deliberate_differences_from_github() -> None:
    """The only ways our tables differ from cmark-gfm's, each on purpose.

    1. A row keeps every cell as written: the extra cells of a long row (GitHub drops them)
       and the missing cells of a short one (GitHub pads them), so column-count can report
       both. ``our_tables`` normalises exactly this before comparing.
    2. Cells are raw Markdown source, stripped of spaces and tabs only: ``\\|`` stays escaped.
    """
    table = parse("| a | b |\n| - | - |\n| 1 | 2 | 3 |\n| 4 |\n| x \\| y | z |\n").tables[0]
    assert [row.cells for row in table.rows] == [("1", "2", "3"), ("4",), ("x \\| y", "z")]
    github = gfm_tables("| a | b |\n| - | - |\n| 1 | 2 | 3 |\n| 4 |\n| x \\| y | z |\n")[0]
    assert [cells for _, cells in github.rows] == [("1", "2"), ("4", ""), ("x | y", "z")]
