"""Turning live pages into search documents, and keeping the indexes true.

Documents are built in batches with a fixed number of queries per batch. Each carries
a ``fingerprint`` of its content, so ``update`` can compare the database with the
index and send only what changed (or was missed while the engine was down).
The database copy of the folded text (``SearchText``) used by the fallback is written
here too, inside the publishing transaction, so it never depends on the engine.
"""

import datetime
import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.html import strip_tags

from catalog.models import OcopCertificate, ProductImage, ProductPage
from catalog.renditions import CARD_SPECS, LOGO_SPECS, prefetch_renditions
from catalog.visibility import public_products
from marketplace.helpers.text import fold
from search import engine
from search.documents import PRODUCTS, alias_name, index_definition
from search.models import SearchText
from search.text import normalize
from sellers.models import SellerPage
from sellers.visibility import public_sellers

logger = logging.getLogger(__name__)

BATCH_SIZE = 250
# After a rebuild's alias swap, searches sent a moment before it may still be
# running on the old index: it is dropped once they are done.
OLD_INDEX_GRACE_SECONDS = 1.0
CARD_SPEC = CARD_SPECS[0]
LOGO_SPEC = LOGO_SPECS[0]

Progress = Callable[[int], None]


# -- documents ------------------------------------------------------------------


def product_queryset():
    """Public products with everything their documents need, prefetched."""
    return (
        public_products()
        .select_related("seller", "seller__commune", "category")
        .prefetch_related(
            Prefetch(
                "gallery_images",
                queryset=ProductImage.objects.select_related("image").order_by(
                    "sort_order"
                ),
            ),
            Prefetch(
                "ocop_certificates",
                queryset=OcopCertificate.objects.filter(
                    verified_at__isnull=False, expires_on__isnull=False
                ),
                to_attr="verified_certificates",
            ),
            "certifications",
            "tagged_items__tag",
        )
        .order_by("pk")
    )


# A seller's own public products (its suspension is the seller's own filter).
_PUBLIC_PRODUCTS = Q(
    products__live=True,
    products__hidden_at__isnull=True,
    products__held_for_screening=False,
)


def seller_queryset():
    return (
        public_sellers()
        .select_related("commune", "logo")
        .annotate(live_product_count=Count("products", filter=_PUBLIC_PRODUCTS))
        .order_by("pk")
    )


def _text(value: str) -> str:
    return normalize(strip_tags(value or ""))


