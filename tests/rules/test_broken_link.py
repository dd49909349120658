"""broken-link: links GitHub cannot follow, and arXiv badges naming another paper."""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.document import parse
from lint.fix import fix_text
from lint.links import badge_mismatches, fault, valid_arxiv_id
from lint.rules import broken_link
from tests.checking import run_rule

ONLY = Config(select=("broken-link",))
HEAD = "| 论文题目 | 发表时间 |\n| --- | --- |\n"


def table(*cells: str) -> str:
    return HEAD + "".join(f"| {cell} | 2023.05 |\n" for cell in cells)


def found(markdown: str) -> list[tuple[int, int, str]]:
    problems = run_rule(broken_link, parse(markdown), ONLY)
    return [(p.line, p.column, p.message) for p in problems]


@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("www.example.org/a", "has no scheme"),
        ("htttps://arxiv.org/abs/2502.10248", "scheme mistyped"),
        ("ttps://github.com/Wan-Video/Wan2.1", "scheme mistyped"),
        ("http//openkg.cn", "scheme mistyped"),
        ("https:/github.com/owner/repo", "scheme mistyped"),
        ("github.com/owner/repo", "has no scheme"),
        ("bozon.nlp.wo.tc/?f=158c", "has no scheme"),
        ("hhttps://github.com/owner/repo", "typed twice"),
        ("httpshttps://github.com/owner/repo", "typed twice"),
        ("\\https://arxiv.org/pdf/2402.13494", "stray mark"),
        ("https://easyai.tech/cnn/；ResNet：https://www.bilibili.com/video/BV1", "joins two URLs"),
        ("https://arxiv.org/abs/2402.05https://arxiv.org/pdf/2404.00928", "joins two URLs"),
        ("[https://arxiv.org/abs/2208.10791](https://arxiv.org/abs/2303.09975)", "pasted"),
        ("(https://arxiv.org/abs/2506.04019)", "second pair of parentheses"),
        ("https://arxiv.org/abs/203.05527", "no arXiv id"),
        ("https://arxiv.org/abs/2502.00000", "no arXiv id"),
        ("https://arxiv.org/pdf/2406.172940", "no arXiv id"),
        ("https://arxiv.org/abs/2505.1228", "no arXiv id"),
        ("https://arxiv.org/abs/1804.0962", "no arXiv id"),
        ("https://arxiv.org/abs/1412.12345", "no arXiv id"),
        ("https://arxiv.org/abs/2313.01234", "no arXiv id"),
        ("https://arxiv.org/abs/0612.1234", "no arXiv id"),
        ("file:///C:/Users/me/Downloads/paper.pdf", "writer's computer"),
        ("None", "empty value"),
        ("https://doi.org/https://doi.org/10.1186/s12911-021-01", "site typed twice"),
        ("https://openreview.net/forum?id%253DPgtn4l6eKjv", 'query\'s "=" encoded'),
        ("null", "empty value"),
        ("https://github.com/ToyotaInfoTech/popbias\u2011lia\u2011fedrec", "typographic hyphen"),
        ("https://github.com/microsoft/i\u2010Code", "typographic hyphen"),
        ("https://github.com/owner/repo}", "from LaTeX"),
        ("https://github.com/owner/repo}{repository}", "from LaTeX"),
        ("10.1109/CEC65147.2025.11043025", "is a DOI without its address"),
        ("doi:10.1145/3582437.3587208", "is a DOI without its address"),
        ("2305.01234", "is an arXiv id without its address"),
        ("arXiv:2305.01234v2", "is an arXiv id without its address"),
    ],
)
def test_a_fault_is_named(url: str, what: str) -> None:
    wrong = fault(url)
    assert wrong is not None
    assert what in wrong.what


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.org/a",
        "http://example.org",
        # another site's address after a site's: a reader or proxy of it (``readmedium.com``)
        "https://readmedium.com/https://medium.com/some-post",
        # a query encoded once is the site's own (ScienceDirect serves the page)
        "https://www.sciencedirect.com/science/article/pii/S0743?via%3Dihub",
        "https://link.zhihu.com/?target=https%3A//a.org/search%3Fq%3D%26f%3Dtype%253ADataset",
        "./notes/paper.md",
        "notes/paper.md",
        "paper.pdf",
        "README.zh-CN.md",
        # a file or folder named like a number is the repository's own (no DOI, no arXiv id)
        "10.5/notes.md",
        "2305.0123",
        "#section",
        "",
        "mailto:someone@example.org",
        # a URL inside a URL the way archives and redirects write it
        "https://web.archive.org/web/2020/https://example.org/a",
        "https://www.google.com/url?q=https://example.org/a",
        "https://link.zhihu.com/?target=https%3A//example.org",
        # every arXiv id form
        "https://arxiv.org/abs/2305.01234",
        "https://arxiv.org/abs/2305.01234v2",
        "https://arxiv.org/pdf/2305.01234v2.pdf",
        "https://arxiv.org/pdf/2305.01234.pdf",
        "https://arxiv.org/html/2407.10022v1/",
        "https://arxiv.org/abs/1706.03762",
        "https://arxiv.org/abs/1409.0473",
        "http://arxiv.org/abs/0704.0001",
        "https://arxiv.org/abs/hep-th/9901001",
        "https://arxiv.org/abs/math.GT/0309136v1",
        "https://arxiv.org/abs/2305.01234#section",
        # an id still to be filled in is the list's placeholder
        "https://arxiv.org/abs/TBD",
        # a query may hold braces: a site's own JSON
        'https://www.zhihu.com/search?q=a&extra={"sourceType"%3A"article"}',
    ],
)
def test_a_followable_link_has_no_fault(url: str) -> None:
    assert fault(url) is None


