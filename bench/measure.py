"""What `bench/run.py` measures, and how: the measures, the processes that time them, the run.

Every measure is a command line run as its own process through a small launcher that times it and
reads its peak RSS (`LAUNCHER`); `run` generates the lists, runs the start-up measures, each size's
floors, lint, fix and peers, the real lists, `bench/inproc.py` and `bench/linear.py`, and returns a
`Report` of samples. Turning a `Report` into ratios and tables is `bench/report.py`'s.
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
