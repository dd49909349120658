"""Benchmark the linter against its markdown-it-py floors and its peers, in one command.

    python bench/run.py [--sizes 20,1000,10000,100000] [--repeat N] [--quick]
                        [--no-peers] [--install-peers] [--peers-dir DIR] [--json PATH]

Lists made by `bench/generate.py` are written to a temporary directory; every measure runs as
its own process (the Python ones with this interpreter, from the repository root), several
times, and the tables give the median and the minimum. Lint and fix are compared with two
floors on the same text: the stock parse `MarkdownIt("commonmark").enable("table")` ("full
floor") and the block structure alone, `MarkdownIt("commonmark").disable("inline")` ("block
floor"; "inline" is markdown-it-py's core rule that runs the inline parser). Peers
(markdownlint-cli2, prettier, mdformat with mdformat-tables, rumdl) run where installed in
`--peers-dir`, a throw-away place that `--install-peers` fills; they are never dependencies of
the project. The real lists of `--real-dir` get the same lint, fix and peer runs, and
`bench/linear.py` times lint and fix on runs of every punctuation character and Markdown opener
in every cell of paper tables, at N and 8N characters (linear: a ratio near 8). Timings are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from measure import (
    BIG_SIZE,
    DEFAULT_PEERS_DIR,
    DEFAULT_REAL_DIR,
    DEFAULT_SIZES,
    LINEAR_SIZE,
    QUICK_SIZES,
    ROOT,
    run,
)
from report import render_report, report_json


def parse_sizes(text: str) -> list[int]:
    """'20,1000,10k' -> [20, 1000, 10000]."""
    parts = text.lower().replace("_", "").replace("k", "000").split(",")
    return [int(part) for part in parts]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options, with the defaults that depend on --quick filled in."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add(
        "--sizes",
        type=parse_sizes,
        help="rows per list, comma-separated "
        "(default 20,1000,10000,100000; with --quick 20,1000,10000)",
    )
    add("--repeat", type=int, help="runs per measure (default 5; with --quick 3)")
    add("--big-repeat", type=int, default=3, help=f"at most this many runs at {BIG_SIZE:,} rows+")
    add("--startup-repeat", type=int, default=10, help="runs of the start-up measures")
    add("--quick", action="store_true", help="no 100,000-row list, fewer runs")
    add("--seed", type=int, default=0, help="generator seed (default 0)")
    add("--readme", type=Path, default=ROOT / "README.md", help="the list for the start-up run")
    add("--no-peers", action="store_true", help="skip the peers")
    add("--install-peers", action="store_true", help="install the peers into --peers-dir first")
    add("--peers-dir", type=Path, default=DEFAULT_PEERS_DIR, help="where the peers live")
    add(
        "--timeout",
        type=float,
        default=120.0,
        help="seconds before a run is killed; a peer that times out skips bigger lists",
    )
    add("--slow", type=float, default=30.0, help="a measure slower than this runs only once")
    add("--json", type=Path, help="also write the results to this file as JSON")
    add("--real-dir", type=Path, default=DEFAULT_REAL_DIR, help="the real lists to measure")
    add("--no-real", action="store_true", help="skip the real lists")
    add(
        "--linear-size",
        type=int,
        default=LINEAR_SIZE,
        help=f"run length N of the adversarial cells (default {LINEAR_SIZE}; 0 skips them)",
    )
    args = parser.parse_args(argv)
    args.sizes = args.sizes or list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    args.repeat = args.repeat or (3 if args.quick else 5)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the report, and write JSON if asked."""
    args = parse_args(argv)
    report = run(args)
    sys.stdout.write(render_report(report))
    if args.json is not None:
        args.json.write_text(json.dumps(report_json(report), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
