"""The index of the entities duplicate-entry looks rows up in, and the run's scope of files.

An ``Index`` holds the first rows of each identifier and title (a few per key when they list
different entities: variants of one paper, ``7B`` and ``13B``, two datasets from one paper); a
``Scope`` holds the entities of the files already checked in one run, so that the files
pre-commit passes together are one list. A row's entity is read by ``lint/entities.py``.

Looking a row up gives the earliest row it relates to, and how:

- ``renamed``: they share an identifier under conflicting titles (``lint/titles.py``), whatever
  entity each row lists: an arXiv id names one paper, so one link is wrong or one title stale;
- ``conflict``: the same title (a title, not a short name) under contradicting arXiv ids or DOIs;
- ``dates`` / ``venues``: the same entity with two dates (the year or the month differs; days
  are versions) or two venues (``Arxiv 2024`` and ``SIGIR 2024``: updated in one place only);
- ``same``: the same entity again, with none of these differences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import count
from typing import NamedTuple

from lint import markup, papers, titles
from lint.document import Row, Table
from lint.header_names import CATEGORY_HEADERS
from lint.venues import two_versions, venue_words, venues_conflict

# a date as compared: (year, month, day), 0 where not given (conventions.DateKey)
DateKey = tuple[int, int, int]

# how many rows of distinct entities one identifier or title remembers (keeps lookups linear)
_KEEP = 8
# a title of at most this many words is a name, which a variant's name may extend
_NAME_WORDS = 2
SAME = "same"
RENAMED = "renamed"
CONFLICT = "conflict"
DATES = "dates"
VENUES = "venues"


class Entry(NamedTuple):
    """A row seen: its order (its line, for the document being checked), file (None for that
    document), table, row, title column and identity; the variant columns' values, the kind of
    entity (the header of its table's name column, "" for papers) and whether its title column
    is that name (``named``: its title names a dataset or a tool, not a paper), its date as
    compared and as written, its venue cell, and the cells its addresses are read from."""

    order: int
    path: str | None
    table: Table
    row: Row
    title: int
    identity: papers.Identity
    variant: tuple[tuple[str, bytes], ...]
    kind: str = ""
    named: bool = False
    date: DateKey | None = None
    date_cell: str = ""
    venue: str = ""
    # the cells whose links may name the entity (code and demo columns blanked), and the date's
    link_cells: tuple[str, ...] = ()
    date_column: int | None = None

    @property
    def links(self) -> frozenset[str]:
        """The addresses the row's title cell and link-only cells point at (images aside)."""
        return _addresses(self.link_cells, self.title, self.date_column)

    @property
    def title_cell(self) -> str:
        """The row's title cell as written ("" when the row is too short to have one)."""
        cells = self.row.cells
        return cells[self.title] if self.title < len(cells) else ""


@lru_cache(maxsize=4096)
def _addresses(cells: tuple[str, ...], title: int, date: int | None) -> frozenset[str]:
    """What a row links to, read only when two rows of one title are compared: its title cell's
    links and those of cells holding only links (a cell of prose cites other work)."""
    found: set[str] = set()
    for column, text in enumerate(cells):
        if column == date or not text or ("](" not in text and "://" not in text):
            continue
        shown = markup.read_cell(text)
        if column != title and len(titles.words(shown.outside)) > 2:
            continue
        found.update(papers.normal_link(url) for url, image in shown.links if not image)
    return frozenset(found)


def _variants(first: Entry, second: Entry) -> bool:
    """True when the rows are two variants: they differ in a column that names a variant in
    both, unless they give two different paper titles (a variant of one paper has its
    paper's title, or a name: ``Qwen2-7B``; two paper titles on one link are a link copied to
    the wrong row), or one title is a short name that the other extends (``vicuna-V1.5``,
    ``vicuna-V1.5-16K``)."""
    if first.variant and second.variant and not _two_papers(first, second):
        theirs = dict(second.variant)
        one_table = first.table is second.table
        if any(
            theirs.get(name, value) != value and (one_table or name not in CATEGORY_HEADERS)
            for name, value in first.variant
        ):
            return True  # a category tells rows apart in its own table only
    return _extends(first, second) or _extends(second, first)


def _two_papers(first: Entry, second: Entry) -> bool:
    """True when the rows give two different titles, each a paper's, not a name's, and link
    to the same addresses and no other: two releases of a family may cite its one report
    beside their own announcements."""
    if first.named or first.identity.title == second.identity.title:
        return False
    if any(titles.names(entry.title_cell) for entry in (first, second)):
        return False
    return bool(first.links) and first.links == second.links


def _extends(short: Entry, long: Entry) -> bool:
    key, longer = short.identity.title, long.identity.title
    if not key or len(key) >= len(longer) or not longer.startswith(key):
        return False
    return len(markup.read_cell(short.title_cell).text.split()) <= _NAME_WORDS


def one_entity(first: Entry, second: Entry) -> bool:
    """True when two rows can list one entity: the same kind, not two variants, and, where the
    title names the entity (a dataset, a tool), the same name: two datasets citing one paper
    are two entities."""
    if first.kind != second.kind or _variants(first, second):
        return False
    return not first.named or first.identity.title == second.identity.title


def _named_apart(first: Entry, second: Entry) -> bool:
    """True when two rows of one title are two entities: their titles link two sites' home pages
    (an event's yearly sites); or they link to no address in common, and the title is a name (a
    short title, or any title in a table of named things: two tools called ``buzz``), or they
    name two venues, none a preprint (``_published_twice``), or the
    rows tell themselves apart by a tag (``[美团技术团队] X`` and ``[datafun分享] X``, two
    articles on one work)."""
    homes = _home_page(first.title_cell), _home_page(second.title_cell)
    if None not in homes and homes[0] != homes[1]:
        return True  # two sites' home pages: a yearly event's (2023.ieeeicassp.org, 2024.…)
    if not (first.links and second.links) or first.links & second.links:
        return False
    if first.named or titles.is_name(titles.words(markup.read_cell(first.title_cell).text)):
        return True
    if _published_twice(first, second):
        return True
    return _tagged(first.title_cell) != _tagged(second.title_cell)


def _home_page(cell: str) -> str | None:
    """The host of a title cell's one link when it is a site's home page (no path), else None."""
    links = markup.read_cell(cell).links if "](" in cell else []
    if len(links) != 1 or links[0][1]:
        return None
    scheme, _, rest = links[0][0].partition("://")
    host, _, path = rest.partition("/")
    return host.lower() if scheme.lower() in ("http", "https") and not path.strip("/") else None


def _published_twice(first: Entry, second: Entry) -> bool:
    """True when two rows of one title, each linking its own page, name two venues, neither a
    preprint, at two dates: a conference paper and its journal version, two publications a list
    may keep (one venue written two ways at one date is one publication listed twice)."""
    unread = first.date is None and second.date is None  # a style not read: compare as written
    if not (unread and first.date_cell != second.date_cell) and not dates_conflict(
        first.date, second.date
    ):
        return False
    if not venues_conflict(first.venue, second.venue):
        return False
    return not any(
        papers.PREPRINT_VENUES & venue_words(entry.venue)[0] for entry in (first, second)
    )


def _tagged(cell: str) -> tuple[str, ...]:
    return titles.words(markup.read_cell(cell, keep_tags=True).text)


def _paper_titles(first: Entry, second: Entry) -> bool:
    """True when both rows' titles are papers' titles, which one identifier cannot have two of."""
    return not (first.named or second.named)


def dates_conflict(first: DateKey | None, second: DateKey | None) -> bool:
    """True when two dates of one entity contradict each other at the precision both give.

    Two months conflict when they differ. Dates to the day are the days versions appeared
    (generated lists record the one fetched), weeks or months apart for one paper: they
    conflict when more than a year apart, or a year apart on the same month and day (a year
    typed wrong). A year alone is often a preprint's year beside its venue's (``2023`` and
    ``2024``): years conflict when more than one apart."""
    if first is None or second is None:
        return False
    if not (first[1] and second[1]):
        return abs(first[0] - second[0]) > 1
    if first[2] and second[2]:
        # versions weeks or months apart, across a new year too; a year typed wrong keeps the
        # month and day, and a year and more apart is no version
        apart = abs(_days(first) - _days(second))
        return apart > DAYS_A_YEAR or (first[0] != second[0] and first[1:] == second[1:])
    return first[:2] != second[:2]


# how far apart two day-precise dates of one paper may be: its versions' days
DAYS_A_YEAR = 366


def _days(date: DateKey) -> int:
    """A date's day number, near enough to tell how far apart two dates are."""
    return date[0] * 372 + date[1] * 31 + date[2]


# the words a link to a project's or a person's site is labelled with (``[web]``, ``[project]``)
_SITE_LABELS = frozenset("web website homepage home project site webpage page".split())


def _site_of_both(first: Entry, second: Entry, key: str) -> bool:
    """True when two rows share a link both label as a site (``[[pdf](…)] [[web](…)]``: the
    project's page, which its papers share) and each links a page of its own besides."""
    own = set(first.identity.links) ^ set(second.identity.links)
    if not (set(first.identity.links) & own and set(second.identity.links) & own):
        return False
    return all(_labels_of(entry, key) <= _SITE_LABELS for entry in (first, second))


def _labels_of(entry: Entry, key: str) -> set[str]:
    """The words labelling the row's links to ``key`` (an empty set: none labelled)."""
    found: set[str] = set()
    for cell in entry.link_cells:
        for label, url in markup.labelled_links(cell) if "](" in cell else ():
            if papers.link_key(url) == key:
                found.update(titles.words(markup.read_cell(label, keep_tags=True).text) or ("",))
    return found or {""}


def _two_versions(first: Entry, second: Entry, key: str) -> bool:
    """True when two rows link one arXiv id (``key``) at two versions each names, in its link
    and its title (``[T-GATE V1]`` to ``2404.02747v1``, ``[T-GATE V2]`` to ``…v2``): a paper
    retitled between them, listed once per version on purpose. A generated list linking each
    row's latest version lists a paper twice when it is updated: its titles name no version."""
    versions = [_versions(entry, key[len("arxiv:") :]) for entry in (first, second)]
    if not all(versions) or not versions[0].isdisjoint(versions[1]):
        return False
    return all(
        any(re.search(rf"(?i)\b{version}\b", entry.title_cell) for version in found)
        for entry, found in zip((first, second), versions, strict=True)
    )


def _versions(entry: Entry, paper: str) -> set[str]:
    """The versions of arXiv ``paper`` the row's links name (``v2``); empty when one does not."""
    pattern = re.compile(re.escape(paper) + r"(v\d+)?(?!\d)")
    found = [version for cell in entry.link_cells for version in pattern.findall(cell)]
    return set() if "" in found else set(found)


def _relation(first: Entry, second: Entry) -> str:
    if dates_conflict(first.date, second.date):
        return DATES
    if venues_conflict(first.venue, second.venue):
        return VENUES
    return SAME


class Index:
    """The first rows of each identifier and title, a few per key when entities differ."""

    def __init__(self, reworded: bool = False) -> None:
        # one row alone (most keys), or a list of a few: a list per key would cost as much
        # memory as the row's identity itself
        self.rows: dict[str | bytes, Entry | list[Entry]] = {}
        # the list words a paper's title after its name its own way (``reworded``)
        self.reworded = reworded

    def known(self, key: str | bytes) -> Sequence[Entry]:
        """The rows remembered under ``key``, earliest first."""
        found = self.rows.get(key)
        if found is None:
            return ()
        return found if isinstance(found, list) else (found,)

    def find(self, entry: Entry) -> tuple[Entry, str] | None:
        """The earliest row ``entry`` relates to, and how (see the module's docstring)."""
        identity = entry.identity
        if not identity.has_keys:  # most rows: a title alone
            return self._by_title(entry) if identity.title in self.rows else None
        keys = identity.keys
        found: Entry | None = None
        for key in keys:
            for earlier in self.known(key):
                if key[0] == "u" and (
                    papers.contradicts(earlier.identity, entry.identity)
                    or _site_of_both(earlier, entry, key)
                ):
                    continue  # two papers by their ids sharing a page (a write-up of both)
                if key[0] == "a" and _two_versions(earlier, entry, key):
                    continue  # one arXiv id's two versions, linked apart on purpose
                if _paper_titles(earlier, entry) and titles.conflict(
                    earlier.title_cell, entry.title_cell, self.reworded
                ):
                    return earlier, RENAMED
                if one_entity(earlier, entry) and (found is None or earlier.order < found.order):
                    found = earlier
        if found is not None:
            return found, _relation(found, entry)
        return self._by_title(entry)

    def _by_title(self, entry: Entry) -> tuple[Entry, str] | None:
        title = entry.identity.title
        for earlier in self.known(title) if title else ():
            if papers.contradicts(earlier.identity, entry.identity):
                words = titles.words(markup.read_cell(entry.title_cell).text)
                if (
                    _paper_titles(earlier, entry)
                    and not titles.is_name(words)
                    and not two_versions(earlier.venue, entry.venue)
                ):
                    return earlier, CONFLICT
            elif one_entity(earlier, entry) and not _named_apart(earlier, entry):
                return earlier, _relation(earlier, entry)
        return None

    def add(self, entry: Entry) -> list[str | bytes]:
        """Remember ``entry`` under each of its keys; returns the keys it was added under."""
        identity = entry.identity
        title = identity.title
        if title and title not in self.rows and not identity.has_keys:
            self.rows[title] = entry  # most rows: a title alone, the first with it
            return [title]
        keys: list[str | bytes] = list(entry.identity.keys)
        if title:
            keys.append(title)
        added: list[str | bytes] = []
        for key in keys:
            known = self.known(key)
            if not known:
                self.rows[key] = entry
                added.append(key)
            elif len(known) < _KEEP and not any(_same(other, entry) for other in known):
                self.rows[key] = [*known, entry]
                added.append(key)
        return added


def _same(first: Entry, second: Entry) -> bool:
    """True when a row adds nothing to what an index knows of ``first``'s entity."""
    return one_entity(first, second) and not _named_apart(first, second)


class Repeats(NamedTuple):
    """The rows of a document listing an entity of an earlier table again with the same data,
    counted, and the first of them with the row it repeats."""

    rows: int
    first: tuple[Entry, Entry] | None


def repeats(tables: Iterable[Sequence[Entry]]) -> Repeats:
    """How often the tables of a document repeat an entity of an earlier table with the same
    data (no other title, date or venue): the evidence that a list cross-lists on purpose. A
    row repeated within its own table is no cross-listing."""
    index = Index()
    found = 0
    first: tuple[Entry, Entry] | None = None
    for entries in tables:
        own = Index()
        for entry in entries:
            if own.find(entry) is not None:
                continue
            own.add(entry)
            match = index.find(entry)
            if match is None:
                index.add(entry)
            elif match[1] == SAME and match[0].table is not entry.table:
                found += 1
                first = first or (match[0], entry)
    return Repeats(found, first)


# a list that words one paper's title after its name two ways this often does it on purpose (a
# description per section: ``MedAgents: LLM Collaborators …``, ``MedAgents: Large Language
# Models as Collaborators …``); once or twice is a slip
REWORDED = 3


def reworded(tables: Iterable[Sequence[Entry]]) -> tuple[int, tuple[Entry, Entry] | None]:
    """How many rows share an identifier with an earlier row whose title names the same name
    (before a colon, or in parentheses at its end) in other words, and the first such pair."""
    seen: dict[str, list[Entry]] = {}
    found = 0
    first: tuple[Entry, Entry] | None = None
    for entries in tables:
        for entry in entries:
            if not entry.identity.has_keys or not titles.may_be_named(entry.title_cell):
                continue  # no name before a colon, nor in a tag at the end
            pair: tuple[Entry, Entry] | None = None
            for key in entry.identity.keys:
                known = seen.setdefault(key, [])
                for earlier in known if pair is None else ():
                    if _reworded(earlier, entry):
                        pair = earlier, entry
                        break
                if len(known) < _KEEP:
                    known.append(entry)
            if pair is not None:
                found += 1
                first = first or pair
    return found, first


def _reworded(earlier: Entry, entry: Entry) -> bool:
    first, second = earlier.title_cell, entry.title_cell
    if not _paper_titles(earlier, entry) or not titles.named_alike(first, second):
        return False
    # a title shortened is a title worded otherwise, which two titles in conflict are too
    return titles.conflict(first, second) or titles.shortened(first, second)


class Scope:
    """The paper rows of the files of one run, for duplicates across files (kept by the CLI).

    Checking a file forgets what an earlier check of the same file remembered, so the passes
    of a fix see only the other files. Rows are numbered as they are indexed, so a row of an
    earlier file is earlier than any row of a later one.
    """

    def __init__(self) -> None:
        self._index = Index()
        self._order = count()
        self.keys: dict[str, list[str | bytes]] = {}
        # files remembered but not yet indexed: a run of one file never needs the index
        self.pending: list[tuple[str, list[Entry]]] = []

    @property
    def index(self) -> Index:
        """The papers of the files remembered so far."""
        for path, entries in self.pending:
            added = self.keys.setdefault(path, [])
            for entry in entries:
                indexed = entry._replace(order=next(self._order), path=path)
                added.extend(self._index.add(indexed))
        self.pending.clear()
        return self._index

    def others(self, path: str) -> Index | None:
        """The papers of every file but ``path`` (forgetting what ``path`` left), or None when
        there are none."""
        self.forget(path)
        return self.index if self.keys or self.pending else None

    def forget(self, path: str) -> None:
        """Drop what the file ``path`` left in the scope."""
        self.pending[:] = [(known, entries) for known, entries in self.pending if known != path]
        for key in self.keys.pop(path, ()):
            kept = [entry for entry in self._index.known(key) if entry.path != path]
            if kept:
                self._index.rows[key] = kept
            else:
                self._index.rows.pop(key, None)

    def remember(self, path: str, entries: list[Entry]) -> None:
        """Keep the first rows of the file ``path`` for the files checked after it."""
        self.pending.append((path, entries))
