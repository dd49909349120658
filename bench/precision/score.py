"""Precision and recall of the default reports against the labelled lists, per rule and per list.

    python bench/precision/score.py DIR [DIR ...] [--lists LISTS_DIR] [--unlabelled FILE]
                                    [--no-fix] [--render-check PATH] [--render-python PATH]

Every `<id>.md` found in a DIR that has a `lists/<id>.json` is copied into a temporary folder
with no configuration above it and linted with defaults as a subprocess of this interpreter
(`sys.executable -m lint --format json`), so it measures whatever checkout that interpreter
imports. A report matches a label by (list, line, rule code). Per rule: reports, true,
debatable, false, unlabelled, precision = (true + debatable) / labelled, and recall = labels
marked true and `defects` reported now (same line and rule) / all of them. Per list, a plain
`--fix` on a copy: its size change, the lines it changed that no report names (neither a
reported line nor in a table a table-format report names), whether a second `--fix` changes
nothing, and the render check (`shared/tools/render_check.py`) where its Python has cmarkgfm.
`--unlabelled FILE` writes the reports no label matches, with context, one json a line.
Nothing is fetched: `materialize.py` writes the lists from the local snapshots.
"""

from __future__ import annotations

import argparse
import difflib
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LABELS = ("true", "debatable", "false")
TABLE_LAYOUT = "table-format"
CONTEXT = 2
TIMEOUT = 900
# the shared tools sit beside the main checkout (../shared) or beside the worktrees' folder
RENDER_CHECKS = [base / "shared" / "tools" / "render_check.py" for base in ROOT.parents[:2]]


@dataclass
class Outcome:
    """One list's reports matched to its labels, and its fix measures."""

    list_id: str
    matched: list[tuple[dict[str, object], str | None]]
    recall_targets: list[tuple[int, str]]
    found: set[tuple[int, str]]
    error: str = ""
    fix: dict[str, str] = field(default_factory=dict)


def load_specs(lists_dir: Path) -> dict[str, dict[str, object]]:
    """Every list json of the folder, by id."""
    specs = (json.loads(path.read_text(encoding="utf-8")) for path in lists_dir.glob("*.json"))
    return {str(spec["id"]): spec for spec in specs}


def run_lint(path: Path, *options: str) -> tuple[list[dict[str, object]], str]:
    """The json reports of `python -m lint` on a file, run beside it; an error line if it failed."""
    command = [sys.executable, "-m", "lint", "--format", "json", *options, path.name]
    done = subprocess.run(command, cwd=path.parent, capture_output=True, text=True, timeout=TIMEOUT)
    if done.returncode not in (0, 1):
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [], f"exit {done.returncode}: {last}"
    try:
        return json.loads(done.stdout or "[]"), ""
    except json.JSONDecodeError:
        return [], "output is not json"


def match(
    reports: Sequence[dict[str, object]], labels: Sequence[dict[str, object]]
) -> list[tuple[dict[str, object], str | None]]:
    """Each report with its label (None when unlabelled).

    Labels are matched by (line, rule); where several share a key, one with the report's own
    message first, then in order, each used once."""
    by_key: dict[tuple[int, str], list[dict[str, object]]] = defaultdict(list)
    for label in labels:
        by_key[(int(str(label["line"])), str(label["rule"]))].append(label)
    matched: list[tuple[dict[str, object], str | None]] = []
    for report in reports:
        pool = by_key.get((int(str(report["line"])), str(report["code"])), [])
        same = [label for label in pool if label.get("message") == report["message"]]
        chosen = (same or pool)[:1]
        if chosen:
            pool.remove(chosen[0])
        matched.append((report, str(chosen[0]["label"]) if chosen else None))
    return matched


def recall_targets(spec: dict[str, object]) -> list[tuple[int, str]]:
    """(line, rule) of every label marked true and every noted defect."""
    labels = spec.get("labels", [])
    defects = spec.get("defects", [])
    assert isinstance(labels, list) and isinstance(defects, list)
    true = [item for item in labels if item["label"] == "true"]
    return [(int(item["line"]), str(item["rule"])) for item in [*true, *defects]]


def split_lines(text: str) -> list[str]:
    """Lines as the reports count them (1-based by index + 1), each keeping its carriage return."""
    return text.split("\n")


def table_span(lines: Sequence[str], line: int) -> range:
    """1-based line numbers of the block of piped lines around `line` (its table, roughly)."""
    start = end = line
    while start > 1 and lines[start - 2].strip() and "|" in lines[start - 2]:
        start -= 1
    while end < len(lines) and lines[end].strip() and "|" in lines[end]:
        end += 1
    return range(start, end + 1)