def test_a_bare_doi_or_arxiv_id_is_repaired_with_its_resolver() -> None:
    assert fault("doi:10.1145/3582437.3587208") == (
        "is a DOI without its address, so GitHub opens it as a file of this repository",
        "https://doi.org/10.1145/3582437.3587208",
    )
    doubled = fault("https://doi.org/https://doi.org/10.1186/s12911")
    assert doubled is not None and doubled.repaired == "https://doi.org/10.1186/s12911"
    twice = fault("https://openreview.net/forum?id%253DPgtn4l6eKjv")
    assert twice is not None and twice.repaired == "https://openreview.net/forum?id=Pgtn4l6eKjv"
    repaired = fault("arXiv:2305.01234v2")
    assert repaired is not None and repaired.repaired == "https://arxiv.org/abs/2305.01234"
    latex = fault("https://github.com/owner/repo}{repository}")
    assert latex is not None and latex.repaired == "https://github.com/owner/repo"
    escaped = fault("https://github.com/owner/_repo_}")  # a ``\_`` may be lost: no repair
    assert escaped is not None and escaped.repaired is None
    local = fault("file:///C:/Users/me/paper.pdf")
    assert local is not None and local.repaired is None


@pytest.mark.parametrize(
    ("paper_id", "valid"),
    [
        ("0704.0001", True),
        ("0703.0001", False),
        ("1412.9999", True),
        ("1412.09999", False),
        ("1501.00001", True),
        ("1501.0001", False),
        ("2412.00000", False),
        ("2400.12345", False),
        ("2413.12345", False),
        ("2412.123456", False),
    ],
)
def test_valid_arxiv_ids_follow_arxivs_numbering(paper_id: str, valid: bool) -> None:
    assert valid_arxiv_id(paper_id) is valid


def test_each_broken_link_of_a_table_row_is_reported_at_its_address() -> None:
    markdown = table(
        "[Paper A](www.example.org/a)",
        "[Paper B](https://arxiv.org/abs/2305.01234) [Code](github.com/owner/b)",
        "[Paper C](https://arxiv.org/abs/2305.01234)",
    )
    assert [(line, column) for line, column, _ in found(markdown)] == [(3, 13), (4, 54)]
    message = found(markdown)[0][2]
    assert message == (
        'link "www.example.org/a" has no scheme, so GitHub opens it as a file of this '
        'repository: write "https://www.example.org/a"'
    )


def test_links_outside_tables_and_images_are_left_alone() -> None:
    markdown = "[Paper](www.example.org/a)\n\n" + table("![logo](www.example.org/logo)")
    assert found(markdown) == []


