"""Every file of ../shared/corpus is linted and fixed without an exception, and our table parse
agrees with cmark-gfm's (GitHub's) on each of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint import engine
from lint.document import Document, parse
from lint.fix import fix_text
from tests.gfm_oracle import assert_tables_match
from tests.shared import CORPUS, files_or_skip

# slow tooling: left out of the fast loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []


def assert_parse_agrees(text: str, doc: Document | None = None) -> None:
    """Our tables are the ones GitHub renders (cmark-gfm), deliberate differences aside."""
    assert_tables_match(text, doc)


def read(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


@pytest.mark.parametrize("path", files_or_skip(FILES, "corpus/"))
def test_corpus_file_lints_and_fixes(path: Path) -> None:
    text = read(path)
    doc = parse(text, path.name)
    engine.check(doc, engine.Config())
    safe = fix_text(text, path.name)
    assert safe.refused == ()  # no fix left out for failing the nothing-lost check
    assert fix_text(safe.text, path.name).text == safe.text
    fix_text(text, path.name, unsafe=True)
    assert_parse_agrees(text, doc)
