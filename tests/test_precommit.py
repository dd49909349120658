"""Real pre-commit against the hooks this repository offers (.pre-commit-hooks.yaml) and uses.

The hook repository is a snapshot of the working tree committed in a temporary git repository,
so the test checks the code under test (committed or not) from any clone. pre-commit builds the
hook's virtualenv once per test session, installing the package from PyPI-reachable sources.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lint import engine
from lint.rules import lookup
from tests.shared import CORPUS, MISSING

# slow tooling: left out of the fast loop (pytest -m "not slow"); CI runs it
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ("lint", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")

HEADER = "| 论文题目 | 发表时间 | 内容简介 |\n| --- | --- | --- |\n"
PAPER = "| BigTrans: Augmenting Large Language Models | 2023.05 | 多语言模型 |\n"
OTHER = "| FlexGen: High-throughput Generative Inference | 2023.03 | 显存 |\n"


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args, "--color", "never"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _copy_from_root(names: tuple[str, ...], target: Path) -> None:
    """Copy files and folders of the working tree (bytecode left out) into ``target``."""
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding the working tree's package, and its commit."""
    repo = tmp_path_factory.mktemp("hook-repo")
    _copy_from_root(SNAPSHOT, repo)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "snapshot")
    return repo, _git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _project(tmp_path: Path, hook_repo: tuple[Path, str], hook: str, readme: str) -> Path:
    """A git repository whose .pre-commit-config.yaml uses ``hook`` from the hook repository."""
    repo, rev = hook_repo
    project = tmp_path / "project"
    project.mkdir()
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": [{"id": hook}]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "README.md").write_text(readme, encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", ".")
    return project


def _duplicate_readme() -> tuple[str, int, str]:
    """A README whose line 12 repeats a paper in its table, its problem line and the code
    expected there.

    Until the duplicate-entry rule exists a short row stands in for the duplicate.
    """
    rule = lookup("duplicate-entry")
    second = PAPER if rule else "| Paper without a summary | 2023.05 |\n"
    text = f"# 列表\n\n### A\n{HEADER}{OTHER}\n### B\n{HEADER}{PAPER}{second}"
    return text, 12, rule.CODE if rule else "T001"


