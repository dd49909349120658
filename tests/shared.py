"""The project's shared folder (../shared beside the checkout) and how tests that need it skip.

It holds the list's original text (seed/) and a corpus of other paper lists (corpus/); only the
project's own machines have it, so without it these tests skip and say exactly that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_270e97f11c1272b4.txt"
CORPUS = SHARED / "corpus"

MISSING = (
    f"needs the project's shared folder at {SHARED} (seed/: the list's original text, corpus/: "
    "other paper lists), checked out beside this repository as ../shared; only the project's "
    "own machines have it"
)

needs_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"{SEED.name} not found: {MISSING}")


def files_or_skip(files: list[Path], what: str) -> list[Any]:
    """``files`` as parameters, or one skipped parameter saying how to get them (pytest's own
    skip of an empty parameter list names no folder)."""
    if files:
        return [pytest.param(path, id=str(path.relative_to(SHARED))) for path in files]
    skip = pytest.mark.skip(reason=f"{what} not found: {MISSING}")
    return [pytest.param(None, id="missing", marks=skip)]
