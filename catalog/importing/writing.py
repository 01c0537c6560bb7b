"""Writing validated rows: one transaction, idempotent, one index update per page."""

from __future__ import annotations

import getpass
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from catalog.importing import wagtail_tree
from catalog.importing.bulk import bulk_import
from catalog.importing.reading import ImportValidationError, RowError, rich_text
from catalog.importing.recognition import RecognitionWriter
from catalog.importing.rows import ProductRow, SellerData
from catalog.importing.stored_images import ImageStore
from catalog.importing.summary import ImportSummary
from catalog.models import ProductImage, ProductPage
from catalog.sales_data import apply_sales_data
from marketplace.helpers.text import fold, folded_slug
from sellers.models import SellerIndexPage, SellerPage
from sellers.services import ensure_seller_access

logger = logging.getLogger(__name__)

# Wraps the rows to show progress (the commands pass tqdm).
Progress = Callable[[Iterable], Iterable]


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


def _seller_values(data: SellerData, created: bool) -> dict[str, Any]:
    values: dict[str, Any] = {"legal_name": data.name, "seller_type": data.seller_type}
    if created:
        values["title"] = data.name
    for name, value in (
        ("tax_code", data.tax_code),
        ("commune", data.commune),
        ("legacy_district", data.district),
    ):
        if value:
            values[name] = value
    values.update(data.profile)
    return values


def _new_product(row: ProductRow, seller: SellerPage, slug: str) -> ProductPage:
    return ProductPage(
        title=row.name,
        slug=slug,
        seller=seller,
        category=row.category,
        price_vnd=row.price_vnd,
        unit=row.unit,
        summary=row.summary,
        description=rich_text(row.description),
        stock=row.stock,
        origin_commune=row.commune or row.seller.commune,
    )


def product_values(row: ProductRow) -> dict[str, Any]:
    """An existing product's fields from the row; blank optional cells keep theirs."""
    values: dict[str, Any] = {
        "title": row.name,
        "category": row.category,
        "price_vnd": row.price_vnd,
        "unit": row.unit,
    }
    for name, value in (
        ("summary", row.summary),
        ("description", rich_text(row.description)),
        ("origin_commune", row.commune),
    ):
        if value not in ("", None):
            values[name] = value
    return values


def _gallery(row: ProductRow, images: list) -> list[ProductImage]:
    return [
        ProductImage(image=image, alt_text=row.name[:200], sort_order=index)
        for index, image in enumerate(images)
    ]


def differing_fields(current, values: dict[str, Any]) -> list[str]:
    """Names of the fields whose value differs on ``current``."""
    names = []
    for name, value in values.items():
        if isinstance(value, models.Model):
            # Compare foreign keys by id: no query per row.
            differs = getattr(current, f"{name}_id") != value.pk
        else:
            differs = getattr(current, name) != value
        if differs:
            names.append(name)
    return names


def _apply_values(current, values: dict[str, Any]) -> bool:
    """Set the fields that differ on ``current``; True if any did."""
    names = differing_fields(current, values)
    for name in names:
        setattr(current, name, values[name])
    return bool(names)


def _apply_gallery(current, row: ProductRow, images: list) -> bool:
    now = [item.image_id for item in current.gallery_images.all()]
    if images and now != [image.pk for image in images]:
        current.gallery_images.set(_gallery(row, images))
        return True
    return False


def _apply_stock(page: ProductPage, stock: int | None) -> bool:
    """Stock is live data kept out of revisions (see catalog.stock): a new figure is
    written straight to the page row."""
    if stock is None or page.stock == stock:
        return False
    ProductPage.objects.filter(pk=page.pk).update(stock=stock)
    page.stock = stock
    return True


