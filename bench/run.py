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
import importlib.util
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
DEFAULT_SIZES = (20, 1_000, 10_000, 100_000)
QUICK_SIZES = (20, 1_000, 10_000)
BIG_SIZE = 100_000
DEFAULT_PEERS_DIR = Path.home() / ".cache" / "llm4or-bench" / "peers"
DEFAULT_REAL_DIR = ROOT.parent / "shared" / "corpus" / "real"
LINEAR_SIZE = 10_000
NPM_PEERS = ("markdownlint-cli2", "prettier")
PIP_PEERS = ("mdformat", "mdformat-tables", "rumdl")
OK_EXIT_CODES = (0, 1)  # 1 means "problems found" or "file changed", for ours and every peer
BASELINE = "python -c pass"
IMPORT = "python -c 'import markdown_it'"
STARTUP = "python -m lint README.md"

# Runs one measured command and writes "seconds max_rss_kib exit_code" to the file argv[1].
# The kernel counts a child's peak RSS from the memory of the process that started it, so the
# runner (holding a 16 MB list) must not start the measured command itself: this small
# interpreter does, and its own few MiB are the floor of every RSS reading.
LAUNCHER = """\
import os, sys, time
out, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(out, "w") as numbers:
    numbers.write(f"{elapsed!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""
READ = "import sys\ntext = open(sys.argv[1], encoding='utf-8').read()\n"
FULL_FLOOR = (
    "from markdown_it import MarkdownIt\n"
    + READ
    + "MarkdownIt('commonmark').enable('table').parse(text)\n"
)
BLOCK_FLOOR = (
    "from markdown_it import MarkdownIt\n"
    + READ
    + "MarkdownIt('commonmark').disable('inline').parse(text)\n"
)
TARGETS = {
    "lint / block floor": "≤ 2",
    "fix / block floor": "≤ 3",
    "lint RSS / block floor RSS": "≤ 1.5",
    "lint 100k / 10k": "≤ 11",
    "fix 100k / 10k": "≤ 11",
    f"{STARTUP} / {IMPORT}": "≤ 1.3",
}


@dataclass(frozen=True)
class Measure:
    """Something to time: a command line, or the reason it cannot run here."""

    key: str
    argv: list[str] | None
    reason: str = ""
    cwd: Path = ROOT
    fresh_copy: Path | None = None  # copied over argv[-1] before each run


@dataclass
class Result:
    """The samples of one measure at one size, or why there are none."""

    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    error: str = ""
    timed_out: float | None = None  # the timeout, when a run hit it

    @property
    def median(self) -> float | None:
        """Median seconds, or None without samples."""
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def minimum(self) -> float | None:
        """Fastest run in seconds, or None without samples."""
        return min(self.seconds) if self.seconds else None

    @property
    def peak_rss(self) -> int | None:
        """Largest max-RSS of the runs, in KiB."""
        return max(self.rss_kib) if self.rss_kib else None


@dataclass(frozen=True)
class Bound:
    """A ratio known only to be below `value` (the peer timed out)."""

    value: float


Ratio = float | Bound | None


# -- running processes -------------------------------------------------------------------------


def run_once(measure: Measure, timeout: float, work: Path) -> tuple[float, int, str]:
    """Run a measure once through `LAUNCHER`: (seconds, max RSS in KiB, error or "")."""
    assert measure.argv is not None
    if measure.fresh_copy is not None:
        shutil.copyfile(measure.fresh_copy, measure.argv[-1])
    log, numbers = work / "output.log", work / "launcher.out"
    numbers.unlink(missing_ok=True)
    killed = threading.Event()
    launcher = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(numbers), *measure.argv]
    with open(log, "wb") as out:
        process = subprocess.Popen(
            launcher,
            cwd=measure.cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, kill_group, (process.pid, killed))
        timer.start()
        process.wait()
        timer.cancel()
    if killed.is_set():
        return timeout, 0, f"timeout > {timeout:g} s"
    if not numbers.is_file():
        return 0.0, 0, failure(-1, log)  # the launcher itself failed
    seconds, rss, returncode = numbers.read_text(encoding="ascii").split()
    return float(seconds), int(rss), failure(int(returncode), log)


def kill_group(pid: int, killed: threading.Event) -> None:
    """Kill a timed-out run and the processes it started."""
    killed.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def failure(returncode: int, log: Path) -> str:
    """Why a run failed ("" if it did not): an unexpected exit code or a traceback."""
    tail = log.read_bytes()[-4000:].decode("utf-8", "replace")
    if returncode in OK_EXIT_CODES and "Traceback (most recent call last)" not in tail:
        return ""
    last = [line for line in tail.splitlines() if line.strip()][-1:] or [""]
    return f"exit {returncode}: {last[0][:100]}"


def collect(
    measures: Sequence[Measure], repeat: int, args: argparse.Namespace, work: Path
) -> dict[str, Result]:
    """Run each measure `repeat` times, round-robin so that drift hits all alike.

    A measure stops after a failure, and after one run slower than `--slow` seconds.
    """
    results = {m.key: Result(error=m.reason) for m in measures}
    for _ in range(repeat):
        for measure in measures:
            result = results[measure.key]
            if measure.argv is None or result.error or slow(result, args.slow):
                continue
            seconds, rss, result.error = run_once(measure, args.timeout, work)
            if result.error.startswith("timeout"):
                result.timed_out = args.timeout
            elif not result.error:
                result.seconds.append(seconds)
                result.rss_kib.append(rss)
    return results


def slow(result: Result, limit: float) -> bool:
    """Whether the last run took so long that one sample must do."""
    return bool(result.seconds) and result.seconds[-1] > limit


def run_inproc(path: Path, repeat: int, timeout: float) -> dict[str, Result]:
    """Time the block floor, lint_text and fix_text in one process (see bench/inproc.py)."""
    argv = [sys.executable, str(BENCH / "inproc.py"), str(path), "--repeat", str(repeat)]
    keys = {"block_floor": "block floor", "lint": "lint", "fix": "fix"}
    try:
        done = subprocess.run(
            argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout * repeat * 3
        )
        data = json.loads(done.stdout)
    except (subprocess.TimeoutExpired, json.JSONDecodeError) as error:
        data = {"errors": dict.fromkeys(keys, f"n/a (inproc failed: {type(error).__name__})")}
    errors = {key: f"n/a ({why})" for key, why in data.get("errors", {}).items()}
    return {
        f"{label} (in-process)": Result(seconds=data.get(key, []), error=errors.get(key, ""))
        for key, label in keys.items()
    }


# -- what to measure ---------------------------------------------------------------------------


def python(*args: str) -> list[str]:
    """A command line for this interpreter."""
    return [sys.executable, *args]


def lint_missing() -> str:
    """Why the working tree has no runnable lint package, or "" if it has one."""
    return "" if (ROOT / "lint" / "__main__.py").is_file() else "n/a (lint/__main__.py not found)"


def startup_measures(readme: Path) -> list[Measure]:
    """Measures that do not depend on the list size: interpreter, import, the real README."""
    missing = lint_missing() or ("" if readme.is_file() else f"n/a ({readme} not found)")
    return [
        Measure(BASELINE, python("-c", "pass")),
        Measure(IMPORT, python("-c", "import markdown_it")),
        Measure(STARTUP, None if missing else python("-m", "lint", str(readme)), missing),
    ]


def lint_and_fix(path: Path, copy: Path, missing: str) -> list[Measure]:
    """Our lint of ``path`` and our --fix of ``copy``, a fresh copy of it before every run."""
    lint = None if missing else python("-m", "lint", str(path))
    fix = None if missing else python("-m", "lint", "--fix", str(copy))
    return [Measure("lint", lint, missing), Measure("fix", fix, missing, fresh_copy=path)]


def size_measures(path: Path, work: Path, peers: dict[str, Measure]) -> list[Measure]:
    """Measures on one generated list: floors, lint, fix and the peers."""
    missing = lint_missing()
    copy = work / f"fix-{path.name}"
    ours = [
        Measure("full floor", python("-c", FULL_FLOOR, str(path))),
        Measure("block floor", python("-c", BLOCK_FLOOR, str(path))),
        *lint_and_fix(path, copy, missing),
    ]
    return ours + [on_file(peer, path) for peer in peers.values()]


def on_file(peer: Measure, path: Path) -> Measure:
    """A peer run on the file from the file's own directory, so no project config applies."""
    if peer.argv is None:
        return peer
    return Measure(peer.key, [*peer.argv, path.name], cwd=path.parent)


