"""Asking arXiv and Crossref for papers, as they ask to be asked.

- arXiv: many ids per query (``id_list``, up to ``BATCH``), one request every 3 seconds (arXiv's
  terms of use), ``max_results`` set to the batch's size. Ids an answer leaves out are asked
  again together while each answer brings something; ids still missing are unknown.
- Crossref: one DOI per request on ``/works/{doi}``, a quarter of a second apart; a DOI Crossref
  does not hold is looked up on ``/works/{doi}/agency``, and one registered elsewhere (DataCite)
  is not checked rather than called unknown.
- Every request has a timeout and is retried (requests with urllib3's ``Retry``) on 429, 500,
  502, 503 and 504, waiting at least the pacing interval and doubling, and honouring
  ``Retry-After`` (up to ``LONGEST_WAIT`` seconds: a longer wait is an error saying so); a
  connection that fails or times out is tried once more (no network fails fast). A malformed
  answer is asked again like a 503.
- What is known already comes from the cache; what is fetched goes into it.
- More than ``FEW`` requests on a terminal show a progress bar on stderr.

Failures are ``NetworkError``: one line naming the service and what went wrong.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from lint import __version__
from lint.online.cache import Cache
from lint.online.metadata import (
    ELSEWHERE,
    UNKNOWN,
    AnswerError,
    Paper,
    arxiv_key,
    normal_key,
    parse_agency,
    parse_atom,
    parse_crossref,
)

if TYPE_CHECKING:
    import requests

ARXIV_API = "https://export.arxiv.org/api/query"
CROSSREF_API = "https://api.crossref.org/works"
ARXIV_INTERVAL = 3.0
CROSSREF_INTERVAL = 0.25
BATCH = 100
RETRIES = 4
LONGEST_WAIT = 120.0
# (connect, read) seconds: a batch of a hundred ids can take arXiv a while
TIMEOUT = (10.0, 60.0)
FEW = 3
_RETRY_STATUSES = (429, 500, 502, 503, 504)
_CONNECTION = re.compile(r"^\S*Connection(?:\([^)]*\)| object at 0x[0-9a-f]+>): ")
_USER_AGENT = f"llm4or-lint/{__version__} (paper-list linter; checks rows against arXiv)"


class NetworkError(Exception):
    """A request that failed for good (no network, timeouts, refusals, malformed answers)."""


class _TooLong(Exception):
    """A ``Retry-After`` longer than the client waits."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


def api_urls() -> tuple[str, str]:
    """The arXiv and Crossref base URLs: ``LLM4OR_ARXIV_API`` and ``LLM4OR_CROSSREF_API``, or
    the services' own; NetworkError for one that is not an http(s) URL."""
    urls = []
    for name, default in (("LLM4OR_ARXIV_API", ARXIV_API), ("LLM4OR_CROSSREF_API", CROSSREF_API)):
        url = os.environ.get(name) or default
        if not url.startswith(("http://", "https://")):
            raise NetworkError(f"{name}: {url!r} is not an http:// or https:// URL")
        urls.append(url.rstrip("/") if name == "LLM4OR_CROSSREF_API" else url)
    return urls[0], urls[1]


def _retry_class() -> Any:
    """urllib3's Retry, waiting at least the pacing interval before any retry (its first retry
    is immediate otherwise) and refusing a ``Retry-After`` longer than ``longest``."""
    from urllib3.exceptions import HTTPError
    from urllib3.util.retry import Retry

    class PacedRetry(Retry):
        pause = 0.0
        longest = LONGEST_WAIT

        def new(self, **kw: Any) -> Any:
            made = super().new(**kw)
            made.pause, made.longest = self.pause, self.longest
            return made

        def get_backoff_time(self) -> float:
            return float(max(self.pause, super().get_backoff_time()))

        def sleep_for_retry(self, response: Any) -> bool:
            try:
                wait = self.get_retry_after(response)
            except HTTPError:  # urllib3's InvalidHeader: an unreadable one, backed off as usual
                return False
            if wait is None:
                return False
            if wait > self.longest:
                raise _TooLong(wait)
            time.sleep(max(wait, self.pause))
            return True

    return PacedRetry


