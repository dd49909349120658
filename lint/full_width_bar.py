"""A pipe typed full width: ``｜`` (U+FF5C), which a CJK input method gives for ``|``.

GitHub reads no cell boundary in it: a row ending in one shows the bar as text at the end of its
last cell (column-count reports it; table-format leaves the row as written, as a layout would
add a pipe after the bar).
"""

from __future__ import annotations

from lint.document import Row


def closed_by_full_width_bar(row: Row) -> bool:
    """True for a row whose line ends in a full-width bar where its closing pipe was meant."""
    return row.content.rstrip().endswith("｜")
