"""Answering searches from the database when the engine is down, slow or failing.

Same parameters, filters and facets as the engine: a folded-text match on the
``SearchText`` copy (every folded word must appear), ordered with title matches first.
Slower and without typo tolerance, but the shopper still gets answers.
"""

import datetime
import re

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    When,
)

from catalog.listing import with_ocop_stars
from catalog.models import OcopCertificate, ProductPage
from search.documents import PRODUCTS, SELLERS
from search.indexing import iter_documents
from search.models import SearchText
from search.params import SearchParams
from search.queries import PRICE_RANGES, price_range_key
from search.results import SearchResults, card, label_facets
from search.text import fold

MAX_TERMS = 10


def terms(q: str) -> list[str]:
    return re.findall(r"\w+", fold(q))[:MAX_TERMS]


def _valid(today: datetime.date):
    return OcopCertificate.objects.valid(today)


def _stars_now(stars: int, today: datetime.date) -> Q:
    higher = _valid(today).filter(product=OuterRef("pk"), stars__gt=stars)
    exact = _valid(today).filter(product=OuterRef("pk"), stars=stars)
    return Q(Exists(exact)) & ~Q(Exists(higher))


def _facet_filters(params: SearchParams, today: datetime.date) -> dict[str, Q]:
    filters: dict[str, Q] = {}
    if params.categories:
        filters["category"] = Q(category__slug__in=params.categories)
    if params.stars:
        combined = Q()
        for stars in params.stars:
            combined |= _stars_now(stars, today)
        filters["ocop"] = combined
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


def _base(params: SearchParams):
    products = ProductPage.objects.live()
    if params.fixed_category:
        products = products.filter(category__slug=params.fixed_category)
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


def _counts(base, filters: dict[str, Q], today: datetime.date) -> dict:
    def narrowed(name):
        qs = base
        for other, condition in filters.items():
            if other != name:
                qs = qs.filter(condition)
        return qs

    def grouped(qs, field):
        rows = qs.values(field).annotate(n=Count("pk", distinct=True)).order_by()
        return {str(r[field]): r["n"] for r in rows if r[field] is not None}

    stars = grouped(with_ocop_stars(narrowed("ocop")), "ocop_stars_now")
    price_qs = narrowed("price")
    price = {}
    for low, high in PRICE_RANGES:
        condition = Q()
        if low is not None:
            condition &= Q(price_vnd__gte=low)
        if high is not None:
            condition &= Q(price_vnd__lt=high)
        price[price_range_key(low, high)] = price_qs.filter(condition).count()
    return {
        "category": grouped(narrowed("category"), "category__slug"),
        "ocop": stars,
        "commune": grouped(narrowed("commune"), "seller__commune_id"),
        "seller_type": grouped(narrowed("seller_type"), "seller__seller_type"),
        "certification": grouped(narrowed("certification"), "certifications__code"),
        "price": price,
    }


def _ordered(products, params: SearchParams):
    if params.sort == "price_asc":
        return products.order_by("price_vnd", "pk")
    if params.sort == "price_desc":
        return products.order_by("-price_vnd", "pk")
    if params.sort == "stars":
        return with_ocop_stars(products).order_by(
            F("ocop_stars_now").desc(nulls_last=True), "-first_published_at", "pk"
        )
    if params.sort == "relevance" and params.q:
        title = SearchText.objects.filter(page_id=OuterRef("pk")).values(
            "title_folded"
        )[:1]
        folded = " ".join(terms(params.q))
        return products.annotate(title_folded=Subquery(title)).order_by(
            Case(
                When(title_folded__startswith=folded, then=0),
                When(title_folded__contains=folded, then=1),
                default=2,
                output_field=IntegerField(),
            ),
            "-first_published_at",
            "pk",
        )
    return products.order_by("-first_published_at", "pk")


def search(params: SearchParams, today: datetime.date) -> SearchResults:
    base = _base(params)
    filters = _facet_filters(params, today)
    matching = base
    for condition in filters.values():
        matching = matching.filter(condition)
    total = matching.count()
    ids = list(
        _ordered(matching, params).values_list("pk", flat=True)[
            params.offset : params.offset + params.page_size
        ]
    )
    docs = dict(iter_documents(PRODUCTS, ids))
    results = [card(docs[pk], today) for pk in ids if pk in docs]
    facets = label_facets(_counts(base, filters, today), params)
    return SearchResults(params, total, results, facets, degraded=True)


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
