"""A table row broken over two lines: a line break typed inside one of its cells.

``| Advanced Skills through Adversarial Priors in`` then ``Reinforcement Learning | ICRA | … |``:
GitHub ends the first row at its line's end and reads the next line as a row of its own, so one
paper shows as two rows, its title cut in two. A continuation is known by its text alone: in a
table whose rows open with a pipe, a row with too few cells whose line stops inside a cell (no
closing pipe), and right below it a line without an opening pipe whose cells, the cut cell
joined, make up the header's count; or, the break typed before a cell's closing pipe, a line
opening with one whose cells make up the count with the cells above (``| … | Title`` then
``|N/A|``), in a table whose rows end with a pipe; or, the break typed after a pipe, a line
without an opening one whose cells make up the count with the cells above (``| … | Supervised |``
then ``Preprint'24 | Super-resolution |``). The two lines are the author's one row:
column-count reports the cut (join the lines); no rule reads either line's layout.
"""

from __future__ import annotations

from lint.document import Table


def split_rows(table: Table) -> frozenset[int]:
    """Indexes of the body rows that continue the row above them (see the module docstring)."""
    opened = sum(1 for row in table.rows if row.content.lstrip().startswith("|"))
    if not table.header.content.lstrip().startswith("|") or opened * 2 <= len(table.rows):
        return frozenset()  # a table whose rows open without a pipe: a line so opened is its way
    closed: int | None = None  # rows ending with a pipe, counted once a row needs it
    width = len(table.header.cells)
    found = set()
    for index in range(1, len(table.rows)):
        above, row = table.rows[index - 1], table.rows[index]
        if row.line != above.line + 1 or len(above.cells) >= width:
            continue
        if above.content.rstrip().endswith("|"):
            # the break after a pipe: a line without one opening it holds the cells left
            if not row.content.lstrip().startswith("|"):
                if len(above.cells) + len(row.cells) == width:
                    found.add(index)
            continue
        if row.content.lstrip().startswith("|"):
            # the break before a closing pipe: a line of the cells left, where rows end with one
            if len(above.cells) + len(row.cells) != width:
                continue
            if closed is None:
                closed = sum(1 for row in table.rows if row.content.rstrip().endswith("|"))
            if closed * 2 > len(table.rows):
                found.add(index)
        elif len(above.cells) + len(row.cells) - 1 == width:
            found.add(index)
    return frozenset(found)
