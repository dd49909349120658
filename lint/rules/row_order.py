"""A paper table's rows are not in the table's date order.

Why: readers scan a section for what is new; one row out of place hides it, and a table in order
makes a misplaced date stand out. Option ``order``: ``auto`` (default), ``ascending``,
``descending`` or ``off``, also per section (``[tool.llm4or-lint.sections."<heading>"]``). In
auto each table runs in the direction that leaves fewer rows out of place; a table with more than
a third of its rows out of place either way is ordered by something else (by hand, by id, by
size) and is not checked. The misplaced rows are those outside the longest run of rows in order;
each is reported at its own line, saying where it belongs. Dates are compared as the column's date
style writes them (the day only if it shows days); rows with the same date are in order. A year
column (``2023``, ``**2024**``, ``2024年`` under ``Year``) compares by year. In auto, a table whose
dated rows form at most three runs in order of five rows or more, with more than three rows out of
place, is grouped (published papers newest first, then preprints newest first) and not checked.
Rows side by side whose titles start with one name (AutoAD, AutoAD II, AutoAD III; SimVODIS++
above Simvodis: a follow-up beside its original) are a series the list keeps together: they are
not reported, and a move keeps them together; a series whose every row is out of place (PaLM,
PaLM 2 appended after later rows) is reported, and moves as one.
A row whose place is inside a series kept together is reported without a fix: it has
nowhere to go. A row whose neighbours share a year that would put it exactly in place (``November
2023`` between ``October 2024`` and ``December 2024``) more likely has a mistyped year than a wrong
place: it is reported with both remedies, and never moved.

Fails::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.03 | 摘要 |
    | Paper C | 2023.07 | 摘要 |
    | Paper B | 2023.05 | 摘要 |
    | Paper D | 2023.09 | 摘要 |

Passes::

    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | Paper A | 2023.03 | 摘要 |
    | Paper B | 2023.05 | 摘要 |
    | Paper C | 2023.07 | 摘要 |
    | Paper D | 2023.09 | 摘要 |

Fix: moves the misplaced rows to their places (a stable sort: the rows in order keep their
order, each line keeps its container prefix) and changes nothing else. Safe only when few rows
move: at most max(3, 10%) of the table's rows; more, or a table running the other way from a set
``order``, get an unsafe fix, and a table is never reversed by a safe fix. Also unsafe when
another column numbers the rows 1, 2, 3 … (a rank or an index, ``#``, ``排名``), since sorting
would scramble the numbering. A table holding a date that cannot be read (see ``date-format`` and
``empty-cell``) is reported but never reordered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lint import conventions, date_order, dates
from lint.arxiv_dating import arxiv_rows, before_its_id
from lint.columns import cell, name_column
from lint.context import Context
from lint.document import Document, Row, Table
from lint.groups import runs
from lint.headings import first_shown_word
from lint.markup import read_cell
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem

_TYPOS = 3  # rows out of place that read as slips, not a grouping
_GROUPS = 3  # at most this many runs in order make a grouped table
_GROUP_ROWS = 5  # each of at least this many rows
_NAME = re.compile(r"[^\W_][\w\-+.]*")
# a version set off after a name: ``GEO-Bench-2`` follows ``GEO-Bench`` in a series, as ``AutoAD
# II`` does (``StyleGAN2``, ``P1`` are names of their own)
_VERSION = re.compile(r"(?i)(?:[-_]v?\d+(?:\.\d+)*|\+\+?)$")

CODE = "P003"
NAME = "row-order"
DEFAULT = True
FIX = "safe/unsafe"


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report every row outside the longest run of rows in its table's order."""
    for found in context.conventions.paper_tables():
        # read with the dates their own arXiv ids contradict at the ids' months (arxiv-date
        # reports those dates): such a row is in place, and its neighbours are no slips
        if found.order.value not in ("ascending", "descending"):
            continue
        found = found._replace(keys=date_order.ordering_keys(found, context.memo))
        descending = found.order.value == "descending"
        misplaced = date_order.out_of_order(found.keys, descending)
        if not misplaced:
            continue
        labels = found.groups | found.pinned  # a pinned row stands alone, as a label does
        cut = found.preprints
        if labels or cut:  # a table grouped by label rows is in order when each group is
            misplaced = _within_groups(found.keys, labels, descending, cut)
            if not misplaced:
                continue
        if found.order.source != conventions.SET and _grouped(found.keys, descending, misplaced):
            continue
        # a series is named in the name column where there is one (``GEO-Bench``), not in a
        # title column of links labelled ``[arXiv]``
        named = name_column(found.table, found.roles)
        blocks = _series(found.table, found.roles.title if named is None else named)
        out = set(misplaced)
        # a series with a row in place is kept there; one wholly out of place moves as a block
        kept = [block for block in blocks if len(block) > 1 and not out.issuperset(block)]
        in_series = {index for block in kept for index in block}
        misplaced = [index for index in misplaced if index not in in_series]
        if misplaced:
            # a row its own arXiv id dates otherwise (arxiv-date's report): its date or its link
            # is wrong, and which one only a person knows: no sort moves it
            disputed = frozenset(
                index
                for index, dated in arxiv_rows(found, context.memo)
                if index in out and before_its_id(dated)
            )
            yield from _problems(doc, found, misplaced, blocks, labels, cut, disputed)


