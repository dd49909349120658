"""A new paper's row, written as its table writes rows: cells, place and layout (no I/O).

- **Cells**: the title linked in the list's own link form, read from the rows that link a paper
  of the same kind (an arXiv id or a DOI): the title cell's form (``[title](url)``,
  ``**[title](url)**``, a plain title), every column that holds only that link in most of them
  (``[[pdf]](url)``, ``[arXiv](url)``, a badge), and the URL's form
  (``https://arxiv.org/abs/{id}``, ``http://arxiv.org/pdf/{id}.pdf``); where the list shows
  none, ``[title](https://arxiv.org/abs/id)`` or ``[title](https://doi.org/doi)``. The date in
  the date column's style and precision, the authors in an authors column as its cells give them
  (all, or the first and "et al."), the paper's short name (``FlexGen`` of ``FlexGen: …``) in a
  name column, cells given by the user in their columns, every other cell empty.
- **Place**: where the table's order puts the date (after rows of the same date); in a table
  ordered by arXiv id, by its id; in a table in no order, at the end.
- **Layout**: the table laid out anew in its style when it is in the document's (an aligned
  table re-padded as prettier would, a compact or tight one given one more line); a table in
  another style keeps its lines and gets the new row in its own style, and a table in no style
  gets it in the document's, so that the new row needs no fix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from lint import arxiv, dates, layout, markup, papers
from lint.cell_text import escape_cell, link_text
from lint.columns import header_key
from lint.config import AUTO
from lint.conventions import NO_LAYOUT, Conventions, DateKey, TableConventions
from lint.dates import DateValue
from lint.document import Document, Row, Table, _pieces
from lint.lines import join, split_lines
from lint.longest_run import out_of_order
from lint.width import width

ARXIV_URL = "https://arxiv.org/abs/{id}"
DOI_URL = "https://doi.org/{id}"
TITLE_FORM = "[{title}]({url})"
AUTHOR_NAMES = ("作者", "author", "authors", "first author", "一作", "作者列表")
NAME_NAMES = ("name", "model", "method", "short name", "model name", "模型", "名称", "简称", "方法")
# a short name: the part of a title before its colon, when it is this short ("FlexGen")
SHORT_NAME_WORDS = 4
_SHORT_NAME = re.compile(r"^\s*([^:：]{1,40}?)\s*[:：]\s+\S")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(.+)\1", re.DOTALL)
_LINK_TEXT = re.compile(r"\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\(\{url\}\)")
_EMPTY_COMPACT = re.compile(r"\|  (?=\|)")
_ET_AL = re.compile(r"(?i)\bet\s*al\b|等")


class NewPaper(NamedTuple):
    """What a row says of a paper: its key (``arxiv:…`` or ``doi:…``), title, authors and
    date (None when not known)."""

    key: str
    title: str
    authors: tuple[str, ...] = ()
    date: DateValue | None = None

    @property
    def kind(self) -> str:
        """``arxiv`` or ``doi``."""
        return self.key.split(":", 1)[0]

    @property
    def value(self) -> str:
        """The id or DOI itself."""
        return self.key.split(":", 1)[1]


class AddError(ValueError):
    """A paper that cannot be written into the table (a date its style cannot show)."""


def short_name(title: str) -> str:
    """The short name a title starts with (``FlexGen`` of ``FlexGen: High-Throughput …``), or
    the empty string."""
    found = _SHORT_NAME.match(title)
    if found is None or len(found[1].split()) > SHORT_NAME_WORDS:
        return ""
    return found[1]


# ---------------------------------------------------------------- link forms


class Forms(NamedTuple):
    """How rows link a kind of paper: the URL's form and each column's cell form (``{title}``,
    ``{url}`` and ``{id}`` in them)."""

    url: str
    cells: dict[int, str]


def forms(conv: Conventions, target: TableConventions, kind: str) -> Forms:
    """The link forms for a paper of ``kind`` in ``target``: its own rows' forms, the title
    cell's form from the document's other tables when its own rows give none."""
    urls: Counter[str] = Counter()
    own = _column_forms(target, kind, urls)
    for other in conv.tables:
        if other is not target:
            _column_forms(other, kind, urls)
    cells = dict(own)
    title = target.roles.title
    if title is not None and title not in cells:
        # rows that link the paper from another column keep their titles plain
        linked_elsewhere = any("{url}" in form for form in own.values())
        cells[title] = "{title}" if linked_elsewhere else _borrowed_title_form(conv, target, kind)
    default = ARXIV_URL if kind == "arxiv" else DOI_URL
    return Forms(urls.most_common(1)[0][0] if urls else default, cells)


def _borrowed_title_form(conv: Conventions, target: TableConventions, kind: str) -> str:
    """The title form most other tables use for this kind (or for arXiv papers, when the form
    holds nothing but the title and the link), else ``[{title}]({url})``."""
    found: Counter[str] = Counter()
    for other in conv.tables:
        if other is target or other.roles.title is None:
            continue
        for wanted in dict.fromkeys((kind, "arxiv")):
            form = _column_forms(other, wanted, Counter()).get(other.roles.title)
            if form is not None and (wanted == kind or "{id}" not in form):
                found[form] += 1
    return found.most_common(1)[0][0] if found else TITLE_FORM


def _column_forms(found: TableConventions, kind: str, urls: Counter[str]) -> dict[int, str]:
    """The cell form of each column most rows linking one paper of ``kind`` share (the title
    column's most common), counting the URL forms into ``urls``."""
    roles = found.roles
    per_column: dict[int, Counter[str]] = {}
    rows = 0
    for row in found.table.rows:
        identity = papers.identity(row.cells, roles.title, roles.date)
        values = identity.arxiv if kind == "arxiv" else identity.dois
        if len(values) != 1:
            continue
        rows += 1
        for index, cell in enumerate(row.cells):
            if index == roles.date:
                continue
            form = _cell_form(cell, values[0], kind, index == roles.title, urls)
            if form is not None:
                per_column.setdefault(index, Counter())[form] += 1
    chosen = {}
    for index, counts in per_column.items():
        form, count = counts.most_common(1)[0]
        if index == roles.title or 2 * count >= rows:
            chosen[index] = form
    return chosen


def _cell_form(cell: str, value: str, kind: str, title: bool, urls: Counter[str]) -> str | None:
    """The form of a cell linking the paper ``value`` (None when it does not link it)."""
    for url, image in markup.read_cell(cell).links:
        if image or papers.link_key(url) != f"{kind}:{value}":
            continue
        id_pattern = re.compile(re.escape(value) + (r"(?:v\d+)?" if kind == "arxiv" else ""), re.I)
        url_form = id_pattern.sub("{id}", url)
        if "{id}" not in url_form:
            return None
        form: str | None = cell.replace(url, "{url}")
        if title and form is not None:
            form = _title_form(form)
        if form is None:
            return None
        urls[url_form] += 1
        return id_pattern.sub("{id}", form)
    return None


def _title_form(form: str) -> str | None:
    """The title cell's form: its link text (inside any emphasis) replaced by ``{title}``."""
    found = _LINK_TEXT.search(form)
    if found is None:
        return None
    text = found[1]
    wrapped = _EMPHASIS.fullmatch(text)
    marker = wrapped[1] if wrapped else ""
    return form[: found.start()] + f"[{marker}{{title}}{marker}]({{url}})" + form[found.end() :]


# ---------------------------------------------------------------- cells


def cells(
    conv: Conventions,
    target: TableConventions,
    link_forms: Forms,
    paper: NewPaper,
    given: Mapping[int, str],
) -> tuple[str, ...]:
    """The new row's cells (``given``: cells the user wrote, by column)."""
    table, roles = target.table, target.roles
    value = paper.value
    if paper.kind == "doi":
        value = re.sub(r"[()<> ]", lambda found: f"%{ord(found[0]):02X}", value)
    url = link_forms.url.replace("{id}", value)
    row = []
    for index, header in enumerate(table.header.cells):
        form = link_forms.cells.get(index)
        if index in given:
            row.append(given[index])
        elif index == roles.title:
            text = form or TITLE_FORM
            title = link_text(paper.title) if "{url}" in text else escape_cell(paper.title)
            row.append(text.replace("{url}", url).replace("{id}", value).replace("{title}", title))
        elif index == roles.date:
            row.append(date_cell(date_style(conv, target), paper.date))
        elif form is not None:
            row.append(form.replace("{url}", url).replace("{id}", value))
        else:
            row.append(_other_cell(target, index, header, paper))
    return tuple(row)


def date_style(conv: Conventions, target: TableConventions) -> str | None:
    """The style of the table's date column; for a table with no dates yet, the style most of
    the document's date columns use (``date-format`` when set), else the default."""
    if target.roles.date is None:
        return None
    if target.date_style is not None:
        return target.date_style.value
    if conv.config.date_format != AUTO:
        return conv.config.date_format
    found = Counter(other.date_style.value for other in conv.tables if other.date_style)
    return found.most_common(1)[0][0] if found else dates.DEFAULT_STYLE


def date_cell(pattern: str | None, value: DateValue | None) -> str:
    """``value`` in the date style ``pattern``, to its precision; AddError when the style needs
    a part the date does not give."""
    if value is None or pattern is None:
        return ""
    style = dates.parse_style(pattern)
    if not dates.has_day(style):
        value = value._replace(day=None)
    written = dates.write(value, style)
    if written is None:
        needed = "day" if dates.has_day(style) else "month"
        raise AddError(f"the date column writes a {needed} ({pattern}): give --date")
    return written


def _other_cell(target: TableConventions, index: int, header: str, paper: NewPaper) -> str:
    key = header_key(header)
    if key in AUTHOR_NAMES and paper.authors:
        return _authors(target.table, index, paper.authors)
    if key in NAME_NAMES:
        return escape_cell(short_name(paper.title))
    return ""


def _authors(table: Table, column: int, authors: tuple[str, ...]) -> str:
    """All the authors, or the first and "et al." when most of the column's cells are so."""
    texts = [row.cells[column] for row in table.rows if column < len(row.cells)]
    short = sum(bool(_ET_AL.search(text)) for text in texts)
    if len(authors) > 1 and texts and 2 * short > len(texts):
        return escape_cell(f"{authors[0]} et al.")
    return escape_cell(", ".join(authors))


# ---------------------------------------------------------------- place


def date_key(target: TableConventions, text: str) -> DateKey | None:
    """A date cell's place in the table's order, as the conventions compare dates (a style
    without a year takes its section's, a year alone counts in a year column)."""
    if target.date_style is None:
        return None
    style = dates.parse_style(target.date_style.value)
    month, day = dates.has_month(style), dates.has_day(style)
    hint = None if dates.has_year(style) else target.year_hint
    value = dates.read(text, style, hint)
    if value is None or not (value.month or not month or target.year_column):
        return None
    key = (value.year, value.month if month else 0, (value.day or 0) if day else 0)
    return key if key <= dates.limit() else None


def id_key(target: TableConventions, row_cells: Sequence[str]) -> DateKey | None:
    """A row's place in arXiv's order, from its one arXiv id."""
    found = arxiv.arxiv_ids(row_cells, target.roles.title, target.roles.date)
    return arxiv.arxiv_order(found[0]) if len(found) == 1 else None


def place(target: TableConventions, rows: Sequence[Sequence[str]], new: Sequence[str]) -> int:
    """The index among ``rows`` (the table's body, new rows included) before which ``new``
    goes: the table's date order, else its arXiv id order, else the end."""
    order = target.order.value
    if order in ("ascending", "descending") and target.roles.date is not None:
        date = target.roles.date
        keys = [date_key(target, cells[date]) if date < len(cells) else None for cells in rows]
        wanted = date_key(target, new[date])
        return _position(keys, wanted, order == "descending")
    keys = [id_key(target, cells) for cells in rows]
    wanted = id_key(target, new)
    known = [key for key in keys if key is not None]
    if len(known) >= 2 and wanted is not None:
        for descending in (False, True):
            if not out_of_order(keys, descending):
                return _position(keys, wanted, descending)
    return len(rows)


def _position(keys: Sequence[DateKey | None], wanted: DateKey | None, descending: bool) -> int:
    """Before the first row in the table's order that comes after ``wanted`` (rows out of
    place and rows without a key aside), else at the end."""
    if wanted is None:
        return len(keys)
    skipped = set(out_of_order(keys, descending))
    for index, key in enumerate(keys):
        if key is None or index in skipped:
            continue
        if (key < wanted) if descending else (key > wanted):
            return index
    return len(keys)


# ---------------------------------------------------------------- layout


def with_rows(table: Table, rows: Sequence[tuple[int, tuple[str, ...]]]) -> Table:
    """``table`` with the new ``rows`` (each ``(index, cells)``, inserted in turn), each with
    the container prefix of the line above it."""
    body = list(table.rows)
    prefixes = list(table.prefixes)
    for index, row_cells in rows:
        prefix = prefixes[index + 1]  # the line above: the delimiter or the row before
        content = "| " + " | ".join(row_cells) + " |"
        body.insert(index, Row(0, row_cells, table.section, content, len(prefix)))
        prefixes.insert(index + 2, prefix)
    return table._replace(rows=tuple(body), prefixes=tuple(prefixes))


def laid_out(conv: Conventions, target: TableConventions, new_table: Table) -> tuple[str, ...]:
    """The lines of ``new_table`` (``target``'s table with new rows): laid out anew in the
    document's style when the table is in it (or empty), else its lines kept and the new rows
    written in the style the table is in, or, in none, in the document's."""
    style = (target.layout or conv.layout).value  # its section's layout, or the document's
    if style == NO_LAYOUT:  # the list keeps none: the table's own lines, the row as it leans
        return _kept(target, new_table, layout.leaning(target.table))
    styles = _styles(target.table) if target.table.rows else frozenset((style,))
    by_hand = style == layout.ALIGNED and layout.BY_HAND in styles
    if style in styles and style != layout.ALIGNED:
        return layout.unpadded(new_table, style == layout.COMPACT)
    if style in styles:
        return layout.aligned(new_table)
    if by_hand:
        return _by_hand(new_table, target.table) or layout.aligned(new_table)
    return _kept(target, new_table, style)


def _styles(table: Table) -> frozenset[str]:
    """The layout styles ``table`` is written in, read from its own lines."""
    rows = (table.header, table.delimiter, *table.rows)
    lines = tuple(prefix + row.content for prefix, row in zip(table.prefixes, rows, strict=True))
    return layout.styles_of(table, lines)


def _kept(target: TableConventions, new_table: Table, style: str) -> tuple[str, ...]:
    """The table's own lines, and each new row in the style the table is in, or in ``style``
    (the document's) when it is in none: the new row then needs no fix."""
    old = target.table
    near = _styles(old) or {style}
    lines = []
    olds = iter(zip(old.prefixes[2:], old.rows, strict=True))
    for prefix, row in zip(new_table.prefixes[2:], new_table.rows, strict=True):
        if row.line:
            old_prefix, old_row = next(olds)
            lines.append(old_prefix + old_row.content)
        elif layout.TIGHT in near:
            lines.append(prefix + "|" + "|".join(row.cells) + "|")
        elif layout.ALIGNED in near or layout.BY_HAND in near:
            lines.append(prefix + (_padded(row.cells, old) or _compact(row.cells)))
        else:
            lines.append(prefix + _compact(row.cells))
    head = (old.prefixes[0] + old.header.content, old.prefixes[1] + old.delimiter.content)
    return head + tuple(lines)


def _compact(row_cells: Sequence[str]) -> str:
    """A row in the compact style: one space around each cell, one in an empty cell."""
    return _EMPTY_COMPACT.sub("| ", "| " + " | ".join(row_cells) + " |")


def _by_hand(new_table: Table, old: Table) -> tuple[str, ...] | None:
    """The table's lines with the new rows padded to its hand-set column widths, None when a
    new cell is wider than its column."""
    lines = []
    olds = iter(old.rows)
    for prefix, row in zip(new_table.prefixes[2:], new_table.rows, strict=True):
        if row.line:
            lines.append(prefix + next(olds).content)
            continue
        padded = _padded(row.cells, old)
        if padded is None:
            return None
        lines.append(prefix + padded)
    head = (old.prefixes[0] + old.header.content, old.prefixes[1] + old.delimiter.content)
    return head + tuple(lines)


def _padded(row_cells: Sequence[str], table: Table) -> str | None:
    """A row padded to the widths of the table's delimiter cells, in its columns' alignment;
    None when a cell does not fit."""
    pieces = _pieces(table.delimiter.content.rstrip(" \t"))[0]
    columns = [max(width(piece) - 2, 1) for piece in pieces]
    widths = [width(cell) for cell in row_cells]
    if len(columns) != len(widths) or any(w > c for w, c in zip(widths, columns, strict=True)):
        return None
    return layout._row_line(tuple(row_cells), widths, columns, table.aligns)


# ---------------------------------------------------------------- the file


def insert(
    doc: Document,
    text: str,
    conv: Conventions,
    target: TableConventions,
    new_papers: Sequence[NewPaper],
    given: Mapping[int, str],
) -> tuple[str, list[int]]:
    """``text`` (``doc``'s) with a row for each paper in ``target``'s table, and the line of
    each new row; AddError when the result, read back, is not the table with the new rows
    (every other line and row kept)."""
    table = target.table
    rows = [row.cells for row in table.rows]
    inserted: list[tuple[int, tuple[str, ...]]] = []
    for paper in new_papers:
        new = cells(conv, target, forms(conv, target, paper.kind), paper, given)
        index = place(target, rows, new)
        rows.insert(index, new)
        inserted = [(i + (i >= index), c) for i, c in inserted] + [(index, new)]
    new_table = with_rows(table, sorted(inserted))
    lines = split_lines(text)
    # each old line keeps its ending, a new one takes the file's first; no final newline stays so
    default = next((ending for _, ending in lines if ending), "\n")
    old = [ending or default for _, ending in lines[table.start_line - 1 : table.end_line]]
    old_rows = iter(old[2:])
    endings = old[:2] + [next(old_rows) if row.line else default for row in new_table.rows]
    new_lines = zip(laid_out(conv, target, new_table), endings, strict=True)
    result = [*lines[: table.start_line - 1], *new_lines, *lines[table.end_line :]]
    if lines and not lines[-1][1]:
        result[-1] = (result[-1][0], "")
    written = join(result)
    _verify(doc, written, table, rows)
    return written, [table.start_line + 2 + index for index, _ in sorted(inserted)]


def _verify(doc: Document, written: str, table: Table, rows: Sequence[tuple[str, ...]]) -> None:
    """AddError unless ``written`` holds the same tables, the same lines outside ``table``,
    and ``table`` with exactly ``rows``."""
    from lint.document import parse

    after = parse(written, doc.path)
    added = len(rows) - len(table.rows)
    index = doc.tables.index(table)
    new = after.tables[index] if len(after.tables) == len(doc.tables) else None
    if (
        new is None
        or new.start_line != table.start_line
        or new.header.cells != table.header.cells
        or [row.cells for row in new.rows] != list(rows)
        or after.lines[: table.start_line - 1] != doc.lines[: table.start_line - 1]
        or after.lines[table.end_line + added :] != doc.lines[table.end_line :]
    ):
        raise AddError(f"internal error: the new row would not read back as written ({doc.path})")