# -- peers -------------------------------------------------------------------------------------


def peer_measures(peers_dir: Path) -> dict[str, Measure]:
    """Each peer's command line without the file, or why it cannot run."""
    node = peers_dir / "node_modules" / ".bin"
    venv = peers_dir / "venv" / "bin"
    candidates = {
        "markdownlint-cli2": [str(node / "markdownlint-cli2")],
        "prettier --check": [str(node / "prettier"), "--check", "--no-config", "--no-editorconfig"],
        "mdformat --check": [str(venv / "mdformat"), "--check"],
        "rumdl check": [str(venv / "rumdl"), "check", "--no-cache", "--no-config"],
    }
    return {
        name: Measure(name, argv)
        if Path(argv[0]).is_file()
        else Measure(name, None, "n/a (not installed)")
        for name, argv in candidates.items()
    }


def install_peers(peers_dir: Path) -> None:
    """Install the peers into `peers_dir`: npm packages there, pip ones in a private venv."""
    peers_dir.mkdir(parents=True, exist_ok=True)
    if shutil.which("npm"):
        npm = ["npm", "install", "--prefix", str(peers_dir), "--no-audit", "--no-fund"]
        subprocess.run([*npm, *NPM_PEERS], check=True)
    else:
        progress("npm not found: markdownlint-cli2 and prettier stay n/a")
    venv = peers_dir / "venv"
    if not (venv / "bin" / "python").is_file():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *PIP_PEERS]
    subprocess.run(pip, check=True)


