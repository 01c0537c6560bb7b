"""Pure query builders: SearchParams in, elasticsearch-dsl ``Search`` out.

Nothing here talks to the engine, so every builder is unit-tested through
``to_dict()``. Facets follow the multi-select pattern: the facet filters go to
``post_filter`` and each facet's aggregation applies every other facet's filter,
so counts always match what ticking one more value would show.
"""

import datetime
from functools import lru_cache

from elasticsearch.dsl import A, Q, Search

from catalog.models.certificates import STAR_LEVELS
from marketplace.helpers.text import fold
from search.params import SORT_TABLE, SearchParams

# Price facet buckets (VND); the key is what the page puts into price_min/price_max.
PRICE_RANGES = (
    (None, 50_000),
    (50_000, 100_000),
    (100_000, 200_000),
    (200_000, 500_000),
    (500_000, None),
)

EXACT_FIELDS = [
    "title^4",
    "seller_name^2",
    "summary^1.5",
    "tags^1.5",
    "description^0.5",
]
FOLDED_FIELDS = [
    "title.folded^3",
    "seller_name.folded^2",
    "summary.folded^1.5",
    "tags.folded^1.5",
    "category_name.folded",
    "commune_name.folded",
    "former_district",
    "description.folded^0.5",
    "ingredients^0.5",
]
# Typos are forgiven on short fields only: fuzzy expansion over long descriptions
# costs more than it finds.
FUZZY_FIELDS = [
    "title.folded^3",
    "seller_name.folded^2",
    "tags.folded",
    "summary.folded",
]
# The sort table's keys as indexed fields; ``unmapped_type`` keeps an index built
# before ``page_id`` existed answering until it is rebuilt.
SORT_FIELDS = {
    "score": "_score",
    "published": "published_at",
    "price": "price_vnd",
    "id": "page_id",
}


def sort_clauses(sort: str) -> list:
    clauses: list = []
    for key, descending in SORT_TABLE[sort].keys:
        name = SORT_FIELDS[key]
        order = "desc" if descending else "asc"
        if name == "page_id":
            clauses.append({name: {"order": order, "unmapped_type": "long"}})
        else:
            clauses.append({name: order})
    return clauses


def price_range_key(low: int | None, high: int | None) -> str:
    return f"{low or ''}-{high or ''}"


def text_query(q: str) -> Q:
    """Match folded text (typos, prefixes, glued words); exact diacritics rank first."""
    folded_q = fold(q)
    required = Q(
        "bool",
        should=[
            # Diacritic-keeping fields; their search analyzer adds the synonyms.
            Q("multi_match", query=q, type="best_fields", fields=EXACT_FIELDS, boost=2),
            Q(
                "multi_match",
                query=q,
                type="cross_fields",
                fields=FOLDED_FIELDS,
                operator="and",
                boost=2,
            ),
            Q(
                "multi_match",
                query=q,
                type="best_fields",
                fields=FUZZY_FIELDS,
                fuzziness="AUTO",
                prefix_length=1,
                max_expansions=10,
                minimum_should_match="2<75%",
            ),
            Q(
                "match",
                **{
                    "title.glued": {
                        "query": folded_q,
                        "operator": "and",
                        "boost": 1.5,
                    }
                },
            ),
            Q(
                "match",
                **{"seller_name.glued": {"query": folded_q, "operator": "and"}},
            ),
            Q(
                "match",
                **{
                    "title.prefix": {"query": folded_q, "operator": "and", "boost": 0.5}
                },
            ),
        ],
        minimum_should_match=1,
    )
    boosts = [
        Q(
            "multi_match",
            query=q,
            type="phrase",
            fields=["title.folded^2", "seller_name.folded", "summary.folded"],
            slop=1,
            boost=2,
        ),
        Q("match", **{"title.shingle": {"query": q, "boost": 1}}),
        # Every word in the title, allowing typos: "keo dau" prefers "Kẹo dừa" (one
        # edit in its title) to a tea whose title has "đậu" and whose seller makes
        # "kẹo". Fuzzy terms score less the more edits they need, so the title with
        # the fewest edits comes first.
        Q(
            "match",
            **{
                "title.folded": {
                    "query": folded_q,
                    "operator": "and",
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "max_expansions": 10,
                    "boost": 3,
                }
            },
        ),
    ]
    return Q("bool", must=[required], should=boosts)


