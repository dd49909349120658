"""Deterministic generator of large paper lists for the benchmark.

`generate(rows, seed)` returns a Markdown document shaped like README.md: an intro, then
`### 分类 N` sections of about 50 rows each, short prose between them, and one
`| 论文题目 | 发表时间 | 内容简介 |` table per section with English titles, Chinese summaries and
`YYYY.MM` dates ascending inside each table. Tables are laid out the way prettier lays them out
(cells padded to the column's display width), so a clean table is one the linter accepts.

About 1% of the rows carry each defect kind in `DEFECT_KINDS`, one defect per row:

- `duplicate-in-section`: the title and summary of an earlier row of the same table;
- `duplicate-across-sections`: the title and summary of a row of an earlier table;
- `noncanonical-date`: the date written `2023-5`, `2023年5月` or `May 2023`;
- `missing-cell`: the summary cell left out;
- `extra-cell`: a fourth cell (a code link, or a title split by an unescaped `|`);
- `out-of-order`: a date earlier than the previous row's;
- `misaligned`: the row not padded like the rest of its table.

Only the standard library is used, and the same `(rows, seed)` always gives the same text.
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

DEFECT_KINDS = (
    "duplicate-in-section",
    "duplicate-across-sections",
    "noncanonical-date",
    "missing-cell",
    "extra-cell",
    "out-of-order",
    "misaligned",
)
DEFECT_RATE = 0.01
ROWS_PER_SECTION = 50
HEADER = ("论文题目", "发表时间", "内容简介")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MAX_TITLE_CHARS = 72
MAX_SUMMARY_CHARS = 30


def words(text: str) -> tuple[str, ...]:
    """The items of a `|`-separated vocabulary list."""
    return tuple(item.strip() for item in text.split("|"))


NAME_HEADS = words(
    "Flex | Big | Lo | Meta | Mix | Quant | Spec | Long | Fast | Deep | Tiny | Mega"
    " | Sparse | Hydra | Orca | Lumi | Star | Open | Poly | Uni | Omni | Hyper | Micro"
)
NAME_TAILS = words(
    "Gen | Trans | RA | Former | Coder | Chat | Mind | Net | LM | Infer | Align | Tune"
    " | Bench | Eval | Scale | Glot | Serve | Cache | Route | Plan"
)
ADJECTIVES = words(
    "Efficient | Scalable | Robust | Sparse | Adaptive | Lightweight | Multilingual"
    " | Faithful | Parameter-Efficient | Long-Context | Low-Rank | Memory-Efficient"
    " | Instruction-Tuned | Retrieval-Augmented | Quantized | Distilled | Unified"
    " | Causal"
)
NOUNS = words(
    "Transformers | Language Models | Attention | Mixture of Experts | Diffusion Models"
    " | Tokenizers | Reward Models | Embeddings | Decoders | State Space Models | Agents"
    " | Adapters | Prompts | KV Caches | Optimizers | Vision Encoders | Retrievers"
)
TASKS = words(
    "Machine Translation | Code Generation | Long Sequences | Reasoning | Summarization"
    " | Question Answering | Protein Folding | Dialogue | Math Word Problems | Inference"
    " | Pre-training | Alignment | Tool Use | Speech Recognition | Retrieval | Planning"
)
METHODS = words(
    "Min-SNR Weighting | Forward Passes | Offloading | Speculative Decoding | Pruning"
    " | Self-Distillation | Contrastive Learning | Curriculum Learning | Low-Rank Updates"
    " | Weight Sharing | Synthetic Data | Preference Optimization | Chunked Prefill"
)
TITLE_TEMPLATES = (
    "{adj} {noun} for {task}",
    "Towards {adj} {task} via {method}",
    "On the Limits of {noun} in {task}",
    "{noun} Are {adj} Learners of {task}",
    "Scaling {noun} to {task} with {method}",
    "Rethinking {method} for {adj} {noun}",
    "Training {adj} {noun} with {method}",
    "Understanding {noun} through {method}",
)
SUMMARY_OPENINGS = words(
    "本文提出 | 作者提出 | 这篇论文研究 | 论文讨论了"
    " | 提出了一种新的 | 一种改进的 | 研究了 | 介绍了"
)
SUMMARY_TOPICS = words(
    "高效的注意力机制 | 长序列建模方法 | 多语言预训练框架"
    " | 参数高效微调方法 | 推理加速方案 | 显存优化策略"
    " | 指令微调数据集 | 检索增强生成方法 | 量化训练算法"
    " | 混合专家结构 | Transformer结构设计 | LoRA微调方法"
    " | RNN的并行化改进 | 奖励模型训练流程"
)
SUMMARY_EFFECTS = words(
    "，在多个基准上效果更好 | ，显著降低了训练成本"
    " | ，适用于长文本任务 | ，可以在单张GPU上运行"
    " | ，减少了推理延迟 | ，并开源了代码和模型"
    " | ，节省了大量内存 | ，收敛速度更快"
    " | ，缓解了灾难性遗忘 | "
)
PROSE = (
    "本节收录与该方向相关的论文，按发表时间升序排列。",
    "欢迎补充遗漏的工作，提交前请先运行检查工具。",
    "这些工作大多开源了代码，链接见论文主页。",
    "表格中的日期统一写成 `YYYY.MM` 的形式。",
)
INTRO = (
    "# awesome-llm4or（基准测试列表）\n\n"
    "这是 `bench/generate.py` 生成的列表，结构与 README.md 相同，用于测量检查工具的速度。"
    "约有百分之一的行带有各类错误：重复条目、日期格式、缺少或多出的单元格、顺序错误和未对齐的表格。\n\n"
    "## 论文整理\n"
)


@dataclass(frozen=True)
class Entry:
    """One planned table row: its cells' values and the defect it carries, if any."""

    title: str
    year: int
    month: int
    summary: str
    defect: str | None = None