def peer_versions(peers_dir: Path) -> dict[str, str]:
    """Installed peer versions, read from their package metadata."""
    versions = {}
    for name in NPM_PEERS:
        package = peers_dir / "node_modules" / name / "package.json"
        if package.is_file():
            versions[name] = json.loads(package.read_text(encoding="utf-8")).get("version", "?")
    for dist in (peers_dir / "venv" / "lib").glob("python*/site-packages/*.dist-info"):
        name, _, version = dist.name.removesuffix(".dist-info").partition("-")
        if name.lower().replace("_", "-") in PIP_PEERS:
            versions[name.lower().replace("_", "-")] = version
    return versions


# -- the run -----------------------------------------------------------------------------------


@dataclass
class Report:
    """Everything one run measured."""

    environment: dict[str, object]
    startup: dict[str, Result] = field(default_factory=dict)
    sizes: dict[int, dict[str, Result]] = field(default_factory=dict)
    file_bytes: dict[int, int] = field(default_factory=dict)
    peers: list[str] = field(default_factory=list)
    real: dict[str, dict[str, Result]] = field(default_factory=dict)
    linear: dict[str, object] = field(default_factory=dict)

    @property
    def base_rss(self) -> int | None:
        """The interpreter's own peak RSS (`python -c pass`), in KiB."""
        return self.startup[BASELINE].peak_rss if BASELINE in self.startup else None


def environment(peers_dir: Path, with_peers: bool) -> dict[str, object]:
    """Machine, interpreter and tool versions, for the record."""
    import markdown_it

    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo() if "model name" in line), "?")
    return {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "markdown-it-py": markdown_it.__version__,
        "git": git_revision(),
        "peers": peer_versions(peers_dir) if with_peers else {},
    }


