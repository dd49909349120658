"""action.yml, run the way the runner runs a composite action, as far as can be done locally.

Each `run:` step becomes a script run with `bash --noprofile --norc -eo pipefail` (GitHub's
`shell: bash`), after the expressions it uses are replaced: `github.action_path`, `inputs.*`
(the defaults of action.yml unless given) and `steps.*.outputs.*` (read from `$GITHUB_OUTPUT`).
The action's directory is a copy of the working tree, the workspace another temporary directory;
the install step reaches PyPI for the dependencies, as on a runner. The scripts also pass
shellcheck, which actionlint does not run on an action's steps.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from pytest_httpserver import HTTPServer

from lint.fix import fix_text
from tests.fake_apis import FakeApis

# slow tooling: left out of the fast loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")

HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
GOOD = fix_text(f"# 列表\n\n{HEADER}| Paper A | 2023.03 | 一 |\n| Paper B | 2023.05 | 二 |\n").text
SHORT_ROW = f"# 列表\n\n{HEADER}| Paper A | 2023.03 | 一 |\n| Paper B | 2023.05 |\n"


class StepRun(NamedTuple):
    returncode: int
    stdout: str
    stderr: str
    outputs: dict[str, str]


class Runner:
    """The runner's side: the action's directory, the workspace, and the files steps write to."""

    def __init__(self, tmp: Path) -> None:
        self.action_path = tmp / "action"
        self.workspace = tmp / "workspace"
        self.temp = tmp / "runner-temp"
        self.summary = tmp / "step-summary.md"
        for name in ("lint", "pyproject.toml", "README.md", "action.yml"):
            source, target = ROOT / name, self.action_path / name
            if source.is_dir():
                shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
        self.workspace.mkdir()
        self.temp.mkdir()
        self.outputs: dict[str, dict[str, str]] = {}

    def evaluate(self, text: str, inputs: dict[str, str]) -> str:
        """``text`` with its ``${{ }}`` expressions replaced; a test failure for any other kind."""

        def value(match: re.Match[str]) -> str:
            expression = match.group(1)
            if expression == "github.action_path":
                return str(self.action_path)
            parts = expression.split(".")
            if parts[0] == "inputs" and len(parts) == 2:
                declared = ACTION["inputs"][parts[1]]
                return inputs.get(parts[1], str(declared.get("default", "")))
            if parts[0] == "steps" and parts[2:3] == ["outputs"] and len(parts) == 4:
                return self.outputs.get(parts[1], {}).get(parts[3], "")
            pytest.fail(f"the test does not evaluate ${{{{ {expression} }}}}: teach it")

        return EXPRESSION.sub(value, text)

    def run(self, step: dict[str, Any], inputs: dict[str, str]) -> StepRun:
        assert step.get("shell") == "bash" and "run" in step, "composite run steps in bash"
        script = self.temp / "step.sh"
        script.write_text(self.evaluate(step["run"], inputs), encoding="utf-8")
        output = self.temp / "github-output"
        output.write_text("", encoding="utf-8")
        env = {
            **os.environ,
            # a setup-python-like python3 first on PATH: the one running the tests
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(self.workspace),
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(self.summary),
            "RUNNER_TEMP": str(self.temp),
            **{key: self.evaluate(str(v), inputs) for key, v in step.get("env", {}).items()},
        }
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        lines = output.read_text(encoding="utf-8").splitlines()
        outputs = dict(line.split("=", 1) for line in lines if "=" in line)
        if "id" in step:
            self.outputs[step["id"]] = outputs
        return StepRun(done.returncode, done.stdout, done.stderr, outputs)


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """A runner on which the action's install step has run."""
    runner = Runner(tmp_path_factory.mktemp("runner"))
    install = runner.run(STEPS[0], {})
    assert install.returncode == 0, install.stdout + install.stderr
    return runner


def test_the_action_is_composite_with_files_and_args_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert ACTION["inputs"]["files"]["default"] == "README.md"
    assert ACTION["inputs"]["args"]["default"] == ""
    assert ACTION["inputs"]["online"]["default"] == "false"  # the network only when asked
    assert [step["name"] for step in STEPS] == ["Install llm4or-lint", "Lint"]


def test_install_step_leaves_the_console_script(runner: Runner) -> None:
    assert (Path(runner.outputs["install"]["bin"]) / "llm4or-lint").is_file()


