"""Differential test: this tree's lint and --fix output against another checkout's, byte for byte.

    python bench/differential.py --base-python /work/base/.venv/bin/python [--base-root DIR]
        [--corpus ../shared/corpus] [--generated 2000] [--seed 0] [--keep DIR] [--cache DIR]

Cases: every ``.md`` and ``.txt`` file of the corpus whole, every example of its spec files
(``example`` blocks, split out), every document of ``../shared/tools/fuzz_tables.py`` for
``--generated`` seeds (one file each, and in runs of ten files, so duplicates across files count),
and a few lists of ``bench/generate.py``. Each case runs through ``lint.cli.main`` in one process
per tree (the other tree's with ``--base-python``, from ``--base-root``), in a fresh temporary
directory (no configuration applies), once per mode: lint as text, as JSON and with every rule,
``--diff``, ``--fix``, ``--fix --unsafe-fixes`` (with every rule too), and ``--show-conventions``.
What is compared: exit code, stdout, stderr and the bytes of every file afterwards. Exit 1 and the
first differences (their inputs kept in ``--keep``) when any case differs, else 0.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
FUZZ = ROOT.parent / "shared" / "tools" / "fuzz_tables.py"
if not FUZZ.is_file():  # a worktree beside the others: the shared folder is two levels up
    FUZZ = Path("/work/shared/tools/fuzz_tables.py")
MODES: dict[str, list[str]] = {
    "lint": [],
    "json": ["--format", "json"],
    "all": ["--select", "ALL", "--format", "json"],
    "diff": ["--diff"],
    "fix": ["--fix"],
    "unsafe": ["--fix", "--unsafe-fixes"],
    "unsafe-all": ["--fix", "--unsafe-fixes", "--select", "ALL"],
    "conventions": ["--show-conventions"],
}
# runs of several files: the files of one run are one scope for duplicates
BATCH_MODES = ("json", "unsafe-all")
BATCH = 10
HASH_SEED = "0"
_EXAMPLE = re.compile(r"^`{32} example[^\n]*\n(.*?)^\.\n", re.MULTILINE | re.DOTALL)


def spec_examples(text: str) -> list[str]:
    """The Markdown of each example of a spec file (``→`` is a tab there)."""
    return [match[1].replace("\u2192", "\t") for match in _EXAMPLE.finditer(text)]


def _load(name: str, path: Path) -> object:
    """A script loaded by path (neither folder is a package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault(name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


def cases(corpus: Path, generated: int, seed: int) -> Iterator[dict[str, object]]:
    """Every case: ``{"name", "files": {file name: text}, "modes": [...]}``."""
    every = list(MODES)
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".md", ".txt") or not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        name = str(path.relative_to(corpus))
        yield {"name": name, "files": {"list.md": text}, "modes": every}
        if "spec" in path.parts:
            for number, example in enumerate(spec_examples(text), 1):
                files = {"example.md": example}
                yield {"name": f"{name}#{number}", "files": files, "modes": every}
    fuzz = _load("fuzz_tables", FUZZ)
    documents = []
    for number in range(generated):
        text = fuzz.document(random.Random(seed * 1_000_003 + number))  # type: ignore[attr-defined]
        documents.append(text)
        yield {"name": f"fuzz/{number}", "files": {"doc.md": text}, "modes": every}
    for start in range(0, len(documents), BATCH):
        batch = documents[start : start + BATCH]
        files = {f"d{index}.md": text for index, text in enumerate(batch)}
        yield {"name": f"fuzz/batch{start}", "files": files, "modes": list(BATCH_MODES)}
    generate = _load("bench_generate", ROOT / "bench" / "generate.py")
    for rows, list_seed in ((20, 1), (200, 2), (1000, 3), (3000, 4)):
        text = generate.generate(rows, list_seed)  # type: ignore[attr-defined]
        yield {"name": f"generate/{rows}", "files": {"list.md": text}, "modes": every}


def drive(root: Path, cases_path: Path, out_path: Path) -> int:
    """Run every case through ``lint.cli.main`` of the tree at ``root``; one JSON line each."""
    sys.path.insert(0, str(root))
    os.environ.pop("GITHUB_STEP_SUMMARY", None)
    os.environ.pop("LLM4OR_LINT_DEBUG", None)
    from lint.cli import main

    with open(cases_path, encoding="utf-8") as stream, open(out_path, "w") as out:
        for line in stream:
            case = json.loads(line)
            for mode in case["modes"]:
                result = _run_case(main, case["files"], MODES[mode])
                out.write(json.dumps({"name": case["name"], "mode": mode, **result}) + "\n")
    return 0


def _run_case(main: object, files: dict[str, str], options: list[str]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as work:
        for name, text in files.items():
            Path(work, name).write_bytes(text.encode("utf-8", errors="surrogatepass"))
        saved = os.getcwd(), sys.stdout, sys.stderr
        stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
        stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
        try:
            os.chdir(work)
            sys.stdout, sys.stderr = stdout, stderr
            code = main([*options, *files])  # type: ignore[operator]
        except SystemExit as leave:
            code = leave.code
        finally:
            stdout.flush()
            stderr.flush()
            os.chdir(saved[0])
            sys.stdout, sys.stderr = saved[1], saved[2]
        after = {name: Path(work, name).read_bytes().decode("utf-8", "replace") for name in files}
    out = stdout.buffer.getvalue().decode("utf-8", "replace")
    err = stderr.buffer.getvalue().decode("utf-8", "replace")
    changed = {name: text for name, text in after.items() if text != files[name]}
    return {"code": code, "stdout": out, "stderr": err, "files": changed}


def run_tree(
    python: str, root: Path, cases_path: Path, out: Path, reuse: bool = False
) -> dict[tuple[str, str], dict]:
    """Run the driver for one tree (``reuse``: results kept in ``out`` from an earlier run of
    the same cases) and read its results by (case, mode)."""
    if not (reuse and out.is_file()):
        command = [python, str(Path(__file__).resolve()), "--drive", str(root), str(cases_path)]
        # one hash seed for both trees: an iteration over a set of strings must not make a
        # difference of its own (a tie broken by set order shows as a change that is none)
        environment = {**os.environ, "PYTHONHASHSEED": HASH_SEED}
        subprocess.run([*command, str(out) + ".part"], check=True, cwd=root, env=environment)
        os.replace(str(out) + ".part", out)
    results = {}
    with open(out, encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            results[record.pop("name"), record.pop("mode")] = record
    return results


def compare(
    base: dict[tuple[str, str], dict], ours: dict[tuple[str, str], dict]
) -> list[tuple[str, str, str]]:
    """``(case, mode, what differs)`` for each result that is not the same in both trees."""
    differences = []
    for key in sorted(set(base) | set(ours)):
        old, new = base.get(key), ours.get(key)
        if old is None or new is None:
            differences.append((*key, "missing in one tree"))
            continue
        for field in ("code", "stdout", "stderr", "files"):
            if old[field] != new[field]:
                differences.append((*key, field))
                break
    return differences


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-python", required=True, help="the other tree's interpreter")
    parser.add_argument("--base-root", type=Path, default=Path("/work/base"))
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--generated", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="write the differing cases' inputs here")
    parser.add_argument(
        "--cache",
        type=Path,
        help="keep the base tree's results here and reuse them for the same cases (a base that"
        " never changes, such as a checkout of the commit before a refactoring)",
    )
    parser.add_argument("--shown", type=int, default=20, help="differences printed at most")
    args = parser.parse_args(argv)
    corpus = args.corpus if args.corpus.is_dir() else Path("/work/shared/corpus")
    with tempfile.TemporaryDirectory() as work:
        cases_path = Path(work, "cases.jsonl")
        inputs = {}
        with open(cases_path, "w", encoding="utf-8") as stream:
            for case in cases(corpus, args.generated, args.seed):
                inputs[case["name"]] = case["files"]
                stream.write(json.dumps(case) + "\n")
        digest = hashlib.sha256(cases_path.read_bytes()).hexdigest()[:16]
        key = f"{args.base_python}|{args.base_root}|{digest}|{HASH_SEED}".encode()
        kept = Path(work, "base.jsonl")
        if args.cache:
            args.cache.mkdir(parents=True, exist_ok=True)
            kept = args.cache / f"base-{hashlib.sha256(key).hexdigest()[:16]}.jsonl"
        base = run_tree(args.base_python, args.base_root, cases_path, kept, reuse=True)
        ours = run_tree(sys.executable, ROOT, cases_path, Path(work, "ours.jsonl"))
    differences = compare(base, ours)
    names = {name for name, _ in base}
    print(f"differential: {len(names)} cases, {len(base)} runs, {len(differences)} differ")
    for name, mode, what in differences[: args.shown]:
        print(f"DIFFERS {name} [{mode}]: {what}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for file, text in inputs[name].items():  # type: ignore[attr-defined]
                safe = re.sub(r"[^A-Za-z0-9._-]", "_", f"{name}__{file}")
                Path(args.keep, safe).write_text(text, encoding="utf-8")
    return 1 if differences else 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--drive":
        raise SystemExit(drive(Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])))
    raise SystemExit(main())
