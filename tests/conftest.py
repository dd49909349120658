"""Shared test settings and fixtures: hypothesis runs at least 500 examples in CI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI draws the same 500 examples every run, so a run is reproducible and a red CI is a real bug;
# local runs draw new ones each time and keep exploring (and remember failures)
settings.register_profile(
    "ci",
    max_examples=500,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parents[1]
# CI lays a copy of shared/ beside the clone, as on a developer's machine
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_270e97f11c1272b4.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture
def seed_text() -> str:
    """The list's original text (shared/seed); skipped where shared/ is not beside the repo."""
    if not SEED.is_file():
        pytest.skip(f"seed file not found at {SEED}")
    return SEED.read_text(encoding="utf-8")
