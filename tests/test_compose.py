"""A table's wanted fixes composed in one pass (lint/compose.py), as the fix applies them."""

from __future__ import annotations

from lint.config import Config
from lint.engine import lint_text
from lint.fix import fix_text

# one table wanting every kind of fix: a row out of date order (line 10), a date off the list's
# style (line 11), a row pasted twice with that date (line 12) and a row off its layout (line 14)
MESSY = """# Papers

## Models

| Title | Date |
| --- | --- |
| Paper A | 2023.01 |
| Paper B | 2023.02 |
| Paper D | 2023.04 |
| Paper C | 2023.03 |
| Paper E | 2023/05 |
| Paper E | 2023/05 |
| Paper F | 2023.06 |
|Paper G|2023.07|
| Paper H | 2023.08 |
| Paper I | 2023.09 |

## Data

| Title | Date |
| --- | --- |
| Data A | 2023.01 |
| Data B | 2023.02 |
| Data C | 2023.03 |
"""
MODELS = [f"| Paper {name} | 2023.0{month} |" for month, name in enumerate("ABCDEFGHI", 1)]
FIXED = MESSY.replace("\n".join(MESSY.splitlines()[6:16]), "\n".join(MODELS))


def test_every_fix_of_a_table_is_applied_in_one_pass() -> None:
    wanted = [(p.line, p.code) for p in lint_text(MESSY) if p.fix]
    assert wanted == [(10, "P003"), (11, "P002"), (12, "P001"), (12, "P002"), (14, "T002")]
    result = fix_text(MESSY)
    assert result.text == FIXED
    assert result.checks == 2  # the check of the text, and the one of its fix: nothing left
    # counted as pass by pass: the date of line 11, the copy, the move, the layout (the date of
    # the copy goes with it)
    assert result.fixed == 4
    assert result.problems == [] and fix_text(result.text).fixed == 0


def test_a_table_in_a_quote_keeps_its_prefixes() -> None:
    quoted = MESSY.replace("\n|", "\n> |")
    result = fix_text(quoted)
    assert result.text == FIXED.replace("\n|", "\n> |")
    assert result.checks == 2


def test_a_move_only_unsafe_waits_for_unsafe_fixes() -> None:
    # a table running the other way from a set order: sorting it is an unsafe fix
    dates = ["2023.04", "2023/03", "2023.02", "2023.01"]
    table = "| Title | Date |\n| --- | --- |\n" + "".join(f"| P{d} | {d} |\n" for d in dates)
    config = Config(order="ascending", date_format="YYYY.MM")
    safe = fix_text(table, config=config)
    assert safe.text == table.replace("| 2023/03 |", "| 2023.03 |")
    unsafe = fix_text(table, config=config, unsafe=True)
    rows = [f"| P{d} | {d.replace('/', '.')} |\n" for d in reversed(dates)]
    assert unsafe.text == "| Title | Date |\n| --- | --- |\n" + "".join(rows)
    assert (safe.checks, unsafe.checks) == (2, 2)


def test_suppression_comments_fix_pass_by_pass_to_the_same_text() -> None:
    # a comment silences by line, which a composed table would move: fixed pass by pass
    silenced = MESSY + "\n<!-- lint-disable-next-line row-order -->\n"
    result = fix_text(silenced)
    assert result.text == FIXED + "\n<!-- lint-disable-next-line row-order -->\n"
    assert result.fixed == 4 and result.checks > 2


# the list leaves trailing cells out in two rows, so column-count lets them be (the list's way);
# once the copy of one is removed, the other short row stands alone, and is padded
SHORT = (
    "| Title | Date | Code |\n| --- | --- | --- |\n| Paper A | 2023.01 |\n"
    "|Paper B|2023.02|[code](https://github.com/a/b)|\n| Paper A | 2023.01 |\n"
)


def test_a_fix_that_appears_once_the_document_changed_is_fixed_pass_by_pass() -> None:
    result = fix_text(SHORT.replace("|Paper B|2023.02|", "| Paper B | 2023.02 | "))
    assert result.text == (
        "| Title | Date | Code |\n| --- | --- | --- |\n| Paper A | 2023.01 |  |\n"
        "| Paper B | 2023.02 | [code](https://github.com/a/b)|\n"
    )
    # the first check, the composed pass's (the padding wanted: dropped), then pass by pass
    # (the copy removed, the row padded, nothing left)
    assert (result.fixed, result.checks) == (2, 4)


def test_a_layout_waits_for_a_fix_that_appears_once_the_document_changed() -> None:
    # passes one by one lay the table out after the padding (an empty cell written "| |");
    # composed, the layout would come first, and the padding's "|  |" would stay
    result = fix_text(SHORT, config=Config(layout="compact"))
    assert result.text == (
        "| Title | Date | Code |\n| --- | --- | --- |\n| Paper A | 2023.01 | |\n"
        "| Paper B | 2023.02 | [code](https://github.com/a/b) |\n"
    )
    assert result.fixed == 3


def test_a_layout_withheld_for_the_document_is_not_composed() -> None:
    # thirty tables with a row off their compact layout: laid out together, the file would
    # grow too much for a safe fix, so no layout is fixed, even in the table whose date is
    dated = [
        "\n".join(
            [f"| P{t}{i} | 2023.0{i + 1} | a | b | c | d |" for i in range(4)]
            + [f"|P{t}4|2023.05|a|b|c|d|"]
        )
        for t in range(30)
    ]
    dated[3] = dated[3].replace("| 2023.02 |", "| 2023/02 |")
    head = "| Title | Date | A | B | C | D |\n| --- | --- | --- | --- | --- | --- |\n"
    markdown = "# List\n" + "".join(f"\n## S{t}\n\n{head}{rows}\n" for t, rows in enumerate(dated))
    layouts = [p for p in lint_text(markdown) if p.code == "T002"]
    assert len(layouts) == 30 and all(p.fix is None for p in layouts)
    result = fix_text(markdown)
    assert result.text == markdown.replace("| 2023/02 |", "| 2023.02 |")
    assert (result.fixed, result.checks) == (1, 2)
