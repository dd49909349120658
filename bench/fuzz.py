"""Fuzz the linter through its command line with documents shaped like real paper lists.

Usage: python bench/fuzz.py [--seconds S] [--seed N] [--out DIR] [--per-kind K]

For S seconds, writes random paper lists (``tests/strategies.py``, the generator the property
tests use: CJK and full-width text, dates in every style with trailing marks, venue-years,
markup, HTML, comments, escaped pipes, tables in quotes, lists and indented blocks, glued lines,
missing and extra cells, repeated rows, several sections, ``<details>``, CRLF, a BOM), sometimes
with a configuration file beside them and sometimes two files in one run, and runs the command
line's ``main`` on them in this process: lint, ``--fix`` and ``--fix --unsafe-fixes``. A failure
is any of these on such valid input:

- an error (exit 2, an ``error:`` line), an internal error or an exception, or a fix not
  applied because the fixed text would fail the nothing-lost check (a ``warning:`` line);
- a plain ``--fix`` whose result GitHub shows otherwise than the safety contract allows
  (``tests/gfm_oracle.why_not_equivalent``), that leaves a problem with a safe fix, or that a
  second ``--fix`` changes again; a ``--fix --unsafe-fixes`` that a second one changes again;
- a run that takes more than ``--timeout`` seconds.

Each kind of failure (its message with file names, numbers and quoted values left out) is shown
once with a count; the first ``--per-kind`` inputs of each kind are written to ``--out`` as
``NNN-K.md`` (the file as it was, BOM included), ``NNN-K.toml`` (its settings, if any) and
``NNN-K.txt`` (what failed, and how to run it again). Exit status 1 when anything failed.
The same seed gives the same documents.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
BOM = "\ufeff"


class Failure(NamedTuple):
    """What went wrong on one run: a short kind and the details."""

    kind: str
    details: str


class Case(NamedTuple):
    """One run's input: the files' texts (a BOM kept as written) and the settings."""

    texts: tuple[str, ...]
    settings: dict[str, str | list[str]]


class Timeout(Exception):
    """The run took longer than allowed."""


def make_case(rnd: random.Random) -> Case:
    from tests.strategies import chance, document, settings

    count = 2 if chance(rnd, 0.1) else 1
    texts = tuple((BOM if chance(rnd, 0.05) else "") + document(rnd) for _ in range(count))
    return Case(texts, settings(rnd))


def toml(settings: dict[str, str | list[str]]) -> str:
    """The settings as an ``llm4or-lint.toml`` (strings and lists of strings only)."""
    return "".join(
        f"{key} = {json.dumps(value, ensure_ascii=False)}\n" for key, value in settings.items()
    )


def run_cli(args: Sequence[str]) -> tuple[int, str, str]:
    """``main(args)`` in this process: exit code, stdout, stderr."""
    from lint.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except BaseException as error:  # noqa: BLE001 - every escape is a failure to report
            if isinstance(error, (Timeout, KeyboardInterrupt)):
                raise
            import traceback

            return -1, out.getvalue(), err.getvalue() + traceback.format_exc()
    return code, out.getvalue(), err.getvalue()


def _ran(args: Sequence[str], what: str) -> tuple[str, Failure | None]:
    """Run and turn a bad exit or an error line into a failure; returns stdout too."""
    code, out, err = run_cli(args)
    if code == -1:
        last = err.strip().splitlines()[-1]
        return out, Failure(f"{what}: exception {last.split(':')[0]}", err)
    # an error, or a warning that a fix was not applied (refused by the nothing-lost check)
    errors = [line for line in err.splitlines() if "error:" in line or "warning:" in line]
    if code not in (0, 1) or errors:
        first = errors[0] if errors else f"exit {code}"
        return out, Failure(f"{what}: {first}", err or out)
    return out, None


def check_case(case: Case, folder: Path) -> Iterator[Failure]:
    """Every failure of lint, fix and unsafe fix on ``case``, written into ``folder``."""
    from tests.gfm_oracle import why_not_equivalent

    if case.settings:
        (folder / "llm4or-lint.toml").write_text(toml(case.settings), encoding="utf-8")
    names = [str(folder / f"d{index}.md") for index in range(len(case.texts))]

    def write() -> None:
        for name, text in zip(names, case.texts, strict=True):
            Path(name).write_bytes(text.encode("utf-8"))

    def read() -> list[str]:
        return [Path(name).read_bytes().decode("utf-8") for name in names]

    write()
    _, failure = _ran(names, "lint")
    if failure:
        yield failure
    for mode, flags in (("fix", ["--fix"]), ("unsafe fix", ["--fix", "--unsafe-fixes"])):
        write()
        _, failure = _ran([*flags, *names], mode)
        if failure:
            yield failure
            continue
        fixed = read()
        if mode == "fix":
            for original, text in zip(case.texts, fixed, strict=True):
                if original.startswith(BOM) != text.startswith(BOM):
                    yield Failure("fix: BOM changed", text[:80])
                why = why_not_equivalent(_plain(original), _plain(text))
                if why:
                    yield Failure(f"fix: renders beyond the contract: {why}", why)
            out, failure = _ran(["--format", "json", *names], "lint after fix")
            left = (
                [p for p in json.loads(out or "[]") if p.get("fix") == "safe"]
                if not failure
                else []
            )
            if left:
                yield Failure(f"fix: a safe fix left: {left[0]['code']}", json.dumps(left[0]))
        _, failure = _ran([*flags, *names], mode + " again")
        if failure:
            yield failure
        elif read() != fixed:
            yield Failure(f"{mode}: not idempotent", "a second run changed the file")


def _plain(text: str) -> str:
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


_NOISE = [
    (re.compile(r"(?:/[^\s:'\"]+)?/d\d\.md"), "FILE"),
    (re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\(.*\)$"), "…"),
    (re.compile(r"\d+"), "N"),
]


def kind_of(failure: Failure) -> str:
    """The failure's message with what varies from input to input left out."""
    kind = failure.kind.replace("llm4or-lint: error: ", "")
    for pattern, replacement in _NOISE:
        kind = pattern.sub(replacement, kind)
    return kind[:200]


