"""A fix that rewrites the text of one cell and nothing else on its line (date-format and
arxiv-date rewrite a date this way)."""

from __future__ import annotations

from lint.document import Document, Row
from lint.problem import SAFE, Edit, Fix


def rewrite_cell(doc: Document, row: Row, column: int, new_text: str) -> Fix:
    """A safe fix replacing the text of one cell of ``row`` and nothing else on its line; the
    row is declared rewritten, so the nothing-lost check knows its new cells."""
    line = doc.lines[row.line - 1]
    start = row.starts[column]
    old_text = row.cells[column]
    new_line = line[:start] + new_text + line[start + len(old_text) :]
    new_cells = row.cells[:column] + (new_text,) + row.cells[column + 1 :]
    return Fix(
        (Edit(row.line, row.line, (new_line,)),),
        SAFE,
        rewritten_rows=((row.cells, new_cells),),
    )