def named_lines(lines: Sequence[str], reports: Iterable[dict[str, object]]) -> set[int]:
    """Lines a fix may change: reported lines, and every line of a table-format report's table."""
    named: set[int] = set()
    for report in reports:
        line = int(str(report["line"]))
        named.add(line)
        if report["name"] == TABLE_LAYOUT and 0 < line <= len(lines):
            named.update(table_span(lines, line))
    return named


def unnamed_changes(before: str, after: str, reports: Sequence[dict[str, object]]) -> int:
    """Lines the fix changed, removed or added that no report names (a moved row is named)."""
    old, new = split_lines(before), split_lines(after)
    named = named_lines(old, reports)
    named_text = {old[line - 1].strip() for line in named if 0 < line <= len(old)}
    count = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            count += sum(1 for line in range(i1 + 1, i2 + 1) if line not in named)
        if tag == "delete":
            # of two identical lines, the diff may show either one removed: the same edit
            count += sum(
                1
                for line in range(i1 + 1, i2 + 1)
                if line not in named and old[line - 1].strip() not in named_text
            )
        if tag == "insert":
            inside = i1 in named or i1 + 1 in named
            count += sum(1 for text in new[j1:j2] if not inside and text.strip() not in named_text)
    return count


def has_cmarkgfm(python: str) -> bool:
    done = subprocess.run([python, "-c", "import cmarkgfm"], capture_output=True)
    return done.returncode == 0


def render_check(python: str, script: Path, original: Path, fixed: Path) -> str:
    done = subprocess.run(
        [python, str(script), str(original), str(fixed)], capture_output=True, text=True
    )
    if done.returncode == 0:
        return "ok"
    return "fail: " + (done.stdout.strip().splitlines() or ["no reason"])[0][:80]


def measure_fix(
    original: Path, reports: Sequence[dict[str, object]], render: tuple[str, Path] | None
) -> dict[str, str]:
    """Size change, unnamed changed lines, idempotence and render check of a plain --fix."""
    fixed = original.with_name("fixed") / original.name
    fixed.parent.mkdir(exist_ok=True)
    shutil.copyfile(original, fixed)
    _, error = run_lint(fixed, "--fix")
    if error:
        return {"size": "-", "unnamed": "-", "idempotent": "-", "render": "-", "error": error}
    before = original.read_bytes()
    once = fixed.read_bytes()
    run_lint(fixed, "--fix")
    twice = fixed.read_bytes()
    decode = {"encoding": "utf-8", "errors": "surrogateescape"}
    unnamed = unnamed_changes(before.decode(**decode), once.decode(**decode), reports)
    size = 100 * (len(once) - len(before)) / max(1, len(before))
    result = {
        "size": f"{size:+.1f}%",
        "unnamed": str(unnamed),
        "idempotent": "yes" if once == twice else "no",
        "render": "-",
    }
    if render and once != before:
        fixed.write_bytes(once)
        result["render"] = render_check(render[0], render[1], original, fixed)
    elif render:
        result["render"] = "unchanged"
    return result


def score_list(
    source: Path, spec: dict[str, object], work: Path, fix: bool, render: tuple[str, Path] | None
) -> Outcome:
    """Lint (and fix) one list in its own folder under `work`."""
    folder = work / str(spec["id"])
    folder.mkdir()
    copy = folder / source.name
    shutil.copyfile(source, copy)
    reports, error = run_lint(copy)
    labels = spec.get("labels", [])
    assert isinstance(labels, list)
    outcome = Outcome(
        list_id=str(spec["id"]),
        matched=match(reports, labels),
        recall_targets=recall_targets(spec),
        found={(int(str(report["line"])), str(report["code"])) for report in reports},
        error=error,
    )
    if fix and not error:
        outcome.fix = measure_fix(copy, reports, render)
    return outcome


def precision(counts: Counter[str]) -> str:
    labelled = sum(counts[label] for label in LABELS)
    if not labelled:
        return "-"
    return f"{100 * (counts['true'] + counts['debatable']) / labelled:.0f}%"