def test_duplicate_row_fails_the_commit(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    readme, line, code = _duplicate_readme()
    project = _project(tmp_path, hook_repo, "llm4or-lint", readme)
    installed = _pre_commit(project, pre_commit_home, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1"}
    commit = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-m", "x"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = commit.stdout + commit.stderr
    assert commit.returncode != 0, output
    assert f"README.md:{line}:" in output and code in output, output
    with pytest.raises(subprocess.CalledProcessError):
        _git(project, "rev-parse", "--verify", "HEAD")  # nothing was committed


def _misaligned_readme() -> str:
    if lookup("table-format"):
        # a compact table with one row off it
        rows = (
            "| Paper C | 2023.06 | 摘要 |\n| Paper D | 2023.07 | 摘要 |\n|Paper E|2023.08|摘要|\n"
        )
        return f"# 列表\n\n{HEADER}{PAPER}{rows}"
    return f"# 列表\n\n{HEADER}| Paper A | 2023.05 |\n"  # column-count pads it meanwhile


def test_fix_hook_rewrites_the_table_then_passes(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    readme = _misaligned_readme()
    project = _project(tmp_path, hook_repo, "llm4or-fix", readme)

    first = _pre_commit(project, pre_commit_home, "run", "llm4or-fix", "--files", "README.md")
    assert first.returncode == 1, first.stdout + first.stderr
    fixed = (project / "README.md").read_text(encoding="utf-8")
    assert fixed != readme
    assert engine.lint_text(fixed) == []

    second = _pre_commit(project, pre_commit_home, "run", "llm4or-fix", "--files", "README.md")
    assert second.returncode == 0, second.stdout + second.stderr
    assert (project / "README.md").read_text(encoding="utf-8") == fixed


def test_hooks_file_offers_both_hooks() -> None:
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    assert set(hooks) == {"llm4or-lint", "llm4or-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types"] == ["markdown"]
        assert hook["require_serial"] is True
    assert "--fix" in hooks["llm4or-fix"]["entry"].split()
    assert "--fix" not in hooks["llm4or-lint"]["entry"].split()


def test_local_hook_installs_the_project_dependencies() -> None:
    """The repo's own hook is local (no git host) and installs exactly pyproject's dependencies."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    (hook,) = [hook for hook in config["repos"][0]["hooks"] if hook["id"] == "llm4or-lint"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert hook["additional_dependencies"] == project["dependencies"]


def test_local_hook_passes_on_this_readme(tmp_path: Path, pre_commit_home: Path) -> None:
    """`pre-commit run llm4or-lint` with this repository's own config, in a copy of it.

    (ruff and mypy, its other hooks, are run directly by tests/test_static_checks.py.)
    """
    project = tmp_path / "self"
    project.mkdir()
    _copy_from_root(("lint", "pyproject.toml", "README.md", ".pre-commit-config.yaml"), project)
    _git(project, "init", "-q")
    _git(project, "add", ".")
    direct = subprocess.run([sys.executable, "-m", "lint", "README.md"], cwd=project)
    expected = direct.returncode
    done = _pre_commit(project, pre_commit_home, "run", "llm4or-lint", "--all-files")
    assert done.returncode == expected, done.stdout + done.stderr


def _commit(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "x"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _lint(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("llm4or-lint")
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(
        [str(script), *args], cwd=project, env=env, capture_output=True, text=True, timeout=600
    )


REAL_LIST = CORPUS / "real" / "DefTruth__Awesome-LLM-Inference__README.md"


@pytest.mark.skipif(not REAL_LIST.is_file(), reason=f"{REAL_LIST.name} not found: {MISSING}")
def test_adopting_on_a_legacy_list_with_bulk_suppressions(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    """Issue 21's "done when": the hook as README sets it up, on a real list with dozens of
    problems; --fix --suppress-all, then a commit passes; a new duplicate fails the commit;
    fixing an old problem and --prune-suppressions shrinks the record."""
    from lint.bulk_suppressions import FILE_NAME, identities
    from lint.config import Config
    from lint.document import parse
    from lint.problem import Problem

    repo, rev = hook_repo
    project = tmp_path / "list"
    project.mkdir()
    hook = {"id": "llm4or-fix", "files": r"^README\.md$"}  # as README.md sets it up
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": [hook]}]}
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copy(REAL_LIST, project / "README.md")
    _git(project, "init", "-q")
    installed = _pre_commit(project, pre_commit_home, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    before = _lint(project, "--format", "json", "README.md")
    # dozens of problems before issue 17's precision work, 22 after its column-count, layout
    # and empty-cell steps: still a list no one adopts without recording them
    assert before.returncode == 1 and len(json.loads(before.stdout)) >= 12

    adopted = _lint(project, "--fix", "--suppress-all", "README.md")
    assert adopted.returncode == 0, adopted.stdout + adopted.stderr
    record = project / FILE_NAME
    size = record.stat().st_size
    _git(project, "add", ".")
    first = _commit(project, pre_commit_home)
    assert first.returncode == 0, first.stdout + first.stderr

    # a new duplicate: the first paper of the first table pasted again below it, in other case
    # (a repeat in its own table; under another section it would read as cross-listing)
    text = (project / "README.md").read_text(encoding="utf-8")
    doc = parse(text)
    first_table = next(t for t in doc.tables if t.rows and t.section)
    lines = text.splitlines(keepends=True)
    copied = lines[first_table.rows[0].line - 1]
    lines.insert(first_table.rows[0].line, copied.lower())
    (project / "README.md").write_text("".join(lines), encoding="utf-8")
    _git(project, "add", "README.md")
    second = _commit(project, pre_commit_home)
    assert second.returncode != 0 and "P001" in second.stdout + second.stderr, second.stdout
    _git(project, "checkout", "HEAD", "--", "README.md")

    # an old problem fixed by hand: a duplicate row recorded once removed
    shown = _lint(project, "--show-suppressed", "--select", "P001", "--format", "json", "README.md")
    text = (project / "README.md").read_text(encoding="utf-8")
    found = [
        Problem(p["line"], p["column"], p["code"], p["name"], p["message"])
        for p in json.loads(shown.stdout)
        if p["kind"] == "suppressed"
    ]
    counts = json.loads(record.read_text(encoding="utf-8"))["README.md"]["duplicate-entry"]
    keys = identities(parse(text), found, Config())
    # the last one: since issue 17 the first is a paper dated apart from its arXiv id, and without
    # that row the table's dates follow their ids, which arxiv-date then checks in other rows
    once = [p.line for p, key in zip(found, keys, strict=True) if counts[key] == 1]
    line = once[-1]
    lines = text.splitlines(keepends=True)
    del lines[line - 1]
    (project / "README.md").write_text("".join(lines), encoding="utf-8")
    pruned = _lint(project, "--prune-suppressions", "README.md")
    assert pruned.returncode == 0, pruned.stdout + pruned.stderr
    assert record.stat().st_size < size
    left = json.loads(record.read_text(encoding="utf-8"))["README.md"]["duplicate-entry"]
    assert sum(left.values()) == sum(counts.values()) - 1
    _git(project, "add", ".")
    third = _commit(project, pre_commit_home)
    assert third.returncode == 0, third.stdout + third.stderr
