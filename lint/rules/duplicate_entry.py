"""The same entry twice in a table, or one paper under two titles, dates, venues or links.

Why: the duplicates maintainers fix are a row pasted twice in one table, one arXiv id under two
titles (a stale title, or a link copied from the row above), one paper with two dates or a venue
updated in one place only, and one title under two ids. A paper listed again under another
section with the same data is not one of them where the list does that on purpose (survey
taxonomies, parallel indexes, a trending table): a row pasted under a second section with
everything the same was put there deliberately, so one such repeat shows the habit.

A row's entity is its table's: the paper in a table of papers (arXiv id,
DOI or paper link, and its title read loosely), the named thing in a table with a ``Name``,
``Dataset`` or ``Abbreviation`` column or a column of short names (two datasets from one paper
are two entities, and a dataset is never the method paper of another table), told apart by
variant columns (``7B``), and in its own table by the category column each row is listed under
(``Approach``, ``Tag``: one paper once under each category, the categories' rows together);
one name with different links is two entities (two tools called
``buzz``), and a placeholder (``null``, ``[Paper]``, ``-``) is no title. Reported on the later
row, naming the first:

- in its own table, always: the same entity again (an identical row, or one with other words);
  in a table whose rows are no entities (a list of repositories, of links), a row with a link
  pasted again exactly (but in a table holding its header again: tables glued into one);
- across the document and the files of the run: one identifier under conflicting titles
  (tags, affiliations, short names and a title extending another are no conflict), one
  title under conflicting arXiv ids or DOIs, one entity with two dates (the month, or the year
  of dates to the day; years alone more than one apart) or two venues (``Arxiv 2024`` here,
  ``SIGIR 2024`` there; a venue written in full and abbreviated, ``Nature Communications`` and
  ``Nat. Commun.``, is one venue);
- the same entity in another table with nothing conflicting, only where the list never does
  that (the conventions step reads it: ``--show-conventions`` says ``cross-listing``).

Option ``duplicate-scope``: ``auto`` (default, as above), ``document`` (repeats across sections
reported even where the list cross-lists), ``section`` (everything compared within one section,
repeats across its tables reported; never across files) or ``table`` (within one table only);
per section too. A repeat's message says which setting widens or narrows it.

Fails::

    ### 多语言大模型
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | [BigTrans: Augmenting LLMs](https://arxiv.org/abs/2305.18098) | 2023.05 | 多语言模型 |
    | [BigTrans: Augmenting LLMs](https://arxiv.org/abs/2305.18098) | 2023.05 | 多语言模型 |

    ### 计算层优化
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | [FlexGen: High-throughput Inference](https://arxiv.org/abs/2305.18098) | 2023.03 | 推理 |

Passes: one BigTrans row in the first table, and FlexGen's own link (2303.06865).

Fix: safe when the later row is identical (white space aside) to an earlier row of its table:
it is removed. Unsafe when it is the same entity and carries nothing the first lacks (every word
of every cell and every link is in the first row), in the same table, or in another table where
``duplicate-scope`` is set to ``document`` or ``section``: it is removed, the first kept. No fix
otherwise: conflicting titles, identifiers, dates or venues, a row with something of its own to
merge by hand, a repeat in another file, and never a row of a list that cross-lists (under
``auto`` its repeats across sections are not reported at all).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from lint import markup, papers, titles
from lint.columns import header_key
from lint.config import AUTO
from lint.context import Context
from lint.conventions import TableConventions
from lint.document import Document, Row
from lint.headings import shown_heading
from lint.paper_index import CONFLICT, DATES, RENAMED, SAME, VENUES, Entry, Index
from lint.placeholders import names_a_thing
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem, row_key

CODE = "P001"
NAME = "duplicate-entry"
DEFAULT = True
FIX = "safe/unsafe"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report every row that repeats or contradicts an entry seen earlier in its scope (and,
    with the context's scope, in an earlier file of the run)."""
    scope = context.scope
    others = scope.others(doc.path) if scope is not None else None
    listing = context.conventions.cross_listing
    cross_lists = listing is not None and listing.value == "yes"
    titling = context.conventions.reworded_titles
    reworded = titling is not None and titling.value == "yes"
    regions: dict[tuple[str, ...], Index] = {}
    firsts: list[Entry] = []
    for found in context.conventions.tables:
        if not found.entities:
            yield from _pasted_rows(found)
            continue
        checked = _Table(doc, found, cross_lists, reworded)
        if checked.setting != "table":
            by_section = checked.setting == "section"
            region = found.table.section if by_section else ()
            checked.region = regions.setdefault(region, Index(reworded))
            checked.elsewhere = None if by_section else others
        yield from checked.check(firsts)
    if scope is not None:
        scope.remember(doc.path, firsts)


