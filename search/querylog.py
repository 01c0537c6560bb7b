"""Recording searches off the request path.

``record()`` puts the entry on a queue that one daemon thread per process writes in
batches, so a search answers without waiting for the database. Tests use
``SEARCH_LOG_MODE = "sync"`` to write at once, inside the test's transaction.
"""

import logging
import queue
import threading

from django.conf import settings
from django.db import DatabaseError, close_old_connections

from marketplace.helpers.text import fold

logger = logging.getLogger(__name__)

MAX_BATCH = 200
_queue: "queue.Queue[dict]" = queue.Queue(maxsize=10_000)
_worker: threading.Thread | None = None
_worker_lock = threading.Lock()


def record(
    query: str,
    filters: dict,
    result_count: int,
    took_ms: float,
    degraded: bool,
    source: str,
) -> None:
    entry = {
        "query": query[:200],
        "query_folded": fold(query)[:200],
        "filters": filters,
        "result_count": result_count,
        "took_ms": max(0, round(took_ms)),
        "degraded": degraded,
        "source": source,
    }
    if getattr(settings, "SEARCH_LOG_MODE", "thread") == "sync":
        _write([entry])
        return
    if getattr(settings, "SEARCH_LOG_MODE", "thread") == "off":
        return
    _ensure_worker()
    try:
        _queue.put_nowait(entry)
    except queue.Full:
        logger.warning("search log queue full; dropping an entry")


def _write(entries: list[dict]) -> None:
    from search.models import SearchQueryLog

    try:
        SearchQueryLog.objects.bulk_create([SearchQueryLog(**e) for e in entries])
    except DatabaseError:
        logger.exception("could not write %d search log entries", len(entries))


def _ensure_worker() -> None:
    global _worker
    if _worker is not None and _worker.is_alive():
        return
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_run, name="search-log", daemon=True)
            _worker.start()


def _run() -> None:
    while True:
        entries = [_queue.get()]
        while len(entries) < MAX_BATCH:
            try:
                entries.append(_queue.get_nowait())
            except queue.Empty:
                break
        close_old_connections()
        _write(entries)
        for _entry in entries:
            _queue.task_done()


def flush() -> None:
    """Block until every queued entry is written (tests, shutdown)."""
    _queue.join()
