"""Markdown text -> Document / Section / Table / Row, with tables as GitHub renders them.

The block structure comes from markdown-it-py with the inline rule off. Its stock table rule is
replaced by our own (``_table_rule``) that finds the tables cmark-gfm (GitHub) finds and records
only each table's line span instead of emitting a token per cell. Where the stock rule and
cmark-gfm disagree, we follow cmark-gfm:

- a header is the last line of a paragraph: a list item or heading line never is one, a header
  line needs no pipe (``a`` over ``:-``), a link reference definition above a delimiter row is
  one, and dashes alone under a line make a setext heading;
- a header that is a lazy or code-indented continuation of a paragraph still heads a table;
- once a delimiter row under a paragraph line did not fit it, that paragraph holds no table;
- a table ends at a line holding only an HTML tag (``<br>``, ``<img …/>``), at a lone pipe,
  and after GitHub's cap of 0x80000 padded cells.

Cells are split from each row's source line ourselves, the way GFM does. Deliberate differences
from GitHub (``tests/test_gfm_tables.py`` pins them): a row keeps all its cells as written,
the extra cells of a long row (GitHub drops them) and no padding for a short one (GitHub adds
empty cells), so column-count can report both; cells are raw Markdown, ``\\|`` kept.
Known gaps, in markdown-it-py's block rules rather than in tables: a lazy line that starts a
lone-tag HTML block or a list item (cmark-gfm opens the block, markdown-it-py keeps the line as
text), a code-indented lazy line after a nested quote, a link reference definition in a quote
followed by a lazy line; and ``\\v``/``\\f`` around a cell's text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_block.html_block import HTML_SEQUENCES
from markdown_it.rules_block.list import list_block
from markdown_it.rules_block.reference import reference
from markdown_it.rules_block.state_block import StateBlock

from lint import outline

# cmark-gfm's cap on the empty cells it pads short rows with; a table stops growing past it
_MAX_AUTOCOMPLETED_CELLS = 0x80000
_DELIMITER_CELL = re.compile(r"^:?-+:?$")
_DELIMITER_CHARS = frozenset("|-: \t")
_NEWLINES = re.compile(r"\r\n?")
# GFM trims only spaces and tabs around a cell; other white space (NBSP, U+3000) is content
_CELL_SPACE = " \t"
# a row needs a cell: a pipe followed only by this white space (cmark-gfm's) has none
_ROW_SPACE = " \t\v\f"
# a line holding only an open or closing tag (CommonMark's HTML block 7): it cannot interrupt a
# paragraph, so markdown-it lets it continue a table, but it ends a table on GitHub
_HTML_TAG_LINE = HTML_SEQUENCES[-1][0]


class Section(NamedTuple):
    """A heading: its text as written, level 1-6, 1-based line, and the titles from the top."""

    title: str
    level: int
    line: int
    path: tuple[str, ...]


class Row(NamedTuple):
    """One table line split into cells.

    ``cells`` hold each cell's raw Markdown source with outer whitespace stripped; ``section`` the
    path of headings the row sits under; ``content`` the line's text after its container prefix,
    which is ``offset`` characters long.
    """

    line: int
    cells: tuple[str, ...]
    section: tuple[str, ...]
    content: str
    offset: int

    @property
    def starts(self) -> tuple[int, ...]:
        """0-based character offset of each cell's text in the source line (for an empty cell,
        where its text would start). Computed on demand: most rows are never reported."""
        return split_cells(self.content, self.offset)[1]

    def in_columns(self, width: int) -> bool:
        """True when the cells stand under ``width`` columns (extras empty: GitHub drops them)."""
        cells = self.cells
        return len(cells) == width or (len(cells) > width and not any(cells[width:]))

    def column(self, index: int) -> int:
        """1-based column of cell ``index`` (the end of the line for a missing cell)."""
        starts = self.starts  # split once: each reading of the property splits the line
        if index < len(starts):
            return starts[index] + 1
        return (starts[-1] + len(self.cells[-1]) + 1) if starts else 1


class Table(NamedTuple):
    """A GFM table: 1-based line span (inclusive), header, delimiter, alignments and body rows.

    ``prefixes`` hold, for every line of the table, the source text before the table content
    (indentation, block-quote markers, list-item indentation), which a formatter must keep.
    ``aligns`` hold ``"left"``, ``"center"``, ``"right"`` or ``""`` per column.
    """

    start_line: int
    end_line: int
    header: Row
    delimiter: Row
    aligns: tuple[str, ...]
    rows: tuple[Row, ...]
    prefixes: tuple[str, ...]
    section: tuple[str, ...]

    @property
    def lines(self) -> range:
        """The table's 1-based line numbers."""
        return range(self.start_line, self.end_line + 1)


