"""Command line: arguments, files, output formats and exit codes. The only module doing I/O.

Exit codes: 0 no problems (and nothing changed), 1 problems found or a file changed by ``--fix``
(the pre-commit convention) or a change shown by ``--diff``, 2 usage, input or internal error.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from lint import __version__, output
from lint import config as config_module
from lint.config import Config, ConfigError
from lint.problem import Problem

if TYPE_CHECKING:
    import argparse

    from lint.rules.duplicate_entry import Scope

FORMATS = ("text", "github", "json", "sarif")
_BOM = b"\xef\xbb\xbf"


class InputError(Exception):
    """A path, file or option the tool cannot use: one line on stderr, exit 2."""


# every option's value when it is not given; the parser and the fast path below share them
DEFAULTS: dict[str, object] = {
    "fix": False,
    "unsafe_fixes": False,
    "diff": False,
    "format": "text",
    "config": None,
    "select": None,
    "ignore": None,
    "stdin_filename": None,
    "statistics": False,
    "list_rules": False,
    "explain": None,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; ``--help`` lists every option."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise InputError(f"{message} (see --help)")

    parser = Parser(prog="llm4or-lint", description="Lint and fix Markdown tables of paper lists.")
    parser.add_argument("paths", nargs="*", help="files or directories (default: README.md)")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    parser.add_argument("--diff", action="store_true", help="show what --fix would change")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    parser.add_argument("--config", metavar="PATH", help="pyproject.toml to read settings from")
    parser.add_argument("--select", metavar="RULES", help="comma-separated codes or names")
    parser.add_argument("--ignore", metavar="RULES", help="comma-separated codes or names")
    parser.add_argument("--stdin-filename", metavar="NAME", help="name for text read from -")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule")
    parser.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    parser.add_argument("--explain", metavar="RULE", help="print a rule's documentation")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(**DEFAULTS)
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The options; InputError for a bad one.

    Paths alone (how pre-commit calls a hook) skip argparse, whose import costs more than
    linting a list of a few hundred rows.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not any(argument.startswith("-") for argument in arguments):
        from types import SimpleNamespace

        return SimpleNamespace(paths=arguments, **DEFAULTS)  # type: ignore[return-value]
    return build_parser().parse_args(arguments)


class Source(NamedTuple):
    """A file's text and the byte-level properties a write must keep."""

    path: Path
    shown: str
    text: str
    bom: bool = False
    mode: int | None = None


class Run:
    """What one invocation found: located problems, fixes applied, and whether to exit 2."""

    def __init__(self) -> None:
        self.reports: list[output.Report] = []
        self.fixed = 0
        self.changed = False
        self.failed = False
        # the papers of the files already checked: the files of one run are one scope
        self.papers: Scope | None = None


