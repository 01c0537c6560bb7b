"""The programme's figures, counted in the database (never typed in).

Products are the live product pages and sellers the live seller pages, as on the
home page. "Rated N stars" is the listing pipeline's definition
(``catalog.listing.with_ocop_stars``: the best valid certificate has exactly N
stars) and "recognised" is ``catalog.listing.recognised`` (a valid OCOP certificate
or a verified rural-industrial award), the share the home page shows too.

The catalogue's counts are kept in the cache for ``FIGURES_TTL_SECONDS`` and
forgotten when a page is published or unpublished, or a certificate, an award or a
category changes (``signal_handlers``); searches and applications are counted on
every view.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalog.listing import (
    STAR_LEVELS,
    awarded,
    ocop_rated,
    recognised,
    valid_certificates,
    with_ocop_stars,
)
from catalog.models import (
    Category,
    OcopCertificate,
    OcopGroup,
    ProductImage,
    ProductPage,
)
from marketplace.formatting import format_date
from search import query_report
from sellers.models import AdminUnit, SellerApplication, SellerPage, SellerType

FIGURES_CACHE_KEY = "programme:figures"
FIGURES_TTL_SECONDS = 300
EXPIRY_DAYS = 90
APPLICATION_DAYS = 30
SEARCH_DAYS = 30
EMPTY_DESCRIPTIONS = ("", "<p></p>")


@dataclass(frozen=True)
class CountRow:
    """One group of a breakdown: its name, its sellers and its live products."""

    key: str
    label: str
    sellers: int
    products: int


@dataclass(frozen=True)
class ShareRow:
    key: str
    label: str
    products: int
    total: int

    @property
    def percent(self) -> str:
        share = 100 * self.products / self.total if self.total else 0
        return f"{share:.1f}".replace(".", ",") + " %"


@dataclass(frozen=True)
class MissingRow:
    """A live product lacking a picture, a price or a description."""

    pk: int
    title: str
    seller: str
    no_image: bool
    no_price: bool
    no_description: bool

    @property
    def missing(self) -> str:
        parts = (
            (self.no_image, _("ảnh")),
            (self.no_price, _("giá")),
            (self.no_description, _("mô tả")),
        )
        return ", ".join(str(label) for flag, label in parts if flag)


@dataclass(frozen=True)
class ExpiringRow:
    """A valid certificate whose badge lapses within ``EXPIRY_DAYS``."""

    pk: int
    product_id: int
    product: str
    seller: str
    stars: int
    decision_number: str
    expires_on: datetime.date
    days_left: int

    @property
    def expires_on_text(self) -> str:
        return format_date(self.expires_on)

    @property
    def days_ago(self) -> int:
        return -self.days_left


@dataclass(frozen=True)
class StatusRow:
    key: str
    label: str
    applications: int


@dataclass(frozen=True)
class QueryRow:
    query: str
    searches: int
    average_results: str
    last_seen: str


def live_products() -> QuerySet:
    return ProductPage.objects.live()


def _count_rows(grouped: Iterable[dict], key: str, labels: dict) -> list[CountRow]:
    """One row per label (zero when absent), in the labels' order."""
    found = {row[key]: row for row in grouped}
    return [
        CountRow(
            key="" if value is None else str(value),
            label=str(label),
            sellers=found.get(value, {}).get("sellers", 0),
            products=found.get(value, {}).get("products", 0),
        )
        for value, label in labels.items()
    ]


def _per(products: QuerySet, key: str) -> QuerySet:
    # order_by(): pages are ordered by tree path, which would split the groups.
    return (
        products.order_by()
        .values(key)
        .annotate(products=Count("pk"), sellers=Count("seller", distinct=True))
    )


def by_category() -> list[CountRow]:
    categories = Category.objects.order_by("sort_order", "name")
    labels = {c.pk: c.name for c in categories}
    return _count_rows(_per(live_products(), "category_id"), "category_id", labels)


def by_stars(today: datetime.date) -> list[CountRow]:
    labels = {level: f"{level}★" for level in reversed(STAR_LEVELS)}
    labels[None] = _("Chưa có sao OCOP")
    rated = with_ocop_stars(live_products(), today)
    return _count_rows(_per(rated, "ocop_stars_now"), "ocop_stars_now", labels)


def by_ocop_group() -> list[CountRow]:
    labels = dict(OcopGroup.choices)
    labels[None] = _("Chưa xếp nhóm")
    return _count_rows(_per(live_products(), "ocop_group"), "ocop_group", labels)


def _by_seller_field(field: str) -> list[dict]:
    """Live sellers per value of ``field`` with their live products."""
    return list(
        SellerPage.objects.live()
        .order_by()
        .values(field)
        .annotate(
            sellers=Count("pk", distinct=True),
            products=Count("products", filter=Q(products__live=True), distinct=True),
        )
    )


def by_commune() -> list[CountRow]:
    """Communes with at least one live seller, the busiest first."""
    grouped = _by_seller_field("commune_id")
    codes = [row["commune_id"] for row in grouped if row["commune_id"]]
    labels = dict(
        AdminUnit.objects.filter(code__in=codes).values_list("code", "full_name")
    )
    labels[None] = _("Chưa rõ xã/phường")
    rows = [row for row in _count_rows(grouped, "commune_id", labels) if row.sellers]
    return sorted(rows, key=lambda row: (-row.sellers, -row.products, row.label))


def by_seller_type() -> list[CountRow]:
    labels = dict(SellerType.choices)
    return _count_rows(_by_seller_field("seller_type"), "seller_type", labels)


