"""Every product listing: engine first, the database backend otherwise.

``list_products`` serves the results page, the search API, category pages and
seller pages; views and page models call it (page models through the listing port,
``marketplace.helpers.listing``) and never build queries or talk to the engine.
"""

import datetime
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import replace

from django.utils import timezone

from catalog.cards import Highlights, remembered_cards, rows_in_order
from marketplace.helpers.text import fold
from search import answers, engine, fallback, promotions, queries, querylog
from search.documents import PRODUCTS, SELLERS, alias_name
from search.params import SearchParams
from search.results import (
    FACET_ORDER,
    ListingResults,
    counts_from_aggregations,
    label_facets,
)
from search.text import prepare_query

logger = logging.getLogger(__name__)

FEW_HITS = 3
# More renditions to read with the cards': ``{image_id: specs}`` each.
Images = Iterable[Mapping[int | None, Iterable[str]]]


def list_products(
    params: SearchParams,
    *,
    source: str = "page",
    facets: tuple[str, ...] = FACET_ORDER,
    images: Images = (),
    log: bool = True,
    today: datetime.date | None = None,
) -> ListingResults:
    """The products ``params`` ask for, as cards, with the ``facets`` named.

    The engine answers; when it is down, slow or failing, the database backend
    does (``degraded``). ``images`` are more ``{image_id: specs}`` read with the
    cards' renditions, in the same query. A page past the last one answers with
    the last page.
    """
    today = today or timezone.localdate()
    started = time.perf_counter()
    try:
        results = engine_listing(params, facets=facets, images=images, today=today)
    except engine.EngineError as exc:
        logger.warning("listing degraded (%s): answering from the database", exc)
        results = database_listing(params, facets=facets, images=images, today=today)
    results.took_ms = (time.perf_counter() - started) * 1000
    typed = params.typed_q or params.q
    if log and (typed or params.as_log_filters().keys() - {"sort"}):
        # The query as typed: "ocop 5 sao" finding nothing is what the department
        # needs to see; the filters it became are in the log's filters.
        querylog.record(
            typed,
            params.as_log_filters(),
            results.total,
            results.took_ms,
            results.degraded,
            source,
        )
    return results


def _with_cards(
    results: ListingResults,
    rows: list[dict],
    images: Images,
    highlights: Highlights | None = None,
) -> ListingResults:
    results.cards, results.renditions = remembered_cards(rows, images, highlights)
    return results


def _engine_request(params: SearchParams, today: datetime.date, facets) -> dict:
    alias = alias_name(PRODUCTS)

    def ask() -> dict:
        pinned = promotions.pinned_ids(params.raw_q) if params.q else []
        search = queries.product_search(params, alias, today, pinned, facets)
        return engine.execute(search, alias).to_dict()

    if params.raw_q or params.q:
        return ask()  # typed words: too varied to remember, and logged
    # Browsing (category, seller, commune pages and filters): the same few
    # questions from every shopper; see search/answers.py.
    return answers.remembered(f"{alias}|{params!r}|{facets}|{today}", ask)


def engine_listing(
    params: SearchParams,
    *,
    facets: tuple[str, ...] = FACET_ORDER,
    images: Images = (),
    today: datetime.date | None = None,
) -> ListingResults:
    """The engine backend (raises ``engine.EngineError`` when it cannot answer)."""
    today = today or timezone.localdate()
    raw = _engine_request(params, today, facets)
    total = raw["hits"]["total"]["value"]
    last = max(1, -(-total // params.page_size))
    if params.page > last:
        params = replace(params, page=last)
        raw = _engine_request(params, today, facets)
    hits = raw["hits"]["hits"]
    # The query highlights the accent-folded fields (see queries.product_search).
    highlights = {
        int(h["_id"]): (
            h.get("highlight", {}).get("title.folded", [""])[0],
            h.get("highlight", {}).get("summary.folded", [""])[0],
        )
        for h in hits
    }
    counts = counts_from_aggregations(raw.get("aggregations", {}))
    suggestion = None
    if params.q and total < FEW_HITS:
        suggestion = did_you_mean(params.q, alias_name(PRODUCTS))
    results = ListingResults(
        params, total, [], label_facets(counts, params, facets), suggestion
    )
    rows = rows_in_order(int(h["_id"]) for h in hits)
    return _with_cards(results, rows, images, highlights)


def database_listing(
    params: SearchParams,
    *,
    facets: tuple[str, ...] = FACET_ORDER,
    images: Images = (),
    today: datetime.date | None = None,
) -> ListingResults:
    """The database backend: same filters, facets and order, ``degraded``."""
    today = today or timezone.localdate()
    total, rows, counts, page = fallback.listing(params, today, facets)
    if page != params.page:
        params = replace(params, page=page)
    results = ListingResults(
        params, total, [], label_facets(counts, params, facets), degraded=True
    )
    return _with_cards(results, rows, images)


def did_you_mean(q: str, alias: str) -> str | None:
    """A folded rewording that finds products, or None."""
    try:
        response = engine.execute(queries.did_you_mean(q, alias), alias)
    except engine.EngineError:
        return None
    raw = response.to_dict()
    for entry in raw.get("suggest", {}).get("did_you_mean", []):
        for option in entry.get("options", []):
            text = option.get("text", "")
            if option.get("collate_match", True) and text and text != fold(q):
                return text
    return None


def suggest(raw_q: str, size: int = 8) -> list[dict]:
    """Autocomplete: products and sellers whose title starts like ``raw_q``."""
    q = prepare_query(raw_q)
    if not fold(q):
        return []
    products, sellers = alias_name(PRODUCTS), alias_name(SELLERS)
    try:
        response = engine.execute(
            queries.autocomplete(q, f"{products},{sellers}", size),
            f"{products},{sellers}",
            ignore_unavailable="true",
        )
    except engine.EngineError as exc:
        logger.warning("autocomplete degraded (%s): answering from the database", exc)
        return fallback.suggest(q, size)
    suggestions = []
    for hit in response.to_dict()["hits"]["hits"]:
        kind = "seller" if hit["_index"].startswith(sellers + "_") else "product"
        suggestions.append(
            {
                "text": hit["_source"]["title"],
                "url": hit["_source"]["url"],
                "type": kind,
            }
        )
    return suggestions
