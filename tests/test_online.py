"""``llm4or-lint --online`` end to end, against a local server answering as arXiv and Crossref
do: this repository's README.md is clean, and a copy with a title reverted to its first
version's wording, or a date moved by a month, reports exactly that row."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer

from lint.cli import main
from tests.fake_apis import ARXIV_PATH, CROSSREF_PATH, FakeApis
from tests.shared import REPO

CURSE = "The Curse of Recursion: Training on Generated Data Makes Models Forget"
V1 = "Model Dementia: Generated Data Makes Models Forget"
FLEXGEN = "(https://arxiv.org/abs/2303.06865) | 2023.03  |"


@pytest.fixture
def apis(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeApis:
    fake = FakeApis(httpserver)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LLM4OR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("lint.online.client.ARXIV_INTERVAL", 0.0)
    return fake


@pytest.fixture
def readme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of this repository's README.md (and its settings), in the current directory."""
    for name in ("README.md", "pyproject.toml"):
        (tmp_path / name).write_bytes((REPO / name).read_bytes())
    monkeypatch.chdir(tmp_path)
    return tmp_path / "README.md"


def problems(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[tuple[int, str]]]:
    code = main(["--format", "json", *argv])
    found = json.loads(capsys.readouterr().out)
    return code, [(entry["line"], entry["code"]) for entry in found]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_readme_is_clean_online(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    assert problems(capsys, "--online", "README.md") == (0, [])
    # every arXiv id in one request, the one DOI in another
    assert len(apis.asked_ids()) == 1 and len(apis.asked_ids()[0]) == 19
    assert [r.path for r in apis.requests(CROSSREF_PATH)] == [
        f"{CROSSREF_PATH}/10.1126/science.ade2574"
    ]


def test_title_reverted_to_its_first_version_is_exactly_one_row(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(readme, f"[{CURSE}]", f"[{V1}]")
    assert main(["--fix", "README.md"]) == 0  # laid out again: offline, nothing tells
    assert problems(capsys, "--online", "README.md") == (1, [(line_of(readme, V1), "P005")])


def test_date_moved_by_a_month_is_exactly_one_row(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(readme, FLEXGEN, FLEXGEN.replace("2023.03", "2023.04"))
    line = line_of(readme, "2303.06865")
    assert problems(capsys, "--online", "README.md") == (1, [(line, "P006")])


def test_unsafe_fix_writes_the_current_title_and_the_list_is_clean_again(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    before = readme.read_text(encoding="utf-8")
    replace(readme, f"[{CURSE}]", f"[{V1}]")
    assert main(["--online", "--fix", "README.md"]) == 1  # an unsafe fix is not applied
    assert main(["--online", "--fix", "--unsafe-fixes", "README.md"]) == 0
    assert readme.read_text(encoding="utf-8") == before
    capsys.readouterr()


def test_second_run_is_served_from_the_cache_and_refresh_asks_again(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--online", "README.md"]) == 0
    served = len(apis.requests())
    assert main(["--online", "README.md"]) == 0
    assert len(apis.requests()) == served
    assert main(["--online", "--refresh", "README.md"]) == 0
    assert len(apis.requests()) == 2 * served
    capsys.readouterr()


def test_several_files_share_one_batch(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    other = readme.with_name("OTHER.md")
    other.write_text(
        "| 论文题目 | 发表时间 |\n| --- | --- |\n"
        "| [QLoRA](https://arxiv.org/abs/2305.14314) | 2023.05 |\n",
        encoding="utf-8",
    )
    main(["--online", "README.md", "OTHER.md"])
    assert len(apis.asked_ids()) == 1 and "2305.14314" in apis.asked_ids()[0]
    capsys.readouterr()


def test_stdin_online(
    readme: Path,
    apis: FakeApis,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    replace(readme, f"[{CURSE}]", f"[{V1}]")
    assert main(["--fix", "README.md"]) == 0
    text = readme.read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    code, found = problems(capsys, "--online", "-")
    assert code == 1 and [problem_code for _, problem_code in found] == ["P005"]


def test_no_network_is_one_line_exit_2_and_nothing_written(
    readme: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("LLM4OR_ARXIV_API", f"http://127.0.0.1:{port}/api/query")
    monkeypatch.setenv("LLM4OR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("lint.online.client.ARXIV_INTERVAL", 0.0)
    readme.write_text(readme.read_text("utf-8").replace("| 2019.04  |", "|2019.04|"), "utf-8")
    before = readme.read_bytes()
    assert main(["--online", "--fix", "README.md"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the arXiv API" in err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if "error" in line.lower()][:1]
    assert readme.read_bytes() == before  # the layout fix waited for the network: not written


def test_refresh_goes_with_online(readme: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--refresh", "README.md"]) == 2
    assert "--online" in capsys.readouterr().err


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_without_online_nothing_network_related_is_imported(readme: Path) -> None:
    code = (
        "import sys\nfrom lint.cli import main\ncode = main(['README.md'])\n"
        "heavy = [m for m in ('requests', 'urllib3', 'platformdirs', 'sqlite3', 'socket',"
        " 'lint.online.client', 'lint.online.metadata') if m in sys.modules]\n"
        "sys.stderr.write(repr((code, heavy)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=readme.parent,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.stderr.strip().endswith("(0, [])"), done.stderr


def test_pre_commit_hooks_stay_offline() -> None:
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        text = yaml.safe_load((REPO / name).read_text(encoding="utf-8"))
        hooks = text if isinstance(text, list) else text["repos"][0]["hooks"]
        for hook in hooks:
            assert "--online" not in hook["entry"].split() + list(hook.get("args", []))


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_online_end_to_end(readme: Path, apis: FakeApis) -> None:
    replace(readme, f"[{CURSE}]", f"[{V1}]")
    env = {**os.environ, **apis.env(), "LLM4OR_CACHE_DIR": str(readme.parent / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "lint", "--online", "README.md"],
        cwd=readme.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.count("P005 [title-mismatch]") == 1
    assert len(apis.requests(ARXIV_PATH)) == 1
