"""A cell as GitHub shows it: its text (link text kept; images, HTML tags and badges dropped),
the text outside its links, and its links (``read_cell``), or the texts of its links alone
(``link_texts``), or each with its destination (``labelled_links``).

Every scan here is linear in the cell's length: brackets and parentheses are paired once with a
stack, and no regular expression can backtrack over a run of openers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# an escaped character, or a bracket or parenthesis that may pair
_PAIRING = re.compile(r"\\.|[\[\]()]", re.DOTALL)
_OPENERS = re.compile(r"\\.|[\[\]<]", re.DOTALL)
_TAG_URL = re.compile(r"""(?i)\b(href|src)\s*=\s*["']?([^"'\s>]+)""")


class Shown(NamedTuple):
    """A cell read as GitHub shows it: ``text`` (link text kept, images, tags and HTML
    dropped), ``outside`` (the text outside links), and its links as ``(url, is_image)``."""

    text: str
    outside: str
    links: list[tuple[str, bool]]


def _pairs(text: str, pattern: re.Pattern[str], opener: str, closer: str) -> dict[int, int]:
    """Position of each ``opener`` mapped to its matching ``closer`` (one stack, linear)."""
    matched: dict[int, int] = {}
    stack: list[int] = []
    for found in pattern.finditer(text):
        char = found.group()
        if char == opener:
            stack.append(found.start())
        elif char == closer and stack:
            matched[stack.pop()] = found.start()
    return matched


def read_cell(text: str, keep_tags: bool = False) -> Shown:
    """What a cell shows and links to. ``keep_tags`` keeps the text of bracketed tags."""
    if "[" not in text and "<" not in text:
        return Shown(text, text, [])
    brackets = _pairs(text, _PAIRING, "[", "]") if "[" in text and "]" in text else {}
    parens = _pairs(text, _PAIRING, "(", ")") if "](" in text else {}
    scan = _Scan(text, brackets, parens, keep_tags)
    for found in _OPENERS.finditer(text):
        scan.at(found.start(), found.group())
    return scan.result()


def link_texts(text: str) -> list[str]:
    """The text of each inline link in ``text`` (images and badges left out), in order."""
    return [label for label, _ in labelled_links(text)]


def labelled_links(text: str) -> list[tuple[str, str]]:
    """Each inline link of ``text`` (images and badges left out), in order: its text and its
    destination ("" where no parenthesis closes it)."""
    return [
        (text[opener + 1 : close], "" if end is None else _destination(text, close + 2, end))
        for opener, close, end in _bracketed(text)
        if not (opener and text[opener - 1] == "!")
    ]


def empty_links(text: str) -> list[tuple[int, str]]:
    """Where each inline link with no address opens in ``text`` (``[Paper]()``,
    ``[Paper](<>)``), with its text; images left out. GitHub links such a link to the page it
    is on."""
    return [
        (opener, text[opener + 1 : close])
        for opener, close, end in _bracketed(text)
        if end is not None
        and not (opener and text[opener - 1] == "!")
        and not _destination(text, close + 2, end)
    ]


def _bracketed(text: str) -> Iterator[tuple[int, int, int | None]]:
    """``(opening bracket, closing bracket, closing parenthesis)`` of each ``[…](…)`` of
    ``text`` (images too), in order; None where no parenthesis closes it."""
    if "](" not in text:
        return
    parens: dict[int, int] | None = None
    for opener, close in sorted(_pairs(text, _PAIRING, "[", "]").items(), key=lambda p: p[1]):
        if text.startswith("(", close + 1):
            if parens is None:
                parens = _pairs(text, _PAIRING, "(", ")")
            yield opener, close, parens.get(close + 1)


def unclosed_links(text: str) -> list[int]:
    """Where each link's address opens (``](https://…``) with no parenthesis closing it in
    ``text``: GitHub shows such a link as text."""
    if "](" not in text or text.count("(") <= text.count(")"):
        return []
    parens = _pairs(text, _PAIRING, "(", ")")
    found = []
    start = text.find("](")
    while start != -1:
        address = start + 2
        if start + 1 not in parens and text[address : address + 8].lower().startswith(_SCHEMES):
            found.append(address)
        start = text.find("](", address)
    return found


_SCHEMES = ("http://", "https://")


def spaced_addresses(text: str) -> list[tuple[str, str]]:
    """``(address, what follows it)`` for each ``[…](…)`` of ``text`` whose parentheses hold
    more than an address and a title (``[code](https://a.org/x y)``, ``[Paper](two words)``):
    GitHub makes no link of it and shows its brackets and parentheses as text. A title is
    quoted or in parentheses; an address in ``<…>`` may hold spaces."""
    found = []
    for _, close, end in _bracketed(text):
        inner = "" if end is None else text[close + 2 : end].strip()
        if not inner or inner.startswith(("<", "[")) or "](" in inner:
            continue  # an address in <…> may hold spaces; a link pasted in is broken-link's own
        address, *after = inner.split(None, 1)
        if after and after[0][0] not in "\"'(":
            found.append((address, after[0]))
    return found


class _Scan:
    """One left-to-right pass over a cell's openers, with the pairs found beforehand."""

    def __init__(
        self, text: str, brackets: dict[int, int], parens: dict[int, int], keep_tags: bool
    ) -> None:
        self.text, self.brackets, self.parens, self.keep_tags = text, brackets, parens, keep_tags
        self.pieces: list[str] = []
        self.outside: list[str] = []
        self.links: list[tuple[str, bool]] = []
        self.copied = 0  # text before this position is already in ``pieces``
        self.skip = 0  # openers before this position are inside markup already handled
        self.resume: dict[int, int] = {}  # a link text's closing bracket -> where to go on
        self.depth = 0  # how many link texts the scan is inside
        self.next_gt = -2  # the first ">" at or after the last lookup (-1: none left)

    def emit(self, end: int, resume: int) -> None:
        piece = self.text[self.copied : end]
        self.pieces.append(piece)
        if not self.depth:
            self.outside.append(piece)
        self.copied = resume

    def at(self, position: int, char: str) -> None:
        if position < self.skip or len(char) > 1:
            return
        if char == "]":
            after = self.resume.pop(position, None)
            if after is not None:
                self.emit(position, after)
                self.skip = after
                self.depth = max(0, self.depth - 1)
        elif char == "[":
            self.bracket(position)
        else:
            self.tag(position)

    def bracket(self, position: int) -> None:
        close = self.brackets.get(position)
        if close is None:
            return
        text = self.text
        image = position > 0 and text[position - 1] == "!" and position - 1 >= self.copied
        after = close + 1
        end = self.parens.get(after) if text[after : after + 1] == "(" else None
        if end is not None:
            self.links.append((_destination(text, after + 1, end), image))
            if image:
                self.emit(position - 1, end + 1)
                self.skip = end + 1
                return
            self.emit(position, position + 1)
            self.resume[close] = end + 1
            self.depth += 1
        elif text[after : after + 1] == "[" and after in self.brackets and not self.inline(after):
            # ``[text][label]``: a reference link; but ``[SIGIR 2021][Title](…)`` is a tag then
            # an inline link, as GitHub reads it
            self.emit(position, position + 1)
            self.resume[close] = self.brackets[after] + 1
            self.depth += 1
        elif not self.keep_tags:
            if "](" in text[position:close]:
                self.inner_links(position, close)
            self.emit(position, close + 1)
            self.skip = close + 1

    def inner_links(self, start: int, close: int) -> None:
        """The links inside a tag left out of the text (``[[pdf](…)]``): GitHub shows the
        outer brackets as text around a link, which leads where its address says."""
        text = self.text
        for opener, inner_close in self.brackets.items():
            end = self.parens.get(inner_close + 1)
            if start < opener and inner_close < close and end is not None and end < close:
                image = text[opener - 1] == "!"
                self.links.append((_destination(text, inner_close + 2, end), image))

    def inline(self, opener: int) -> bool:
        """True when the brackets opening at ``opener`` make an inline link (``[…](…)``)."""
        after = self.brackets[opener] + 1
        return self.text[after : after + 1] == "(" and after in self.parens

    def tag(self, position: int) -> None:
        if self.next_gt != -1 and self.next_gt < position:
            self.next_gt = self.text.find(">", position)
        end = self.next_gt
        if end == -1:
            return
        if self.text.find("<", position + 1, end) != -1:
            return  # a tag holds no "<": this one is text (the search stops at the next "<")
        inner = self.text[position + 1 : end]
        if inner.startswith(("http://", "https://")) and " " not in inner:
            self.links.append((inner, False))
        else:
            for attribute in _TAG_URL.finditer(inner):
                self.links.append((attribute[2], attribute[1].lower() == "src"))
        self.emit(position, end + 1)
        self.skip = end + 1

    def result(self) -> Shown:
        self.emit(len(self.text), len(self.text))
        return Shown("".join(self.pieces), "".join(self.outside), self.links)


def _destination(text: str, start: int, end: int) -> str:
    """The URL of an inline link whose parentheses hold ``text[start:end]``."""
    inner = text[start:end].strip()
    if inner.startswith("<"):
        close = inner.find(">")
        return inner[1:close] if close != -1 else inner[1:]
    return inner.split(None, 1)[0] if inner else ""
