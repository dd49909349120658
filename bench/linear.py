"""Time the linter on adversarial cells, inside one process, for `bench/run.py`.

`python bench/linear.py [--size N] [--repeat R] [PATTERN ...]` builds, for every ASCII
punctuation character and the common Markdown openers (`[`, `![`, `<`, `<!--`, `` ` ``, `**`,
`\\|`), one document whose paper tables carry a run of about N characters of that pattern in each
cell: in every body cell of a plain table, in every header cell, in the cells of a table whose
titles link arXiv ids (so paper identity and arXiv dates read them), and in a table whose title
column is found by its content. It times `lint_text` and `fix_text(..., unsafe=True)` on the
document with runs of N and of 8N characters (the fastest of R calls each, after one untimed
call) and prints one JSON object:
`{"size": N, "patterns": {PATTERN: {"lint": [t_n, t_8n], "fix": [t_n, t_8n]}}}`. A linear
linter gives time(8N) / time(N) near 8; a quadratic spot gives near 64. Timings are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import string
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPENERS = ("[", "![", "<", "<!--", "`", "**", "\\|")
PATTERNS = tuple(dict.fromkeys((*string.punctuation, *OPENERS)))


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A table's lines (cells are written as given, unpadded)."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def document(pattern: str, size: int) -> str:
    """The adversarial document: runs of ``pattern`` about ``size`` characters long in every
    cell of four paper tables."""
    run = pattern * max(1, size // len(pattern))
    arxiv = "[Paper {}](https://arxiv.org/abs/23{:02d}.00001)"
    blocks = [
        table(
            ["论文题目", "发表时间", "内容简介"],
            [
                ["Paper A", "2023.01", "摘要"],
                [f"Paper B{run}", run, f"摘要{run}"],
                ["C", "2023.05", "x"],
            ],
        ),
        table(
            [f"论文题目{run}", f"发表时间{run}", f"内容简介{run}"],
            [["Paper A", "2023.01", "摘要"], ["Paper C", "2023.05", "摘要"]],
        ),
        table(
            ["Title", "Date", "Code"],
            [
                [arxiv.format("A", 1), "2023.01", "x"],
                [arxiv.format("B", 2) + run, f"2023.02{run}", run],
                [arxiv.format("C", 3), "2023.03", "y"],
            ],
        ),
        table(
            ["Name", "Paper", "Date"],
            [
                ["A", "[Paper A](https://x.org/a)", "2023.01"],
                [run, f"[B](https://x.org/b){run}", f"2023.02{run}"],
                [f"C{run}", "[Paper C](https://x.org/c)", run],
            ],
        ),
    ]
    lines = ["# Adversarial cells", "", f"## 2024{run}", ""]
    for block in blocks:
        lines += [*block, ""]
    return "\n".join(lines)


def fastest(function: Callable[[str], object], text: str, repeat: int) -> float:
    """The fastest of ``repeat`` calls of ``function(text)``, after one untimed call."""
    function(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - start)
    return best


def measure(patterns: Sequence[str], size: int, repeat: int) -> dict[str, dict[str, list[float]]]:
    """Seconds of lint and fix at ``size`` and ``8 * size`` for each pattern."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from lint.engine import lint_text
    from lint.fix import fix_text

    def fix(text: str) -> object:
        return fix_text(text, unsafe=True)

    results: dict[str, dict[str, list[float]]] = {}
    gc.disable()  # as the command line runs: the cycle collector would only add noise
    for pattern in patterns:
        small, large = document(pattern, size), document(pattern, 8 * size)
        results[pattern] = {
            name: [fastest(function, small, repeat), fastest(function, large, repeat)]
            for name, function in (("lint", lint_text), ("fix", fix))
        }
        gc.collect()
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Print the timings as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="*", help="patterns to run (default: all)")
    parser.add_argument("--size", type=int, default=10_000, help="run length N (default 10000)")
    parser.add_argument("--repeat", type=int, default=2, help="timed calls per measure")
    args = parser.parse_args(argv)
    patterns = args.patterns or PATTERNS
    data = {"size": args.size, "patterns": measure(patterns, args.size, args.repeat)}
    print(json.dumps(data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
