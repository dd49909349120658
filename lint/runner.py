"""One run of the linter: the work per file and what the run remembers across its files.

For every file: read it, find its settings, lint or fix it, write the fix or the patch, and keep
its problems. Across the files: each configuration loaded once, which column settings matched a
table, the papers seen so far (the files of one run are one scope for duplicates), and every
error. The command line (lint/cli.py) parses the options, calls ``run_paths`` and reports.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint import config as config_module
from lint import output
from lint.config import Config, ConfigError
from lint.errors import FixError, SuppressionsError
from lint.files import BOM, InputError, Source, collect, decode, read_source, write_stdout
from lint.problem import Problem
from lint.report import Error, Report

if TYPE_CHECKING:
    import argparse

    from lint.bulk_suppressions import Ledger
    from lint.document import Document
    from lint.online.metadata import Paper
    from lint.paper_index import Scope


class SettingsUse(NamedTuple):
    """A configuration's settings over the files of a run that must match something there:
    whether those files had any table, which column settings named a column of one, and the
    headings they have (for the section keys)."""

    config: Config
    tables: bool = False
    matched: frozenset[str] = frozenset()
    headings: frozenset[str] = frozenset()


class Run:
    """What one invocation found: located problems, fixes applied, errors reported, and the
    configurations met (loaded once each, with which of their column settings some table used)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.reports: list[Report] = []
        self.fixed = 0
        self.changed = False
        self.errors: list[Error] = []
        self.configs: dict[str, Config | ConfigError] = {}
        self.settings: dict[str, SettingsUse] = {}
        # the papers of the files already checked: the files of one run are one scope
        self.papers: Scope | None = None
        # the problems bulk suppressions silenced, and the suppressions files (read on demand)
        self.suppressed: list[Report] = []
        self.ledger: Ledger | None = None
        # with --online: what arXiv and Crossref say of every paper the run's files name
        self.metadata: dict[str, Paper] | None = None

    @property
    def failed(self) -> bool:
        """True once any error was reported: the run ends with exit 2."""
        return bool(self.errors)

    def fail(self, message: str, path: str | None = None, line: int = 1, column: int = 1) -> None:
        """Report an error on stderr now (a long run shows it at once) and keep it for the
        machine formats."""
        say_error(message)
        self.errors.append(Error(message, path, line, column))

    def add(self, source: Source, problems: list[Problem], text: str | Document) -> None:
        """Keep the problems of one file, those its bulk suppressions silence apart; ``text``
        (or its parse) is what they point into, for their rows' identities and for the formats
        that give where each problem's span ends."""
        suppressed: list[Problem] = []
        if self.ledger is not None:
            config = config_for(source.path, self)
            problems, suppressed = self.ledger.settle(
                source.path, config, problems, lambda: _parsed(text, source.shown)
            )
        self.reports.extend(self._located(source, problems, text))
        self.suppressed.extend(
            r._replace(suppressed=True) for r in self._located(source, suppressed, text)
        )

    def _located(
        self, source: Source, problems: list[Problem], text: str | Document
    ) -> Iterator[Report]:
        if self.args.format not in ("json", "sarif") or not problems:
            yield from (Report(source.shown, problem) for problem in problems)
            return
        lines = _lines(text)
        for problem in problems:
            line = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
            end = output.span_end(line, problem.column)
            yield Report(source.shown, problem, problem.line, end)


def _lines(text: str | Document) -> Sequence[str]:
    """The lines problems point into, as the parser numbers them."""
    if not isinstance(text, str):
        return text.lines
    from lint.document import normalize

    return normalize(text).split("\n")


def _parsed(text: str | Document, shown: str) -> Document:
    if not isinstance(text, str):
        return text
    from lint.document import parse

    return parse(text, shown)


class Reported(Exception):
    """An error already reported once (a configuration shared by several files)."""


def say_error(message: str) -> None:
    """One line on stderr, as every error of the tool is written."""
    sys.stderr.write(f"llm4or-lint: error: {message}\n")


def say_warning(message: str) -> None:
    """One line on stderr about something the run did not do, which is no error of the input."""
    sys.stderr.write(f"llm4or-lint: warning: {message}\n")


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
    for key in ("select", "extend-select", "ignore"):
        where = f"{config.source}: {config_module.key_name(config.source, key)}"
        resolve_rules(getattr(config, key.replace("-", "_")) or (), where)
    for heading, settings in config.sections:
        for key, value in settings:
            if key == "ignore":
                name = config_module.key_name(config.source, f"sections.{heading!r}.ignore")
                resolve_rules(value, f"{config.source}: {name}")
    select, extend = parse_keys(args.select), parse_keys(args.extend_select)
    ignore = parse_keys(args.ignore)
    if select is not None:
        config = config._replace(select=select, extend_select=())
    if extend is not None:
        config = config._replace(extend_select=config.extend_select + extend)
    if ignore is not None:
        config = config._replace(ignore=config.ignore + ignore)
    return config