def recognised_share(today: datetime.date) -> list[ShareRow]:
    """The province's figure: live products OCOP-rated or awarded, of all live."""
    counts = live_products().aggregate(
        total=Count("pk"),
        ocop=Count("pk", filter=ocop_rated(today)),
        awarded=Count("pk", filter=awarded()),
        recognised=Count("pk", filter=recognised(today)),
    )
    total = counts["total"]
    return [
        ShareRow(
            "recognised", _("OCOP hoặc CNNT tiêu biểu"), counts["recognised"], total
        ),
        ShareRow("ocop", _("Có sao OCOP còn hiệu lực"), counts["ocop"], total),
        ShareRow("awarded", _("Sản phẩm CNNT tiêu biểu"), counts["awarded"], total),
    ]


def missing_information() -> list[MissingRow]:
    images = ProductImage.objects.filter(page=OuterRef("pk"))
    rows = (
        live_products()
        .annotate(has_image=Exists(images))
        .filter(
            Q(has_image=False) | Q(price_vnd=0) | Q(description__in=EMPTY_DESCRIPTIONS)
        )
        .order_by("seller__title", "title", "pk")
        .values("pk", "title", "seller__title", "has_image", "price_vnd", "description")
    )
    return [
        MissingRow(
            pk=row["pk"],
            title=row["title"],
            seller=row["seller__title"] or "",
            no_image=not row["has_image"],
            no_price=not row["price_vnd"],
            no_description=row["description"] in EMPTY_DESCRIPTIONS,
        )
        for row in rows
    ]


def expiring_certificates(today: datetime.date) -> list[ExpiringRow]:
    """Valid certificates of live products expiring within ``EXPIRY_DAYS``."""
    until = today + datetime.timedelta(days=EXPIRY_DAYS)
    rows = (
        valid_certificates(today)
        .filter(expires_on__lte=until, product__live=True)
        .order_by("expires_on", "pk")
        .values(*EXPIRY_VALUES)
    )
    return [_expiry_row(row, today) for row in rows]


EXPIRY_VALUES = (
    "pk",
    "product_id",
    "product__title",
    "product__seller__title",
    "stars",
    "decision_number",
    "expires_on",
)


def _expiry_row(row: dict, today: datetime.date) -> ExpiringRow:
    return ExpiringRow(
        pk=row["pk"],
        product_id=row["product_id"],
        product=row["product__title"],
        seller=row["product__seller__title"] or "",
        stars=row["stars"],
        decision_number=row["decision_number"],
        expires_on=row["expires_on"],
        days_left=(row["expires_on"] - today).days,
    )


def lapsed_certificates(today: datetime.date) -> list[ExpiringRow]:
    """Verified certificates that lapsed within the last ``EXPIRY_DAYS`` and left
    their live product without a badge (no other valid certificate)."""
    since = today - datetime.timedelta(days=EXPIRY_DAYS)
    still_rated = valid_certificates(today).values("product_id")
    rows = (
        OcopCertificate.objects.verified()
        .filter(expires_on__lt=today, expires_on__gte=since, product__live=True)
        .exclude(product_id__in=still_rated)
        .order_by("-expires_on", "pk")
        .values(*EXPIRY_VALUES)
    )
    return [_expiry_row(row, today) for row in rows]


def catalogue_figures() -> dict:
    """The catalogue's breakdowns, from the cache when it has them."""
    # Per language: the rows carry their translated labels.
    key = f"{FIGURES_CACHE_KEY}:{get_language()}"
    figures = cache.get(key)
    if figures is not None and figures["day"] == timezone.localdate():
        return figures
    today = timezone.localdate()
    figures = {
        "day": today,
        "category": by_category(),
        "stars": by_stars(today),
        "ocop_group": by_ocop_group(),
        "commune": by_commune(),
        "seller_type": by_seller_type(),
        "share": recognised_share(today),
        "missing": missing_information(),
        "expiring": expiring_certificates(today),
        "lapsed": lapsed_certificates(today),
    }
    cache.set(key, figures, FIGURES_TTL_SECONDS)
    return figures


def forget_figures(*args, **kwargs) -> None:
    cache.delete_many(
        [f"{FIGURES_CACHE_KEY}:{code}" for code, _name in settings.LANGUAGES]
    )


def applications(limit: int | None = None) -> list[StatusRow]:
    """Seller applications submitted in the last ``APPLICATION_DAYS``, by status."""
    since = timezone.now() - datetime.timedelta(days=APPLICATION_DAYS)
    counts = dict(
        SellerApplication.objects.filter(submitted_at__gte=since)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [
        StatusRow(status, str(label), counts.get(status, 0))
        for status, label in SellerApplication.Status.choices
    ][:limit]


def _query_rows(grouped: Iterable[dict]) -> list[QueryRow]:
    return [
        QueryRow(
            query=row["example"],
            searches=row["searches"],
            average_results=(
                f"{row['avg_results']:.0f}"
                if row.get("avg_results") is not None
                else "0"
            ),
            last_seen=format_date(timezone.localtime(row["last_seen"]).date()),
        )
        for row in grouped
    ]


def top_queries(limit: int | None = None) -> list[QueryRow]:
    grouped = query_report.top_queries(query_report.searches_since(SEARCH_DAYS))
    return _query_rows(grouped[:limit] if limit else grouped)


def zero_result_queries(limit: int | None = None) -> list[QueryRow]:
    grouped = query_report.zero_result_queries(query_report.searches_since(SEARCH_DAYS))
    return _query_rows(grouped[:limit] if limit else grouped)
