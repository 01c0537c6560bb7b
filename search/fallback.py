"""The database backend of every product listing, used when the engine is down,
slow or failing.

Same parameters, filters, facets and sort table as the engine: a folded-text match
on the ``SearchText`` copy (every folded word must appear), ordered with title
matches first. Slower and without typo tolerance, but the shopper still gets
answers. Only public products (catalog.visibility) are listed, as in the index.
"""

import datetime
import re

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)

from catalog.cards import card_rows
from catalog.listing import rated, with_ocop_stars
from catalog.models import ProductPage
from catalog.visibility import public_products
from marketplace.helpers.text import fold
from search.documents import PRODUCTS, SELLERS
from search.indexing import iter_documents
from search.models import SearchText
from search.params import SORT_TABLE, SearchParams
from search.queries import PRICE_RANGES, price_range_key
from search.results import FACET_ORDER

MAX_TERMS = 10
# The sort table's keys as columns (``score`` depends on the sort: see _score).
SORT_FIELDS = {"published": "first_published_at", "price": "price_vnd", "id": "pk"}


def terms(q: str) -> list[str]:
    return re.findall(r"\w+", fold(q))[:MAX_TERMS]


def _facet_filters(params: SearchParams, today: datetime.date) -> dict[str, Q]:
    filters: dict[str, Q] = {}
    if params.categories:
        filters["category"] = Q(category__slug__in=params.categories)
    if params.stars:
        filters["ocop"] = rated(params.stars, today)
    if params.communes:
        filters["commune"] = Q(seller__commune_id__in=params.communes)
    if params.seller_types:
        filters["seller_type"] = Q(seller__seller_type__in=params.seller_types)
    if params.certifications:
        filters["certification"] = Q(
            pk__in=ProductPage.objects.filter(
                certifications__code__in=params.certifications
            ).values("pk")
        )
    if params.price_min is not None or params.price_max is not None:
        price = Q()
        if params.price_min is not None:
            price &= Q(price_vnd__gte=params.price_min)
        if params.price_max is not None:
            price &= Q(price_vnd__lte=params.price_max)
        filters["price"] = price
    return filters


def _base(params: SearchParams) -> QuerySet:
    products = public_products()
    if params.fixed_category:
        products = products.filter(category__slug=params.fixed_category)
    if params.fixed_seller is not None:
        products = products.filter(seller_id=params.fixed_seller)
    if params.in_stock:
        products = products.filter(available=True).filter(
            Q(stock__isnull=True) | Q(stock__gt=0)
        )
    if params.q:
        texts = SearchText.objects.filter(kind=PRODUCTS)
        words = terms(params.q)
        if not words:
            return products.none()
        for word in words:
            texts = texts.filter(text_folded__contains=word)
        products = products.filter(pk__in=texts.values("page_id"))
    return products


def _grouped(qs: QuerySet, field: str) -> dict[str, int]:
    rows = qs.values(field).annotate(n=Count("pk", distinct=True)).order_by()
    return {str(r[field]): r["n"] for r in rows if r[field] is not None}


def _price_counts(qs: QuerySet) -> dict[str, int]:
    price = {}
    for low, high in PRICE_RANGES:
        condition = Q()
        if low is not None:
            condition &= Q(price_vnd__gte=low)
        if high is not None:
            condition &= Q(price_vnd__lt=high)
        price[price_range_key(low, high)] = qs.filter(condition).count()
    return price


def _counts(
    base: QuerySet,
    filters: dict[str, Q],
    today: datetime.date,
    names: tuple[str, ...],
) -> dict:
    """Multi-select facet counts: each facet with every other selected filter."""

    def narrowed(name):
        qs = base
        for other, condition in filters.items():
            if other != name:
                qs = qs.filter(condition)
        return qs

    count = {
        "category": lambda qs: _grouped(qs, "category__slug"),
        "ocop": lambda qs: _grouped(with_ocop_stars(qs, today), "ocop_stars_now"),
        "commune": lambda qs: _grouped(qs, "seller__commune_id"),
        "seller_type": lambda qs: _grouped(qs, "seller__seller_type"),
        "certification": lambda qs: _grouped(qs, "certifications__code"),
        "price": _price_counts,
    }
    return {name: count[name](narrowed(name)) for name in FACET_ORDER if name in names}


def _score(products: QuerySet, params: SearchParams, sort: str):
    """``products`` with the ``score`` of the sort table, or None when unused."""
    if sort == "stars":
        return products, F("ocop_stars_now")
    if sort == "relevance":
        title = SearchText.objects.filter(page_id=OuterRef("pk")).values(
            "title_folded"
        )[:1]
        folded = " ".join(terms(params.q))
        products = products.annotate(title_folded=Subquery(title))
        return products, Case(
            When(title_folded__startswith=folded, then=2),
            When(title_folded__contains=folded, then=1),
            default=0,
            output_field=IntegerField(),
        )
    return products, None


def ordered(products: QuerySet, params: SearchParams) -> QuerySet:
    """``products`` in the order of the sort table, as the engine orders them."""
    sort = params.effective_sort
    products, score = _score(products, params, sort)
    order = []
    for key, descending in SORT_TABLE[sort].keys:
        expression = score if key == "score" else F(SORT_FIELDS[key])
        order.append(
            expression.desc(nulls_last=True)
            if descending
            else expression.asc(nulls_last=True)
        )
    return products.order_by(*order)


def _page_rows(matching: QuerySet, params: SearchParams) -> tuple[int, list[dict]]:
    """The total and the rows of the requested page (or of the last page, when the
    request goes past it). A short first page is its own total: no count query."""
    listing = ordered(with_ocop_stars(matching), params)
    if params.offset == 0:
        rows = card_rows(listing, params.page_size)
        if len(rows) < params.page_size:
            return len(rows), rows
        return matching.count(), rows
    total = matching.count()
    last = max(1, -(-total // params.page_size))
    page = min(params.page, last)
    start = (page - 1) * params.page_size
    return total, list(card_rows(listing[start : start + params.page_size]))


def listing(
    params: SearchParams, today: datetime.date, facets: tuple[str, ...] = FACET_ORDER
):
    """``(total, cards' rows, facet counts, page)`` for ``params`` from the database."""
    base = _base(params)
    filters = _facet_filters(params, today)
    matching = base
    for condition in filters.values():
        matching = matching.filter(condition)
    total, rows = _page_rows(matching, params)
    last = max(1, -(-total // params.page_size))
    counts = _counts(base, filters, today, facets) if facets else {}
    return total, rows, counts, min(params.page, last)


def suggest(q: str, size: int = 8) -> list[dict]:
    words = terms(q)
    if not words:
        return []
    texts = SearchText.objects.filter(title_folded__startswith=words[0])
    for word in words[1:]:
        texts = texts.filter(title_folded__contains=word)
    rows = list(texts.values_list("page_id", "kind")[:size])
    products = {pk for pk, kind in rows if kind == PRODUCTS}
    sellers = {pk for pk, kind in rows if kind == SELLERS}
    docs = {**dict(iter_documents(PRODUCTS, products))}
    docs.update(dict(iter_documents(SELLERS, sellers)))
    return [
        {
            "text": docs[pk]["title"],
            "url": docs[pk]["url"],
            "type": "product" if kind == PRODUCTS else "seller",
        }
        for pk, kind in rows
        if pk in docs
    ]
