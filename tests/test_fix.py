"""The fix engine: the applier, the bounded loop, the nothing-lost check, and writing files."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from lint import engine, fix
from lint.cli import main
from lint.document import parse
from lint.fix import Changes, FixError, apply_fixes, choose_fixes, fix_text, verify
from lint.lines import join, split_lines
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem

# a row off the compact layout its table keeps, and the table with it laid out
MESSY = "# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n|7|8|\n"
LAID_OUT = "# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |\n| 7 | 8 |\n"
ONLY_LAYOUT = ["--select", "T001,T002"]


def problem(line: int, edits: tuple[Edit, ...], safety: str = SAFE) -> Problem:
    return Problem(line, 1, "X001", "test", "test", Fix(edits, safety))


# the applier


def test_apply_fixes_bottom_up_keeps_line_endings() -> None:
    lines = split_lines("a\r\nb\r\nc\r\nd\r\n")
    fixes = [Fix((Edit(1, 1, ("A", "A2")),)), Fix((Edit(3, 4, ()),))]
    assert join(apply_fixes(lines, fixes)) == "A\r\nA2\r\nb\r\n"


def test_apply_fixes_keeps_missing_final_newline() -> None:
    lines = split_lines("a\nb")
    assert join(apply_fixes(lines, [Fix((Edit(2, 2, ("B", "C")),))])) == "a\nB\nC"


def test_choose_fixes_takes_smallest_and_defers_overlapping() -> None:
    small = problem(2, (Edit(2, 2, ("x",)),))
    large = problem(1, (Edit(1, 3, ("y",)),))
    apart = problem(5, (Edit(5, 5, ("z",)),))
    unsafe = problem(7, (Edit(7, 7, ("u",)),), UNSAFE)
    chosen = choose_fixes([large, small, apart, unsafe], unsafe=False)
    assert chosen == [small.fix, apart.fix]
    assert unsafe.fix in choose_fixes([unsafe], unsafe=True)


def test_a_fix_that_fails_the_check_is_refused_and_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def outside(
        doc: object,
        config: object,
        scope: object = None,
        memo: object = None,
        metadata: object = None,
    ) -> list[Problem]:
        line = parse_lines(doc)[0]
        return [problem(1, (Edit(1, 1, (line + "x",)),))]

    monkeypatch.setattr(engine, "check", outside)
    result = fix_text("a\n")  # a line outside tables would change: the fix is left out
    assert result.text == "a\n" and result.fixed == 0
    ((refused, reason),) = result.refused
    assert (refused.line, refused.code) == (1, "X001") and "outside tables" in reason
    assert result.problems == [refused._replace(fix=None)]


def test_a_loop_that_never_settles_keeps_a_verified_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def restless(
        doc: object,
        config: object,
        scope: object = None,
        memo: object = None,
        metadata: object = None,
    ) -> list[Problem]:
        row = parse_lines(doc)[2]  # a cell padded once more on every pass: white space only
        return [problem(3, (Edit(3, 3, (row.replace("1|", " 1|"),)),))]

    monkeypatch.setattr(engine, "check", restless)
    result = fix_text("|a|\n|-|\n|1|\n")
    assert result.text == "|a|\n|-|\n|" + " " * fix.MAX_PASSES + "1|\n"
    ((refused, reason),) = result.refused
    assert refused.line == 3 and "did not settle" in reason


def parse_lines(doc: object) -> tuple[str, ...]:
    lines: tuple[str, ...] = doc.lines  # type: ignore[attr-defined]
    return lines


def test_fix_text_is_idempotent_and_counts_fixes() -> None:
    first = fix_text(MESSY)
    assert first.text == LAID_OUT and first.fixed == 1
    assert fix_text(first.text).fixed == 0


# the nothing-lost check


def check(before: str, after: str, changes: Changes | None = None, unsafe: bool = False) -> None:
    verify(parse(before), before, parse(after), after, changes or Changes(), unsafe)


def test_verify_accepts_layout_changes() -> None:
    check(MESSY, LAID_OUT)


@pytest.mark.parametrize(
    ("after", "reason"),
    [
        ("# T\n\n|a|b|\n|-|-|\n", "row lost"),
        ("# T\n\n|a|b|\n|-|-|\n|1|2|\n|3|4|\n", "row added"),
        ("# U\n\n|a|b|\n|-|-|\n|1|2|\n", "outside tables changed"),
        ("# T\n\n|a|b|\n|-|-|\n|1|2|\n\n|c|\n|-|\n", "table count"),
        ("# T\n\n|a|c|\n|-|-|\n|1|2|\n", "header changed"),
        ("# T\n\n|a|b|\n|-|-|\n|1|2|\nmore\n", "row added"),
    ],
)
def test_verify_detects_losses(after: str, reason: str) -> None:
    with pytest.raises(FixError, match=reason):
        check("# T\n\n|a   |   b|\n|-|-|\n|1   |   2|\n", after)


def test_verify_allows_declared_removal_only() -> None:
    before = "|a|\n|-|\n|1|\n|2|\n"
    after = "|a|\n|-|\n|1|\n"
    with pytest.raises(FixError):
        check(before, after)
    check(before, after, Changes(removed=[("2",)]), unsafe=True)
    # a safe fix may remove a row only while an identical one stays (the safety contract)
    with pytest.raises(FixError, match="no twin"):
        check(before, after, Changes(removed=[("2",)]))
    check("|a|\n|-|\n|1|\n|1|\n", after, Changes(removed=[("1",)]))


def test_verify_allows_removing_a_row_whose_twin_was_rewritten() -> None:
    # removing a repeated row and writing its twin's date in the column's style are two safe
    # steps; the removed row's twin is there as rewritten
    before = "|a|b|\n|-|-|\n|x|2023-05|\n|x|2023-05|\n|y|2023.06|\n"
    after = "|a|b|\n|-|-|\n|x|2023.05|\n|y|2023.06|\n"
    rewritten: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
        (("x", "2023-05"), ("x", "2023.05"))
    ]
    check(before, after, Changes(removed=[("x", "2023-05")], rewritten=rewritten))
    # a row of its own stays protected: y had no twin, rewritten or not
    after = "|a|b|\n|-|-|\n|x|2023.05|\n|x|2023-05|\n"
    with pytest.raises(FixError, match="no twin"):
        check(before, after, Changes(removed=[("y", "2023.06")], rewritten=rewritten))


def test_verify_refuses_removing_a_row_that_only_rewrites_made_a_copy() -> None:
    # 2020-02 and 2020.2 both written 2020.02: the rows became alike, neither was a copy
    before = "|a|b|\n|-|-|\n|x|2020-02|\n|x|2020.2|\n"
    after = "|a|b|\n|-|-|\n|x|2020.02|\n"
    rewritten: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
        (("x", "2020-02"), ("x", "2020.02")),
        (("x", "2020.2"), ("x", "2020.02")),
    ]
    with pytest.raises(FixError, match="no twin"):
        check(before, after, Changes(removed=[("x", "2020.02")], rewritten=rewritten))
    check(before, after, Changes(removed=[("x", "2020.02")], rewritten=rewritten), unsafe=True)


# a repeated row whose twin a safe fix also changes (its date written in the column's style,
# its missing cell added), in every container a table sits in: found by bench/fuzz.py
TWINS = [
    "| Title | Date | Code |",
    "| ----- | ---- | ---- |",
    "| A | 2023.01 | - |",
    "| B | 2023-05 |",
    "| C | 2023.06 | - |",
    "| B | 2023-05 |",
]


@pytest.mark.parametrize(
    ("first", "rest"), [("", ""), ("> ", "> "), ("  ", "  "), ("- ", "  "), ("1. ", "   ")]
)
def test_a_repeated_row_goes_while_its_twin_is_rewritten(first: str, rest: str) -> None:
    def contained(lines: list[str]) -> str:
        return "".join((rest if i else first) + line + "\n" for i, line in enumerate(lines))

    fixed = fix_text(contained(TWINS)).text
    assert fixed == contained([*TWINS[:3], "| B | 2023.05 |  |", TWINS[4]])


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("2023-05-17", "2023.05.17", True),
        ("Jul 2018", "2018.07", True),
        ("**2023-5**", "**2023.05**", True),
        ("2023/11<!--30-->", "2023.11<!--30-->", True),
        ("2023.5", "202305", True),
        ("２０２３－０５", "2023.05", True),  # full-width digits and dash: the same date
        # the day dropped, markup dropped or added, a comment lost, a word changed; a full-width
        # "comment" is text on GitHub, so writing it as a comment hides the day (bench/fuzz.py)
        ("２０２０／１０<!－－０４－－>", "2020.10<!--04-->", False),
        ("2023.05 ＊", "2023.05 *", False),
        ("2023-05-17", "2023.05", False),
        ("`2024.10`", "2024.10", False),
        ("2024.10", "**2024.10**", False),
        ("2023/11<!--30-->", "2023.11", False),
        ("2023.05 (v2)", "2023.05 (v3)", False),
        ("[2023.05](http://a)", "2023.05", False),
    ],
)
def test_safe_rewrites_keep_every_date_component_and_all_markup(
    old: str, new: str, allowed: bool
) -> None:
    before = f"|a|b|\n|-|-|\n|x|{old}|\n"
    after = f"|a|b|\n|-|-|\n|x|{new}|\n"
    changes = Changes(rewritten=[(("x", old), ("x", new))])
    if allowed:
        check(before, after, changes)
    else:
        with pytest.raises(FixError, match="beyond the contract"):
            check(before, after, changes)
        check(before, after, changes, unsafe=True)


def test_safe_fixes_move_at_most_max_3_or_10_percent_of_a_table() -> None:
    rows = [f"|r{i}|" for i in range(20)]
    before = "|a|\n|-|\n" + "\n".join(rows) + "\n"
    three = rows[3:6] + rows[:3] + rows[6:]
    check(before, "|a|\n|-|\n" + "\n".join(three) + "\n")
    four = rows[4:8] + rows[:4] + rows[8:]
    with pytest.raises(FixError, match="moved 4 of 20"):
        check(before, "|a|\n|-|\n" + "\n".join(four) + "\n")
    reversed_rows = "|a|\n|-|\n" + "\n".join(reversed(rows)) + "\n"
    with pytest.raises(FixError, match="moved"):
        check(before, reversed_rows)
    check(before, reversed_rows, unsafe=True)


# writing files through the CLI


def write(tmp_path: Path, data: bytes, name: str = "list.md") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def deny_writes(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Answer os.access as for a user without write permission on ``denied`` (tests run as root
    in CI, and root may write anything)."""
    real_access = os.access

    def access(target: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(str(target)).resolve() == denied.resolve():
            return False
        return real_access(target, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_read_only_file_is_untouched_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, MESSY.encode())
    path.chmod(0o444)
    deny_writes(monkeypatch, path)
    assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 2
    assert path.read_bytes() == MESSY.encode()
    captured = capsys.readouterr()
    assert "read-only" in captured.err
    assert "Fixed" not in captured.out  # nothing was written, so nothing counts as fixed


def test_unwritable_directory_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, MESSY.encode())
    tmp_path.chmod(0o555)
    deny_writes(monkeypatch, tmp_path)
    try:
        assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 2
    finally:
        tmp_path.chmod(0o755)
    assert path.read_bytes() == MESSY.encode()


