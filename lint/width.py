"""Display width of table cells, measured the way prettier's Markdown printer measures it.

A table is laid out by padding each cell to its column's display width: East Asian Wide and
Fullwidth characters and emoji count 2, combining marks and control characters 0, everything else
1 (ambiguous-width punctuation such as ``“`` and ``…`` included). A fixed table must be a fixed
point of ``prettier --parser markdown``, so where prettier 3 (``get-string-width``) and wcwidth
disagree, this module follows prettier:

- zero-width format characters (U+200B, a ZWJ outside an emoji, U+2060) and Hangul jungseong
  count 1, and spacing marks (category Mc) count 1: prettier zeroes only Mn and Me;
- an emoji sequence (ZWJ sequence, keycap, skin tone, tag flag, emoji + U+FE0F) counts 2 as a
  whole, and text-style emoji that accept a skin tone (U+261D, U+270C, U+270D, ...) count 2 even
  without U+FE0F, as prettier's emoji regex matches them;
- a lone regional indicator counts 1 (a flag, two of them, counts 2);
- a tab counts 1, because prettier prints it as a space.

The tables below are wcwidth 0.9.4's (Unicode 18) ``WIDE_EASTASIAN`` and the Mn/Me part of its
``ZERO_WIDTH``, with those adjustments; ``tests/test_width.py`` rebuilds them from wcwidth and
fails when they drift. ASCII text takes a fast path without a per-character loop; other text is
measured with two regular-expression scans; only text holding an emoji sequence is split into
grapheme clusters (with wcwidth, imported then).

Editors that pad by hand measure otherwise (``other_width``): some draw emoji one column wide, and
CJK-aware formatters count East Asian ambiguous characters (``×``, ``→``) two; a row padded either
way is padded, which ``lint/kept_layout.py`` accepts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

# a tab counts 1 (prettier prints it as a space); other control characters count 0
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f]")
# characters that only occur in emoji sequences, which prettier measures as one unit
# (patterns compiled on first use, through re's cache: most lists hold no emoji sequence)
_SEQUENCE = "[\u200d\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]"
_ASTRAL = "[\U00010000-\U0010ffff]"
# prettier's narrow-when-bare emoji become wide with U+FE0F; digits, # and * start keycaps
_EMOJI_START = (
    "[#*0-9\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u2328"
    "\u23cf\u23ed-\u23ef\u23f1\u23f2\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0"
    "\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b-\u2b55\u3030\u303d"
    "\u3297\u3299\U0001f000-\U0001faff]"
)


def width(text: str) -> int:
    """Display width of ``text`` (one cell, no line break) as prettier measures it."""
    if text.isascii():
        if text.isprintable():
            return len(text)
        return len(text) - len(_ASCII_CONTROL.findall(text))
    return _wide_text_width(text)


# what may make text an emoji: a presentation selector, or an astral pictograph
_EMOJI = re.compile("[\ufe0f\U0001f000-\U0010ffff]")


def has_emoji(text: str) -> bool:
    """True when ``text`` may hold an emoji (a regex search in C, no loop over characters)."""
    return not text.isascii() and _EMOJI.search(text) is not None


def measured_otherwise(text: str) -> bool:
    """True when an editor may measure ``text`` otherwise than ``width`` (``other_width``): it
    holds an emoji or an East Asian ambiguous character (two scans in C)."""
    return not text.isascii() and (
        _EMOJI.search(text) is not None or _MAYBE_AMBIGUOUS.search(text) is not None
    )


def other_width(text: str) -> int:
    """Display width as an editor measuring otherwise gives it: emoji one column wide
    (``narrow_emoji_width``), or East Asian ambiguous characters (``×``, ``→``, ``“``) two wide
    beside CJK text, as a CJK-aware formatter pads them; -1 when both agree with ``width``."""
    if text.isascii():
        return -1
    narrow = narrow_emoji_width(text)
    if narrow >= 0:
        return narrow
    return _ambiguous_wide_width(text)


# the blocks every East Asian ambiguous character of the BMP stands in (Latin, Greek and Cyrillic
# letters and signs, punctuation, arrows, operators, box drawing, symbols, private use, variation
# selectors; ``tests/test_width.py`` checks it against unicodedata): one scan in C finds the
# candidates, ``_ambiguous`` confirms them
_MAYBE_AMBIGUOUS = re.compile(
    "[\u00a1-\u04ff\u1100-\u115f\u2010-\u27ff\u2b55-\u2b59\u3248-\u324f\ue000-\uf8ff"
    "\ufe00-\ufe0f\ufffd]"
)


def _ambiguous_wide_width(text: str) -> int:
    """Display width with East Asian ambiguous characters counted two wide, or -1 for text with
    none."""
    candidates = _MAYBE_AMBIGUOUS.findall(text)
    ambiguous = sum(map(_ambiguous, candidates)) if candidates else 0
    if not ambiguous:
        return -1
    return width(text) + ambiguous


@lru_cache(maxsize=1024)
def _ambiguous(char: str) -> bool:
    from unicodedata import east_asian_width

    return east_asian_width(char) == "A"


def narrow_emoji_width(text: str) -> int:
    """Display width as an editor whose font draws emoji one column wide measures it (``📯``
    and ``❗️`` count 1), or -1 for text with no emoji: editors disagree on emoji, so a cell
    padded either way is padded (``lint/kept_layout.py``)."""
    if not has_emoji(text):
        return -1  # no emoji (most text): one scan in C rather than a loop over characters
    # each emoji one column narrower: an astral one (``📯``, ``🖼️`` with its selector) or a
    # text character its selector makes one (``❗️``); a selector after an astral emoji adds none
    emoji = 0
    before = ""
    for char in text:
        if "\U0001f000" <= char <= "\U0001faff":
            emoji += 1
        elif char == "\ufe0f" and not "\U0001f000" <= before <= "\U0001faff":
            emoji += 1
        before = char
    return width(text) - emoji if emoji else -1


# text beyond ASCII is measured once: a list repeats its summaries, tags and dates
@lru_cache(maxsize=65536)
def _wide_text_width(text: str) -> int:
    astral = max(text) > "\uffff"
    bmp_sequence = "\u200d" in text or "\ufe0f" in text or "\u20e3" in text
    if bmp_sequence or (astral and re.search(_SEQUENCE, text)):
        return _sequence_width(text)
    return _plain_width(text, astral)


# characters measured one by one before the class regexes are compiled: compiling them costs a
# few milliseconds (re fills a 64K table in Python), more than a short list takes to measure
_loop_budget = [20_000]


def _plain_width(text: str, astral: bool = True) -> int:
    """Width without emoji sequences: two scans of the text in C, a loop over astral characters.

    Until the regexes are worth compiling (see ``_loop_budget``), a loop over the characters.
    """
    if _loop_budget[0] >= len(text) and not _bmp_classes.cache_info().currsize:
        _loop_budget[0] -= len(text)
        return sum(map(_char_width, text))
    wide, zero = _bmp_classes()
    total = len(text) + wide.subn("", text)[1]
    if zero.search(text):
        total -= len(zero.findall(text))
    if astral:
        total += sum(_astral_width(char) - 1 for char in re.findall(_ASTRAL, text))
    return total


def _sequence_width(text: str) -> int:
    """Width of text holding emoji sequences: an emoji cluster counts 2, other text as usual."""
    from wcwidth import iter_graphemes

    total = 0
    for cluster in iter_graphemes(text):
        if len(cluster) > 1 and re.search(_SEQUENCE, cluster) and _is_emoji(cluster[0]):
            total += 2
        else:
            total += _plain_width(cluster) if not cluster.isascii() else width(cluster)
    return total


def _is_emoji(first: str) -> bool:
    return bool(re.match(_EMOJI_START, first)) or bool(
        _bmp_classes()[0].match(first) or _astral_width(first) == 2
    )


@lru_cache(maxsize=1)
def _bmp_classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The wide and zero-width classes of the Basic Multilingual Plane, compiled on first use.

    They leave out astral characters because ``re`` tests a class that fits in 16 bits with one
    table look-up per character, while a wider class is a linear scan of its ranges.
    """
    return _compile(_WIDE, 0xFFFF), _compile(_ZERO + " 0-8 A-1F 7F-9F", 0xFFFF)