@dataclass(frozen=True)
class Section:
    """One `### 分类 N` section and the rows of its table."""

    number: int
    entries: tuple[Entry, ...]


def generate(rows: int, seed: int = 0) -> str:
    """Return a paper list with exactly `rows` data rows, the same for the same arguments."""
    rng = random.Random(seed)
    return render(plan(rows, rng), rng)


def plan(rows: int, rng: random.Random) -> list[Section]:
    """Choose every row's values and defects, without deciding any text layout yet."""
    sizes = section_sizes(rows)
    defects = assign_defects(sizes, rng)
    titles: set[str] = set()
    sections: list[Section] = []
    position = 0
    for number, size in enumerate(sizes, start=1):
        kinds = defects[position : position + size]
        sections.append(Section(number, tuple(section_entries(kinds, sections, titles, rng))))
        position += size
    return sections


def section_sizes(rows: int) -> list[int]:
    """Split `rows` into at least two sections of about `ROWS_PER_SECTION` rows."""
    if rows <= 0:
        return []
    count = max(min(2, rows), round(rows / ROWS_PER_SECTION))
    base, extra = divmod(rows, count)
    return [base + (1 if index < extra else 0) for index in range(count)]


def defects_per_kind(rows: int) -> int:
    """How many rows carry each defect kind: 1%, and at least one in any list."""
    return max(1, round(rows * DEFECT_RATE)) if rows else 0


def assign_defects(sizes: Sequence[int], rng: random.Random) -> list[str | None]:
    """Give each defect kind its share of row positions, one defect per row at most."""
    slots = [(section, index) for section, size in enumerate(sizes) for index in range(size)]
    kinds: list[str | None] = [None] * len(slots)
    order = list(range(len(slots)))
    rng.shuffle(order)
    for kind in DEFECT_KINDS:
        wanted = defects_per_kind(len(slots))
        for position in order:
            if wanted == 0:
                break
            if kinds[position] is None and defect_fits(kind, *slots[position]):
                kinds[position] = kind
                wanted -= 1
    return kinds


def defect_fits(kind: str, section: int, index: int) -> bool:
    """Whether a row at this place can carry the defect (it needs an earlier row to refer to)."""
    if kind in ("duplicate-in-section", "out-of-order"):
        return index > 0
    if kind == "duplicate-across-sections":
        return section > 0
    return True


def section_entries(
    kinds: Sequence[str | None],
    earlier: Sequence[Section],
    titles: set[str],
    rng: random.Random,
) -> Iterator[Entry]:
    """Yield one section's entries, dates ascending except where a defect says otherwise."""
    year, month = rng.randint(2017, 2023), rng.randint(1, 12)
    done: list[Entry] = []
    for kind in kinds:
        if done:
            year, month = add_months(year, month, rng.choice((0, 0, 0, 0, 1, 1, 1, 2)))
        entry = Entry(unique_title(titles, rng), year, month, summary(rng), kind)
        if kind == "duplicate-in-section":
            entry = copy_of(rng.choice(clean(done)), entry)
        elif kind == "duplicate-across-sections":
            entry = copy_of(rng.choice(clean(rng.choice(earlier).entries)), entry)
        elif kind == "out-of-order":
            earlier_year, earlier_month = add_months(year, month, -7)
            entry = replace(entry, year=earlier_year, month=earlier_month)
        done.append(entry)
        yield entry


def clean(entries: Sequence[Entry]) -> list[Entry]:
    """The entries a duplicate may copy: those without a defect (all of them if none is clean)."""
    return [entry for entry in entries if entry.defect is None] or list(entries)


