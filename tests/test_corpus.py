"""Every file of ../shared/corpus is linted and fixed without an exception, and our table parse
agrees with markdown-it-py's stock table rule on each of them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from lint import engine
from lint.document import Document, parse
from lint.fix import fix_text
from tests.shared import CORPUS, files_or_skip

FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []


@lru_cache(maxsize=1)
def stock() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def stock_tables(text: str) -> list[tuple[tuple[int, int], list[list[str]]]]:
    """Each table of the stock parse: its 0-based line span and the content of its cells by row."""
    tables: list[tuple[tuple[int, int], list[list[str]]]] = []
    rows: list[list[str]] = []
    tokens = stock().parse(text)
    for index, token in enumerate(tokens):
        if token.type == "table_open" and token.map:
            rows = []
            tables.append(((token.map[0], token.map[1]), rows))
        elif token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append(tokens[index + 1].content)
    return tables


def assert_parse_agrees(text: str, doc: Document | None = None) -> None:
    """Our tables have the stock rule's line spans, and the same cells on rows of full width."""
    doc = doc or parse(text)
    theirs = stock_tables(text)
    ours = [(table.start_line - 1, table.end_line) for table in doc.tables]
    assert ours == [span for span, _ in theirs]
    for table, (_, stock_rows) in zip(doc.tables, theirs, strict=True):
        width = len(table.header.cells)
        our_rows = [table.header, *table.rows]
        assert len(our_rows) == len(stock_rows)
        for row, stock_cells in zip(our_rows, stock_rows, strict=True):
            if len(row.cells) != width:
                continue  # the stock rule pads short rows and drops extra cells on purpose
            unescaped = [cell.replace("\\|", "|").strip() for cell in row.cells]
            assert unescaped == [cell.strip() for cell in stock_cells], f"line {row.line}"


def read(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


@pytest.mark.parametrize("path", files_or_skip(FILES, "corpus/"))
def test_corpus_file_lints_and_fixes(path: Path) -> None:
    text = read(path)
    doc = parse(text, path.name)
    engine.check(doc, engine.Config())
    safe = fix_text(text, path.name)  # raises FixError when the verification fails
    assert fix_text(safe.text, path.name).text == safe.text
    fix_text(text, path.name, unsafe=True)
    assert_parse_agrees(text, doc)
