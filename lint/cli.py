"""Command line: arguments, output formats and exit codes; the work is lint/runner.py's.

Exit codes (ruff's): 0 no problem left, 1 problems left, a change shown by ``--diff``, or a fix
applied under ``--exit-non-zero-on-fix``, 2 usage, configuration, input or internal error. A
closed output pipe ends the run quietly with 0, as in ruff and ripgrep: the reader stopped.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from lint import __version__, output
from lint.config import ConfigError
from lint.files import InputError, emit, silence_output
from lint.runner import Run, run_paths, say_error, show_conventions

if TYPE_CHECKING:
    import argparse

FORMATS = ("text", "github", "json", "sarif")
SUPPRESSIONS = "llm4or-lint-suppressions.json"

EXIT_CODES = """\
exit status:
  0  no problem found, or none left after --fix
  1  problems left; --diff shows a change; --exit-non-zero-on-fix and something was fixed
  2  an error: bad option or configuration, a file that cannot be read or written, a bug
"""

# the options: on/off flags and options taking a value, each with its --help line
FLAGS = (
    ("--fix", "apply safe fixes"),
    ("--unsafe-fixes", "also apply unsafe fixes"),
    ("--diff", "print what --fix would change as a patch; write nothing"),
    ("--exit-non-zero-on-fix", "exit 1 when --fix changed anything, even if no problem is left"),
    ("--exit-zero", "exit 0 even when problems are left"),
    ("--quiet", "print the problems, nothing else"),
    ("--isolated", "read no configuration file"),
    ("--statistics", "print counts per rule"),
    ("--list-rules", "list every rule and exit"),
    ("--suppress-all", f"record every problem left in {SUPPRESSIONS}: only new ones fail"),
    ("--prune-suppressions", f"drop what {SUPPRESSIONS} records but is no longer found"),
    ("--show-suppressed", f"also list the problems {SUPPRESSIONS} silences"),
    (
        "--online",
        "also check every row with an arXiv id or a DOI against arXiv and Crossref (titles,"
        " first-version dates, unknown or withdrawn papers); needs the network",
    ),
    ("--refresh", "with --online: ask the network again instead of the cache"),
    (
        "--show-conventions",
        "print each file's conventions (date style, order, layout, columns) and where each came"
        " from (set, inferred, default), then exit",
    ),
)
VALUES = (
    ("--output-file", "PATH", "write the report to PATH, not to stdout"),
    (
        "--config",
        "PATH",
        "the configuration to use (llm4or-lint.toml, or pyproject.toml's [tool.llm4or-lint])"
        " instead of the one found by walking up from each file",
    ),
    ("--select", "RULES", "rules to run (comma-separated codes or names)"),
    ("--extend-select", "RULES", "rules to run besides the selected ones"),
    ("--ignore", "RULES", "rules not to run"),
    ("--suppress-rule", "RULES", f"record the problems of these rules in {SUPPRESSIONS}"),
    ("--stdin-filename", "NAME", "name for text read from -"),
    ("--explain", "RULE", "print a rule's documentation"),
)
SHORT = {"--output-file": "-o", "--quiet": "-q"}


def _dest(option: str) -> str:
    return option[2:].replace("-", "_")


# every option's value when it is not given; the parser and the fast path below share them
DEFAULTS: dict[str, object] = {
    "format": "text",
    **{_dest(flag): False for flag, _ in FLAGS},
    **{_dest(option): None for option, _, _ in VALUES},
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; ``--help`` lists every option."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise InputError(f"{message} (see --help)")

    parser = Parser(
        prog="llm4or-lint",
        description="Lint and fix Markdown tables of paper lists. "
        "`llm4or-lint add ID_OR_URL...` adds papers by arXiv id or DOI (see add --help).",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", help="files or directories (default: README.md)")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: text)")
    for flag, text in FLAGS:
        parser.add_argument(*_names(flag), action="store_true", help=text)
    for option, metavar, text in VALUES:
        parser.add_argument(*_names(option), metavar=metavar, help=text)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.set_defaults(**DEFAULTS)
    return parser


def _names(option: str) -> tuple[str, ...]:
    return (SHORT[option], option) if option in SHORT else (option,)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The options; InputError for a bad one.

    Paths alone (how pre-commit calls a hook) skip argparse, whose import costs more than
    linting a list of a few hundred rows.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not any(argument.startswith("-") for argument in arguments):
        from types import SimpleNamespace

        return SimpleNamespace(paths=arguments, **DEFAULTS)  # type: ignore[return-value]
    args = build_parser().parse_args(arguments)
    if args.isolated and args.config:
        raise InputError("--config and --isolated cannot be used together (see --help)")
    if args.diff and (args.suppress_all or args.suppress_rule or args.prune_suppressions):
        raise InputError("--diff writes nothing: it cannot record suppressions (see --help)")
    return args


def report(run: Run, stream: object, colour: bool) -> None:
    """Print the problems in the chosen format (lint/output.py), and for ``github`` the job
    summary."""
    args = run.args
    shown = run.reports + run.suppressed if args.show_suppressed else run.reports
    text = output.render(args.format, shown, args.statistics, args.unsafe_fixes, colour, run.errors)
    emit(stream, text)
    if args.format == "github":
        write_step_summary(run)


def summarize(run: Run) -> None:
    """The closing line of the text formats, on stderr with the errors it counts (the problems
    alone go to stdout, for a pipe or a file)."""
    args = run.args
    if args.quiet or args.format not in ("text",):
        return
    line = output.summary_line(run.reports, args.unsafe_fixes, run.fixed, len(run.errors))
    unused = run.ledger.unused if run.ledger else 0
    sys.stderr.write(line + output.suppressed_note(len(run.suppressed), unused) + "\n")


def write_step_summary(run: Run) -> None:
    """Append the Markdown report to ``$GITHUB_STEP_SUMMARY`` when GitHub Actions sets it."""
    from lint.step_summary import append

    failure = append(run.reports, [] if run.args.paths == ["-"] else run.args.paths)
    if failure:
        run.fail(failure)


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def exit_code(run: Run) -> int:
    """2 on any error; 1 on problems left, a change --diff shows, or a fix applied under
    --exit-non-zero-on-fix; else 0 (--fix that leaves no problem succeeds, as in ruff)."""
    args = run.args
    if run.failed:
        return 2
    if args.exit_zero:
        return 0
    if run.reports or (args.diff and run.changed):
        return 1
    return 1 if args.exit_non_zero_on_fix and run.fixed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (what the tests call)."""
    try:
        return _main(argv)
    except BrokenPipeError:
        silence_output()
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
    deliver(run)
    summarize(run)
    sys.stdout.flush()  # here, so that a closed pipe is met inside main
    return exit_code(run)


def deliver(run: Run) -> None:
    """The report to ``--output-file``, else to stdout, else (when a patch or a fixed text owns
    stdout) to stderr."""
    args = run.args
    if args.output_file:
        try:
            with open(args.output_file, "w", encoding="utf-8", newline="") as file:
                report(run, file, colour=False)
        except OSError as error:
            run.fail(f"{args.output_file}: cannot write the report: {error.strerror or error}")
        return
    stream = sys.stderr if args.diff or (args.paths == ["-"] and args.fix) else sys.stdout
    report(run, stream, _colour(stream))


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