def rule_table(outcomes: Sequence[Outcome]) -> list[str]:
    """Markdown table: per rule counts, precision and recall, and a total row."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for outcome in outcomes:
        for report, label in outcome.matched:
            rule = f"{report['code']} {report['name']}"
            for key in (rule, "all"):
                counts[key]["reports"] += 1
                counts[key][label or "unlabelled"] += 1
        for line, code in outcome.recall_targets:
            rule = next((key for key in counts if key.startswith(code + " ")), code)
            for key in (rule, "all"):
                counts[key]["targets"] += 1
                counts[key]["found"] += (line, code) in outcome.found
    rows = [
        "| rule | reports | true | debatable | false | unlabelled | precision | recall |",
        "| --- | --: | --: | --: | --: | --: | --: | --: |",
    ]
    for key in sorted(counts, key=lambda key: (key == "all", key)):
        c = counts[key]
        recall = f"{c['found']}/{c['targets']}" if c["targets"] else "-"
        rows.append(
            f"| {key} | {c['reports']} | {c['true']} | {c['debatable']} | {c['false']} "
            f"| {c['unlabelled']} | {precision(c)} | {recall} |"
        )
    return rows


def list_table(outcomes: Sequence[Outcome]) -> list[str]:
    """Markdown table: per list reports, precision and the plain --fix's measures."""
    rows = [
        "| list | reports | unlabelled | precision | fix size | unnamed lines | idempotent "
        "| render |",
        "| --- | --: | --: | --: | --: | --: | --- | --- |",
    ]
    for outcome in outcomes:
        counts = Counter(label or "unlabelled" for _, label in outcome.matched)
        fix = outcome.fix or {}
        cells = [fix.get(key, "-") for key in ("size", "unnamed", "idempotent", "render")]
        if outcome.error or fix.get("error"):
            cells[-1] = outcome.error or fix["error"]
        rows.append(
            f"| {outcome.list_id} | {len(outcome.matched)} | {counts['unlabelled']} "
            f"| {precision(counts)} | " + " | ".join(cells) + " |"
        )
    return rows


def unlabelled_records(outcome: Outcome, text: str) -> Iterable[dict[str, object]]:
    """The reports no label matches, each with the lines around it and its table's header."""
    lines = split_lines(text)
    for report, label in outcome.matched:
        if label is not None:
            continue
        line = int(str(report["line"]))
        around = range(max(1, line - CONTEXT), min(len(lines), line + CONTEXT) + 1)
        span = table_span(lines, line) if 0 < line <= len(lines) and "|" in lines[line - 1] else []
        yield {
            "id": outcome.list_id,
            "line": line,
            "rule": report["code"],
            "name": report["name"],
            "message": report["message"],
            "header": lines[span[0] - 1].rstrip("\r") if span else "",
            "context": {str(number): lines[number - 1].rstrip("\r") for number in around},
        }


def find_lists(dirs: Sequence[Path], specs: dict[str, dict[str, object]]) -> list[Path]:
    """The `<id>.md` files of the folders that have a list json, sorted by id."""
    found = {path.stem: path for folder in dirs for path in folder.glob("*.md")}
    return [found[list_id] for list_id in sorted(found) if list_id in specs]


def render_setup(args: argparse.Namespace) -> tuple[str, Path] | None:
    if not args.render_check.is_file() or not has_cmarkgfm(args.render_python):
        print("render check skipped: no render_check.py or no cmarkgfm", file=sys.stderr)
        return None
    return args.render_python, args.render_check


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="folders holding <id>.md lists")
    parser.add_argument("--lists", type=Path, default=HERE / "lists", help="the list jsons")
    parser.add_argument("--unlabelled", type=Path, help="write unmatched reports here (jsonl)")
    parser.add_argument("--no-fix", action="store_true", help="skip the --fix measures")
    parser.add_argument(
        "--render-check",
        type=Path,
        default=next((path for path in RENDER_CHECKS if path.is_file()), RENDER_CHECKS[0]),
        help="the render check script (default: ../shared/tools/render_check.py)",
    )
    parser.add_argument("--render-python", default=sys.executable, help="Python with cmarkgfm")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    specs = load_specs(args.lists)
    sources = find_lists(args.dirs, specs)
    if not sources:
        print("no labelled list found in " + ", ".join(map(str, args.dirs)), file=sys.stderr)
        return 2
    render = None if args.no_fix else render_setup(args)
    with tempfile.TemporaryDirectory(prefix="precision-") as work:
        outcomes = []
        for source in sources:
            print(f"scoring {source.stem}", file=sys.stderr)
            spec = specs[source.stem]
            outcomes.append(score_list(source, spec, Path(work), not args.no_fix, render))
    print(f"## Precision per rule ({len(outcomes)} lists)\n")
    print("\n".join(rule_table(outcomes)))
    print("\n## Per list\n")
    print("\n".join(list_table(outcomes)))
    if args.unlabelled:
        with args.unlabelled.open("w", encoding="utf-8") as out:
            for outcome, source in zip(outcomes, sources, strict=True):
                text = source.read_text(encoding="utf-8", errors="surrogateescape")
                for record in unlabelled_records(outcome, text):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
