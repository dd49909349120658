"""Column roles: which column of a table holds the paper's title and which its date.

Roles are found by header name, never by position: a header cell is normalised (NFKC, case
folded, Markdown markup, emoji and punctuation removed, so ``📅 **年份**`` reads ``年份``) and
matched against known names. A cell that is exactly a known name wins over one that only
contains it as a word (``Name`` beats ``Paper/Blog``); among equals, the name listed first
wins (``Title`` beats ``Paper``). ``title-column`` and ``date-column`` in the configuration
override the search with a header name or a 1-based index.

A *paper table* is one with both a title and a date column; the paper rules look at no other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from lint import markup
from lint.config import Config
from lint.document import Document, Table
from lint.header_names import (
    DATE_NAMES,
    EXPLICIT_TITLES,
    NAME_HEADERS,
    NOT_PAPER_WORDS,
    PAPER_WORDS,
    REPOSITORY_HEADERS,
    TITLE_NAMES,
    VENUE_HEADERS,
)
from lint.placeholders import is_placeholder

# markup a header key drops: an HTML tag (``<`` to the next ``>``), a link destination (``](`` to
# the next ``)``) and single markup characters; read by ``_strip_markup`` in one pass, since a
# regular expression retried at each of a run of ``<`` or ``](`` would rescan the rest each time
_MARKUP_CHARS = re.compile(r"[*_`~\[\]!#]")
_MARKUP_START = re.compile(r"[<\]*_`~\[!#]")
# a word is a run of letters, digits or CJK; everything else (emoji, punctuation) separates
_SEPARATORS = re.compile(r"[\W_]+")


class Roles(NamedTuple):
    """0-based indexes of a table's title and date columns, None where there is none."""

    title: int | None
    date: int | None

    @property
    def is_paper(self) -> bool:
        """True when the table has both a title and a date column."""
        return self.title is not None and self.date is not None


@lru_cache(maxsize=4096)
def header_key(cell: str) -> str:
    """A header cell compared loosely: NFKC, case folded, markup and symbols as single spaces."""
    text = _strip_markup(unicodedata.normalize("NFKC", cell).casefold())
    return _SEPARATORS.sub(" ", text).strip()


def _strip_markup(text: str) -> str:
    """``text`` with each tag, link destination and markup character replaced by a space, as
    ``re.sub(r"<[^>]*>|\\]\\([^)]*\\)|[*_`~\\[\\]!#]", " ", text)`` does, in linear time."""
    if "<" not in text and "](" not in text:
        return _MARKUP_CHARS.sub(" ", text)
    pieces: list[str] = []
    copied = 0
    next_gt = next_paren = -2  # the next ">" / ")" found so far; -1: none left
    for found in _MARKUP_START.finditer(text):
        position = found.start()
        if position < copied:
            continue  # inside a tag or destination already dropped
        char, end = found.group(), position + 1
        if char == "<":
            if -1 < next_gt <= position or next_gt == -2:
                next_gt = text.find(">", position)
            if next_gt == -1:
                continue  # no tag closes: the "<" stays
            end = next_gt + 1
        elif char == "]" and text.startswith("(", position + 1):
            if -1 < next_paren < position + 2 or next_paren == -2:
                next_paren = text.find(")", position + 2)
            if next_paren != -1:
                end = next_paren + 1
        pieces.append(text[copied:position])
        pieces.append(" ")
        copied = end
    pieces.append(text[copied:])
    return "".join(pieces)


# words before a title's name saying the column names what each row uses or cites, not the
# row (``Base Model``, ``Backbone LLM``, ``Judge Model``, ``Related Paper``, ``基座模型``,
# ``关联论文``)
_USED = frozenset("base backbone teacher judge underlying related".split())
_USED_CJK = ("基座", "基础", "底座", "关联", "相关")