class _Service:
    """One API: its base URL, a session whose retries wait its pacing interval, and when it was
    last asked."""

    def __init__(self, name: str, url: str, interval: float, client: Client) -> None:
        import requests
        from requests.adapters import HTTPAdapter

        self.name, self.url, self.interval, self.client = name, url, interval, client
        self.last = -float("inf")
        # a service that answers 429 or 503 is asked again, patiently; one that cannot be
        # reached or does not answer in time only once more (no network should fail fast)
        once = min(client.retries, 1)
        retry = _retry_class()(
            total=client.retries,
            connect=once,
            read=once,
            status=client.retries,
            status_forcelist=_RETRY_STATUSES,
            allowed_methods=("GET",),
            backoff_factor=interval,
            raise_on_status=False,
            respect_retry_after_header=True,
        )
        retry.pause, retry.longest = interval, client.longest_wait
        self.session = requests.Session()
        self.session.headers["User-Agent"] = _USER_AGENT
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def get(self, url: str, params: dict[str, str] | None = None) -> requests.Response:
        """One GET, paced and retried; NetworkError when it fails for good."""
        import requests

        wait = self.last + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return self.session.get(url, params=params, timeout=self.client.timeout)
        except _TooLong as error:
            raise NetworkError(
                f"{self.name} asks to wait {error.seconds:.0f} s before asking again "
                f"(Retry-After); try again later"
            ) from None
        except requests.exceptions.RequestException as error:
            if _timed_out(error):
                raise NetworkError(f"{self.name} did not answer in time ({self.url})") from None
            raise NetworkError(f"cannot reach {self.name} ({self.url}): {_reason(error)}") from None
        finally:
            self.last = time.monotonic()
            self.client.progress.step()


def _timed_out(error: Exception) -> bool:
    """True when the request failed by a timeout (requests wraps retried ones)."""
    import requests
    from urllib3.exceptions import NewConnectionError
    from urllib3.exceptions import TimeoutError as Urllib3Timeout

    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(reason, NewConnectionError) or isinstance(error.args[0], NewConnectionError):
        return False  # a refused connection (urllib3 makes it a kind of connect timeout)
    return isinstance(error, requests.exceptions.Timeout) or isinstance(reason, Urllib3Timeout)


def _reason(error: Exception) -> str:
    """The innermost cause of a requests error, in a few words."""
    reason = getattr(error.args[0], "reason", None) if error.args else None
    text = str(reason or (error.args[0] if error.args else error))
    # urllib3 prefixes the connection: "HTTPSConnection(host='…', port=443): Failed to …"
    return _CONNECTION.sub("", text).split("\n")[0]


