"""A text as ``(content, ending)`` lines and back: how the fix and the new row keep every line's
own ending (LF, CRLF or CR, as Markdown splits them)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def split_lines(text: str) -> list[tuple[str, str]]:
    """``(content, ending)`` for every line, splitting on LF, CRLF and CR as Markdown does."""
    if "\r" not in text:  # LF alone: one split in C instead of a match per line
        parts = text.split("\n")
        last = parts.pop()
        pairs = [(part, "\n") for part in parts]
        if last:
            pairs.append((last, ""))
        return pairs
    pairs = [(m.group(1), m.group(2)) for m in _LINE.finditer(text)]
    if pairs and pairs[-1] == ("", ""):
        pairs.pop()
    return pairs


def text_size(lines: Sequence[str]) -> int:
    """A document's characters, each line ending counted as one, as the conventions measure it
    (how much a fix may grow it)."""
    return sum(map(len, lines)) + len(lines)


def join(lines: list[tuple[str, str]]) -> str:
    """The text of ``(content, ending)`` lines."""
    return "".join(content + ending for content, ending in lines)
