"""The site-wide menu (category pages and the seller directory), cached per language.

Every public page shows it, so it is kept out of each page's query budget; publishing
or unpublishing a page forgets it.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language, gettext

from catalog.models import CategoryPage
from sellers.models import SellerIndexPage

NAV_CACHE_PREFIX = "nav:"
NAV_TTL_SECONDS = 300


def _cache_key(language: str) -> str:
    return f"{NAV_CACHE_PREFIX}{language}"


def main_navigation(request) -> list[dict]:
    """Menu entries ``{"title", "url", "kind"}`` for the current language."""
    key = _cache_key(get_language() or settings.LANGUAGE_CODE)
    items = cache.get(key)
    if items is not None:
        return items
    items = [
        {
            "title": page.category.display_name,
            "url": page.get_url(request),
            "kind": "category",
            "slug": page.category.slug,
        }
        for page in CategoryPage.objects.live()
        .select_related("category")
        .order_by("category__sort_order", "path")
    ]
    directory = SellerIndexPage.objects.live().first()
    if directory is not None:
        items.append(
            {
                "title": gettext("Người bán"),
                "url": directory.get_url(request),
                "kind": "sellers",
                "slug": directory.slug,
            }
        )
    cache.set(key, items, NAV_TTL_SECONDS)
    return items


def forget_navigation() -> None:
    cache.delete_many([_cache_key(code) for code, _name in settings.LANGUAGES])
