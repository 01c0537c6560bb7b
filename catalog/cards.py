"""Product cards: what every product grid and listing shows, read as plain values.

``ProductCard`` is the one card type: grids of the home, category, seller and
product pages, the search results page and the search API all show it.

Grids are the heaviest part of the home, category, seller and product pages.
Building a page object, its gallery and Wagtail's image-tag machinery for every
card cost more than the rest of the page, so a card is read here as values in four
small queries (products, their stars, covers and renditions) whatever the grid's
size, and rendered by ``components/product_card.html`` without further lookups.
A page that shows other images too reads their renditions in the same query
(``CardBatch.images``, then ``CardBatch.cards``). Listings read their rows
afresh and remember the rest (``remembered_cards``).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Max, QuerySet
from wagtail.models import Site

from catalog import display_cache
from catalog.listing import valid_certificates
from catalog.models import ProductImage
from catalog.renditions import CARD_SPECS, Found, Picture, find_renditions, picture
from catalog.visibility import public_products
from marketplace.formatting import format_vnd

# Highlighted fragments of a text search: ``{page id: (title html, snippet html)}``,
# escaped by the engine, with ``<mark>`` around the matched words.
Highlights = dict[int, tuple[str, str]]

_PRODUCT_FIELDS = (
    "pk",
    "title",
    "summary",
    "url_path",
    "price_vnd",
    "unit",
    "stock",
    "available",
    "seller__title",
    "seller__url_path",
)


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
    image: Picture | None
    summary: str = ""
    # Search results only: the title and a snippet with the matched words marked.
    title_html: str = ""
    snippet_html: str = ""

    @property
    def price_display(self) -> str:
        return f"{format_vnd(self.price_vnd)} / {self.unit}"

    def api_result(self) -> dict:
        """The card as the search API shows it (docs/search-api.md)."""
        return {
            "title": self.title,
            "url": self.url,
            "seller": self.seller_title,
            "price_vnd": self.price_vnd,
            "unit": self.unit,
            "ocop_stars": self.stars,
            "image": self.image.src if self.image else None,
        }


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


@dataclass(frozen=True)
class CardBatch:
    """Products, their stars and covers, waiting for their renditions."""

    rows: list[dict]
    stars: dict[int, int]
    covers: dict[int, tuple[int, str]]

    @property
    def images(self) -> dict[int, tuple[str, ...]]:
        """The renditions the cards need: ``{image_id: specs}``."""
        return {image_id: CARD_SPECS for image_id, _alt in self.covers.values()}

    def cards(
        self, found: Found, highlights: Highlights | None = None
    ) -> list[ProductCard]:
        root_paths = Site.get_site_root_paths()
        highlights = highlights or {}
        return [
            _card(
                row,
                self.stars.get(row["pk"]),
                self.covers.get(row["pk"]),
                found,
                root_paths,
                highlights.get(row["pk"], ("", "")),
            )
            for row in self.rows
        ]


def card_rows(products: QuerySet, limit: int | None = None) -> list[dict]:
    """The values cards show for ``products``, in queryset order (at most ``limit``).

    A listing already annotated with ``ocop_stars_now`` (to sort by it) keeps it.
    """
    annotated = "ocop_stars_now" in products.query.annotations
    rows = products.values(
        *_PRODUCT_FIELDS, *(("ocop_stars_now",) if annotated else ())
    )
    return list(rows[:limit] if limit is not None else rows)


def batch_for(rows: list[dict]) -> CardBatch:
    """Cards' rows with their stars and covers.

    Stars and covers come from small queries by id: correlated subqueries in the
    product query cost more to compile than they save.
    """
    ids = [row["pk"] for row in rows]
    stars = (
        {row["pk"]: row["ocop_stars_now"] for row in rows}
        if rows and "ocop_stars_now" in rows[0]
        else valid_stars(ids)
    )
    return CardBatch(rows=rows, stars=stars, covers=covers(galleries(ids)))


def product_cards(products: QuerySet, limit: int | None = None) -> list[ProductCard]:
    """Cards for ``products`` in their queryset order (at most ``limit``)."""
    return remembered_cards(card_rows(products, limit))[0]


def valid_stars(ids: list[int]) -> dict[int, int]:
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


def galleries(ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """Each product's gallery in order: ``page_id -> [(image_id, alt text), ...]``."""
    found: dict[int, list[tuple[int, str]]] = {}
    ids = list(ids)
    if ids:
        for page_id, image_id, alt in (
            ProductImage.objects.filter(page_id__in=ids)
            .order_by("page_id", "sort_order", "pk")
            .values_list("page_id", "image_id", "alt_text")
        ):
            found.setdefault(page_id, []).append((image_id, alt))
    return found


def covers(by_product: dict[int, list[tuple[int, str]]]) -> dict[int, tuple[int, str]]:
    """Each product's first gallery image: ``page_id -> (image_id, alt text)``."""
    return {page_id: images[0] for page_id, images in by_product.items() if images}


def rows_in_order(ids: Iterable[int]) -> list[dict]:
    """Cards' rows for live, public product ids in the given order; others (a
    page a password or login now covers, say) are left out."""
    ids = list(ids)
    if not ids:
        return []
    public = public_products()
    by_pk = {row["pk"]: row for row in card_rows(public.filter(pk__in=ids))}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def cards_in_order(ids: Iterable[int]) -> list[ProductCard]:
    """Cards for live product ids in the given order; others are left out."""
    return remembered_cards(rows_in_order(ids))[0]


def remembered_cards(
    rows: list[dict],
    images: Iterable[Mapping[int | None, Iterable[str]]] = (),
    highlights: Highlights | None = None,
) -> tuple[list[ProductCard], Found]:
    """Cards for freshly read ``rows``, and the renditions they and ``images``
    (more ``{image_id: specs}``: a seller's logo, say) show.

    Stars, covers and renditions — three queries — are remembered by
    catalog.display_cache under the rows themselves: a new price, stock or
    product is a new key, and a changed certificate or gallery forgets them.
    """
    images = [dict(wanted) for wanted in images]

    def build() -> dict:
        batch = batch_for(rows)
        found = find_renditions(batch.images, *images)
        return {"stars": batch.stars, "covers": batch.covers, "found": found}

    shown = display_cache.remembered("cards", (rows, images), build)
    batch = CardBatch(rows=rows, stars=shown["stars"], covers=shown["covers"])
    return batch.cards(shown["found"], highlights), shown["found"]


def _card(
    row, stars, cover, found: Found, root_paths, highlight: tuple[str, str]
) -> ProductCard:
    stock = row["stock"]
    image_id, alt = cover if cover is not None else (None, "")
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
        image=picture(found, image_id, CARD_SPECS, alt),
        summary=row["summary"] or "",
        title_html=highlight[0],
        snippet_html=highlight[1],
    )
