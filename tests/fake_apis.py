"""A local arXiv API and Crossref, answering as the real ones document they answer.

arXiv (API user manual, "Outline of an Atom feed" and "Errors"): an Atom 1.0 feed with
OpenSearch counts; one ``<entry>`` per known paper, whose ``<id>`` is the abstract page of its
latest version, ``<published>`` its first version's submission time, ``<updated>`` its latest,
``<title>`` its current title (wrapped over lines as arXiv does), ``<author><name>``,
``<arxiv:comment>``, ``<arxiv:primary_category>``, and links to the abstract and the PDF; an id
it cannot read gives a single error entry (``<id>…/api/errors#incorrect_id_format_for_…``,
``<title>Error</title>``); an id it does not have gives no entry.

Crossref (REST API, ``/works/{doi}``): ``{"status": "ok", "message-type": "work",
"message-version": "1.0.0", "message": {…}}`` with ``title`` and ``subtitle`` as arrays,
``author`` as ``{given, family, sequence}``, ``issued`` as ``{"date-parts": [[y, m, d]]}``,
``updated-by`` for retractions; 404 ``Resource not found.`` for a DOI it does not hold;
``/works/{doi}/agency`` names the registration agency.

The papers of this repository's README.md are here with the titles and months the list gives
(its rows were checked against arXiv by hand), and the first version of one of them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

ARXIV_PATH = "/api/query"
CROSSREF_PATH = "/works"


class Entry(NamedTuple):
    """A paper as the fake arXiv knows it."""

    title: str
    published: str  # the first version's submission time, ISO 8601 (UTC)
    authors: tuple[str, ...] = ("Ada Lovelace", "Alan Turing")
    version: int = 1
    comment: str = ""
    summary: str = "We study things."


def entry_xml(paper_id: str, entry: Entry) -> str:
    """One ``<entry>`` as arXiv writes it, the title wrapped after its sixth word."""
    words = escape(entry.title).split(" ")
    title = " ".join(words[:6]) + ("\n  " + " ".join(words[6:]) if len(words) > 6 else "")
    versioned = f"{paper_id}v{entry.version}"
    updated = entry.published if entry.version == 1 else "2024-01-15T10:00:00Z"
    authors = "".join(
        f"\n    <author>\n      <name>{escape(name)}</name>\n    </author>"
        for name in entry.authors
    )
    comment = (
        f'\n    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">'
        f"{escape(entry.comment)}</arxiv:comment>"
        if entry.comment
        else ""
    )
    return f"""
  <entry>
    <id>http://arxiv.org/abs/{versioned}</id>
    <updated>{updated}</updated>
    <published>{entry.published}</published>
    <title>{title}</title>
    <summary>  {escape(entry.summary)}
</summary>{authors}{comment}
    <link href="http://arxiv.org/abs/{versioned}" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/{versioned}" rel="related" type="application/pdf"/>
    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
  </entry>"""


def error_xml(paper_id: str) -> str:
    """The error entry arXiv gives for an id it cannot read."""
    anchor = f"http://arxiv.org/api/errors#incorrect_id_format_for_{paper_id}"
    return f"""
  <entry>
    <id>{anchor}</id>
    <title>Error</title>
    <summary>incorrect id format for {paper_id}</summary>
    <updated>2023-06-01T00:00:00-04:00</updated>
    <link href="{anchor}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>"""


def feed(query: str, entries: Iterable[str], total: int | None = None) -> bytes:
    """An Atom feed holding ``entries`` (their XML), as arXiv frames an answer."""
    entries = list(entries)
    count = len(entries) if total is None else total
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?{escape(query)}" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: {escape(query)}</title>
  <id>http://arxiv.org/api/Hxl3DSTWQ1SuXkRE4kIZGAtW3B0</id>
  <updated>2023-06-01T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{count}</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{count}</opensearch:itemsPerPage>{"".join(entries)}
