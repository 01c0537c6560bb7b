"""Names the listings need on every request, read once and cached.

Facet labels (categories, communes, certifications) and the place table of the search
intent (``search.intent.place_table``) come from the same three queries, cached
together, so a search costs no query for them while the cache is warm.
"""

from django.core.cache import cache

from catalog.models import Category, Certification
from search.intent import Place, place_table
from sellers.models import AdminUnit

LABELS_CACHE_KEY = "search:reference-labels:v2"
LABELS_TTL = 300


def reference_labels() -> dict:
    """``{"category"|"commune"|"certification": {key: label}, "places": [...]}``."""
    labels = cache.get(LABELS_CACHE_KEY)
    if labels is None:
        units = list(
            AdminUnit.objects.values_list(
                "code", "name", "full_name", "former_district_hint"
            )
        )
        labels = {
            "category": dict(Category.objects.values_list("slug", "name")),
            # Full names ("Phường Phú Khương"): a bare name may be a xã or a phường.
            "commune": {code: full for code, _name, full, _hint in units},
            "certification": dict(Certification.objects.values_list("code", "name")),
            "places": place_table(units),
        }
        cache.set(LABELS_CACHE_KEY, labels, LABELS_TTL)
    return labels


def places() -> list[Place]:
    return reference_labels()["places"]


def forget_labels() -> None:
    cache.delete(LABELS_CACHE_KEY)
