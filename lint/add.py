"""``llm4or-lint add ID_OR_URL…``: add papers to a list by their arXiv ids, URLs or DOIs.

Each paper's title, authors and first version's date come from arXiv (Crossref for a DOI),
unless ``--title`` and ``--date`` give them (then nothing touches the network). The row is
written as its table writes rows (``lint/new_row.py``), where the table's order puts it; the
file is written only after the result has been read back with every old row in place. A paper
already listed is refused, naming the row, and so is a withdrawn one (exit 1). Errors (an id
no source knows, a section that does not exist, no network) are one line and exit 2, and
nothing is written.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

from lint import markup, papers
from lint.headings import shown_heading, slug
from lint.new_row import AddError, NewPaper

if TYPE_CHECKING:
    import argparse

    from lint.conventions import Conventions, TableConventions
    from lint.dates import DateValue
    from lint.document import Document, Row
    from lint.files import Source
    from lint.online.metadata import Paper


class UsageError(Exception):
    """Bad input: one line on stderr, exit 2."""


class Refused(Exception):
    """A paper that is not added (already listed, withdrawn): one line on stderr, exit 1."""


def build_parser() -> argparse.ArgumentParser:
    """The ``add`` subcommand's parser."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:
            raise UsageError(f"{message} (see llm4or-lint add --help)")

    parser = Parser(
        prog="llm4or-lint add",
        description="Add papers to a list by arXiv id, arXiv URL or DOI: the title, authors and "
        "first version's date come from arXiv (Crossref for a DOI); the row is written as its "
        "table writes rows and put where the table's order puts it.",
        epilog="exit status: 0 added; 1 refused (already listed, withdrawn), or --diff showed "
        "the change; 2 an error (nothing written)",
    )
    parser.add_argument("ids", nargs="+", metavar="ID_OR_URL", help="arXiv ids or URLs, or DOIs")
    parser.add_argument("--to", metavar="FILE", default="README.md", help="default: README.md")
    parser.add_argument(
        "--section", metavar="HEADING", help="the table's heading, as GitHub shows it"
    )
    parser.add_argument(
        "--set",
        metavar="COLUMN=VALUE",
        action="append",
        default=[],
        help="a cell of the new row by its column's header (repeatable): --set 内容简介=…",
    )
    parser.add_argument("--title", help="the title (one paper; with --date, no network)")
    parser.add_argument("--date", help="the date, in any common form (one paper)")
    parser.add_argument(
        "--diff", action="store_true", help="print the change as a patch; write nothing"
    )
    parser.add_argument("--refresh", action="store_true", help="ignore metadata cached before")
    parser.add_argument("--config", metavar="PATH", help="pyproject.toml to read settings from")
    return parser


def main(argv: Sequence[str]) -> int:
    """``add`` with ``argv`` (the arguments after ``add``); the exit code."""
    from lint.config import ConfigError
    from lint.files import InputError
    from lint.online.cache import CacheError
    from lint.online.client import NetworkError

    try:
        return _run(build_parser().parse_args(list(argv)))
    except Refused as refusal:
        _say(f"refused: {refusal}")
        return 1
    except (UsageError, AddError, InputError, ConfigError, NetworkError, CacheError) as error:
        _say(f"error: {error}")
        return 2


def _say(message: str) -> None:
    sys.stderr.write(f"llm4or-lint add: {message}\n")


class Target(NamedTuple):
    """The file, its document and conventions, and the table the new rows go into."""

    source: Source
    doc: Document
    conv: Conventions
    table: TableConventions


