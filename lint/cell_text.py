"""Text made safe to write into a table cell, or into a link's text inside one (a new row's
cells, a title rewritten from the paper's metadata)."""

from __future__ import annotations


def escape_cell(text: str) -> str:
    """Text safe in a table cell: pipes escaped, white space collapsed."""
    return " ".join(text.split()).replace("|", "\\|")


def link_text(text: str) -> str:
    """Text safe as a link's text: brackets escaped."""
    return escape_cell(text).replace("[", "\\[").replace("]", "\\]")
