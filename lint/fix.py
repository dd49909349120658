"""The one applier: applies the wanted fixes, checks the result, then proves nothing was lost.

A fix parses the text, runs the rules and takes the wanted fixes in one pass: each table's
composed into one edit, the table as passes of fixes one by one would leave it
(``lint/compose.py``), and elsewhere the fixes that overlap none taken before them (smallest
first). It applies them in one walk over the lines and checks the text again: that check gives
the problems left. When it still wants a fix (one that appears only once the text has changed:
a convention of the whole document moved), the composition is dropped and the text is fixed
pass by pass from the start, each pass taking the fixes that overlap none taken before them, the
others computed afresh in the next. Line endings are kept line by line: a replaced line keeps
the ending of the line it replaces, an added line takes the file's first ending.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from lint import contract, document, engine
from lint.compose import compose
from lint.config import Config
from lint.errors import FixError
from lint.lines import join, split_lines
from lint.memo import Memo
from lint.paper_index import Scope
from lint.problem import Fix, Problem, row_key, wanted

if TYPE_CHECKING:
    from lint.online.metadata import Paper

MAX_PASSES = 25

RowKey = Callable[[tuple[str, ...]], tuple[str, ...]]


class Refused(NamedTuple):
    """A wanted fix left out because the fixed text would not pass the nothing-lost check or
    the safety contract with it: its problem (where it is in the fixed text) and why."""

    problem: Problem
    reason: str


class FixResult(NamedTuple):
    """The fixed text, how many fixes were applied, the problems left in the fixed text, the
    problems of the text as it was (what ``--diff`` reports), the wanted fixes left out, and
    how many times the rules checked the text (two when one pass settled it; with fixes left
    out, the checks of the fix made fix by fix)."""

    text: str
    fixed: int
    problems: list[Problem]
    found: list[Problem]
    refused: tuple[Refused, ...] = ()
    checks: int = 1


class Changes:
    """What applied fixes did to rows on purpose, for the nothing-lost check."""

    def __init__(
        self,
        removed: list[tuple[str, ...]] | None = None,
        rewritten: list[tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
    ) -> None:
        self.removed = removed if removed is not None else []
        self.rewritten = rewritten if rewritten is not None else []


def choose_fixes(problems: list[Problem], unsafe: bool) -> list[Fix]:
    """The wanted fixes that can be applied together: smallest first, overlapping ones deferred.

    Problems may share one fix (every misplaced row of a table shares the move that places
    them all): equal fixes are one fix, applied once.
    """
    candidates = list(dict.fromkeys(p.fix for p in problems if p.fix and wanted(p, unsafe)))
    candidates.sort(key=lambda fix: sum(e.end_line - e.start_line + 1 for e in fix.edits))
    last = max((edit.end_line for fix in candidates for edit in fix.edits), default=0)
    used = bytearray(last + 1)  # 1 for every line a taken fix edits: linear, not pairwise
    taken: list[Fix] = []
    for fix in candidates:
        if all(used.find(1, edit.start_line, edit.end_line + 1) == -1 for edit in fix.edits):
            for edit in fix.edits:
                used[edit.start_line : edit.end_line + 1] = b"\x01" * (
                    edit.end_line - edit.start_line + 1
                )
            taken.append(fix)
    return taken


def apply_fixes(lines: list[tuple[str, str]], fixes: list[Fix]) -> list[tuple[str, str]]:
    """Apply non-overlapping fixes to ``(content, ending)`` lines; returns new lines.

    A replacing line keeps the ending of the line it replaces; an added line takes the file's
    first ending; the file keeps its final newline, or its lack of one.
    """
    default_ending = next((ending for _, ending in lines if ending), "\n")
    final_newline = bool(lines) and bool(lines[-1][1])
    # the result is built front to back from the unchanged stretches and the edits: replacing
    # slices in place would move every later line once per edit (quadratic in a long file)
    result: list[tuple[str, str]] = []
    copied = 0  # lines before this index are in ``result``
    for edit in sorted((edit for fix in fixes for edit in fix.edits), key=lambda e: e.start_line):
        result.extend(lines[copied : edit.start_line - 1])
        old = lines[edit.start_line - 1 : edit.end_line]
        result.extend(
            (content, old[index][1] if index < len(old) else default_ending)
            for index, content in enumerate(edit.new_lines)
        )
        copied = max(copied, edit.end_line)
    result.extend(lines[copied:])
    result = [(content, ending or default_ending) for content, ending in result]
    if result and not final_newline:
        result[-1] = (result[-1][0], "")
    return result


def fix_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    unsafe: bool = False,
    scope: Scope | None = None,
    metadata: Mapping[str, Paper] | None = None,
) -> FixResult:
    """Fix ``text`` (BOM removed) and verify the result.

    When the fixes together fail the check (a rule offered a fix the contract refuses, or the
    fixes did not settle), the text is fixed again fix by fix, each kept only if the result
    still passes; the others are returned as refused. Only a verified text is ever returned.

    ``scope``: the other files of the run, for duplicates across files (never fixed);
    ``metadata``: the papers' metadata with ``--online``, the same for every pass."""
    run = _Run(text, path, config or Config(), unsafe, scope, metadata)
    try:
        return _fix_all(run)
    except FixError:
        return _fix_carefully(run)


