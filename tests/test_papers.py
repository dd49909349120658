"""papers: a row's identity read from its cells, linear on any input."""

from __future__ import annotations

import pytest

from lint import arxiv, markup, papers

ARXIV = "2407.02490"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (f"[pdf](https://arxiv.org/abs/{ARXIV})", (ARXIV,)),
        (f"[[pdf]](https://arxiv.org/pdf/{ARXIV}v2)", (ARXIV,)),
        (f"[pdf](https://arxiv.org/pdf/{ARXIV}.pdf)", (ARXIV,)),
        (f"<a href='https://www.arxiv.org/html/{ARXIV}v1'>html</a>", (ARXIV,)),
        (f"arXiv:{ARXIV}", (ARXIV,)),
        (f"https://huggingface.co/papers/{ARXIV}", (ARXIV,)),
        (f"[doi](https://doi.org/10.48550/arXiv.{ARXIV})", (ARXIV,)),
        ("[old](http://arxiv.org/abs/hep-th/9901001v3)", ("hep-th/9901001",)),
        (f"![badge](https://img.shields.io/badge/arXiv-{ARXIV}-red)", ()),
    ],
)
def test_arxiv_ids(cell: str, expected: tuple[str, ...]) -> None:
    assert papers.identity(("Title", cell), 0).arxiv == expected


def test_dois_and_links_are_normalised() -> None:
    row = ("T", "[a](https://dl.acm.org/doi/pdf/10.1145/3580305.3599256), doi:10.1000/XYZ")
    assert papers.identity(row, 0).dois == ("10.1000/xyz", "10.1145/3580305.3599256")
    pdf = papers.identity(("T", "[p](https://www.nature.com/articles/s1.pdf)"), 0)
    page = papers.identity(("T", "[p](http://nature.com/articles/s1/)"), 0)
    assert pdf.links == page.links == ("nature.com/articles/s1",)


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/microsoft/MInference",
        "https://img.shields.io/github/stars/a/b.svg?style=social",
        "https://www.bilibili.com/video/BV1YZ4y1S72j/",
        "https://huggingface.co/xverse/XVERSE-MoE-A36B",
        "https://qwenlm.github.io/blog/qwen2.5/",
        "https://example.org/",
        "https://example.org/figure.png",
        # a person's page: an author's profile names no paper
        "https://scholar.google.com/citations?user=vuMln98AAAAJ",
        "https://orcid.org/0000-0002-1825-0097",
        "https://openreview.net/profile?id=~Jane_Doe1",
        # a venue's page lists its papers: no one paper's link
        "https://openreview.net/group?id=ICLR.cc/2023/Conference#notable-top-25-",
        "https://www.semanticscholar.org/author/Jane-Doe/12345",
        "https://dblp.org/pid/12/3456.html",
    ],
)
def test_code_badges_videos_and_home_pages_are_not_paper_links(url: str) -> None:
    assert papers.identity(("T", f"[x]({url})"), 0).keys == ()


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        # a page reviewing many papers links each one's section: two fragments, two entries
        ("https://a.medium.com/review-94ba#c2b5", "https://a.medium.com/review-94ba#0836", False),
        ("https://a.medium.com/review-94ba#c2b5", "https://a.medium.com/review-94ba", False),
        ("https://a.medium.com/review-94ba#c2b5", "https://a.medium.com/review-94ba#c2b5", True),
        # a PDF's fragment tells a viewer where to open it; an arXiv id is the paper
        ("https://x.org/paper.pdf#page=3", "https://x.org/paper.pdf", True),
        ("https://arxiv.org/abs/2401.00001#S2", "https://arxiv.org/abs/2401.00001", True),
    ],
)
def test_a_links_fragment_names_a_part_of_its_page(first: str, second: str, same: bool) -> None:
    assert (papers.link_key(first) == papers.link_key(second)) is same


def test_a_paper_on_a_site_of_profiles_is_still_a_paper() -> None:
    row = ("T", "[x](https://openreview.net/forum?id=abc)", "[y](https://dblp.org/rec/conf/x/Y23)")
    assert papers.identity(row, 0).links == (
        "dblp.org/rec/conf/x/Y23",
        "openreview.net/forum?id=abc",
    )


def test_a_pdf_kept_with_code_is_a_paper() -> None:
    row = ("T", "[pdf](https://github.com/o/r/blob/main/report.pdf)")
    assert papers.identity(row, 0).links == ("github.com/o/r/blob/main/report",)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "PandaGPT:One Model To Instruction-Follow Them All",
            "PandaGPT: One Model To Instruction-Follow Them All",
        ),
        ("[GPT-4 Technical Report](https://arxiv.org/abs/2303.08774)", "gpt-4 technical report"),
        ("大模型：综述", "大模型综述"),
        ("`LoRA`: Low-Rank Adaptation", "LoRA - Low Rank Adaptation"),
        ("Ｔｉｔｌｅ　Ａ", "title a"),
        ("🔥[**MInference 1.0**] MInference 1.0: X", "[**MInference**] MInference 1.0: X"),
        ("![Star](https://img.shields.io/x.svg) <br> [**Title**](https://a.org/b)", "Title"),
        ("[![b](https://img.shields.io/x)](https://a.org) Title", "Title"),
        ("[Title][ref]", "Title"),
        ("[ICLR2025] Title", "Title"),
        ("[Only A Tag]", "Only A Tag"),
    ],
)
def test_title_key_equal(left: str, right: str) -> None:
    assert papers.title_key(left) == papers.title_key(right)


