"""Headings as a person names them: the text GitHub shows, its anchor, and a loose match.

A configuration's ``sections`` key and ``add --section`` name a heading the way a reader sees it
on GitHub, not as its Markdown source: links as their text (or left out: a heading's
``[back](#top)`` link is decoration), images, HTML, emphasis, emoji and punctuation aside, case
folded; or by its anchor (``#heading``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lint import markup
from lint.columns import header_key


def shown_heading(title: str) -> str:
    """A heading's text as GitHub shows it: links as their text, images and HTML tags
    dropped, emphasis and code markers dropped, white space collapsed."""
    return " ".join(word.strip("*_") or word for word in _unmarked(title).split())


def first_shown_word(title: str) -> str:
    """The first word of ``shown_heading(title)`` ("" when it has none), the rest unread."""
    words = _unmarked(title).split(maxsplit=1)
    return (words[0].strip("*_") or words[0]) if words else ""


def _unmarked(title: str) -> str:
    """A heading's text with links as their text, images and tags dropped, and without
    emphasis and code markers; white space as written."""
    text = markup.read_cell(title, keep_tags=True).text
    for marker in ("**", "__", "~~", "`"):
        text = text.replace(marker, "")
    return text


def slug(title: str) -> str:
    """The anchor GitHub gives a heading (``#多语言大模型``, ``#llm复杂任务``)."""
    return re.sub(r"[^\w\- ]", "", shown_heading(title).lower()).replace(" ", "-")


# an HTML element's own anchor (``<a name="x">``, ``<h2 id="x">``)
_ANCHOR_ATTRIBUTE = re.compile(r"""(?i)<[a-z][^>]*?\b(?:name|id)\s*=\s*["']?([^"'\s>]+)""")


def anchors(titles: Iterable[str], text: str) -> frozenset[str]:
    """Every anchor a page has, in lower case: its headings' (``heading_anchors``) and its HTML
    elements' ``id`` and ``name``."""
    found = set(heading_anchors(titles))
    found.update(name.lower() for name in _ANCHOR_ATTRIBUTE.findall(text))
    return frozenset(found)


def heading_anchors(titles: Iterable[str]) -> list[str]:
    """Each heading's anchor, in the page's order (``slug``; GitHub numbers a repeated one:
    ``#setup``, ``#setup-1``)."""
    found = []
    seen: dict[str, int] = {}
    for title in titles:
        anchor = slug(title)
        repeats = seen.get(anchor, 0)
        seen[anchor] = repeats + 1
        found.append(anchor if not repeats else f"{anchor}-{repeats}")
    return found


def loose_forms(title: str) -> frozenset[str]:
    """A heading compared loosely (``columns.header_key``: case, emoji, markup and punctuation
    aside), with its links' text and without it."""
    shown = markup.read_cell(title, keep_tags=True)
    return frozenset(form for form in (header_key(shown.text), header_key(shown.outside)) if form)


def names(wanted: str, title: str) -> bool:
    """True when ``wanted`` names the heading ``title``: as GitHub shows it, loosely, or by
    its anchor."""
    asked = " ".join(wanted.split())
    if not asked:
        return False
    if shown_heading(title) == asked or header_key(shown_heading(asked)) in loose_forms(title):
        return True
    return asked.removeprefix("#").lower() == slug(title)


def closest(wanted: str, titles: Iterable[str]) -> str | None:
    """The heading (as GitHub shows it) that reads most like ``wanted``, or None without any."""
    import difflib

    shown = sorted({shown_heading(title) for title in titles} - {""})
    if not shown:
        return None
    asked = header_key(wanted)
    return max(
        shown, key=lambda text: difflib.SequenceMatcher(None, asked, header_key(text)).ratio()
    )