def cpuinfo() -> list[str]:
    """Lines of /proc/cpuinfo, or none where it does not exist."""
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def git_revision() -> str:
    """The working tree's commit, marked when tracked files have local changes."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "no commit"
    return head + (" (modified)" if git("status", "--porcelain", "--untracked-files=no") else "")


def load_generate() -> Callable[[int, int], str]:
    """bench/generate.py's `generate`, loaded by path so that bench/ need not be a package."""
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    generate: Callable[[int, int], str] = module.generate
    return generate


def repeats_for(size: int, args: argparse.Namespace) -> int:
    """Repetitions at one size: fewer for the biggest lists."""
    return min(args.repeat, args.big_repeat) if size >= BIG_SIZE else args.repeat


def measure_size(
    size: int, work: Path, peers: dict[str, Measure], args: argparse.Namespace
) -> tuple[dict[str, Result], int]:
    """Generate a list of `size` rows and run every measure on it."""
    path = work / f"list-{size}.md"
    path.write_text(load_generate()(size, args.seed), encoding="utf-8")
    repeat = repeats_for(size, args)
    progress(f"{size:,} rows ({path.stat().st_size / 1e6:.2f} MB), {repeat} runs each")
    results = collect(size_measures(path, work, peers), repeat, args, work)
    results.update(run_inproc(path, repeat, args.timeout))
    return results, path.stat().st_size


def drop_timed_out(peers: dict[str, Measure], results: dict[str, Result]) -> dict[str, Measure]:
    """Peers that timed out are not run again on bigger lists."""
    return {
        name: Measure(name, None, "n/a (timed out on a smaller list)")
        if results[name].timed_out
        else peer
        for name, peer in peers.items()
    }


def compile_package() -> None:
    """Write the working tree's bytecode, as ``pip install`` does for an installed package.

    ``python -m lint`` runs the working tree; where PYTHONDONTWRITEBYTECODE is set (as on the
    project's machines) it would otherwise compile every module on every run, and start-up would
    measure the compiler rather than the tool. markdown-it-py, installed by pip, has its bytecode.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "lint"), quiet=1)


def run(args: argparse.Namespace) -> Report:
    """Measure everything the arguments ask for."""
    if args.install_peers:
        install_peers(args.peers_dir)
    peers = {} if args.no_peers else peer_measures(args.peers_dir)
    report = Report(environment(args.peers_dir, not args.no_peers), peers=list(peers))
    compile_package()
    with tempfile.TemporaryDirectory(prefix="llm4or-bench-") as work_dir:
        work = Path(work_dir)
        progress("start-up")
        report.startup = collect(startup_measures(args.readme), args.startup_repeat, args, work)
        for size in args.sizes:
            results, report.file_bytes[size] = measure_size(size, work, peers, args)
            report.sizes[size] = results
            peers = drop_timed_out(peers, results)
        if not args.no_real:
            report.real = measure_real(args.real_dir, work, report.peers, args)
    if args.linear_size:
        progress(f"linear: runs of {args.linear_size:,} and {8 * args.linear_size:,} characters")
        report.linear = run_linear(args.linear_size, args.timeout)
    return report


def real_lists(directory: Path) -> list[Path]:
    """The real lists to measure: every Markdown file of ``directory`` (none if it is missing)."""
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.iterdir() if path.suffix.lower() == ".md")


def measure_real(
    directory: Path, work: Path, peer_names: list[str], args: argparse.Namespace
) -> dict[str, dict[str, Result]]:
    """Lint, fix and every peer on each real list, copied into ``work`` so that no
    configuration near the originals applies (peers run from the copy's directory)."""
    lists = real_lists(directory)
    if not lists:
        return {}
    progress(f"{len(lists)} real lists from {directory}")
    peers = peer_measures(args.peers_dir) if peer_names else {}
    copies = work / "real"
    copies.mkdir(exist_ok=True)
    missing = lint_missing()
    found: dict[str, dict[str, Result]] = {}
    for original in lists:
        path = copies / original.name
        shutil.copyfile(original, path)
        fixed = work / f"fix-{original.name}"
        measures = lint_and_fix(path, fixed, missing) + [on_file(p, path) for p in peers.values()]
        found[original.name] = collect(measures, args.repeat, args, work)
    return found


def run_linear(size: int, timeout: float) -> dict[str, object]:
    """bench/linear.py's timings, or why there are none."""
    argv = [sys.executable, str(BENCH / "linear.py"), "--size", str(size)]
    try:
        done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout * 20)
        data: dict[str, object] = json.loads(done.stdout)
    except (subprocess.TimeoutExpired, json.JSONDecodeError) as error:
        return {"error": f"n/a (linear.py failed: {type(error).__name__})"}
    return data


