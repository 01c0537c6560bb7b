"""The site-wide menu (category pages and the seller directory), cached per language.

Every public page shows it, so it is kept out of each page's query budget; publishing
or unpublishing a page forgets it. The breadcrumbs name the site's sections (the
pages right under the home page) as the menu does, from the same entries.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language, gettext

from catalog.models import CategoryPage
from sellers.models import SellerIndexPage

# v2: entries carry the page's tree path.
NAV_CACHE_PREFIX = "nav:v2:"
NAV_TTL_SECONDS = 300


def _cache_key(language: str) -> str:
    return f"{NAV_CACHE_PREFIX}{language}"


def main_navigation(request) -> list[dict]:
    """Menu entries ``{"title", "url", "kind", "slug", "path"}`` for the current
    language, read from the cache once per request."""
    key = _cache_key(get_language() or settings.LANGUAGE_CODE)
    remembered = getattr(request, "_main_navigation", None)
    if remembered is not None and remembered[0] == key:
        return remembered[1]
    items = cache.get(key)
    if items is None:
        items = _menu_entries(request)
        cache.set(key, items, NAV_TTL_SECONDS)
    if request is not None:
        request._main_navigation = (key, items)
    return items


def _menu_entries(request) -> list[dict]:
    items = [
        {
            "title": page.category.display_name,
            "url": page.get_url(request),
            "kind": "category",
            "slug": page.category.slug,
            "path": page.path,
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
                "path": directory.path,
            }
        )
    return items


def forget_navigation() -> None:
    cache.delete_many([_cache_key(code) for code, _name in settings.LANGUAGES])