def _date(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value.isoformat()


def _rendition_url(image, spec: str, page=None) -> str | None:
    if image is None or getattr(page, "skip_search_images", False):
        return None
    try:
        return image.get_rendition(spec).url
    except (OSError, ValueError):
        logger.warning("no rendition %s for image %s", spec, image.pk)
        return None


def fingerprint(doc: dict) -> str:
    payload = json.dumps(
        {k: v for k, v in doc.items() if k != "fingerprint"},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha1(payload.encode("utf-8"), usedforsecurity=False).hexdigest()


def product_document(page: ProductPage) -> dict:
    """The indexed form of a product: result card, facets and ranking signals."""
    seller = page.seller
    commune = seller.commune if seller else None
    cover = page.primary_image
    until: dict[int, datetime.date] = {}
    for cert in getattr(page, "verified_certificates", None) or []:
        if cert.expires_on and cert.expires_on > until.get(
            cert.stars, datetime.date.min
        ):
            until[cert.stars] = cert.expires_on
    title = normalize(page.title)
    seller_name = normalize(seller.title) if seller else ""
    doc = {
        "page_id": page.pk,
        "title": title,
        "summary": _text(page.summary),
        "description": _text(page.description),
        "tags": " ".join(normalize(t.tag.name) for t in page.tagged_items.all()),
        "ingredients": _text(page.ingredients),
        "seller_name": seller_name,
        "seller_id": seller.pk if seller else None,
        "seller_url": seller.get_url() if seller else None,
        "seller_type": seller.seller_type if seller else None,
        "seller_verified": bool(seller and seller.verified),
        "commune": commune.code if commune else None,
        "commune_name": commune.name if commune else None,
        "former_district": " ".join(
            p
            for p in [
                commune.former_district_hint if commune else "",
                seller.legacy_district if seller else "",
            ]
            if p
        ),
        "category": page.category.slug,
        "category_name": page.category.name,
        "ocop_group": page.ocop_group,
        "ocop3_until": _date(until.get(3)),
        "ocop4_until": _date(until.get(4)),
        "ocop5_until": _date(until.get(5)),
        "certifications": sorted(c.code for c in page.certifications.all()),
        "price_vnd": page.price_vnd,
        "unit": page.unit,
        "in_stock": page.in_stock,
        "image": _rendition_url(cover.image, CARD_SPEC, page) if cover else None,
        "image_alt": cover.alt_text if cover else "",
        "url": page.get_url(),
        "published_at": _date(page.first_published_at),
        "last_published_at": _date(page.last_published_at),
        "suggest": " ".join(p for p in [title, seller_name, page.category.name] if p),
    }
    doc["fingerprint"] = fingerprint(doc)
    return doc


def seller_document(page: SellerPage) -> dict:
    commune = page.commune
    doc = {
        "title": normalize(page.title),
        "legal_name": normalize(page.legal_name),
        "seller_type": page.seller_type,
        "verified": page.verified,
        "commune": commune.code if commune else None,
        "commune_name": commune.name if commune else None,
        "former_district": " ".join(
            p
            for p in [
                commune.former_district_hint if commune else "",
                page.legacy_district,
            ]
            if p
        ),
        "url": page.get_url(),
        "image": _rendition_url(page.logo, LOGO_SPEC, page),
        "product_count": getattr(page, "live_product_count", 0),
        "last_published_at": _date(page.last_published_at),
    }
    doc["fingerprint"] = fingerprint(doc)
    return doc


def _batches(queryset, size: int = BATCH_SIZE) -> Iterator[list]:
    ids = list(queryset.values_list("pk", flat=True))
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        pages = list(queryset.filter(pk__in=chunk))
        yield pages


def iter_documents(
    kind: str, ids: Iterable[int] | None = None, images: bool = True
) -> Iterator[tuple[int, dict]]:
    """``(page id, document)`` for every live page of ``kind`` (or just ``ids``).

    ``images=False`` skips renditions, for callers that only need the text.
    """
    queryset = product_queryset() if kind == PRODUCTS else seller_queryset()
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    build = product_document if kind == PRODUCTS else seller_document
    for pages in _batches(queryset):
        if not images:
            for page in pages:
                page.skip_search_images = True
        elif kind == PRODUCTS:
            prefetch_renditions(
                [p.primary_image.image for p in pages if p.primary_image], [CARD_SPEC]
            )
        else:
            prefetch_renditions([p.logo for p in pages], [LOGO_SPEC])
        for page in pages:
            yield page.pk, build(page)


# -- the database copy for the fallback -----------------------------------------


def search_text_for(kind: str, doc: dict) -> tuple[str, str]:
    """Folded title and folded searchable text of a document (fallback fields)."""
    if kind == PRODUCTS:
        parts = [
            doc["title"],
            doc["seller_name"],
            doc["summary"],
            doc["tags"],
            doc["category_name"],
            doc["commune_name"] or "",
            doc["former_district"],
            doc["description"],
            doc["ingredients"],
        ]
    else:
        parts = [
            doc["title"],
            doc["legal_name"],
            doc["commune_name"] or "",
            doc["former_district"],
        ]
    return fold(doc["title"])[:255], " ".join(fold(p) for p in parts if p)


def save_search_text(kind: str, docs: dict[int, dict]) -> None:
    """Replace the fallback rows of these pages in one transaction."""
    if not docs:
        return
    rows = []
    for page_id, doc in docs.items():
        title, text = search_text_for(kind, doc)
        rows.append(
            SearchText(page_id=page_id, kind=kind, title_folded=title, text_folded=text)
        )
    with transaction.atomic():
        SearchText.objects.filter(page_id__in=list(docs)).delete()
        SearchText.objects.bulk_create(rows)


def forget_search_text(page_ids: Iterable[int]) -> None:
    SearchText.objects.filter(page_id__in=list(page_ids)).delete()


# -- writing to the engine ------------------------------------------------------


def index_pages(kind: str, ids: Iterable[int]) -> int:
    """Index live pages among ``ids`` and delete the rest; returns failures."""
    ids = set(ids)
    docs = dict(iter_documents(kind, ids))
    save_search_text(kind, docs)
    forget_search_text(ids - docs.keys())
    alias = alias_name(kind)
    operations = [("index", alias, str(pk), doc) for pk, doc in docs.items()]
    operations += [("delete", alias, str(pk), None) for pk in ids - docs.keys()]
    return engine.bulk(operations)


def delete_pages(kind: str, ids: Iterable[int]) -> int:
    ids = list(ids)
    forget_search_text(ids)
    alias = alias_name(kind)
    return engine.bulk([("delete", alias, str(pk), None) for pk in ids])


@dataclass
class RebuildStats:
    kind: str
    index: str
    documents: int
    seconds: float
    removed_indexes: list[str] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def _live_ids(kind: str) -> set[int]:
    """Pages that belong in the index: the public ones."""
    pages = public_products() if kind == PRODUCTS else public_sellers()
    return set(pages.values_list("pk", flat=True))


def rebuild(kind: str, progress: Progress | None = None) -> RebuildStats:
    """Build a fresh index, point the alias at it in one step, drop the old one.

    Searches keep using the old index until the swap, so there is no moment without
    results. Pages published while the new index was built are indexed again after
    the swap.
    """
    started = time.perf_counter()
    started_at = timezone.now()
    alias = alias_name(kind)
    name = f"{alias}_{timezone.now():%Y%m%d%H%M%S%f}"
    body = index_definition(kind, name).to_dict()
    body["settings"]["refresh_interval"] = "-1"  # faster bulk loading
    engine.create_index(name, body)
    count = 0
    try:
        batch: list[tuple[str, str, str, dict | None]] = []
        texts: dict[int, dict] = {}
        for pk, doc in iter_documents(kind):
            batch.append(("index", name, str(pk), doc))
            texts[pk] = doc
            if len(batch) >= BATCH_SIZE:
                engine.bulk(batch, require_alias=False)
                save_search_text(kind, texts)
                count += len(batch)
                if progress:
                    progress(len(batch))
                batch, texts = [], {}
        if batch:
            engine.bulk(batch, require_alias=False)
            save_search_text(kind, texts)
            count += len(batch)
            if progress:
                progress(len(batch))
        SearchText.objects.filter(kind=kind).exclude(
            page_id__in=_live_ids(kind)
        ).delete()
        engine.put_settings(name, {"index": {"refresh_interval": "1s"}})
        engine.refresh(name)
        old = [i for i in engine.alias_targets(alias) if i != name]
        _drop_concrete_index_named_like_alias(alias)
        engine.swap_alias(alias, name, old)
    except BaseException:
        engine.delete_index(name)
        raise
    if old:
        time.sleep(OLD_INDEX_GRACE_SECONDS)
    for old_index in old:
        engine.delete_index(old_index)
    _catch_up_after_rebuild(kind, started_at)
    return RebuildStats(kind, name, count, time.perf_counter() - started, old)


def _drop_concrete_index_named_like_alias(alias: str) -> None:
    """An index auto-created under the alias's name would block the alias."""
    if alias in engine.indexes_matching(alias + "*"):
        logger.warning("deleting index %s that stood where the alias belongs", alias)
        engine.delete_index(alias)


def _catch_up_after_rebuild(kind: str, since: datetime.datetime) -> None:
    model = ProductPage if kind == PRODUCTS else SellerPage
    changed = set(
        model.objects.live()
        .filter(last_published_at__gte=since)
        .values_list("pk", flat=True)
    )
    indexed = {int(pk) for pk, _src in engine.scan_sources(alias_name(kind), [])}
    gone = indexed - _live_ids(kind)
    if changed:
        index_pages(kind, changed)
    if gone:
        delete_pages(kind, gone)


@dataclass
class Difference:
    kind: str
    missing: list[int]
    stale: list[int]
    extra: list[int]

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


def compare(kind: str, progress: Progress | None = None) -> tuple[Difference, dict]:
    """Published pages versus indexed documents, by fingerprint."""
    indexed = {
        int(pk): src.get("fingerprint")
        for pk, src in engine.scan_sources(alias_name(kind), ["fingerprint"])
    }
    docs: dict[int, dict] = {}
    missing, stale = [], []
    for pk, doc in iter_documents(kind):
        docs[pk] = doc
        if pk not in indexed:
            missing.append(pk)
        elif indexed[pk] != doc["fingerprint"]:
            stale.append(pk)
        if progress:
            progress(1)
    extra = sorted(indexed.keys() - docs.keys())
    return Difference(kind, missing, stale, extra), docs


def update(kind: str, progress: Progress | None = None) -> Difference:
    """Send what changed since the index was last true (after an outage, say)."""
    difference, docs = compare(kind, progress)
    alias = alias_name(kind)
    changed = difference.missing + difference.stale
    save_search_text(kind, {pk: docs[pk] for pk in changed})
    SearchText.objects.filter(kind=kind).exclude(page_id__in=list(docs)).delete()
    missing_text = set(docs) - set(
        SearchText.objects.filter(kind=kind).values_list("page_id", flat=True)
    )
    save_search_text(kind, {pk: docs[pk] for pk in missing_text})
    operations = [("index", alias, str(pk), docs[pk]) for pk in changed]
    operations += [("delete", alias, str(pk), None) for pk in difference.extra]
    for start in range(0, len(operations), BATCH_SIZE):
        engine.bulk(operations[start : start + BATCH_SIZE])
    if operations:
        engine.refresh(alias)
    return difference


def alias_exists(kind: str) -> bool:
    return bool(engine.alias_targets(alias_name(kind)))