class _Table:
    """One table's entries checked against its own rows, its region of the document (the whole
    document, or its section) and the other files of the run."""

    def __init__(
        self, doc: Document, found: TableConventions, cross_lists: bool, reworded: bool
    ) -> None:
        self.doc, self.found, self.cross_lists = doc, found, cross_lists
        self.reworded = reworded
        self.setting = found.settings.duplicate_scope
        # repeats across tables: where set, else where the list shows no cross-listing
        self.across = self.setting in ("document", "section") or (
            self.setting == AUTO and not cross_lists
        )
        self.set_scope = self.setting in ("document", "section")
        self.region: Index | None = None
        self.elsewhere: Index | None = None

    def check(self, firsts: list[Entry]) -> Iterator[Problem]:
        # a table grouped by label rows holds a section per group: a row repeated in another
        # group is compared as a repeat in another section (the region holds the first)
        labels = self.found.groups if self.region is not None else frozenset()
        starts = sorted(self.found.table.rows[index].line for index in labels)
        owns: dict[int, Index] = {}
        # a row pasted again is a copy of the first row written so, whatever else it matches
        pasted: dict[tuple[int, tuple[str, ...]], Entry] = {}
        for entry in self.found.entities:
            group = bisect_right(starts, entry.row.line)
            own = owns.setdefault(group, Index(self.reworded))
            copied = pasted.setdefault((group, entry.row.cells), entry)
            match = (copied, SAME) if copied is not entry else _kept(own.find(entry), entry)
            if match is not None:
                yield _problem(self.doc, entry, *match, self._hint(True), self.set_scope)
                if match[1] != SAME:
                    # the row differs from the first (another date, venue or title): its own
                    # identifiers may be copied into a later row (a link pasted under it)
                    own.add(entry)
                continue
            own.add(entry)
            if self.region is None:
                continue
            match = _kept(self.region.find(entry), entry)
            if match is None and self.elsewhere is not None:
                match = _kept(self.elsewhere.find(entry), entry)
            if match is None:
                self.region.add(entry)
                if self.setting != "section":
                    firsts.append(entry)
            elif match[1] != SAME or self.across:
                yield _problem(self.doc, entry, *match, self._hint(False), self.set_scope)

    def _hint(self, same_table: bool) -> str:
        """How the scope of repeats may be widened or narrowed, for a repeat's message."""
        if same_table:
            if self.setting == AUTO and self.cross_lists:
                return (
                    "the list repeats entries across sections on purpose, which "
                    'duplicate-scope = "document" reports too'
                )
            return ""
        if self.setting == "section":
            return 'duplicate-scope = "table" allows repeats across the tables of a section'
        return 'duplicate-scope = "auto" or "table" allows repeats across sections'


# an address elsewhere than the list's own repository: a scheme, an anchor, a host (``//…``)
_ELSEWHERE = re.compile(r"(?i)[a-z][a-z0-9+.-]*:|#|//")


def _kept(match: tuple[Entry, str] | None, entry: Entry) -> tuple[Entry, str] | None:
    """``match`` but for the same entry in two rows each linking a page of its own
    (``_pages_of_their_own``): two entries of the list's, each citing one paper."""
    if match is not None and match[1] == SAME and _pages_of_their_own(match[0], entry):
        return None
    return match