def shown_path(path: Path) -> str:
    """``path`` relative to the current directory when it is below it, else as given."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def collect(paths: Sequence[str]) -> list[Path]:
    """The Markdown files named by ``paths``: files as given, directories walked for ``*.md``."""
    files: list[Path] = []
    for name in paths or ["README.md"]:
        path = Path(name)
        if path.is_dir():
            found = sorted(_walk(path))
            if not found:
                raise InputError(f"{name}: directory holds no Markdown (*.md) file")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{name}: no such file or directory")
    return files


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "node_modules"]
        for name in names:
            if name.lower().endswith(".md"):
                yield Path(root, name)


def decode(data: bytes, name: str) -> tuple[str, bool]:
    """UTF-8 text and whether it had a BOM; InputError for binary or non-UTF-8 bytes."""
    nul = data.find(b"\0")
    if nul != -1:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul}), not Markdown")
    bom = data.startswith(_BOM)
    try:
        return data[len(_BOM) if bom else 0 :].decode("utf-8"), bom
    except UnicodeDecodeError as error:
        offset = error.start + (len(_BOM) if bom else 0)
        byte = data[offset : offset + 1].hex()
        raise InputError(f"{name}: not UTF-8 (byte 0x{byte} at offset {offset})") from None


def read_source(path: Path) -> Source:
    """Read a file as a Source; InputError when it cannot be read or decoded."""
    shown = shown_path(path)
    try:
        data = path.read_bytes()
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError as error:
        raise InputError(f"{shown}: cannot read: {error.strerror or error}") from None
    text, bom = decode(data, shown)
    return Source(path, shown, text, bom, mode)


def write_atomic(source: Source, text: str) -> None:
    """Replace the file through a temporary file beside it, keeping BOM and permission bits."""
    path = source.path
    directory = path.parent if str(path.parent) else Path(".")
    # the system's answer for this user: root may rewrite a read-only file (and the file keeps
    # its read-only bits), anyone else gets a clear error and an untouched file
    if not os.access(path, os.W_OK):
        raise InputError(f"{source.shown}: cannot write: file is read-only for this user")
    if not os.access(directory, os.W_OK):
        raise InputError(f"{source.shown}: cannot write: directory is not writable")
    import tempfile  # only a fix that changes a file pays for it

    data = (_BOM if source.bom else b"") + text.encode("utf-8")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if source.mode is not None:
            os.chmod(temporary, source.mode)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"{source.shown}: cannot write: {error.strerror or error}") from None


def parse_keys(value: str | None) -> tuple[str, ...] | None:
    """``"a, b"`` -> ``("a", "b")``; None stays None."""
    if value is None:
        return None
    return tuple(key.strip() for key in value.split(",") if key.strip())


def load_config(args: argparse.Namespace, target: Path) -> Config:
    """Settings for ``target``: --config, else the nearest pyproject.toml, then CLI overrides."""
    found = Path(args.config) if args.config else config_module.find(target)
    if args.config and (found is None or not found.is_file()):
        raise ConfigError(f"{args.config}: configuration file not found")
    config = config_module.load(found) if found else Config()
    select, ignore = parse_keys(args.select), parse_keys(args.ignore)
    if select is not None:
        config = config._replace(select=select, extend_select=())
    if ignore is not None:
        config = config._replace(ignore=config.ignore + ignore)
    return config


def process(args: argparse.Namespace, source: Source, run: Run) -> tuple[str, int] | None:
    """Lint or fix one source; with --fix or --diff, the fixed text and how many fixes made it,
    when it differs from the source."""
    from lint import engine
    from lint.rules.duplicate_entry import Scope

    config = load_config(args, source.path)
    run.papers = run.papers or Scope()
    if not (args.fix or args.diff):
        problems = engine.lint_text(source.text, source.shown, config, run.papers)
        _add(run, source, problems)
        return None
    from lint.fix import fix_text

    result = fix_text(source.text, source.shown, config, args.unsafe_fixes, run.papers)
    # --diff alone applies nothing, so it reports the file as it is
    _add(run, source, result.problems if args.fix else result.found)
    if result.text == source.text:
        return None
    run.changed = True
    return result.text, result.fixed


def _add(run: Run, source: Source, problems: list[Problem]) -> None:
    run.reports.extend(output.Report(source.shown, problem) for problem in problems)


@contextmanager
def _guard(run: Run, name: str) -> Iterator[None]:
    """Turn any failure while handling one input into a one-line error that marks the run failed.

    An unexpected exception is a bug, reported as an internal error instead of a traceback;
    set LLM4OR_LINT_DEBUG=1 to see the traceback.
    """
    from lint.fix import FixError

    try:
        yield
    except (InputError, ConfigError) as error:
        _error(str(error))
        run.failed = True
    except FixError as error:
        _error(f"internal error: fix not written: {error}")
        run.failed = True
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("LLM4OR_LINT_DEBUG"):
            raise
        _error(f"internal error on {name}: {type(error).__name__}: {error} (please report it)")
        run.failed = True


def handle_file(args: argparse.Namespace, path: Path, run: Run) -> None:
    """Read, check or fix, and write one file; errors are reported and mark the run as failed."""
    with _guard(run, str(path)):
        source = read_source(path)
        outcome = process(args, source, run)
        if outcome is not None and args.diff:
            sys.stdout.write(unified_diff(source, outcome[0]))
        elif outcome is not None and args.fix:
            write_atomic(source, outcome[0])
            run.fixed += outcome[1]  # counted once written: a failed write fixed nothing


def handle_stdin(args: argparse.Namespace, run: Run) -> None:
    """Path ``-``: read stdin; with --fix the fixed text goes to stdout, problems to stderr."""
    name = args.stdin_filename or "<stdin>"
    with _guard(run, name):
        text, bom = decode(sys.stdin.buffer.read(), name)
        source = Source(Path(args.stdin_filename or "stdin.md"), name, text, bom)
        outcome = process(args, source, run)
        if args.diff and outcome is not None:
            sys.stdout.write(unified_diff(source, outcome[0]))
        elif args.fix and not args.diff:
            fixed = outcome[0] if outcome else text
            sys.stdout.buffer.write((_BOM if bom else b"") + fixed.encode("utf-8"))
            run.fixed += outcome[1] if outcome else 0


def unified_diff(source: Source, fixed: str) -> str:
    """What --fix would change, as a unified diff."""
    import difflib

    lines = difflib.unified_diff(
        source.text.splitlines(keepends=True),
        fixed.splitlines(keepends=True),
        # git's a/ and b/ prefixes for a path below the current directory, the path as it is else
        fromfile=source.shown if os.path.isabs(source.shown) else f"a/{source.shown}",
        tofile=source.shown if os.path.isabs(source.shown) else f"b/{source.shown}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _error(message: str) -> None:
    sys.stderr.write(f"llm4or-lint: error: {message}\n")


def report(args: argparse.Namespace, run: Run, stream: object) -> None:
    """Print the problems in the chosen format, then the statistics or summary."""
    write = stream.write  # type: ignore[attr-defined]
    if args.format == "json":
        write(output.as_json(run.reports) + "\n")
    elif args.format == "github":
        write("".join(output.github_line(r) + "\n" for r in run.reports))
        write_step_summary(args, run)
    elif args.format == "sarif":
        from lint.sarif import as_sarif

        write(as_sarif(run.reports) + "\n")
    else:
        colour = _colour(stream)
        unsafe = args.unsafe_fixes
        write("".join(output.text_line(r, colour, unsafe) + "\n" for r in run.reports))
        if not args.statistics:
            write(output.summary_line(run.reports, unsafe, run.fixed) + "\n")
    if args.statistics and run.reports:
        write(output.statistics(run.reports) + "\n")


def write_step_summary(args: argparse.Namespace, run: Run) -> None:
    """Append the Markdown report to ``$GITHUB_STEP_SUMMARY`` when GitHub Actions sets it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from lint.step_summary import render

    paths = [] if args.paths == ["-"] else args.paths
    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(render(run.reports, paths))
    except OSError as error:
        _error(f"{target}: cannot write the step summary: {error.strerror or error}")
        run.failed = True


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def exit_code(run: Run) -> int:
    """2 on any error, 1 on problems or a change, else 0."""
    if run.failed:
        return 2
    return 1 if run.reports or run.changed else 0


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Pause Python's cycle collector: documents and problems hold no reference cycles, so on a
    large list its passes over a million young objects only cost time (about 13%)."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m lint`` and ``llm4or-lint``."""
    try:
        args = parse_args(argv)
    except InputError as error:
        _error(str(error))
        return 2
    if args.list_rules or args.explain:
        from lint.explain import explain_command

        return explain_command(args.explain, sys.stdout, sys.stderr)
    run = Run()
    if args.paths == ["-"]:
        handle_stdin(args, run)
    else:
        try:
            files = collect(args.paths)
        except InputError as error:
            _error(str(error))
            return 2
        with _without_cycle_collector():
            for path in files:
                handle_file(args, path, run)
    stdin_fix = args.paths == ["-"] and args.fix
    report(args, run, sys.stderr if stdin_fix else sys.stdout)
    return exit_code(run)