class Document(NamedTuple):
    """A parsed Markdown file: its lines (without line endings), sections and tables."""

    path: str
    lines: tuple[str, ...]
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]


def split_cells(content: str, offset: int = 0) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Split a table line's content (container prefix removed) into stripped cells and offsets.

    A pipe preceded by a backslash is escaped and stays in its cell; every other pipe splits,
    including one inside a code span, as GFM specifies. One leading and one trailing pipe
    enclose the row and make no cell. ``offset`` is added to every returned start.
    """
    parts, position = _pieces(content)
    position += offset
    cells: list[str] = []
    starts: list[int] = []
    for raw in parts:
        text = raw.strip(_CELL_SPACE)
        if text:
            starts.append(position + len(raw) - len(raw.lstrip(_CELL_SPACE)))
        else:
            starts.append(position + min(1, len(raw)))
        cells.append(text)
        position += len(raw) + 1
    return tuple(cells), tuple(starts)


def is_pipeless(row: Row) -> bool:
    """True for a body row written without any pipe: a line of text glued under a table, which
    GFM makes a row with the text in its first cell."""
    content = row.content
    if "|" not in content:
        return True
    return "\\|" in content and "|" not in content.replace("\\|", "")


def cells_of(content: str, shared: dict[str, str] | None = None) -> tuple[str, ...]:
    """The cells of a table line's content, as ``split_cells`` finds them, without offsets.

    With ``shared``, a cell equal to one seen before is that one's string: lists repeat their
    dates, venues and marks in every row, and one copy of each is enough."""
    parts = _pieces(content)[0]
    if shared is None:
        return tuple([part.strip(_CELL_SPACE) for part in parts])
    keep = shared.setdefault
    return tuple([keep(cell, cell) for cell in [part.strip(_CELL_SPACE) for part in parts]])


def _pieces(content: str) -> tuple[list[str], int]:
    """The unstripped cell texts of a row, and where the first one starts in ``content``."""
    if content[:1] == "|" and content[-1:] == "|" and "\\|" not in content:
        return content[1:-1].split("|"), 1  # the common row, enclosed by pipes
    stripped = content.strip(_CELL_SPACE)
    position = len(content) - len(content.lstrip(_CELL_SPACE))
    parts = stripped.split("|")
    if "\\|" in stripped:
        parts = _join_escaped(parts)
    if len(parts) > 1 and not parts[0]:
        parts.pop(0)
        position += 1
    if len(parts) > 1 and not parts[-1]:
        parts.pop()
    return parts, position


def _join_escaped(parts: list[str]) -> list[str]:
    """Rejoin pieces split at an escaped pipe (one right after a backslash).

    The pieces of one cell are gathered and joined once: appending to the cell's string piece by
    piece would copy it again for every escaped pipe (quadratic on a run of ``\\|``)."""
    joined: list[str] = []
    cell = [parts[0]]
    for part in parts[1:]:
        if cell[-1].endswith("\\"):
            cell.append(part)
        else:
            joined.append("|".join(cell))
            cell = [part]
    joined.append("|".join(cell))
    return joined


def _cell_count(content: str) -> int:
    """Number of cells GFM finds in a trimmed row (enclosing pipes make no cell)."""
    pipes = content.count("|") - content.count("\\|")
    count = pipes + 1
    if content.startswith("|"):
        count -= 1
    if count > 0 and content.endswith("|") and not content.endswith("\\|"):
        count -= 1
    return count


def _is_row(text: str) -> bool:
    """True when a line's content holds at least one cell: cmark-gfm's test for a table row
    (a blank line or a lone pipe holds none and ends the table)."""
    if text[:1] == "|":
        return bool(text[1:].strip(_ROW_SPACE))
    return bool(text.strip(_CELL_SPACE))


def _line_content(state: StateBlock, line: int) -> str:
    return str(state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]])


def delimiter_aligns(text: str) -> list[str] | None:
    """Alignments of a delimiter row's content, or None when it is not one."""
    if len(text) < 2 or text[0] not in "|-:" or not set(text) <= _DELIMITER_CHARS:
        return None
    if text[1] not in "|-: \t" or (text[0] == "-" and text[1] in " \t"):
        return None
    columns = text.split("|")
    aligns: list[str] = []
    for i, column in enumerate(columns):
        cell = column.strip(" \t")
        if not cell:
            if i in (0, len(columns) - 1):
                continue
            return None
        if not _DELIMITER_CELL.match(cell):
            return None
        left, right = cell.startswith(":"), cell.endswith(":")
        aligns.append("center" if left and right else "right" if right else "left" if left else "")
    return aligns


