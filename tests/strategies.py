"""Documents shaped like real paper lists, for the property tests and ``bench/fuzz.py``.

One generator serves both: every function here draws from a ``random.Random``. The fuzzer passes
one seeded per case (``bench/fuzz.py --seed S --only N`` replays case N); the property tests one
Hypothesis seeds (``documents()``), or Hypothesis's own recording random, which shrinks a failing
document to a small one (``documents(shrink=True)``: slower, for hunting a failure down). The
first option of every list is the plainest, and ``chance`` is False at 0, because Hypothesis
shrinks a draw towards the first option and towards 0.

The breadth is what real lists hold: CJK and full-width text, emoji, dates in every style the
tool reads (numeric, CJK, month names, two-digit years, days in comments, wrapped in bold, code
spans or HTML) with trailing marks, venue-years, dates that are none, links, badges, HTML,
comments, escaped pipes and pipes in code spans, tables in block quotes, list items and indented
blocks, lazy and glued lines, rows with missing or extra cells or no outer pipes, repeated rows
(identical, differently spaced, with another date style), rows out of order, several sections,
``<details>`` blocks, code fences, CRLF and mixed line endings, no final newline.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")
Rnd = random.Random


def chance(rnd: Rnd, probability: float) -> bool:
    """True with ``probability``; False when the draw is 0 (what Hypothesis shrinks to)."""
    return rnd.random() > 1 - probability


def pick(rnd: Rnd, options: Sequence[T]) -> T:
    return options[rnd.randrange(len(options))]


def some(rnd: Rnd, options: Sequence[str], most: int, sep: str = " ") -> str:
    return sep.join(pick(rnd, options) for _ in range(rnd.randint(0, most)))


# -- cells -------------------------------------------------------------------------------------

WORDS = [
    "Large", "Language", "Models", "for", "Optimization", "Reasoning", "GPT-4", "LLaMA",
    "Transformer", "a", "Survey", "Agents", "RL", "Benchmark", "Vision", "3D", "MoE", "7B",
    "v2", "(ICLR'24)", "&", "–", "—", ":", "...", "…", "e.g.", "Ⅱ", "①",
]  # fmt: skip
CJK = [
    "大模型", "论文", "多模态", "的", "研究", "运筹优化", "综述", "推理", "模型", "数据集",
    "，", "。", "、", "（", "）", "：", "《", "》", "ＧＰＴ－４", "Ｌａｒｇｅ", "全角", "ｘ",
    "第２版", "持续更新中...", "中.", "年.", "　",
]  # fmt: skip
MARKUP = [
    "**{}**", "*{}*", "_{}_", "~~{}~~", "`{}`", "[{}](https://arxiv.org/abs/2305.18098)",
    "[**{}**](https://github.com/a/b)", "<b>{}</b>", "<a href='x'>{}</a>", "{}<br>",
    "{}<br/>", "{} <!-- c -->", "{}<sup>1</sup>", "🔥{}", "{} ⭐️", "{} \\| x", "`a|{}`",
    "${}_1$", "[{}]", "<details><summary>{}</summary>x</details>", "{} &nbsp;",
    "<span style='display: inline-block; width: 42px;'>{}</span>",
]  # fmt: skip
# a few identifiers, so that different rows name one paper now and then
ARXIV = ["2305.18098", "2303.06865", "2406.07544", "2401.00001v2"]
LINKS = [
    "[code](https://github.com/a/b)", "[[code]](https://github.com/a/b)", "-", "", "null",
    "✔", "N/A", "[PDF](https://arxiv.org/pdf/{id})", "https://arxiv.org/abs/{id}",
    "arXiv:{id}", "[{id}](http://arxiv.org/abs/{id})", "doi:10.1126/science.ade2574",
    "[![Star](https://img.shields.io/github/stars/a/b.svg?style=social)](https://github.com/a/b)",
    "![badge](https://img.shields.io/x)", "<img src='a.png' width=20/>", "[link]()",
    "[Paper](https://arxiv.org/abs/{id}), [Code](https://github.com/a/b)",
]  # fmt: skip
OTHER = [
    "", "-", "Google", "清华大学", "A. Author et.al.", "7B", "13B/70B", "541915", ":books:",
    "<details><summary>Show</summary><p>abstract</p></details>", "$O(n^2)$", "T2V Generation",
    "问答阅读理解数据集", "&nbsp;", "English", "通用", "<font size=2>数据来源</font>",
]  # fmt: skip
VENUES = [
    "arXiv", "CVPR 2024", "NeurIPS'23", "ICLR 2024 (Oral)", "arXiv 2023", "ACL 2023 Findings",
    "TGRS2021", "AAAI-24", "CVPR, 2024", "Arxiv 2023", "ICML", "IJCAI 2023", "KDD'24", "-",
    "NeurIPS (Spotlight)", "TPAMI", "2016-CCS",
]  # fmt: skip


def phrase(rnd: Rnd) -> str:
    """A title or a description: English or CJK words, sometimes in markup."""
    words = CJK if chance(rnd, 0.4) else WORDS
    text = some(rnd, words, 6, sep="" if words is CJK and chance(rnd, 0.5) else " ")
    text = text or pick(rnd, ["Paper", "论文"])
    for _ in range(rnd.randint(0, 2) if chance(rnd, 0.5) else 0):
        text = pick(rnd, MARKUP).format(text)
    return text


def link(rnd: Rnd) -> str:
    return pick(rnd, LINKS).replace("{id}", pick(rnd, ARXIV))


# -- dates -------------------------------------------------------------------------------------

NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FULL = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
# every style the tool reads, as (year, month, day) -> text
STYLES: list[Callable[[int, int, int], str]] = [
    lambda y, m, d: f"{y}.{m:02d}",
    lambda y, m, d: f"{y}-{m:02d}",
    lambda y, m, d: f"{y}/{m:02d}",
    lambda y, m, d: f"{y}-{m:02d}-{d:02d}",
    lambda y, m, d: f"{y}.{m:02d}.{d:02d}",
    lambda y, m, d: f"{y}/{m:02d}/{d:02d}",
    lambda y, m, d: f"{y}.{m}",
    lambda y, m, d: f"{y}-{m}",
    lambda y, m, d: f"{y}-{m}-{d}",
    lambda y, m, d: f"{y} .{m:02d}",
    lambda y, m, d: f"{y}年{m}月",
    lambda y, m, d: f"{y}年{m:02d}月",
    lambda y, m, d: f"{y}年{m}月{d}日",
    lambda y, m, d: f"{y}年",
    lambda y, m, d: f"{NAMES[m - 1]} {y}",
    lambda y, m, d: f"{FULL[m - 1]} {y}",
    lambda y, m, d: f"{NAMES[m - 1]}. {y}",
    lambda y, m, d: f"{NAMES[m - 1]}, {y}",
    lambda y, m, d: f"{FULL[m - 1]} {d}, {y}",
    lambda y, m, d: f"{NAMES[m - 1]} {d}, {y}",
    lambda y, m, d: f"{d} {NAMES[m - 1]} {y}",
    lambda y, m, d: f"{m}/{d:02d}/{y % 100:02d}",
    lambda y, m, d: f"{d}/{m:02d}/{y % 100:02d}",
    lambda y, m, d: f"{m:02d}/{y}",
    lambda y, m, d: f"{y % 100:02d}.{m:02d}",
    lambda y, m, d: f"{m:02d}-{d:02d}",
    lambda y, m, d: f"{y}",
    lambda y, m, d: f"{y}{m:02d}",
    lambda y, m, d: f"{y}/{m:02d}<!--{d:02d}-->",
    lambda y, m, d: f"{y}\u2013{m:02d}",
]
WRAPPERS = [
    "{}", "**{}**", "`{}`", "<span>{}</span>", "*{}*", "__{}__", "<sub>{}</sub>",
    "<span style='display: inline-block; width: 42px;'>{}</span>",
]  # fmt: skip
TRAILING = [
    "*", "†", "。", "...", " (v2)", " 🔥", ",", " ", "\u00a0", " <br>", "(updated)", ".", ";",
    " 2", "<!-- x -->", "\\*",
]  # fmt: skip
NOT_DATES = [
    "", "-", "soon", "null", "N/A", "TBD", "2023.13", "2021.13", "1850.02", "2099.01",
    "2025--01", "Q1 2024", "春 2023", "持续更新中...", "中...", "4]1", "2023年.", "Coming soon",
    "2023/2024", "v1.5", "20.12",
]  # fmt: skip
FULL_WIDTH = str.maketrans("0123456789.-/", "０１２３４５６７８９．－／")


def date(rnd: Rnd, style: int, year: int, month: int, day: int) -> str:
    """A date cell: mostly ``style``, sometimes another one, a wrapper, full-width digits, a
    trailing mark, a venue before it, or text that is no date."""
    if chance(rnd, 0.06):
        return pick(rnd, NOT_DATES)
    if chance(rnd, 0.25):
        style = rnd.randrange(len(STYLES))
    text = STYLES[style](year, month, day)
    if chance(rnd, 0.1):
        text = pick(rnd, WRAPPERS).format(text)
    if chance(rnd, 0.05):
        text = text.translate(FULL_WIDTH)
    if chance(rnd, 0.1):
        text += pick(rnd, TRAILING)
    if chance(rnd, 0.05):
        text = pick(rnd, ["CVPR ", "Arxiv ", "NeurIPS, ", "Updated "]) + text
    return text


# -- tables ------------------------------------------------------------------------------------

TITLE_HEADERS = ["Title", "Paper", "论文题目", "论文", "名称", "Name", "Model", "**Title**"]
DATE_HEADERS = [
    "Date", "发表时间", "时间", "日期", "Year", "Pub. & Date", "Publish Date", "Release Date",
    "更新日期", "Time", "年份", "&nbsp;Date&nbsp;",
]  # fmt: skip
OTHER_HEADERS = [
    "Venue", "Code", "Links", "Authors", "Institute", "内容简介", "简介", "Stars", "PDF",
    "Comment", "#", "序号", "Task", "备注", "Keywords", "Conference", "机构", "Links & Summary",
]  # fmt: skip
ALIGNS = ["---", ":---:", "-", ":-", "--:", ":--", "------"]
# (first line, other lines) of the container a table sits in
CONTAINERS = [
    ("", ""), ("> ", "> "), (">", ">"), ("> > ", "> > "), ("  ", "  "), (" ", " "),
    ("   ", "   "), ("- ", "  "), ("* ", "  "), ("1. ", "   "), ("  - ", "    "), ("- > ", "  > "),
]  # fmt: skip
GLUED = [
    "text glued", "<!-- x -->", "<br>", "**Note**: glued", "", "> quote", "- item", "    code",
    "|", "| |", "[ref]: https://example.com", "<!-- lint-disable-next-line row-order -->", "---",
]  # fmt: skip


def header(rnd: Rnd) -> tuple[list[str], list[str]]:
    """Column kinds (title, date, venue, link, other) and their header cells."""
    kinds = []
    if chance(rnd, 0.9):
        kinds.append("title")
    if chance(rnd, 0.8):
        kinds.append("date")
    for _ in range(rnd.randint(0 if kinds else 1, 3)):
        kinds.append(pick(rnd, ["link", "other", "venue", "phrase"]))
    if chance(rnd, 0.4):
        rnd.shuffle(kinds)
    names = {"title": TITLE_HEADERS, "date": DATE_HEADERS, "venue": ["Venue", "发表会议"]}
    cells = [pick(rnd, names.get(kind, OTHER_HEADERS)) for kind in kinds]
    return kinds, cells


def rows(rnd: Rnd, kinds: list[str]) -> list[list[str]]:
    """Body rows: one paper each, in date order or not, some repeated, some cut or extended."""
    style = rnd.randrange(len(STYLES))
    dated = []
    for _ in range(rnd.randint(0, 9)):
        when = (rnd.randint(2015, 2026), rnd.randint(1, 12), rnd.randint(1, 28))
        dated.append((when, paper(rnd, kinds, style, when)))
    order = pick(rnd, ["none", "ascending", "descending"])
    if order != "none":
        dated.sort(key=lambda item: item[0], reverse=order == "descending")
        for _ in range(rnd.randint(0, 2)):  # a few misplaced rows
            if len(dated) > 1:
                a, b = rnd.randrange(len(dated)), rnd.randrange(len(dated))
                dated[a], dated[b] = dated[b], dated[a]
    body = [cells for _, cells in dated]
    for _ in range(rnd.randint(0, 2) if body and chance(rnd, 0.4) else 0):
        body.insert(rnd.randint(0, len(body)), repeated(rnd, pick(rnd, body), kinds, style))
    for cells in body:
        if chance(rnd, 0.08):
            del cells[max(1, len(cells) - rnd.randint(1, 2)) :]
        elif chance(rnd, 0.06):
            cells.append(pick(rnd, [link(rnd), phrase(rnd), ""]))
    return body


def paper(rnd: Rnd, kinds: list[str], style: int, when: tuple[int, int, int]) -> list[str]:
    cells = []
    for kind in kinds:
        if kind == "title":
            cells.append(phrase(rnd))
        elif kind == "date":
            cells.append(date(rnd, style, *when))
        elif kind == "venue":
            cells.append(pick(rnd, VENUES))
        elif kind == "link":
            cells.append(link(rnd))
        elif kind == "phrase":
            cells.append(phrase(rnd) if chance(rnd, 0.7) else "")
        else:
            cells.append(pick(rnd, OTHER))
    return cells


def repeated(rnd: Rnd, cells: list[str], kinds: list[str], style: int) -> list[str]:
    """A repeat of a row: identical, spaced otherwise, with its date written in another style,
    or with one cell changed."""
    copy = list(cells)
    how = pick(rnd, ["same", "spaced", "date", "cell"])
    if how == "spaced" and copy:
        index = rnd.randrange(len(copy))
        copy[index] = copy[index].replace(" ", "  ") + " "
    elif how == "date" and "date" in kinds and kinds.index("date") < len(copy):
        when = (rnd.randint(2015, 2026), rnd.randint(1, 12), rnd.randint(1, 28))
        copy[kinds.index("date")] = date(rnd, style, *when)
    elif how == "cell" and copy:
        copy[rnd.randrange(len(copy))] = pick(rnd, [link(rnd), phrase(rnd), ""])
    return copy


def width(text: str) -> int:
    from wcwidth import wcswidth

    found = wcswidth(text)
    return found if found >= 0 else len(text)


def stretched(align: str, size: int) -> str:
    """A delimiter cell ``size`` wide with ``align``'s colons."""
    left, right = align.startswith(":"), align.endswith(":")
    return (":" if left else "") + "-" * (size - left - right) + (":" if right else "")