def test_a_link_pasted_inside_a_link_is_shown_as_written() -> None:
    markdown = table("[NYT]([ https://catalog.example.org/T19](https://catalog.example.org/T19))")
    [(_, _, message)] = found(markdown)
    assert message.startswith('link "[ https://catalog.example.org/T19](https://catalog')
    assert message.endswith("keep the one URL of this row's paper")


def test_an_arxiv_badge_naming_another_paper_is_reported() -> None:
    copied = "[![arXiv](https://img.shields.io/badge/arXiv-2305.01234-b31b1b)](https://arxiv.org/abs/2306.05678)"
    kept = "[![arXiv](https://img.shields.io/badge/arXiv-2306.05678-b31b1b)](https://arxiv.org/abs/2306.05678v2)"
    other = "[![code](https://img.shields.io/badge/code-2305.01234-blue)](https://arxiv.org/abs/2306.05678)"
    assert badge_mismatches(copied) == [("2305.01234", "2306.05678")]
    assert badge_mismatches(kept) == []
    assert badge_mismatches(other) == []
    messages = [message for _, _, message in found(table(copied, kept, other))]
    assert messages == [
        "arXiv badge shows 2305.01234 but its link opens 2306.05678: make both name this "
        "row's paper"
    ]


def test_the_unsafe_fix_writes_the_scheme_and_keeps_everything_else() -> None:
    markdown = table(
        "[Paper A](www.example.org/a) [Code](hhttps://github.com/owner/a) [HF]((https://hf.co/a))",
        "[Paper B]([https://a.example.org](https://b.example.org))",
    )
    assert fix_text(markdown, config=ONLY).text == markdown  # unsafe: not applied by --fix
    fixed = fix_text(markdown, config=ONLY, unsafe=True).text
    assert fixed == table(
        "[Paper A](https://www.example.org/a) [Code](https://github.com/owner/a) [HF](https://hf.co/a)",
        "[Paper B]([https://a.example.org](https://b.example.org))",
    )
    # what no plain repair mends is still reported, and offered no fix
    assert [line for line, _, _ in found(fixed)] == [4]
    problems = run_rule(broken_link, parse(markdown), ONLY)
    assert [p.fix is not None for p in problems] == [True, True, True, False]
    assert len({p.fix for p in problems if p.fix}) == 1  # one fix for the row, applied once


def test_a_link_with_no_closing_parenthesis_is_text_on_github() -> None:
    markdown = table(
        "[Yi-1.5](https://huggingface.co/01-ai/Yi-1.5-34B-Chat and more",
        "[Paper](https://arxiv.org/abs/2305.01234) (a note",
        "(see [Paper](https://arxiv.org/abs/2305.01234)",
    )
    [(line, column, message)] = found(markdown)
    assert (line, column) == (3, 12)
    assert message == (
        'link "https://huggingface.co/01-ai/Yi-1.5-34B-Chat" has no closing parenthesis: '
        "GitHub shows it as text: close it after its address"
    )


@pytest.mark.parametrize(
    ("url", "what", "repaired"),
    [
        ("https://doi/10.1126/science.adg7492", 'its host "doi" has no dot', None),
        ("https://quantumstatcom/dataset", 'its host "quantumstatcom" has no dot', None),
        ("https://www。aminer。cn/data/", "has no dot", None),
        ("https://github", 'its host "github" has no dot', None),
        ("https://https://github.com/a/b", "scheme typed twice", "https://github.com/a/b"),
    ],
)
def test_a_host_without_a_dot_names_no_site(url: str, what: str, repaired: str | None) -> None:
    wrong = fault(url)
    assert wrong is not None and what in wrong.what
    assert wrong.repaired == repaired


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080/demo",
        "http://[::1]/x",
        "https://github.com/a",
        "https://a.b",
        "https://user:secret@example.org/x",
    ],
)
def test_a_host_with_a_dot_or_known_to_every_computer_is_a_site(url: str) -> None:
    assert fault(url) is None


def test_a_dotless_host_and_a_link_pasted_after_an_address_are_reported_in_a_table() -> None:
    markdown = table(
        "[doi](https://doi/10.1126/science.abc)",
        "[Link1](https://github.com/a/esm](https://github.com/b/seq))",
        "[ok](https://github.com/a/b)",
    )
    messages = [message for _, _, message in found(markdown)]
    assert len(messages) == 2
    assert 'host "doi" has no dot' in messages[0]
    assert "holds another link pasted into it" in messages[1]