def progress(message: str) -> None:
    """A progress line on stderr, so that stdout holds only the report."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# -- ratios ------------------------------------------------------------------------------------


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is unknown."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def peer_ratio(ours: float | None, peer: Result) -> Ratio:
    """ours / peer; against a peer that timed out, an upper bound."""
    if peer.timed_out and ours is not None:
        return Bound(ours / peer.timed_out)
    return ratio(ours, peer.median)


def rss_ratio(rss_kib: int | None, base_kib: int | None, file_bytes: int) -> float | None:
    """Peak memory above the interpreter's own, per byte of input."""
    if rss_kib is None or base_kib is None or not file_bytes:
        return None
    return (rss_kib - base_kib) * 1024 / file_bytes


def size_ratios(report: Report, size: int) -> dict[str, Ratio]:
    """The ratios of medians (and of memory) at one size, keyed by their printed name."""
    results, file_bytes = report.sizes[size], report.file_bytes[size]
    lint, fix = results["lint"].median, results["fix"].median
    block, full = results["block floor"].median, results["full floor"].median
    in_block = results["block floor (in-process)"].median
    block_rss = results["block floor"].peak_rss
    rows: dict[str, Ratio] = {
        "lint / block floor": ratio(lint, block),
        "fix / block floor": ratio(fix, block),
        "lint / full floor": ratio(lint, full),
        "lint / block floor, in-process": ratio(results["lint (in-process)"].median, in_block),
        "fix / block floor, in-process": ratio(results["fix (in-process)"].median, in_block),
        "lint RSS / block floor RSS": ratio(results["lint"].peak_rss, block_rss),
        "fix RSS / block floor RSS": ratio(results["fix"].peak_rss, block_rss),
        "(lint RSS - base) / file": rss_ratio(
            results["lint"].peak_rss, report.base_rss, file_bytes
        ),
        "(fix RSS - base) / file": rss_ratio(results["fix"].peak_rss, report.base_rss, file_bytes),
    }
    for peer in report.peers:
        rows[f"lint / {peer}"] = peer_ratio(lint, results[peer])
    return rows