class Progress:
    """A progress bar on ``stream`` when it is a terminal and more than ``FEW`` requests are
    planned; nothing otherwise."""

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream
        self.total = self.done = 0
        self.shown = False

    def plan(self, requests: int) -> None:
        """``requests`` more requests are coming."""
        self.total += requests

    def step(self) -> None:
        """One request made."""
        self.done += 1
        stream = self.stream
        isatty = getattr(stream, "isatty", None)
        if stream is None or self.total <= FEW or not (isatty and isatty()):
            return
        width = 30
        filled = min(width, width * self.done // max(self.total, 1))
        bar = "#" * filled + "." * (width - filled)
        stream.write(f"\rllm4or-lint: fetching paper metadata [{bar}] {self.done}/{self.total}")
        stream.flush()
        self.shown = True

    def close(self) -> None:
        """Clear the bar's line."""
        if self.shown and self.stream is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


class Client:
    """Papers by key (``arxiv:…``, ``doi:…``), from the cache or the APIs.

    ``interval`` (arXiv's pacing, seconds), ``timeout``, ``retries`` and ``batch`` are arXiv's
    and a good citizen's values by default; tests make them small.
    """

    def __init__(
        self,
        cache: Cache,
        *,
        urls: tuple[str, str] | None = None,
        interval: float | None = None,
        crossref_interval: float | None = None,
        timeout: tuple[float, float] = TIMEOUT,
        retries: int | None = None,
        batch: int = BATCH,
        longest_wait: float = LONGEST_WAIT,
        progress: IO[str] | None = None,
    ) -> None:
        arxiv_url, crossref_url = urls or api_urls()
        self.cache = cache
        self.timeout, self.batch = timeout, max(1, batch)
        self.retries = RETRIES if retries is None else retries
        self.longest_wait = longest_wait
        self.progress = Progress(progress if progress is not None else sys.stderr)
        arxiv_interval = ARXIV_INTERVAL if interval is None else interval
        self.arxiv = _Service("the arXiv API", arxiv_url, arxiv_interval, self)
        crossref = CROSSREF_INTERVAL if crossref_interval is None else crossref_interval
        self.crossref = _Service("Crossref", crossref_url, crossref, self)

    def papers(self, keys: Iterable[str]) -> dict[str, Paper]:
        """The paper of every key (keyed by ``normal_key``); NetworkError when the network
        fails (nothing is lost: what was fetched before the failure is in the cache)."""
        wanted = list(dict.fromkeys(normal_key(key) for key in keys))
        known = self.cache.get(wanted)
        missing = [key for key in wanted if key not in known]
        ids = [key.removeprefix("arxiv:") for key in missing if key.startswith("arxiv:")]
        dois = [key.removeprefix("doi:") for key in missing if key.startswith("doi:")]
        batches = [ids[start : start + self.batch] for start in range(0, len(ids), self.batch)]
        self.progress.plan(len(batches) + len(dois))
        try:
            for batch in batches:
                known.update(self._store(self._arxiv(batch)))
            for doi in dois:
                known.update(self._store({"doi:" + doi: self._crossref(doi)}))
        finally:
            self.progress.close()
        return known

    def _store(self, found: dict[str, Paper]) -> dict[str, Paper]:
        self.cache.put(found)
        return found

    def _arxiv(self, ids: Sequence[str]) -> dict[str, Paper]:
        """The papers of a batch of ids, asked together; the ids an answer leaves out (a
        partial answer, or one id rejected for the whole query) are asked again together as
        long as each answer brings something, and those still missing are unknown."""
        found: dict[str, Paper] = {}
        left = list(ids)
        while left:
            answer = self._arxiv_query(left)
            found.update(answer)
            left = [paper_id for paper_id in left if arxiv_key(paper_id) not in found]
            if not answer:
                break
            if left:
                self.progress.plan(1)
        for paper_id in left:
            key = arxiv_key(paper_id)
            found[key] = Paper(key, UNKNOWN)
        return found

    def _arxiv_query(self, ids: Sequence[str]) -> dict[str, Paper]:
        params = {"id_list": ",".join(ids), "start": "0", "max_results": str(len(ids))}
        return self._answer(self.arxiv, self.arxiv.url, params, lambda data: parse_atom(data, ids))

    def _crossref(self, doi: str) -> Paper:
        from urllib.parse import quote

        url = f"{self.crossref.url}/{quote(doi, safe='/')}"
        paper = self._answer(self.crossref, url, None, lambda data: parse_crossref(data, doi))
        if paper is not None:
            return paper
        agency = self._answer(self.crossref, url + "/agency", None, parse_agency)
        status = UNKNOWN if agency is None or agency == "crossref" else ELSEWHERE
        return Paper("doi:" + doi.lower(), status)

    def _answer(
        self,
        service: _Service,
        url: str,
        params: dict[str, str] | None,
        parse: Callable[[bytes], Any],
    ) -> Any:
        """``parse`` of a 200 answer (asked again while malformed), None for a 404."""
        for attempt in range(self.retries + 1):
            response = service.get(url, params)
            if response.status_code == 404 and service is self.crossref:
                return None
            if response.status_code != 200:
                status = f"{response.status_code} {response.reason or ''}".rstrip()
                raise NetworkError(f"{service.name} answered HTTP {status} ({service.url})")
            try:
                return parse(response.content)
            except AnswerError as error:
                if attempt == self.retries:
                    raise NetworkError(f"{service.name} gave an unusable answer: {error}") from None
                self.progress.plan(1)
                time.sleep(service.interval * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover
