"""Cells that name no paper, whatever column they stand in: a placeholder (``null``, ``-``,
``[Paper]``, ``链接``), labels of links side by side (``[Paper] · [GitHub]``), a citation by
authors (``Wang et al., 2022``), an arXiv id standing for a title, venues with their years
(``[JAG2025](…)``); and a title struck through, a record of an entry, no live one.
"""

from __future__ import annotations

import re
import unicodedata

from lint import markup
from lint.dates import venue_year

_WORD = re.compile(r"[^\W_]+")

# a cell longer than this (as shown) holds words besides a label; one of links, besides labels
# side by side (``📄 [Paper](…) <br> 🐙 [Repo](…) <br> 🤗 [Dataset](…)``)
_LABEL_LENGTH = 24
_LABELS_LENGTH = 96
# text shown in square brackets only (``[PDF] [Code]``, ``[end-to-end latency in seconds]``):
# labels of links, which a list brackets, never a title
BRACKETED = re.compile(r"\s*(?:\\?\[[^\[\]]*\]\s*)+")
# cells that stand for a missing title or label a link: they name no paper
PLACEHOLDERS = frozenset(
    (
        "null none nil nan na tbd tba todo soon wip paper papers link links pdf arxiv code "
        "project website homepage url here click blog github openreview preprint"
    ).split()
    + ["n a", "coming soon", "home page", "链接", "论文", "地址", "无", "暂无", "待定", "待补充"]
)


def words(text: str) -> tuple[str, ...]:
    """The words of ``text``, NFKC and case folded (markup and punctuation separate words)."""
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


# a word that labels a link to something (the paper, its code, its data), naming nothing
LABEL_WORDS = frozenset(
    [word for word in PLACEHOLDERS if " " not in word]
    + "hf huggingface demo model models dataset data slides video poster page repo bib bibtex "
    "abs html weights checkpoint checkpoints note notes codes talk site web webpage docs".split()
)

# words saying a link is still to come (``[Coming soon]()``, ``[TODO]()``) or there is none
_TO_COME = frozenset("soon todo tbd tba wip coming upcoming na none null nil".split())
_TO_COME_CJK = ("待", "暂无", "即将")


def to_come(label: str) -> bool:
    """True for a link's text saying its address is still to come, or that there is none."""
    found = words(label)  # ``N/A`` is two words
    return (
        any(word in _TO_COME for word in found)
        or "".join(found) in _TO_COME
        or any(mark in label for mark in _TO_COME_CJK)
    )


# an arXiv id standing for a title (``arXiv:2412.11376``, ``2412.11376v2``): a label of the
# paper's link, no title (a mistyped id, ``arxiv:202503.16858``, too)
_IDENTIFIER = re.compile(r"(?i)(?:arxiv\s*[:：]?\s*)?\d{4,6}\.\d{4,5}(?:v\d+)?")
# a citation by authors and year (``Wang et al., 2022``): it names a paper by who wrote it, and
# any of their papers that year, not by its title
_AUTHORS = r"[^\W\d_][\w'’.-]*(?: [\w'’.-]+)? et al\.?"
_CITATION = re.compile(_AUTHORS + r",? \(?(?:19|20)\d\d[a-z]?\)?")
# a link labelled by its authors alone (``[Li et al.](…)``): the link names the paper; written
# without a link (``Luo et al.`` in a leaderboard) the authors name their system
_CITED = re.compile(_AUTHORS)


# text struck through (``<del>…</del>``, ``<s>…</s>``, ``~~…~~``): GitHub shows it crossed out
_STRUCK = re.compile(r"(?is)<(del|s|strike)>(.*?)</\1>|~~(.+?)~~")


def struck(cell: str) -> bool:
    """True for a title cell whose words are mostly struck through: an entry the list keeps as
    a record (a session moved or cancelled, a paper withdrawn), no live entry."""
    if "~~" not in cell and "</" not in cell:
        return False  # most cells: two substring tests
    inside = sum(len(words(found[2] or found[3] or "")) for found in _STRUCK.finditer(cell))
    outside = markup.read_cell(_STRUCK.sub(" ", cell)).text  # link labels, not addresses
    return inside > 0 and inside >= len(words(outside))


def by_authors(cell: str) -> bool:
    """True for a cell naming a paper by its authors alone (``Zhao *et al.*``, linked or not)."""
    if "et al" not in cell:
        return False  # most cells: one substring test
    shown = markup.read_cell(cell, keep_tags=True).text if "[" in cell else cell
    return bool(_CITED.fullmatch(" ".join(shown.replace("*", " ").replace("_", " ").split())))


# a link labelled by the site it goes to (``phys.org``, ``medium.com``), beside a venue's
_SITE = re.compile(r"(?i)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|io|ai|edu|gov)")


# a venue and its year as a link's label are a few words (``ISPRS P&RS 2024``); more are a
# title with its venue after it (``Locating and Editing … in GPT (NeurIPS'22)``)
VENUE_WORDS = 5


def _venues_only(cell: str) -> bool:
    """True when every link of the cell is labelled by a venue and its year, or by the site it
    goes to beside one (``[Matter 2026](…) / [phys.org](…)``), and nothing else is said
    (``[JAG2025](…), [ISPRS P&RS 2024](…)``): where a paper appeared, not its title."""
    labels = markup.link_texts(cell)
    venues = [
        len(label.split()) <= VENUE_WORDS and venue_year(label, glued=False) is not None
        for label in labels
    ]
    if not any(venues) or not all(
        venue or _SITE.fullmatch(label.strip()) for venue, label in zip(venues, labels, strict=True)
    ):
        return False
    rest = markup.read_cell(cell).outside
    return not _WORD.search(rest.casefold())


def names_a_thing(text: str) -> bool:
    """True for a cell whose links are labelled by a name and a year (``[VOT-LT2020](…)``): in a
    column of names, a dataset's or a challenge's, which ``is_placeholder`` reads as a venue's
    year elsewhere."""
    return "](" in text and _venues_only(text)


def is_placeholder(text: str) -> bool:
    """True when a cell names nothing: empty, no letter or digit (``-``, ``—``), a label such
    as ``null``, ``Paper``, ``[Paper]``, ``链接``, labels side by side (``[Paper] · [HF]``), a
    citation by authors (``Wang et al., 2022``) or an arXiv id (``[arXiv:2412.11376](…)``)."""
    linked = "[" in text or "<" in text
    shown = markup.read_cell(text, keep_tags=True).text if linked else text
    if linked and BRACKETED.fullmatch(shown):
        return True  # ``[\[peak memory usage in GB\]](…)``: a link labelled as an example
    # longer than any label, or than labels of links side by side: most titles end here
    if len(shown) > (_LABELS_LENGTH if linked else _LABEL_LENGTH) and _WORD.search(shown):
        return False
    found = words(shown)
    stripped = shown.strip()
    if not found or " ".join(found) in PLACEHOLDERS:
        return True
    if _CITATION.fullmatch(stripped) or _IDENTIFIER.fullmatch(stripped):
        return True
    if "](" in text and _CITED.fullmatch(stripped.strip("*_")) and markup.link_texts(text):
        return True
    if "](" in text and _venues_only(text):
        return True
    # labels of links side by side, each naming nothing (``[Paper] · [GitHub] · [HF]``)
    return len(found) > 1 and all(word in LABEL_WORDS for word in found)