def keep(out: Path, number: int, case: Case, failure: Failure, seed: int, index: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"{number:03d}"
    for position, text in enumerate(case.texts):
        suffix = f"-{position}" if len(case.texts) > 1 else ""
        (stem.parent / f"{stem.name}{suffix}.md").write_bytes(text.encode("utf-8"))
    if case.settings:
        (stem.parent / f"{stem.name}.toml").write_text(toml(case.settings), encoding="utf-8")
    again = f"python bench/fuzz.py --seed {seed} --only {index}"
    (stem.parent / f"{stem.name}.txt").write_text(
        f"{failure.kind}\n\n{failure.details}\n\nagain: {again}\n", encoding="utf-8"
    )


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Timeout


def fuzz(args: argparse.Namespace) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    rnd = random.Random(args.seed)
    counts: dict[str, int] = {}
    kept: dict[str, int] = {}
    start, index = time.monotonic(), 0
    signal.signal(signal.SIGALRM, _alarm)
    while time.monotonic() - start < args.seconds or index <= args.only:
        state = random.Random(rnd.getrandbits(64))  # each case from its own seed: --only N
        index += 1
        if args.only and index != args.only:
            continue
        case = make_case(state)
        folder = Path(tempfile.mkdtemp(prefix="llm4or-fuzz-"))
        signal.alarm(args.timeout)
        try:
            failures = list(check_case(case, folder))
        except Timeout:
            failures = [Failure(f"timeout after {args.timeout} s", "")]
        except Exception:  # noqa: BLE001 - a bug of the checks: kept with its input like any
            import traceback

            failures = [Failure("the fuzzer's own checks failed", traceback.format_exc())]
        finally:
            signal.alarm(0)
            shutil.rmtree(folder, ignore_errors=True)
        for failure in failures:
            kind = kind_of(failure)
            counts[kind] = counts.get(kind, 0) + 1
            if counts[kind] <= args.per_kind:
                kept[kind] = kept.get(kind, 0) + 1
                number = sum(kept.values())
                keep(Path(args.out), number, case, failure, args.seed, index)
                if counts[kind] == 1:
                    print(f"FAIL [{number:03d}] {failure.kind[:300]}", flush=True)
        if args.only:
            break
    for kind, count in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"{count:6d}  {kind}")
    where = f" (inputs in {args.out})" if counts else ""
    print(f"fuzz: seed {args.seed}, {index} cases, {len(counts)} kinds of failure{where}")
    return 1 if counts else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=60, help="how long to run (60)")
    parser.add_argument("--seed", type=int, default=0, help="the documents' seed (0)")
    parser.add_argument("--out", default="fuzz-failures", help="where failing inputs go")
    parser.add_argument("--per-kind", type=int, default=3, help="inputs kept per kind (3)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds one case may take")
    parser.add_argument("--only", type=int, default=0, help="run case N of the seed alone")
    return fuzz(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
