"""What the home page shows, computed from the database (never typed in)."""

from django.core.cache import cache
from django.db.models import Count, Q

from catalog.cards import card_batch
from catalog.listing import recognised
from catalog.models import CategoryPage
from catalog.renditions import COLLECTION_SPECS, HERO_SPECS, find_renditions, picture
from catalog.visibility import public_products
from marketplace.models.snippets import Collection, CollectionItem
from sellers.visibility import public_sellers

NEWEST_COUNT = 8
FIGURES_CACHE_KEY = "home:figures"
FIGURES_TTL_SECONDS = 60


def catalogue_figures() -> dict:
    """Public sellers, public products and the share with OCOP or a rural-industry
    award."""
    figures = cache.get(FIGURES_CACHE_KEY)
    if figures is not None:
        return figures
    products = public_products()
    recognised_count = products.filter(recognised()).count()
    product_count = products.count()
    figures = {
        "sellers": public_sellers().count(),
        "products": product_count,
        "recognised_percent": round(100 * recognised_count / product_count)
        if product_count
        else 0,
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


def home_context(page) -> dict:
    categories = (
        CategoryPage.objects.live()
        .child_of(page)
        .select_related("category")
        .annotate(
            product_count=Count(
                "category__products",
                filter=Q(
                    category__products__live=True,
                    category__products__hidden_at__isnull=True,
                    category__products__held_for_screening=False,
                ),
            )
        )
        .order_by("category__sort_order")
    )
    collections, collection_ids = featured_collections()
    newest_ids = list(
        public_products()
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[:NEWEST_COUNT]
    )
    # Every card on the page (collections and newest) in one batch, and every
    # rendition the page shows (cards, hero, collections) in one query.
    batch = card_batch(
        public_products().filter(
            pk__in=newest_ids + [pk for ids in collection_ids.values() for pk in ids]
        )
    )
    found = find_renditions(
        batch.images,
        {page.hero_image_id: HERO_SPECS},
        {collection.image_id: COLLECTION_SPECS for collection in collections},
    )
    cards = {card.pk: card for card in batch.cards(found)}
    for collection in collections:
        collection.cards = [
            cards[pk] for pk in collection_ids.get(collection.pk, []) if pk in cards
        ]
        collection.picture = picture(found, collection.image_id, COLLECTION_SPECS, "")
    return {
        "figures": catalogue_figures(),
        "hero": picture(found, page.hero_image_id, HERO_SPECS, ""),
        "category_pages": categories,
        "collections": collections,
        "newest_products": [cards[pk] for pk in newest_ids if pk in cards],
    }