def padded(text: str, size: int) -> str:
    return text + " " * max(0, size - width(text))


def table(rnd: Rnd) -> list[str]:
    """A table's lines: a header, a delimiter row and rows in one layout (aligned as prettier
    would, spaced, tight or ragged), in a container, with glued lines now and then."""
    kinds, head = header(rnd)
    body = rows(rnd, kinds)
    layout = pick(rnd, ["spaced", "aligned", "tight", "ragged"])
    widths = [max(width(r[i]) for r in [head, *body] if i < len(r)) for i in range(len(head))]
    widths = [max(3, found) for found in widths]
    aligns = [pick(rnd, ALIGNS) for _ in head]
    if layout == "aligned":
        aligns = [stretched(a, w) for a, w in zip(aligns, widths, strict=True)]

    def line(cells: Sequence[str]) -> str:
        if layout == "aligned":
            cells = [padded(c, widths[i]) if i < len(widths) else c for i, c in enumerate(cells)]
        if layout == "tight":
            return "|" + "|".join(cells) + "|"
        if layout == "ragged":
            pads = [pick(rnd, ["", " ", "  ", "\t"]) for _ in range(2)]
            return "|" + "|".join(pads[0] + c + pads[1] for c in cells) + "|"
        return "| " + " | ".join(cells) + " |"

    delimiter = line(aligns) if layout in ("aligned", "spaced") else "|" + "|".join(aligns) + "|"
    lines = [line(head), delimiter]
    for cells in body:
        text = line(cells)
        if chance(rnd, 0.05):  # no outer pipes, or only a leading one
            text = text.strip().strip("|").strip() if chance(rnd, 0.5) else text.rstrip("|")
        lines.append(text)
    if chance(rnd, 0.12):
        lines.insert(rnd.randint(2, len(lines)), pick(rnd, GLUED))
    first, rest = pick(rnd, CONTAINERS) if chance(rnd, 0.35) else CONTAINERS[0]
    contained = [(first if i == 0 else rest) + text for i, text in enumerate(lines)]
    if rest and chance(rnd, 0.1):  # a lazy line: its container's prefix left out
        index = rnd.randint(1, len(contained) - 1)
        contained[index] = lines[index]
    return contained