def _within_groups(
    keys: Sequence[conventions.DateKey | None],
    labels: frozenset[int],
    descending: bool,
    cut: int | None = None,
) -> list[int]:
    """The rows out of order within their groups (the rows between two label rows, or on either
    side of where the preprints start)."""
    found: list[int] = []
    for group in runs(len(keys), labels, cut):
        if group[0] not in labels:
            out = date_order.out_of_order([keys[index] for index in group], descending)
            found.extend(group[position] for position in out)
    return found


def _grouped(keys: Sequence[conventions.DateKey | None], descending: bool, out: list[int]) -> bool:
    """True when the rows form a few long runs, each in order (published papers newest first,
    then preprints newest first): a grouping, not rows out of place (issue 17, item 6).

    Several rows out of place (more than a typo or two) with the dated rows splitting into at
    most ``_GROUPS`` runs in order of at least ``_GROUP_ROWS`` rows each."""
    if len(out) <= _TYPOS:
        return False
    readable = [key for key in keys if key is not None]
    runs = [1]
    for before, after in zip(readable, readable[1:], strict=False):
        if (after <= before) if descending else (after >= before):
            runs[-1] += 1
        else:
            runs.append(1)
    return len(runs) <= _GROUPS and min(runs) >= _GROUP_ROWS


def _series(table: Table, title: int | None) -> list[list[int]]:
    """The rows as blocks: rows side by side whose titles start with one name (AutoAD, AutoAD
    II, AutoAD III; GEO-Bench, GEO-Bench-2) form one block, a series the list keeps together;
    other rows stand alone."""
    blocks: list[list[int]] = []
    last = ""
    for index, row in enumerate(table.rows):
        word = _first_word(cell(row.cells, title)) if title is not None else ""
        if blocks and _one_series(word, last):
            blocks[-1].append(index)
        else:
            blocks.append([index])
        last = word
    return blocks


def _first_word(text: str) -> str:
    word = first_shown_word(text).rstrip(":,;.-–")
    return word if len(word) >= 3 and _NAME.fullmatch(word) else ""


def _one_series(word: str, other: str) -> bool:
    """True when two titles' first words name one series: one name, but for a version after it
    (``AutoAD II``, ``GEO-Bench-2``, ``SimVODIS++``), written in either case (a citation manager
    writes ``Simvodis``); one of them a name (``_leading_name``), not two plain words."""
    if not word or not other or not (_leading_name(word) or _leading_name(other)):
        return False
    return _VERSION.sub("", word).casefold() == _VERSION.sub("", other).casefold()


def _leading_name(word: str) -> str:
    """The word when it is a name ("AutoAD" of "AutoAD II: The Sequel"): letters with a capital
    inside or a digit, not a plain word ("Video", "Large")."""
    if any(map(str.isupper, word[1:])) or any(map(str.isdigit, word)):
        return word
    return ""


def _sorted_order(
    keys: Sequence[conventions.DateKey | None],
    blocks: list[list[int]],
    descending: bool,
    labels: frozenset[int] = frozenset(),
    cut: int | None = None,
) -> list[int]:
    """The rows' indexes sorted by date within each group of rows, label rows kept in place
    (a row never moves to another group)."""
    if not labels and not cut:
        return _sorted_blocks(keys, blocks, descending)
    order: list[int] = []
    for group in runs(len(keys), labels, cut):
        if group[0] in labels:
            order.extend(group)  # a label row stays where it is
            continue
        inside = set(group)
        within = [[i for i in block if i in inside] for block in blocks]
        order.extend(_sorted_blocks(keys, [block for block in within if block], descending))
    return order


def _sorted_blocks(
    keys: Sequence[conventions.DateKey | None], blocks: list[list[int]], descending: bool
) -> list[int]:
    """The rows' indexes sorted by date, stably, a series moving as one block (by the date of
    its first row in place, else its first date): a move never splits rows the list keeps
    together, nor moves a series kept where one of its rows stands in order."""
    in_place = set(range(len(keys))).difference(date_order.out_of_order(keys, descending))

    def key(block: list[int]) -> conventions.DateKey:
        dated = [index for index in block if keys[index] is not None]
        placed = [index for index in dated if index in in_place] if len(block) > 1 else []
        chosen = placed or dated
        return (keys[chosen[0]] if chosen else None) or (0, 0, 0)

    ordered = sorted(blocks, key=key, reverse=descending)
    return [index for block in ordered for index in block]


