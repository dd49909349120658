"""A title cell read as a reader compares titles: its forms, short names and placeholders.

One arXiv id under two titles is a defect only when the titles name two papers. Lists write one
paper's title in many harmless ways, and none of them is a conflict:

- markup and tags: ``🔥[**Mooncake**] Mooncake: …``, ``**Title**``, a badge, ``<br>`` and what
  follows it (authors, a summary), a leading number ``10)``;
- a trailing short name or affiliation in parentheses: ``… World Models **(Dreamer V1)**``,
  ``… Demonstrations (ICA)`` beside ``(ICD)`` (a survey names one paper by its method in one
  section and by its benchmark in another), ``(@Microsoft etc)``;
- a short name beside the full title (``FacTool`` and ``Factuality Detection in LLMs``, the
  ``[AlexNet](…)`` a video row links): a name of one or two words says nothing against a title;
- one title extending the other, or held in it: ``… with World Model`` and ``… with World
  Model for Autonomous Driving``, ``Megatron-LM: Training …`` and ``Training …``, spaces between
  words aside (``VideoLLaMA2``, ``VideoLLaMA 2``);
- the lead of a cell that goes on with a description: ``**Gemini 1.5** - a compute-efficient …``.

Two titles conflict when neither is a short name and, read in every one of these forms, neither
is the other, a prefix of it or held in it. A *placeholder* (``null``, ``-``, ``[Paper]``,
``链接``) is no title at all: it names nothing, so it neither matches nor conflicts, and a
message never quotes it as one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from typing import NamedTuple

from lint import markup
from lint.dates import venue_year
from lint.placeholders import (
    LABEL_WORDS,
    PLACEHOLDERS,
    is_placeholder,
    words,
)

# a name: at most this many words and characters (``Dog Facts``, ``GPT-2``, ``图神经网络介绍``)
NAME_WORDS = 2
NAME_CHARACTERS = 20
# a run of CJK characters counts a word for every this many characters (``大模型`` is one)
CJK_WORD = 4
_CJK_START = "\u2e80"
# a trailing parenthesis of at most this many words is a tag (``(ICA)``, ``(@Microsoft etc)``)
_TAG_WORDS = 4
# what a title may carry besides a name: a number and trailing tags in parentheses
_TAGS_LENGTH = 70
# a name written as one token (an identifier) is at most this long
_IDENTIFIER_LENGTH = 60

_WORD = re.compile(r"[^\W_]+")
_BREAK = re.compile(r"(?i)<br\s*/?>")
_NUMBERING = re.compile(r"^\s*\(?\d{1,4}[).、．.]\s+")
_TRAILING_TAG = re.compile(r"[\s*_~`]*[(（\[【]([^()（）\[\]【】]{1,60})[)）\]】][\s*_~`.。]*$")
_CLOSING = frozenset(")）]】")
# four words in a row (ASCII text: NFKC and case folding move no word boundary there)
_FOUR_WORDS = re.compile(r"[^\W_]+(?:[\W_]+[^\W_]+){3}")
# a cell that starts with an emphasised lead, then goes on (`` - a model that …``)
_LEAD = re.compile(r"^\s*(?:\*\*|__)(?P<bold>[^*_]+?)(?:\*\*|__)(?P<rest>.*)$", re.DOTALL)


def _has_words(text: str) -> bool:
    """``bool(words(text))``; for ASCII text (which NFKC and case folding turn into no other
    letter, digit or mark) one search that stops at the first word."""
    if text.isascii():
        return _WORD.search(text) is not None
    return bool(words(text))


def is_name(found: tuple[str, ...]) -> bool:
    """True for a short name (``FacTool``, ``Dog Facts``, ``文心一言``): a title it cannot
    contradict. CJK runs carry no spaces: every ``CJK_WORD`` characters count as a word."""
    if len(found) > NAME_WORDS or sum(map(len, found)) > NAME_CHARACTERS:
        return False  # every word counts at least one
    return sum(_units(word) for word in found) <= NAME_WORDS


def _units(word: str) -> int:
    cjk = sum(1 for char in word if char >= _CJK_START)
    return (cjk < len(word)) + -(-cjk // CJK_WORD)


def names(cell: str) -> bool:
    """True when a title cell's main title is a short name (``[SQuAD2.0](…)``) or an
    identifier (``[Llama-3-ELYZA-JP-8B](…)``)."""
    if cell.isascii() and "<" not in cell and "[" not in cell and _CLOSING.isdisjoint(cell):
        if _identifier(cell):
            return True
        # a plain title (most): shown as written, one part, no tag to drop; as below, a title
        # without words reads as the empty name
        if _FOUR_WORDS.search(cell) or (
            len(cell) > NAME_CHARACTERS + _TAGS_LENGTH and _has_words(cell)
        ):
            return False  # a number dropped, three words or more are left: no name
        return is_name(words(_NUMBERING.sub("", cell)))
    parts = [cell]
    if "<" in cell:
        parts = [part for part in _BREAK.split(cell) if _has_words(_shown(part))]
    shown = _shown(_quoted_part(parts)) if parts else ""
    if len(shown) > NAME_CHARACTERS + _TAGS_LENGTH:
        return False  # longer than a name with its number and tags: not read further
    return _identifier(_NUMBERING.sub("", shown)) or is_name(_main(shown))


def _identifier(text: str) -> bool:
    """True for a name written as one token of words joined by marks: a model's or a
    dataset's identifier (``ELYZA-Thinking-1.0-Qwen-32B``, ``SIP-med-LLM/SIP-jmed-llm-3``),
    which ``is_name`` counts as many words; a paper's title has spaces (but for a CJK one,
    which ``is_name`` reads: ASCII only here). An address or an id (``arXiv:2303.06865``,
    ``doi:…``) is none, nor a number or a date: a name has letters."""
    return (
        text.isascii()
        and len(text) <= _IDENTIFIER_LENGTH
        and len(text.split()) == 1
        and ":" not in text
        and sum(map(str.isalpha, text)) >= 2
    )


class Forms(NamedTuple):
    """The ways a title cell may name its paper, as word tuples: ``titles`` its main title
    (markup, tags, numbering and a trailing short name or affiliation dropped) and its lead (the
    part before a ``<br>``, an emphasised lead that a description follows); ``links`` the text of
    each of its links that is not a placeholder (``[AlexNet](…)`` in a sentence)."""

    titles: tuple[tuple[str, ...], ...]
    links: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=8192)
def forms(cell: str) -> Forms:
    """The forms of a title cell (see ``Forms``)."""
    found: list[tuple[str, ...]] = []
    parts = [part for part in _BREAK.split(cell) if words(_shown(part))]
    if parts:
        first = _quoted_part(parts)
        found.append(_main(first))
        lead = _LEAD.match(_NUMBERING.sub("", _shown(first, keep_tags=True)))
        if lead and words(lead["rest"]):
            found.append(_main(lead["bold"]))
    if len(parts) > 1 or not any(found):
        found.append(_main(cell))
    titles = tuple(dict.fromkeys(form for form in found if form))
    links = tuple(text for text in dict.fromkeys(_link_texts(cell)) if text not in titles)
    return Forms(titles, links)


def _shown(text: str, keep_tags: bool = False) -> str:
    if "[" not in text and "<" not in text:
        return text
    shown = markup.read_cell(text, keep_tags=keep_tags).text
    return shown if keep_tags or _has_words(shown) else markup.read_cell(text, keep_tags=True).text


def _main(text: str) -> tuple[str, ...]:
    """The title ``text`` shows, without a leading number and trailing tags in parentheses."""
    shown = _NUMBERING.sub("", _shown(text))
    while not _CLOSING.isdisjoint(shown):  # a tag ends in a closing bracket (most titles: none)
        tag = _TRAILING_TAG.search(shown)
        if tag is None or len(words(tag[1])) > _TAG_WORDS or not _has_words(shown[: tag.start()]):
            break
        shown = shown[: tag.start()]
    return words(shown)


def _link_texts(cell: str) -> list[tuple[str, ...]]:
    """The words of each link's text in ``cell`` that is not a placeholder (``[pdf]``)."""
    found = []
    for written in markup.link_texts(cell):
        text = _main(written)
        if text and " ".join(text) not in PLACEHOLDERS and not LABEL_WORDS.issuperset(text):
            found.append(text)  # ``[note]``, ``[codes]`` beside a title label its links
    return found


