"""The metadata client against a real HTTP server on 127.0.0.1 answering as arXiv and Crossref
document they answer: batches, pacing, retries, Retry-After, timeouts, malformed and partial
answers, the cache."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from lint.online import client as client_module
from lint.online.cache import Cache, CacheError
from lint.online.client import Client, NetworkError
from lint.online.metadata import ELSEWHERE, FOUND, UNKNOWN, Paper
from tests.fake_apis import ARXIV_PATH, Entry, FakeApis, Work, entry_xml, feed


@pytest.fixture
def apis(httpserver: HTTPServer) -> FakeApis:
    return FakeApis(httpserver)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait the client (and urllib3's retries) asks for, recorded instead of slept."""
    asked: list[float] = []
    monkeypatch.setattr(time, "sleep", asked.append)
    return asked


def make_client(apis: FakeApis, tmp_path: Path, **options: Any) -> Client:
    settings: dict[str, Any] = {
        "urls": (apis.arxiv_url, apis.crossref_url),
        "interval": 0.0,
        "crossref_interval": 0.0,
        "retries": 2,
        "timeout": (2.0, 2.0),
        "progress": io.StringIO(),
    }
    settings.update(options)
    refresh = settings.pop("refresh", False)
    return Client(Cache(tmp_path / "cache", refresh=refresh), **settings)


def test_found_paper_has_current_title_authors_and_first_version_date(
    apis: FakeApis, tmp_path: Path
) -> None:
    found = make_client(apis, tmp_path).papers(["arxiv:2305.17493"])
    paper = found["arxiv:2305.17493"]
    assert paper.status == FOUND
    # the latest version's title, unwrapped; the first version's date
    assert paper.title == "The Curse of Recursion: Training on Generated Data Makes Models Forget"
    assert paper.date == (2023, 5, 27)
    assert paper.authors == ("Ada Lovelace", "Alan Turing")
    assert not paper.withdrawn


def test_versions_and_subject_classes_are_one_key(apis: FakeApis, tmp_path: Path) -> None:
    found = make_client(apis, tmp_path).papers(["arxiv:2305.17493v1", "arxiv:hep-th.XX/9711200"])
    assert set(found) == {"arxiv:2305.17493", "arxiv:hep-th/9711200"}
    assert apis.asked_ids() == [["2305.17493", "hep-th/9711200"]]


def test_withdrawn_paper(apis: FakeApis, tmp_path: Path) -> None:
    apis.papers["2305.11111"] = Entry(
        "A Paper", "2023-05-18T00:00:00Z", version=2, comment="This paper has been withdrawn"
    )
    apis.papers["2305.22222"] = Entry(
        "Another Paper", "2023-05-18T00:00:00Z", comment="v2: the claim in section 3 withdrawn"
    )
    apis.papers["2305.33333"] = Entry(
        "A Third", "2023-05-18T00:00:00Z", version=3, comment="The authors have withdrawn this"
    )
    keys = ["arxiv:2305.11111", "arxiv:2305.22222", "arxiv:2305.33333"]
    found = make_client(apis, tmp_path).papers(keys)
    assert found["arxiv:2305.11111"].withdrawn and found["arxiv:2305.33333"].withdrawn
    assert not found["arxiv:2305.22222"].withdrawn


def test_unknown_id_is_asked_once_more_alone_then_unknown(apis: FakeApis, tmp_path: Path) -> None:
    found = make_client(apis, tmp_path).papers(["arxiv:2305.14314", "arxiv:2305.99999"])
    assert found["arxiv:2305.14314"].status == FOUND
    assert found["arxiv:2305.99999"].status == UNKNOWN
    assert apis.asked_ids() == [["2305.14314", "2305.99999"], ["2305.99999"]]


def test_id_arxiv_cannot_read_is_unknown_and_the_others_asked_again(
    apis: FakeApis, tmp_path: Path
) -> None:
    found = make_client(apis, tmp_path).papers(["arxiv:2305.14314", "arxiv:2313.00001"])
    assert found["arxiv:2313.00001"].status == UNKNOWN
    assert found["arxiv:2305.14314"].status == FOUND
    assert apis.asked_ids() == [["2305.14314", "2313.00001"], ["2305.14314"]]


def test_several_ids_in_one_request_and_batches_paced(
    apis: FakeApis, tmp_path: Path, sleeps: list[float]
) -> None:
    ids = ["2305.14314", "2302.13971", "2305.10601", "2305.16806", "2305.16355"]
    client = make_client(apis, tmp_path, batch=3, interval=3.0)
    found = client.papers(f"arxiv:{paper_id}" for paper_id in ids)
    assert all(paper.status == FOUND for paper in found.values()) and len(found) == 5
    assert apis.asked_ids() == [ids[:3], ids[3:]]
    query = apis.requests(ARXIV_PATH)[0].args
    assert query["max_results"] == "3"
    # the second request waited for arXiv's interval after the first
    assert len(sleeps) == 1 and 2.0 < sleeps[0] <= 3.0