# The date-dependent pieces are the same for every query of the day: built once
# (DSL objects are not changed once built, so sharing them is safe).
@lru_cache(maxsize=16)
def stars_now(stars: int, today: datetime.date) -> Q:
    """Exactly ``stars`` stars today: a valid certificate at that level, none higher."""
    higher = [
        Q("range", **{f"ocop{level}_until": {"gte": today.isoformat()}})
        for level in STAR_LEVELS
        if level > stars
    ]
    return Q(
        "bool",
        filter=[Q("range", **{f"ocop{stars}_until": {"gte": today.isoformat()}})],
        must_not=higher,
    )


@lru_cache(maxsize=16)
def any_ocop_now(today: datetime.date, minimum: int = 3) -> Q:
    return Q(
        "bool",
        should=[
            Q("range", **{f"ocop{level}_until": {"gte": today.isoformat()}})
            for level in STAR_LEVELS
            if level >= minimum
        ],
        minimum_should_match=1,
    )


def facet_filters(params: SearchParams, today: datetime.date) -> dict[str, Q]:
    """One filter per facet the shopper selected values in (OR within a facet)."""
    filters: dict[str, Q] = {}
    if params.categories:
        filters["category"] = Q("terms", category=list(params.categories))
    if params.stars:
        filters["ocop"] = Q(
            "bool",
            should=[stars_now(s, today) for s in params.stars],
            minimum_should_match=1,
        )
    if params.communes:
        filters["commune"] = Q("terms", commune=list(params.communes))
    if params.seller_types:
        filters["seller_type"] = Q("terms", seller_type=list(params.seller_types))
    if params.certifications:
        filters["certification"] = Q(
            "terms", certifications=list(params.certifications)
        )
    if params.price_min is not None or params.price_max is not None:
        bounds = {}
        if params.price_min is not None:
            bounds["gte"] = params.price_min
        if params.price_max is not None:
            bounds["lte"] = params.price_max
        filters["price"] = Q("range", price_vnd=bounds)
    return filters


def _all_of(filters: list[Q]) -> Q:
    return Q("bool", filter=filters) if filters else Q("match_all")


def facet_aggregations(
    filters: dict[str, Q],
    today: datetime.date,
    names: tuple[str, ...] | None = None,
) -> dict[str, A]:
    """Each facet (of ``names``, default all) counts with every selected filter
    except its own."""
    inner = {
        "category": A("terms", field="category", size=50),
        "ocop": A(
            "filters",
            filters={str(s): stars_now(s, today) for s in STAR_LEVELS},
        ),
        "commune": A("terms", field="commune", size=200),
        "seller_type": A("terms", field="seller_type", size=10),
        "certification": A("terms", field="certifications", size=30),
        "price": A(
            "range",
            field="price_vnd",
            keyed=True,
            ranges=[
                {
                    "key": price_range_key(low, high),
                    **({"from": low} if low is not None else {}),
                    **({"to": high} if high is not None else {}),
                }
                for low, high in PRICE_RANGES
            ],
        ),
    }
    aggs = {}
    for name, agg in inner.items():
        if names is not None and name not in names:
            continue
        others = [f for other, f in filters.items() if other != name]
        wrapper = A("filter", filter=_all_of(others))
        wrapper.bucket("values", agg)
        aggs[name] = wrapper
    return aggs


def ranking_functions(today: datetime.date) -> list[dict]:
    """Gentle multiplicative boosts (at most ~1.4x) that never beat relevance."""
    return list(_ranking_functions(today))


@lru_cache(maxsize=4)
def _ranking_functions(today: datetime.date) -> tuple[dict, ...]:
    return (
        {"filter": any_ocop_now(today, 3).to_dict(), "weight": 1.1},
        {"filter": any_ocop_now(today, 4).to_dict(), "weight": 1.05},
        {"filter": any_ocop_now(today, 5).to_dict(), "weight": 1.05},
        {"filter": Q("term", in_stock=True).to_dict(), "weight": 1.1},
        {"filter": Q("term", seller_verified=True).to_dict(), "weight": 1.05},
    )