def _rank(key: str, names: tuple[str, ...]) -> tuple[int, int] | None:
    """(0 exact / 1 word match, preference) of a header key, or None when no name matches."""
    if key in names:
        return (0, names.index(key))
    words = key.split()
    if names is TITLE_NAMES and (not _USED.isdisjoint(words) or key.startswith(_USED_CJK)):
        return None
    best: tuple[int, int] | None = None
    for index, name in enumerate(names):
        if name in words or (" " in name and f" {name} " in f" {key} "):
            best = (1, index)
            break
    if best is None:
        # CJK headers carry no spaces: a CJK name at the start of the key ("标题title"), or,
        # for a title, ending it as the noun a Chinese compound ends with ("文章标题"; a date
        # so named is another thing's: "更新日期", a dataset's last update)
        for index, name in enumerate(names):
            if name.isascii():
                continue
            if key.startswith(name) and key[len(name) :].isascii():
                return (2, index)
            if names is TITLE_NAMES and key.endswith(name) and not key[: -len(name)].isascii():
                return (3, index)
    return best


def _find(keys: tuple[str, ...], names: tuple[str, ...], taken: int | None) -> int | None:
    ranked = [
        (rank, column)
        for column, key in enumerate(keys)
        if column != taken and (rank := _rank(key, names)) is not None
    ]
    return min(ranked)[1] if ranked else None


def _configured(keys: tuple[str, ...], setting: str | int) -> int | None:
    if isinstance(setting, int):
        return setting - 1 if setting <= len(keys) else None
    wanted = header_key(setting)
    return keys.index(wanted) if wanted in keys else None


@lru_cache(maxsize=1024)
def roles_of(
    header: tuple[str, ...], title_column: str | int | None, date_column: str | int | None
) -> Roles:
    """The roles of a table with header cells ``header`` under the given settings (cached)."""
    keys = tuple(header_key(cell) for cell in header)
    # a setting applies where it names a column; elsewhere the columns are found by name, so a
    # setting meant for one table turns nothing off in the others
    date = _configured(keys, date_column) if date_column is not None else None
    if date is None:
        date = _find(keys, DATE_NAMES, None)
    title = _configured(keys, title_column) if title_column is not None else None
    if title is None:
        title = _find(keys, TITLE_NAMES, date)
    if title is not None and title == date:
        title = None
    return Roles(title, date)


def roles(table: Table, config: Config) -> Roles:
    """The title and date columns of ``table``: by header name, then by content.

    Among header names that name a title (``Name`` and ``Publication``, say), the column whose
    cells carry links in most rows wins: that is where the paper is. With no title name at all,
    or one whose cells mostly repeat (venues under ``Publication``), the column carrying
    distinct links in most rows is the title, if there is one.
    """
    by_name = roles_of(table.header.cells, config.title_column, config.date_column)
    if not table.rows or _names_a_column(table, config.title_column):
        return by_name
    keys = tuple(header_key(cell) for cell in table.header.cells)
    named = [
        column
        for column, key in enumerate(keys)
        if column != by_name.date and _rank(key, TITLE_NAMES) is not None
    ]
    if len(named) == 1:
        if _mostly_linked(table, named[0]) or _written_apart(table, named[0]):
            return by_name
        # plain text repeated down the only title-named column (venues under ``Publication``;
        # a column of links labelled ``[Paper]`` still holds each row's paper): the column
        # linking distinct names in most rows names each row instead
        others = (c for c in range(len(keys)) if c not in (by_name.date, named[0]))
        linked = [column for column in others if _links_in_most_rows(table, column)]
        return Roles(linked[0], by_name.date) if linked else by_name
    explicit = [column for column in named if keys[column] in EXPLICIT_TITLES]
    if len(explicit) == 1 and _distinct(table, explicit[0]):
        return Roles(explicit[0], by_name.date)
    candidates = named or [c for c in range(len(keys)) if c != by_name.date]
    linked = [column for column in candidates if _links_in_most_rows(table, column)]
    if by_name.title in linked:
        return by_name
    if linked:
        return Roles(linked[0], by_name.date)
    if by_name.title is not None and not _distinct(table, by_name.title):
        # one label repeated down the column ("[Paper]") is no title: another named one is
        distinct = [column for column in named if _distinct(table, column)]
        if distinct:
            return Roles(distinct[0], by_name.date)
        # plain text repeated down every title-named column (venues under ``Publication``,
        # ``[Link]`` under ``Paper Link``): the first column whose plain cells read apart in
        # every row (``Algorithm``) names each row
        if not any(links(cell(row.cells, by_name.title)) for row in table.rows):
            others = (c for c in range(len(keys)) if c != by_name.date and c not in named)
            apart = [column for column in others if _names_rows(table, column)]
            if apart:
                return Roles(apart[0], by_name.date)
    return by_name


