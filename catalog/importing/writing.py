"""Writing validated rows: one transaction, idempotent, one index update per page."""

from __future__ import annotations

import getpass
import io
import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_published

from catalog.importing.reading import ImportValidationError, RowError, fold, rich_text
from catalog.importing.validation import ProductRow, SellerData
from catalog.models import (
    OcopCertificate,
    ProductImage,
    ProductPage,
    RuralIndustrialAward,
)
from catalog.models.certificates import OCOP_VALIDITY_MONTHS, add_months
from sellers.models import SellerIndexPage, SellerPage

logger = logging.getLogger(__name__)

# Wraps the rows to show progress (the commands pass tqdm).
Progress = Callable[[Iterable], Iterable]


@cache
def _foreign_key_names(model) -> list[str]:
    return [field.name for field in model._meta.concrete_fields if field.is_relation]


def slug_for(text: str, max_length: int = 80) -> str:
    """Vietnamese-aware slug: đ becomes d before Django strips the diacritics."""
    slug = slugify(text.replace("đ", "d").replace("Đ", "D"))[:max_length].strip("-")
    return slug or "trang"


def _unique_slug(base: str, taken: set[str]) -> str:
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


# ---------------------------------------------------------------- writing


@dataclass
class ImportSummary:
    sellers: Counter = field(default_factory=Counter)
    products: Counter = field(default_factory=Counter)
    certificates: Counter = field(default_factory=Counter)
    awards: Counter = field(default_factory=Counter)
    images_created: int = 0
    # (line, seller, product) of OCOP certificates still missing their issue date
    needing_completion: list[tuple[int, str, str]] = field(default_factory=list)


