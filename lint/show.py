"""``--show-conventions``: what the conventions step read in each file, and where it came from.

For each file, the layout style and whether the list repeats entries across sections on purpose
(cross-listing: where duplicate-entry reports repeats); for each table, its line, section, title
and date columns, date style, order, whether its dates follow their arXiv ids and what its rows
list (papers, or named things), each marked ``set`` (configuration), ``inferred`` (read from the
list) or ``default``, so a maintainer sees why a row was reported and which setting pins it.
"""

from __future__ import annotations

from lint.config import SECTION
from lint.conventions import Conventions, Setting, TableConventions
from lint.date_order import misplaced


def _setting(name: str, setting: Setting | None) -> str:
    if setting is None:
        return f"{name}: none"
    detail = f"; {setting.detail}" if setting.detail else ""
    return f"{name}: {setting.value} ({setting.source}{detail})"


def _column(header: tuple[str, ...], index: int | None) -> str:
    if index is None:
        return "none"
    name = header[index] if index < len(header) else ""
    return f'{index + 1} "{name}"'


def _table(path: str, found: TableConventions) -> str:
    table, roles = found.table, found.roles
    where = f"{path}:{table.start_line}: table"
    if table.section:
        where += f' under "{table.section[-1]}"'
    header = table.header.cells
    parts = [
        f"title column: {_column(header, roles.title)}",
        f"date column: {_column(header, roles.date)}",
    ]
    if roles.date is not None:
        parts.append(_setting("date style", found.date_style))
        parts.append(_setting("order", found.order))
        out = misplaced(found)
        if out:
            parts.append(f"rows out of order: {len(out)}")
        if found.arxiv_dates is not None:
            parts.append(_setting("dates follow arXiv ids", found.arxiv_dates))
    if found.entities:
        parts.append(_entries(found))
    if found.layout is not None:
        parts.append(_setting("layout", found.layout))
    kept = found.kept_layout
    if kept is None:
        parts.append("layout kept: none (no style in three rows of four)")
    else:
        measure = " (widths in characters)" if kept.by_characters else ""
        parts.append(f"layout kept: {kept.style}{measure} ({kept.rows} of {kept.read} rows)")
    return where + "\n    " + "\n    ".join(parts)


def _entries(found: TableConventions) -> str:
    """What a table's rows list, as duplicate-entry compares them: papers, or named things."""
    first = found.entities[0]
    if first.named:
        listed = f'named things (by their "{first.kind}")'
    elif first.kind:
        listed = f'papers, told apart by their "{first.kind}"'
    else:
        listed = "papers"
    count = len(found.entities)
    return f"entries: {listed} ({count} {'row' if count == 1 else 'rows'})"


def _cross_listing(found: Conventions) -> str:
    """Whether the list repeats entries across sections, and what duplicate-entry does with
    repeats there under the file's ``duplicate-scope``."""
    shown = _setting("cross-listing", found.cross_listing)
    scope = found.config.duplicate_scope
    if scope != "auto":
        return f'{shown}; duplicate-scope = "{scope}" (set)'
    if found.cross_listing is not None and found.cross_listing.value == "yes":
        return f"{shown}: repeats are reported within a table only"
    return f"{shown}: repeats are reported anywhere in the document"


def describe(path: str, found: Conventions) -> str:
    """The conventions of one file, as ``--show-conventions`` prints them."""
    source = found.config.source
    if source is None:
        where = "no configuration file: every setting is auto"
    elif source.endswith("pyproject.toml"):
        where = f"{source} ([tool.{SECTION}])"
    else:
        where = source
    lines = [f"{path}: settings from {where}"]
    lines.append(f"{path}: {_setting('layout', found.layout)}")
    if found.arxiv_dates is not None:
        lines.append(f"{path}: {_setting('dates follow arXiv ids', found.arxiv_dates)}")
    if found.cross_listing is not None:
        lines.append(f"{path}: {_cross_listing(found)}")
    if found.blank_rows is not None and found.blank_rows.value == "yes":
        shown = _setting("rows of empty cells", found.blank_rows)
        lines.append(f"{path}: {shown}: the list's template, not reported")
    if found.reworded_titles is not None and found.reworded_titles.value == "yes":
        shown = _setting("titles reworded after their name", found.reworded_titles)
        lines.append(f"{path}: {shown}: one name before a colon, one link, is one paper")
    lines.extend(_table(path, table) for table in found.tables)
    if not found.tables:
        lines.append(f"{path}: no table")
    return "\n".join(lines) + "\n"
