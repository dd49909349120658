"""A link in a table that leads nowhere as GitHub follows it, or a badge naming another paper.

Why: GitHub takes a link's address as written. Without a scheme (``www.example.org/x``,
``github.com/owner/repo``) it is a file of the list's own repository, which does not exist; a scheme
typed twice (``hhttps://``), two URLs joined into one, an address in a second pair of parentheses
(``[Code]((https://…))``) or a link pasted inside another (``[Paper]([https://a](https://b))``) is
one bogus address; so is a bare DOI or arXiv id (``(10.1109/…)``), or an address with LaTeX's braces
copied into it (``…/repo}{code}``), or a hyphen typed as a typographic one (U+2010, the non-breaking
U+2011: ``popbias‑lia‑fedrec``, copied from a rendered page; a site's own en dash is kept); a
``file:`` address opens a file on its writer's computer; ``None`` or ``null``, a script's empty
value written out, is a file of that name no list has; a query whose ``=`` is percent-encoded
(``forum?id%253D…``, copied out of another address) gives the site no parameter; so does a site
typed twice (``https://doi.org/https://doi.org/…``); a host without a dot (``https://github``,
``https://quantumstatcom/…``) names no site; a link whose address no parenthesis closes, or whose
parentheses hold more than an address and a quoted title (``[code](https: //github.com/…)``,
``[Paper](two words)``), is shown as text; an arXiv address whose number arXiv never gives
(``203.05527``, ``2502.00000``, ``2406.172940``) opens an error page; a link with no address at all
(``[Paper]()``) opens the page it is on, a slip where the other rows of its column link (a list
writing ``[Code]()`` as a slot for code to come does so in many rows, or says so:
``[Coming soon]()``); a link to a section of the page (``#setup``) that none of its headings'
anchors nor its HTML anchors names (compared with hyphens run together: an emoji or ``&`` in a
heading leaves them) scrolls nowhere. And an arXiv badge copied from another row with only its link
changed shows readers one paper's id while it opens another's. None but the empty link depends on
the list's ways: every reader who clicks finds nothing, or the wrong paper. Relative links
(``./notes.md``), ``#top``, links inside other URLs the way archives and redirects write them
(``…/web/2020/https://…``, ``?url=https://…``) and an arXiv address still to be filled in (no digit:
``abs/TBD``) are left alone.

Fails::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [Paper A](www.example.org/a) | 2023.05 |
    | [Paper B](https://arxiv.org/abs/2305.0123) | 2023.05 |
    | [Paper C]([https://arxiv.org/abs/2305.01234](https://arxiv.org/abs/2305.04321)) | 2023.05 |
    | Paper D [![arXiv 2305.01234](badges/arxiv.svg)](https://arxiv.org/abs/2306.05678) | 2023.06 |

Passes::

    | 论文题目 | 发表时间 |
    | --- | --- |
    | [Paper A](https://www.example.org/a) | 2023.05 |
    | [Paper B](https://arxiv.org/abs/2305.01234) | 2023.05 |
    | [Notes](./notes/paper-c.md) | 2023.05 |

Fix: unsafe, where one repair is plain: ``https://`` before an address with none (the
resolver's address before a bare DOI or arXiv id), a scheme
typed twice written once, the second pair of parentheses removed (the site may want
``http://``). Otherwise none: only a person knows which of two URLs, or which arXiv id, is the
paper's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from lint.context import Context
from lint.conventions import TableConventions
from lint.document import Document, Row
from lint.headings import anchors
from lint.link_columns import has_empty_link, slot_key, slot_row
from lint.links import (
    ARXIV_OTHER_PAGE,
    ARXIV_PAGES,
    DOUBLED,
    ENCODED_EQUALS,
    INNER_SCHEME,
    TYPOGRAPHIC_HYPHEN,
    Fault,
    arxiv_path_fault,
    badge_mismatches,
    fault,
)
from lint.markup import empty_links, labelled_links, read_cell, spaced_addresses, unclosed_links
from lint.placeholders import to_come
from lint.problem import UNSAFE, Edit, Fix, Problem

CODE = "P009"
NAME = "broken-link"
DEFAULT = True
FIX = "unsafe"

# a cell worth reading link by link: a link whose address does not start with a scheme, a
# scheme inside a URL (``links.INNER_SCHEME``), a brace, or an arXiv path (``_bad_arxiv``)
_NO_SCHEME = re.compile(r"(?i)\]\(\s*<?(?!https?://)")
_ARXIV_PATHS = re.compile(r"(?i)arxiv\.org/(?:abs|pdf|html)/+([^\s?#)>\]]*)")
# an address whose host has no dot (``links._no_site``), or a second ``](`` inside an address
_NO_DOT = re.compile(r"(?i)\]\(\s*<?https?://[^/?#:\s.)>]*[/?#:\s)>]")
_PASTED = re.compile(r"\]\([^\s)]*\]\(")
# a link's address with a backslash before a letter or digit (``links.BACKSLASH``)
_BACKSLASHED = re.compile(r"\]\([^\s)]*\\[^\W_]")


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report each link of a table row that leads nowhere, and each arXiv badge that names
    another paper than its link opens."""
    page: _Page | None = None
    for table in context.conventions.tables:
        for row in table.table.rows:
            found = list(_row(doc, row))
            yield from found
            if "](#" in row.content:
                page = page or _Page(doc)
                # a link already told (shown as text: ``(#a b)``) is one fault, told once
                told = {problem.column for problem in found}
                yield from (problem for problem in page.missing(row) if problem.column not in told)
            if table.linked_columns and has_empty_link(row.content):
                yield from _no_address(table, row, context.conventions.slot_links)