class _Writer:
    """Writes validated rows; caches sellers, products and images to spare queries."""

    def __init__(
        self,
        *,
        publish: bool,
        user: AbstractBaseUser | None,
        source: str,
        seller: SellerPage | None = None,
        vouches: bool = True,
    ):
        self.publish = publish
        self.user = user
        # One seller's upload (catalog.importing.scope): its page is never changed,
        # and price and stock are sales data (catalog.sales_data), not revisions.
        self.fixed_seller = seller
        self.now = timezone.now()
        self.summary = ImportSummary()
        self.recognition = RecognitionWriter(
            self.summary,
            user=user,
            note=str(_("Ghi nhận khi nhập tệp %(file)s") % {"file": source})[:255],
            now=self.now,
            vouches=vouches,
        )
        self.pictures = ImageStore()
        # pages and images written, for one index refresh each at the end
        self.touched: wagtail_tree.Touched = {
            SellerPage: set(),
            ProductPage: set(),
            get_image_model(): self.pictures.created,
        }
        self.index = SellerIndexPage.objects.get()
        self.seller_slugs = set(
            self.index.get_children().values_list("slug", flat=True)
        )
        self.by_tax: dict[str, SellerPage] = {}
        self.by_name: dict[str, list[SellerPage]] = {}
        for seller in SellerPage.objects.child_of(self.index).order_by("path"):
            self._remember_seller(seller)
        self.resolved: dict[tuple[str, str], SellerPage] = {}
        self.products: dict[int, dict[str, ProductPage]] = {}
        self.media: dict[int, int] = {}

    def _remember_seller(self, seller: SellerPage) -> None:
        if seller.tax_code:
            self.by_tax.setdefault(seller.tax_code, seller)
        for name in {fold(seller.title), fold(seller.legal_name)}:
            self.by_name.setdefault(name, []).append(seller)

    # -- sellers

    def seller(self, data: SellerData) -> SellerPage:
        if self.fixed_seller is not None:
            return self.fixed_seller
        if data.key in self.resolved:
            return self.resolved[data.key]
        page = self._find_seller(data)
        values = _seller_values(data, created=page is None)
        if page is None:
            page = self._create_seller(data, values)
        else:
            if data.logo is not None and page.logo_id is None:
                values["logo"] = self.pictures.logo(
                    self._media_collection(page), data.name, data.logo
                )
            self._update_page(page, values, self.summary.sellers)
        self.resolved[data.key] = page
        return page

    def _find_seller(self, data: SellerData) -> SellerPage | None:
        if data.tax_code and data.tax_code in self.by_tax:
            return self.by_tax[data.tax_code]
        for candidate in self.by_name.get(fold(data.name), []):
            if not (data.tax_code and candidate.tax_code):
                return candidate
            if candidate.tax_code == data.tax_code:
                return candidate
        return None

    def _create_seller(self, data: SellerData, values: dict[str, Any]) -> SellerPage:
        page = SellerPage(
            slug=_unique_slug(folded_slug(data.name), self.seller_slugs), **values
        )
        if data.logo is not None:
            # In the page's first revision; its collection comes after the page.
            page.logo = self.pictures.logo(None, data.name, data.logo)
        if page.verified:
            page.record_verification(self.user)
        self._add_page(self.index, page)
        self.summary.sellers["created"] += 1
        self._remember_seller(page)
        self.products[page.pk] = {}
        self.media[page.pk] = ensure_seller_access(page).media_collection_id
        if page.logo is not None:
            self.pictures.move(page.logo, self.media[page.pk])
        return page

    def _media_collection(self, seller: SellerPage) -> int:
        if seller.pk not in self.media:
            self.media[seller.pk] = ensure_seller_access(seller).media_collection_id
        return self.media[seller.pk]

    # -- products

    def product(self, row: ProductRow) -> ProductPage:
        seller = self.seller(row.seller)
        existing = self._products_of(seller)
        page = existing.get(fold(row.name))
        gallery = self._pictures(seller, row)
        if page is None:
            page = self._create_product(row, seller, existing, gallery)
            certificates, awards = [], []
        else:
            values = product_values(row)
            if self.fixed_seller is not None:
                live_data_changed = bool(
                    apply_sales_data(
                        page,
                        self.user,
                        price_vnd=values.pop("price_vnd"),
                        **({} if row.stock is None else {"stock": row.stock}),
                    )
                )
            else:
                live_data_changed = _apply_stock(page, row.stock)
            self._update_page(
                page,
                values,
                self.summary.products,
                gallery=(row, gallery),
                live_data_changed=live_data_changed,
            )
            certificates, awards = page.ocop_certificates.all(), page.rural_awards.all()
        self.recognition.certificate(page, row, certificates)
        self.recognition.award(page, row, awards)
        return page

    def _pictures(self, seller: SellerPage, row: ProductRow) -> list:
        if not row.images:
            return []
        collection_id = self._media_collection(seller)
        return [
            self.pictures.image(collection_id, row, index, checked)
            for index, checked in enumerate(row.images)
        ]

    def _create_product(
        self,
        row: ProductRow,
        seller: SellerPage,
        existing: dict[str, ProductPage],
        gallery: list,
    ) -> ProductPage:
        slug = _unique_slug(folded_slug(row.name), {p.slug for p in existing.values()})
        page = _new_product(row, seller, slug)
        page.gallery_images.set(_gallery(row, gallery))
        self._add_page(seller, page)
        existing[fold(row.name)] = page
        self.summary.products["created"] += 1
        self.summary.content_changed.append(page.pk)
        return page

    def _products_of(self, seller: SellerPage) -> dict[str, ProductPage]:
        if seller.pk not in self.products:
            pages = (
                ProductPage.objects.child_of(seller)
                .select_related("category")
                .prefetch_related(
                    "gallery_images__image", "ocop_certificates", "rural_awards"
                )
            )
            self.products[seller.pk] = {fold(p.title): p for p in pages}
        return self.products[seller.pk]

    # -- pages

    def _add_page(self, parent, page) -> None:
        wagtail_tree.add_page(
            parent, page, user=self.user, publish=self.publish, now=self.now
        )
        self.touched[type(page)].add(page.pk)

    def _update_page(
        self,
        page,
        values: dict[str, Any],
        counter: Counter,
        gallery: tuple[ProductRow, list] | None = None,
        live_data_changed: bool = False,
    ) -> None:
        """Save a revision only when something differs; publish if asked to."""
        draft = wagtail_tree.latest_draft(page)
        changed = _apply_values(draft, values)
        if gallery is not None:
            changed = _apply_gallery(draft, *gallery) or changed
        if changed:
            wagtail_tree.save_changes(draft, user=self.user, publish=self.publish)
            if isinstance(page, ProductPage):
                self.summary.content_changed.append(page.pk)
        elif self.publish and (not page.live or page.has_unpublished_changes):
            wagtail_tree.publish_latest(page, user=self.user)
        elif not live_data_changed:
            counter["unchanged"] += 1
            return
        counter["updated"] += 1
        self.touched[type(page)].add(page.pk)


