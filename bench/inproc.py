"""Time the linter through its Python API, inside one process, for `bench/run.py`.

`python bench/inproc.py FILE [--repeat N]` reads FILE once, then times N calls (after one
untimed warm-up call) each of the
block floor (`MarkdownIt("commonmark").disable("inline").parse(text)`), of `lint_text(text)`
and of `fix_text(text)`, and prints one JSON object:
`{"block_floor": [s, ...], "lint": [s, ...], "fix": [s, ...], "errors": {"lint": "why", ...}}`.
A name that cannot be imported or called is left out of the timings and explained in `errors`,
so the benchmark still runs while the API is being written.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APIS = {"lint": "lint.engine:lint_text", "fix": "lint.fix:fix_text"}


def block_floor(text: str) -> object:
    """Parse the block structure only; "inline" is markdown-it-py's core rule for inline parsing."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").disable("inline").parse(text)


def load(spec: str) -> Callable[[str], object]:
    """Import `module:function` from the working tree; raise ImportError or AttributeError."""
    module_name, _, function_name = spec.partition(":")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    function: Callable[[str], object] = getattr(importlib.import_module(module_name), function_name)
    return function


def materialize(result: object) -> object:
    """Drain a generator result so that lazy work is timed too."""
    if hasattr(result, "__next__"):
        return list(result)  # type: ignore[call-overload]
    return result


def time_calls(function: Callable[[str], object], text: str, repeat: int) -> list[float]:
    """Seconds taken by each of `repeat` calls of `function(text)`, after one untimed call.

    The untimed call pays for lazy imports and caches, so the timings are the steady cost of
    a call, as a long-lived caller (an editor, a test suite) sees it.
    """
    materialize(function(text))
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        materialize(function(text))
        seconds.append(time.perf_counter() - start)
    return seconds


def measure(text: str, repeat: int, apis: dict[str, str]) -> dict[str, object]:
    """Timings of the block floor and of each API function, with the reason for any missing."""
    results: dict[str, object] = {"block_floor": time_calls(block_floor, text, repeat)}
    errors: dict[str, str] = {}
    for key, spec in apis.items():
        try:
            results[key] = time_calls(load(spec), text, repeat)
        except Exception as error:  # noqa: BLE001 - any failure becomes a reported "n/a"
            errors[key] = f"{spec}: {type(error).__name__}: {error}"
    results["errors"] = errors
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Print the in-process timings of one file as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lint-api", default=APIS["lint"], help="module:function for lint")
    parser.add_argument("--fix-api", default=APIS["fix"], help="module:function for fix")
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    apis = {"lint": args.lint_api, "fix": args.fix_api}
    print(json.dumps(measure(text, args.repeat, apis)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