def test_read_only_file_the_user_may_write_keeps_its_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the system lets this user write it (root), a read-only file is fixed and stays
    read-only, as a copy of a read-only file is when CI fixes it."""
    path = write(tmp_path, MESSY.encode())
    path.chmod(0o444)
    monkeypatch.setattr(os, "access", lambda target, mode, **kwargs: True)
    assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 0
    assert path.read_bytes() == LAID_OUT.encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (MESSY.replace("\n", "\r\n").encode(), LAID_OUT.replace("\n", "\r\n").encode()),
        (b"\xef\xbb\xbf" + MESSY.encode(), b"\xef\xbb\xbf" + LAID_OUT.encode()),
        (MESSY.rstrip("\n").encode(), LAID_OUT.rstrip("\n").encode()),
    ],
    ids=["crlf", "bom", "no-final-newline"],
)
def test_fix_keeps_file_properties(tmp_path: Path, data: bytes, expected: bytes) -> None:
    path = write(tmp_path, data)
    assert main(["--fix", "--exit-non-zero-on-fix", *ONLY_LAYOUT, str(path)]) == 1
    assert path.read_bytes() == expected
    assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 0


def test_fix_keeps_permission_bits(tmp_path: Path) -> None:
    path = write(tmp_path, MESSY.encode())
    path.chmod(0o640)
    main(["--fix", *ONLY_LAYOUT, str(path)])
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text() == LAID_OUT
    assert not [p for p in tmp_path.iterdir() if p.name != "list.md"]  # no temporary file left


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = write(tmp_path, LAID_OUT.encode())
    os.utime(path, (1_000_000, 1_000_000))
    assert main(["--fix", *ONLY_LAYOUT, str(path)]) == 0
    assert path.stat().st_mtime == 1_000_000


def test_diff_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MESSY.encode())
    assert main(["--diff", *ONLY_LAYOUT, str(path)]) == 1
    out = capsys.readouterr().out
    assert "-|7|8|" in out and "+| 7 | 8 |" in out and out.count("@@") == 2
    assert path.read_bytes() == MESSY.encode()


def test_diff_of_clean_file_is_exit_0(tmp_path: Path) -> None:
    path = write(tmp_path, LAID_OUT.encode())
    assert main(["--diff", *ONLY_LAYOUT, str(path)]) == 0


def test_stdin_fix_writes_fixed_text_to_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no configuration: this repository's own sets a layout
    stdin = io.TextIOWrapper(io.BytesIO(MESSY.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code = main(["--fix", *ONLY_LAYOUT, "--stdin-filename", "list.md", "-"])
    captured = capsys.readouterr()
    assert captured.out == LAID_OUT
    assert code == 0  # no problem left


def test_exit_codes(tmp_path: Path) -> None:
    clean = write(tmp_path, LAID_OUT.encode(), "clean.md")
    assert main([*ONLY_LAYOUT, str(clean)]) == 0
    messy = write(tmp_path, MESSY.encode(), "messy.md")
    assert main([*ONLY_LAYOUT, str(messy)]) == 1  # problems, nothing written
    assert messy.read_bytes() == MESSY.encode()
    long_row = write(tmp_path, (LAID_OUT + "| 1   | 2   | 3   |\n").encode(), "long.md")
    assert main(["--fix", *ONLY_LAYOUT, str(long_row)]) == 1  # a problem without fix remains


def test_a_fix_the_check_refuses_is_not_applied_and_the_rest_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue 18: a refused fix no longer fails the file; it is named, and the others apply"""
    path = write(tmp_path, MESSY.encode())
    real = engine.check

    def losing(
        doc: object,
        config: object,
        scope: object = None,
        memo: object = None,
        metadata: object = None,
    ) -> list[Problem]:
        found = real(doc, config, scope, memo, metadata)  # type: ignore[arg-type]
        return [*found, problem(5, (Edit(5, 5, ()),))]  # the table's only row, removed

    monkeypatch.setattr(engine, "check", losing)
    assert main(["--fix", str(path)]) == 1
    # the table laid out (that fix passes), its row kept: only a verified text is written
    assert path.read_text(encoding="utf-8") == LAID_OUT
    err = capsys.readouterr().err
    assert "list.md:5:1: X001 [test] fix not applied: row lost" in err
    assert "internal error" not in err