def _header_aligns(state: StateBlock, header: int) -> list[str] | None:
    """The alignments when ``header`` and the line after it open a table, else None.

    As cmark-gfm: the next line is a delimiter row inside the same containers, not indented as
    code, with as many cells as the header line has; the header needs no pipe (``a`` over
    ``:-`` is a one-column table).
    """
    delimiter = header + 1
    if state.sCount[delimiter] < state.blkIndent or state.is_code_block(delimiter):
        return None
    underline = _line_content(state, delimiter)
    aligns = delimiter_aligns(underline)
    # dashes alone underline a setext heading, which GFM tries before a table
    if aligns is None or not underline.rstrip(_CELL_SPACE).strip("-"):
        return None
    text = _header_content(state, header).rstrip(_CELL_SPACE)
    if not _is_row(text) or _cell_count(text) != len(aligns):
        return None
    return aligns


def _header_start(state: StateBlock, header: int) -> int:
    """Where a header line's content starts: cmark-gfm keeps the white space that starts a lazy
    line (one outside the paragraph's containers), so ``  | a |`` there has an empty first cell."""
    if state.sCount[header] < state.blkIndent:
        return int(state.bMarks[header])
    return int(state.bMarks[header] + state.tShift[header])


def _header_content(state: StateBlock, header: int) -> str:
    return str(state.src[_header_start(state, header) : state.eMarks[header]])


def _gave_up_before(state: StateBlock, header: int) -> bool:
    """True when the paragraph ``header`` continues already met a delimiter row that did not
    fit the line above it: cmark-gfm then never looks for a table in that paragraph again.

    Called only when a table would interrupt a paragraph, which ends the paragraph, so each
    paragraph is scanned at most once or twice (setext heading and paragraph rules).
    """
    for line in range(state.line + 1, header + 1):
        if state.sCount[line] < state.blkIndent or state.is_code_block(line):
            continue  # a lazy or indented line is text, never a delimiter row
        if delimiter_aligns(_line_content(state, line)) is not None:
            if _header_aligns(state, line - 1) is None:
                return True
    return False