@pytest.mark.parametrize(
    ("cell", "address", "after"),
    [
        ("[code](CancerGUIDE repository)", "CancerGUIDE", "repository"),
        (
            "[DUC](https://duc.nist.gov/ https://tac.nist.gov/)",
            "https://duc.nist.gov/",
            "https://tac.nist.gov/",
        ),
        ("[code](https: //github.com/a/b)", "https:", "//github.com/a/b"),
        # the space is the one cause: no second report of a host without a dot
        ("[code](https://github .com/QwenLM/PolyMath)", "https://github", ".com/QwenLM/PolyMath"),
    ],
)
def test_an_address_followed_by_more_than_a_title_makes_no_link(
    cell: str, address: str, after: str
) -> None:
    messages = [message for _, _, message in found(table(cell))]
    assert len(messages) == 1
    assert f'"{address}" is followed by "{after}", no title' in messages[0]


@pytest.mark.parametrize(
    "cell",
    [
        '[Paper](https://a.org/x "its title")',
        "[Paper](https://a.org/x 'its title')",
        "[Paper](https://a.org/x (its title))",
        "[Paper](<https://a.org/x y>)",
        "[Paper]( https://a.org/x )",
        "`[code](not a link)`",
        "[Paper](https://a.org/x",
    ],
)
def test_an_address_with_a_title_or_in_angle_brackets_is_a_link(cell: str) -> None:
    assert [m for _, _, m in found(table(cell)) if "no title" in m] == []


def test_a_link_to_a_section_the_page_does_not_have_is_reported() -> None:
    markdown = (
        "# 📖 Papers\n\n## Setup\n\n## Setup\n\n## 多模态 & Agents\n\n"
        '<a name="notes"></a>\n\n'
        "| Section | Link |\n| --- | --- |\n"
        "| A | [Papers](#papers) [Setup](#setup) [again](#setup-1) [top](#top) |\n"
        "| B | [CJK](#%E5%A4%9A%E6%A8%A1%E6%80%81--agents) [notes](#notes) |\n"
        "| B | [c](#user-content-setup) |\n"
        "| C | [typo](#advancinng-ctc-crf) [gone](#setup-2) [Setup](#SETUP) |\n"
    )
    messages = [(line, message.split('"')[1]) for line, _, message in found(markdown)]
    assert messages == [(16, "#advancinng-ctc-crf"), (16, "#setup-2")]
    assert "leads to no heading or anchor of this page" in found(markdown)[0][2]


def test_a_link_inside_a_bracketed_tag_is_read() -> None:
    # a site generator's ``[[pdf](None)]``: GitHub shows the brackets around a link to "None"
    title = "**[Beating Babel](https://doi.org/10.5281/zenodo.1)**"
    problems = found(table(title + " [[pdf](None)]"))
    assert [message.split(":")[0] for _, _, message in problems] == [
        'link "None" is "None", a program\'s empty value written out'
    ]
    assert found(table(title + " [[pdf](a.pdf)]")) == []


def linked(*cells: str) -> str:
    """A table of nine rows whose Link column links a page, then rows linking ``cells``."""
    head = "| Model | Code | Year |\n| --- | --- | --- |\n"
    rows = [f"[Code](https://github.com/a/b{n})" for n in range(1, 10)]
    return head + "".join(
        f"| Model {n} | {cell} | 2023 |\n" for n, cell in enumerate((*rows, *cells))
    )


@pytest.mark.parametrize(
    "cell", ["[Paper 10]()", "[Paper 10](<>)", "[Paper 10]( )", "[[pdf]]()", "[**Paper 10**]()"]
)
def test_a_link_with_no_address_where_the_column_links_every_row_is_reported(cell: str) -> None:
    (problem,) = found(linked(cell))
    line, column, message = problem
    assert (line, column) == (12, 13)
    assert "has no address" in message and "9 of the column's 10 rows link" in message