</feed>
""".encode()


class Work(NamedTuple):
    """A work as the fake Crossref knows it."""

    title: str
    issued: tuple[int, ...]
    authors: tuple[tuple[str, str], ...] = (("Zeming", "Lin"), ("Halil", "Akin"))
    subtitle: str = ""
    updated_by: tuple[Mapping[str, Any], ...] = ()


def work_json(doi: str, work: Work) -> bytes:
    """A ``/works/{doi}`` answer."""
    message: dict[str, Any] = {
        "indexed": {"date-parts": [[2024, 2, 1]], "timestamp": 1706745600000},
        "publisher": "American Association for the Advancement of Science (AAAS)",
        "DOI": doi,
        "type": "journal-article",
        "created": {"date-parts": [[2023, 3, 16]], "timestamp": 1678987200000},
        "title": [work.title],
        "subtitle": [work.subtitle] if work.subtitle else [],
        "author": [
            {"given": given, "family": family, "sequence": "first" if index == 0 else "additional"}
            for index, (given, family) in enumerate(work.authors)
        ],
        "issued": {"date-parts": [list(work.issued)]},
        "container-title": ["Science"],
        "URL": f"https://doi.org/{doi}",
    }
    if work.updated_by:
        message["updated-by"] = list(work.updated_by)
    answer = {
        "status": "ok",
        "message-type": "work",
        "message-version": "1.0.0",
        "message": message,
    }
    return json.dumps(answer).encode()


def agency_json(doi: str, agency: str) -> bytes:
    """A ``/works/{doi}/agency`` answer."""
    message = {"DOI": doi, "agency": {"id": agency, "label": agency.title()}}
    answer = {"status": "ok", "message-type": "work-agency", "message-version": "1.0.0"}
    return json.dumps({**answer, "message": message}).encode()


def _published(month: str, day: int = 12) -> str:
    return f"{month.replace('.', '-')}-{day:02d}T17:59:01Z"


# this repository's README.md: every arXiv row, with its title and month as the list gives them
README_PAPERS: dict[str, Entry] = {
    "1904.10509": Entry(
        "Generating Long Sequences with Sparse Transformers", _published("2019.04")
    ),
    "2303.09556": Entry(
        "Efficient Diffusion Training via Min-SNR Weighting Strategy", _published("2023.03")
    ),
    "2303.06349": Entry(
        "Resurrecting Recurrent Neural Networks for Long Sequences", _published("2023.03")
    ),
    "2305.18098": Entry(
        "BigTranslate: Augmenting Large Language Models with Multilingual Translation "
        "Capability over 100 Languages",
        _published("2023.05", 29),
        version=2,
    ),
    "2303.06865": Entry(
        "FlexGen: High-Throughput Generative Inference of Large Language Models with a Single GPU",
        _published("2023.03"),
        version=2,
    ),
    "2305.17333": Entry(
        "Fine-Tuning Language Models with Just Forward Passes", _published("2023.05")
    ),
    # renamed since its first version, "Model Dementia: Generated Data Makes Models Forget"
    "2305.17493": Entry(
        "The Curse of Recursion: Training on Generated Data Makes Models Forget",
        _published("2023.05", 27),
        version=3,
    ),
    "2305.16380": Entry(
        "Scan and Snap: Understanding Training Dynamics and Token Composition in 1-layer "
        "Transformer",
        _published("2023.05"),
    ),
    "2305.16765": Entry("Backpack Language Models", _published("2023.05")),
    "2305.16349": Entry("Lexinvariant Language Models", _published("2023.05")),
    "2305.17390": Entry(
        "SwiftSage: A Generative Agent with Fast and Slow Thinking for Complex Interactive Tasks",
        _published("2023.05"),
    ),
    "2305.17144": Entry(
        "Ghost in the Minecraft: Generally Capable Agents for Open-World Environments via Large "
        "Language Models with Text-based Knowledge and Memory",
        _published("2023.05"),
    ),
    "2305.16960": Entry(
        "Training Socially Aligned Language Models on Simulated Social Interactions",
        _published("2023.05"),
    ),
    "2305.10601": Entry(
        "Tree of Thoughts: Deliberate Problem Solving with Large Language Models",
        _published("2023.05"),
    ),
    "2305.17359": Entry(
        "DNA-GPT: Divergent N-Gram Analysis for Training-Free Detection of GPT-Generated Text",
        _published("2023.05"),
    ),
    "2305.16806": Entry("Do GPTs Produce Less Literal Translations?", _published("2023.05")),
    "2302.14115": Entry(
        "Vid2Seq: Large-Scale Pretraining of a Visual Language Model for Dense Video Captioning",
        _published("2023.02"),
    ),
    "2303.07945": Entry(
        "Edit-A-Video: Single Video Editing with Object-Aware Consistency", _published("2023.03")
    ),
    "2305.16355": Entry(
        "PandaGPT: One Model To Instruction-Follow Them All", _published("2023.05"), version=2
    ),
    # not in the README: papers to add
    "2305.14314": Entry(
        "QLoRA: Efficient Finetuning of Quantized LLMs",
        _published("2023.05", 23),
        authors=("Tim Dettmers", "Artidoro Pagnoni", "Ari Holtzman", "Luke Zettlemoyer"),
    ),
    "2302.13971": Entry(
        "LLaMA: Open and Efficient Foundation Language Models",
        _published("2023.02", 27),
        authors=("Hugo Touvron", "Thibaut Lavril", "Gautier Izacard"),
    ),
    "hep-th/9711200": Entry(
        "The Large N Limit of Superconformal Field Theories and Supergravity",
        "1997-11-27T02:20:31Z",
        authors=("Juan M. Maldacena",),
        version=3,
    ),
}

README_WORKS: dict[str, Work] = {
    "10.1126/science.ade2574": Work(
        "Evolutionary-scale prediction of atomic-level protein structure with a language model",
        (2023, 3, 17),
    ),
}


class FakeApis:
    """A local arXiv API (``arxiv_url``) and Crossref (``crossref_url``) on one HTTP server on
    127.0.0.1, answering from ``papers`` and ``works``; tests queue one-off answers first."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.papers: dict[str, Entry] = dict(README_PAPERS)
        self.works: dict[str, Work] = dict(README_WORKS)
        self.agencies: dict[str, str] = {}
        server.expect_request(ARXIV_PATH).respond_with_handler(self._arxiv)
        server.expect_request(_works_path()).respond_with_handler(self._crossref)

    @property
    def arxiv_url(self) -> str:
        return self.server.url_for(ARXIV_PATH)

    @property
    def crossref_url(self) -> str:
        return self.server.url_for(CROSSREF_PATH)

    def env(self) -> dict[str, str]:
        """The environment that points the tool here."""
        return {"LLM4OR_ARXIV_API": self.arxiv_url, "LLM4OR_CROSSREF_API": self.crossref_url}

    def requests(self, path: str = "") -> list[Request]:
        """The requests served so far (under ``path``)."""
        return [request for request, _ in self.server.log if request.path.startswith(path)]

    def asked_ids(self) -> list[list[str]]:
        """The ``id_list`` of every arXiv query served, split."""
        return [request.args["id_list"].split(",") for request in self.requests(ARXIV_PATH)]

    def _arxiv(self, request: Request) -> Response:
        ids = [paper_id for paper_id in request.args.get("id_list", "").split(",") if paper_id]
        bad = [paper_id for paper_id in ids if not _readable(paper_id)]
        if bad:  # arXiv rejects the whole query, naming the first id it cannot read
            body = feed(request.query_string.decode(), [error_xml(bad[0])], total=1)
        else:
            entries = [
                entry_xml(paper_id, self.papers[paper_id])
                for paper_id in ids
                if paper_id in self.papers
            ]
            body = feed(request.query_string.decode(), entries)
        return Response(body, status=200, content_type="application/atom+xml; charset=utf-8")

    def _crossref(self, request: Request) -> Response:
        path = request.path[len(CROSSREF_PATH) + 1 :]
        agency = path.endswith("/agency")
        doi = path.removesuffix("/agency").lower()
        if agency and (doi in self.works or doi in self.agencies):
            body = agency_json(doi, self.agencies.get(doi, "crossref"))
            return Response(body, content_type="application/json")
        if not agency and doi in self.works:
            return Response(work_json(doi, self.works[doi]), content_type="application/json")
        return Response("Resource not found.", status=404, content_type="text/plain")


def _works_path() -> Any:
    import re

    return re.compile(rf"^{CROSSREF_PATH}/.+")


def _readable(paper_id: str) -> bool:
    """An id in a form arXiv reads: YYMM.NNNNN with a month, or archive/YYMMNNN."""
    import re

    found = re.fullmatch(r"(\d{2})(\d{2})\.\d{4,5}|[a-z-]+/\d{7}", paper_id)
    return found is not None and (found[2] is None or 1 <= int(found[2]) <= 12)
