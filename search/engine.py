"""The one module that talks to the search engine.

Bodies are built elsewhere with elasticsearch-dsl (``Search.to_dict()``,
``Index.to_dict()``) and sent here through the client that matches the server found at
``SEARCH_URL``: opensearch-py for OpenSearch, ``elasticsearch`` for Elasticsearch 8.
Every failure surfaces as :class:`EngineError` (or its subclass
:class:`EngineUnavailable`), so callers can fall back to the database. After a
connection failure the engine is considered down for ``SEARCH_RETRY_AFTER`` seconds,
so a dead engine costs each request nothing instead of a timeout.
"""

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from elasticsearch.dsl import Response, Search

from search import answers

logger = logging.getLogger(__name__)

BULK_TIMEOUT = 120


class EngineError(Exception):
    """The engine answered with an error, or could not be asked."""


class EngineUnavailable(EngineError):
    """The engine is unreachable or too slow."""


class _Client:
    """A uniform face over opensearch-py and elasticsearch 8 (raw REST calls)."""

    def __init__(self, hosts: list[str], timeout: float):
        import opensearchpy

        self.hosts = hosts
        self.flavour = "opensearch"
        self._os = opensearchpy.OpenSearch(
            hosts=hosts, timeout=timeout, max_retries=0, retry_on_timeout=False
        )
        self._es = None
        info = self.request("GET", "/")
        version = info.get("version", {})
        if version.get("distribution") != "opensearch":
            from elasticsearch import Elasticsearch

            self.flavour = "elasticsearch"
            self._es = Elasticsearch(
                hosts, request_timeout=timeout, max_retries=0, retry_on_timeout=False
            )
        self.version = version.get("number", "")

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        params: dict | None = None,
        timeout: float | None = None,
    ) -> Any:
        params = dict(params or {})
        try:
            if self._es is not None:
                client = (
                    self._es.options(request_timeout=timeout) if timeout else self._es
                )
                headers = {"accept": "application/json"}
                if body is not None:
                    headers["content-type"] = "application/json"
                return client.perform_request(
                    method, path, params=params, headers=headers, body=body
                ).body
            if timeout:
                params["request_timeout"] = timeout
            return self._os.transport.perform_request(
                method, path, params=params, body=body
            )
        except Exception as exc:  # noqa: BLE001 - both clients' errors are mapped
            raise _translate(exc) from exc

    def bulk(self, operations: list[dict], refresh: bool = False) -> dict:
        params = {"refresh": "true"} if refresh else {}
        try:
            if self._es is not None:
                return (
                    self._es.options(request_timeout=BULK_TIMEOUT)
                    .bulk(operations=operations, **params)
                    .body
                )
            return self._os.bulk(
                body=operations, params={**params, "request_timeout": BULK_TIMEOUT}
            )
        except Exception as exc:  # noqa: BLE001 - both clients' errors are mapped
            raise _translate(exc) from exc


def _translate(exc: Exception) -> EngineError:
    import elastic_transport
    import opensearchpy

    unavailable = (
        opensearchpy.exceptions.ConnectionError,
        elastic_transport.ConnectionError,
        elastic_transport.ConnectionTimeout,
        TimeoutError,
        OSError,
    )
    if isinstance(exc, unavailable):
        return EngineUnavailable(type(exc).__name__)
    status = getattr(exc, "status_code", None) or getattr(exc, "status", None)
    return EngineError(f"{type(exc).__name__} {status or ''}".strip())


_lock = threading.Lock()
_clients: dict[tuple[str, ...], _Client] = {}
_down_until: dict[tuple[str, ...], float] = {}


def _hosts() -> tuple[str, ...]:
    return tuple(h.strip() for h in settings.SEARCH_URL.split(",") if h.strip())


def client() -> _Client:
    """The shared client for the current ``SEARCH_URL`` (created on first use)."""
    hosts = _hosts()
    existing = _clients.get(hosts)
    if existing is not None:
        return existing
    if _down_until.get(hosts, 0) > time.monotonic():
        raise EngineUnavailable("engine marked down")
    with _lock:
        if hosts not in _clients:
            try:
                _clients[hosts] = _Client(list(hosts), settings.SEARCH_TIMEOUT)
            except EngineUnavailable:
                _mark_down(hosts)
                raise
        return _clients[hosts]


def _mark_down(hosts: tuple[str, ...]) -> None:
    retry_after = float(getattr(settings, "SEARCH_RETRY_AFTER", 5))
    _down_until[hosts] = time.monotonic() + retry_after
    logger.warning("search engine unreachable at %s", ",".join(hosts))


def reset() -> None:
    """Forget clients and down-marks (tests, and after ``engine.sh start``)."""
    with _lock:
        _clients.clear()
        _down_until.clear()


