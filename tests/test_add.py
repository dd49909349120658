"""``llm4or-lint add``: the new row in its table's date style, order, layout and link forms, and
the command's refusals and errors (its network side against the local arXiv of fake_apis)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from lint import document, inference
from lint.add import choose_table
from lint.cli import main
from lint.config import Config
from lint.dates import DateValue
from lint.engine import lint_text
from lint.new_row import NewPaper, insert
from tests.fake_apis import ARXIV_PATH, FakeApis
from tests.shared import REPO

QLORA = NewPaper(
    "arxiv:2305.14314",
    "QLoRA: Efficient Finetuning of Quantized LLMs",
    ("Tim Dettmers", "Artidoro Pagnoni"),
    DateValue(2023, 5, 23),
)
QLORA_LINK = "[QLoRA: Efficient Finetuning of Quantized LLMs](https://arxiv.org/abs/2305.14314)"


def added(markdown: str, paper: NewPaper = QLORA, section: str | None = None) -> str:
    """``markdown`` with ``paper`` added, checked to lint as cleanly as it did before."""
    doc = document.parse(markdown, "list.md")
    conv = inference.infer(doc, Config())
    target = choose_table(conv, section, "list.md")
    text, lines = insert(doc, markdown, conv, target, [paper], {})
    # nothing reported on the new row, and no rule that found nothing before finds something
    before = {p.code for p in lint_text(markdown, "list.md")}
    after = lint_text(text, "list.md")
    assert [p for p in after if p.line in lines or p.code not in before] == []
    return text


def table(*rows: str, header: str = "| Title | Date |", delimiter: str = "| --- | --- |") -> str:
    return "\n".join((header, delimiter, *rows)) + "\n"


def arxiv_rows(*dates: str) -> list[str]:
    months = (1, 4, 9, 11)
    return [
        f"| [Paper {m}](https://arxiv.org/abs/23{m:02d}.0000{m}) | {date} |"
        for m, date in zip(months, dates, strict=False)
    ]


@pytest.mark.parametrize(
    ("dates", "written"),
    [
        (("2023.01", "2023.04", "2023.09"), "2023.05"),
        (("2023-01", "2023-04", "2023-09"), "2023-05"),
        (("2023-01-15", "2023-04-15", "2023-09-14"), "2023-05-23"),
        (("2023-01", "2023-04-15", "2023-09"), "2023-05-23"),  # YYYY-MM[-DD]: the day kept
        (("Jan 2023", "Apr 2023", "Sep 2023"), "May 2023"),
        (("January 2023", "April 2023", "September 2023"), "May 2023"),
        (("1/15/23", "4/15/23", "9/14/23"), "5/23/23"),
        (("**2023-01-15**", "**2023-04-15**", "**2023-09-14**"), "**2023-05-23**"),
        (("`2023.01`", "`2023.04`", "`2023.09`"), "`2023.05`"),
        (("2023/01<!--15-->", "2023/04<!--15-->", "2023/09<!--14-->"), "2023/05<!--23-->"),
        (("2023年1月", "2023年4月", "2023年9月"), "2023年5月"),
        (("2022", "2023", "2024"), "2023"),
    ],
)
def test_date_in_the_columns_style_and_precision_and_in_date_order(
    dates: tuple[str, ...], written: str
) -> None:
    text = added(table(*arxiv_rows(*dates)))
    lines = text.splitlines()
    # after the rows of earlier dates (and of its own year, for the year column)
    assert lines.index(f"| {QLORA_LINK} | {written} |") == 4, text


def test_year_less_dates_under_a_year_heading() -> None:
    markdown = "## 2023\n\n" + table(*arxiv_rows("01-15", "04-15", "09-14"))
    assert added(markdown).splitlines()[6] == f"| {QLORA_LINK} | 05-23 |"


def test_descending_table() -> None:
    rows = arxiv_rows("2023.11", "2023.09", "2023.04", "2023.01")
    rows = [rows[0], rows[1], rows[2], rows[3]]
    markdown = table(
        "| [Paper 11](https://arxiv.org/abs/2311.00011) | 2023.11 |",
        "| [Paper 9](https://arxiv.org/abs/2309.00009) | 2023.09 |",
        "| [Paper 4](https://arxiv.org/abs/2304.00004) | 2023.04 |",
    )
    assert added(markdown).splitlines()[4] == f"| {QLORA_LINK} | 2023.05 |"


def test_table_in_no_order_gets_the_row_at_its_end() -> None:
    markdown = table("| A | 2023.09 |", "| B | 2021.04 |", "| C | 2023.01 |", "| D | 2020.01 |")
    assert added(markdown).splitlines()[-1] == f"| {QLORA_LINK} | 2023.05 |"


def test_table_ordered_by_arxiv_id_gets_the_row_by_its_id() -> None:
    markdown = table(
        "| [A](https://arxiv.org/abs/2301.00001) | 2023.09 |",
        "| [B](https://arxiv.org/abs/2303.00002) | 2021.04 |",
        "| [C](https://arxiv.org/abs/2306.00003) | 2023.01 |",
        "| [D](https://arxiv.org/abs/2308.00004) | 2020.01 |",
        "| [E](https://arxiv.org/abs/2309.00005) | 2022.06 |",
    )
    assert added(markdown).splitlines()[4] == f"| {QLORA_LINK} | 2023.05 |"


def test_aligned_table_is_laid_out_anew() -> None:
    old = "[A](https://arxiv.org/abs/2301.00001)"
    markdown = table(
        f"| {old} | 2023.01 |",
        f"| {'B'.ljust(len(old))} | 2023.02 |",
        header=f"| {'Title'.ljust(len(old))} | Date    |",
        delimiter=f"| {'-' * len(old)} | ------- |",
    )
    wide = len(QLORA_LINK)
    assert added(markdown).splitlines() == [
        f"| {'Title'.ljust(wide)} | Date    |",
        f"| {'-' * wide} | ------- |",
        f"| {old.ljust(wide)} | 2023.01 |",
        f"| {'B'.ljust(wide)} | 2023.02 |",
        f"| {QLORA_LINK} | 2023.05 |",
    ]


def test_tight_table_and_a_bold_title_form() -> None:
    markdown = "|Title|Date|\n|---|---|\n|**[A](https://arxiv.org/abs/2301.00001)**|2023.01|\n"
    assert added(markdown).splitlines()[-1] == f"|**{QLORA_LINK}**|2023.05|"


def test_hand_aligned_table_keeps_its_widths() -> None:
    markdown = table(
        "|         [A](https://arxiv.org/abs/2301.00001)         |  2023.01   |",
        header="|                         Title                         |    Date    |",
        delimiter="|:-----------------------------------------------------:|:----------:|",
    )
    lines = added(markdown, QLORA._replace(title="QLoRA")).splitlines()
    assert lines[:3] == markdown.splitlines()
    assert lines[3] == "|       [QLoRA](https://arxiv.org/abs/2305.14314)       |  2023.05   |"


def test_table_off_its_style_keeps_its_lines_and_gets_a_row_in_the_style_it_leans_to() -> None:
    # three rows in five are compact: too few for the table to keep a style
    compact = [f"| [P{n}](https://arxiv.org/abs/230{n}.0000{n}) | 2023.0{n} |" for n in (1, 2, 3)]
    tight = [f"|[P{n}](https://arxiv.org/abs/230{n}.0000{n})|2023.0{n}|" for n in (4,)]
    markdown = table(*compact, *tight, "|[P5](https://arxiv.org/abs/2305.00005)|2023.05|")
    lines = added(markdown).splitlines()
    assert lines[:7] == markdown.splitlines()
    assert lines[7] == f"| {QLORA_LINK} | 2023.05 |"


def test_table_in_no_style_gets_the_row_in_the_documents_style() -> None:
    tight = "|Title|Date|\n|---|---|\n|[A](https://arxiv.org/abs/2301.00001)|2023.01|\n"
    messy = table(
        "|[B](https://arxiv.org/abs/2301.00002)| 2023.01 |",
        "| [C](https://arxiv.org/abs/2302.00003) |2023.02|",
        header="|Title|Date|",
        delimiter="|---|---|",
    )
    markdown = f"## A\n\n{tight}\n## B\n\n{tight}\n## New\n\n{messy}"
    assert added(markdown, section="New").splitlines()[-1] == f"|{QLORA_LINK}|2023.05|"


def test_year_less_descending_dates_without_a_year_heading() -> None:
    markdown = table(
        "| 09-14 | [Paper 9](https://arxiv.org/abs/2309.00009) |",
        "| 04-15 | [Paper 4](https://arxiv.org/abs/2304.00004) |",
        "| 01-15 | [Paper 1](https://arxiv.org/abs/2301.00001) |",
        header="| Date | Title |",
    )
    assert added(markdown).splitlines()[3] == f"| 05-23 | {QLORA_LINK} |"


def test_empty_table_takes_the_documents_date_style() -> None:
    markdown = table(*arxiv_rows("2023-01")) + "\n## New\n\n" + table()
    lines = added(markdown, section="New").splitlines()
    assert lines[-1] == f"| {QLORA_LINK} | 2023-05 |"


def test_link_forms_of_the_list() -> None:
    markdown = table(
        "| A | 2023.01 | [[pdf]](http://arxiv.org/pdf/2301.00001v2.pdf) |",
        "| B | 2023.04 | [[pdf]](http://arxiv.org/pdf/2304.00004.pdf) |",
        header="| Title | Date | Paper |",
        delimiter="| --- | --- | --- |",
    )
    expected = (
        "| QLoRA: Efficient Finetuning of Quantized LLMs | 2023.05 |"
        " [[pdf]](http://arxiv.org/pdf/2305.14314.pdf) |"
    )
    assert added(markdown).splitlines()[-1] == expected


def test_name_and_authors_columns() -> None:
    markdown = table(
        "| A | [A: a](https://arxiv.org/abs/2301.00001) | 2023.01 | Ann Lee et al. |",
        "| B | [B: b](https://arxiv.org/abs/2304.00004) | 2023.04 | Bo Li et al. |",
        header="| Name | Paper | Date | Authors |",
        delimiter="| --- | --- | --- | --- |",
    )
    expected = f"| QLoRA | {QLORA_LINK} | 2023.05 | Tim Dettmers et al. |"
    assert added(markdown).splitlines()[-1] == expected


def test_doi_paper_in_the_lists_doi_form() -> None:
    markdown = table(
        "| [A](https://doi.org/10.1000/a1) | 2023.01 |",
        "| [B](https://arxiv.org/abs/2304.00004) | 2023.04 |",
    )
    paper = NewPaper("doi:10.1126/science.ade2574", "Evolutionary | scale", (), DateValue(2023, 3))
    expected = "| [Evolutionary \\| scale](https://doi.org/10.1126/science.ade2574) | 2023.03 |"
    assert added(markdown, paper).splitlines()[3] == expected


def test_table_in_a_block_quote() -> None:
    markdown = "> " + table(*arxiv_rows("2023.01", "2023.04", "2023.09")).replace("\n", "\n> ")
    markdown = markdown.rstrip("> ") + "\n"
    assert added(markdown).splitlines()[4] == f"> | {QLORA_LINK} | 2023.05 |"


# ---------------------------------------------------------------- the command


@pytest.fixture
def apis(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeApis:
    fake = FakeApis(httpserver)
    for name, value in fake.env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("LLM4OR_CACHE_DIR", str(tmp_path / "cache"))
    return fake


@pytest.fixture
def readme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of this repository's README.md, in the current directory."""
    copy = tmp_path / "README.md"
    copy.write_bytes((REPO / "README.md").read_bytes())
    monkeypatch.chdir(tmp_path)
    return copy


