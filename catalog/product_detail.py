"""Everything the product page shows, loaded in a fixed number of queries."""

from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import Site

from catalog import display_cache
from catalog.cards import CardBatch, batch_for, card_rows, covers, galleries, page_url
from catalog.models import (
    OcopCertificate,
    ProductPage,
    RuralIndustrialAward,
)
from catalog.models.licences import LicenceKind, sale_closed
from catalog.models.pages import ProductTag, best_valid_certificate
from catalog.renditions import (
    GALLERY_SPECS,
    LOGO_SPECS,
    OG_SPEC,
    THUMB_SPECS,
    Found,
    Picture,
    find_renditions,
    picture,
)
from catalog.structured_data import (
    absolute,
    open_graph,
    product_description,
    product_json_ld,
)
from catalog.visibility import public_products

RELATED_COUNT = 4
GALLERY_IMAGE_SPECS = (*GALLERY_SPECS, *THUMB_SPECS, OG_SPEC)


@dataclass(frozen=True)
class GalleryItem:
    picture: Picture
    thumb: Picture
    og_url: str


def load_product(page: ProductPage, request) -> ProductPage:
    """The page with its relations loaded (the router already did it for live pages).

    Previews render the unsaved revision as it is, so they keep ``page``.
    """
    if getattr(request, "is_preview", False) or page.pk is None:
        return page
    if getattr(page, "loaded_for_display", False):
        return page
    return ProductPage.display_queryset().get(pk=page.pk)


def related_queryset(product: ProductPage):
    """Other live products of the same category, the latest added first.

    By id rather than publication date: the category index then yields them in
    order, without sorting the whole category.
    """
    return (
        public_products()
        .filter(category_id=product.category_id)
        .exclude(pk=product.pk)
        .order_by("-pk")
    )


def origin_certificate(certificates) -> OcopCertificate | None:
    """The certificate the origin block shows: the best valid one, else the
    verified one that expired last (shown "hết hạn", so a label printed while it
    was valid is not contradicted in silence); never an unverified one."""
    best = best_valid_certificate(certificates)
    if best is not None:
        return best
    verified = [c for c in certificates if c.is_verified and c.expires_on]
    return max(verified, key=lambda c: c.expires_on, default=None)


def qr_label_urls(product: ProductPage) -> dict[str, str] | None:
    """The public QR codes of a live product (served only while it is live)."""
    if product.pk is None or not product.live:
        return None
    return {
        "png": reverse("product_qr_png", args=[product.pk]),
        "svg": reverse("product_qr_svg", args=[product.pk]),
    }


def product_lists(product: ProductPage, related_rows: list[dict]) -> dict:
    """Gallery, certificate, awards, certifications and tags of a product, and the
    batch of its related products' cards.

    A saved page gets one plain query per list; the galleries and certificates of
    the related products come in the product's own two queries. A preview keeps
    the lists of the revision being edited (held in memory by modelcluster).
    """
    if not getattr(product, "loaded_for_display", False):
        own = list(product.ocop_certificates.all()) if product.pk else []
        return {
            "gallery": [(item.image_id, item.alt_text) for item in product.images],
            "certificate": product.current_ocop,
            "origin_certificate": origin_certificate(own),
            "rural_awards": list(product.rural_awards.verified()) if product.pk else [],
            "certifications": list(product.certifications.all()),
            "tags": list(product.tags.all()),
            "related": batch_for(related_rows),
        }
    pk = product.pk
    related_ids = [row["pk"] for row in related_rows]
    images = galleries([pk, *related_ids])
    certificates: dict[int, list[OcopCertificate]] = {}
    for certificate in OcopCertificate.objects.filter(
        product_id__in=[pk, *related_ids]
    ):
        certificates.setdefault(certificate.product_id, []).append(certificate)
    best = {
        product_id: best_valid_certificate(found)
        for product_id, found in certificates.items()
    }
    certifications = ProductPage.certifications.through.objects.filter(
        productpage_id=pk
    ).select_related("certification")
    return {
        "gallery": images.pop(pk, []),
        "origin_certificate": origin_certificate(certificates.get(pk, [])),
        "certificate": best.pop(pk, None),
        "rural_awards": list(
            RuralIndustrialAward.objects.verified().filter(product_id=pk)
        ),
        "certifications": [
            link.certification
            for link in certifications.order_by("certification__name")
        ],
        "tags": [
            link.tag
            for link in ProductTag.objects.filter(content_object_id=pk)
            .select_related("tag")
            .order_by("tag__name")
        ],
        "related": CardBatch(
            rows=related_rows,
            stars={
                product_id: certificate.stars
                for product_id, certificate in best.items()
                if certificate is not None
            },
            covers=covers(images),
        ),
    }