def _char_width(char: str) -> int:
    """Width of one character outside an emoji sequence, by bisecting the range tables."""
    code = ord(char)
    if code < 0x300:
        return 0 if code < 0x20 and code != 9 or 0x7F <= code <= 0x9F else 1
    if code > 0xFFFF:
        return _astral_width(char)
    starts, ends = _bmp_bounds(_WIDE)
    index = bisect_right(starts, code) - 1
    if index >= 0 and code <= ends[index]:
        return 2
    starts, ends = _bmp_bounds(_ZERO)
    index = bisect_right(starts, code) - 1
    return 0 if index >= 0 and code <= ends[index] else 1


@lru_cache(maxsize=2)
def _bmp_bounds(table: str) -> tuple[list[int], list[int]]:
    pairs = [(low, high) for low, high in ranges(table) if low <= 0xFFFF]
    return [low for low, _ in pairs], [min(high, 0xFFFF) for _, high in pairs]


@lru_cache(maxsize=4096)
def _astral_width(char: str) -> int:
    code = ord(char)
    if _in(code, _astral_ranges(_WIDE)):
        return 2
    return 0 if _in(code, _astral_ranges(_ZERO)) else 1


@lru_cache(maxsize=2)
def _astral_ranges(table: str) -> tuple[tuple[int, int], ...]:
    return tuple((low, high) for low, high in ranges(table) if high > 0xFFFF)


