"""A paper's metadata as arXiv and Crossref give it: reading their answers (no network here).

arXiv's API answers an ``id_list`` query with an Atom 1.0 feed, one ``<entry>`` per paper it
knows (``<id>`` the abstract page of the latest version, ``<title>`` the current title,
``<published>`` the first version's submission time, ``<author><name>``, ``<arxiv:comment>``);
an id it rejects gives an entry whose ``<id>`` is under ``/api/errors`` (``incorrect id format
for …``), an id it does not have gives no entry at all. Crossref's ``/works/{doi}`` answers JSON
(``message.title``, ``message.author``, ``message.issued`` the earliest of print and online
publication, ``message.updated-by`` the retractions and withdrawals of the work), and 404 for a
DOI it does not hold; ``/works/{doi}/agency`` names the agency that registered it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

FOUND = "found"
UNKNOWN = "unknown"
# a DOI registered with another agency (DataCite, mEDRA, …): Crossref has no metadata for it
ELSEWHERE = "elsewhere"

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_SPACE = re.compile(r"\s+")
_VERSION = re.compile(r"v\d+$")
_TAG = re.compile(r"<[^<>]*>")
# an old-style id's subject class (math.GT/0309136): arXiv answers with the archive alone
_SUBJECT_CLASS = re.compile(r"^([a-z-]+)\.[A-Za-z]{2}/")
# a comment or abstract that says the paper was withdrawn (arXiv keeps the record, marks it so)
_WITHDRAWN = re.compile(
    r"(?i)^\W*(?:this\s+(?:paper|article|manuscript|submission|work|preprint|version)\s+"
    r"(?:has\s+been|is|was)\s+withdrawn|withdrawn\b|paper\s+withdrawn|"
    r"(?:the\s+)?authors?\s+(?:have|has)\s+withdrawn)"
)
_REMOVED = frozenset(("retraction", "withdrawal", "removal"))
_INCORRECT_ID = re.compile(r"(?i)incorrect id format for (\S+)")


class AnswerError(ValueError):
    """An answer that is not what the API documents (malformed XML, no feed, an API error)."""


class Paper(NamedTuple):
    """One paper: ``key`` (``arxiv:2305.18098``, ``doi:10.1126/science.ade2574``), ``status``
    (``found``, ``unknown``, or ``elsewhere`` for a DOI Crossref does not register), the current
    title (and subtitle), the authors, the first version's date ``(year, month, day)`` with 0
    for a part not known, and whether the paper was withdrawn or retracted."""

    key: str
    status: str
    title: str = ""
    subtitle: str = ""
    authors: tuple[str, ...] = ()
    date: tuple[int, int, int] = (0, 0, 0)
    withdrawn: bool = False

    @property
    def found(self) -> bool:
        """True when the source has the paper's metadata."""
        return self.status == FOUND

    def to_json(self) -> str:
        """The record as JSON (the cache's format)."""
        return json.dumps(self._asdict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Paper:
        """A record written by ``to_json``; AnswerError when it is not one."""
        try:
            fields = json.loads(text)
            return cls(
                str(fields["key"]),
                str(fields["status"]),
                str(fields["title"]),
                str(fields["subtitle"]),
                tuple(str(name) for name in fields["authors"]),
                (int(fields["date"][0]), int(fields["date"][1]), int(fields["date"][2])),
                bool(fields["withdrawn"]),
            )
        except (ValueError, KeyError, IndexError, TypeError) as error:
            raise AnswerError(f"not a cached record: {error}") from None


def clean(text: str) -> str:
    """White space collapsed (arXiv wraps long titles over lines)."""
    return _SPACE.sub(" ", text).strip()


def arxiv_key(paper_id: str) -> str:
    """The key of an arXiv id, without version or an old id's subject class."""
    bare = _VERSION.sub("", paper_id.strip())
    return "arxiv:" + _SUBJECT_CLASS.sub(r"\1/", bare)


def normal_key(key: str) -> str:
    """An identifier key (``papers.Identity.keys``) as papers are keyed here: arXiv ids
    without version or subject class, DOIs lower-case."""
    if key.startswith("arxiv:"):
        return arxiv_key(key[len("arxiv:") :])
    return key.lower() if key.startswith("doi:") else key


def _entry_id(url: str) -> str:
    """``http://arxiv.org/abs/2305.18098v2`` -> ``2305.18098``."""
    marker = "/abs/"
    at = url.find(marker)
    return url[at + len(marker) :] if at != -1 else url.rsplit("/", 1)[-1]


def parse_atom(data: bytes, asked: Iterable[str]) -> dict[str, Paper]:
    """The papers an arXiv feed gives for the ``asked`` ids (keys ``arxiv:…``): one per entry,
    ``unknown`` for an id the API rejects; ids the feed does not mention are left out (the
    caller asks again: an answer may be partial). AnswerError for anything but a feed."""
    import xml.etree.ElementTree as ElementTree

    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise AnswerError(f"malformed XML ({error})") from None
    if root.tag != f"{_ATOM}feed":
        raise AnswerError(f"not an Atom feed (root element {root.tag!r})")
    wanted = {arxiv_key(paper_id) for paper_id in asked}
    found: dict[str, Paper] = {}
    for entry in root.iter(f"{_ATOM}entry"):
        entry_id = entry.findtext(f"{_ATOM}id", "")
        if "/api/errors" in entry_id:
            _error_entry(entry, wanted, found)
            continue
        paper = _arxiv_paper(entry, entry_id)
        if paper is not None and paper.key in wanted:
            found[paper.key] = paper
    return found


def _error_entry(entry: Any, wanted: set[str], found: dict[str, Paper]) -> None:
    """An error entry naming one of the asked ids marks it unknown; any other is an error of
    the query itself."""
    summary = clean(entry.findtext(f"{_ATOM}summary", ""))
    named = _INCORRECT_ID.search(summary)
    key = arxiv_key(named[1]) if named else ""
    if key not in wanted:
        raise AnswerError(f"the API answered with an error: {summary or 'no message'}")
    found[key] = Paper(key, UNKNOWN)


def _arxiv_paper(entry: Any, entry_id: str) -> Paper | None:
    title = clean(entry.findtext(f"{_ATOM}title", ""))
    published = entry.findtext(f"{_ATOM}published", "")
    date = _iso_date(published)
    if not entry_id or not title or date is None:
        return None  # not a paper's entry: the caller asks again for what it misses
    authors = tuple(
        clean(author.findtext(f"{_ATOM}name", "")) for author in entry.iter(f"{_ATOM}author")
    )
    comment = clean(entry.findtext(f"{_ARXIV}comment", ""))
    summary = clean(entry.findtext(f"{_ATOM}summary", ""))
    withdrawn = bool(_WITHDRAWN.match(comment) or _WITHDRAWN.match(summary))
    key = arxiv_key(_entry_id(entry_id))
    return Paper(key, FOUND, title, "", tuple(a for a in authors if a), date, withdrawn)


def _iso_date(text: str) -> tuple[int, int, int] | None:
    """``2023-05-29T03:43:18Z`` -> ``(2023, 5, 29)``."""
    found = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text)
    if found is None:
        return None
    return int(found[1]), int(found[2]), int(found[3])


