"""Which seller pages the public sees: live, under no view restriction, and not
suspended by the department."""

from django.db.models import QuerySet

from marketplace.page_mixins import without_view_restrictions
from sellers.models import SellerPage


def public_sellers(queryset: QuerySet | None = None) -> QuerySet:
    queryset = SellerPage.objects.all() if queryset is None else queryset
    return without_view_restrictions(queryset.live()).filter(suspended_at__isnull=True)


def suspended_seller_ids() -> QuerySet:
    return SellerPage.objects.filter(suspended_at__isnull=False).values("pk")