def product_search(
    params: SearchParams,
    index: str,
    today: datetime.date,
    pinned_ids: list[int] | tuple[int, ...] = (),
    facets: tuple[str, ...] | None = None,
) -> Search:
    """The results search: text, filters, facets (``names``, default all), ranking,
    sort, page, highlight. Hits carry ids and highlights only: cards are read from
    the database (``catalog.cards``)."""
    s = Search(index=index)
    base_filters = []
    if params.fixed_category:
        base_filters.append(Q("term", category=params.fixed_category))
    if params.fixed_seller is not None:
        base_filters.append(Q("term", seller_id=params.fixed_seller))
    if params.in_stock:
        base_filters.append(Q("term", in_stock=True))

    if params.q:
        matched = text_query(params.q)
        if pinned_ids and params.sort == "relevance":
            pinned = Q(
                "constant_score",
                filter=Q("ids", values=[str(i) for i in pinned_ids]),
                boost=1000,
            )
            matched = Q("bool", should=[matched, pinned], minimum_should_match=1)
    else:
        matched = Q("match_all")
    query = Q("bool", must=[matched], filter=base_filters)

    if params.sort == "stars":
        # The score is the star level alone (1 without stars), so equal ratings
        # fall to the table's next keys, as in the database.
        functions = [
            {"filter": stars_now(level, today).to_dict(), "weight": level}
            for level in STAR_LEVELS
        ]
        query = Q(
            "function_score",
            query=query,
            functions=functions,
            score_mode="max",
            boost_mode="replace",
        )
    elif params.q and params.sort == "relevance":
        query = Q(
            "function_score",
            query=query,
            functions=ranking_functions(today),
            score_mode="multiply",
            boost_mode="multiply",
        )
    s = s.query(query)

    filters = facet_filters(params, today)
    if filters:
        s = s.post_filter(_all_of(list(filters.values())))
    for name, agg in facet_aggregations(filters, today, facets).items():
        s.aggs.bucket(name, agg)

    s = s.sort(*sort_clauses(params.effective_sort))
    s = s.source(False)
    s = s.extra(from_=params.offset, size=params.page_size, track_total_hits=True)
    if params.q:
        s = s.highlight_options(
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            encoder="html",
            number_of_fragments=1,
            fragment_size=140,
            no_match_size=0,
        ).highlight("title.folded", "summary.folded")
    return s


def did_you_mean(q: str, index: str, field: str = "suggest") -> Search:
    """A phrase suggestion on folded text, kept only if it would find something."""
    folded_q = fold(q)
    s = Search(index=index).extra(size=0)
    return s.suggest(
        "did_you_mean",
        folded_q,
        phrase={
            "field": field,
            "size": 1,
            "gram_size": 2,
            "max_errors": 2,
            "confidence": 0.5,
            "direct_generator": [
                {
                    "field": field,
                    "suggest_mode": "always",
                    "prefix_length": 1,
                    "min_word_length": 2,
                }
            ],
            "collate": {
                "query": {
                    "source": {
                        "match": {
                            "title.folded": {
                                "query": "{{suggestion}}",
                                "operator": "and",
                            }
                        }
                    }
                },
                "prune": False,
            },
        },
    )


def autocomplete(q: str, indexes: str, size: int = 8) -> Search:
    """Products and sellers whose title starts like the typed text (typos allowed)."""
    folded_q = fold(q)
    query = Q(
        "bool",
        should=[
            Q("match", **{"title.prefix": {"query": folded_q, "operator": "and"}}),
            Q(
                "match",
                **{
                    "title.folded": {
                        "query": folded_q,
                        "operator": "and",
                        "fuzziness": "AUTO",
                        "prefix_length": 1,
                    }
                },
            ),
            Q("match", **{"title.glued": {"query": folded_q, "operator": "and"}}),
            Q("match", **{"title": {"query": q, "boost": 2}}),
        ],
        minimum_should_match=1,
    )
    return Search(index=indexes).query(query).source(["title", "url"]).extra(size=size)
