"""Display width: our tables, the per-character loop and the compiled classes agree."""

from __future__ import annotations

import pytest
import wcwidth

from lint.width import _char_width, _plain_width, narrow_emoji_width, width


def test_character_loop_agrees_with_the_compiled_classes() -> None:
    """Short lists are measured by a loop before the regexes are compiled: both must agree."""
    # every BMP character that is not part of an emoji sequence, and a sample of astral ones
    sample = [chr(code) for code in range(0x20, 0x10000) if not 0xD800 <= code <= 0xDFFF]
    sample += [chr(code) for code in range(0x10000, 0x40000, 97)]
    text = "".join(sample)
    loop = sum(_char_width(char) for char in text)
    assert len(text) > 20_000  # longer than the loop's budget: the regexes measure it
    assert loop == _plain_width(text)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (0x4E00, 0x9FFF),  # CJK unified ideographs
        (0x3040, 0x309F),  # hiragana
        (0xAC00, 0xD7A3),  # hangul syllables
        (0xFF01, 0xFF60),  # full-width forms
        (0x0300, 0x036F),  # combining diacritical marks
        (0x0020, 0x007E),  # ASCII
        (0x00A0, 0x02FF),  # Latin-1 and extensions
    ],
)
def test_tables_agree_with_wcwidth_where_prettier_does(first: int, last: int) -> None:
    """The copied tables have not drifted from wcwidth for the scripts lists are written in."""
    for code in range(first, last + 1):
        char = chr(code)
        if wcwidth.wcwidth(char) < 0:
            continue
        assert _char_width(char) == wcwidth.wcwidth(char), hex(code)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("abc", 3), ("论文题目", 8), ("a\tb", 3), ("２０２３", 8), ("é", 1), ("e\u0301", 1), ("", 0)],
)
def test_width(text: str, expected: int) -> None:
    assert width(text) == expected


@pytest.mark.parametrize(
    ("text", "narrow"),
    [("📯", 1), ("🖼️", 1), ("🛠️", 1), ("❗️", 1), (" LMM 🖼️ ", 7), ("plain", -1)],
)
def test_an_emoji_drawn_one_column_wide_with_or_without_its_selector(
    text: str, narrow: int
) -> None:
    # an astral emoji with its selector was counted narrower twice (🖼️ measured 0 wide)
    assert narrow_emoji_width(text) == narrow


def test_every_ambiguous_character_of_the_bmp_is_a_candidate() -> None:
    """``other_width`` looks for East Asian ambiguous characters in a few blocks first: each one
    unicodedata knows stands in them."""
    import unicodedata

    from lint.width import _MAYBE_AMBIGUOUS

    missed = [
        hex(code)
        for code in range(0x80, 0x10000)
        if unicodedata.east_asian_width(chr(code)) == "A" and not _MAYBE_AMBIGUOUS.match(chr(code))
    ]
    assert missed == []