def _no_address(table: TableConventions, row: Row, slots: frozenset[str]) -> Iterator[Problem]:
    """A problem for each link with no address (``[Paper]()``) in a column whose other rows
    link (``TableConventions.linked_columns``): GitHub opens the page it is on. A link whose
    text says its address is to come (``[Coming soon]()``), or that the list links to no address
    in several rows (``slots``), or shows nothing, is the list's slot; so is a row of such links
    and none with an address (``| [Paper]() | [Code]() |``: a template's row)."""
    if slot_row(row.content):
        return
    for column, linked, rows in table.linked_columns:
        if table.roles.is_paper and column == table.roles.title:
            continue  # a paper's title linked nowhere is empty-cell's (T004)
        text = row.cells[column] if column < len(row.cells) else ""
        if "`" in text:
            continue  # a code span shows its brackets as written
        for at, label in empty_links(text):
            if not label.strip() or to_come(label) or slot_key(label) in slots:
                continue
            message = (
                f'link "[{_shown(label)}]()" has no address: GitHub opens '
                f"this page again, where {linked} of the column's {rows} rows link; write its "
                "address, or its text without a link"
            )
            yield Problem(row.line, row.column(column) + at, CODE, NAME, message)


class _Page:
    """The anchors of one page, read once and only where a table links a section of it."""

    def __init__(self, doc: Document) -> None:
        found = anchors((section.title for section in doc.sections), "\n".join(doc.lines))
        self.anchors = frozenset(map(_loose, found))

    def missing(self, row: Row) -> Iterator[Problem]:
        """A problem for each link of ``row`` to an anchor the page does not have."""
        for index, cell in enumerate(row.cells):
            for _, url in labelled_links(cell) if "](#" in cell else ():
                wanted = _loose(unquote(url[1:]).lower().removeprefix("user-content-"))
                if not url.startswith("#") or wanted in ("", "top") or wanted in self.anchors:
                    continue
                message = (
                    f'link "{_shown(url)}" leads to no heading or anchor of this page: link a'
                    " heading's anchor here, or the page that holds it (other.md#anchor)"
                )
                yield Problem(row.line, _column(row, index, url), CODE, NAME, message)


def _loose(anchor: str) -> str:
    """An anchor with its hyphens run together and trimmed: where a heading's emoji or ``&``
    stood, GitHub's anchors and the ones lists write differ by hyphens alone."""
    return "-".join(part for part in anchor.split("-") if part)


