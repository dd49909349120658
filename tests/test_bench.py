"""The benchmark keeps working: its generator is deterministic and planted every defect, and
`bench/run.py` runs end to end on the 1,000-row list. Timings are never asserted."""

from __future__ import annotations

import importlib.util
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
CANONICAL_DATE = re.compile(r"\d{4}\.\d{2}")
NONCANONICAL_DATE = re.compile(r"\d{4}-\d{1,2}|\d{4}年\d{1,2}月|[A-Z][a-z]{2} \d{4}")


def load(name: str) -> ModuleType:
    """A module of bench/, loaded by path (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


generate = load("generate")


def tables(text: str) -> list[list[str]]:
    """The data-row lines of each table: pipe-led blocks without their header and delimiter."""
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.startswith("|"):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block[2:] for block in blocks if block]


def cells(line: str) -> list[str]:
    """A row's cells, outer whitespace stripped (the generator writes no escaped pipe)."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def pipe_columns(line: str) -> list[int]:
    """Display columns of a row's pipes."""
    columns, width = [], 0
    for char in line:
        if char == "|":
            columns.append(width)
        width += generate.display_width(char)
    return columns


@pytest.mark.parametrize("rows", [20, 1000, 2345])
def test_generate_writes_the_requested_number_of_rows(rows: int) -> None:
    assert sum(len(block) for block in tables(generate.generate(rows))) == rows


def test_generate_is_deterministic() -> None:
    assert generate.generate(1000, seed=7) == generate.generate(1000, seed=7)
    assert generate.generate(1000, seed=7) != generate.generate(1000, seed=8)


def test_sections_hold_about_fifty_rows_under_numbered_headings() -> None:
    text = generate.generate(1000)
    assert len(re.findall(r"^### 分类 \d+$", text, re.M)) == 20
    assert all(len(block) == 50 for block in tables(text))
    assert text.count("| 论文题目") == 20


@pytest.mark.parametrize("rows", [20, 1000])
def test_each_defect_kind_is_planted_about_once_per_hundred_rows(rows: int) -> None:
    sections = generate.plan(rows, random.Random(0))
    kinds = Counter(entry.defect for section in sections for entry in section.entries)
    expected = max(1, rows // 100)
    assert {kind: kinds[kind] for kind in generate.DEFECT_KINDS} == dict.fromkeys(
        generate.DEFECT_KINDS, expected
    )


def defects_seen(text: str) -> Counter[str]:
    """Count each defect kind from the text alone, independently of the generator's plan."""
    seen: Counter[str] = Counter()
    first_table: dict[str, int] = {}
    for number, rows in enumerate(tables(text)):
        titles: set[str] = set()
        previous = ""
        layout = Counter(tuple(pipe_columns(line)) for line in rows).most_common(1)[0][0]
        for line in rows:
            row = cells(line)
            seen["missing-cell"] += len(row) < 3
            seen["extra-cell"] += len(row) > 3
            if len(row) != 3:
                continue
            title, date, _ = row
            seen["duplicate-in-section"] += title in titles
            seen["duplicate-across-sections"] += first_table.setdefault(title, number) < number
            titles.add(title)
            seen["noncanonical-date"] += bool(NONCANONICAL_DATE.fullmatch(date))
            if CANONICAL_DATE.fullmatch(date):
                seen["out-of-order"] += date < previous
                previous = date
            seen["misaligned"] += tuple(pipe_columns(line)) != layout
    return seen


def test_every_defect_kind_is_visible_in_the_text() -> None:
    seen = defects_seen(generate.generate(1000))
    for kind in generate.DEFECT_KINDS:
        assert seen[kind] >= 5, kind


@pytest.mark.slow  # a whole benchmark run: CI, not the fast loop
def test_the_benchmark_runs_on_the_thousand_row_list(tmp_path: Path) -> None:
    output = tmp_path / "bench.json"
    command = [
        sys.executable,
        str(REPO / "bench" / "run.py"),
        *("--sizes", "1000", "--repeat", "1", "--startup-repeat", "1"),
        *("--no-peers", "--no-real", "--linear-size", "100", "--json", str(output)),
    ]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    headings = ("## Times", "## Start-up and scaling", "## Ratios", "## Memory", "## Linear on")
    for heading in headings:
        assert heading in done.stdout
    ratios = [
        "lint / block floor",
        "fix / block floor",
        "lint / full floor",
        "python -m lint README.md / python -c 'import markdown_it'",
    ]
    for ratio in ratios:
        assert re.search(rf"^\| {re.escape(ratio)} +\|", done.stdout, re.M), ratio
    results = json.loads(output.read_text(encoding="utf-8"))["sizes"]["1000"]["results"]
    for measure in ("full floor", "block floor", "lint", "fix"):
        assert results[measure]["error"] == "", results[measure]
        assert len(results[measure]["seconds"]) == 1