def gallery_items(gallery: list[tuple[int, str]], found: Found) -> list[GalleryItem]:
    """The gallery's pictures, thumbnails and Open Graph URLs, in order."""
    items = []
    for image_id, alt in gallery:
        main = picture(found, image_id, GALLERY_SPECS, alt)
        thumb = picture(found, image_id, THUMB_SPECS, "")
        og = found.get((image_id, OG_SPEC))
        if main and thumb and og:
            items.append(GalleryItem(picture=main, thumb=thumb, og_url=og[0]))
    return items


def shown_parts(product: ProductPage, related_rows: list[dict]) -> dict:
    """What the page builds from records other than its rows: the gallery, the
    certificates, awards, certifications and tags, the seller's logo and the
    related products' cards, with every rendition read in one query."""
    lists = product_lists(product, related_rows)
    related = lists.pop("related")
    logo_id = product.seller.logo_id if product.seller is not None else None
    found = find_renditions(
        related.images,
        {image_id: GALLERY_IMAGE_SPECS for image_id, _alt in lists["gallery"]},
        {logo_id: LOGO_SPECS},
    )
    lists["gallery"] = gallery_items(lists["gallery"], found)
    lists["seller_logo"] = picture(found, logo_id, LOGO_SPECS, "")
    lists["related_products"] = related.cards(found)
    return lists


def _fresh_rows(product: ProductPage, related_rows: list[dict]) -> tuple:
    """The values of the rows read for this view that ``shown_parts`` depends on:
    a change to any of them is a new cache key."""
    seller = product.seller
    return (
        product.pk,
        product.live_revision_id,
        product.last_published_at,
        product.category_url_path,
        seller.pk if seller is not None else None,
        seller.live_revision_id if seller is not None else None,
        related_rows,
    )


def remembered_parts(product: ProductPage, related_rows: list[dict]) -> dict:
    """``shown_parts``, from catalog.display_cache for a saved page; a preview
    (its revision held in memory) is built afresh."""
    if not getattr(product, "loaded_for_display", False):
        return shown_parts(product, related_rows)
    return display_cache.remembered(
        "product",
        _fresh_rows(product, related_rows),
        lambda: shown_parts(product, related_rows),
    )


def product_detail_context(page: ProductPage, request) -> dict:
    product = load_product(page, request)
    parts = remembered_parts(
        product, card_rows(related_queryset(product), limit=RELATED_COUNT)
    )
    # JSON-LD and the OCOP badge read the certificate from the page.
    product.current_ocop = parts["certificate"]
    seller = product.seller
    gallery = parts["gallery"]
    og_image = absolute(request, gallery[0].og_url) if gallery else None
    # Each URL once: Wagtail works it out from the site's root paths every time.
    urls = {
        "product": product.get_url(request),
        "seller": seller.get_url(request) if seller is not None else None,
        "category": page_url(product.category_url_path, Site.get_site_root_paths()),
    }
    awards = parts["rural_awards"]
    absolute_url = absolute(request, urls["product"])
    description = product_description(product)
    return {
        "page": product,
        "self": product,
        "product": product,
        "seller": seller,
        "seller_url": urls["seller"],
        "certificate": parts["certificate"],
        "origin_certificate": parts["origin_certificate"],
        "qr_label": qr_label_urls(product),
        "category_url": urls["category"],
        "rural_awards": awards,
        "certifications": parts["certifications"],
        "tags": parts["tags"],
        "gallery": gallery,
        "seller_logo": parts["seller_logo"],
        "related_products": parts["related_products"],
        "product_json_ld": product_json_ld(
            product,
            url=absolute_url,
            seller_url=absolute(request, urls["seller"]) if urls["seller"] else None,
            image_urls=[og_image] if og_image else [],
            awards=awards,
        ),
        "open_graph": open_graph(
            title=product.title,
            description=description,
            url=absolute_url,
            image_url=og_image,
            kind="product",
        ),
        "meta_description": description,
        "regulated": regulated_goods(product, request),
    }


def regulated_goods(product: ProductPage, request) -> dict | None:
    """For conditional goods only (no query otherwise): the seller's licence the
    page shows, and whether the department has switched the class off."""
    kind = product.required_licence_kind
    if not kind:
        return None
    return {
        "kind": LicenceKind(kind).label,
        "licence": product.covering_licence(),
        "sale_closed": sale_closed(kind, request),
    }
