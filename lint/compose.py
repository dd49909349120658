"""A table's wanted fixes composed into one edit: the table as the passes of a fix would leave it.

Why: the rules offer a table's fixes against the text as it is (a cell rewritten, a row removed,
the rows moved, the table laid out), and a move or a layout replaces many lines, so it overlaps
the others. Applied one pass at a time, as the applier once did, a table took up to three passes
(its rows, then their order, then its layout), each parsing and checking the whole document.

Here each table with a wanted fix is taken where those passes would take it: its row fixes
first (one line each: a cell rewritten, a row removed or padded), then row-order asked again of
the table as they leave it, and its move applied, then table-format asked of the table as the
move leaves it. A changed table is read again as the conventions step reads a table
(``inference.dated_table`` and its kept layout), with the document's choices the check read
(the table's date style and roles, the document's layout); the two rules run on a document made
of the changed tables alone, each under the line above it, which table-format reads. One edit
then replaces each table. ``lint/fix.py`` checks the whole result once more; when that check
still wants a fix (one that appears only once the document has changed, which a table alone
cannot foresee, nor where the passes would have taken it), it fixes the text pass by pass.

Where the passes cannot be told apart from the table alone, a table is left as one pass takes
it (its fixes that overlap nothing): fixes of another shape, two row fixes on one line, a row
written with white space before its first pipe; and the whole document, when suppression
comments or section settings decide by line what a rule reports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from types import ModuleType
from typing import NamedTuple

from lint import inference, kept_layout
from lint.context import Context
from lint.conventions import Conventions, TableConventions
from lint.document import Document, Row, Table, cells_of
from lint.lines import text_size
from lint.problem import SAFE, UNSAFE, Edit, Fix, Problem, wanted
from lint.rules import row_order, table_format

# the rules whose fix replaces a span of a table rather than one row's line
_WHOLE = (row_order.CODE, table_format.CODE)


class Composed(NamedTuple):
    """The fixes of one pass, to be applied together, and how many problems they fix."""

    fixes: list[Fix]
    fixed: int


class _Plan(NamedTuple):
    """One table to compose: its place among the document's tables and its row fixes."""

    place: int
    row_fixes: tuple[Fix, ...]
    row_problems: int


def compose(
    doc: Document,
    problems: list[Problem],
    taken: list[Fix],
    given: Context,
    rules: Sequence[ModuleType],
    unsafe: bool,
) -> Composed:
    """The fixes of one pass over ``doc``: every table with wanted fixes among ``problems``
    replaced by its composed form where it can be, the fixes one pass ``taken`` elsewhere.

    ``given`` is the context the check that found ``problems`` read (its conventions);
    ``rules`` the selected rules: row-order and table-format are asked again only when
    selected, and table-format only when it offered a fix for every table it reported (a
    layout withheld for the document's sake is withheld in the next pass too, which this
    composition could not tell from the tables it holds)."""
    fixable = [problem for problem in problems if wanted(problem, unsafe)]
    if any(p.code == table_format.CODE and p.fix is None for p in problems):
        rules = [rule for rule in rules if rule is not table_format]
    places = _places(doc, fixable)
    plans = _plans(doc, fixable, places, set(taken))
    if given.directives or given.config.sections or not plans:
        return Composed(taken, _counted(fixable, set(taken)))
    composed = {plan.place for plan in plans}
    elsewhere = [problem for problem in fixable if places[problem.fix] not in composed]
    own = {problem.fix for problem in elsewhere}
    plain = [fix for fix in taken if fix in own]
    fixed = _counted(elsewhere, set(plain)) + sum(plan.row_problems for plan in plans)
    stage, count = _composed(doc, plans, plain, given, rules, unsafe)
    fixes = [
        _table_fix(doc.tables[plan.place], plan, stage.lines[table.start_line - 1 : table.end_line])
        for plan, table in zip(plans, stage.tables, strict=True)
    ]
    return Composed(plain + fixes, fixed + count)


def _composed(
    doc: Document,
    plans: list[_Plan],
    plain: list[Fix],
    given: Context,
    rules: Sequence[ModuleType],
    unsafe: bool,
) -> tuple[Document, int]:
    """The planned tables composed (their row fixes, moves and layouts) as a document of their
    own (``_stage``), and how many problems the moves and layouts fix."""
    stage = _stage(doc, plans)
    founds = [_reread(given, plan, table) for plan, table in zip(plans, stage.tables, strict=True)]
    fixed = 0
    if row_order in rules:
        conventions = given.conventions._replace(tables=tuple(founds))
        edits, count = _asked(row_order, stage, conventions, given, unsafe)
        stage, fixed = _restaged(stage, edits, build=True), fixed + count
    if table_format in rules:
        conventions = _laid_out(doc, plans, plain, founds, stage, given)
        edits, count = _asked(table_format, stage, conventions, given, unsafe)
        stage, fixed = _restaged(stage, edits, build=False), fixed + count
    return stage, fixed