def test_listed_paper_is_refused_naming_the_row(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    before = readme.read_bytes()
    argv = ["add", "2305.18098", "--section", "多语言大模型", "--set", "内容简介=x"]
    assert main(argv) == 1
    assert readme.read_bytes() == before
    assert "README.md:17" in capsys.readouterr().err
    assert apis.requests() == []  # known from the list itself: no request


def test_unlisted_paper_is_added_in_date_order_and_lints_clean(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    before = readme.read_text(encoding="utf-8").splitlines()
    url = "https://arxiv.org/pdf/2302.13971v1"
    assert main(["add", url, "--section", "LLM复杂任务", "--set", "内容简介=x"]) == 0
    after = readme.read_text(encoding="utf-8").splitlines()
    new = [line for line in after if line not in before]
    assert len(new) == 1 and len(after) == len(before) + 1
    cells = [cell.strip() for cell in new[0].strip("|").split("|")]
    link = (
        "[LLaMA: Open and Efficient Foundation Language Models](https://arxiv.org/abs/2302.13971)"
    )
    assert cells == [link, "2023.02", "x"]
    assert after.index(new[0]) == before.index("### LLM复杂任务") + 3  # before the 2023.05 rows
    capsys.readouterr()
    assert main([str(readme)]) == 0  # lints clean
    assert apis.asked_ids() == [["2302.13971"]]


def test_second_add_is_served_from_the_cache(readme: Path, apis: FakeApis) -> None:
    argv = ["add", "2305.14314", "--section", "多语言大模型", "--diff"]
    assert main(argv) == 1  # --diff showed the change
    assert main(argv) == 1
    assert len(apis.requests(ARXIV_PATH)) == 1


def test_diff_writes_nothing(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    before = readme.read_bytes()
    assert main(["add", "2305.14314", "--section", "多语言大模型", "--diff"]) == 1
    patch = capsys.readouterr().out
    assert patch.startswith("--- a/README.md\n+++ b/README.md\n")
    assert "+| " in patch and "QLoRA" in patch
    assert readme.read_bytes() == before


def test_title_and_date_need_no_network(readme: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM4OR_ARXIV_API", "http://127.0.0.1:9/nowhere")
    argv = [
        "add",
        "2305.14314",
        "--section",
        "多语言大模型",
        "--title",
        "QLoRA",
        "--date",
        "2023-05",
    ]
    assert main(argv) == 0
    row = "[QLoRA](https://arxiv.org/abs/2305.14314)"
    (line,) = [line for line in readme.read_text("utf-8").splitlines() if row in line]
    assert [cell.strip() for cell in line.strip("|").split("|")] == [row, "2023.05", ""]
    assert main([str(readme)]) == 0  # laid out as its aligned table


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["2305.14314", "--section", "多语言"], "did you mean '多语言大模型'"),
        (["2305.14314"], "--section"),  # several paper tables
        (["not-an-id", "--section", "多语言大模型"], "not an arXiv id"),
        (["2305.14314", "--section", "多语言大模型", "--set", "Code=x"], "--set"),
        (["2305.99999", "--section", "多语言大模型"], "unknown to arXiv"),
        (["2305.14314", "2302.13971", "--title", "x"], "one paper"),
        (["2305.14314", "--to", "missing.md"], "missing.md"),
    ],
)
def test_errors_are_one_line_exit_2_and_write_nothing(
    readme: Path,
    apis: FakeApis,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    expected: str,
) -> None:
    before = readme.read_bytes()
    assert main(["add", *argv]) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1 and err.startswith("llm4or-lint add: error:")
    assert readme.read_bytes() == before


def test_no_network_is_one_line_exit_2(
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
    monkeypatch.setattr("lint.online.client.RETRIES", 0)
    monkeypatch.setattr("lint.online.client.ARXIV_INTERVAL", 0.0)
    before = readme.read_bytes()
    assert main(["add", "2305.14314", "--section", "多语言大模型"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the arXiv API" in err and err.count("\n") == 1
    assert readme.read_bytes() == before


def test_paper_listed_without_an_id_is_refused_by_its_title(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    # the README's Polyglot row links its code, not the paper: its title says which paper it is
    polyglot = "Polyglot: Large Language Models of Well-balanced Competence in Multi-languages"
    apis.papers["2209.00001"] = apis.papers["2305.14314"]._replace(title=polyglot)
    assert main(["add", "2209.00001", "--section", "多语言大模型"]) == 1
    assert "README.md:15" in capsys.readouterr().err


def test_withdrawn_paper_is_refused(
    readme: Path, apis: FakeApis, capsys: pytest.CaptureFixture[str]
) -> None:
    apis.papers["2305.11111"] = apis.papers["2305.14314"]._replace(
        title="Gone", comment="This paper has been withdrawn by the authors"
    )
    assert main(["add", "2305.11111", "--section", "多语言大模型"]) == 1
    assert "withdrawn" in capsys.readouterr().err


def test_crlf_and_no_final_newline_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "list.md"
    path.write_bytes(b"| Title | Date |\r\n| --- | --- |\r\n| A | 2023.01 |")
    argv = ["add", "2305.14314", "--to", "list.md", "--title", "Q", "--date", "2023.05"]
    assert main(argv) == 0
    expected = b"| Title | Date |\r\n| --- | --- |\r\n| A | 2023.01 |\r\n"
    assert path.read_bytes() == expected + b"| [Q](https://arxiv.org/abs/2305.14314) | 2023.05 |"


@pytest.mark.slow  # end to end in a fresh interpreter: CI, not the fast loop
def test_add_end_to_end(readme: Path, apis: FakeApis) -> None:
    env = {**os.environ, **apis.env(), "LLM4OR_CACHE_DIR": str(readme.parent / "cache")}
    argv = ["add", "2305.14314", "--section", "#多语言大模型", "--set", "内容简介=QLoRA 微调"]
    done = subprocess.run(
        [sys.executable, "-m", "lint", *argv],
        cwd=readme.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("README.md:18: added")
    assert "[QLoRA: Efficient Finetuning of Quantized LLMs]" in readme.read_text("utf-8")