def _names_a_column(table: Table, setting: str | int | None) -> bool:
    if setting is None:
        return False
    return _configured(tuple(header_key(cell) for cell in table.header.cells), setting) is not None


def links(text: str) -> bool:
    """True when a cell links, in Markdown or HTML (a quick look: no parse)."""
    return "](" in text or "href=" in text


def _links_in_most_rows(table: Table, column: int) -> bool:
    """True when more than half of the body rows link from their cell in ``column`` and the
    cells read differently (titles), not one label repeated (``[Paper]``, ``[PDF]``)."""
    texts = []
    for row in table.rows:
        text = cell(row.cells, column)
        # links folded into ``<details>`` are a row's resources, not its title; nor are links
        # shown as their addresses (``[github.com/openai/mle-bench](…)``)
        if links(text) and not text.lstrip().startswith("<details") and not _addresses(text):
            texts.append(header_key(text))
    return len(texts) * 2 > len(table.rows) and len(set(texts)) * 5 >= len(texts) * 4


# a link's text written as an address: a site's name and a path, or a whole URL
_ADDRESS = re.compile(r"\s*(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?\s*", re.ASCII)


def _addresses(text: str) -> bool:
    """True when every link of a cell shows its address as its text, not a name."""
    labels = markup.link_texts(text) if "](" in text else []
    return bool(labels) and all(_ADDRESS.fullmatch(label) for label in labels)


def _written_apart(table: Table, column: int) -> bool:
    """``_distinct``, read as written where no cell holds markup (a link, emphasis, a tag), as
    most columns of plain titles are: cells written alike read alike, and plain cells written
    apart are read apart but for case and width, which keep the column's role."""
    texts = [text for row in table.rows if (text := cell(row.cells, column).strip())]
    if len(set(texts)) * 5 < len(texts) * 4:
        return False
    if any(mark in text for text in texts for mark in _MARKUP):
        return _distinct(table, column)
    return True


_MARKUP = ("](", "<", "*", "_", "`", "[")


def _names_rows(table: Table, column: int) -> bool:  # every row fills it, each differently
    return all(cell(row.cells, column).strip() for row in table.rows) and _distinct(table, column)


def _mostly_linked(table: Table, column: int) -> bool:
    """True when more than half of the body rows link from their cell in ``column``, labelled
    alike or not (``_links_in_most_rows`` asks for distinct labels too)."""
    linked = sum(1 for row in table.rows if links(cell(row.cells, column)))
    return linked * 2 > len(table.rows)


def _distinct(table: Table, column: int) -> bool:
    """True when the non-empty cells of ``column`` mostly read differently (80%)."""
    texts = [header_key(cell(row.cells, column)) for row in table.rows]
    texts = [text for text in texts if text]
    return bool(texts) and len(set(texts)) * 5 >= len(texts) * 4


def name_column(table: Table, table_roles: Roles) -> int | None:
    """The column naming the entity each row lists, by its header (``Name``, ``Dataset``,
    ``Abbreviation``, ``模型``): the title column itself when its header is one, else the first
    other column (not the date) with one; None in a table of papers."""
    keys = [_unlinked(header_key(cell)) for cell in table.header.cells]
    title = table_roles.title
    if title is not None and title < len(keys) and keys[title] in NAME_HEADERS:
        return title
    for column, key in enumerate(keys):
        if column in (title, table_roles.date) or key not in NAME_HEADERS:
            continue
        if not _labels_only(table, column):
            return column  # a ``Project`` column of ``[Project](…) / [Code](…)`` names nothing
    if lists_repositories(table, table_roles):
        return 0  # a table of code repositories, each citing its paper in another column
    if title not in (None, 0) and table_roles.date != 0 and _labels_only(table, title):
        return 0  # the "title" only labels links (``[arXiv]``): the first column names each row
    return None


# a column whose cells are this share of link labels (``[arXiv]``, ``[Paper]``) names nothing
LABELS_SHARE = 0.8


