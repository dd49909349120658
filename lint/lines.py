"""A text as ``(content, ending)`` lines and back: how the fix and the new row keep every line's
own ending (LF, CRLF or CR, as Markdown splits them); and the lines outside fenced code."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
# a fence opening or closing a block of code (``` or ~~~, indented three spaces at most)
_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")


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


def unfenced(lines: Sequence[str]) -> Iterator[tuple[int, str]]:
    """``(1-based number, line)`` of each line outside fenced code, the fences left out: a
    fence closes at a marker of its character at least as long as the one that opened it."""
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None:
            yield number, line