# -- documents ---------------------------------------------------------------------------------

HEADINGS = [
    "Papers", "分类", "🔥 Trending", "[x](#y)", "大模型 for 运筹优化", "Survey", "2024",
    "Datasets & Benchmarks", "**Bold**", "Section `code`", "多语言大模型",
]  # fmt: skip
PROSE = [
    "A list of papers.", "持续更新中...", "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    "<div align=\"center\">", "</div>", "<!-- a comment -->", "Last updated: 2024.05",
    "- [Paper](https://arxiv.org/abs/2305.18098) - 2023.05", "1. item", "---", "***",
    "<p align='center'><img src='a.png'></p>", "[ref]: https://example.com", "> a quote",
    "<!--\nmulti-line\n-->", "Note | not a table", "<!-- lint-disable row-order -->",
    "<!-- lint-enable -->", "<!-- lint-disable-file duplicate-entry -->",
]  # fmt: skip


def block(rnd: Rnd) -> list[str]:
    """Something between tables: prose, a list, a fence (with a table in it), details, HTML."""
    kind = pick(rnd, ["prose", "prose", "fence", "details", "setext", "html-table"])
    if kind == "fence":
        fence = pick(rnd, ["```", "~~~", "```markdown"])
        return [fence, *table(rnd)[:3], fence[:3]]
    if kind == "details":
        return ["<details><summary>more</summary>", "", *table(rnd), "", "</details>"]
    if kind == "setext":
        return [pick(rnd, HEADINGS), pick(rnd, ["===", "---"])]
    if kind == "html-table":
        return ["<table>", "<tr><td>a | b</td></tr>", "</table>"]
    return pick(rnd, PROSE).split("\n")


