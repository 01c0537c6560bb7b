"""What the home page shows, computed from the database (never typed in)."""

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from catalog.listing import product_cards, valid_certificates
from catalog.models import CategoryPage, ProductPage, RuralIndustrialAward
from catalog.renditions import (
    CARD_SPECS,
    COLLECTION_SPECS,
    HERO_SPECS,
    cover_images,
    prefetch_renditions,
)
from marketplace.models import Collection, CollectionItem
from sellers.models import SellerPage

NEWEST_COUNT = 8
FIGURES_CACHE_KEY = "home:figures"
FIGURES_TTL_SECONDS = 60


def catalogue_figures() -> dict:
    """Live sellers, live products and the share with OCOP or a rural-industry award."""
    figures = cache.get(FIGURES_CACHE_KEY)
    if figures is not None:
        return figures
    products = ProductPage.objects.live()
    recognised = products.filter(
        Exists(valid_certificates().filter(product=OuterRef("pk")))
        | Exists(RuralIndustrialAward.objects.filter(product=OuterRef("pk")))
    ).count()
    product_count = products.count()
    figures = {
        "sellers": SellerPage.objects.live().count(),
        "products": product_count,
        "recognised_percent": round(100 * recognised / product_count)
        if product_count
        else 0,
    }
    cache.set(FIGURES_CACHE_KEY, figures, FIGURES_TTL_SECONDS)
    return figures


def featured_collections():
    items = CollectionItem.objects.filter(product__live=True).prefetch_related(
        Prefetch("product", queryset=product_cards(ProductPage.objects.all()))
    )
    return (
        Collection.objects.live_now()
        .filter(featured=True)
        .select_related("image")
        .prefetch_related(Prefetch("items", queryset=items.order_by("sort_order")))
    )


def home_context(page) -> dict:
    categories = (
        CategoryPage.objects.live()
        .child_of(page)
        .select_related("category")
        .annotate(
            product_count=Count(
                "category__products", filter=Q(category__products__live=True)
            )
        )
        .order_by("category__sort_order")
    )
    newest = list(
        product_cards(ProductPage.objects.live().order_by("-first_published_at"))[
            :NEWEST_COUNT
        ]
    )
    collections = list(featured_collections())
    collection_products = [
        item.product for collection in collections for item in collection.items.all()
    ]
    # Every picture on the page gets its renditions from one query.
    prefetch_renditions(
        [page.hero_image]
        + [collection.image for collection in collections]
        + cover_images(collection_products + newest),
        HERO_SPECS + COLLECTION_SPECS + CARD_SPECS,
    )
    return {
        "figures": catalogue_figures(),
        "category_pages": categories,
        "collections": collections,
        "newest_products": newest,
    }
