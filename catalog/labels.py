"""QR labels of products: where their codes lead, which products a user may print,
and what each label says.

A label's code opens the product's public page with ``?nguon=qr``, so the
shoppers who arrive from a printed label can be counted apart. The URL is absolute
from ``SITE_URL`` (``settings.WAGTAILADMIN_BASE_URL``), the same public address the
order emails link to, rather than from the request or the Wagtail Site's hostname:
a label is printed once and read for years, whatever host the seller reached the
admin through, and the Site's hostname is often a bare ``localhost``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.http import urlencode
from wagtail.models import Site

from catalog.cards import page_url, valid_stars
from catalog.models import ProductPage
from catalog.permissions import products_for_user
from catalog.visibility import public_products as visible_products
from marketplace.formatting import format_vnd

TRACKING_PARAMETERS = {"nguon": "qr"}
# One sheet at most: 21 A4 pages of 3 × 8 labels, made in a few seconds.
MAX_LABELS = 500


@dataclass(frozen=True)
class Label:
    """What one printed label shows, and where its code leads."""

    product_id: int
    title: str
    price: str
    stars: int | None
    seller: str
    url: str


def site_base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def tracked_url(path: str) -> str:
    """The absolute public URL of a page path, tagged as reached from a label."""
    return f"{site_base_url()}{path}?{urlencode(TRACKING_PARAMETERS)}"


def public_products() -> QuerySet[ProductPage]:
    """Products a label may lead to: the public ones (catalog.visibility)."""
    return visible_products()


def public_product(product_id: int) -> ProductPage | None:
    return public_products().filter(pk=product_id).first()


def label_url(product: ProductPage) -> str | None:
    """Where the code of the product's label leads, or None outside every site."""
    path = page_url(product.url_path, Site.get_site_root_paths())
    return tracked_url(path) if path else None


def printable_products(user, seller_id: int | None = None) -> QuerySet[ProductPage]:
    """Public products whose labels the user may print: the department any seller's,
    a seller's editor its own only; ``seller_id`` narrows them to one seller."""
    products = public_products() & products_for_user(user)
    if seller_id is not None:
        products = products.filter(seller_id=seller_id)
    return products.order_by("seller__title", "title", "pk")


def labels_for(products: QuerySet[ProductPage]) -> list[Label]:
    """The labels of ``products`` in their order, read in two queries."""
    rows = list(
        products.values("pk", "title", "price_vnd", "unit", "url_path", "seller__title")
    )
    stars = valid_stars([row["pk"] for row in rows])
    root_paths = Site.get_site_root_paths()
    labels = []
    for row in rows:
        path = page_url(row["url_path"], root_paths)
        if path is None:  # outside every site: no page to lead to
            continue
        labels.append(
            Label(
                product_id=row["pk"],
                title=row["title"],
                price=f"{format_vnd(row['price_vnd'])} / {row['unit']}",
                stars=stars.get(row["pk"]),
                seller=row["seller__title"] or "",
                url=tracked_url(path),
            )
        )
    return labels
