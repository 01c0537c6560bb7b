"""What the home page shows, computed from the database (never typed in)."""

from django.core.cache import cache
from django.db.models import Count

from catalog.cards import card_rows, remembered_cards
from catalog.listing import recognised
from catalog.renditions import COLLECTION_SPECS, HERO_SPECS, picture
from catalog.visibility import public_products
from marketplace.models.snippets import Collection, CollectionItem
from marketplace.navigation import main_navigation
from sellers.visibility import public_sellers

NEWEST_COUNT = 8
FIGURES_CACHE_KEY = "home:figures:v2"
FIGURES_TTL_SECONDS = 60


def catalogue_figures() -> dict:
    """Public sellers, public products (in all and by category's slug) and the
    share with OCOP or a rural-industry award."""
    figures = cache.get(FIGURES_CACHE_KEY)
    if figures is not None:
        return figures
    products = public_products()
    recognised_count = products.filter(recognised()).count()
    product_count = products.count()
    by_category = (
        products.order_by()
        .values("category__slug")
        .annotate(count=Count("pk"))
        .values_list("category__slug", "count")
    )
    figures = {
        "sellers": public_sellers().count(),
        "products": product_count,
        "recognised_percent": round(100 * recognised_count / product_count)
        if product_count
        else 0,
        "by_category": dict(by_category),
    }
    cache.set(FIGURES_CACHE_KEY, figures, FIGURES_TTL_SECONDS)
    return figures


def featured_collections() -> tuple[list[Collection], dict[int, list[int]]]:
    """Featured collections live now, and the public product ids of each, in
    order (the cards' query leaves out any product that is not public)."""
    collections = list(Collection.objects.live_now().filter(featured=True))
    items = (
        CollectionItem.objects.filter(collection__in=collections, product__live=True)
        .order_by("collection_id", "sort_order", "pk")
        .values_list("collection_id", "product_id")
    )
    product_ids: dict[int, list[int]] = {}
    for collection_id, product_id in items:
        product_ids.setdefault(collection_id, []).append(product_id)
    return collections, product_ids


def category_tiles(request, figures: dict) -> list[dict]:
    """The menu's categories with their public products' count: no query."""
    counts = figures["by_category"]
    return [
        {**item, "count": counts.get(item["slug"], 0)}
        for item in main_navigation(request)
        if item["kind"] == "category"
    ]


def home_context(page, request) -> dict:
    collections, collection_ids = featured_collections()
    newest_ids = list(
        public_products()
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:NEWEST_COUNT]
    )
    # Every card on the page (collections and newest) read at once, and every
    # rendition the page shows (cards, hero, collections) with them.
    shown = newest_ids + [pk for ids in collection_ids.values() for pk in ids]
    all_cards, found = remembered_cards(
        card_rows(public_products().filter(pk__in=shown)),
        [
            {page.hero_image_id: HERO_SPECS},
            {collection.image_id: COLLECTION_SPECS for collection in collections},
        ],
    )
    cards = {card.pk: card for card in all_cards}
    for collection in collections:
        collection.cards = [
            cards[pk] for pk in collection_ids.get(collection.pk, []) if pk in cards
        ]
        collection.picture = picture(found, collection.image_id, COLLECTION_SPECS, "")
    figures = catalogue_figures()
    return {
        "figures": figures,
        "hero": picture(found, page.hero_image_id, HERO_SPECS, ""),
        "category_tiles": category_tiles(request, figures),
        "collections": collections,
        "newest_products": [cards[pk] for pk in newest_ids if pk in cards],
    }