def _in(code: int, pairs: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in pairs)


def ranges(table: str) -> list[tuple[int, int]]:
    """``"1100-115F 231A"`` -> ``[(0x1100, 0x115F), (0x231A, 0x231A)]``."""
    pairs = []
    for item in table.split():
        low, _, high = item.partition("-")
        pairs.append((int(low, 16), int(high or low, 16)))
    return pairs


def _compile(table: str, limit: int) -> re.Pattern[str]:
    parts = (
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges(table)
        if high <= limit
    )
    return re.compile(f"[{''.join(parts)}]")


# code points (hex, ranges inclusive) that count 2: wcwidth's WIDE_EASTASIAN, adjusted
_WIDE = (
    "1100-115F 231A-231B 2329-232A 23E9-23EC 23F0 23F3 25FD-25FE 2614-2615 261D 2630-2637 "
    "2648-2653 267F 268A-268F 2693 26A1 26AA-26AB 26BD-26BE 26C4-26C5 26CE 26D4 26EA 26F2-26F3 "
    "26F5 26F9-26FA 26FD 2705 270A-270D 2728 274C 274E 2753-2755 2757 2795-2797 27B0 27BF "
    "2B1B-2B1C 2B50 2B55 2E80-2E99 2E9B-2EF3 2F00-2FD5 2FF0-3029 302E-303E 3041-3096 309B-30FF "
    "3105-312F 3131-318E 3190-31E5 31EF-321E 3220-3247 3250-A48C A490-A4C6 A960-A97C AC00-D7A3 "
    "F900-FAFF FE10-FE19 FE30-FE52 FE54-FE66 FE68-FE6B FF01-FF60 FFE0-FFE6 16FE0-16FE3 "
    "16FF0-16FF6 17000-18CDA 18CFF-18D20 18D80-18DF2 18E00-19191 191A0-191D2 1AFF0-1AFF3 "
    "1AFF5-1AFFB 1AFFD-1AFFE 1B000-1B128 1B132 1B150-1B152 1B155 1B164-1B168 1B170-1B2FB "
    "1D300-1D356 1D360-1D376 1F004 1F0CF 1F18E 1F191-1F19A 1F1AE 1F200-1F202 1F210-1F23B "
    "1F240-1F248 1F250-1F251 1F260-1F265 1F300-1F320 1F32D-1F335 1F337-1F37C 1F37E-1F393 "
    "1F3A0-1F3CC 1F3CF-1F3D3 1F3E0-1F3F0 1F3F4 1F3F8-1F43E 1F440 1F442-1F4FC 1F4FF-1F53D "
    "1F54B-1F54E 1F550-1F567 1F574-1F575 1F57A 1F590 1F595-1F596 1F5A4 1F5FB-1F64F 1F680-1F6C5 "
    "1F6CC 1F6D0-1F6D2 1F6D5-1F6D9 1F6DC-1F6DF 1F6EB-1F6EC 1F6F4-1F6FC 1F7DA 1F7E0-1F7EB 1F7F0 "
    "1F90C-1F93A 1F93C-1F945 1F947-1F9FF 1FA70-1FA7C 1FA80-1FAC6 1FAC8 1FACC-1FADD 1FADF-1FAEB "
    "1FAEF-1FAFA 20000-2FFFD 30000-3FFFD"
)