def _problems(
    doc: Document,
    found: conventions.TableConventions,
    misplaced: list[int],
    blocks: list[list[int]],
    labels: frozenset[int],
    cut: int | None,
    disputed: frozenset[int] = frozenset(),
) -> Iterator[Problem]:
    table, keys, column = found.table, found.keys, found.roles.date
    assert column is not None
    descending = found.order.value == "descending"
    typos = {
        index: retyped
        for index in misplaced
        if (retyped := _mistyped_year(keys, index, descending)) is not None
    }
    moved = [index for index in misplaced if index not in typos]
    # a row with a mistyped year stays where it is: sorted as dated in its neighbours' year
    sorting = [typos.get(index, key) for index, key in enumerate(keys)]
    order = _sorted_order(sorting, blocks, descending, labels, cut)
    unreadable = next(
        (
            r
            for i, (r, k) in enumerate(zip(table.rows, keys, strict=True))
            if k is None and i not in labels
        ),
        None,
    )
    # a series kept together can leave a row no place to go: sorting then moves nothing, and a
    # fix that changes nothing would be offered again on every pass (issue 18: never settled)
    stuck = order == sorted(order)
    # a row whose date its group's rows do not span but another group's do belongs there: a
    # sort within its group would only move it to its group's edge
    strays = _strays(keys, found.groups, moved)
    # the first row to move whose date its own arXiv id contradicts (``disputed``)
    doubted = next((table.rows[index] for index in moved if index in disputed), None)
    if unreadable or doubted or stuck or strays or not moved:
        fix = None
    else:
        fix = _sorted_fix(doc, table, order)
    unsafe_because = _why_unsafe(found, column, len(moved))
    if fix is not None and unsafe_because:
        fix = fix._replace(safety=UNSAFE)
    place = {index: position for position, index in enumerate(order)}
    direction = found.order.value
    if typos:
        as_dated = _sorted_order(keys, blocks, descending, labels, cut)
        dated_place = {index: position for position, index in enumerate(as_dated)}
    for index in misplaced:
        row = table.rows[index]
        text = cell(row.cells, column)
        if index in typos:
            where = _belongs(table, as_dated, dated_place[index])
            message = (
                f'row dated "{text}" is out of {direction} date order, between rows dated'
                f" {typos[index][0]}: if its year is mistyped, correct it; else {where}"
            )
            yield Problem(row.line, row.column(column), CODE, NAME, message)
            continue
        where = _belongs(table, order, place[index])
        if index in strays:
            label = table.rows[strays[index]]
            shown = read_cell(label.cells[0], keep_tags=True).text.strip()
            where = (
                f'its date is that of the rows under "{shown}" (line {label.line}), not of its'
                " own group's: move it there"
            )
        message = f'row dated "{text}" is out of {direction} date order: {where}'
        if stuck and not unreadable:
            message = f'row dated "{text}" is out of {direction} date order (not moved: '
            message += _series_around(table, blocks, index) + ")"
        if unreadable:
            message += f" (not moved: {_unplaced(table, unreadable, column)})"
        elif doubted is not None:
            message += (
                f" (not moved: the date at line {doubted.line} is before its own arXiv id's"
                " month: correct the date or the link first)"
            )
        elif unsafe_because:
            message += f" (unsafe: {unsafe_because})"
        yield Problem(row.line, row.column(column), CODE, NAME, message, fix)


def _mistyped_year(
    keys: Sequence[conventions.DateKey | None], index: int, descending: bool
) -> conventions.DateKey | None:
    """The date of the row at ``index`` were its year mistyped: in the year its nearest dated
    neighbours on both sides share, when its month (and day) in that year falls between
    theirs. None when they differ in year, one side has none, or it has no month."""
    key = keys[index]
    if key is None or not key[1]:
        return None
    before, after = date_order.neighbours(keys, index)
    if before is None or after is None or before[0] != after[0] or before[0] == key[0]:
        return None
    fixed = (before[0], key[1], key[2])
    return fixed if date_order.in_place(keys, index, fixed, descending) else None


def _series_around(table: Table, blocks: list[list[int]], index: int) -> str:
    """Why row ``index`` has no place to move to: the series nearest before it (or after it)
    holds that place, and a series is kept together."""
    series = [block for block in blocks if len(block) > 1]
    if not series:
        return "sorting moves no row"
    before = [block for block in series if block[-1] < index]
    block = before[-1] if before else min(series, key=lambda block: abs(block[0] - index))
    first, last = table.rows[block[0]].line, table.rows[block[-1]].line
    return f"its place is inside the series at lines {first}-{last}, which stays together"


