"""Search for views, the API and category pages: engine first, database fallback.

Views call these functions only; they never build queries or talk to the engine.
"""

import datetime
import logging
import time
from collections.abc import Sequence

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search import engine, fallback, promotions, queries, querylog
from search.documents import PRODUCTS, SELLERS, alias_name
from search.params import PAGE_NAMES, SearchParams
from search.results import (
    SearchResults,
    card,
    counts_from_aggregations,
    label_facets,
)
from search.text import fold, prepare_query

logger = logging.getLogger(__name__)

FEW_HITS = 3
SORT_LABELS = (
    ("relevance", _("Liên quan nhất")),
    ("newest", _("Mới nhất")),
    ("price_asc", _("Giá tăng dần")),
    ("price_desc", _("Giá giảm dần")),
    ("stars", _("Nhiều sao OCOP")),
)


def search_products(
    params: SearchParams,
    source: str = "page",
    today: datetime.date | None = None,
    log: bool = True,
) -> SearchResults:
    """Products matching ``params``; ``degraded`` when the database answered."""
    today = today or timezone.localdate()
    started = time.perf_counter()
    try:
        results = _engine_search(params, today)
    except engine.EngineError as exc:
        logger.warning("search degraded (%s): answering from the database", exc)
        results = fallback.search(params, today)
    results.took_ms = (time.perf_counter() - started) * 1000
    if log and (params.q or params.as_log_filters().keys() - {"sort"}):
        querylog.record(
            params.q,
            params.as_log_filters(),
            results.total,
            results.took_ms,
            results.degraded,
            source,
        )
    return results


def _engine_search(params: SearchParams, today: datetime.date) -> SearchResults:
    alias = alias_name(PRODUCTS)
    pinned = promotions.pinned_ids(params.raw_q) if params.q else []
    response = engine.execute(
        queries.product_search(params, alias, today, pinned), alias
    )
    raw = response.to_dict()
    hits = raw["hits"]
    results = [card(h["_source"], today, h.get("highlight")) for h in hits["hits"]]
    facets = label_facets(counts_from_aggregations(raw.get("aggregations", {})), params)
    total = hits["total"]["value"]
    suggestion = None
    if params.q and total < FEW_HITS:
        suggestion = did_you_mean(params.q, alias)
    return SearchResults(params, total, results, facets, suggestion)


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


class _EnginePage(Sequence):
    """One page of engine results that Django's Paginator can count and slice."""

    def __init__(self, total: int, items: list):
        self.total, self.items = total, items

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.items
        return self.items[index]


def category_context(request, category) -> dict | None:
    """A category page's listing served by the engine, or None when it is down.

    Same context shape as ``catalog.listing.ProductFilter.context()``, with the
    facets added; the cards are read from the database in a fixed number of queries.
    """
    from catalog.cards import cards_in_order
    from catalog.listing import SORTS, ProductFilter
    from sellers.models import AdminUnit, SellerType

    params = SearchParams.from_querydict(
        request.GET, PAGE_NAMES, fixed_category=category.slug
    )
    if params.sort == "relevance":
        params = SearchParams.from_querydict(
            request.GET, PAGE_NAMES, fixed_category=category.slug, sort="newest"
        )
    today = timezone.localdate()
    alias = alias_name(PRODUCTS)
    try:
        raw = engine.execute(
            queries.product_search(params, alias, today).source(False), alias
        ).to_dict()
        total = raw["hits"]["total"]["value"]
        last_page = max(1, -(-total // params.page_size))
        if params.page > last_page:
            params = SearchParams.from_querydict(
                request.GET,
                PAGE_NAMES,
                fixed_category=category.slug,
                sort=params.sort,
                page=last_page,
            )
            raw = engine.execute(
                queries.product_search(params, alias, today).source(False), alias
            ).to_dict()
    except engine.EngineError as exc:
        logger.warning("category listing degraded (%s): using the database", exc)
        return None
    items = cards_in_order(int(h["_id"]) for h in raw["hits"]["hits"])
    page = Paginator(_EnginePage(total, items), params.page_size).get_page(params.page)
    facets = label_facets(counts_from_aggregations(raw.get("aggregations", {})), params)
    commune_codes = [b["key"] for b in facets["commune"]]
    product_filter = ProductFilter(request.GET, category=category)
    return {
        "products": page,
        "filters": product_filter,
        "sort_options": [(key, label) for key, (_o, label) in SORTS.items()],
        "seller_type_options": SellerType.choices,
        "star_options": [3, 4, 5],
        "commune_options": AdminUnit.objects.filter(code__in=commune_codes).order_by(
            "name"
        ),
        "query_string": product_filter.query_string(),
        "facets": facets,
        "search_engine": True,
    }
