"""The outline of a document: the headings, and ``<details>`` summaries, each table is under.

A ``<details>`` block's summary heads the tables in it, as a heading would: a list whose
sections are collapsible blocks (``<details><summary><h2>MLP.</h2></summary>``) names its
tables by their summaries, in messages, duplicate scopes and section settings; ``</details>``
ends what a summary heads. A summary is no heading of the document's (``Document.sections``):
empty-section and section ignores read the headings GitHub shows as headings. The parser
(``lint/document.py``) hands each heading to ``enter`` and each HTML block to ``read`` with its
stack of headings; the heading type is the parser's, made by ``make``, so this module imports
nothing of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Protocol, TypeVar

_SUMMARY = re.compile(r"<summary\b[^>]*>(.*?)</summary\s*>", re.IGNORECASE | re.DOTALL)
_SUMMARY_HEADING = re.compile(r"<h([1-6])\b", re.IGNORECASE)
_DETAILS_END = re.compile(r"</details\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# a summary with no heading in it heads what follows until its </details> or the next heading
SUMMARY_LEVEL = 7


class Heading(Protocol):
    @property
    def title(self) -> str: ...

    @property
    def level(self) -> int: ...


H = TypeVar("H", bound=Heading)


def read(
    html: str,
    line: int,
    path_stack: list[H],
    opened: list[H],
    make: Callable[[str, int, int, tuple[str, ...]], H],
) -> None:
    """Update ``path_stack`` (the headings a table at this point is under, outermost first)
    for an HTML block at ``line``: each ``</details>`` in it ends the latest summary still
    ``opened``, each ``<summary>`` heads what follows at its ``<hN>`` level (or below every
    heading). ``make(title, level, line, path)`` builds the heading."""
    for _ in _DETAILS_END.finditer(html):
        if opened:
            summary = opened.pop()
            if summary in path_stack:
                del path_stack[path_stack.index(summary) :]
    for found in _SUMMARY.finditer(html):
        words = unescape(_TAG.sub(" ", found.group(1))).split()
        if not words:
            continue
        heading = _SUMMARY_HEADING.search(found.group(1))
        level = int(heading.group(1)) if heading else SUMMARY_LEVEL
        opened.append(enter(path_stack, " ".join(words), level, line, make))


def enter(
    path_stack: list[H],
    title: str,
    level: int,
    line: int,
    make: Callable[[str, int, int, tuple[str, ...]], H],
) -> H:
    """The heading ``make`` builds at ``level``, pushed onto ``path_stack`` once those at its
    level or deeper are closed."""
    while path_stack and path_stack[-1].level >= level:
        path_stack.pop()
    made = make(title, level, line, (*(s.title for s in path_stack), title))
    path_stack.append(made)
    return made
