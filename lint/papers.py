"""A row's paper identity: arXiv ids, DOIs, other paper links, and the normalised title.

Identifiers come from the title cell and from every cell that holds only links (a ``[[pdf]](…)``
column, ``[Paper](…) / [Code](…)``), never from prose that cites other work. A link is a *paper
link* unless it is an image or badge (``![…](…)``, ``<img>``, an image file, a badge service),
code or a model (GitHub, GitLab, Hugging Face repositories; a ``.pdf`` kept there is a paper), a
project page (``*.github.io``), a video or a social post, or a site's home page. arXiv links in
every form (``abs``, ``pdf``, ``html``, ``huggingface.co/papers``, the arXiv DOI) and ``arXiv:``
text give the id without its version; DOIs come from ``doi.org`` links, from ``/10.NNNN/…`` in
any publisher's path and from ``doi:`` text; any other paper link is kept as host and path
(no scheme, ``www.``, trailing slash or ``.pdf``).

The title is the title cell as shown, links reduced to their text, and images, badges, HTML
tags (``<br>``) and bracketed tags (``[**MInference**]``) removed, then compared loosely
(``title_key``). Two rows are the same paper when they share an identifier, or when their
titles match and no identifier contradicts it (both have arXiv ids, or both DOIs, and none is
shared). A cell is read as GitHub shows it by ``lint/markup.py``; a row's arXiv id and the
month it gives are read in ``lint/arxiv.py``, the columns naming a paper's variant in
``lint/variants.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any, NamedTuple

from lint.markup import labelled_links, read_cell

# what a title's key drops: punctuation and white space, but a plus, which names a successor
# (``Panacea+`` is a paper of its own, not ``Panacea`` written otherwise)
_NOT_WORD = re.compile(r"[^\w+]+|_+")
# the ASCII bytes \W and _ match, the plus aside, deleted in one C call on an all-ASCII title
_ASCII_NOT_WORD = bytes(byte for byte in range(128) if not chr(byte).isalnum() and chr(byte) != "+")
# a URL in text (GFM's autolink extension); no class here can restart the match, so it is linear
_BARE_URL = re.compile(r"(?i)\bhttps?://[^\s<>\"'`|\[\]{}]+")
_ARXIV_NEW = r"\d{4}\.\d{4,5}"
_ARXIV_OLD = r"[a-z][a-z-]*(?:\.[a-z]{2})?/\d{7}"
_ARXIV_ID = re.compile(rf"(?i)({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?")
_ARXIV_TEXT = re.compile(rf"(?i)\barxiv\s*:\s*({_ARXIV_NEW}|{_ARXIV_OLD})")
_ARXIV_PATH = re.compile(r"(?i)^/(?:abs|pdf|html|format|papers)/(.+)$")
_ARXIV_HOSTS = ("arxiv.org", "export.arxiv.org", "ar5iv.org", "ar5iv.labs.arxiv.org")
_DOI = re.compile(r"(10\.\d{4,9}/[^\s?#]+)")
_DOI_TEXT = re.compile(r"(?i)\bdoi\s*:\s*(10\.\d{4,9}/\S+)")
_ARXIV_DOI = re.compile(rf"(?i)10\.48550/arxiv\.({_ARXIV_NEW}|{_ARXIV_OLD})")
_IMAGE_FILE = re.compile(r"(?i)\.(png|jpe?g|gif|svg|webp|bmp|ico)$")
_TRAILING = ".,:;!?*_~'\""
# a link's label of one word among marks (``**Code**``, ``💻 code``), and the labels of a
# paper's other pages (a tool's or a dataset's ``site`` is what names it)
_LABEL_WORD = re.compile(r"\W*([A-Za-z]+)\W*")
_NOT_PAPER = frozenset(
    "code codes github repo repository proj project demo video slides poster blog".split()
)

# hosts whose links are code, models, badges, videos or posts: never the paper itself
_NOT_PAPER_HOSTS = frozenset(
    (
        "github.com gitlab.com gitee.com bitbucket.org huggingface.co hf.co hf-mirror.com "
        "modelscope.cn colab.research.google.com kaggle.com pypi.org npmjs.com "
        "img.shields.io shields.io badgen.net badge.fury.io "
        "youtube.com youtu.be bilibili.com b23.tv vimeo.com ixigua.com douyin.com tiktok.com "
        "twitter.com x.com weibo.com linkedin.com facebook.com reddit.com discord.gg discord.com "
        "raw.githubusercontent.com user-images.githubusercontent.com "
        "code.google.com sourceforge.net "
        # people, not papers: an author's profile beside a row names no paper of it
        "scholar.google.com orcid.org"
    ).split()
)
# a person's page on a site of papers (OpenReview, Semantic Scholar, dblp, ResearchGate), or
# a venue's (an OpenReview group lists a conference's papers: ``/group?id=ICLR.cc/2023/…``)
_PERSON_PATHS = ("/profile", "/author/", "/pid/", "/citations", "/group")
# project pages on these domains are a project's site, not the paper
_PROJECT_SUFFIXES = (".github.io", ".gitlab.io", ".readthedocs.io", ".bilibili.com")
_LINK_ONLY_LETTERS = 8
_EMPTY: tuple[str, ...] = ()


# venue words of a preprint server: a paper at one has appeared at no venue yet
PREPRINT_VENUES = frozenset("arxiv corr preprint biorxiv medrxiv ssrn openreview".split())


def preprint_venue(venue: str) -> bool:
    """True for a venue cell naming a preprint server first (``arXiv``, ``arXiv 2024``,
    ``CoRR``)."""
    words = read_cell(venue).text.casefold().split() if venue else []
    return bool(words) and words[0].strip("*_'’:,.") in PREPRINT_VENUES


class Identity(NamedTuple):
    """What a row says its paper is: the title key and the sorted identifiers of each kind.

    ``arxiv`` holds bare ids (``2407.02490``, ``hep-th/9901001``), ``dois`` lower-case DOIs,
    ``links`` other paper links as ``host/path``.
    """

    title: bytes
    arxiv: tuple[str, ...] = _EMPTY
    dois: tuple[str, ...] = _EMPTY
    links: tuple[str, ...] = _EMPTY

    @property
    def has_keys(self) -> bool:
        """True when the row gives an identifier (an arXiv id, a DOI or a paper link); most
        rows give a title alone."""
        return bool(self.arxiv or self.dois or self.links)

    @property
    def keys(self) -> tuple[str, ...]:
        """Every identifier, prefixed with its kind (``arxiv:``, ``doi:``, ``url:``)."""
        if not self.has_keys:
            return _EMPTY
        return (
            *(f"arxiv:{i}" for i in self.arxiv),
            *(f"doi:{d}" for d in self.dois),
            *(f"url:{link}" for link in self.links),
        )


def contradicts(first: Identity, second: Identity) -> bool:
    """True when both give arXiv ids, or both DOIs, and none of them is shared."""
    for mine, theirs in ((first.arxiv, second.arxiv), (first.dois, second.dois)):
        if mine and theirs and not set(mine) & set(theirs):
            return True
    return False


def title_key(title: str) -> bytes:
    """The identity of a title: markup and punctuation gone (a plus kept), case and width
    folded.

    Link text is kept and URLs dropped; images, badges, HTML tags and bracketed tags
    (``[**MInference**]``) are removed, unless the title is nothing but a tag.
    """
    if "[" in title or "<" in title:
        shown = read_cell(title).text
        title = shown if _key(shown) else read_cell(title, keep_tags=True).text
    return _key(title)


def _key(text: str) -> bytes:
    # an asterisk no other one closes is text, not emphasis: a name of its own (``PaLM 2-S*``)
    star = b"*" if text.count("*") % 2 else b""
    if text.isascii():
        return text.encode("ascii").lower().translate(None, _ASCII_NOT_WORD) + star
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NOT_WORD.sub("", folded).encode("utf-8") + star


def identity(
    cells: Sequence[str],
    title: int | None,
    skip: int | None = None,
    may: bool = True,
    known: dict[tuple[Any, ...], Any] | None = None,
) -> Identity:
    """The paper a row names: its title key and the identifiers of its title cell and of its
    link-only cells (``skip``: a column never read, the date). ``may`` false: the caller
    knows no cell can hold a link or an identifier (``may_link`` of its text). ``known``: the
    identities read so far, by row (a fix's passes read the same rows again and again)."""
    if known is None:
        return _identity(cells, title, skip, may)
    key = (tuple(cells), title, skip)
    found: Identity | None = known.get(key)
    if found is None:
        found = known[key] = _identity(cells, title, skip, may)
    return found


def _identity(cells: Sequence[str], title: int | None, skip: int | None, may: bool) -> Identity:
    if not may or not may_link("|".join(cells)):  # the common row: no link anywhere
        text = cells[title] if title is not None and title < len(cells) else ""
        return Identity(_key(text) if text else b"")
    arxiv: list[str] = []
    dois: list[str] = []
    links: list[str] = []
    key = b""
    for index, text in enumerate(cells):
        if index == skip or not text:
            continue
        if not may_link(text):
            if index == title:
                key = _key(text)
            continue
        shown = read_cell(text)
        if index == title:
            key = _key(shown.text) or title_key(text)
        if index != title and not _only_links(shown.outside):
            continue
        urls = [url for url, image in shown.links if not image]
        if index != title and "](" in text:
            # a cell of links labelled apart (``[Paper](…)|[Code](…)``): the code's, the
            # project's are no paper's (a group's project page serves two of its papers)
            other = {url for label, url in labelled_links(text) if _not_paper(label)}
            urls = [url for url in urls if url not in other]
        urls.extend(match.group().rstrip(_TRAILING) for match in _BARE_URL.finditer(shown.text))
        cell_arxiv: list[str] = []
        cell_dois: list[str] = []
        cell_links: list[str] = []
        for url in urls:
            _classify(url, cell_arxiv, cell_dois, cell_links)
        cell_arxiv.extend(match[1] for match in _ARXIV_TEXT.finditer(text))
        cell_dois.extend(match[1].rstrip(_TRAILING).lower() for match in _DOI_TEXT.finditer(text))
        if len(set(cell_arxiv)) + len(set(cell_dois)) >= CITES_SEVERAL:
            continue  # citing several papers (``[GAIA-1](…), [Vista](…), …``): none is the row's
        arxiv.extend(cell_arxiv)
        dois.extend(cell_dois)
        links.extend(cell_links)
    return Identity(key, _unique(arxiv), _unique(dois), _unique(links))


# a cell linking this many papers by their ids cites them (a taxonomy's list of examples): no
# one of them is the paper of its row
CITES_SEVERAL = 3


def _not_paper(label: str) -> bool:
    """True for a link labelled as another page than the paper (``[Code]``, ``[Proj]``)."""
    word = _LABEL_WORD.fullmatch(label)
    return word is not None and word[1].lower() in _NOT_PAPER


def _only_links(outside: str) -> bool:
    """True when the text outside links, bare URLs and ids aside, is at most a short label."""
    for pattern in (_BARE_URL, _ARXIV_TEXT, _DOI_TEXT):
        outside = pattern.sub("", outside)
    return len(_NOT_WORD.sub("", outside)) <= _LINK_ONLY_LETTERS


def may_link(text: str) -> bool:
    """False for a cell that cannot hold a link or an identifier (most cells: one C scan); as
    well for a table's rows at once, since no character of these hints is a pipe or a space,
    so none spans two cells."""
    if "[" in text or "<" in text or "://" in text:
        return True
    if "xiv" in text or "Xiv" in text or "XIV" in text:  # arXiv in any case
        return True
    return ":" in text and "10." in text


def _unique(found: list[str]) -> tuple[str, ...]:
    return tuple(sorted(set(found))) if found else _EMPTY


def _classify(url: str, arxiv: list[str], dois: list[str], links: list[str]) -> None:
    """Add ``url``'s identifier to the list of its kind, if it is a paper link."""
    host, path = _split_url(url)
    if not host:
        return
    paper_id = _arxiv_of(host, path)
    if paper_id:
        arxiv.append(paper_id)
        return
    doi = _DOI.search(path) if "10." in path else None
    if doi:
        found = doi[1].rstrip(_TRAILING).lower()
        if found.endswith(".pdf"):
            found = found[:-4]
        found = _unversioned(found)
        from_arxiv = _ARXIV_DOI.fullmatch(found)
        (arxiv if from_arxiv else dois).append(from_arxiv[1] if from_arxiv else found)
        return
    if _is_paper_link(host, path):
        links.append(host + _normal_path(path) + _fragment(url, path))


# a bioRxiv or medRxiv DOI as its pages write it, with the preprint's version after it
# (``10.1101/2023.10.01.560349v3``, ``….full``): every version is one paper
_VERSIONED_DOI = re.compile(r"(10\.\d{4,9}/\d{4}\.\d{2}\.\d{2}\.\d+)v\d+(?:\.full)?")


def _unversioned(doi: str) -> str:
    """``doi`` without a preprint version written after it (``_VERSIONED_DOI``)."""
    versioned = _VERSIONED_DOI.fullmatch(doi)
    return versioned[1] if versioned else doi


def _fragment(url: str, path: str) -> str:
    """A paper link's ``#fragment``: a page of several entries (a blog's review of many papers)
    links each one's section, so two fragments are two entries; none for a PDF, whose fragment
    only tells a viewer where to open it (``#page=3``)."""
    if "#" not in url or path.split("?", 1)[0].lower().endswith(".pdf"):
        return ""
    fragment = url.partition("#")[2]
    return f"#{fragment}" if fragment else ""


def _split_url(url: str) -> tuple[str, str]:
    """``(host, path and query)`` of an http(s) URL, host lower-case without ``www.``."""
    lower = url[:8].lower()
    if lower.startswith("https://"):
        rest = url[8:]
    elif lower.startswith("http://"):
        rest = url[7:]
    else:
        return "", ""
    rest = rest.split("#", 1)[0]
    slash = rest.find("/")
    host, path = (rest, "") if slash == -1 else (rest[:slash], rest[slash:])
    host = host.lower().split("@")[-1].split(":")[0]
    return host.removeprefix("www."), path


def _arxiv_of(host: str, path: str) -> str | None:
    if host in _ARXIV_HOSTS or (host in ("huggingface.co", "alphaxiv.org") and "/" in path):
        route = _ARXIV_PATH.match(path)
        if route and (host != "huggingface.co" or path.startswith("/papers/")):
            paper_id = _ARXIV_ID.match(route[1])
            if paper_id:
                return paper_id[1].lower() if "/" in paper_id[1] else paper_id[1]
    return None


def _is_paper_link(host: str, path: str) -> bool:
    """A link to something other than code, a model, an image, a badge, a video, a person's
    or a venue's page, or a home."""
    bare = path.split("?", 1)[0].rstrip("/")
    if not bare and "?" not in path:
        return False  # a site's home page
    if bare.lower().endswith(".pdf"):
        return True
    lower = path.lower()
    if host in _NOT_PAPER_HOSTS or host.endswith(_PROJECT_SUFFIXES) or "badge" in lower:
        return False
    if lower.startswith(_PERSON_PATHS):
        return False
    parent = host.split(".", 1)[-1]
    return parent not in _NOT_PAPER_HOSTS and not _IMAGE_FILE.search(bare)


def _normal_path(path: str) -> str:
    bare, _, query = path.partition("?")
    bare = bare.rstrip("/")
    if bare.lower().endswith(".pdf"):
        bare = bare[:-4]
    return f"{bare}?{query}" if query else bare


def normal_link(url: str) -> str:
    """A link compared as an address: a paper link as ``link_key`` gives it, any other as host
    and path (no scheme, ``www.``, trailing slash or fragment); tracking parameters
    (``?utm_source=…``) dropped; the URL itself when it is no http(s) link."""
    if "?" in url:
        bare, _, query = url.partition("?")
        kept = [part for part in query.split("&") if not part.lower().startswith(_TRACKING)]
        url = f"{bare}?{'&'.join(kept)}" if kept else bare
    key = link_key(url)
    if key != url:
        return key
    host, path = _split_url(url)
    return host + _normal_path(path) if host else url


_TRACKING = ("utm_", "ref=", "ref_", "source=", "spm=")


def link_key(url: str) -> str:
    """A link compared as an identifier (``arxiv:2407.02490`` for every arXiv form), or the URL
    itself when it is no paper link."""
    arxiv: list[str] = []
    dois: list[str] = []
    links: list[str] = []
    _classify(url, arxiv, dois, links)
    keys = Identity(b"", tuple(arxiv), tuple(dois), tuple(links)).keys
    return keys[0] if keys else url


# what ``add`` reads (compiled on its first use: a lint never needs them)
_BARE_ARXIV = rf"(?i)(?:arxiv\s*:\s*)?({_ARXIV_NEW}|{_ARXIV_OLD})(?:v\d+)?"
_BARE_DOI = r"(?i)(?:doi\s*:\s*)?(10\.\d{4,9}/\S+)"


def reference(text: str) -> str | None:
    """The paper ``text`` names, as an identifier key (``arxiv:2305.18098``, ``doi:10.1126/…``):
    an arXiv id (``2305.18098``, ``2305.18098v2``, ``arXiv:hep-th/9901001``) or any arXiv URL
    (abs, pdf, html, versions), a DOI (``10.1126/…``, ``doi:10.1126/…``) or a DOI URL (arXiv's
    own DOIs give the arXiv id); None for anything else."""
    text = text.strip()
    if "://" not in text and text.lower().startswith(("arxiv.org/", "www.", "doi.org/")):
        text = "https://" + text
    if "://" in text:
        arxiv: list[str] = []
        dois: list[str] = []
        _classify(text, arxiv, dois, [])
        return f"arxiv:{arxiv[0]}" if arxiv else f"doi:{dois[0]}" if dois else None
    found = re.fullmatch(_BARE_ARXIV, text)
    if found:
        paper_id = found[1]
        return f"arxiv:{paper_id.lower() if '/' in paper_id else paper_id}"
    found = re.fullmatch(_BARE_DOI, text)
    if found is None:
        return None
    doi = _unversioned(found[1].rstrip(_TRAILING).lower())
    from_arxiv = _ARXIV_DOI.fullmatch(doi)
    return f"arxiv:{from_arxiv[1]}" if from_arxiv else f"doi:{doi}"