def document(rnd: Rnd, sections: int = 4) -> str:
    """A paper list: a title, prose, then up to ``sections`` sections of headings, tables and
    other blocks; line endings LF, CRLF or mixed, a final newline or not."""
    lines = ["# " + pick(rnd, ["awesome", "论文整理", "Awesome LLM4OR"])]
    for _ in range(rnd.randint(0, 2)):
        lines += ["", *block(rnd)]
    for number in range(rnd.randint(1, sections)):
        level = pick(rnd, ["##", "###", "####", "#"])
        lines += ["", f"{level} {pick(rnd, HEADINGS)} {number}", ""]
        for _ in range(rnd.randint(1, 2)):
            lines += [*(table(rnd) if chance(rnd, 0.75) else block(rnd)), ""]
            if chance(rnd, 0.1):
                lines.pop()  # two blocks glued together
    return endings(rnd, lines)


def endings(rnd: Rnd, lines: list[str]) -> str:
    """Join ``lines`` with LF, CRLF or a mix, with or without a final newline, some with
    trailing white space."""
    how = pick(rnd, ["\n", "\n", "\n", "\r\n", "mixed"])
    text = ""
    for line in lines:
        if chance(rnd, 0.03):
            line += pick(rnd, [" ", "  ", "\t"])
        text += line + (pick(rnd, ["\n", "\r\n"]) if how == "mixed" else how)
    return text if chance(rnd, 0.85) else text.rstrip("\r\n")