def _row(doc: Document, row: Row) -> Iterator[Problem]:
    found: list[tuple[int, str, Fault]] = []
    badges: list[tuple[int, str, str]] = []
    for index, cell in enumerate(row.cells):
        if "](" not in cell and "href" not in cell:
            continue  # most cells: no link to read
        if (
            _NO_SCHEME.search(cell)
            or INNER_SCHEME.search(cell)
            or "}" in cell
            or "{" in cell
            or _bad_arxiv(cell)
            or _NO_DOT.search(cell)
            or _PASTED.search(cell)
            or ("%" in cell and ENCODED_EQUALS.search(cell))
            or DOUBLED.search(cell)
            or ("\\" in cell and _BACKSLASHED.search(cell))
            or (not cell.isascii() and TYPOGRAPHIC_HYPHEN.search(cell))
        ):
            for url, image in read_cell(cell).links:
                wrong = None if image else fault(url)
                if wrong is not None:
                    found.append((index, url, wrong))
        for address in unclosed_links(cell):
            url = cell[address:].split(None, 1)[0]
            found.append((index, url, Fault("has no closing parenthesis: GitHub shows it as text")))
        if "`" not in cell:  # a code span shows its brackets as written anyway
            for url, after in spaced_addresses(cell):
                what = f'is followed by "{_shown(after)}", no title: GitHub shows the link as text'
                # the text after the address is the one cause (``https://github .com/…`` is no
                # host without a dot): one report of the link
                found = [one for one in found if one[:2] != (index, url)]
                found.append((index, url, Fault(what)))
        if "![" in cell:
            badges += ((index, named, opened) for named, opened in badge_mismatches(cell))
    fix = _fix(doc, row, found)
    for index, url, wrong in found:
        message = f'link "{_shown(_written(row.cells[index], url))}" {wrong.what}: {_remedy(wrong)}'
        # the row's one fix repairs each link with a plain repair; it fixes no other problem
        repaired = fix if wrong.repaired is not None else None
        yield Problem(row.line, _column(row, index, url), CODE, NAME, message, repaired)
    for index, named, opened in badges:
        message = (
            f"arXiv badge shows {named} but its link opens {opened}: make both name this "
            "row's paper"
        )
        yield Problem(row.line, _column(row, index, opened), CODE, NAME, message)


def _bad_arxiv(cell: str) -> bool:
    """True when ``cell`` holds an arXiv path whose number arXiv never gives, or a paper's id
    under a page arXiv has none of (``arxiv.org/as/…``)."""
    if "arxiv.org/" not in cell.lower():
        return False
    if any(arxiv_path_fault(path) is not None for path in _ARXIV_PATHS.findall(cell)):
        return True
    return any(page.lower() not in ARXIV_PAGES for page, _ in ARXIV_OTHER_PAGE.findall(cell))


def _remedy(wrong: Fault) -> str:
    if wrong.repaired is not None:
        return f'write "{_shown(wrong.repaired)}"'
    if "arXiv" in wrong.what:
        return "write the paper's arXiv id"
    if "no title" in wrong.what:
        return "keep the address alone in the parentheses (a title in quotes)"
    if "encoded" in wrong.what:
        return "write the query as its site reads it"
    if "no dot" in wrong.what:
        return "write the site's full address"
    if "closing" in wrong.what:
        return "close it after its address"
    if "LaTeX" in wrong.what:
        return "remove the LaTeX marks from its address"
    if "computer" in wrong.what or "empty value" in wrong.what:
        return "link the paper's public address"
    return "keep the one URL of this row's paper"


def _fix(doc: Document, row: Row, found: list[tuple[int, str, Fault]]) -> Fix | None:
    """One fix for the row: every plain repair written into its cell, or None when no link of
    the row has one (or one cannot be placed: a link written as an HTML tag)."""
    cells = list(row.cells)
    for index, url, wrong in found:
        if wrong.repaired is None:
            continue
        cell = cells[index]
        at = _address_at(cell, url)
        if at < 0:
            return None
        cells[index] = cell[:at] + wrong.repaired + cell[at + len(url) :]
    if tuple(cells) == row.cells:
        return None
    line = doc.lines[row.line - 1]
    starts = row.starts
    new_line = line
    # right to left: each rewritten cell leaves the starts of the cells before it in place
    for index in reversed(range(len(cells))):
        if cells[index] != row.cells[index]:
            start = starts[index]
            new_line = new_line[:start] + cells[index] + new_line[start + len(row.cells[index]) :]
    edit = Edit(row.line, row.line, (new_line,))
    return Fix((edit,), UNSAFE, rewritten_rows=((row.cells, tuple(cells)),))


def _address_at(cell: str, url: str) -> int:
    """Where ``url`` starts as a link's address in ``cell`` (right after ``](`` or ``](<``),
    or -1."""
    for opener in ("](", "](<"):
        at = cell.find(opener + url)
        if at >= 0:
            return at + len(opener)
    return -1


def _written(cell: str, url: str) -> str:
    """The address as the cell writes it: a link pasted inside the parentheses from where it
    starts (its address read alone stops at a space: ``[ https://…](…)`` reads as ``[``)."""
    if not url.startswith("["):
        return url
    at = _address_at(cell, url)
    return cell[at:] if at >= 0 else url


def _column(row: Row, index: int, url: str) -> int:
    """1-based column of ``url`` in the row's line (of its cell when it is not found there)."""
    at = row.cells[index].find(url)
    return row.column(index) + max(at, 0)


def _shown(url: str) -> str:
    return url if len(url) <= 60 else url[:59] + "…"