_RULE_OPTIONS = ("select", "extend_select", "ignore")


def check_rule_options(args: argparse.Namespace) -> None:
    """ConfigError for an unknown code or name in --select, --extend-select or --ignore, before
    any file."""
    if all(getattr(args, option) is None for option in _RULE_OPTIONS):
        return
    from lint.engine import resolve_rules

    for option in _RULE_OPTIONS:
        resolve_rules(parse_keys(getattr(args, option)) or (), "--" + option.replace("_", "-"))


def config_for(target: Path, run: Run) -> Config:
    """The settings for ``target``, each configuration loaded once per run; a configuration
    error is reported once, and every file it covers counts as failed (Reported). With
    ``--isolated`` no file is read: the defaults and the command line's settings only."""
    args = run.args
    if args.isolated:
        found = None
    else:
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


def process(run: Run, source: Source, doc: Document | None = None) -> Outcome:
    """Lint or fix one source, noting which column settings its tables use (``doc``: the
    source parsed already)."""
    from lint import document, engine

    args = run.args
    config = config_for(source.path, run)
    if not (args.fix or args.diff):
        doc = doc or document.parse(source.text, source.shown)
        _note_settings(run, config, doc)
        problems = engine.check(doc, config, run.papers, metadata=run.metadata)
        return Outcome(None, 0, problems, problems)
    if _checked_across_files(config):
        _note_settings(run, config, document.parse(source.text, source.shown))
    from lint.fix import fix_text

    result = fix_text(
        source.text, source.shown, config, args.unsafe_fixes, run.papers, run.metadata
    )
    for refused in result.refused:  # left as written: the fixed text keeps the contract
        problem = refused.problem
        where = f"{source.shown}:{problem.line}:{problem.column}"
        say_warning(f"{where}: {problem.code} [{problem.name}] fix not applied: {refused.reason}")
    changed = result.text if result.text != source.text else None
    return Outcome(changed, result.fixed, result.problems, result.found)


def _checked_across_files(config: Config) -> bool:
    """Whether ``config`` has settings that must match something in the run's files."""
    return (
        config.title_column is not None or config.date_column is not None or bool(config.sections)
    )


def _note_settings(run: Run, config: Config, doc: Document) -> None:
    if not _checked_across_files(config):
        return
    from lint.columns import settings_matched

    key = config.source or ""
    use = run.settings.get(key, SettingsUse(config))
    run.settings[key] = use._replace(
        tables=use.tables or bool(doc.tables),
        matched=use.matched | settings_matched(doc, config),
        # a <details> summary heads its tables as a heading would (``document._details``)
        headings=use.headings
        | {section.title for section in doc.sections}
        | {title for table in doc.tables for title in table.section},
    )


def check_settings(run: Run) -> None:
    """Report a column setting that named no column of any table in the run's files, and a
    section key that named none of their headings (a run whose files hold no table at all
    tells nothing, so it is no error)."""
    for use in run.settings.values():
        source = use.config.source
        if not use.tables:
            continue
        for key in ("title-column", "date-column"):
            value = getattr(use.config, key.replace("-", "_"))
            if value is None or key in use.matched:
                continue
            where = f"{source}: {config_module.key_name(source, key)}"
            what = "a header" if isinstance(value, str) else "a column index"
            run.fail(f"{where}: {value!r} is not {what} of any table in the files checked")
        from lint.sections import unmatched

        for heading, near in unmatched(use.config, use.headings):
            where = f"{source}: {config_module.key_name(source, 'sections')}.{heading!r}"
            hint = f"closest: {near!r}" if near else "the files checked have no heading"
            run.fail(f"{where} names no heading in the files checked ({hint})")


@contextmanager
def guard(run: Run, name: str) -> Iterator[None]:
    """Turn any failure while handling one input into a one-line error that marks the run failed.

    An unexpected exception is a bug, reported as an internal error instead of a traceback;
    set LLM4OR_LINT_DEBUG=1 to see the traceback. A closed output pipe is no error of the input:
    it ends the run (see cli.main).
    """
    try:
        yield
    except Reported:
        pass
    except InputError as error:
        run.fail(str(error), error.path, error.line, error.column)
    except (ConfigError, SuppressionsError) as error:
        run.fail(str(error))
    except FixError as error:
        run.fail(f"internal error: fix not written: {error}", name)
    except BrokenPipeError:
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence against a traceback
        if os.environ.get("LLM4OR_LINT_DEBUG"):
            raise
        run.fail(f"internal error on {name}: {type(error).__name__}: {error} (please report it)")


def _final(outcome: Outcome, text: str) -> str:
    """The text the problems left point into: the fixed one, or ``text`` when nothing changed."""
    return text if outcome.text is None else outcome.text


def _diff(source: Source, fixed: str) -> None:
    from lint.patch import unified_diff

    write_stdout(unified_diff(source.shown, source.text, fixed, source.bom).encode("utf-8"))


