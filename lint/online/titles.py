"""When a row's title is the paper's title: case, punctuation, markup and a known short name aside.

Both titles are compared as words: Unicode compatibility forms and accents folded (``ö`` is
``o``, arXiv's TeX ``\\"o`` too), case folded, everything but letters and digits dropped (so
``Pre-training`` is ``Pretraining``, and TeX's ``$`` and braces vanish). The row's title is read
as GitHub shows the cell (link text kept, images, badges, HTML and bracketed tags such as
``[**MInference**]`` dropped). The paper's short name (the words before its title's colon, four
at most) may be left out, or be all the row writes: ``FlexGen`` and ``High-Throughput Generative
Inference …`` both name ``FlexGen: High-Throughput Generative Inference …``; the row may add a
name of its own before the title or in parentheses after it (``ToT: Tree of Thoughts: …``,
``Tree of Thoughts … (ToT)``). A different short name is a different title (``BigTrans: …``
was BigTranslate's first). Crossref's subtitle may be written after the title or not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from lint import markup

_NOT_WORD = re.compile(r"[\W_]+")
_WORD_BREAK = re.compile(r"[\s\-‐‑–—:：/]+")
_SHORT = re.compile(r"^\s*([^:：]{1,40}?)\s*[:：]\s*(\S.*)$", re.DOTALL)
_TRAILING_NAME = re.compile(r"^(.*\S)\s*[(（]([^()（）]{1,30})[)）]\s*$", re.DOTALL)
SHORT_NAME_WORDS = 4


def key(text: str) -> str:
    """A title as compared: accents, case, markup and punctuation gone."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_WORD.sub("", kept.casefold())


def _words(text: str) -> list[str]:
    """The words of a title as compared (``GPT-4`` is ``gpt``, ``4``)."""
    return [word for word in map(key, _WORD_BREAK.split(text)) if word]


def shown(cell: str) -> str:
    """A title cell as GitHub shows it (see ``papers.title_key``)."""
    if "[" in cell or "<" in cell:
        text = markup.read_cell(cell).text
        return text if key(text) else markup.read_cell(cell, keep_tags=True).text
    return cell


def _split(title: str) -> tuple[str, str] | None:
    """``(short name, rest)`` of ``Name: rest`` when the name is short, else None."""
    found = _SHORT.match(title)
    if found is None or len(found[1].split()) > SHORT_NAME_WORDS:
        return None
    return found[1], found[2]


def paper_titles(title: str, subtitle: str = "") -> list[str]:
    """The titles a paper may be listed under: its title, and with its subtitle."""
    return [title, f"{title}: {subtitle}"] if subtitle else [title]


def same(row_title: str, titles: Iterable[str]) -> bool:
    """True when the row's shown title names the paper whose titles are ``titles``: the same
    words, or without the paper's short name, or its short name alone (or its first few words:
    ``GPT-4`` of ``GPT-4 Technical Report``), or with a name of the row's own before it
    (``ToT: …``) or in parentheses after it (``… (ToT)``). A row whose own short name differs
    from the paper's (``BigTrans: …`` for ``BigTranslate: …``) names it as another version did."""
    row = key(row_title)
    if not row:
        return True  # nothing to compare: an empty or markup-only title is not this rule's
    words = _words(row_title)
    if len(words) <= SHORT_NAME_WORDS and any(
        _words(title)[: len(words)] == words for title in titles
    ):
        return True  # the paper's leading words as its name: "GPT-4" of "GPT-4 Technical Report"
    added = _split(row_title)
    trailing = _TRAILING_NAME.match(row_title)
    without = {key(added[1]) if added else "", key(trailing[1]) if trailing else ""} - {""}
    for title in titles:
        whole = key(title)
        split = _split(title)
        rest, short = (key(split[1]), key(split[0])) if split else ("", "")
        if row in {whole, rest, short} - {""} or whole in without:
            return True
        if trailing is not None and rest and key(trailing[1]) == rest:
            return True
    return False