def _fix_all(run: _Run) -> FixResult:
    """Every wanted fix, then the check; FixError when it fails. One pass with each table's
    fixes composed, when its result is settled; else pass by pass from the text as it was."""
    problems = run.check(run.original)
    composed = _fix_composed(run, problems)
    if composed is not None:
        return composed
    return _fix_by_passes(run, problems)


class _Run:
    """What the passes of one fix share: the text as it was, the settings, and the memo."""

    def __init__(
        self,
        text: str,
        path: str,
        config: Config,
        unsafe: bool,
        scope: Scope | None,
        metadata: Mapping[str, Paper] | None,
    ) -> None:
        self.text, self.path, self.config, self.unsafe = text, path, config, unsafe
        self.scope, self.metadata = scope, metadata
        self.memo = Memo(rows=True)  # the passes read the same rows and tables again
        self.original = document.parse(text, path)
        self.checks = 0

    def check(self, doc: document.Document) -> list[Problem]:
        self.checks += 1
        return engine.check(doc, self.config, self.scope, self.memo, self.metadata)


def _fix_composed(run: _Run, problems: list[Problem]) -> FixResult | None:
    """The text with every wanted fix applied in one pass, each table's composed into one edit
    (``lint/compose.py``), when the check of the result wants no more: None when it does (a
    fix that appears only once the text has changed, which the composition cannot foresee, nor
    where the passes one by one would have taken it)."""
    taken = choose_fixes(problems, run.unsafe)
    if not taken:
        return FixResult(run.text, 0, problems, problems, checks=run.checks)
    doc, config = run.original, run.config
    given = engine.context(doc, config, run.scope, run.memo, run.metadata)  # as checked
    rules = engine.selected_rules(config)
    fixes, fixed = compose(doc, problems, taken, given, rules, run.unsafe)
    current = join(apply_fixes(split_lines(run.text), fixes))
    after = document.parse(current, run.path)
    left = run.check(after)
    if choose_fixes(left, run.unsafe):
        return None
    changes = Changes(
        [row for fix in fixes for row in fix.removed_rows],
        [pair for fix in fixes for pair in fix.rewritten_rows],
    )
    verify(doc, run.text, after, current, changes, run.unsafe)
    return FixResult(current, fixed, left, problems, checks=run.checks)


def _fix_by_passes(run: _Run, problems: list[Problem]) -> FixResult:
    """Every wanted fix pass by pass from the text as it was (``problems`` its check's): each
    pass takes the fixes that overlap none taken before them, the others come back in the next
    pass, computed afresh."""
    lines = split_lines(run.text)
    doc, current, found = run.original, run.text, problems
    changes = Changes()
    fixed = 0
    for number in range(MAX_PASSES):
        if number:
            problems = run.check(doc)
        fixes = choose_fixes(problems, run.unsafe)
        if not fixes:
            verify(run.original, run.text, doc, current, changes, run.unsafe)
            return FixResult(current, fixed, problems, found, checks=run.checks)
        lines = apply_fixes(lines, fixes)
        current = join(lines)
        for fix in fixes:
            changes.removed.extend(fix.removed_rows)
            changes.rewritten.extend(fix.rewritten_rows)
        taken = set(fixes)
        fixed += sum(1 for problem in problems if problem.fix in taken)
        doc = document.parse(current, run.path)
    raise FixError(f"{run.path}: fixes did not settle after {MAX_PASSES} passes")


