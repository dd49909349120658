"""A section holds nothing, or a paper table holds no rows.

Why: an empty heading in a paper list is a category promised and never filled, or one whose rows
were moved away; readers open it and find nothing. A heading is empty when nothing at all (no table,
text, list, code or sub-heading; HTML comments do not count) comes before the next heading of the
same or a higher level. Sections of prose, such as a contributors' guide or a licence, are not
empty. Headings that are no section to fill are left alone: a heading that is a link (the entry is
the link) or holds a link away from the page (it points to where its content is: "... for UAV
[here](https://...)", or an address in a link written wrong; a ``[↑](#top)`` link does not count), a
notice written as a heading (a sentence: it ends with ``.``, ``!`` or ``?``, or runs past a dozen
words: "News: ... accepted by CVPR 2024.", "Other tasks are coming soon!"; or it says the section is
being written: "Coming Soon", "TBD", "待更新", or when the list was last updated: "Updated on
2026.08.22"; or it points down at what follows: "↓ Previous Version ↓"), and a run of three or more
empty headings side by side at one level (a list naming its topics as headings, as a Future
Directions section does), a heading without text (a bare ``##``, drawn as a rule: a divider), the
document's title (a first-level heading before anything else: ``# Awesome Chinese LLM`` above
``# Datasets``), and a numbered heading whose subsections follow at its level, numbered under it
(``## 1. Related Works``, ``## 1.1 …``); nor is a month or a year of a calendar, a heading naming
one beside another that does (``### Nov 2024`` after ``### Dec 2024``): the list keeps a heading for
each, filled or not. A heading followed at its level by one giving a label and its value
(``##### Time: Friday 15:30`` under a term's ``##### 2020 Dec | Text Generation``) has that line as
its title's second: it holds what follows it.

Fails::

    ### 多模态大模型

    ### 代码大模型
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |

Passes::

    ### 多模态大模型
    | 论文题目 | 发表时间 | 内容简介 |
    | --- | --- | --- |
    | PandaGPT: One Model To Instruction-Follow Them All | 2023.05 | 多模态 |

When the next heading stands at the same level and has content, the heading may be a group whose
subsections were written at its level: the message says so and names the level they would take.

Fix: none: fill the section, remove its heading, or move the headings after it a level down.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lint.context import Context
from lint.document import Document, Section
from lint.headings import shown_heading
from lint.problem import Problem

CODE = "S001"
NAME = "empty-section"
DEFAULT = True
FIX = "none"

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK = re.compile(r"\[[^\]]+\]\([^)]*\)")
# a link away from the page (not ``[↑](#top)``): the heading points to where its content is
_LINK_AWAY = re.compile(r"\[[^\]]+\]\((?!#)[^)]*\)")
# an emoji written as its name (``:arrow_heading_up:``)
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_SENTENCE_END = ".!?。！？"
_MAX_WORDS = 12  # a section name is a few words; a notice or a report's title runs longer
_RUN = 3  # empty headings side by side: topics named as headings, not sections to fill
# headings that say a section is being written: a notice, no section to fill
_PENDING = frozenset(
    (
        "coming soon", "soon", "tbd", "tba", "todo", "to do", "wip", "work in progress",
        "under construction", "to be added", "to be updated", "to be continued", "stay tuned",
        "updating", "in progress", "待更新", "更新中", "持续更新中", "敬请期待", "待补充",
    )
)  # fmt: skip
_WORDS = re.compile(r"\w+")
# a stamp of when the list was last written (``Updated on 2026.08.22``, ``Last update: …``)
_UPDATED = re.compile(r"(?i)(?:last\s+)?update[sd]?\b.*\d{4}|(?:最近|最后)?更新于?.*\d{4}")
# a heading of nothing but an image (``![timeline](timeline.png)`` over a ``---`` line)
# Markdown's deepest heading level
_DEEPEST = 6
_IMAGE = re.compile(r"\s*(?:\[\s*)?(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)(?:\s*\]\([^)]*\))?\s*")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*")


def check(doc: Document, context: Context) -> Iterator[Problem]:
    """Report empty headings and paper tables without rows, in document order."""
    sections = doc.sections
    empty = [_is_empty(doc, sections, index) for index in range(len(sections))]
    for index, section in enumerate(sections):
        if not empty[index] or not _is_section(section) or _in_run(sections, empty, index):
            continue
        if _in_calendar(sections, index):
            continue
        if index == 0 and (_is_title(doc, section) or _is_banner(doc, sections)):
            continue
        column = len(doc.lines[section.line - 1]) - len(doc.lines[section.line - 1].lstrip()) + 1
        shown = shown_heading(section.title) or section.title
        message = f'section "{shown}" is empty: add its entries or remove the heading'
        if _group_like(sections, empty, index):
            deeper = "#" * (section.level + 1)
            message = (
                f'section "{shown}" holds nothing before the next heading at its level: add its '
                f"entries or remove the heading; or, if the sections after it belong to it, make "
                f"them {deeper} headings"
            )
        yield Problem(section.line, column, CODE, NAME, message)
    for found in context.conventions.paper_tables():
        table = found.table
        if not table.rows:
            column = len(table.prefixes[0]) + 1
            message = "paper table has no rows: add its entries or remove the table"
            yield Problem(table.start_line, column, CODE, NAME, message)


def _is_empty(doc: Document, sections: Sequence[Section], index: int) -> bool:
    """True when nothing (no sub-heading either) comes before the next heading of its level."""
    section = sections[index]
    following = sections[index + 1] if index + 1 < len(sections) else None
    if following is not None and following.level > section.level:
        return False  # a sub-heading is content
    if following is not None and _IMAGE.fullmatch(following.title):
        return False  # a figure a ``---`` under it makes a heading of: content shown
    if following is not None and following.level == section.level == _DEEPEST:
        return False  # a sixth-level group can only write its subsections at its own level
    if following is not None and _numbered_under(sections, index):
        return False  # ``1. Related Works`` then ``1.1 …``: its subsections, numbered so
    end = following.line - 1 if following else len(doc.lines)
    if _has_content(doc, _body_start(doc, section), end):
        return False
    if following is not None and following.level == section.level and _subtitle(section, following):
        # ``##### 2020 Dec | Text Generation`` then ``##### Time: Friday 15:30``: a second
        # line of the title, a label and its value; the section goes on under it
        return _is_empty(doc, sections, index + 1)
    return True


# a heading that gives a label and its value (``Time: Friday 15:30 - 17:00``, ``地点：N4``)
_FIELD = re.compile(r"\s*[^\W\d_][^\W\d]*(?: [^\W\d]+){0,2}\s*[:：]\s*\S")


def _subtitle(section: Section, following: Section) -> bool:
    """True when ``following`` gives a label and its value under a heading that does not
    (``Week 1: Intro`` then ``Week 2: Models`` are two sections)."""
    return bool(_FIELD.match(shown_heading(following.title))) and not _FIELD.match(
        shown_heading(section.title)
    )


# a heading's number (``1.``, ``2.2``, ``3.1.4``) before its name
_NUMBER = re.compile(r"\W*(\d+(?:\.\d+)*)\.?(?=\s|$)")


def _number(section: Section) -> str | None:
    found = _NUMBER.match(shown_heading(section.title) or section.title)
    return found[1] if found else None


def _numbered_under(sections: Sequence[Section], index: int) -> bool:
    """True when the next heading's number extends this one's (``1`` then ``1.1``), and the
    heading stands at the level of its nearest sibling numbered as deep, the next one or else
    the last (``5.5`` after ``5.4``): a list nesting its sections by their numbers, written at
    one level. A heading a level off its numbered siblings (``### 5.3``, ``#### 5.4``,
    ``#### 5.4.1``, ``### 5.5``) is a slip of level."""
    mine, theirs = _number(sections[index]), _number(sections[index + 1])
    if mine is None or theirs is None or not theirs.startswith(mine + "."):
        return False
    depth = mine.count(".")
    for others in (sections[index + 1 :], reversed(sections[:index])):
        for other in others:
            number = _number(other)
            if number is not None and number.count(".") == depth:
                return other.level == sections[index].level
    return True


def _is_section(section: Section) -> bool:
    """A heading that names a section to fill: no link (an entry, or a pointer to its content
    elsewhere), not a notice (a sentence)."""
    title = section.title.strip()
    if not title:
        return False  # a bare ``##``: GitHub draws a rule under it, a divider between sections
    if _LINK.fullmatch(title.strip("*_ ")) or _LINK_AWAY.search(title) or "://" in title:
        return False  # an address, even in a link written wrong, points elsewhere
    if _LINK.search(title) and not _WORDS.search(_SHORTCODE.sub("", _LINK.sub("", title))):
        return False  # ``### :arrow_up: [Back to Top](#top)``: a way back, marks aside
    shown = shown_heading(title).strip()
    if not shown:
        return True
    if " ".join(_WORDS.findall(shown.casefold())) in _PENDING:
        return False  # ``### Coming Soon``: a notice that the section is being written
    if _UPDATED.match(shown):
        return False  # ``## Updated on 2026.08.22``: when the list was last written
    if _POINTING.search(shown):
        return False  # ``↓ Previous Version of this repo ↓``: a banner over what follows
    return shown[-1] not in _SENTENCE_END and len(shown.split()) <= _MAX_WORDS


# an arrow pointing down at the start or the end of a heading (``👇``, ``⬇️``, TeX's
# ``$\downarrow$``): a banner pointing at what follows, no section
_POINTING = re.compile(r"^\W*(?:[↓⬇👇⤵]|\$\\downarrow\$)|(?:[↓⬇👇⤵]|\$\\downarrow\$)\W*$")


def _is_banner(doc: Document, sections: Sequence[Section]) -> bool:
    """True for a first heading with nothing but blanks and comments before it, right above a
    heading of a higher level: a tagline over the list's title (``### The Most Powerful
    Arsenal`` over ``## NLP民工的乐园``), no section to fill."""
    first = sections[0]
    return (
        len(sections) > 1
        and sections[1].level < first.level
        and not _has_content(doc, 1, first.line - 1)
    )


def _is_title(doc: Document, section: Section) -> bool:
    """True for a first-level heading with nothing but blanks, comments, an editor's contents
    marker (``[TOC]``) or a line of links (a language switch, badges) before it: the
    document's title, which names the page, not a section to fill."""
    if section.level != 1:
        return False
    before = [line for line in doc.lines[: section.line - 1] if not _above_title(line)]
    return not _shows_anything(before)


def _above_title(line: str) -> bool:
    """True for a line a page may open with above its title: an editor's contents marker
    (``[TOC]``), or a line of links and badges with a word or two between them (``中文 |
    [English](README_en.md)``, a language switch)."""
    stripped = line.strip()
    if _TOC.fullmatch(stripped):
        return True
    if "](" not in stripped and "<" not in stripped:
        return False
    rest = _LINK_OR_TAG.sub(" ", stripped)
    return len(_WORDS.findall(rest)) <= _SWITCH_WORDS


# links, images and HTML tags, which a line of badges or a language switch is made of
_LINK_OR_TAG = re.compile(r"!?\[[^\]]*\]\([^)]*\)|<[^>]*>")
# words a language switch writes besides its links (``中文 | [English](…)``)
_SWITCH_WORDS = 2
# a marker an editor replaces with the page's contents (Typora's ``[TOC]``, GitLab's
# ``[[_TOC_]]``), which GitHub shows as written: no content of a section
_TOC = re.compile(r"(?i)\[\[?_?toc_?\]?\]")


def _group_like(sections: Sequence[Section], empty: Sequence[bool], index: int) -> bool:
    """True when the next heading, at the same level, has content: the empty heading may be a
    group whose subsections were written at its level (only the maintainer can tell)."""
    following = index + 1
    if following >= len(sections) or sections[following].level != sections[index].level:
        return False
    return not empty[following] and sections[index].level < _DEEPEST


# a heading naming a month or a year (``Nov 2024``, ``2024.11``, ``2024年11月``, ``2024``)
_DATED = re.compile(
    r"(?i)(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+)?"
    r"(?:19|20)\d\d(?:\s*[-./年]\s*\d{1,2}\s*月?)?"
)


def _in_calendar(sections: Sequence[Section], index: int) -> bool:
    """True for a heading naming a month or a year beside one that does, at its level: a
    calendar (``### Nov 2024``, ``### Oct 2024``) keeps a heading for each, filled or not."""
    level = sections[index].level

    def dated(other: int) -> bool:
        if not 0 <= other < len(sections) or sections[other].level != level:
            return False
        return _DATED.fullmatch(shown_heading(sections[other].title).strip()) is not None

    return dated(index) and (dated(index - 1) or dated(index + 1))


def _in_run(sections: Sequence[Section], empty: Sequence[bool], index: int) -> bool:
    """True when the heading is one of a run of empty headings of one level, side by side."""
    level = sections[index].level

    def same(other: int) -> bool:
        return 0 <= other < len(sections) and sections[other].level == level and empty[other]

    start = end = index
    while same(start - 1):
        start -= 1
    while same(end + 1):
        end += 1
    return end - start + 1 >= _RUN


def _body_start(doc: Document, section: Section) -> int:
    """The 1-based line after the heading (after a setext heading's underline)."""
    line = section.line
    text = doc.lines[line - 1]
    if not text.lstrip().startswith("#") and line < len(doc.lines):
        if _SETEXT_UNDERLINE.fullmatch(doc.lines[line]):
            return line + 2
    return line + 1


def _has_content(doc: Document, start: int, end: int) -> bool:
    """True when 1-based lines ``start``..``end`` hold anything but blanks and HTML comments."""
    return _shows_anything(doc.lines[start - 1 : end])


def _shows_anything(lines: Sequence[str]) -> bool:
    """True when ``lines`` hold anything but blanks and HTML comments."""
    for text in lines:
        stripped = text.strip()
        if stripped and not stripped.startswith("<!--"):
            return True
    joined = "\n".join(lines)
    return "<!--" in joined and bool(_COMMENT.sub("", joined).strip())