def parse_crossref(data: bytes, doi: str) -> Paper:
    """The paper of a Crossref ``/works/{doi}`` answer; AnswerError when it is not one."""
    message = _message(data, "work")
    titles = [str(title) for title in message.get("title") or [] if title]
    if not titles:
        raise AnswerError("a work without a title")
    subtitles = [str(text) for text in message.get("subtitle") or [] if text]
    title = _plain(titles[0])
    date = _crossref_date(message.get("issued")) or _crossref_date(message.get("created"))
    updates = message.get("updated-by") or []
    withdrawn = any(
        isinstance(update, Mapping) and str(update.get("type", "")).lower() in _REMOVED
        for update in updates
    ) or title.upper().startswith(("RETRACTED", "WITHDRAWN"))
    return Paper(
        "doi:" + doi.lower(),
        FOUND,
        title,
        _plain(subtitles[0]) if subtitles else "",
        tuple(_crossref_author(author) for author in message.get("author") or []),
        date or (0, 0, 0),
        withdrawn,
    )


def parse_agency(data: bytes) -> str:
    """The agency a ``/works/{doi}/agency`` answer names (``crossref``, ``datacite``, …)."""
    agency = _message(data, "work-agency").get("agency")
    if not isinstance(agency, Mapping) or not agency.get("id"):
        raise AnswerError("an agency answer without an agency")
    return str(agency["id"]).lower()


def _message(data: bytes, kind: str) -> Mapping[str, Any]:
    try:
        answer = json.loads(data)
    except ValueError as error:
        raise AnswerError(f"malformed JSON ({error})") from None
    message = answer.get("message") if isinstance(answer, Mapping) else None
    if answer.get("message-type") != kind or not isinstance(message, Mapping):
        raise AnswerError(f"not a Crossref {kind} message")
    return message


def _plain(text: str) -> str:
    """JATS or HTML markup in a Crossref title dropped, entities read (``<i>E. coli</i>``)."""
    return clean(html.unescape(_TAG.sub("", text)))


def _crossref_date(value: Any) -> tuple[int, int, int] | None:
    """A Crossref partial date (``{"date-parts": [[2023, 3]]}``) as ``(2023, 3, 0)``."""
    try:
        parts = [int(part) for part in value["date-parts"][0] if part is not None]
    except (TypeError, KeyError, IndexError, ValueError):
        return None
    if not parts:
        return None
    parts += [0, 0]
    return parts[0], parts[1], parts[2]


def _crossref_author(author: Any) -> str:
    if not isinstance(author, Mapping):
        return ""
    if author.get("name"):
        return clean(str(author["name"]))  # an organisation
    return clean(f"{author.get('given', '')} {author.get('family', '')}")