@pytest.mark.parametrize(
    "cells",
    [
        # the list's slot for a link to come: many rows of the column keep it
        ("[Code]()", "[Code]()", "[Code]()"),
        # its text says the address is to come, or that there is none
        ("[Coming soon]()",),
        ("[TODO]()",),
        ("[待补充]()",),
        ("[N/A]()",),
        # shows nothing
        ("[]()",),
        # in a code span GitHub shows the brackets as written
        ("`[Paper]()`",),
    ],
)
def test_a_link_with_no_address_the_list_keeps_is_left_alone(cells: tuple[str, ...]) -> None:
    assert found(linked(*cells)) == []


def test_a_link_with_no_address_in_a_column_that_rarely_links_is_left_alone() -> None:
    rows = linked().splitlines(keepends=True)
    rarely = "".join(
        rows[:2]
        + [row.replace("[Code]", "Code").replace("](", " (") for row in rows[2:8]]
        + rows[8:]
    )
    assert found(rarely + "| Model 10 | [Paper 10]() | 2023 |\n") == []


def test_a_paper_title_linked_to_no_address_is_left_to_empty_cell() -> None:
    rows = [f"[Paper {n}](https://arxiv.org/abs/2305.0{n}234)" for n in range(1, 10)]
    assert found(table(*rows, "[Paper 10]()")) == []


def test_a_row_of_links_with_no_address_is_a_template_row() -> None:
    head = "| Title | Paper | Code |\n| --- | --- | --- |\n"
    rows = "".join(
        f"| P{n} | [Paper](https://arxiv.org/abs/2305.0{n}234) | [Code](https://x.org/{n}) |\n"
        for n in range(1, 10)
    )
    assert found(head + rows + "| | [Paper]() | [Code]() |\n") == []
    (problem,) = found(head + rows + "| P10 | [Paper]() | [Code](https://github.com/a/c) |\n")
    assert problem[:2] == (12, 9)


def test_a_text_the_list_links_to_no_address_in_several_rows_is_its_slot() -> None:
    # three tables each linking every row but one, whose "[code]()" is the list's slot
    one = linked("[code]()")
    assert len(found(one)) == 1
    assert len(found(one + "\n" + one)) == 2
    assert found(one + "\n" + one + "\n" + one) == []
    # a badge of each row's venue linked nowhere, the same badge but for its address
    badges = [linked(f"[![Publish](https://img.shields.io/badge/{v}-blue)]()") for v in "ABC"]
    assert len(found(badges[0])) == 1
    assert found("\n".join(badges)) == []


def test_an_anchor_link_shown_as_text_is_told_once() -> None:
    # ``(#A B)``: the space ends the address, so GitHub shows the link as text; that it also
    # names no heading is the same fault
    (problem,) = found(table("[笔记](#NEURAL ARCHITECTURE SEARCH (ICLR'17))"))
    assert "no title" in problem[2]


def test_a_papers_id_under_a_page_arxiv_has_none_of_is_reported() -> None:
    (problem,) = found(table("[Paper A](https://arxiv.org/as/1904.09237)"))
    assert '"as" page' in problem[2] and "https://arxiv.org/abs/1904.09237" in problem[2]
    for page in ("abs", "pdf", "html", "format"):
        assert found(table(f"[Paper A](https://arxiv.org/{page}/1904.09237)")) == []


def test_a_path_separated_by_backslashes_is_reported() -> None:
    (problem,) = found(table("[notes](../../Summary\\Ranking\\summary.md)"))
    assert "backslashes" in problem[2] and "../../Summary/Ranking/summary.md" in problem[2]
    # an escaped punctuation mark is no separator: GitHub drops the backslash
    assert found(table("[notes](https://a.org/b\\_c)")) == []


@pytest.mark.parametrize(
    "url", ["ftp://ftp.example.org/a", "git://github.com/a/b", "./notes/a.md", "ps://x"]
)
def test_a_scheme_of_its_own_or_a_relative_path_is_no_mistyped_scheme(url: str) -> None:
    assert found(table(f"[Paper A]({url})")) == []


def test_an_en_dash_in_an_address_is_a_sites_own_name() -> None:
    # Wikipedia names pages with en dashes: only a hyphen typed as U+2010/U+2011 is a slip
    url = "https://en.wikipedia.org/wiki/Mann\u2013Whitney_U_test"
    assert found(f"| Title | Link |\n|---|---|\n| A test | [wiki]({url}) |\n") == []
