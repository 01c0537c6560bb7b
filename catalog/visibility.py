"""The one definition of a publicly visible product, used by the index, the
database fallback, the home page, seller pages, the sitemap, the APIs, the cart,
the checkout and the product page itself.

A product is public when it is live, under no view restriction (password, login,
groups, on itself or its seller or any ancestor), not hidden by a takedown, not
held by the keyword screening, and its seller is not suspended.
"""

from django.db.models import Q, QuerySet

from catalog.models import ProductPage
from marketplace.page_mixins import without_view_restrictions

# The moderation part of the rule, as a filter on product rows (no extra query).
MODERATION_CLEAR = Q(
    hidden_at__isnull=True,
    held_for_screening=False,
    seller__suspended_at__isnull=True,
)


def public_products(queryset: QuerySet | None = None) -> QuerySet:
    """``queryset`` (all products by default) narrowed to the public ones."""
    queryset = ProductPage.objects.all() if queryset is None else queryset
    return without_view_restrictions(queryset.live()).filter(MODERATION_CLEAR)


def hidden_product_ids() -> QuerySet:
    """Live products moderation keeps off the public site (for the sitemap)."""
    return ProductPage.objects.live().exclude(MODERATION_CLEAR).values("pk")