def _laid_out(
    doc: Document,
    plans: list[_Plan],
    plain: list[Fix],
    founds: list[TableConventions],
    stage: Document,
    given: Context,
) -> Conventions:
    """The conventions table-format reads of the planned tables as ``stage`` holds them: each
    table's kept layout, the document's layout and size read again, as the next pass would."""
    tables = list(given.conventions.tables)
    founds = [
        found._replace(table=table, kept_layout=kept_layout.kept(table, given.memo))
        for found, table in zip(founds, stage.tables, strict=True)
    ]
    for plan, found in zip(plans, founds, strict=True):
        tables[plan.place] = found
    return given.conventions._replace(
        tables=tuple(founds),
        layout=inference.document_layout(tables, given.config),
        size=given.conventions.size + _growth(doc, plans, stage, plain),
    )


def _counted(problems: list[Problem], fixes: set[Fix]) -> int:
    return sum(1 for problem in problems if problem.fix in fixes)


def _places(doc: Document, wanted: list[Problem]) -> dict[Fix | None, int | None]:
    """Each wanted fix's table, by its index among the document's tables (None: no table, or
    more than one, holds all its edits)."""
    starts = [table.start_line for table in doc.tables]
    return {problem.fix: _table_of(doc, starts, problem.fix) for problem in wanted if problem.fix}


def _table_of(doc: Document, starts: list[int], fix: Fix) -> int | None:
    """The index of the table every edit of ``fix`` lies in, or None."""
    found = {bisect_right(starts, edit.start_line) - 1 for edit in fix.edits}
    if len(found) != 1:
        return None
    index = found.pop()
    if index < 0:
        return None
    table = doc.tables[index]
    inside = all(e.start_line <= e.end_line <= table.end_line for e in fix.edits)
    return index if inside else None


def _plans(
    doc: Document, wanted: list[Problem], places: dict[Fix | None, int | None], taken: set[Fix]
) -> list[_Plan]:
    """The tables to compose, in order: each with a wanted row fix or move, and every wanted
    fix of it one composition takes (see the module's docstring)."""
    by_table: dict[int, list[Problem]] = {}
    for problem in wanted:
        place = places[problem.fix]
        if place is not None:
            by_table.setdefault(place, []).append(problem)
    plans = (_plan(doc, place, by_table[place], taken) for place in sorted(by_table))
    return [plan for plan in plans if plan is not None]


def _plan(doc: Document, place: int, problems: list[Problem], taken: set[Fix]) -> _Plan | None:
    """The table's plan, given its wanted ``problems``: None for a layout alone (one pass takes
    it as offered) and for fixes a composition cannot tell the passes of."""
    table = doc.tables[place]
    rows = [p for p in problems if p.code not in _WHOLE]
    if not rows and all(p.code == table_format.CODE for p in problems):
        return None  # a layout alone: one pass takes it as it is
    fixes = tuple(dict.fromkeys(p.fix for p in rows if p.fix is not None))
    if not all(_row_fix(table, fix) for fix in fixes):
        return None
    # a row fix overlapping one taken before it comes back in the next pass, computed afresh,
    # unless the row is gone (the date of a copy removed): then it is no fix
    removed = {e.start_line for fix in fixes if fix in taken for e in fix.edits if not e.new_lines}
    left = [fix for fix in fixes if fix not in taken]
    if any(edit.start_line not in removed for fix in left for edit in fix.edits):
        return None
    kept = tuple(fix for fix in fixes if fix in taken)
    return _Plan(place, kept, sum(1 for p in rows if p.fix in taken))


def _row_fix(table: Table, fix: Fix) -> bool:
    """True for a fix replacing or removing body rows' lines one by one, each new line under
    its line's container prefix and with a pipe first after it."""
    body = table.start_line + 2
    for edit in fix.edits:
        if edit.start_line != edit.end_line or edit.start_line < body or len(edit.new_lines) > 1:
            return False
        prefix = table.prefixes[edit.start_line - table.start_line]
        for line in edit.new_lines:
            if not line.startswith(prefix) or line[len(prefix) : len(prefix) + 1] in " \t":
                return False
    return True


def _row_fixed(doc: Document, plan: _Plan) -> tuple[list[str], list[str]]:
    """The table's lines and their prefixes with its row fixes applied (a removed line takes
    its prefix with it, as the applier removes it)."""
    table = doc.tables[plan.place]
    lines: list[str | None] = list(doc.lines[table.start_line - 1 : table.end_line])
    for fix in plan.row_fixes:
        for edit in fix.edits:
            lines[edit.start_line - table.start_line] = (edit.new_lines or (None,))[0]
    pairs = zip(lines, table.prefixes, strict=True)
    kept = [(line, prefix) for line, prefix in pairs if line is not None]
    return [line for line, _ in kept], [prefix for _, prefix in kept]