def _pages_of_their_own(first: Entry, second: Entry) -> bool:
    """True when two rows of one entry each link pages of the list's own repository, none the
    same (``[Definition](docs/definition.md)``, ``[Mechanism](docs/mechanism.md)`` beside one
    paper): two entries of the list's own, each citing the paper, no row pasted twice."""
    pages = [_own_pages(entry.row.content) for entry in (first, second)]
    return bool(pages[0]) and bool(pages[1]) and pages[0].isdisjoint(pages[1])


def _own_pages(content: str) -> set[str]:
    """The pages of the list's own repository a row links (``docs/notes.md``)."""
    if "](" not in content:
        return set()
    links = markup.read_cell(content).links
    return {url for url, image in links if not image and url and not _ELSEWHERE.match(url)}


def _pasted_rows(found: TableConventions) -> Iterator[Problem]:
    """Rows with a link pasted again exactly in a table whose rows are no entities; none in a
    table holding its header again (tables written one under another, glued into one)."""
    table = found.table
    header = row_key(table.header.cells)
    first: dict[tuple[str, ...], Row] = {}
    again: list[tuple[Row, Row]] = []
    for row in table.rows:
        key = row_key(row.cells)
        if key == header:
            return  # another table's header: its rows are that table's, not copies
        if sum(1 for cell in row.cells if cell) < 2 or not papers.may_link(row.content):
            continue
        earlier = first.setdefault(key, row)
        if earlier is not row:
            again.append((row, earlier))
    for row, earlier in again:
        message = f"row pasted again (first at line {earlier.line}, same table): remove this row"
        fix = _removal(row, SAFE)
        column = next(index for index, cell in enumerate(row.cells) if cell)
        yield Problem(row.line, row.column(column), CODE, NAME, message, fix)


def _problem(
    doc: Document, entry: Entry, first: Entry, relation: str, hint: str, set_scope: bool
) -> Problem:
    row, where = entry.row, _where(doc, entry, first)
    column = row.column(entry.title)
    one_title = titles.one_title(entry.title_cell, first.title_cell)
    if relation == RENAMED:
        message = (
            f'{_shared(entry, first)} is "{_label(entry)}" here and "{_label(first)}" at {where}: '
            "correct the wrong link, or keep one title"
        )
    elif relation == CONFLICT:
        message = (
            f'title "{_label(entry)}" is also at {where} with another identifier ({_ids(entry)} '
            f"here, {_ids(first)} there): correct the wrong link, or tell the papers apart"
        )
    elif relation in (DATES, VENUES) and _two_names(entry, first) and not one_title:
        return _two_names_problem(entry, first, where)  # two papers' names, more than two data
    elif relation == DATES:
        message = (
            f'"{_label(entry)}" is dated "{entry.date_cell}" here and "{first.date_cell}" at '
            f"{where}: one entry with two dates, correct the wrong one"
        )
    elif relation == VENUES:
        message = (
            f'"{_label(entry)}" is at "{_plain(entry.venue)}" here and "{_plain(first.venue)}" '
            f"at {where}: one entry with two venues, update the stale one (or write one venue"
            " one way)"
        )
    else:
        return _repeat(entry, first, where, hint, set_scope)
    return Problem(row.line, column, CODE, NAME, message)


def _repeat(entry: Entry, first: Entry, where: str, hint: str, set_scope: bool) -> Problem:
    """A repeat of an entry, removed by a fix when it adds nothing: in its own table, or in
    another table of the file where a ``duplicate-scope`` setting says the list lists a paper
    once; never where the list cross-lists, never in another file."""
    row = entry.row
    if _two_names(entry, first):
        # two names on one link: the same thing named twice, or a link copied from the other
        # row; only a person can tell which, so no row is removed
        return _two_names_problem(entry, first, where)
    removable = first.path is None and (first.table is entry.table or set_scope)
    fix = _fix(entry, first) if removable else None
    if fix is None:
        action = "merge this row into the first by hand"
        if first.table is not entry.table:
            action = "keep one of them, or merge them by hand"
    elif fix.safety == UNSAFE:
        action = "remove this row or merge it into the first"
    else:
        action = "remove this row"
    suffix = f"; {hint}" if hint else ""
    message = f'duplicate entry "{_label(entry)}" (first at {where}): {action}{suffix}'
    return Problem(row.line, row.column(entry.title), CODE, NAME, message, fix)


