"""Two venue cells compared: do they name two venues, or two years, or one venue written two
ways (``NIPS`` and ``NeurIPS 2018``, ``Nat. Commun.`` and ``Nature Communications``, ``TPAMI``
and ``Transactions on Pattern Analysis and Machine Intelligence``, ``ACMMM`` and ``ACM MM``)?
duplicate-entry reads an entry with two venues as one updated in one place only.
"""

from __future__ import annotations

import re

from lint import markup

# a venue's words and years: ``NeurIPS '24`` -> ``neurips``, ``24``
_VENUE_PART = re.compile(r"[^\W\d_]+|\d+")


def venues_conflict(first: str, second: str) -> bool:
    """True when two venue cells name different venues (neither's words hold the other's:
    ``ACL 2024 Findings`` is ``ACL 2024``) or different years (``'24`` is 2024)."""
    mine, theirs = venue_words(first), venue_words(second)
    if not mine[0] or not theirs[0]:
        return False
    names = mine[0] <= theirs[0] or theirs[0] <= mine[0] or _abbreviated(mine[2], theirs[2])
    years = not (mine[1] and theirs[1]) or mine[1] == theirs[1]
    return not (names and years)


def two_versions(first: str, second: str) -> bool:
    """True when two venue cells name two venues in two years (``CVPR2018``, ``IJCV2020``): one
    title with two identifiers there is a paper and its extension, each posted on its own."""
    mine, theirs = venue_words(first), venue_words(second)
    if not (mine[0] and theirs[0] and mine[1] and theirs[1]) or mine[1] == theirs[1]:
        return False
    return not (mine[0] <= theirs[0] or theirs[0] <= mine[0] or _abbreviated(mine[2], theirs[2]))


# words an abbreviated venue leaves out (``IEEE Trans. Ind. Informatics``)
_FILLERS = frozenset("on of the and for in & a an".split())


def _abbreviated(mine: list[str], theirs: list[str]) -> bool:
    """True when one venue's words are the other's abbreviated (``Nat. Commun.``, ``Nature
    Communications``; ``TPAMI``, ``Transactions on Pattern Analysis and Machine Intelligence``):
    one venue written two ways is cross-listing, not a stale entry."""
    short, long = sorted((mine, theirs), key=lambda words: sum(map(len, words)))
    return bool(short) and (_prefixes(short, long) or _initials(short, long))


def _prefixes(short: list[str], long: list[str]) -> bool:
    """Each word of ``short`` begins a word of ``long`` in turn, and only fillers are skipped."""
    rest = iter(long)
    for word in short:
        for other in rest:
            if other.startswith(word):
                break
            if other not in _FILLERS:
                return False
        else:
            return False
    return all(other in _FILLERS for other in rest)


def _initials(short: list[str], long: list[str]) -> bool:
    """``short`` is one acronym of ``long``'s words (fillers and a leading publisher left out
    or not: ``TVC``, The Visual Computer)."""
    if len(short) != 1 or len(short[0]) < 2:
        return False
    words = [word for word in long if word not in _FILLERS]
    initials = "".join(word[0] for word in words)
    every = "".join(word[0] for word in long)
    return short[0] in (initials, initials[1:], every) and len(words) > 1


# venue cells that name none (``arXiv`` does: a preprint)
# a word in parentheses after a venue's name: where a journal is published, as a catalogue
# writes it (``Mass Spectrom (Tokyo)``), or the kind of a talk (``(Oral)``), no venue's name
_PLACE = re.compile(r"\([^\W\d_]+\)")
_NO_VENUE = frozenset("null none nil nan n a na tbd tba todo".split())


# publishers written glued before a venue's name (``ACMMM`` is ``ACM MM``, ACM Multimedia)
_PUBLISHERS = ("acm", "ieee")


# a venue's former name, as lists still write it (NeurIPS was NIPS until 2018)
_FORMER_NAMES = {"nips": "neurips"}


def _unprefixed(word: str) -> str:
    """A venue's word without a publisher glued before it (``acmmm``: ``mm``), by its present
    name (``nips``: ``neurips``)."""
    word = _FORMER_NAMES.get(word, word)
    for publisher in _PUBLISHERS:
        if word.startswith(publisher) and len(word) >= len(publisher) + 2:
            return word[len(publisher) :]
    return word


def venue_words(text: str) -> tuple[frozenset[str], int, list[str]]:
    """A venue cell's names, its year, and its words in order (for abbreviations)."""
    shown = markup.read_cell(text, keep_tags=True).text.casefold()
    parts = _VENUE_PART.findall(_PLACE.sub(" ", shown))
    words = [_unprefixed(part) for part in parts if not part.isdigit() and part not in _NO_VENUE]
    years = [int(part) for part in parts if part.isdigit() and len(part) in (2, 4)]
    year = years[-1] if years else 0
    return frozenset(words), (2000 + year if year < 100 and year else year), words