def _run(args: argparse.Namespace) -> int:
    from lint.files import read_source, write_atomic

    keys = list(dict.fromkeys(_key(text) for text in args.ids))
    if (args.title or args.date) and len(keys) > 1:
        raise UsageError("--title and --date describe one paper: give one id")
    target = _target(read_source(Path(args.to)), args.section, args.config)
    for key in keys:
        _refuse_listed(target, key)
    given = _given(target.table, args.set)
    added = [_new_paper(key, paper, args) for key, paper in _papers(keys, args).items()]
    for paper in added:
        _refuse_listed(target, paper.key, papers.title_key(paper.title))
    from lint.new_row import insert

    text, lines = insert(target.doc, target.source.text, target.conv, target.table, added, given)
    if args.diff:
        from lint.patch import unified_diff

        source = target.source
        patch = unified_diff(source.shown, source.text, text, source.bom)
        sys.stdout.write(patch)
        return 1 if patch else 0
    write_atomic(target.source, text)
    section = target.table.table.section
    where = f" ({section[-1]})" if section else ""
    for paper, line in zip(added, lines, strict=True):
        sys.stdout.write(f'{target.source.shown}:{line}: added "{paper.title}"{where}\n')
    return 0


def _key(text: str) -> str:
    key = papers.reference(text)
    if key is None:
        raise UsageError(f"{text!r} is not an arXiv id, an arXiv URL or a DOI")
    return key


def _target(source: Source, section: str | None, config_path: str | None) -> Target:
    from lint import config as config_module
    from lint import document, inference

    found = Path(config_path) if config_path else config_module.find(source.path)
    if found is not None and not found.is_file():
        raise UsageError(f"{config_path}: configuration file not found")
    config = config_module.load(found) if found else config_module.Config()
    doc = document.parse(source.text, source.shown)
    conv = inference.infer(doc, config)
    return Target(source, doc, conv, choose_table(conv, section, source.shown))


# ---------------------------------------------------------------- the table


def choose_table(conv: Conventions, section: str | None, shown: str) -> TableConventions:
    """The table new rows go into: the first table with a title column under the heading
    ``section`` names, or the file's one paper table; UsageError otherwise."""
    titled = [found for found in conv.tables if found.roles.title is not None]
    if section is None:
        paper_tables = [found for found in titled if found.roles.is_paper]
        if len(paper_tables) == 1:
            return paper_tables[0]
        if not paper_tables:
            raise UsageError(f"{shown}: no paper table (a title and a date column) to add to")
        raise UsageError(f"{shown} has {len(paper_tables)} paper tables: choose one with --section")
    paths = {found.table.section for found in conv.tables if found.table.section}
    matched = _matching(section, paths)
    if not matched:
        raise UsageError(f"{shown}: no section {section!r}{_closest(section, paths)}")
    if len(matched) > 1:
        lines = ", ".join(sorted(shown_heading(path[-1]) for path in matched))
        raise UsageError(f"{shown}: {section!r} names several sections ({lines})")
    (path,) = matched
    under = [found for found in titled if found.table.section == path]
    if not under:
        raise UsageError(f"{shown}: section {section!r} holds no table with a title column")
    return under[0]