DATE_FORMATS = [
    "auto", "YYYY.MM", "YYYY-MM-DD", "YYYY-MM", "MMM YYYY", "YYYY年M月", "YYYY", "**YYYY-MM-DD**",
    "YYYY-MM[-DD]", "M/DD/YY", "`YYYY.MM`", "YYYY/MM<!--DD-->", "MM-DD",
]  # fmt: skip


def settings(rnd: Rnd) -> dict[str, str | list[str]]:
    """Settings as a configuration file gives them (keys as written there): mostly none."""
    found: dict[str, str | list[str]] = {}
    if chance(rnd, 0.3):
        found["extend-select"] = ["ALL"]
    if chance(rnd, 0.2):
        found["date-format"] = pick(rnd, DATE_FORMATS)
    if chance(rnd, 0.15):
        found["order"] = pick(rnd, ["auto", "ascending", "descending", "off"])
    if chance(rnd, 0.15):
        found["layout"] = pick(rnd, ["auto", "aligned", "compact", "tight"])
    if chance(rnd, 0.1):
        found["duplicate-scope"] = "section"
    return found


def documents(shrink: bool = False, sections: int = 2) -> st.SearchStrategy[str]:
    """Hypothesis's strategy for ``document`` (two sections at most: the breadth is in what
    they hold, and smaller documents let CI draw thousands): from a seeded ``random.Random``
    (about 2 ms a document), or with ``shrink`` from Hypothesis's own random, which records
    every draw and shrinks a failure to a small document (about 50 ms a document)."""
    return st.randoms(use_true_random=not shrink).map(lambda rnd: document(rnd, sections))


def configs() -> st.SearchStrategy[dict[str, str | list[str]]]:
    """Hypothesis's strategy for ``settings``."""
    return st.randoms(use_true_random=True).map(settings)