# code points that count 0: the Mn and Me characters of wcwidth's ZERO_WIDTH
_ZERO = (
    "300-36F 483-489 591-5BD 5BF 5C1-5C2 5C4-5C5 5C7 610-61A 64B-65F 670 6D6-6DC 6DF-6E4 6E7-6E8 "
    "6EA-6ED 711 730-74A 7A6-7B0 7EB-7F3 7FD 816-819 81B-823 825-827 829-82D 859-85B 898-89F "
    "8CA-8E1 8E3-902 93A 93C 941-948 94D 951-957 962-963 981 9BC 9C1-9C4 9CD 9E2-9E3 9FE A01-A02 "
    "A3C A41-A42 A47-A48 A4B-A4D A51 A70-A71 A75 A81-A82 ABC AC1-AC5 AC7-AC8 ACD AE2-AE3 AFA-AFF "
    "B01 B3C B3F B41-B44 B4D B55-B56 B62-B63 B82 BC0 BCD C00 C04 C3C C3E-C40 C46-C48 C4A-C4D "
    "C55-C56 C62-C63 C81 CBC CBF CC6 CCC-CCD CE2-CE3 D00-D01 D3B-D3C D41-D44 D4D D62-D63 D81 DCA "
    "DD2-DD4 DD6 E31 E34-E3A E47-E4E EB1 EB4-EBC EC8-ECD F18-F19 F35 F37 F39 F71-F7E F80-F84 "
    "F86-F87 F8D-F97 F99-FBC FC6 102D-1030 1032-1037 1039-103A 103D-103E 1058-1059 105E-1060 "
    "1071-1074 1082 1085-1086 108D 109D 135D-135F 1712-1714 1732-1733 1752-1753 1772-1773 "
    "17B4-17B5 17B7-17BD 17C6 17C9-17D3 17DD 180B-180D 180F 1885-1886 18A9 1920-1922 1927-1928 "
    "1932 1939-193B 1A17-1A18 1A1B 1A56 1A58-1A5E 1A60 1A62 1A65-1A6C 1A73-1A7C 1A7F 1AB0-1ACE "
    "1B00-1B03 1B34 1B36-1B3A 1B3C 1B42 1B6B-1B73 1B80-1B81 1BA2-1BA5 1BA8-1BA9 1BAB-1BAD 1BE6 "
    "1BE8-1BE9 1BED 1BEF-1BF1 1C2C-1C33 1C36-1C37 1CD0-1CD2 1CD4-1CE0 1CE2-1CE8 1CED 1CF4 "
    "1CF8-1CF9 1DC0-1DFF 20D0-20F0 2CEF-2CF1 2D7F 2DE0-2DFF 302A-302D 3099-309A A66F-A672 "
    "A674-A67D A69E-A69F A6F0-A6F1 A802 A806 A80B A825-A826 A82C A8C4-A8C5 A8E0-A8F1 A8FF "
    "A926-A92D A947-A951 A980-A982 A9B3 A9B6-A9B9 A9BC-A9BD A9E5 AA29-AA2E AA31-AA32 AA35-AA36 "
    "AA43 AA4C AA7C AAB0 AAB2-AAB4 AAB7-AAB8 AABE-AABF AAC1 AAEC-AAED AAF6 ABE5 ABE8 ABED FB1E "
    "FE00-FE0F FE20-FE2F 101FD 102E0 10376-1037A 10A01-10A03 10A05-10A06 10A0C-10A0F 10A38-10A3A "
    "10A3F 10AE5-10AE6 10D24-10D27 10EAB-10EAC 10F46-10F50 10F82-10F85 11001 11038-11046 11070 "
    "11073-11074 1107F-11081 110B3-110B6 110B9-110BA 110C2 11100-11102 11127-1112B 1112D-11134 "
    "11173 11180-11181 111B6-111BE 111C9-111CC 111CF 1122F-11231 11234 11236-11237 1123E 112DF "
    "112E3-112EA 11300-11301 1133B-1133C 11340 11366-1136C 11370-11374 11438-1143F 11442-11444 "
    "11446 1145E 114B3-114B8 114BA 114BF-114C0 114C2-114C3 115B2-115B5 115BC-115BD 115BF-115C0 "
    "115DC-115DD 11633-1163A 1163D 1163F-11640 116AB 116AD 116B0-116B5 116B7 1171D 1171F "
    "11722-11725 11727-1172B 1182F-11837 11839-1183A 1193B-1193C 1193E 11943 119D4-119D7 "
    "119DA-119DB 119E0 11A01-11A0A 11A33-11A38 11A3B-11A3E 11A47 11A51-11A56 11A59-11A5B "
    "11A8A-11A96 11A98-11A99 11C30-11C36 11C38-11C3D 11C3F 11C92-11CA7 11CAA-11CB0 11CB2-11CB3 "
    "11CB5-11CB6 11D31-11D36 11D3A 11D3C-11D3D 11D3F-11D45 11D47 11D90-11D91 11D95 11D97 "
    "11EF3-11EF4 16AF0-16AF4 16B30-16B36 16F4F 16F8F-16F92 16FE4 1BC9D-1BC9E 1CF00-1CF2D "
    "1CF30-1CF46 1D167-1D169 1D17B-1D182 1D185-1D18B 1D1AA-1D1AD 1D242-1D244 1DA00-1DA36 "
    "1DA3B-1DA6C 1DA75 1DA84 1DA9B-1DA9F 1DAA1-1DAAF 1E000-1E006 1E008-1E018 1E01B-1E021 "
    "1E023-1E024 1E026-1E02A 1E130-1E136 1E2AE 1E2EC-1E2EF 1E8D0-1E8D6 1E944-1E94A E0100-E01EF"
)
