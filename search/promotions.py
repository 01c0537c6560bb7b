"""Products the department pins to the top for chosen queries.

Uses wagtail.contrib.search_promotions (editors manage them under "Kết quả tìm kiếm
được đề xuất" in the admin). Queries match without diacritics, so a promotion for
"kẹo dừa" also pins for "keo dua". The map is cached and dropped when one changes.
"""

from django.core.cache import cache

from marketplace.helpers.text import fold

CACHE_KEY = "search:promotions"
CACHE_TTL = 600


def _promotion_map() -> dict[str, list[int]]:
    mapping = cache.get(CACHE_KEY)
    if mapping is None:
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from catalog.visibility import public_products

        product_ids = set(public_products().values_list("pk", flat=True))
        mapping = {}
        rows = SearchPromotion.objects.filter(page__isnull=False).order_by(
            "sort_order", "pk"
        )
        for query_string, page_id in rows.values_list("query__query_string", "page_id"):
            if page_id in product_ids:
                mapping.setdefault(fold(query_string), []).append(page_id)
        cache.set(CACHE_KEY, mapping, CACHE_TTL)
    return mapping


def pinned_ids(query: str) -> list[int]:
    return _promotion_map().get(fold(query), [])


def forget() -> None:
    cache.delete(CACHE_KEY)