class _Writer:
    """Writes validated rows; caches sellers, products and images to spare queries."""

    def __init__(self, *, publish: bool, user: AbstractBaseUser | None, source: str):
        self.publish = publish
        self.user = user
        self.now = timezone.now()
        self.note = str(_("Ghi nhận khi nhập tệp %(file)s") % {"file": source})[:255]
        self.summary = ImportSummary()
        # pages and images written, for one index refresh each at the end
        self.touched: dict[type, set[int]] = {
            SellerPage: set(),
            ProductPage: set(),
            get_image_model(): set(),
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
        self.images: dict[tuple[int | None, str], Any] = {}
        self.media: dict[int, int] = {}
        self.new_certificates: list[OcopCertificate] = []
        self.new_awards: list[RuralIndustrialAward] = []

    def _remember_seller(self, seller: SellerPage) -> None:
        if seller.tax_code:
            self.by_tax.setdefault(seller.tax_code, seller)
        for name in {fold(seller.title), fold(seller.legal_name)}:
            self.by_name.setdefault(name, []).append(seller)

    def preload_images(self, rows: Sequence[ProductRow]) -> None:
        hashes = {image.sha1 for row in rows for image in row.images}
        image_model = get_image_model()
        for image in image_model.objects.filter(file_hash__in=hashes).order_by("pk"):
            self.images.setdefault((image.collection_id, image.file_hash), image)
            self.images.setdefault((None, image.file_hash), image)

    # -- sellers

    def seller(self, data: SellerData) -> SellerPage:
        if data.key in self.resolved:
            return self.resolved[data.key]
        page = self._find_seller(data)
        values = self._seller_values(data, created=page is None)
        if page is None:
            page = self._create_seller(data, values)
        else:
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

    @staticmethod
    def _seller_values(data: SellerData, created: bool) -> dict[str, Any]:
        values: dict[str, Any] = {
            "legal_name": data.name,
            "seller_type": data.seller_type,
        }
        if created:
            values["title"] = data.name
        if data.tax_code:
            values["tax_code"] = data.tax_code
        if data.commune:
            values["commune"] = data.commune
        if data.district:
            values["legacy_district"] = data.district
        values.update(data.profile)
        return values

    def _create_seller(self, data: SellerData, values: dict[str, Any]) -> SellerPage:
        from sellers.services import ensure_seller_access

        page = SellerPage(
            slug=_unique_slug(slug_for(data.name), self.seller_slugs), **values
        )
        if page.verified:
            page.record_verification(self.user)
        self._add_page(self.index, page)
        self.summary.sellers["created"] += 1
        self._remember_seller(page)
        self.products[page.pk] = {}
        access = ensure_seller_access(page)
        self.media[page.pk] = access.media_collection_id
        return page

    # -- products

    def product(self, row: ProductRow) -> ProductPage:
        seller = self.seller(row.seller)
        existing = self._products_of(seller)
        page = existing.get(fold(row.name))
        gallery = [self._image(seller, row, i, img) for i, img in enumerate(row.images)]
        created = page is None
        if created:
            page = ProductPage(
                title=row.name,
                slug=_unique_slug(
                    slug_for(row.name), {p.slug for p in existing.values()}
                ),
                seller=seller,
                category=row.category,
                price_vnd=row.price_vnd,
                unit=row.unit,
                summary=row.summary,
                description=rich_text(row.description),
                stock=row.stock,
                origin_commune=row.commune or row.seller.commune,
            )
            page.gallery_images.set(self._gallery(row, gallery))
            self._add_page(seller, page)
            existing[fold(row.name)] = page
            self.summary.products["created"] += 1
        else:
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
            self._update_page(
                page,
                values,
                self.summary.products,
                gallery=(row, gallery),
                live_data_changed=self._apply_stock(page, row.stock),
            )
        self._certificate(page, row, [] if created else page.ocop_certificates.all())
        self._award(page, row, [] if created else page.rural_awards.all())
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

    def _image(self, seller: SellerPage, row: ProductRow, index: int, checked):
        collection_id = self._media_collection(seller)
        # The same picture already stored (preferably in this seller's collection)
        # is reused, so re-imports never duplicate images.
        cached = self.images.get((collection_id, checked.sha1)) or self.images.get(
            (None, checked.sha1)
        )
        if cached is not None:
            return cached
        image_model = get_image_model()
        title = row.name if index == 0 else f"{row.name} ({index + 1})"
        image = image_model(
            title=title[:255],
            collection_id=collection_id,
            file=ImageFile(
                io.BytesIO(checked.read()),
                name=f"{slug_for(row.name, 60)}-{index + 1}.{checked.extension}",
            ),
            width=checked.width,
            height=checked.height,
            file_size=checked.size,
            file_hash=checked.sha1,
        )
        image.save()
        self.touched[image_model].add(image.pk)
        self.images[(collection_id, checked.sha1)] = image
        self.images.setdefault((None, checked.sha1), image)
        self.summary.images_created += 1
        return image

    def _media_collection(self, seller: SellerPage) -> int:
        if seller.pk not in self.media:
            from sellers.services import ensure_seller_access

            self.media[seller.pk] = ensure_seller_access(seller).media_collection_id
        return self.media[seller.pk]

    @staticmethod
    def _gallery(row: ProductRow, images: list) -> list[ProductImage]:
        return [
            ProductImage(image=image, alt_text=row.name[:200], sort_order=index)
            for index, image in enumerate(images)
        ]

    # -- pages

    def _add_page(self, parent, page) -> None:
        """Create a page with its first revision: a draft, or live at once.

        A new page has no earlier revision, schedule, workflow, alias or comment,
        so going live is what ``revision.publish()`` would do, minus its second
        full save: live from the first save, ``live_revision`` set, the publish
        logged and ``page_published`` sent. Existing pages use Wagtail's own
        ``revision.publish()`` (see ``_update_page``).
        """
        # Wagtail's first save logs the creation by the page's owner, as its
        # own "add page" view does.
        page.owner = self.user
        if self.publish:
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = self.now
        else:
            page.live = False
        # Wagtail validates every field again on this save, with one query per
        # foreign key; the rows were validated already and the related rows were
        # just read or written in this transaction (the database still enforces
        # every foreign key), so those lookups are skipped: a fifth of the seed's
        # queries. Everything else in Wagtail's full_clean still runs.
        page.full_clean = partial(
            type(page).full_clean, page, exclude=_foreign_key_names(type(page))
        )
        # A new page roots no site: Wagtail would ask the database on every save.
        page._is_site_root = False
        try:
            parent.add_child(instance=page)
        finally:
            del page.full_clean
        self.touched[type(page)].add(page.pk)
        revision = page.save_revision(
            user=self.user, clean=False, changed=not self.publish
        )
        if self.publish:
            Page.objects.filter(pk=page.pk).update(live_revision=revision)
            page.live_revision = revision
            log(
                instance=page,
                action="wagtail.publish",
                user=self.user,
                revision=revision,
                content_changed=True,
            )
            page_published.send(sender=type(page), instance=page, revision=revision)

    @staticmethod
    def _apply_stock(page: ProductPage, stock: int | None) -> bool:
        """Stock is live data kept out of revisions (see catalog.stock): a new
        figure is written straight to the page row."""
        if stock is None or page.stock == stock:
            return False
        ProductPage.objects.filter(pk=page.pk).update(stock=stock)
        page.stock = stock
        return True

    def _update_page(
        self,
        page,
        values: dict[str, Any],
        counter: Counter,
        gallery=None,
        live_data_changed: bool = False,
    ):
        """Save a revision only when something differs; publish if asked to."""
        current = (
            page.get_latest_revision_as_object()
            if page.has_unpublished_changes and page.latest_revision_id
            else page
        )
        changed = False
        for name, value in values.items():
            if isinstance(value, models.Model):
                # Compare foreign keys by id: no query per row.
                differs = getattr(current, f"{name}_id") != value.pk
            else:
                differs = getattr(current, name) != value
            if differs:
                setattr(current, name, value)
                changed = True
        if gallery is not None:
            row, images = gallery
            now = [item.image_id for item in current.gallery_images.all()]
            if images and now != [image.pk for image in images]:
                current.gallery_images.set(self._gallery(row, images))
                changed = True
        if changed:
            revision = current.save_revision(user=self.user)
            if self.publish:
                revision.publish(user=self.user, skip_permission_checks=True)
            counter["updated"] += 1
            self.touched[type(page)].add(page.pk)
        elif self.publish and (not page.live or page.has_unpublished_changes):
            page.get_latest_revision().publish(
                user=self.user, skip_permission_checks=True
            )
            counter["updated"] += 1
            self.touched[type(page)].add(page.pk)
        elif live_data_changed:
            counter["updated"] += 1
            self.touched[type(page)].add(page.pk)
        else:
            counter["unchanged"] += 1

    # -- certificates and awards

    def _certificate(self, page: ProductPage, row: ProductRow, existing) -> None:
        ocop = row.ocop
        if ocop is None:
            return
        match = next(
            (
                c
                for c in existing
                if c.stars == ocop.stars
                and c.decision_number == ocop.number
                and c.decision_date == ocop.issued
            ),
            None,
        )
        if match is None and ocop.issued:
            # The same certificate imported earlier without its date: complete it.
            match = next(
                (
                    c
                    for c in existing
                    if c.stars == ocop.stars
                    and c.decision_number == ocop.number
                    and c.decision_date is None
                ),
                None,
            )
            if match is not None:
                match.decision_date = ocop.issued
                match.expires_on = add_months(ocop.issued, OCOP_VALIDITY_MONTHS)
                match.save(update_fields=["decision_date", "expires_on"])
                self.summary.certificates["completed"] += 1
                return
        if match is not None:
            if not match.is_verified:
                match.verify(self.user, self.note)
                self.summary.certificates["verified"] += 1
            else:
                self.summary.certificates["unchanged"] += 1
        else:
            certificate = OcopCertificate(
                product=page,
                stars=ocop.stars,
                level=OcopCertificate.Level.CENTRAL
                if ocop.stars == 5
                else OcopCertificate.Level.PROVINCE,
                decision_number=ocop.number,
                decision_date=ocop.issued,
                expires_on=add_months(ocop.issued, OCOP_VALIDITY_MONTHS)
                if ocop.issued
                else None,
            )
            certificate.record_verification(self.user, self.note, self.now)
            self.new_certificates.append(certificate)
            self.summary.certificates["created"] += 1
        if ocop.issued is None:
            self.summary.needing_completion.append(
                (row.line, row.seller.name, row.name)
            )

    def _award(self, page: ProductPage, row: ProductRow, existing) -> None:
        if row.award is None:
            return
        level, year = row.award
        if any(a.level == level and a.year == year for a in existing):
            self.summary.awards["unchanged"] += 1
            return
        self.new_awards.append(
            RuralIndustrialAward(product=page, level=level, year=year)
        )
        self.summary.awards["created"] += 1

    def finish(self) -> None:
        OcopCertificate.objects.bulk_create(self.new_certificates, batch_size=500)
        RuralIndustrialAward.objects.bulk_create(self.new_awards, batch_size=500)


@contextmanager
def _one_index_update_per_page(touched: dict[type, set[int]]):
    """Refresh search and reference indexes once per written page, at the end.

    Creating and publishing a page saves it three times, and Wagtail's search index,
    its reference index and the search app each react to every save. During the
    write they are muted (or, for the search app, batched) and each touched page and
    image is refreshed once afterwards, inside the same transaction.
    """
    from modelsearch import index as model_index
    from modelsearch.backends import get_search_backends
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import ReferenceIndex
    from wagtail.signal_handlers import disable_reference_index_auto_update

    try:
        from search.signal_handlers import bulk_updates
    except ImportError:  # the search app is optional for the importer
        bulk_updates = nullcontext

    indexed = [
        model
        for model in model_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    # modelsearch offers no switch; its receivers are disconnected for the block
    # (a management command or test owns the process meanwhile).
    for model in indexed:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with bulk_updates(), disable_reference_index_auto_update():
            yield
    finally:
        for model in indexed:
            post_save.connect(post_save_signal_handler, sender=model)
    backends = list(get_search_backends(with_auto_update=True))
    for model, ids in touched.items():
        if not ids:
            continue
        # The indexed queryset joins or prefetches what the index reads from
        # related rows (an image's tags, say): one query per relation, not per row.
        objects = list(model.get_indexed_objects().filter(pk__in=ids))
        for backend in backends:
            backend.add_bulk(model, objects)
        if ReferenceIndex.is_indexed(model):
            for obj in objects:
                ReferenceIndex.create_or_update_for_object(obj)


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


def write_rows(
    rows: Sequence[ProductRow],
    *,
    publish: bool = False,
    user: AbstractBaseUser | None = None,
    source: str = "",
    progress: Progress | None = None,
) -> ImportSummary:
    """Write validated rows in one transaction: all of them, or none on any error.

    The site's skeleton (marketplace.site_setup) must exist: its seller directory
    receives new sellers.
    """
    with transaction.atomic():
        _plan_each_statement()
        writer = _Writer(publish=publish, user=user, source=source)
        writer.preload_images(rows)
        with _one_index_update_per_page(writer.touched):
            for row in progress(rows) if progress else rows:
                try:
                    writer.product(row)
                except ValidationError as exc:
                    # Validation should have caught it; report the row, roll back.
                    raise ImportValidationError(
                        [RowError(row.line, "*", msg) for msg in exc.messages]
                    ) from exc
            writer.finish()
    summary = writer.summary
    certificates = summary.certificates["created"] + summary.certificates["verified"]
    if certificates:
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


def certificates_needing_completion() -> QuerySet:
    """OCOP certificates whose decision date (hence expiry) the department must add."""
    return OcopCertificate.objects.filter(decision_date__isnull=True).select_related(
        "product", "product__seller"
    )


def summary_lines(summary: ImportSummary) -> list[str]:
    """The import's counts, one line per kind of record, for the commands to print."""

    def counts(counter: Counter) -> str:
        return str(
            _("%(created)d mới, %(updated)d cập nhật, %(unchanged)d không đổi")
            % {
                "created": counter["created"],
                "updated": counter["updated"],
                "unchanged": counter["unchanged"],
            }
        )

    certificates = summary.certificates
    return [
        str(_("Người bán: %(counts)s") % {"counts": counts(summary.sellers)}),
        str(_("Sản phẩm: %(counts)s") % {"counts": counts(summary.products)}),
        str(
            _(
                "Chứng nhận OCOP: %(created)d mới, %(verified)d được xác minh, "
                "%(completed)d bổ sung ngày, %(unchanged)d không đổi"
            )
            % {
                "created": certificates["created"],
                "verified": certificates["verified"],
                "completed": certificates["completed"],
                "unchanged": certificates["unchanged"],
            }
        ),
        str(
            _("Giải thưởng CNNT tiêu biểu: %(created)d mới, %(unchanged)d không đổi")
            % {
                "created": summary.awards["created"],
                "unchanged": summary.awards["unchanged"],
            }
        ),
        str(_("Ảnh: %(count)d mới") % {"count": summary.images_created}),
    ]