@pytest.mark.parametrize("relative", [True, False])
def test_diff_headers_name_the_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    relative: bool,
) -> None:
    path = write(tmp_path, MESSY.encode())
    if relative:
        monkeypatch.chdir(tmp_path)
    main(["--diff", *ONLY_LAYOUT, path.name if relative else str(path)])
    headers = [
        line for line in capsys.readouterr().out.splitlines() if line[:4] in ("--- ", "+++ ")
    ]
    expected = ["a/list.md", "b/list.md"] if relative else [str(path), str(path)]
    assert [header[4:].split("\t")[0] for header in headers] == expected


def test_seed_safe_then_unsafe_fixes_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_text: str
) -> None:
    """Issue 4's walk-through: --fix keeps the cross-section duplicate, --unsafe-fixes alone only
    shows it as fixable, --fix --unsafe-fixes removes exactly that row, a second run is clean.
    Since issue 17 the seed's one repeat across sections reads as cross-listing, so the walk-through
    runs where the configuration says the list names each paper once."""
    path = write(tmp_path, seed_text.encode(), "seed.md")
    write(tmp_path, b'[tool.llm4or-lint]\nduplicate-scope = "document"\n', "pyproject.toml")
    assert main(["--fix", str(path)]) == 1
    after_safe = path.read_text(encoding="utf-8")
    assert after_safe.count("BigTrans") == 2
    capsys.readouterr()

    assert main(["--unsafe-fixes", "--format", "json", str(path)]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert [(p["code"], p["line"], p["fix"]) for p in problems] == [("P001", 24, "unsafe")]
    assert path.read_text(encoding="utf-8") == after_safe

    assert main(["--fix", "--unsafe-fixes", str(path)]) == 0  # nothing left
    before, after = parse(after_safe), parse(path.read_text(encoding="utf-8"))
    cells_before = [[row.cells for row in table.rows] for table in before.tables]
    cells_after = [[row.cells for row in table.rows] for table in after.tables]
    removed = cells_before[2].pop()  # the last row of 计算层优化, the third table
    assert removed[0].startswith("BigTrans") and before.tables[2].section[-1] == "计算层优化"
    assert cells_after == cells_before
    assert main(["--fix", "--unsafe-fixes", str(path)]) == 0


def test_apply_fixes_takes_many_edits_in_one_walk() -> None:
    # slices replaced in place moved every later line once per edit: quadratic in a long file
    lines = [(f"line {number}", "\n") for number in range(1, 40_001)]
    removals = [Fix((Edit(line, line, ()),)) for line in range(2, 40_001, 2)]
    rewrite = Fix((Edit(1, 1, ("first", "added")),))
    result = apply_fixes(lines, [*removals, rewrite])
    assert result[:3] == [("first", "\n"), ("added", "\n"), ("line 3", "\n")]
    assert len(result) == 20_001 and result[-1] == ("line 39999", "\n")


@pytest.mark.slow  # a fresh interpreter: CI, not the fast loop
def test_a_lint_never_imports_the_fixer(tmp_path: Path) -> None:
    # the runner catches FixError for every file: from lint/errors.py, not from the fixer
    listed = tmp_path / "list.md"
    listed.write_text("| Title | Date |\n| --- | --- |\n| A | 2023.01 |\n| A | 2023.01 |\n")
    code = (
        "import sys\nfrom lint.cli import main\ncode = main(['list.md'])\n"
        "sys.stderr.write(repr((code, sorted(m for m in ('lint.fix', 'lint.compose')"
        " if m in sys.modules))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    assert done.stderr.strip().endswith("(1, [])"), done.stderr