def _matching(wanted: str, paths: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The section paths whose heading ``wanted`` names: as GitHub shows it, then case, emoji
    and punctuation aside, then by its anchor (``#heading``)."""
    from lint.columns import header_key

    asked = " ".join(wanted.split())
    exact = {path for path in paths if shown_heading(path[-1]) == asked}
    if exact:
        return exact
    loose = {path for path in paths if header_key(shown_heading(path[-1])) == header_key(asked)}
    if loose and header_key(asked):
        return loose
    anchor = asked.removeprefix("#").lower()
    return {path for path in paths if slug(path[-1]) == anchor}


def _closest(wanted: str, paths: set[tuple[str, ...]]) -> str:
    import difflib

    shown = sorted({shown_heading(path[-1]) for path in paths})
    close = difflib.get_close_matches(wanted, shown, n=1, cutoff=0.4)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _given(target: TableConventions, settings: Sequence[str]) -> dict[int, str]:
    """The ``--set COLUMN=VALUE`` cells by column index; UsageError for an unknown column."""
    from lint.cell_text import escape_cell
    from lint.columns import header_key

    header = target.table.header.cells
    keys = [header_key(cell) for cell in header]
    given: dict[int, str] = {}
    for setting in settings:
        column, equals, value = setting.partition("=")
        if not equals or header_key(column) not in keys:
            names = ", ".join(repr(cell) for cell in header)
            raise UsageError(f"--set {setting!r}: expected COLUMN=VALUE with a column of {names}")
        given[keys.index(header_key(column))] = escape_cell(value)
    return given


# ---------------------------------------------------------------- refusals


def _refuse_listed(target: Target, key: str, title: bytes = b"") -> None:
    """Refused when a row of the document names the paper ``key`` (or, given, its title with
    no identifier saying otherwise)."""
    found = _listed(target, key, title)
    if found is None:
        return
    row, where = found
    raise Refused(
        f"{key.split(':', 1)[1]} is already listed at {target.doc.path}:{row.line}{where}"
    )


def _listed(target: Target, key: str, title: bytes) -> tuple[Row, str] | None:
    from lint.online.metadata import normal_key

    wanted = normal_key(key)
    kind, value = wanted.split(":", 1)
    for found in target.conv.tables:
        roles = found.roles
        for row in found.table.rows:
            identity = papers.identity(row.cells, roles.title, roles.date)
            ids = {normal_key(k) for k in identity.keys}
            listed = {k for k in ids if k.startswith(kind + ":")}
            same_title = bool(title) and identity.title == title and not listed
            if wanted in ids or same_title:
                return row, _where(found, row)
    return None


def _where(found: TableConventions, row: Row) -> str:
    """`` (section): "title"`` of a listed row."""
    title = found.roles.title
    shown = markup.read_cell(row.cells[title]).text if title is not None else ""
    section = f" ({found.table.section[-1]})" if found.table.section else ""
    return f'{section}: "{" ".join(shown.split())}"' if shown else section


# ---------------------------------------------------------------- metadata


def _papers(keys: list[str], args: argparse.Namespace) -> dict[str, Paper | None]:
    """The metadata of each key (None for a paper --title and --date describe alone)."""
    if args.title and args.date:
        return {keys[0]: None}
    from lint.online.cache import Cache
    from lint.online.client import Client
    from lint.online.metadata import ELSEWHERE, FOUND, normal_key

    cache = Cache(refresh=args.refresh)
    try:
        found = Client(cache).papers(keys)
    finally:
        cache.close()
    result: dict[str, Paper | None] = {}
    for key in keys:
        paper = found[normal_key(key)]
        what, source = key.split(":", 1)[1], "arXiv" if key.startswith("arxiv:") else "Crossref"
        if paper.status == ELSEWHERE:
            raise UsageError(f"{what} is not registered with Crossref: give --title and --date")
        if paper.status != FOUND:
            raise UsageError(f"{what} is unknown to {source}")
        if paper.withdrawn:
            raise Refused(f"{what} was withdrawn ({source})")
        result[key] = paper
    return result


def _new_paper(key: str, paper: Paper | None, args: argparse.Namespace) -> NewPaper:
    """The paper as the row will show it: fetched, or as --title and --date say."""
    title = args.title or ""
    if paper is not None and not title:
        title = f"{paper.title}: {paper.subtitle}" if paper.subtitle else paper.title
    date = _read_date(args.date) if args.date else None
    if date is None and paper is not None and paper.date[0]:
        date = _date_value(paper.date)
    return NewPaper(key, title, paper.authors if paper else (), date)


def _date_value(parts: tuple[int, int, int]) -> DateValue:
    from lint.dates import DateValue

    year, month, day = parts
    return DateValue(year, month, day or None)


def _read_date(text: str) -> DateValue:
    from lint import dates

    value = dates.read_alone(text)
    if value is None or dates.is_future(value):
        raise UsageError(f"--date {text!r}: not a date (write it as 2023.05 or 2023-05-29)")
    return value