def test_problems_become_annotations_and_a_summary(runner: Runner) -> None:
    (runner.workspace / "good.md").write_text(GOOD, encoding="utf-8")
    (runner.workspace / "docs").mkdir()
    (runner.workspace / "docs" / "bad list.md").write_text(SHORT_ROW, encoding="utf-8")
    runner.summary.write_text("", encoding="utf-8")
    # files on two lines, one a directory; args passed on
    done = runner.run(STEPS[1], {"files": "good.md\n  docs\n", "args": "--select column-count"})
    assert done.returncode == 1, done.stdout + done.stderr
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    assert annotations and all("file=docs/bad list.md,line=6," in a for a in annotations)
    assert all("T001" in a for a in annotations)
    assert "llm4or-lint --fix good.md docs" in runner.summary.read_text(encoding="utf-8")


def test_a_wildcard_in_files_is_a_name_not_a_pattern(runner: Runner) -> None:
    (runner.workspace / "one.md").write_text(GOOD, encoding="utf-8")
    done = runner.run(STEPS[1], {"files": "o*.md"})
    assert done.returncode == 2 and "o*.md" in done.stderr, done.stdout + done.stderr


def test_default_input_lints_readme_and_passes(runner: Runner) -> None:
    (runner.workspace / "README.md").write_text(GOOD, encoding="utf-8")
    runner.summary.write_text("", encoding="utf-8")
    done = runner.run(STEPS[1], {})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "::error" not in done.stdout
    assert "No problems found" in runner.summary.read_text(encoding="utf-8")


V1_ROW = (
    "| [Model Dementia: Generated Data Makes Models Forget](https://arxiv.org/abs/2305.17493)"
    " | 2023.05 | 一 |\n"
)


@pytest.mark.parametrize("online", ["true", "false"])
def test_online_input_checks_rows_against_arxiv(
    runner: Runner,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    online: str,
) -> None:
    apis = FakeApis(httpserver)
    for name, value in apis.env().items():
        monkeypatch.setenv(name, value)  # the step's environment starts from this one
    monkeypatch.setenv("LLM4OR_CACHE_DIR", str(runner.temp / f"cache-{online}"))
    listed = fix_text(f"# 列表\n\n{HEADER}{V1_ROW}").text
    (runner.workspace / "README.md").write_text(listed, encoding="utf-8")
    done = runner.run(STEPS[1], {"online": online})
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    if online == "true":
        assert done.returncode == 1, done.stdout + done.stderr
        assert len(annotations) == 1 and "P005" in annotations[0]
    else:
        assert done.returncode == 0 and not annotations, done.stdout + done.stderr
        assert apis.requests() == []


def test_online_input_other_than_true_or_false_is_an_error(runner: Runner) -> None:
    (runner.workspace / "README.md").write_text(GOOD, encoding="utf-8")
    done = runner.run(STEPS[1], {"online": "yes"})
    assert done.returncode == 2 and "::error::online" in done.stdout


def _shellcheck() -> str:
    found = Path(sys.executable).with_name("shellcheck")
    assert found.exists(), "shellcheck is in the test extra: pip install -e '.[test]'"
    return str(found)


@pytest.mark.parametrize("step", STEPS, ids=[step["name"] for step in STEPS])
def test_step_scripts_pass_shellcheck(step: dict[str, Any], tmp_path: Path) -> None:
    script = tmp_path / "step.sh"
    script.write_text(EXPRESSION.sub("x", step["run"]), encoding="utf-8")
    done = subprocess.run(
        [_shellcheck(), "--shell=bash", "--format=gcc", str(script)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_recorded_problems_pass_with_no_extra_input(runner: Runner) -> None:
    """llm4or-lint-suppressions.json in the workspace (where --suppress-all wrote it) is used
    as it is: the recorded problem passes, a new one still fails."""
    from lint.bulk_suppressions import FILE_NAME

    (runner.workspace / "README.md").write_text(SHORT_ROW, encoding="utf-8")
    record = {"README.md": {"column-count": {"title:paperb": 1}}}
    (runner.workspace / FILE_NAME).write_text(json.dumps(record), encoding="utf-8")
    done = runner.run(STEPS[1], {})
    assert done.returncode == 0, done.stdout + done.stderr
    # a new problem: content GitHub drops
    (runner.workspace / "README.md").write_text(
        SHORT_ROW + "| Paper C | 2023.07 | 三 | x |\n", "utf-8"
    )
    done = runner.run(STEPS[1], {})
    assert done.returncode == 1 and "line=7," in done.stdout, done.stdout + done.stderr
    (runner.workspace / FILE_NAME).unlink()
