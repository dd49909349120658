"""A fixed table is a fixed point of ``prettier --parser markdown``.

prettier comes from npm (``package.json`` pins it; CI runs ``npm ci``). Every document is fixed
with our rules, written to a temporary directory, and rewritten by one prettier process; then
every table of our output must come back line for line. prettier also changes text outside
tables (blank lines around tables, ``*`` to ``_``), which is none of our business, so only tables
are compared. Generated cells avoid what prettier rewrites inside cells (emphasis, tabs).
"""

from __future__ import annotations

import random
import shutil
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from lint import width as width_module
from lint.config import Config
from lint.document import Table, parse
from lint.fix import fix_text

# slow tooling: left out of the fast loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_270e97f11c1272b4.txt"
LAYOUT = Config(select=("column-count", "table-format"), layout="aligned")

WORDS = ["论文", "大模型", "推理", "LLM", "Agent", "数据集", "RLHF", "の", "한국어", "テスト"]
ATOMS = [
    "⭐️",
    "🔥",
    "🔥🔥🔥",
    "👍🏽",
    "🇨🇳",
    "👨‍👩‍👧",
    "✍️",
    "✍",
    "❤️",
    "1️⃣",
    "“引号”",
    "…",
    "——",
    "é́",
    "，",
    "。",
    "`code`",
    "`a|b`",
    "a \\| b",
    "[link](https://example.com/x?a=1&b=2)",
    "[[pdf]](https://arxiv.org/abs/2305.1)",
    "![badge](https://img.shields.io/badge/x-y-z)",
    "2023.05",
    "<br>",
    "x\u200by",
]


@lru_cache(maxsize=1)
def prettier_command() -> list[str] | None:
    """The prettier command line, or None when neither the local install nor npx works."""
    local = ROOT / "node_modules" / ".bin" / "prettier"
    candidates = [[str(local)]] if local.exists() else []
    if shutil.which("npx"):
        candidates.append(["npx", "--no-install", "prettier"])
    for command in candidates:
        try:
            done = subprocess.run([*command, "--version"], capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return command
    return None


def run_prettier(texts: dict[str, str], directory: Path) -> dict[str, str]:
    """prettier's output for every text, from one process writing copies in ``directory``."""
    command = prettier_command()
    if command is None:
        pytest.skip("prettier not installed: run `npm ci` in the repository root (needs Node.js)")
    for name, text in texts.items():
        (directory / name).write_text(text, encoding="utf-8", newline="")
    names = [str(directory / name) for name in texts]
    subprocess.run(
        [*command, "--parser", "markdown", "--no-config", "--write", *names],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {name: (directory / name).read_text(encoding="utf-8") for name in texts}


def cell(rng: random.Random) -> str:
    parts = [rng.choice(WORDS + ATOMS) for _ in range(rng.randint(0, 4))]
    return " ".join(parts)


def generated_table(rng: random.Random) -> str:
    columns = rng.randint(1, 5)
    aligns = [rng.choice(["---", ":--", ":-:", "--:", "-", ":------:"]) for _ in range(columns)]
    lines = [
        "|" + "|".join(cell(rng) or "h" for _ in range(columns)) + "|",
        "|" + "|".join(aligns) + "|",
    ]
    for _ in range(rng.randint(0, 6)):
        count = max(1, columns + rng.choice([0, 0, 0, -1, 1]))
        lines.append("| " + " | ".join(cell(rng) for _ in range(count)) + " |")
    return "\n".join(lines) + "\n"


def generated_document(seed: int, count: int) -> str:
    rng = random.Random(seed)
    return "\n".join(f"Table {i}.\n\n{generated_table(rng)}" for i in range(count))


def probe_characters() -> list[str]:
    """Characters at the edges of every range of the width tables, assigned in this Python."""
    codes: set[int] = set()
    for table in (width_module._WIDE, width_module._ZERO):
        for low, high in width_module.ranges(table):
            codes.update((low - 1, low, high, high + 1))
    chars = [chr(code) for code in sorted(codes) if 0xA0 <= code < 0x110000]
    return [c for c in chars if unicodedata.category(c) not in ("Cn", "Cs", "Co", "Zl", "Zp")]


def width_probe() -> str:
    rows = "".join(f"| x{char}x |\n" for char in probe_characters())
    return f"| probe |\n| --- |\n| {'a' * 10} |\n{rows}"


def test_fixed_tables_are_prettier_fixed_points(tmp_path: Path) -> None:
    sources = {
        "readme.md": (ROOT / "README.md").read_text(encoding="utf-8"),
        "generated.md": generated_document(seed=4, count=300),
        "probe.md": width_probe(),
    }
    if SEED.exists():
        sources["seed.md"] = SEED.read_text(encoding="utf-8")
    fixed = {name: fix_text(text, name, LAYOUT).text for name, text in sources.items()}
    formatted = run_prettier(fixed, tmp_path)
    for name, text in fixed.items():
        ours, theirs = parse(text).tables, parse(formatted[name]).tables
        assert len(ours) == len(theirs), f"{name}: prettier changed the number of tables"
        for table, again in zip(ours, theirs, strict=True):
            old_cells = [row.cells for row in (table.header, *table.rows)]
            new_cells = [row.cells for row in (again.header, *again.rows)]
            # prettier also normalises cell text (``x`` -> `x`, *a* -> _a_): not a layout matter
            assert old_cells == new_cells, f"{name}:{table.start_line}: prettier rewrote cell text"
            assert lines(text, table) == lines(formatted[name], again), (
                f"{name}:{table.start_line}: prettier changed the table layout"
            )


def lines(text: str, table: Table) -> list[str]:
    return text.splitlines()[table.start_line - 1 : table.end_line]