def copy_of(source: Entry, entry: Entry) -> Entry:
    """`entry` with the title and summary of `source`, keeping its own date and defect."""
    return replace(entry, title=source.title, summary=source.summary)


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` after the given one (before it, if negative)."""
    total = year * 12 + month - 1 + months
    return total // 12, total % 12 + 1


def unique_title(titles: set[str], rng: random.Random) -> str:
    """An English title not used before in this document, at most `MAX_TITLE_CHARS` long."""
    while True:
        title = random_title(rng)
        if title not in titles and len(title) <= MAX_TITLE_CHARS:
            titles.add(title)
            return title


def random_title(rng: random.Random) -> str:
    """A paper-like title, half of them with a `Name:` prefix."""
    body = rng.choice(TITLE_TEMPLATES).format(
        adj=rng.choice(ADJECTIVES),
        noun=rng.choice(NOUNS),
        task=rng.choice(TASKS),
        method=rng.choice(METHODS),
    )
    if rng.random() < 0.5:
        return body
    name = rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS) + rng.choice(("", "", "2", "-7B", "X"))
    return f"{name}: {body}"


def summary(rng: random.Random) -> str:
    """A short Chinese summary of at most `MAX_SUMMARY_CHARS` characters."""
    text = rng.choice(SUMMARY_OPENINGS) + rng.choice(SUMMARY_TOPICS) + rng.choice(SUMMARY_EFFECTS)
    return text[:MAX_SUMMARY_CHARS]


def render(sections: Sequence[Section], rng: random.Random) -> str:
    """Lay the planned sections out as Markdown text ending in one newline."""
    parts = [INTRO]
    for section in sections:
        parts.append(f"\n### 分类 {section.number}\n")
        if rng.random() < 0.5:
            parts.append("\n" + rng.choice(PROSE) + "\n\n")
        parts.append(render_table(section.entries, rng))
    parts.append("\n## 贡献\n\n欢迎提交 PR，新条目请按发表时间插入对应分类的表格。\n")
    return "".join(parts)


def render_table(entries: Sequence[Entry], rng: random.Random) -> str:
    """One table, padded like prettier except for the rows whose defect is `misaligned`.

    Column widths come from the rows with as many cells as the header; a row with a cell
    missing or extra is padded to them and its extra cell left as it is.
    """
    rows = [row_cells(entry, rng) for entry in entries]
    widths = column_widths([list(HEADER), *(cells for cells in rows if len(cells) == len(HEADER))])
    lines = [padded_line(HEADER, widths), "| " + " | ".join("-" * w for w in widths) + " |"]
    for cells, entry in zip(rows, entries, strict=True):
        if entry.defect == "misaligned":
            lines.append(misaligned_line(cells, rng))
        else:
            lines.append(padded_line(cells, widths))
    return "\n".join(lines) + "\n"


def row_cells(entry: Entry, rng: random.Random) -> list[str]:
    """The cells of an entry's row, with its defect applied to them."""
    date = f"{entry.year}.{entry.month:02d}"
    if entry.defect == "noncanonical-date":
        date = rng.choice(
            (
                f"{entry.year}-{entry.month}",
                f"{entry.year}年{entry.month}月",
                f"{MONTHS[entry.month - 1]} {entry.year}",
            )
        )
    cells = [entry.title, date, entry.summary]
    if entry.defect == "missing-cell":
        return cells[:2]
    if entry.defect == "extra-cell":
        return extra_cell(cells, rng)
    return cells


def extra_cell(cells: list[str], rng: random.Random) -> list[str]:
    """Four cells: a code link added, or the title split in two by an unescaped pipe."""
    title, date, text = cells
    if rng.random() < 0.5:
        return [title, date, text, "[code](https://github.com/example/repo)"]
    head, _, tail = title.partition(" ")
    return [head, tail or "v2", date, text]


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: East Asian Wide and Fullwidth characters count 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def column_widths(rows: Sequence[Sequence[str]]) -> list[int]:
    """Each column's width: its widest cell among `rows`, and at least 3."""
    return [max(3, *(display_width(cell) for cell in column)) for column in zip(*rows, strict=True)]


def padded_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    """A row with each cell left-aligned and padded to its column width."""
    padded = [
        cell + " " * (widths[index] - display_width(cell)) if index < len(widths) else cell
        for index, cell in enumerate(cells)
    ]
    return "| " + " | ".join(padded) + " |"


def misaligned_line(cells: Sequence[str], rng: random.Random) -> str:
    """A row pasted without the table's padding: compact, single-spaced or over-padded."""
    style = rng.randrange(3)
    if style == 0:
        return "|" + "|".join(cells) + "|"
    if style == 1:
        return "| " + " | ".join(cells) + " |"
    return "|  " + "   |  ".join(cells) + "   |"


def main(argv: Sequence[str] | None = None) -> int:
    """Write a generated list to a file or to standard output."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int, help="number of table data rows")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    text = generate(args.rows, args.seed)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
