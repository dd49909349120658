"""Command line: arguments, output formats and exit codes; the work is lint/runner.py's.

Exit codes (ruff's): 0 no problem left, 1 problems left, a change shown by ``--diff``, or a fix
applied under ``--exit-non-zero-on-fix``, 2 usage, configuration, input or internal error. A
closed output pipe ends the run quietly with 0, as in ruff and ripgrep: the reader stopped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from lint import __version__, output
from lint.config import ConfigError
from lint.files import InputError, emit
from lint.runner import Run, run_paths, say_error, show_conventions

if TYPE_CHECKING:
    import argparse

FORMATS = ("text", "github", "json", "sarif")

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
    add = parser.add_argument
    add("paths", nargs="*", help="files or directories (default: README.md)")
    add("--fix", action="store_true", help="apply safe fixes")
    add("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    add(
        "--diff",
        action="store_true",
        help="print what --fix would change as a patch; write nothing",
    )
    add(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="exit 1 when --fix changed anything, even if no problem is left",
    )
    add("--format", choices=FORMATS, help="output format (default: text)")
    add("--config", metavar="PATH", help="pyproject.toml to read settings from")
    add("--select", metavar="RULES", help="comma-separated codes or names")
    add("--ignore", metavar="RULES", help="comma-separated codes or names")
    add("--stdin-filename", metavar="NAME", help="name for text read from -")
    add("--statistics", action="store_true", help="print counts per rule")
    add("--list-rules", action="store_true", help="list every rule and exit")
    add("--explain", metavar="RULE", help="print a rule's documentation")
    add(
        "--show-conventions",
        action="store_true",
        help="print each file's conventions (date style, order, layout, columns) and where each"
        " came from (set, inferred, default), then exit",
    )
    add("--version", action="version", version=f"%(prog)s {__version__}")
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


def report(run: Run, stream: object) -> None:
    """Print the problems in the chosen format: one document for json and sarif whatever the
    other options (``--statistics`` turns json into counts per rule, as in ruff)."""
    args = run.args

    def write(text: str) -> None:
        emit(stream, text)

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
        write_step_summary(run)
    else:
        _report_text(run, write, _colour(stream))


def _report_text(run: Run, write: Callable[[str], None], colour: bool) -> None:
    """Problem lines, or with --statistics the counts per rule (as ruff), then the summary."""
    unsafe = run.args.unsafe_fixes
    if run.args.statistics:
        if run.reports:
            write(output.statistics(run.reports, unsafe) + "\n")
    else:
        write("".join(output.text_line(r, colour, unsafe) + "\n" for r in run.reports))
    write(output.summary_line(run.reports, unsafe, run.fixed, len(run.errors)) + "\n")


def write_step_summary(run: Run) -> None:
    """Append the Markdown report to ``$GITHUB_STEP_SUMMARY`` when GitHub Actions sets it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from lint.step_summary import render

    paths = [] if run.args.paths == ["-"] else run.args.paths
    try:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(render(run.reports, paths))
    except OSError as error:
        run.fail(f"{target}: cannot write the step summary: {error.strerror or error}")


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def exit_code(run: Run) -> int:
    """2 on any error; 1 on problems left, a change --diff shows, or a fix applied under
    --exit-non-zero-on-fix; else 0 (--fix that leaves no problem succeeds, as in ruff)."""
    args = run.args
    if run.failed:
        return 2
    if run.reports or (args.diff and run.changed):
        return 1
    return 1 if args.exit_non_zero_on_fix and run.fixed else 0


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
    """Run the command line and return its exit code (what the tests call)."""
    try:
        return _main(argv)
    except BrokenPipeError:
        _silence_output()
        return 0


def _main(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["add"]:  # the subcommand that adds papers (lint/add.py)
        from lint.add import main as add

        return add(arguments[1:])
    try:
        args = parse_args(argv)
    except InputError as error:
        say_error(str(error))
        return 2
    if args.list_rules or args.explain:
        from lint.explain import explain_command

        return explain_command(args.explain, sys.stdout, sys.stderr)
    run = Run(args)
    if args.show_conventions:
        return show_conventions(run)
    try:
        run_paths(run)
    except (InputError, ConfigError) as error:
        say_error(str(error))
        return 2
    # a patch or a fixed text owns stdout: everything else goes to stderr
    to_stderr = args.diff or (args.paths == ["-"] and args.fix)
    report(run, sys.stderr if to_stderr else sys.stdout)
    sys.stdout.flush()  # here, so that a closed pipe is met inside main
    return exit_code(run)


def entry() -> NoReturn:
    """``llm4or-lint`` and ``python -m lint``: run, then leave without tearing the interpreter
    down. Everything was written and flushed; freeing a large list's millions of objects one by
    one took a tenth of the run."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # a reader that went away: main already settled the exit code
        pass
    os._exit(code)