def call(method: str, path: str, body: Any = None, **kwargs) -> Any:
    hosts = _hosts()
    if _down_until.get(hosts, 0) > time.monotonic():
        raise EngineUnavailable("engine marked down")
    try:
        return client().request(method, path, body=body, **kwargs)
    except EngineUnavailable:
        _mark_down(hosts)
        raise


# -- searching ------------------------------------------------------------------


def execute(search: Search, index: str, **params) -> Response:
    """Run a DSL Search against ``index`` (an alias or a comma-separated list)."""
    raw = call("POST", f"/{index}/_search", body=search.to_dict(), params=params)
    return Response(search, raw)


def count(index: str, body: dict | None = None) -> int:
    return call("POST", f"/{index}/_count", body=body or {})["count"]


def scan_sources(
    index: str, fields: list[str], batch: int = 1000
) -> Iterator[tuple[str, dict]]:
    """Every document id with the requested source fields (for update/check)."""
    body = {"size": batch, "_source": fields, "sort": ["_doc"]}
    page = call("POST", f"/{index}/_search", body=body, params={"scroll": "1m"})
    scroll_id = page.get("_scroll_id")
    try:
        while page["hits"]["hits"]:
            for hit in page["hits"]["hits"]:
                yield hit["_id"], hit.get("_source", {})
            page = call(
                "POST",
                "/_search/scroll",
                body={"scroll": "1m", "scroll_id": scroll_id},
            )
            scroll_id = page.get("_scroll_id", scroll_id)
    finally:
        if scroll_id:
            try:
                call("DELETE", "/_search/scroll", body={"scroll_id": scroll_id})
            except EngineError:
                logger.info("could not clear a scroll context; it expires anyway")


# -- writing --------------------------------------------------------------------


def bulk(
    operations: Iterable[tuple[str, str, str, dict | None]],
    refresh: bool = False,
    require_alias: bool = True,
) -> int:
    """Apply ``(action, index, id, source)`` operations; returns how many failed.

    ``require_alias`` refuses writes to an alias that was never built, so a missing
    index is never auto-created with a guessed mapping.
    """
    body: list[dict] = []
    for action, index, doc_id, source in operations:
        meta = {"_index": index, "_id": doc_id}
        if action == "index":
            if require_alias:
                meta["require_alias"] = True
            body.extend([{"index": meta}, source or {}])
        else:
            body.append({"delete": meta})
    if not body:
        return 0
    answers.forget()  # before: a failed or partial write leaves no stale answer
    hosts = _hosts()
    if _down_until.get(hosts, 0) > time.monotonic():
        raise EngineUnavailable("engine marked down")
    try:
        result = client().bulk(body, refresh=refresh)
    except EngineUnavailable:
        _mark_down(hosts)
        raise
    answers.forget()  # after: nothing remembered while the write was under way
    failures = [
        item
        for item in result.get("items", [])
        for op in item.values()
        if op.get("status", 200) >= 300 and op.get("status") != 404
    ]
    for item in failures[:5]:
        logger.warning("search indexing failed: %s", item)
    return len(failures)


def create_index(name: str, body: dict) -> None:
    call("PUT", f"/{name}", body=body, timeout=BULK_TIMEOUT)


def delete_index(name: str) -> None:
    answers.forget()
    call("DELETE", f"/{name}", params={"ignore_unavailable": "true"})


def refresh(index: str) -> None:
    call("POST", f"/{index}/_refresh")


def put_settings(index: str, body: dict) -> None:
    call("PUT", f"/{index}/_settings", body=body)


def alias_targets(alias: str) -> list[str]:
    """Concrete indexes behind ``alias`` (empty when the alias does not exist)."""
    try:
        return sorted(call("GET", f"/_alias/{alias}").keys())
    except EngineUnavailable:
        raise
    except EngineError:
        return []


def indexes_matching(pattern: str) -> list[str]:
    rows = call("GET", f"/_cat/indices/{pattern}", params={"format": "json"})
    return sorted(row["index"] for row in rows)


def swap_alias(alias: str, new_index: str, old_indexes: list[str]) -> None:
    """Point ``alias`` at ``new_index`` in one atomic step."""
    actions = [{"remove": {"index": old, "alias": alias}} for old in old_indexes]
    actions.append({"add": {"index": new_index, "alias": alias}})
    call("POST", "/_aliases", body={"actions": actions})
    answers.forget()


def health() -> str | None:
    """None when the engine answers with a green or yellow cluster, else a reason."""
    try:
        status = call("GET", "/_cluster/health", timeout=1.0).get("status")
    except EngineUnavailable:
        return "unreachable"
    except EngineError:
        return "error"
    return None if status in ("green", "yellow") else f"cluster {status}"


def info() -> dict:
    c = client()
    return {"flavour": c.flavour, "version": c.version, "hosts": c.hosts}