def _stage(doc: Document, plans: list[_Plan]) -> Document:
    """The planned tables with their row fixes applied, as one document: each under the line
    above it in ``doc`` (an empty one at the top of the file), which table-format reads."""
    lines: list[str] = []
    built: list[Table] = []
    for plan in plans:
        table = doc.tables[plan.place]
        table_lines, prefixes = _row_fixed(doc, plan) if plan.row_fixes else (None, None)
        lines.append(doc.lines[table.start_line - 2] if table.start_line > 1 else "")
        if table_lines is None or prefixes is None:  # unchanged: only moved
            table_lines = list(doc.lines[table.start_line - 1 : table.end_line])
            built.append(_moved(table, len(lines) + 1 - table.start_line))
        else:
            built.append(_table(table, len(lines) + 1, table_lines, prefixes))
        lines.extend(table_lines)
    return Document(doc.path, tuple(lines), (), tuple(built))


def _moved(table: Table, by: int) -> Table:
    """``table`` ``by`` lines further down."""
    return table._replace(
        start_line=table.start_line + by,
        end_line=table.end_line + by,
        header=table.header._replace(line=table.header.line + by),
        delimiter=table.delimiter._replace(line=table.delimiter.line + by),
        rows=tuple(row._replace(line=row.line + by) for row in table.rows),
    )


def _restaged(stage: Document, edits: dict[int, Edit], build: bool) -> Document:
    """``stage`` with each table's edit applied (a move or a layout: the same lines, rewritten
    or in another order); its tables read again only when ``build`` (the last stage is only
    lines)."""
    lines = list(stage.lines)
    tables = list(stage.tables)
    for index, edit in edits.items():
        lines[edit.start_line - 1 : edit.end_line] = edit.new_lines
        if build:
            table = tables[index]
            table_lines = lines[table.start_line - 1 : table.end_line]
            tables[index] = _table(table, table.start_line, table_lines, list(table.prefixes))
    return stage._replace(lines=tuple(lines), tables=tuple(tables))


def _table(table: Table, start: int, lines: list[str], prefixes: list[str]) -> Table:
    """``table`` with ``lines`` (its header and delimiter kept) as its lines from ``start``:
    a row's cells are read as the parser reads them (or kept, for a line it already had)."""
    known = {row.content: row.cells for row in table.rows}
    rows = []
    section = table.section
    for number, (line, prefix) in enumerate(zip(lines[2:], prefixes[2:], strict=True), start + 2):
        content = line[len(prefix) :]
        cells = known.get(content)
        rows.append(
            Row(
                number, cells_of(content) if cells is None else cells, section, content, len(prefix)
            )
        )
    return table._replace(
        start_line=start,
        end_line=start + len(lines) - 1,
        header=table.header._replace(line=start),
        delimiter=table.delimiter._replace(line=start + 1),
        rows=tuple(rows),
        prefixes=tuple(prefixes),
    )


def _reread(given: Context, plan: _Plan, table: Table) -> TableConventions:
    """The table's conventions with ``table`` as its rows: read again (its order, its dates as
    compared) when row fixes changed them, with the date style and roles the check read."""
    found = given.conventions.tables[plan.place]
    if not plan.row_fixes:
        return found._replace(table=table)
    style = inference.DateStyle(
        found.date_style, found.venue_years, found.years_alone, found.asides, found.list_style
    )
    memo, config = given.memo, given.config
    return inference.dated_table(table, found.settings, memo, config, found.roles, style)


def _asked(
    rule: ModuleType, stage: Document, conventions: Conventions, given: Context, unsafe: bool
) -> tuple[dict[int, Edit], int]:
    """The edit of each table of ``stage`` that ``rule``'s wanted fixes make (its tables read
    as ``conventions``; one fix per table, replacing its body or all its lines), and how many
    problems those fixes fix."""
    problems = rule.check(stage, given._replace(conventions=conventions))
    starts = [table.start_line for table in stage.tables]
    edits: dict[int, Edit] = {}
    fixed = 0
    for problem in problems:
        fix = problem.fix
        if fix is None or not wanted(problem, unsafe):
            continue
        fixed += 1
        (edit,) = fix.edits
        edits[bisect_right(starts, edit.start_line) - 1] = edit
    return edits, fixed


def _growth(doc: Document, plans: list[_Plan], stage: Document, plain: list[Fix]) -> int:
    """How much the document has grown (or shrunk) once the planned tables are as in ``stage``
    and the ``plain`` fixes applied."""
    growth = 0
    for plan, staged in zip(plans, stage.tables, strict=True):
        table = doc.tables[plan.place]
        old = doc.lines[table.start_line - 1 : table.end_line]
        growth += text_size(stage.lines[staged.start_line - 1 : staged.end_line]) - text_size(old)
    for fix in plain:
        for edit in fix.edits:
            old = doc.lines[edit.start_line - 1 : edit.end_line]
            growth += text_size(edit.new_lines) - text_size(old)
    return growth


def _table_fix(table: Table, plan: _Plan, lines: Sequence[str]) -> Fix:
    """One edit replacing ``table`` by ``lines``, declaring what its row fixes removed and
    rewrote (a move and a layout declare nothing)."""
    safety = SAFE if all(fix.safety == SAFE for fix in plan.row_fixes) else UNSAFE
    return Fix(
        (Edit(table.start_line, table.end_line, tuple(lines)),),
        safety,
        tuple(row for fix in plan.row_fixes for row in fix.removed_rows),
        tuple(pair for fix in plan.row_fixes for pair in fix.rewritten_rows),
    )