def _holds(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """True when ``shorter``'s words run, in order, inside ``longer``'s (a prefix included)."""
    if len(shorter) > len(longer):
        return False
    return f" {' '.join(shorter)} " in f" {' '.join(longer)} "


def compatible(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """True when two forms can name one paper: equal, or one held in the other, word by word
    or with the spaces between words ignored (``VideoLLaMA2``, ``VideoLLaMA 2``)."""
    if first == second or _holds(first, second) or _holds(second, first):
        return True
    joined, other = "".join(first), "".join(second)
    if joined in other or other in joined:
        return True
    # a part of a title with a word in the plural (``Features`` in ``Feature Extraction``); two
    # whole titles apart in a plural are one title mistyped, which a list corrects
    if len(first) != len(second):
        singular = _singular(first), _singular(second)
        if _holds(*singular) or _holds(*reversed(singular)):
            return True
    if _shortened(first, second) or _shortened(second, first):
        return True
    # words written as their initials in one (``RL``, ``HOI``) and in full in the other
    first, second = _spelt_out(first, second), _spelt_out(second, first)
    return _holds(first, second) or _holds(second, first)


# a title shortened by leaving words out of its middle keeps at least this many
SHORTENED_WORDS = 4


def shortened(first: str, second: str) -> bool:
    """True when one title cell's title is the other's shortened (``_shortened``)."""
    mine, theirs = forms(first).titles, forms(second).titles
    return any(_shortened(*pair) or _shortened(*pair[::-1]) for pair in product(mine, theirs))


def _shortened(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when ``short`` is ``long`` with a phrase of two words or more left out of its
    middle (``Accelerating discovery with AI and robotics`` of ``Accelerating discovery in
    natural science laboratories with AI and robotics``): a list's short title for a paper. A
    word alone left out is a title revised (``DeepSeek vs. o3-mini`` of ``DeepSeek-R1 vs.
    o3-mini``), which one paper should be listed under once."""
    cut = len(long) - len(short)
    if len(short) < SHORTENED_WORDS or cut < 2:
        return False
    return any(
        short[:start] == long[:start] and short[start:] == long[start + cut :]
        for start in range(1, len(short))
    )


def _spelt_out(form: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """``form`` with each short word that ``other`` lacks and spells out, initial by initial,
    in a run of its words (``rl`` as ``reinforcement learning``) replaced by that run."""
    found: list[str] = []
    for word in form:
        run = None
        if 2 <= len(word) <= 5 and word.isalpha() and word not in other:
            starts = range(len(other) - len(word) + 1)
            run = next((at for at in starts if _initials(other, at, word)), None)
        found.extend((word,) if run is None else other[run : run + len(word)])
    return tuple(found)


def _initials(words_: tuple[str, ...], at: int, acronym: str) -> bool:
    return all(words_[at + index][:1] == letter for index, letter in enumerate(acronym))


def _singular(form: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word[:-1] if len(word) > 3 and word.endswith("s") else word for word in form)


def conflict(first: str, second: str, reworded: bool = False) -> bool:
    """True when two title cells name two different papers: neither's title is a short name,
    and no form of one is compatible with a form of the other. A placeholder or an empty cell
    conflicts with nothing. ``reworded``: the list words a paper's title after its name its own
    way (``paper_index.REWORDED``), so one name before a colon is one paper."""
    if first == second or is_placeholder(first) or is_placeholder(second):
        return False
    mine, theirs = forms(first), forms(second)
    if not mine.titles or not theirs.titles:
        return False
    if any(is_name(form) for form in (*mine.titles, *theirs.titles)):
        return False
    if _one_token(first) or _one_token(second):
        return False  # a name of joined words (``Inst-IT-Bench``, ``GPT-4o-mini``) is a name too
    if _releases_of_one_family(first, second):
        return False  # ``MiniCPM-V 2.6: …`` citing ``MiniCPM-V: …``'s report
    mine_named, theirs_named = _named(first), _named(second)
    if mine_named and theirs_named and mine_named[0] == theirs_named[0]:
        if reworded or compatible(mine_named[1], theirs_named[1]):
            return False  # ``MTGS: Multi-Person …``, ``MTGS: A Novel Framework for Multi-Person …``
    return not any(
        compatible(one, other)
        for one in (*mine.titles, *mine.links)
        for other in (*theirs.titles, *theirs.links)
    )


def _one_token(cell: str) -> bool:
    """True for a title cell showing one run of text without a space (emphasis and links
    aside): a name (``Inst-IT-Bench``, ``meta-llama/PurpleLlama``), however many words its
    hyphens and slashes join; a title in a script of spaces has some (CJK titles have none)."""
    shown = _shown(cell).strip().strip("*_`")
    return bool(shown) and shown.isascii() and not any(char.isspace() for char in shown)


# a version after a name (``2.6``, ``v2``, ``3``), as a word of its own
_VERSION_WORD = re.compile(r"v?\d+")


def _releases_of_one_family(first: str, second: str) -> bool:
    """True when two title cells open with one name before a colon, one of them with a
    version after it (``MiniCPM-V 2.6: …``, ``MiniCPM-V: …``): a release of a family, which
    cites the family's report."""
    mine, theirs = _name_and_version(first), _name_and_version(second)
    if mine is None or theirs is None:
        return False
    return mine[0] == theirs[0] and mine[1] != theirs[1]


def _name_and_version(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The short name a title cell opens with before a colon, and the version words after it
    (``MiniCPM-V 2.6`` -> ``(minicpm, v)``, ``(2, 6)``); None when it opens with no name."""
    opening = _opening(cell)
    if opening is None:
        return None
    found = list(opening[0])
    version: list[str] = []
    while len(found) > 1 and _VERSION_WORD.fullmatch(found[-1]):
        version.insert(0, found.pop())
    return (tuple(found), tuple(version)) if is_name(tuple(found)) else None


def one_title(first: str, second: str) -> bool:
    """True when two title cells may write one title: named alike (``MedRAX: …`` twice), or a
    form of one compatible with a form of the other (``A-MEM …`` and ``A-MEM … (NeurIPS)``)."""
    if named_alike(first, second):
        return True
    mine, theirs = forms(first).titles, forms(second).titles
    return any(compatible(one, other) for one, other in product(mine, theirs))


def named_alike(first: str, second: str) -> bool:
    """True when two title cells open with one short name before a colon (``MedAgents: …``)."""
    mine, theirs = _named(first), _named(second)
    return mine is not None and theirs is not None and mine[0] == theirs[0]


def _named(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The short name a title cell opens with before a colon and the words after it
    (``FGAHOI``, ``Fine-Grained …``), or ends with in parentheses and the words before it
    (``Discovering faster matrix multiplication (AlphaTensor)``); None when it names none."""
    opening = _opening(cell)
    if opening is not None and is_name(opening[0]):
        return opening
    return _closing_name(cell)


def may_be_named(cell: str) -> bool:
    """True when a title cell may name a name (``_named``): a colon, or a closing bracket."""
    return ":" in cell or not _CLOSING.isdisjoint(cell)


# a system's name in a title's trailing tag: one word of two capitals or more, or of letters
# and digits (``(AlphaTensor)``, ``(GPT-4)``), never a venue's label (``(ICLR 2024)``)
_SYSTEM_NAME = re.compile(r"[A-Za-z][\w.+-]*")


def _closing_name(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A system's name in the tag a title ends with, and the title's words before it."""
    if _CLOSING.isdisjoint(cell):
        return None  # most titles: no closing bracket
    shown = _shown(_BREAK.split(cell)[0])
    tag = _TRAILING_TAG.search(shown)
    if tag is None or not _has_words(shown[: tag.start()]):
        return None
    name = tag[1].strip()
    capitals = sum(char.isupper() for char in name)
    if not _SYSTEM_NAME.fullmatch(name) or (
        capitals < 2 and not (capitals and any(char.isdigit() for char in name))
    ):
        return None
    return words(name), words(shown[: tag.start()])


def _opening(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The words a title cell opens with before a colon and the words after it, None when it
    has no colon with words on both sides."""
    parts = [part for part in _BREAK.split(cell) if words(_shown(part))]
    first = _quoted_part(parts) if parts else cell
    name, colon, rest = _NUMBERING.sub("", _shown(first)).partition(":")
    found, after = words(name), words(rest)
    return (found, after) if colon and after and found else None


# a title quoted in a message is cut to this many characters
SHOWN = 60


def shown(cell: str) -> str:
    """A title cell as a message quotes it: its first part (before a ``<br>``) as GitHub shows
    it, emphasis and tags' brackets dropped, shortened; "" for a placeholder, which names no
    title."""
    if is_placeholder(cell):
        return ""
    parts = [part for part in _BREAK.split(cell) if words(_shown(part))]
    text = _shown(_quoted_part(parts) if parts else cell, keep_tags=True)
    for marker in ("**", "__", "~~", "`"):
        text = text.replace(marker, "")
    text = _unquoted(" ".join(text.split()))
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


# a venue written with its year's last two digits and a word of its track (``ICLR22``,
# ``EMNLP24 Findings``, ``NeurIPS24 Oral``, ``Arxiv 24``), or a paper under review
_VENUE_LABEL = re.compile(
    r"(?i)[^\W\d_][\w&.-]*?[ '’]?(?:19|20)?\d\d(?:[ _][^\W\d_]+)?|under review"
)


def _venue_label(text: str) -> bool:
    """True for the text of a venue and its year (``ICLR22``, ``EMNLP 2024 Findings``)."""
    text = " ".join(text.split())
    return venue_year(text) is not None or _VENUE_LABEL.fullmatch(text) is not None


def _quoted_part(parts: list[str]) -> str:
    """The part of a title cell a message quotes: its first, but where that is a venue and its
    year (``Arxiv2025 <br> [The title](…) <br> authors``), the first linked title after it."""
    first = parts[0]
    if len(parts) == 1 or "](" in first or not _venue_label(_shown(first)):
        return first
    return next((part for part in parts[1:] if "](" in part and not is_placeholder(part)), first)


# a title in quotes, alone or before link labels (``"OctoPack: …" [paper]``), which a message
# would quote again (``"Do Anything Now": Characterizing …`` keeps its quotes)
_QUOTED = re.compile(r"^[\"“「『]([^\"“”「」『』]+)[\"”」』]\s*(?:\[|$)")


def _unquoted(text: str) -> str:
    found = _QUOTED.match(text)
    return found[1].strip() if found and words(found[1]) else text
