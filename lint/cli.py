"""Command line: arguments, files, output formats and exit codes. The only module doing I/O.

Exit codes (ruff's): 0 no problem left, 1 problems left, a change shown by ``--diff``, or a fix
applied under ``--exit-non-zero-on-fix``, 2 usage, configuration, input or internal error. A
closed output pipe ends the run quietly with 0, as in ruff and ripgrep: the reader stopped.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from lint import __version__, output
from lint import config as config_module
from lint.config import Config, ConfigError
from lint.problem import Problem

if TYPE_CHECKING:
    import argparse

    from lint.document import Document
    from lint.paper_index import Scope

FORMATS = ("text", "github", "json", "sarif")
_BOM = b"\xef\xbb\xbf"


class InputError(Exception):
    """A path, file or option the tool cannot use: one line on stderr, exit 2."""


EXIT_CODES = """\
exit status:
  0  no problem found, or none left after --fix
  1  problems left; --diff shows a change; --exit-non-zero-on-fix and something was fixed
  2  an error: bad option or configuration, a file that cannot be read or written, a bug
"""

# every option's value when it is not given; the parser and the fast path below share them
DEFAULTS: dict[str, object] = {
    "fix": False,
    "unsafe_fixes": False,
    "diff": False,
    "exit_non_zero_on_fix": False,
    "format": "text",
    "config": None,
    "select": None,
    "ignore": None,
    "stdin_filename": None,
    "statistics": False,
    "list_rules": False,
    "explain": None,
    "show_conventions": False,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; ``--help`` lists every option."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise InputError(f"{message} (see --help)")

    parser = Parser(
        prog="llm4or-lint",
        description="Lint and fix Markdown tables of paper lists.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", help="files or directories (default: README.md)")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes")
    parser.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print what --fix would change as a patch; write nothing",
    )
    parser.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="exit 1 when --fix changed anything, even if no problem is left",
    )
    parser.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    parser.add_argument("--config", metavar="PATH", help="pyproject.toml to read settings from")
    parser.add_argument("--select", metavar="RULES", help="comma-separated codes or names")
    parser.add_argument("--ignore", metavar="RULES", help="comma-separated codes or names")
    parser.add_argument("--stdin-filename", metavar="NAME", help="name for text read from -")
    parser.add_argument("--statistics", action="store_true", help="print counts per rule")
    parser.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    parser.add_argument("--explain", metavar="RULE", help="print a rule's documentation")
    parser.add_argument(
        "--show-conventions",
        action="store_true",
        help="print each file's conventions (date style, order, layout, columns) and where each"
        " came from (set, inferred, default), then exit",
    )
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
    """What one invocation found: located problems, fixes applied, errors reported, and the
    configurations met (loaded once each, with which of their column settings some table used)."""

    def __init__(self) -> None:
        self.reports: list[output.Report] = []
        self.fixed = 0
        self.changed = False
        self.errors = 0
        self.configs: dict[str, Config | ConfigError] = {}
        self.columns: dict[str, ColumnUse] = {}
        # the papers of the files already checked: the files of one run are one scope
        self.papers: Scope | None = None

    @property
    def failed(self) -> bool:
        """True once any error was reported: the run ends with exit 2."""
        return self.errors > 0


class ColumnUse(NamedTuple):
    """A configuration's column settings over the files of a run: whether those files had any
    table, and which settings named a column of one."""

    config: Config
    tables: bool = False
    matched: frozenset[str] = frozenset()


class Reported(Exception):
    """An error already reported once (a configuration shared by several files)."""


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
    """Replace the file through a temporary file beside it, keeping BOM and permission bits;
    a symbolic link is written through: its target changes, the link stays a link."""
    path = Path(os.path.realpath(source.path))
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


def load_config(args: argparse.Namespace, found: Path | None) -> Config:
    """Settings from ``found`` (or the defaults), then the command line's; the rule codes and
    names the file gives are checked here, so an unknown one is named with the file."""
    from lint.engine import resolve_rules

    if args.config and (found is None or not found.is_file()):
        raise ConfigError(f"{args.config}: configuration file not found")
    config = config_module.load(found) if found else Config()
    where = f"{config.source}: [tool.{config_module.SECTION}] "
    for key in ("select", "extend_select", "ignore"):
        resolve_rules(getattr(config, key) or (), where + key.replace("_", "-"))
    select, ignore = parse_keys(args.select), parse_keys(args.ignore)
    if select is not None:
        config = config._replace(select=select, extend_select=())
    if ignore is not None:
        config = config._replace(ignore=config.ignore + ignore)
    return config


def check_rule_options(args: argparse.Namespace) -> None:
    """ConfigError for an unknown code or name in --select or --ignore, before any file."""
    if args.select is None and args.ignore is None:
        return
    from lint.engine import resolve_rules

    resolve_rules(parse_keys(args.select) or (), "--select")
    resolve_rules(parse_keys(args.ignore) or (), "--ignore")


def config_for(args: argparse.Namespace, target: Path, run: Run) -> Config:
    """The settings for ``target``, each configuration loaded once per run; a configuration
    error is reported once, and every file it covers counts as failed (Reported)."""
    found = Path(args.config) if args.config else config_module.find(target)
    key = str(found) if found else ""
    if key not in run.configs:
        try:
            run.configs[key] = load_config(args, found)
        except ConfigError as error:
            run.configs[key] = error
            raise
    loaded = run.configs[key]
    if isinstance(loaded, ConfigError):
        raise Reported from loaded
    return loaded


class Outcome(NamedTuple):
    """One source linted or fixed: the fixed text (None when unchanged), fixes in it, the
    problems left in it, and the problems of the source as it is."""

    text: str | None
    fixed: int
    problems: list[Problem]
    found: list[Problem]


def process(
    args: argparse.Namespace, source: Source, run: Run, doc: Document | None = None
) -> Outcome:
    """Lint or fix one source, noting which column settings its tables use (``doc``: the
    source parsed already)."""
    from lint import document, engine

    config = config_for(args, source.path, run)
    if not (args.fix or args.diff):
        doc = doc or document.parse(source.text, source.shown)
        _note_columns(run, config, doc)
        problems = engine.check(doc, config, run.papers)
        return Outcome(None, 0, problems, problems)
    if config.title_column is not None or config.date_column is not None:
        _note_columns(run, config, document.parse(source.text, source.shown))
    from lint.fix import fix_text

    result = fix_text(source.text, source.shown, config, args.unsafe_fixes, run.papers)
    changed = result.text if result.text != source.text else None
    return Outcome(changed, result.fixed, result.problems, result.found)


def _note_columns(run: Run, config: Config, doc: Document) -> None:
    if config.title_column is None and config.date_column is None:
        return
    from lint.columns import settings_matched

    key = config.source or ""
    use = run.columns.get(key, ColumnUse(config))
    matched = use.matched | settings_matched(doc, config)
    run.columns[key] = use._replace(tables=use.tables or bool(doc.tables), matched=matched)


def check_columns(run: Run) -> None:
    """Report a column setting that named no column of any table in the run's files (a run
    whose files hold no table at all tells nothing, so it is no error)."""
    for use in run.columns.values():
        for key in ("title-column", "date-column"):
            value = getattr(use.config, key.replace("-", "_"))
            if value is None or not use.tables or key in use.matched:
                continue
            where = f"{use.config.source}: [tool.{config_module.SECTION}] {key}"
            what = "a header" if isinstance(value, str) else "a column index"
            _error(f"{where}: {value!r} is not {what} of any table in the files checked")
            run.errors += 1


def _add(run: Run, source: Source, problems: list[Problem]) -> None:
    run.reports.extend(output.Report(source.shown, problem) for problem in problems)


@contextmanager
def _guard(run: Run, name: str) -> Iterator[None]:
    """Turn any failure while handling one input into a one-line error that marks the run failed.

    An unexpected exception is a bug, reported as an internal error instead of a traceback;
    set LLM4OR_LINT_DEBUG=1 to see the traceback. A closed output pipe is no error of the input:
    it ends the run (see main).
    """
    from lint.fix import FixError

    try:
        yield
    except Reported:
        pass
    except (InputError, ConfigError) as error:
        _error(str(error))
        run.errors += 1
    except FixError as error:
        _error(f"internal error: fix not written: {error}")
        run.errors += 1
    except BrokenPipeError:
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("LLM4OR_LINT_DEBUG"):
            raise
        _error(f"internal error on {name}: {type(error).__name__}: {error} (please report it)")
        run.errors += 1


def handle_file(args: argparse.Namespace, path: Path, run: Run) -> None:
    """Read, check or fix, and write one file; errors are reported and mark the run as failed."""
    with _guard(run, str(path)):
        source = read_source(path)
        doc = None
        if not (args.fix or args.diff):
            from lint import document

            doc = document.parse(source.text, source.shown)
            # its lines hold the text now: one copy in memory is enough (a list's peak RSS)
            source = source._replace(text="")
        outcome = process(args, source, run, doc)
        if outcome.text is not None:
            run.changed = True
        if outcome.text is not None and args.diff:
            _write_stdout(unified_diff(source, outcome.text).encode("utf-8"))
        elif outcome.text is not None and args.fix:
            try:
                write_atomic(source, outcome.text)
            except InputError:
                _add(run, source, outcome.found)  # nothing written: the file keeps them all
                raise
            run.fixed += outcome.fixed  # counted once written: a failed write fixed nothing
        _add(run, source, outcome.found if args.diff else outcome.problems)


def handle_stdin(args: argparse.Namespace, run: Run) -> None:
    """Path ``-``: read stdin; with --fix the fixed text goes to stdout, problems to stderr."""
    name = args.stdin_filename or "<stdin>"
    with _guard(run, name):
        text, bom = decode(sys.stdin.buffer.read(), name)
        source = Source(Path(args.stdin_filename or "stdin.md"), name, text, bom)
        outcome = process(args, source, run)
        run.changed = outcome.text is not None
        if args.diff:
            if outcome.text is not None:
                _write_stdout(unified_diff(source, outcome.text).encode("utf-8"))
        elif args.fix:
            fixed = text if outcome.text is None else outcome.text
            _write_stdout((_BOM if bom else b"") + fixed.encode("utf-8"))
            run.fixed += outcome.fixed
        _add(run, source, outcome.found if args.diff else outcome.problems)


# CPython reports a pipe closed in the middle of one large write as a short write, not as an
# error: written in slices, the closed pipe surfaces as BrokenPipeError (see main)
_SLICE = 8192


def _write_stdout(data: bytes) -> None:
    """Bytes as they are (a patch or a file keeps its line endings and BOM on every platform)."""
    sys.stdout.flush()
    for start in range(0, len(data), _SLICE):
        sys.stdout.buffer.write(data[start : start + _SLICE])
    sys.stdout.buffer.flush()


def _emit(stream: Any, text: str) -> None:
    """Write ``text`` to a text stream in slices (see _SLICE)."""
    for start in range(0, len(text), _SLICE):
        stream.write(text[start : start + _SLICE])


def _patch_lines(text: str) -> list[str]:
    """Lines as patch tools count them: split after LF only, a CR stays part of its line."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def unified_diff(source: Source, fixed: str) -> str:
    """What --fix would write, as a unified diff that ``git apply`` and ``patch -p1`` apply:
    the BOM stays on the first line, and a last line without newline is marked as such."""
    import difflib

    bom = "\ufeff" if source.bom else ""
    # git's a/ and b/ prefixes for a path below the current directory, the path as it is else
    relative = not os.path.isabs(source.shown)
    lines = difflib.unified_diff(
        _patch_lines(bom + source.text),
        _patch_lines(bom + fixed),
        fromfile=f"a/{source.shown}" if relative else source.shown,
        tofile=f"b/{source.shown}" if relative else source.shown,
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _error(message: str) -> None:
    sys.stderr.write(f"llm4or-lint: error: {message}\n")


def report(args: argparse.Namespace, run: Run, stream: object) -> None:
    """Print the problems in the chosen format: one document for json and sarif whatever the
    other options (``--statistics`` turns json into counts per rule, as in ruff)."""

    def write(text: str) -> None:
        _emit(stream, text)

    unsafe = args.unsafe_fixes
    if args.format == "json" and args.statistics:
        write(output.statistics_json(run.reports, unsafe) + "\n")
    elif args.format == "json":
        write(output.as_json(run.reports) + "\n")
    elif args.format == "sarif":
        from lint.sarif import as_sarif

        write(as_sarif(run.reports) + "\n")
    elif args.format == "github":
        write("".join(output.github_line(r) + "\n" for r in run.reports))
        if args.statistics and run.reports:
            write(output.statistics(run.reports, unsafe) + "\n")
        write_step_summary(args, run)
    else:
        _report_text(args, run, write, _colour(stream))


def _report_text(
    args: argparse.Namespace, run: Run, write: Callable[[str], None], colour: bool
) -> None:
    """Problem lines, or with --statistics the counts per rule (as ruff), then the summary."""
    unsafe = args.unsafe_fixes
    if args.statistics:
        if run.reports:
            write(output.statistics(run.reports, unsafe) + "\n")
    else:
        write("".join(output.text_line(r, colour, unsafe) + "\n" for r in run.reports))
    write(output.summary_line(run.reports, unsafe, run.fixed, run.errors) + "\n")


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
        run.errors += 1


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def exit_code(args: argparse.Namespace, run: Run) -> int:
    """2 on any error; 1 on problems left, a change --diff shows, or a fix applied under
    --exit-non-zero-on-fix; else 0 (--fix that leaves no problem succeeds, as in ruff)."""
    if run.failed:
        return 2
    if run.reports or (args.diff and run.changed):
        return 1
    return 1 if args.exit_non_zero_on_fix and run.fixed else 0


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
            # the objects made meanwhile would all be young: the first collection after
            # enabling would walk them all (a tenth of a second on a large list); moved to the
            # oldest generation first, they wait for a full collection like any old object
            gc.freeze()
            gc.enable()
            gc.unfreeze()


def run_paths(args: argparse.Namespace, run: Run) -> None:
    """Check (or fix) stdin or every file the paths name, then the settings across them."""
    if args.paths == ["-"]:
        handle_stdin(args, run)
    else:
        files = collect(args.paths)
        if len(files) > 1:  # the files of one run are one scope for duplicates
            from lint.paper_index import Scope

            run.papers = Scope()
        with _without_cycle_collector():
            for path in files:
                handle_file(args, path, run)
    check_columns(run)


def show_conventions(args: argparse.Namespace, run: Run) -> int:
    """Print the conventions of every file the paths name; exit 2 on an error, else 0."""
    from lint import conventions, document
    from lint.show import describe

    try:
        files = collect(args.paths)
    except InputError as error:
        _error(str(error))
        return 2
    for path in files:
        with _guard(run, str(path)):
            source = read_source(path)
            config = config_for(args, source.path, run)
            doc = document.parse(source.text, source.shown)
            sys.stdout.write(describe(source.shown, conventions.infer(doc, config)))
    return 2 if run.failed else 0


def _silence_output() -> None:
    """After a closed pipe: point stdout and stderr at /dev/null, so that the interpreter's
    last flush of what is still buffered raises nothing either (Python's documented recipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (AttributeError, OSError, ValueError):  # not a real file (a test's capture)
            pass
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m lint`` and ``llm4or-lint``."""
    try:
        return _main(argv)
    except BrokenPipeError:
        _silence_output()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = parse_args(argv)
    except InputError as error:
        _error(str(error))
        return 2
    if args.list_rules or args.explain:
        from lint.explain import explain_command

        return explain_command(args.explain, sys.stdout, sys.stderr)
    run = Run()
    if args.show_conventions:
        return show_conventions(args, run)
    try:
        check_rule_options(args)
        run_paths(args, run)
    except (InputError, ConfigError) as error:
        _error(str(error))
        return 2
    # a patch or a fixed text owns stdout: everything else goes to stderr
    to_stderr = args.diff or (args.paths == ["-"] and args.fix)
    report(args, run, sys.stderr if to_stderr else sys.stdout)
    sys.stdout.flush()  # here, so that a closed pipe is met inside main
    return exit_code(args, run)