def test_429_with_retry_after_is_honoured(
    apis: FakeApis, tmp_path: Path, sleeps: list[float]
) -> None:
    apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_response(
        Response("Rate exceeded.", status=429, headers={"Retry-After": "7"})
    )
    found = make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    assert found["arxiv:2305.14314"].status == FOUND
    assert len(apis.requests(ARXIV_PATH)) == 2
    assert 7 in sleeps


def test_retry_after_longer_than_we_wait_is_an_error_without_waiting(
    apis: FakeApis, tmp_path: Path, sleeps: list[float]
) -> None:
    apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_response(
        Response("", status=503, headers={"Retry-After": "3600"})
    )
    with pytest.raises(NetworkError, match="3600"):
        make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    assert not [wait for wait in sleeps if wait >= 3600]


def test_unreadable_retry_after_is_backed_off_as_usual(
    apis: FakeApis, tmp_path: Path, sleeps: list[float]
) -> None:
    apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_response(
        Response("", status=503, headers={"Retry-After": "soon"})
    )
    client = make_client(apis, tmp_path, interval=3.0)
    assert client.papers(["arxiv:2305.14314"])["arxiv:2305.14314"].status == FOUND
    assert sleeps[-1:] == [3.0]


def test_503_is_retried_with_backoff(apis: FakeApis, tmp_path: Path, sleeps: list[float]) -> None:
    for _ in range(2):
        apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_data("busy", status=503)
    client = make_client(apis, tmp_path, interval=3.0)
    found = client.papers(["arxiv:2305.14314"])
    assert found["arxiv:2305.14314"].status == FOUND
    assert len(apis.requests(ARXIV_PATH)) == 3
    assert sleeps[-2:] == [3.0, 6.0]  # at least the interval, then doubling


def test_503_every_time_is_an_error(apis: FakeApis, tmp_path: Path) -> None:
    for _ in range(3):
        apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_data("busy", status=503)
    with pytest.raises(NetworkError, match="503"):
        make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    assert len(apis.requests(ARXIV_PATH)) == 3  # the first try and two retries


def test_timeout_is_an_error(apis: FakeApis, tmp_path: Path) -> None:
    import threading

    release = threading.Event()

    def slow(request: Request) -> Response:
        release.wait(2)
        return Response("late", status=200)

    for _ in range(2):
        apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_handler(slow)
    client = make_client(apis, tmp_path, retries=1, timeout=(1.0, 0.2))
    try:
        with pytest.raises(NetworkError, match="did not answer in time"):
            client.papers(["arxiv:2305.14314"])
    finally:
        release.set()
        # the server (shared by the tests) finishes both slow answers before the next test
        for _ in range(500):
            if len(apis.server.log) >= 2:
                break
            time.sleep(0.01)


