"""Product cards: what a product grid shows, read as plain values.

Grids are the heaviest part of the home, category, seller and product pages.
Building a page object, its gallery and Wagtail's image-tag machinery for every
card cost more than the rest of the page, so a card is read here as values in four
small queries (products, their stars, covers and renditions) whatever the grid's
size, and rendered by ``components/product_card.html`` without further lookups.
Renditions that do not exist yet are made through Wagtail's own ``get_renditions``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace

from django.db.models import Max, QuerySet
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Site

from catalog.listing import valid_certificates
from catalog.models import ProductImage, ProductPage
from catalog.renditions import CARD_SPECS
from marketplace.formatting import format_vnd

_CARD_FILTERS = {spec: Filter(spec=spec) for spec in CARD_SPECS}
_FOCAL_FIELDS = (
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)
_PRODUCT_FIELDS = (
    "pk",
    "title",
    "url_path",
    "price_vnd",
    "unit",
    "stock",
    "available",
    "seller__title",
    "seller__url_path",
)


@dataclass(frozen=True)
class CardImage:
    src: str
    srcset: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class ProductCard:
    pk: int
    title: str
    url: str
    price_vnd: int
    unit: str
    in_stock: bool
    stars: int | None
    seller_title: str
    seller_url: str | None
    image: CardImage | None

    @property
    def price_display(self) -> str:
        return f"{format_vnd(self.price_vnd)} / {self.unit}"


def page_url(url_path: str | None, root_paths) -> str | None:
    """A page's URL from its ``url_path``, as Wagtail's ``pageurl`` gives it.

    ``root_paths`` are Wagtail's cached ``Site.get_site_root_paths()`` (read once
    per batch of cards); pages outside every site have no URL.
    """
    if not url_path:
        return None
    for root in root_paths:
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return None


def product_cards(products: QuerySet, limit: int | None = None) -> list[ProductCard]:
    """Cards for ``products`` in their queryset order (at most ``limit``).

    Stars, covers and renditions come from small queries by id: correlated
    subqueries in the product query cost more to compile than they save.
    A listing already annotated with ``ocop_stars_now`` (to sort by it) keeps it.
    """
    annotated = "ocop_stars_now" in products.query.annotations
    rows = products.values(
        *_PRODUCT_FIELDS, *(("ocop_stars_now",) if annotated else ())
    )
    rows = list(rows[:limit] if limit is not None else rows)
    ids = [row["pk"] for row in rows]
    stars = (
        {row["pk"]: row["ocop_stars_now"] for row in rows}
        if annotated
        else _valid_stars(ids)
    )
    covers = _covers(ids)
    renditions = _card_renditions({image_id for image_id, _alt in covers.values()})
    root_paths = Site.get_site_root_paths()
    return [
        _card(row, stars.get(row["pk"]), covers.get(row["pk"]), renditions, root_paths)
        for row in rows
    ]


def _valid_stars(ids: list[int]) -> dict[int, int]:
    """Stars of each product's best verified, unexpired certificate."""
    if not ids:
        return {}
    return dict(
        valid_certificates()
        .filter(product_id__in=ids)
        .order_by()
        .values("product_id")
        .annotate(best=Max("stars"))
        .values_list("product_id", "best")
    )


def _covers(ids: list[int]) -> dict[int, tuple[int, str]]:
    """Each product's first gallery image: ``page_id -> (image_id, alt text)``."""
    covers: dict[int, tuple[int, str]] = {}
    if ids:
        for page_id, image_id, alt in (
            ProductImage.objects.filter(page_id__in=ids)
            .order_by("page_id", "sort_order", "pk")
            .values_list("page_id", "image_id", "alt_text")
        ):
            covers.setdefault(page_id, (image_id, alt))
    return covers


def cards_in_order(ids: Iterable[int]) -> list[ProductCard]:
    """Cards for live product ids in the given order; others are left out."""
    ids = list(ids)
    by_pk = {
        card.pk: card
        for card in product_cards(ProductPage.objects.live().filter(pk__in=ids))
    }
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _card(row, stars, cover, renditions, root_paths) -> ProductCard:
    stock = row["stock"]
    image = None
    if cover is not None and cover[0] in renditions:
        image = _card_image(renditions[cover[0]], cover[1])
    return ProductCard(
        pk=row["pk"],
        title=row["title"],
        url=page_url(row["url_path"], root_paths),
        price_vnd=row["price_vnd"],
        unit=row["unit"],
        in_stock=row["available"] and (stock is None or stock > 0),
        stars=stars,
        seller_title=row["seller__title"] or "",
        seller_url=page_url(row["seller__url_path"], root_paths),
        image=image,
    )


def _card_renditions(image_ids: set[int]) -> dict[int, list[tuple]]:
    """``image_id -> [(url, width, height) per card spec]``, making missing ones.

    A rendition counts only if made for the image's current focal point, as in
    Wagtail's own lookup.
    """
    if not image_ids:
        return {}
    rendition_model = get_image_model().get_rendition_model()
    storage = rendition_model._meta.get_field("file").storage
    found = {}
    rows = rendition_model.objects.filter(
        image_id__in=image_ids, filter_spec__in=CARD_SPECS
    ).values(
        "image_id",
        "filter_spec",
        "focal_point_key",
        "file",
        "width",
        "height",
        *(f"image__{field}" for field in _FOCAL_FIELDS),
    )
    for row in rows:
        focal = SimpleNamespace(**{f: row[f"image__{f}"] for f in _FOCAL_FIELDS})
        if (
            _CARD_FILTERS[row["filter_spec"]].get_cache_key(focal)
            == row["focal_point_key"]
        ):
            found[row["image_id"], row["filter_spec"]] = (
                storage.url(row["file"]),
                row["width"],
                row["height"],
            )
    missing = {
        image_id
        for image_id in image_ids
        if any((image_id, spec) not in found for spec in CARD_SPECS)
    }
    for image in get_image_model().objects.filter(pk__in=missing):
        for spec, rendition in image.get_renditions(*CARD_SPECS).items():
            found[image.pk, spec] = (rendition.url, rendition.width, rendition.height)
    return {
        image_id: [found[image_id, spec] for spec in CARD_SPECS]
        for image_id in image_ids
        if all((image_id, spec) in found for spec in CARD_SPECS)
    }


def _card_image(renditions: list[tuple], alt: str) -> CardImage:
    url, width, height = renditions[0]
    return CardImage(
        src=url,
        srcset=", ".join(f"{u} {w}w" for u, w, _h in renditions),
        width=width,
        height=height,
        alt=alt,
    )
