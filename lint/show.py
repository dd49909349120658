"""``--show-conventions``: what the conventions step read in each file, and where it came from.

For each file, the layout style; for each table, its line, section, title and date columns, date
style, order and whether its dates follow their arXiv ids, each marked ``set`` (configuration),
``inferred`` (read from the list) or ``default``, so a maintainer sees why a row was reported and
which setting pins it.
"""

from __future__ import annotations

from lint.config import SECTION
from lint.conventions import Conventions, Setting, TableConventions, misplaced


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
    if found.layout is not None:
        parts.append(_setting("layout", found.layout))
    kept = found.kept_layout
    if kept is None:
        parts.append("layout kept: none (no style in three rows of four)")
    else:
        measure = " (widths in characters)" if kept.by_characters else ""
        parts.append(f"layout kept: {kept.style}{measure} ({kept.rows} of {kept.read} rows)")
    return where + "\n    " + "\n    ".join(parts)


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
    lines.extend(_table(path, table) for table in found.tables)
    if not found.tables:
        lines.append(f"{path}: no table")
    return "\n".join(lines) + "\n"