def single_ratios(report: Report) -> dict[str, Ratio]:
    """Ratios that are one number per run: start-up and scaling from 10k to 100k rows."""
    startup, imports = report.startup.get(STARTUP, Result()), report.startup.get(IMPORT, Result())
    rows: dict[str, Ratio] = {f"{STARTUP} / {IMPORT}": ratio(startup.median, imports.median)}
    big, small = report.sizes.get(BIG_SIZE), report.sizes.get(BIG_SIZE // 10)
    for key in ("lint", "fix", "block floor", "full floor"):
        rows[f"{key} 100k / 10k"] = (
            ratio(big[key].median, small[key].median) if big and small else None
        )
    return rows


# -- printing ----------------------------------------------------------------------------------


def format_seconds(seconds: float | None) -> str:
    """Milliseconds, with a precision that suits their size."""
    if seconds is None:
        return "n/a"
    ms = seconds * 1000
    return f"{ms:,.0f}" if ms >= 100 else f"{ms:.1f}"


def format_result(result: Result) -> str:
    """`median / min` in ms, or the reason there is none."""
    if not result.seconds:
        return result.error or "n/a"
    text = f"{format_seconds(result.median)} / {format_seconds(result.minimum)}"
    return f"{text} ({result.error})" if result.error else text


def format_ratio(value: Ratio) -> str:
    """A ratio with three significant digits, '<' for a bound, 'n/a' if unknown."""
    if value is None:
        return "n/a"
    if isinstance(value, Bound):
        return f"< {value.value:.3g}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def target(key: str) -> str:
    """The target set for a ratio, if any; ours / peer should be below 1."""
    if key in TARGETS:
        return TARGETS[key]
    return "< 1" if key.startswith("lint / ") and "floor" not in key else ""


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A laid-out Markdown table: first column left-aligned, the others right-aligned."""
    widths = [max(3, *map(len, column)) for column in zip(header, *rows, strict=True)]
    delimiter = [":" + "-" * (widths[0] - 1), *("-" * (w - 1) + ":" for w in widths[1:])]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        aligned = [cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)]
        return "| " + " | ".join([first.ljust(widths[0]), *aligned]) + " |"

    return "\n".join([line(header), "| " + " | ".join(delimiter) + " |", *map(line, rows)])


def size_header(report: Report, first: str) -> list[str]:
    """A header with one column per list size."""
    return [first, *(f"{size:,} rows" for size in report.sizes)]


def times_table(report: Report) -> str:
    """Median / minimum milliseconds of each measure at each size."""
    sizes = list(report.sizes)
    keys = list(report.sizes[sizes[0]]) if sizes else []
    rows = [[key, *(format_result(report.sizes[size][key]) for size in sizes)] for key in keys]
    rows.append(["file size (MB)", *(f"{report.file_bytes[s] / 1e6:.2f}" for s in sizes)])
    return markdown_table(size_header(report, "median / min (ms)"), rows)


def single_table(report: Report) -> str:
    """Start-up times and the one-number ratios, with their targets."""
    rows = [[key, format_result(result), ""] for key, result in report.startup.items()]
    rows += [
        [key, format_ratio(value), target(key)] for key, value in single_ratios(report).items()
    ]
    return markdown_table(["start-up and scaling", "ms (median / min) or ratio", "target"], rows)


def ratios_table(report: Report) -> str:
    """Per-size ratios, with the targets of issues 6 and 14 (set for the 100,000-row list)."""
    per_size = {size: size_ratios(report, size) for size in report.sizes}
    keys = list(next(iter(per_size.values()), {}))
    rows = [
        [key, *(format_ratio(values[key]) for values in per_size.values()), target(key)]
        for key in keys
    ]
    return markdown_table([*size_header(report, "ratio of medians"), "target"], rows)


def memory_table(report: Report) -> str:
    """Peak RSS in MiB of the floors, ours and the peers at each size."""
    keys = ["full floor", "block floor", "lint", "fix", *report.peers]
    base = [f"{BASELINE} (base)", *[mib(report.base_rss)] * len(report.sizes)]
    rows = [base] + [
        [key, *(mib(results[key].peak_rss) for results in report.sizes.values())] for key in keys
    ]
    return markdown_table(size_header(report, "peak RSS (MiB)"), rows)


def mib(kib: int | None) -> str:
    """KiB as MiB with one decimal, or n/a."""
    return "n/a" if kib is None else f"{kib / 1024:.1f}"


def environment_lines(report: Report) -> str:
    """The environment as a Markdown list."""
    env = dict(report.environment)
    peers = env.pop("peers", {})
    lines = [f"- {key}: {value}" for key, value in env.items()]
    if isinstance(peers, dict) and peers:
        lines.append("- peers: " + ", ".join(f"{k} {v}" for k, v in sorted(peers.items())))
    return "\n".join(lines)


def real_table(report: Report) -> str:
    """Median / minimum milliseconds of lint, fix and each peer on each real list."""
    keys = ["lint", "fix", *report.peers]
    rows = [
        [name, *(format_result(results.get(key, Result(error="n/a"))) for key in keys)]
        for name, results in report.real.items()
    ]
    return markdown_table(["median / min (ms)", *keys], rows)


def real_ratios(results: dict[str, Result], peers: Sequence[str]) -> dict[str, Ratio]:
    """lint / peer and fix / peer on one real list."""
    rows: dict[str, Ratio] = {}
    for ours in ("lint", "fix"):
        for peer in peers:
            rows[f"{ours} / {peer}"] = peer_ratio(results[ours].median, results[peer])
    return rows


def real_ratios_table(report: Report) -> str:
    """Ours against each peer on each real list; below 1 is faster."""
    per_list = {name: real_ratios(results, report.peers) for name, results in report.real.items()}
    keys = list(next(iter(per_list.values()), {}))
    rows = [
        [name, *(format_ratio(ratios[key]) for key in keys)] for name, ratios in per_list.items()
    ]
    return markdown_table(["ratio of medians", *keys], rows)


def linear_rows(report: Report) -> list[list[str]]:
    """One row per pattern: milliseconds at N and 8N and their ratio, for lint and fix."""
    patterns = report.linear.get("patterns", {})
    assert isinstance(patterns, dict)
    rows = []
    for pattern, times in patterns.items():
        shown = pattern.replace("|", "\\|")  # a pipe would end the table cell, even in code
        cells = [f"`{shown}`" if pattern != "`" else "`` ` ``"]
        for key in ("lint", "fix"):
            small, large = times[key]
            cells += [format_seconds(small), format_seconds(large), format_ratio(large / small)]
        rows.append(cells)
    return rows


def linear_table(report: Report) -> str:
    """time(8N) / time(N) of lint and fix for every adversarial pattern, and the worst."""
    if "error" in report.linear:
        return str(report.linear["error"])
    size = report.linear.get("size", 0)
    assert isinstance(size, int)
    rows = linear_rows(report)
    worst = [max(float(row[index]) for row in rows) for index in (3, 6)] if rows else [0, 0]
    rows.append(["worst", "", "", format_ratio(worst[0]), "", "", format_ratio(worst[1])])
    header = ["pattern", f"lint {size:,}", f"lint {8 * size:,}", "lint 8N/N"]
    header += [f"fix {size:,}", f"fix {8 * size:,}", "fix 8N/N"]
    return markdown_table(header, rows)


def render_report(report: Report) -> str:
    """The whole printed report: environment, then the tables."""
    sections = [
        ("Environment", environment_lines(report)),
        ("Times", times_table(report)),
        ("Start-up and scaling", single_table(report)),
        ("Ratios", ratios_table(report)),
        ("Memory", memory_table(report)),
    ]
    if report.real:
        sections.append(("Real lists", real_table(report)))
        sections.append(("Real lists: ours against the peers", real_ratios_table(report)))
    if report.linear:
        sections.append(("Linear on any input (ms, in-process)", linear_table(report)))
    return "\n\n".join(f"## {title}\n\n{body}" for title, body in sections) + "\n"


def json_ratio(value: Ratio) -> object:
    """A ratio as JSON: a number, null, or {"less_than": bound}."""
    return {"less_than": value.value} if isinstance(value, Bound) else value


def json_results(table: dict[str, Result]) -> dict[str, object]:
    """Results as plain data."""
    return {
        key: {
            "seconds": r.seconds,
            "median": r.median,
            "min": r.minimum,
            "max_rss_kib": r.peak_rss,
            "error": r.error,
        }
        for key, r in table.items()
    }


def report_json(report: Report) -> dict[str, object]:
    """The report as plain data for `--json`."""
    sizes = {
        str(size): {
            "file_bytes": report.file_bytes[size],
            "results": json_results(table),
            "ratios": {k: json_ratio(v) for k, v in size_ratios(report, size).items()},
        }
        for size, table in report.sizes.items()
    }
    real = {
        name: {
            "results": json_results(results),
            "ratios": {k: json_ratio(v) for k, v in real_ratios(results, report.peers).items()},
        }
        for name, results in report.real.items()
    }
    return {
        "environment": report.environment,
        "startup": json_results(report.startup),
        "sizes": sizes,
        "real": real,
        "linear": report.linear,
        "ratios": {k: json_ratio(v) for k, v in single_ratios(report).items()},
        "targets": TARGETS,
    }


# -- command line ------------------------------------------------------------------------------


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