def handle_file(run: Run, path: Path) -> None:
    """Read, check or fix, and write one file; errors are reported and mark the run as failed."""
    args = run.args
    with guard(run, str(path)):
        source = read_source(path)
        doc = None
        if not (args.fix or args.diff):
            from lint import document

            doc = document.parse(source.text, source.shown)
            # its lines hold the text now: one copy in memory is enough (a list's peak RSS)
            source = source._replace(text="")
        outcome = process(run, source, doc)
        if outcome.text is not None:
            run.changed = True
        if outcome.text is not None and args.diff:
            _diff(source, outcome.text)
        elif outcome.text is not None and args.fix:
            from lint.files import write_atomic

            try:
                write_atomic(source, outcome.text)
            except InputError:
                run.add(source, outcome.found, source.text)  # nothing written: all are left
                raise
            run.fixed += outcome.fixed  # counted once written: a failed write fixed nothing
        if doc is not None:
            run.add(source, outcome.problems, doc)
        elif args.diff:
            run.add(source, outcome.found, source.text)
        else:
            run.add(source, outcome.problems, _final(outcome, source.text))


def handle_stdin(run: Run) -> None:
    """Path ``-``: read stdin; with --fix the fixed text goes to stdout, problems to stderr."""
    args = run.args
    name = args.stdin_filename or "<stdin>"
    with guard(run, name):
        text, bom = decode(sys.stdin.buffer.read(), name)
        source = Source(Path(args.stdin_filename or "stdin.md"), name, text, bom)
        if args.online:
            run.metadata = fetch_metadata(run, [source.path], text)
        outcome = process(run, source)
        run.changed = outcome.text is not None
        if args.diff:
            if outcome.text is not None:
                _diff(source, outcome.text)
        elif args.fix:
            fixed = text if outcome.text is None else outcome.text
            write_stdout((BOM if bom else b"") + fixed.encode("utf-8"))
            run.fixed += outcome.fixed
        if args.diff:
            run.add(source, outcome.found, text)
        else:
            run.add(source, outcome.problems, _final(outcome, text))


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


def run_paths(run: Run) -> None:
    """Check (or fix) stdin or every file the paths name, then the settings across them;
    InputError or ConfigError for a path or option that stops the run before any file."""
    args = run.args
    check_rule_options(args)
    if args.refresh and not args.online:
        raise InputError("--refresh goes with --online")
    run.ledger = ledger(args)
    if args.paths == ["-"]:
        handle_stdin(run)
    else:
        files, missing = collect(args.paths)
        for error in missing:  # reported first, as the run would stop there; the rest is read
            run.fail(str(error), error.path)
        if len(files) > 1:  # the files of one run are one scope for duplicates
            from lint.paper_index import Scope

            run.papers = Scope()
        if args.online:
            run.metadata = fetch_metadata(run, files)
        with _without_cycle_collector():
            for path in files:
                handle_file(run, path)
    check_settings(run)
    with guard(run, "suppressions"):
        run.ledger.save()


def fetch_metadata(run: Run, files: list[Path], text: str | None = None) -> dict[str, Paper]:
    """``--online``: the metadata of every paper the files (or stdin's ``text``) name, asked for
    once before any file is checked, so that no network failure leaves a run half done;
    InputError (one line, exit 2) when it cannot be had. A file that cannot be read or
    configured is skipped here: checking it reports why."""
    from lint import document, inference
    from lint.online.cache import CacheError
    from lint.online.client import NetworkError
    from lint.online.lookup import fetch

    found = []
    for path in files:
        try:
            source = read_source(path) if text is None else Source(path, str(path), text)
            config = config_for(source.path, run)
        except (InputError, ConfigError, Reported):
            continue
        found.append(inference.infer(document.parse(source.text, source.shown), config))
    try:
        return fetch(found, run.args.refresh)
    except (NetworkError, CacheError) as error:
        raise InputError(f"--online: {error}") from None


def ledger(args: argparse.Namespace) -> Ledger:
    """The run's bulk suppressions, with the mode its options ask for; ConfigError for an
    unknown rule in --suppress-rule."""
    from lint.bulk_suppressions import Ledger, Mode
    from lint.engine import resolve_rules

    names = frozenset(
        rule.NAME for rule in resolve_rules(parse_keys(args.suppress_rule) or (), "--suppress-rule")
    )
    return Ledger(Mode(args.suppress_all, names, args.prune_suppressions))


def show_conventions(run: Run) -> int:
    """Print the conventions of every file the paths name; exit 2 on an error, else 0."""
    from lint import document, inference
    from lint.show import describe

    files, missing = collect(run.args.paths)
    for error in missing:
        run.fail(str(error), error.path)
    for path in files:
        with guard(run, str(path)):
            source = read_source(path)
            config = config_for(source.path, run)
            doc = document.parse(source.text, source.shown)
            sys.stdout.write(describe(source.shown, inference.infer(doc, config)))
    return 2 if run.failed else 0