@pytest.mark.parametrize(
    "body", [b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>", b"Rate exceeded.", b""]
)
def test_malformed_answer_is_asked_again(
    apis: FakeApis, tmp_path: Path, sleeps: list[float], body: bytes
) -> None:
    apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_data(body, status=200)
    found = make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    assert found["arxiv:2305.14314"].status == FOUND
    assert len(apis.requests(ARXIV_PATH)) == 2


def test_malformed_answer_every_time_is_an_error(apis: FakeApis, tmp_path: Path) -> None:
    for _ in range(3):
        apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_data(b"<feed", status=200)
    with pytest.raises(NetworkError, match="malformed XML"):
        make_client(apis, tmp_path).papers(["arxiv:2305.14314"])


def test_partial_answer_asks_again_for_the_rest(apis: FakeApis, tmp_path: Path) -> None:
    ids = ["2305.14314", "2302.13971", "2305.10601"]
    partial = feed("id_list=" + ",".join(ids), [entry_xml(ids[0], apis.papers[ids[0]])], total=3)
    apis.server.expect_oneshot_request(ARXIV_PATH).respond_with_data(partial)
    found = make_client(apis, tmp_path).papers(f"arxiv:{paper_id}" for paper_id in ids)
    assert all(found[f"arxiv:{paper_id}"].status == FOUND for paper_id in ids)
    assert apis.asked_ids() == [ids, ids[1:]]


def test_second_run_is_served_from_the_cache(apis: FakeApis, tmp_path: Path) -> None:
    keys = ["arxiv:2305.14314", "arxiv:2305.99999", "doi:10.1126/science.ade2574"]
    first = make_client(apis, tmp_path).papers(keys)
    served = len(apis.requests())
    second = make_client(apis, tmp_path).papers(keys)
    assert second == first
    assert len(apis.requests()) == served  # no request at all


def test_refresh_ignores_the_cache(apis: FakeApis, tmp_path: Path) -> None:
    make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    apis.papers["2305.14314"] = apis.papers["2305.14314"]._replace(title="QLoRA v2")
    found = make_client(apis, tmp_path, refresh=True).papers(["arxiv:2305.14314"])
    assert found["arxiv:2305.14314"].title == "QLoRA v2"
    assert len(apis.requests(ARXIV_PATH)) == 2
    # and what it fetched is what the next run reads
    again = make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    assert again["arxiv:2305.14314"].title == "QLoRA v2"


def test_cache_entries_expire(
    apis: FakeApis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    monkeypatch.setenv("LLM4OR_CACHE_DAYS", "0")
    make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    assert len(apis.requests(ARXIV_PATH)) == 2


def test_unknown_ids_expire_sooner_than_papers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(tmp_path)
    cache.put({"arxiv:1": Paper("arxiv:1", UNKNOWN), "arxiv:2": Paper("arxiv:2", FOUND, "T")})
    two_days_later = time.time() + 2 * 86400
    monkeypatch.setattr(time, "time", lambda: two_days_later)
    assert set(cache.get(["arxiv:1", "arxiv:2"])) == {"arxiv:2"}


def test_unwritable_cache_folder_is_skipped(apis: FakeApis, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    client = Client(
        Cache(blocker / "cache"),
        urls=(apis.arxiv_url, apis.crossref_url),
        interval=0,
        progress=io.StringIO(),
    )
    assert client.papers(["arxiv:2305.14314"])["arxiv:2305.14314"].status == FOUND


def test_corrupt_cache_file_is_skipped(apis: FakeApis, tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "papers.sqlite3").write_bytes(b"not a database" * 100)
    found = make_client(apis, tmp_path).papers(["arxiv:2305.14314"])
    assert found["arxiv:2305.14314"].status == FOUND


@pytest.mark.parametrize("days", ["soon", "-1", "nan"])
def test_cache_days_not_a_number_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, days: str
) -> None:
    monkeypatch.setenv("LLM4OR_CACHE_DAYS", days)
    with pytest.raises(CacheError, match="LLM4OR_CACHE_DAYS"):
        Cache(tmp_path)


def test_crossref_work(apis: FakeApis, tmp_path: Path) -> None:
    apis.works["10.1000/xyz-1"] = Work(
        "A <i>Retracted</i> &amp; Studied Work",
        (2021, 6),
        subtitle="With a subtitle",
        updated_by=({"type": "retraction", "DOI": "10.1000/notice", "source": "publisher"},),
    )
    found = make_client(apis, tmp_path).papers(["doi:10.1126/Science.ADE2574", "doi:10.1000/xyz-1"])
    work = found["doi:10.1126/science.ade2574"]
    assert work.status == FOUND and work.date == (2023, 3, 17)
    assert work.authors == ("Zeming Lin", "Halil Akin")
    retracted = found["doi:10.1000/xyz-1"]
    assert retracted.title == "A Retracted & Studied Work"
    assert retracted.subtitle == "With a subtitle"
    assert retracted.date == (2021, 6, 0) and retracted.withdrawn


def test_doi_crossref_does_not_hold(apis: FakeApis, tmp_path: Path) -> None:
    apis.agencies["10.5281/zenodo.1234"] = "datacite"
    found = make_client(apis, tmp_path).papers(["doi:10.5281/zenodo.1234", "doi:10.9999/none"])
    assert found["doi:10.5281/zenodo.1234"].status == ELSEWHERE
    assert found["doi:10.9999/none"].status == UNKNOWN


def test_no_network_is_one_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/api/query"
    client = Client(Cache(tmp_path), urls=(url, url), interval=0, retries=1, progress=io.StringIO())
    with pytest.raises(NetworkError, match="cannot reach the arXiv API"):
        client.papers(["arxiv:2305.14314"])


def test_base_urls_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLM4OR_ARXIV_API", "http://127.0.0.1:9/api/query")
    monkeypatch.delenv("LLM4OR_CROSSREF_API", raising=False)
    assert client_module.api_urls() == ("http://127.0.0.1:9/api/query", client_module.CROSSREF_API)
    monkeypatch.setenv("LLM4OR_CROSSREF_API", "ftp://mirror")
    with pytest.raises(NetworkError, match="LLM4OR_CROSSREF_API"):
        client_module.api_urls()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "ids", "shown"),
    [
        (Terminal(), 5, True),
        (Terminal(), 3, False),  # a few requests: no bar
        (io.StringIO(), 5, False),  # not a terminal: no bar
    ],
)
def test_progress_bar_only_on_a_terminal_for_more_than_a_few_requests(
    apis: FakeApis, tmp_path: Path, stream: io.StringIO, ids: int, shown: bool
) -> None:
    keys = [f"arxiv:{paper_id}" for paper_id in list(apis.papers)[:ids]]
    make_client(apis, tmp_path, batch=1, progress=stream).papers(keys)
    assert ("fetching paper metadata" in stream.getvalue()) is shown
    assert stream.getvalue().endswith("\r\033[K") is shown  # the bar's line is cleared