class _Careful:
    """A fix made fix by fix: each pass's wanted fixes are tried together, and when the text
    would fail the check, in halves, down to the single fixes that fail it, which are refused
    (and not tried again in later passes). Only on the rare texts the plain fix fails: a
    refused fix costs a parse and a check for each halving."""

    def __init__(self, original: document.Document, text: str, unsafe: bool) -> None:
        self.original, self.text, self.unsafe = original, text, unsafe
        self.lines = split_lines(text)
        self.changes = Changes()
        self.refused: dict[tuple[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]], str]
        self.refused = {}

    def key(
        self, problem: Problem, doc: document.Document
    ) -> tuple[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
        """A fix as its rule would offer it again in a later pass: the lines it replaces, by
        content, and their replacement."""
        assert problem.fix is not None
        edits = problem.fix.edits
        return problem.code, tuple(
            (doc.lines[e.start_line - 1 : e.end_line], e.new_lines) for e in edits
        )

    def passes(self, fixes: list[Fix]) -> str | None:
        """None when the text with ``fixes`` applied passes the check, else why not."""
        text = join(apply_fixes(self.lines, fixes))
        changes = Changes(
            self.changes.removed + [row for fix in fixes for row in fix.removed_rows],
            self.changes.rewritten + [pair for fix in fixes for pair in fix.rewritten_rows],
        )
        try:
            verify(self.original, self.text, document.parse(text), text, changes, self.unsafe)
        except FixError as error:
            return str(error).removeprefix(f"{self.original.path}:").lstrip("0123456789: ")
        return None

    def accepted(self, fixes: list[Fix], kept: list[Fix], why: dict[Fix, str]) -> None:
        """Add to ``kept`` the ``fixes`` that pass with it; ``why`` each other one failed."""
        reason = self.passes(kept + fixes)
        if reason is None:
            kept.extend(fixes)
        elif len(fixes) == 1:
            why[fixes[0]] = reason
        else:
            half = len(fixes) // 2
            self.accepted(fixes[:half], kept, why)
            self.accepted(fixes[half:], kept, why)

    def apply(self, fixes: list[Fix]) -> None:
        self.lines = apply_fixes(self.lines, fixes)
        for fix in fixes:
            self.changes.removed.extend(fix.removed_rows)
            self.changes.rewritten.extend(fix.rewritten_rows)


def _fix_carefully(run: _Run) -> FixResult:
    """The wanted fixes that keep the text passing the check, pass by pass; the rest refused.
    ``run``'s memo is kept (its results are by value); its count of checks starts again."""
    text, path, unsafe = run.text, run.path, run.unsafe
    careful = _Careful(run.original, text, unsafe)
    run.checks = 0
    doc, fixed = careful.original, 0
    found = problems = run.check(doc)
    for _ in range(MAX_PASSES):
        open_ = [p for p in problems if p.fix and careful.key(p, doc) not in careful.refused]
        fixes = choose_fixes(open_, unsafe)
        if not fixes:
            break
        kept: list[Fix] = []
        why: dict[Fix, str] = {}
        careful.accepted(fixes, kept, why)
        for problem in problems:
            if problem.fix in why:
                careful.refused[careful.key(problem, doc)] = why[problem.fix]
        fixed += sum(1 for problem in problems if problem.fix in set(kept))
        careful.apply(kept)
        doc = document.parse(join(careful.lines), path)
        problems = run.check(doc)
    current = join(careful.lines)
    verify(careful.original, text, doc, current, careful.changes, unsafe)
    refused = tuple(
        Refused(problem, careful.refused.get(careful.key(problem, doc), "fixes did not settle"))
        for problem in problems
        if problem.fix and wanted(problem, unsafe)
    )
    # a refused fix is no fix of this run: its problem is left without one
    left = [p._replace(fix=None) if p.fix and wanted(p, unsafe) else p for p in problems]
    return FixResult(current, fixed, left, found, refused, run.checks)


def _table_rows(tables: Iterable[document.Table], key: RowKey) -> Counter[tuple[str, ...]]:
    return Counter(key(row.cells) for table in tables for row in table.rows)


def _row_keys() -> RowKey:
    """``row_key``, each row worked out once: the check reads the changed tables' rows three
    times over (their count, what was removed, what moved)."""
    known: dict[tuple[str, ...], tuple[str, ...]] = {}

    def key(cells: tuple[str, ...]) -> tuple[str, ...]:
        found = known.get(cells)
        if found is None:
            found = known[cells] = row_key(cells)
        return found

    return key


def _outside_tables(doc: document.Document, text: str) -> list[tuple[str, str]]:
    """The ``(content, ending)`` lines between, before and after the tables, in order."""
    lines = split_lines(text)
    outside: list[tuple[str, str]] = []
    after_previous = 0
    for table in doc.tables:
        outside.extend(lines[after_previous : table.start_line - 1])
        after_previous = table.end_line
    outside.extend(lines[after_previous:])
    return outside


def verify(
    before: document.Document,
    before_text: str,
    after: document.Document,
    after_text: str,
    changes: Changes,
    unsafe: bool = False,
) -> None:
    """Raise FixError naming the first difference unless the fix lost nothing (and, for safe
    fixes only, kept the safety contract: ``lint/contract.py``).

    Holds when: the number of tables is the same; every line outside tables is identical and in
    the same order; the headers are unchanged; and the rows, as a multiset of rows with white
    space collapsed, are exactly the original ones less the rows fixes removed on purpose, with
    the rows fixes rewrote on purpose (a normalised date) in their new form.
    """
    if before_text == after_text:
        return
    if len(before.tables) != len(after.tables):
        raise FixError(f"{before.path}: table count {len(before.tables)} -> {len(after.tables)}")
    _verify_outside(before, before_text, after, after_text)
    changed: list[tuple[document.Table, document.Table]] = []
    for old, new in zip(before.tables, after.tables, strict=True):
        if row_key(old.header.cells) != row_key(new.header.cells):
            raise FixError(f"{before.path}:{new.start_line}: table header changed")
        # a table whose rows hold the same cells in the same order (laid out anew, say) lost
        # nothing: only the others need counting
        if len(old.rows) != len(new.rows) or any(
            a.cells != b.cells for a, b in zip(old.rows, new.rows, strict=True)
        ):
            changed.append((old, new))
    key = _row_keys()
    expected = _table_rows((old for old, _ in changed), key)
    expected.subtract(Counter(row_key(row) for row in changes.removed))
    expected.subtract(Counter(row_key(old) for old, _ in changes.rewritten))
    expected.update(Counter(row_key(new) for _, new in changes.rewritten))
    actual = _table_rows((new for _, new in changed), key)
    for row, count in (expected - actual).items():
        raise FixError(f"{before.path}: row lost ({count}x): {' | '.join(row)[:160]}")
    for row, count in (actual - expected).items():
        raise FixError(f"{before.path}: row added ({count}x): {' | '.join(row)[:160]}")
    if not unsafe:
        _verify_contract(before.path, changed, changes, key)


def _verify_contract(
    path: str,
    changed: list[tuple[document.Table, document.Table]],
    changes: Changes,
    row_key: RowKey = row_key,
) -> None:
    """FixError when safe fixes, together, went beyond the safety contract: a cell rewritten to
    something not equivalent, more rows of a table moved than a safe fix may move, or a row
    removed that has no identical row left. ``row_key`` is the check's (``_row_keys``)."""
    for old_cells, new_cells in changes.rewritten:
        for was, now in zip(old_cells, new_cells, strict=False):
            if not contract.equivalent_cells(was, now):
                raise FixError(f"{path}: a safe fix changed a cell beyond the contract: {was!r}")
    renamed: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    earlier: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for old_cells, new_cells in changes.rewritten:
        renamed.setdefault(row_key(old_cells), []).append(row_key(new_cells))
        earlier.setdefault(row_key(new_cells), []).append(row_key(old_cells))
    kept = {row_key(row.cells) for _, new in changed for row in new.rows}
    written = Counter(row_key(row.cells) for old, _ in changed for row in old.rows)
    for removed in changes.removed:
        # the row as it was first written had an identical row, which is still there (as
        # written, or rewritten by safe fixes): two rows that only became alike through
        # rewrites are two entries, not one written twice
        if not any(
            written[origin] > 1 and _reached(origin, renamed) & kept
            for origin in _reached(row_key(removed), earlier)
        ):
            raise FixError(f"{path}: a safe fix removed a row with no twin: {removed[:2]!r}")
    for old, new in changed:
        places: dict[tuple[str, ...], list[int]] = {}
        for index, row in enumerate(old.rows):
            key = row_key(row.cells)
            key = renamed[key].pop() if renamed.get(key) else key
            places.setdefault(key, []).append(index)
        for queue in places.values():
            queue.reverse()
        order = [
            places[key].pop()
            for key in map(row_key, (r.cells for r in new.rows))
            if places.get(key)
        ]
        if contract.moved(order) > contract.move_limit(len(old.rows)):
            moved = contract.moved(order)
            raise FixError(
                f"{path}:{new.start_line}: safe fixes moved {moved} of {len(old.rows)} rows"
            )


def _reached(
    key: tuple[str, ...], steps: dict[tuple[str, ...], list[tuple[str, ...]]]
) -> set[tuple[str, ...]]:
    """``key`` and every row key the ``steps`` (rewrites, or rewrites undone) lead to from it."""
    seen, waiting = {key}, [key]
    while waiting:
        for following in steps.get(waiting.pop(), ()):
            if following not in seen:
                seen.add(following)
                waiting.append(following)
    return seen


def _verify_outside(
    before: document.Document, before_text: str, after: document.Document, after_text: str
) -> None:
    old_lines = _outside_tables(before, before_text)
    new_lines = _outside_tables(after, after_text)
    for old, new in zip(old_lines, new_lines, strict=False):
        if old != new:
            was, now = "".join(old), "".join(new)
            raise FixError(f"{before.path}: line outside tables changed: {was!r} -> {now!r}")
    if len(old_lines) != len(new_lines):
        raise FixError(f"{before.path}: lines outside tables {len(old_lines)} -> {len(new_lines)}")
