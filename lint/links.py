"""What is wrong with a link's destination as GitHub follows it, and a badge that names another
arXiv paper than its link (the ``broken-link`` rule reads both).

Why here: these are facts about one URL or one cell, the same on every list; no convention
decides them. GitHub (cmark-gfm) takes an inline link's destination as written: with no scheme
it is a path in the repository (``www.example.org/x`` opens a file that does not exist); a
second link or a second pair of parentheses inside the parentheses makes one bogus path; and an
arXiv path whose number arXiv never gives opens an error page.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote

from lint.papers import reference
from lint.slips import slips

# the top-level domains a scheme-less destination must end its host with to be read as a site
# (a file in the repository, ``notes.md`` or ``paper.pdf``, ends with an extension instead)
_SITE_ENDINGS = frozenset(
    (
        "com org net edu gov mil int io ai cn co uk de jp kr fr ca au in ru me info dev app "
        "tech xyz site top tc ch nl se it es us eu biz ac tw hk sg nz br il pl cz at be dk "
        "fi no pt gr ie ir tr ua vn th my ph mx ar cl za asia"
    ).split()
)
_HOST_FIRST = re.compile(r"(?i)([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/?#]|$)")
_SCHEME = re.compile(r"(?i)https?://")
# a scheme after a letter, a digit or a mark (``；``, ``,``): URLs typed one into another, or a
# scheme typed twice (after ``/``, ``=``, ``%``, ``?``, ``&``, ``#`` or ``:`` a URL inside a URL
# is an archive's or a redirect's own way; after a space or an opener it is text)
INNER_SCHEME = re.compile(r"(?i)[^\s/=%?&#:(\[<\"']https?://")
# a site's address typed twice (``https://doi.org/https://doi.org/10.1186/…``): a resolver's
# prefix pasted before an address that had it already
DOUBLED = re.compile(r"(?i)https?://([^/\s)>\]]+)/+(?=https?://\1/)")
_ARXIV_LINK = re.compile(r"(?i)^https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/+([^?#]*)")
# a backslash before a letter or digit, which no escape makes (``..\\Summary\\notes.md``): a
# Windows path, whose backslashes GitHub keeps in the address
BACKSLASH = re.compile(r"\\[^\W_]")
# an arXiv address of a paper's id under a page arXiv has none of (``arxiv.org/as/1904.09237``)
ARXIV_OTHER_PAGE = re.compile(r"(?i)arxiv\.org/([a-z][a-z-]*)/+(\d{4}\.\d{4,5})")
ARXIV_PAGES = frozenset("abs pdf html format ps src e-print tb show-email prevnext".split())
_NEW_ID = re.compile(r"(\d\d)(\d\d)\.(\d+)")
_OLD_ID = re.compile(r"[a-z][a-z-]*(?:\.[a-z]{2})?/\d{7}", re.IGNORECASE)
_VERSION_OR_PDF = re.compile(r"(?i)(?:v\d+)?(?:\.pdf)?/?$")
# ``[![alt](image)](destination)``: a badge's text and image, then where it links (no class
# here can restart the match: linear)
# (no bracket inside a badge's text: a run of ``![`` is then read in one pass, not once per ``[``)
_BADGE = re.compile(r"\[\s*!\[([^\[\]]*)\]\(\s*([^()\s]*)[^()]*\)\s*\]\(\s*<?([^)\s>]+)")
_ID_IN_BADGE = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?!\d)")


class Fault(NamedTuple):
    """What is wrong with a destination, said for a message, and the destination repaired when
    one repair is plain (``None`` when only a person can tell)."""

    what: str
    repaired: str | None = None


def fault(url: str) -> Fault | None:
    """What GitHub makes of ``url`` that no reader can follow, or None."""
    if url.startswith("[") or "](" in url:
        return Fault("holds another link pasted into it")
    if url.startswith("(") and url.endswith(")") and _SCHEME.match(url, 1):
        return Fault("is wrapped in a second pair of parentheses", url[1:-1])
    doubled = DOUBLED.match(url)
    if doubled is not None:
        return Fault(f'has its site typed twice ("{doubled[0]}")', url[doubled.end() :])
    inner = INNER_SCHEME.search(url)
    if inner is not None:
        return _inner_scheme(url, inner.start() + 1)
    backslash = BACKSLASH.search(url)
    if backslash is not None:
        repaired = re.sub(r"\\(?=[^\W_])", "/", url)
        what = "separates its path with backslashes, which GitHub keeps in the name"
        return Fault(what, repaired)
    scheme = _SCHEME.match(url)
    if scheme is None:
        return _no_scheme(url)
    host = _host(url, scheme.end())
    if _no_site(host):
        if host.lower() in ("http", "https") and url.startswith("://", scheme.end() + len(host)):
            return Fault("has its scheme typed twice", url[scheme.end() :])
        return Fault(f'names no site: its host "{host}" has no dot')
    brace = _BRACE.search(url)
    if brace is not None:
        return _latex(url, brace.end() - 1)
    dash = TYPOGRAPHIC_HYPHEN.search(url)
    if dash is not None:
        what = f'holds a typographic hyphen (U+{ord(dash[0]):04X}) where "-" is meant'
        return Fault(what, TYPOGRAPHIC_HYPHEN.sub("-", url))
    arxiv = _ARXIV_LINK.match(url)
    if arxiv is not None:
        return arxiv_path_fault(arxiv[1])
    other = ARXIV_OTHER_PAGE.search(url)
    if other is not None and other[1].lower() not in ARXIV_PAGES:
        page = other[1]
        repaired = url[: other.start(1)] + "abs" + url[other.end(1) :]
        return Fault(f'opens arXiv\'s "{page}" page, which no paper has', repaired)
    return _encoded_query(url)


# a hyphen as a word processor or a web page writes it (non-breaking, or Unicode's own), copied
# into an address where ``-`` was meant: no site or repository name holds one
TYPOGRAPHIC_HYPHEN = re.compile("[\u2010\u2011]")


# a query's ``=`` percent-encoded twice (``%253D``): an address copied out of another one's
# query (once, ``?via%3Dihub``, sites write themselves and still serve the page)
ENCODED_EQUALS = re.compile(r"(?i)%253D")


def _encoded_query(url: str) -> Fault | None:
    """A query with no ``=`` but one encoded twice (``forum?id%253DPgtn4l6eKjv``, an address
    copied out of another one): the site gets no parameter, so no page; the repair decodes it."""
    base, question, query = url.partition("?")
    if not question or "=" in query or not ENCODED_EQUALS.search(query):
        return None
    decoded = query
    while "%" in decoded and unquote(decoded) != decoded:
        decoded = unquote(decoded)
    what = f'has its query\'s "=" encoded ("{query[:24]}"): the site gets no parameter'
    return Fault(what, f"{base}?{decoded}" if " " not in decoded else None)


# a URL's authority: what stands between its scheme and its path, query or fragment
_AUTHORITY = re.compile(r"[^/?#\s]*")


def _host(url: str, start: int) -> str:
    """The host of ``url``'s authority at ``start``: after a user's name and ``@``, before a
    port (an address in brackets, IPv6, whole)."""
    authority = _AUTHORITY.match(url, start)
    found = authority[0].rpartition("@")[2] if authority else ""
    return found if found.startswith("[") else found.partition(":")[0]


def _no_site(host: str) -> bool:
    """True for a host no reader's browser finds: no dot in it (``https://github``, a dotless
    ``https://pypiorg``, ``https://www。aminer。cn`` with full-width stops), other than a name
    every computer knows (``localhost``) or an address in brackets (IPv6)."""
    return "." not in host and host.lower() != "localhost" and not host.startswith("[")


# a brace before a URL's query: LaTeX copied with it from a paper's source (``…/repo}``,
# ``…/repo}{repository}``); a query may hold braces (a site's own JSON)
_BRACE = re.compile(r"^[^?#]*?[{}]")


def _latex(url: str, start: int) -> Fault:
    """A URL whose path holds a brace at ``start``: the address before it, where that does
    not end in another mark of LaTeX (``_GraphScout_}`` may have lost a backslash)."""
    before = url[:start]
    what = f'holds "{url[start]}" from LaTeX copied with it'
    return Fault(what, None if before.endswith(("_", "\\")) else before)


def _inner_scheme(url: str, start: int) -> Fault:
    """A second scheme inside ``url`` at ``start``: a scheme typed twice (``hhttps://``,
    ``httpshttps://``) when only letters stand before it, a stray mark (``\\https://``) when
    no letter or digit does, else two URLs joined."""
    before = url[:start]
    if before.isalpha():
        return Fault("has its scheme typed twice", url[start:])
    if not any(char.isalnum() for char in before):
        return Fault("has a stray mark before its scheme", url[start:])
    return Fault("joins two URLs into one")


# a DOI or an arXiv id written as a link's address, without the site that resolves it
_BARE_DOI = re.compile(r"(?i)(?:doi:\s*)?(10\.\d{4,9}/\S+)")
_BARE_ARXIV = re.compile(r"(?i)(?:arxiv:\s*)?(\d{4}\.\d{4,5})(v\d+)?")
_NO_ADDRESS = "without its address, so GitHub opens it as a file of this repository"


# what a script writes for an address it did not have (Python's ``None``, JavaScript's ``null``
# and ``undefined``, a table's ``NaN``): GitHub opens it as a file of that name, which no list has
_EMPTY_VALUES = frozenset(("none", "null", "undefined", "nan", "nil"))


# a scheme mistyped before a site's name (``htttps://``, ``ttps://``, ``https//``, ``http:/``),
# which GitHub reads as a file of the repository; schemes of their own are left alone
_TYPED_SCHEME = re.compile(r"(?i)([a-z]{2,7}):?/{1,2}(?=[\w-]+(?:\.[\w-]+)+(?:[/:?#]|$))")
_OTHER_SCHEMES = frozenset("ftp ftps sftp git ssh svn tel data file irc news smb ws wss".split())


def _no_scheme(url: str) -> Fault | None:
    """A destination starting with a site's host (``www.…``, ``github.com/…``) but no scheme;
    a bare DOI or arXiv id; a file on the writer's computer (``file:///C:/…``)."""
    if url[:5].lower() == "file:":
        return Fault("opens a file on its writer's computer, which no reader has")
    if url.lower() in _EMPTY_VALUES:
        return Fault(f'is "{url}", a program\'s empty value written out: no address')
    doi = _BARE_DOI.fullmatch(url)
    if doi is not None:
        return Fault(f"is a DOI {_NO_ADDRESS}", "https://doi.org/" + doi[1])
    arxiv_id = _BARE_ARXIV.fullmatch(url)
    if arxiv_id is not None and valid_arxiv_id(arxiv_id[1]):
        return Fault(f"is an arXiv id {_NO_ADDRESS}", "https://arxiv.org/abs/" + arxiv_id[1])
    typed = _TYPED_SCHEME.match(url)
    if typed is not None:
        written = typed[1].lower()
        if (
            written not in _OTHER_SCHEMES
            and min(slips(written, "http"), slips(written, "https")) <= 2
        ):
            scheme = "http://" if slips(written, "http") < slips(written, "https") else "https://"
            return Fault(f'has its scheme mistyped ("{typed[0]}")', scheme + url[typed.end() :])
    host = _HOST_FIRST.match(url)
    if host is None:
        return None
    name = host[1].lower()
    if not name.startswith("www.") and name.rsplit(".", 1)[1] not in _SITE_ENDINGS:
        return None
    return Fault("has no scheme, so GitHub opens it as a file of this repository", "https://" + url)


def arxiv_path_fault(path: str) -> Fault | None:
    """An arXiv ``abs``/``pdf``/``html`` path whose number arXiv never gives (``203.05527``,
    ``2502.00000``, ``2406.172940``); an id to be filled in later (no digit) is a placeholder."""
    paper_id = _VERSION_OR_PDF.sub("", path)
    if not any(char.isdigit() for char in paper_id) or _OLD_ID.fullmatch(paper_id):
        return None
    return None if valid_arxiv_id(paper_id) else Fault(f'names "{paper_id}", which is no arXiv id')


def valid_arxiv_id(paper_id: str) -> bool:
    """True for a new-style arXiv id arXiv can give: ``YYMM.NNNN`` from 0704 to 1412,
    ``YYMM.NNNNN`` from 1501, a month 01-12 and a number from 1."""
    found = _NEW_ID.fullmatch(paper_id)
    if found is None:
        return False
    year, month, number = int(found[1]), int(found[2]), found[3]
    if not 1 <= month <= 12 or (year, month) < (7, 4) or not int(number):
        return False
    return len(number) == (5 if year >= 15 else 4)


def badge_mismatches(cell: str) -> list[tuple[str, str]]:
    """``(id the badge shows, id its link opens)`` for each arXiv badge in ``cell`` whose link
    opens another arXiv paper than the one it names (a badge copied from another row)."""
    found = []
    for badge in _BADGE.finditer(cell):
        shown = badge[1] + " " + badge[2]
        if "arxiv" not in shown.lower():
            continue
        named = set(_ID_IN_BADGE.findall(shown))
        opened = reference(badge[3]) if named else None
        if opened is not None and opened.startswith("arxiv:") and opened[6:] not in named:
            found.append((min(named), opened[6:]))
    return found