def _operator() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def _plan_each_statement() -> None:
    """PostgreSQL: plan each statement of this transaction for the tables as they are.

    An import grows the tables it reads. A plan PostgreSQL caches for a prepared
    statement while they are nearly empty (a scan of the whole table, say) would
    otherwise serve the rest of the import and slow it down as the tables grow.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")


def _write_all(writer: _Writer, rows: Iterable[ProductRow]) -> None:
    for row in rows:
        try:
            writer.product(row)
        except ValidationError as exc:
            # Validation should have caught it; report the row, roll back.
            raise ImportValidationError(
                [RowError(row.line, "*", msg) for msg in exc.messages]
            ) from exc
    writer.recognition.finish()


def write_rows(
    rows: Sequence[ProductRow],
    *,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    source: str = "",
    progress: Progress | None = None,
    seller: SellerPage | None = None,
    vouches: bool = True,
) -> ImportSummary:
    """Write validated rows in one transaction: all of them, or none on any error.

    ``seller``: rows validated for that seller alone (``validate_rows(seller=)``).
    ``vouches``: the file's certificates count as verified by ``user`` (the
    department's files); a seller's own upload passes False.
    """
    with transaction.atomic():
        _plan_each_statement()
        writer = _Writer(
            publish=publish, user=user, source=source, seller=seller, vouches=vouches
        )
        writer.pictures.preload(rows)
        # Search and reference indexes are updated once per written page, at the end.
        with wagtail_tree.deferred_indexing(writer.touched), bulk_import():
            _write_all(writer, progress(rows) if progress else rows)
    summary = writer.summary
    summary.images_created = len(writer.pictures.created)
    certificates = summary.certificates["created"] + summary.certificates["verified"]
    if certificates and vouches:
        logger.info(
            "Import of %s recorded %d OCOP certificates as verified by user %s "
            "(operator %s) at %s",
            source,
            certificates,
            getattr(user, "username", None) or "-",
            _operator(),
            writer.now.isoformat(),
        )
    return summary