def _two_names(entry: Entry, first: Entry) -> bool:
    """True when two entries sharing an identifier show two names (``Quantization Networks``,
    ``SYQ: Learning Symmetric Quantization``): whatever else differs, the names do first."""
    titles_of = (entry.identity.title, first.identity.title)
    differ = all(titles_of) and titles_of[0] != titles_of[1]
    return differ and bool(_shared(entry, first)) and _label(entry) != _label(first)


def _two_names_problem(entry: Entry, first: Entry, where: str) -> Problem:
    row = entry.row
    message = (
        f'{_shared(entry, first)} is "{_label(entry)}" here and "{_label(first)}" at {where}:'
        " one entry under two names, or a link copied from the other row: keep one, or"
        " correct the link"
    )
    return Problem(row.line, row.column(entry.title), CODE, NAME, message)


def _shared(entry: Entry, first: Entry) -> str:
    """The first identifier two entries share, as a message names it; "" when none."""
    shared = sorted(set(entry.identity.keys) & set(first.identity.keys))
    return _identifier(shared[0]) if shared else ""


def _label(entry: Entry) -> str:
    """The entry as a message names it: its title as a reader sees it, else its identifier."""
    shown = titles.shown(entry.title_cell)
    if shown:
        return shown
    if entry.identity.title and names_a_thing(entry.title_cell):
        return markup.read_cell(entry.title_cell).text.strip()  # a name with a year: PAIP2023
    keys = entry.identity.keys
    return _identifier(keys[0]) if keys else "this row"


def _identifier(key: str) -> str:
    kind, _, value = key.partition(":")
    return {"arxiv": f"arXiv {value}", "doi": f"DOI {value}"}.get(kind, f"the link {value}")


def _ids(entry: Entry) -> str:
    return ", ".join(_identifier(key) for key in entry.identity.keys[:2]) or "none"


def _plain(text: str) -> str:
    return " ".join(markup.read_cell(text, keep_tags=True).text.split()) or text


def _where(doc: Document, entry: Entry, first: Entry) -> str:
    if first.path is not None and first.path != doc.path:
        return f"{first.path}:{first.row.line}, {_section(first.row)}"
    if first.table is entry.table:
        return f"line {first.row.line}, same table"
    return f"line {first.row.line}, {_section(first.row)}"


def _section(row: Row) -> str:
    return shown_heading(row.section[-1]) if row.section else "top of the document"


def _fix(entry: Entry, first: Entry) -> Fix | None:
    """Safe for a row identical to an earlier one of its table, unsafe for a row carrying
    nothing the first lacks, else none."""
    row = entry.row
    if first.table is entry.table and row_key(row.cells) == row_key(first.row.cells):
        safety = SAFE
    elif _redundant(entry, first):
        safety = UNSAFE
    else:
        return None
    return _removal(row, safety)


def _removal(row: Row, safety: str) -> Fix:
    """The fix removing ``row``, declared as removed for the fix's check that nothing is lost."""
    return Fix((Edit(row.line, row.line, ()),), safety, removed_rows=(row.cells,))


def _redundant(entry: Entry, first: Entry) -> bool:
    """True when every cell of ``entry``'s row says nothing but what the same column of the
    first row says (words compared loosely), and every link it holds is in the first row."""
    kept = _by_header(first)
    for name, text in _by_header(entry).items():
        key = papers.title_key(text)
        if key and key != papers.title_key(kept.get(name, "")):
            return False
    return _urls(entry.row) <= _urls(first.row)


def _by_header(entry: Entry) -> dict[str, str]:
    header = entry.table.header.cells
    return {
        header_key(name): entry.row.cells[index] if index < len(entry.row.cells) else ""
        for index, name in enumerate(header)
    } | {f"#{index}": text for index, text in enumerate(entry.row.cells[len(header) :])}


def _urls(row: Row) -> set[str]:
    return {papers.link_key(url) for text in row.cells for url, _ in markup.read_cell(text).links}
