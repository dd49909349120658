"""Human output via main(): colour only on a TTY without NO_COLOR, relative paths, statistics."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from lint.cli import main

# each row holds a cell GitHub drops (the second two: rows all alike would be one report, of a
# header short of a column)
ROWS = "| a | b |\n| - | - |\n| 1 | 2 | x |\n| 3 | 4 | y | z |\n| 5 | 6 | 7 |\n"
ESC = "\033["


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(monkeypatch: pytest.MonkeyPatch, stream: io.StringIO, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdout", stream)
    exit_code = main(["--select", "column-count", *args])
    return exit_code, stream.getvalue()


@pytest.fixture
def listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "list.md"
    path.write_text(ROWS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return path


def test_colour_on_a_terminal(listing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exit_code, out = _run(monkeypatch, _Terminal(), "docs/list.md")
    assert exit_code == 1 and ESC in out


def test_no_colour_when_not_a_terminal(listing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    exit_code, out = _run(monkeypatch, io.StringIO(), "docs/list.md")
    assert exit_code == 1 and ESC not in out


def test_no_colour_with_no_color_set(listing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    exit_code, out = _run(monkeypatch, _Terminal(), "docs/list.md")
    assert exit_code == 1 and ESC not in out


def test_paths_are_relative_to_the_current_directory(
    listing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, absolute = _run(monkeypatch, io.StringIO(), str(listing))
    monkeypatch.chdir(listing.parent)
    _, inside = _run(monkeypatch, io.StringIO(), str(listing))
    assert [line.split(":")[:3] for line in absolute.splitlines()[:3]] == [
        ["docs/list.md", "3", "11"],
        ["docs/list.md", "4", "11"],
        ["docs/list.md", "5", "11"],
    ]
    assert inside.splitlines()[0].startswith("list.md:3:11:")


def test_paths_outside_the_current_directory_stay_as_given(
    listing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    _, out = _run(monkeypatch, io.StringIO(), "../docs/list.md")
    assert out.splitlines()[0].startswith("../docs/list.md:3:11:")


def test_statistics_count_per_rule(listing: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (listing.parent / "other.md").write_text("<!-- lint-disable nope -->\n" + ROWS, "utf-8")
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stdout", stream)
    exit_code = main(["--select", "column-count,invalid-suppression", "--statistics", "docs"])
    lines = stream.getvalue().splitlines()
    counts = [line.split("\t")[:3] for line in lines if "\t" in line]
    assert exit_code == 1
    assert [[count.strip(), code, name.split()[-1]] for count, code, name in counts] == [
        ["6", "T001", "column-count"],
        ["1", "M001", "invalid-suppression"],
    ]
