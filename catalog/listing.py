"""OCOP stars in product querysets: one definition of "rated N stars".

A product is rated N stars when its best valid (verified, unexpired) certificate
has exactly N stars (``STAR_LEVELS``). The search engine applies the same rule to
its documents (``search.queries.stars_now``); the listings themselves are built by
``search.services.list_products``.
"""

import datetime
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from catalog.models import OcopCertificate, RuralIndustrialAward
from catalog.models.certificates import STAR_LEVELS

__all__ = [
    "STAR_LEVELS",
    "awarded",
    "ocop_rated",
    "rated",
    "recognised",
    "valid_certificates",
    "with_ocop_stars",
]


def valid_certificates(today: datetime.date | None = None) -> QuerySet:
    return OcopCertificate.objects.valid(today or timezone.localdate())


def with_ocop_stars(products: QuerySet, today: datetime.date | None = None) -> QuerySet:
    """Annotate ``ocop_stars_now``: stars of the best valid certificate, or None."""
    best = (
        valid_certificates(today)
        .filter(product=OuterRef("pk"))
        .order_by("-stars")
        .values("stars")[:1]
    )
    return products.annotate(ocop_stars_now=Subquery(best))


def rated(stars: Iterable[int], today: datetime.date | None = None) -> Q:
    """Products rated exactly one of ``stars`` today (none: an empty match)."""
    condition = Q(pk__in=[])
    for level in stars:
        exact = valid_certificates(today).filter(product=OuterRef("pk"), stars=level)
        higher = valid_certificates(today).filter(
            product=OuterRef("pk"), stars__gt=level
        )
        condition |= Q(Exists(exact)) & ~Q(Exists(higher))
    return condition


def ocop_rated(today: datetime.date | None = None) -> Q:
    """Products with a valid OCOP certificate today (any number of stars)."""
    return Q(Exists(valid_certificates(today).filter(product=OuterRef("pk"))))


def awarded() -> Q:
    """Products with a verified rural-industrial award (awards do not expire)."""
    return Q(
        Exists(RuralIndustrialAward.objects.verified().filter(product=OuterRef("pk")))
    )


def recognised(today: datetime.date | None = None) -> Q:
    """OCOP-rated or rural-industrial awarded: the share the province reports."""
    return ocop_rated(today) | awarded()