def _unplaced(table: Table, row: Row, column: int) -> str:
    """Why a row has no place in the order, as its cells show it (issue 17: the message said
    "cannot be read" of dates that read fine)."""
    text = cell(row.cells, column)
    if len(row.cells) != len(table.header.cells):
        return f"line {row.line} has {len(row.cells)} cells, not {len(table.header.cells)}"
    if not text.strip():
        return f"the date at line {row.line} is empty"
    if dates.venue_year(text) or dates.read_year(dates.inner(text)):
        return f'the date at line {row.line}, "{text}", gives only a year'
    return f'the date at line {row.line}, "{text}", cannot be read'


def _strays(
    keys: Sequence[conventions.DateKey | None], labels: frozenset[int], moved: list[int]
) -> dict[int, int]:
    """The moved rows of a table grouped by label rows whose date lies outside the dates of
    the other rows of their group and inside those of another group (``**2022**`` rows above a
    2022 row among 2023's), each with that group's label row."""
    if not labels:
        return {}
    spans: list[tuple[int, int, int]] = []  # each group's label row, first and last row
    label = None
    for group in runs(len(keys), labels):
        if group[0] in labels:
            label = group[0]
        elif label is not None:
            spans.append((label, group[0], group[-1]))
    found: dict[int, int] = {}
    for index in moved:
        key = keys[index]
        own = next(((first, last) for _, first, last in spans if first <= index <= last), None)
        if key is None or own is None:
            continue
        if _spans(keys, own, key, exclude=index):
            continue
        other = [
            label for label, first, last in spans
            if (first, last) != own and _spans(keys, (first, last), key)
        ]  # fmt: skip
        if other:
            found[index] = other[0]
    return found


def _spans(
    keys: Sequence[conventions.DateKey | None],
    rows: tuple[int, int],
    key: conventions.DateKey,
    exclude: int = -1,
) -> bool:
    """True when ``key`` lies within the dates of the rows from ``rows[0]`` to ``rows[1]``."""
    dated = [k for i in range(rows[0], rows[1] + 1) if i != exclude and (k := keys[i]) is not None]
    return bool(dated) and min(dated) <= key <= max(dated)


def _belongs(table: Table, order: list[int], position: int) -> str:
    """Where the row at ``position`` of the sorted order goes, by its neighbours' lines."""
    if position:
        before = table.rows[order[position - 1]]
        return f"move it after line {before.line}"
    return f"move it before line {table.rows[order[1]].line}"


def _why_unsafe(found: conventions.TableConventions, column: int, moved: int) -> str:
    """Why moving the misplaced rows is not a safe fix, or the empty string."""
    rows = len(found.table.rows)
    descending = found.order.value == "descending"
    other = "ascending" if descending else "descending"
    if _runs_the_other_way(found.keys, descending):
        return f'the table runs {other}: if on purpose, set order = "{other}" or "auto"'
    if moved > max(3, rows // 10):
        return f"{moved} of {rows} rows would move"
    numbered = _numbering_column(found.table, column)
    if numbered is not None:
        header = cell(found.table.header.cells, numbered) or f"column {numbered + 1}"
        return f'the rows are numbered in "{header}"'
    return ""


def _numbering_column(table: Table, date_column: int) -> int | None:
    """The first column other than the date whose cells count 1, 2, 3 … (or down) row by row."""
    width = min(len(row.cells) for row in table.rows)
    for column in range(width):
        if column == date_column:
            continue
        values = [cell(row.cells, column).strip("*_.#[]() ") for row in table.rows]
        if not all(value.isdigit() for value in values):
            continue
        numbers = [int(value) for value in values]
        steps = {b - a for a, b in zip(numbers, numbers[1:], strict=False)}
        if steps in ({1}, {-1}):
            return column
    return None


def _runs_the_other_way(keys: Sequence[conventions.DateKey | None], descending: bool) -> bool:
    """True when each adjacent pair of readable dates is equal or runs against the order.

    At least two distinct dates are needed: a table of one date has no direction.
    """
    readable = [key for key in keys if key is not None]
    if len(set(readable)) < 2:
        return False
    pairs = zip(readable, readable[1:], strict=False)
    if descending:
        return all(after >= before for before, after in pairs)
    return all(after <= before for before, after in pairs)


def _sorted_fix(doc: Document, table: Table, order: list[int]) -> Fix:
    """The rows in ``order``: one edit over the body, shared by every misplaced row's problem."""
    rows = table.rows
    prefixes = [table.prefixes[row.line - table.start_line] for row in rows]
    contents = [
        doc.lines[row.line - 1][len(prefix) :] for row, prefix in zip(rows, prefixes, strict=True)
    ]
    new_lines = tuple(
        prefix + contents[index] for prefix, index in zip(prefixes, order, strict=True)
    )
    return Fix((Edit(rows[0].line, rows[-1].line, new_lines),), SAFE)