def test_title_key_differs_for_different_papers() -> None:
    assert papers.title_key("GPT-4") != papers.title_key("GPT-3")
    # a plus names a successor: a paper of its own (and the same in every script)
    assert papers.title_key("Panacea+: Panoramic Video") != papers.title_key(
        "Panacea: Panoramic Video"
    )
    assert papers.title_key("Panacea＋: 全景") != papers.title_key("Panacea: 全景")
    assert papers.title_key("C++ in **Practice**") == papers.title_key("c++ in practice.")
    # an asterisk no other closes is the name's own (PaLM 2-S*, the code model); emphasis is not
    assert papers.title_key("palm-2-s*") != papers.title_key("palm-2-s")
    assert papers.title_key("*palm-2-s*") == papers.title_key("palm-2-s")


def test_identities_share_keys_or_contradict() -> None:
    a = papers.identity(("Title", f"arXiv:{ARXIV}"), 0)
    renamed = papers.identity(("Other title", f"arXiv:{ARXIV}"), 0)
    bare = papers.identity(("title",), 0)
    other = papers.identity(("Title", "arXiv:2401.00001"), 0)
    assert set(a.keys) & set(renamed.keys) and not papers.contradicts(a, renamed)
    assert a.title == bare.title and not papers.contradicts(a, bare)
    assert a.title == other.title and papers.contradicts(a, other)


@pytest.mark.parametrize(
    ("paper_id", "month"),
    [
        ("2406.01234", (2024, 6)),
        ("0704.0001", (2007, 4)),
        ("hep-th/9901001", (1999, 1)),
        ("math/0612001", (2006, 12)),
        ("2413.00001", None),
    ],
)
def test_arxiv_month(paper_id: str, month: tuple[int, int] | None) -> None:
    assert arxiv.arxiv_month(paper_id) == month


# issue 14: each run once took quadratic time in the title's link regex; 200,000 characters
# now finish at once (no timing asserted: a quadratic scan would take minutes)
RUN = 200_000


@pytest.mark.slow  # linearity on runs of 200,000 characters: CI, not the fast loop
@pytest.mark.parametrize(
    ("unit", "key"),
    [
        ("[", b""),
        ("![", b""),
        ("<", b""),
        ("<a ", b"a" * (RUN // 3)),
        ("[a](", b"a" * (RUN // 4)),
        ("](", b""),
        ("<a href='", b"ahref" * (RUN // 9)),
    ],
)
def test_runs_of_openers_are_linear(unit: str, key: bytes) -> None:
    text = unit * (RUN // len(unit))
    assert papers.title_key(text) == key
    found = papers.identity((text,), 0)
    assert found.title == key and found.arxiv == ()


def test_a_long_run_of_links_reads_every_link() -> None:
    text = "[a](https://x.org/p) " * 10_000
    assert len(markup.read_cell(text).links) == 10_000
    assert papers.title_key(text) == b"a" * 10_000


def test_a_bracketed_tag_before_an_inline_link_is_no_reference_link() -> None:
    # ``[SIGIR 2021][Title](…)``: GitHub shows the tag as text, then the link; ``[a][b]`` alone
    # is a reference link showing ``a``
    tagged = markup.read_cell("[SIGIR 2021][Deep Title](https://a.org/x)", keep_tags=True)
    assert tagged.text == "[SIGIR 2021]Deep Title"
    assert tagged.links == [("https://a.org/x", False)]
    assert markup.read_cell("[SIGIR 2021][Deep Title](https://a.org/x)").text == "Deep Title"
    assert markup.read_cell("[text][label] rest").text == "text rest"


def test_a_code_or_project_link_beside_the_papers_is_no_paper_identity() -> None:
    # ``[Paper](…)|[Proj](…)``: a group's project page may serve two of its papers
    cell = r"[Paper](https://a.org/p.pdf)\|[Proj](https://sites.google.com/view/lab/camo)"
    assert papers.identity(("Title", cell), 0).links == ("a.org/p",)
    # a link labelled by the paper (or by nothing) stays
    both = "[Paper](https://a.org/p.pdf) [PDF](https://b.org/q.pdf)"
    assert papers.identity(("Title", both), 0).links == ("a.org/p", "b.org/q")


def test_each_inline_link_is_read_with_its_label() -> None:
    text = "[Paper](https://a.org/p.pdf)\\|[**Code**](<https://b.org/c>) ![i](x.png) [u](open"
    assert markup.labelled_links(text) == [
        ("Paper", "https://a.org/p.pdf"),
        ("**Code**", "https://b.org/c"),
        ("u", ""),
    ]
    assert markup.link_texts(text) == ["Paper", "**Code**", "u"]


def test_a_cell_citing_several_papers_gives_the_row_none_of_their_ids() -> None:
    # a taxonomy's row: a paradigm, then representative methods, each linked to its paper
    cited = (
        "[GAIA-1](https://arxiv.org/abs/2309.17080), [Vista](https://arxiv.org/abs/2405.17398),"
        " [HERMES](https://arxiv.org/abs/2501.14729)"
    )
    row = ("Hybrid / multi-stage", cited, "token prediction and diffusion decoding")
    assert papers.identity(row, 0).arxiv == ()
    # two ids are one paper's versions or its paper and extension: the row's own
    two = (
        "Paper",
        "[v1](https://arxiv.org/abs/2309.17080), [TPAMI](https://doi.org/10.1109/x.1)",
        "",
    )
    found = papers.identity(two, 0)
    assert (found.arxiv, found.dois) == (("2309.17080",), ("10.1109/x.1",))