def _table_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Where cmark-gfm opens a table, push one ``table`` token with its line span in ``map``.

    The rule runs after every block that can start on the header line (lists, headings, HTML
    blocks, quotes, fences, rules, indented code) and before setext headings and paragraphs,
    so a header is what GFM makes it: the last line of a paragraph. A header that is a lazy or
    indented continuation of a paragraph is never offered to the rule, so the table is found
    from its delimiter row, and its span starts a line above ``start``.
    """
    in_paragraph = state.parentType in ("paragraph", "reference")
    header = _hidden_header(state, start, silent, in_paragraph)
    if header is None:
        if start + 2 > end or state.is_code_block(start):
            return False
        if in_paragraph and _hides_header(state, start):
            return False  # the call on its delimiter row opens the table
        header = start
    aligns = _header_aligns(state, header)
    if aligns is None or (in_paragraph and _gave_up_before(state, header)):
        return False
    if silent:
        return True
    last = _body_end(state, header + 2, end, len(aligns))
    token = state.push("table", "table", 0)
    token.map = [header, last]
    token.meta = {
        "starts": [_header_start(state, header)]
        + [state.bMarks[i] + state.tShift[i] for i in range(header + 1, last)],
        "ends": [state.eMarks[i] for i in range(header, last)],
        "aligns": aligns,
    }
    state.line = last
    return True


def _hidden_header(state: StateBlock, line: int, silent: bool, in_paragraph: bool) -> int | None:
    """``line - 1`` when it is a paragraph line that markdown-it skips (indented as code or lazy)
    and ``line`` is a delimiter row that fits it; else None.

    As a terminator (``silent`` in a paragraph) the paragraph is the one being scanned; on a
    block start, the paragraph just closed must have run up to ``line``.
    """
    header = line - 1
    if silent and in_paragraph:
        if header <= state.line:
            return None
    elif silent or len(state.tokens) < 3:
        return None
    else:
        opened = state.tokens[-3]
        if opened.type != "paragraph_open" or not opened.map or opened.map != [opened.map[0], line]:
            return None
        if header <= opened.map[0]:
            return None
    if not _hides_header(state, header):
        return None
    if state.sCount[header] < state.blkIndent and _opens_html_or_list(state, header):
        return None  # cmark-gfm opens that block there: the line is not lazy text
    return header if _header_aligns(state, header) is not None else None


def _hides_header(state: StateBlock, line: int) -> bool:
    """True for a paragraph line that would not reach this rule as the start of a block: a lazy
    line, one indented as code, a lone HTML tag or a list item that cannot interrupt a paragraph
    (an empty one, or one not numbered 1). Other blocks would interrupt the paragraph instead."""
    if state.sCount[line] < state.blkIndent or state.is_code_block(line):
        return True
    return _opens_html_or_list(state, line)


def _opens_html_or_list(state: StateBlock, line: int) -> bool:
    """True when ``line`` opens an HTML block 7 (a lone tag) or a list item outside a paragraph."""
    if _HTML_TAG_LINE.match(_line_content(state, line)):
        return True
    old_parent = state.parentType
    state.parentType = "table"  # anything but a paragraph: ask whether a list item starts
    try:
        return bool(list_block(state, line, line + 1, True))
    finally:
        state.parentType = old_parent


def _body_end(state: StateBlock, line: int, end: int, columns: int) -> int:
    """The 0-based line after the table's last body row, as cmark-gfm ends a table.

    A row ends the table when it leaves the table's containers, holds no cell, is indented as
    code, starts any other block (a quote, heading, fence, rule, list item, or HTML block, a
    lone tag like ``<br>`` included), or once GFM's cap on cells it pads is passed.
    """
    old_parent = state.parentType
    state.parentType = "table"
    terminators = state.md.block.ruler.getRules("blockquote")
    autocompleted = 0
    while line < end and autocompleted <= _MAX_AUTOCOMPLETED_CELLS:
        if state.sCount[line] < state.blkIndent or state.is_code_block(line):
            break
        text = _line_content(state, line)
        if not _is_row(text):
            break
        # no other block starts with a pipe
        if text[0] != "|" and (
            _HTML_TAG_LINE.match(text) or any(rule(state, line, end, True) for rule in terminators)
        ):
            break
        autocompleted += max(0, columns - _cell_count(text.strip(_CELL_SPACE)))
        line += 1
    state.parentType = old_parent
    return line


# markdown-it-py's CommonMark preset stops at 20 nested blocks and drops what lies deeper, where
# GitHub renders any depth; it recurses about twice per level, so 200 keeps far below Python's
# recursion limit (about 490 levels) while parsing time stays linear in the text's size
MAX_NESTING = 200


def _reference_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's link reference definition, except on a table's header line: cmark-gfm
    reads definitions only once a paragraph ends, and a delimiter row below makes it a table."""
    if start + 1 < end and _header_aligns(state, start) is not None:
        return False
    return bool(reference(state, start, end, silent))


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The block parser: CommonMark blocks, our lean GFM table rule, no inline parsing, and no
    normalising: ``parse`` hands it text ``normalize`` made, so markdown-it's own pass (a
    regular expression replacing every line break, and a copy of the whole text) is skipped."""
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    md.disable(["inline", "normalize"])
    md.block.ruler.at("reference", _reference_rule)
    md.block.ruler.before("lheading", "table", _table_rule, {"alt": ["paragraph", "reference"]})
    return md


def normalize(text: str) -> str:
    """Text as the parser sees it: CR and CRLF as LF, NUL as U+FFFD (markdown-it's normalize)."""
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return text.replace("\0", "\ufffd") if "\0" in text else text


def parse(text: str, path: str = "<text>") -> Document:
    """Parse Markdown text (BOM already removed; any line endings) into a Document."""
    source = normalize(text)
    lines = source.split("\n")
    if lines and lines[-1] == "" and source.endswith("\n"):
        lines.pop()
    sections: list[Section] = []
    tables: list[Table] = []
    path_stack: list[Section] = []
    summaries: list[Section] = []
    shared: dict[str, str] = {}
    tokens = parser().parse(source)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            title, level = tokens[index + 1].content.strip(), int(token.tag[1])
            sections.append(outline.enter(path_stack, title, level, token.map[0] + 1, Section))
        elif token.type == "html_block" and token.map and "<" in token.content:
            outline.read(token.content, token.map[0] + 1, path_stack, summaries, Section)
        elif token.type == "table" and token.map:
            current = path_stack[-1].path if path_stack else ()
            tables.append(_build_table(source, lines, token, current, shared))
    return Document(path, tuple(lines), tuple(sections), tuple(tables))


def _build_table(
    source: str, lines: list[str], token: Any, section: tuple[str, ...], shared: dict[str, str]
) -> Table:
    first, last = token.map
    starts, ends = token.meta["starts"], token.meta["ends"]
    spans = zip(starts, ends, lines[first:last], strict=True)
    if all(end - start == len(line) and line[:1] not in " \t" for start, end, line in spans):
        # no container prefix on any line (most tables): each line is its row's content
        rows = [
            Row(number, cells_of(content, shared), section, content, 0)
            for number, content in enumerate(lines[first:last], start=first + 1)
        ]
        prefixes = [""] * len(rows)
    else:
        rows, prefixes = [], []
        for i, line in enumerate(range(first, last)):
            line_start = ends[i] - len(lines[line])  # containers move a begin mark, not the end
            prefixes.append(source[line_start : starts[i]])
            # a line without container prefix is its own content: share it rather than copy it
            content = lines[line] if starts[i] == line_start else source[starts[i] : ends[i]]
            cells = cells_of(content, shared)
            piped = content.lstrip(_CELL_SPACE)
            if piped[:1] == "|" and piped != content:
                # a lazy header's leading white space is a cell of its own
                cells = ("", *(cells if _is_row(piped) else ()))
            rows.append(Row(line + 1, cells, section, content, starts[i] - line_start))
    return Table(
        start_line=first + 1,
        end_line=last,
        header=rows[0],
        delimiter=rows[1],
        aligns=tuple(token.meta["aligns"]),
        rows=tuple(rows[2:]),
        prefixes=tuple(prefixes),
        section=section,
    )