def _labels_only(table: Table, column: int) -> bool:
    """True when most filled cells of ``column`` only label a link (``is_placeholder``)."""
    cells = [row.cells[column] for row in table.rows if column < len(row.cells)]
    filled = [text for text in cells if text]
    labels = sum(1 for text in filled if is_placeholder(text))
    return bool(filled) and labels >= LABELS_SHARE * len(filled)


# words a header adds to say its names are linked (``Name & Link``, ``Dataset (URL)``)
_LINK_WORDS = ("link", "links", "url", "urls")


def _unlinked(key: str) -> str:
    """A header key without a last word saying its cells are linked: ``name link`` -> ``name``."""
    head, _, last = key.rpartition(" ")
    return head if head and last in _LINK_WORDS else key


def lists_repositories(table: Table, table_roles: Roles) -> bool:
    """True for a table whose rows are code repositories, named by its first column
    (``Github Repo``), each citing its paper in another (its title column)."""
    first = header_key(table.header.cells[0]) if table.header.cells else ""
    return first in REPOSITORY_HEADERS and table_roles.title not in (None, 0)


def venue_column(table: Table, table_roles: Roles) -> int | None:
    """The column naming where each paper appeared (``Venue``, ``Publication``, ``会议``), by
    its header; None when there is none."""
    for column, cell in enumerate(table.header.cells):
        key = header_key(cell)
        if column not in (table_roles.title, table_roles.date) and key in VENUE_HEADERS:
            if key not in _SOURCE_HEADERS or _venues_written(table, column):
                return column
    return None


# headers naming where a row comes from, a venue or not (``Source``: ``CVPR 2023``, or ``Real``)
_SOURCE_HEADERS = frozenset(("source", "来源", "出处"))


def _venues_written(table: Table, column: int) -> bool:
    """True when a column's cells may name venues: a year or a number in one, or more than two
    texts (a column of ``Real`` and ``Synthetic`` sorts rows into kinds, no venues)."""
    texts = {header_key(cell(row.cells, column)) for row in table.rows}
    texts.discard("")
    return len(texts) > 2 or any(char.isdigit() for text in texts for char in text)


def date_part(header: str) -> tuple[int, int] | None:
    """Where a header naming several things apart (``Year / Stars``) names the date: its place
    among the things and how many they are; None for a header naming one thing, or no date,
    or two."""
    parts = header.split(" / ")
    if len(parts) < 2:
        return None
    dated = [place for place, part in enumerate(parts) if _rank(header_key(part), DATE_NAMES)]
    return (dated[0], len(parts)) if len(dated) == 1 else None


def date_of(text: str, part: tuple[int, int] | None) -> str:
    """The date a cell writes: under a header naming several things (``Year / Stars``, at
    ``part``: ``date_part``) and writing as many (``2024 / 73.7k★``), the one the header names
    the date."""
    if part is None or " / " not in text:
        return text
    pieces = text.split(" / ")
    return pieces[part[0]] if len(pieces) == part[1] else text


def with_date(text: str, part: tuple[int, int] | None, date: str) -> str:
    """``text`` with the date ``date_of`` reads in it rewritten ``date``."""
    if part is None or date_of(text, part) == text:
        return date
    pieces = text.split(" / ")
    pieces[part[0]] = date
    return " / ".join(pieces)


def names_no_paper(header: str) -> bool:
    """True when a column's header says its links are not the paper (``Code``, ``Demo``,
    ``Project Page``, ``Download``): its links never tell which paper a row is."""
    found = header_key(header).split()
    return any(word in NOT_PAPER_WORDS for word in found) and not any(
        word in PAPER_WORDS for word in found
    )


def settings_matched(doc: Document, config: Config) -> frozenset[str]:
    """The column settings (``title-column``, ``date-column``) that name a column of some table
    of ``doc``: a setting no table of a run matches is a mistake, not a choice."""
    settings = (("title-column", config.title_column), ("date-column", config.date_column))
    matched: set[str] = set()
    for table in doc.tables:
        keys = tuple(header_key(cell) for cell in table.header.cells)
        matched.update(
            key
            for key, value in settings
            if value is not None and _configured(keys, value) is not None
        )
    return frozenset(matched)


def cell(cells: tuple[str, ...], index: int) -> str:
    """The cell at ``index``, or the empty string when the row is too short to have it."""
    return cells[index] if index < len(cells) else ""
