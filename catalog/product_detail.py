"""Everything the product page shows, loaded in a fixed number of queries."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from catalog.cards import CardBatch, card_batch
from catalog.models import (
    OcopCertificate,
    ProductImage,
    ProductPage,
    RuralIndustrialAward,
)
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
    breadcrumb_list,
    open_graph,
    product_description,
    product_json_ld,
)
from marketplace.navigation import main_navigation

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


def product_lists(product: ProductPage) -> dict:
    """Gallery, certificates, awards, certifications and tags of a product.

    A saved page gets one plain query per list; a preview keeps the lists of the
    revision being edited (held in memory by modelcluster).
    """
    if not getattr(product, "loaded_for_display", False):
        return {
            "gallery": product.images,
            "certificate": product.current_ocop,
            "rural_awards": list(product.rural_awards.all()) if product.pk else [],
            "certifications": list(product.certifications.all()),
            "tags": list(product.tags.all()),
        }
    pk = product.pk
    certifications = ProductPage.certifications.through.objects.filter(
        productpage_id=pk
    ).select_related("certification")
    return {
        "gallery": list(
            ProductImage.objects.filter(page_id=pk).order_by("sort_order", "pk")
        ),
        "certificate": best_valid_certificate(
            OcopCertificate.objects.filter(product_id=pk)
        ),
        "rural_awards": list(RuralIndustrialAward.objects.filter(product_id=pk)),
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
    }


def related_products(product: ProductPage) -> CardBatch:
    """Other live products of the same category, the latest added first.

    By id rather than publication date: the category index then yields them in
    order, without sorting the whole category.
    """
    return card_batch(
        ProductPage.objects.live()
        .filter(category_id=product.category_id)
        .exclude(pk=product.pk)
        .order_by("-pk"),
        limit=RELATED_COUNT,
    )


def gallery_items(gallery: list[ProductImage], found: Found) -> list[GalleryItem]:
    """The gallery's pictures, thumbnails and Open Graph URLs, in order."""
    items = []
    for item in gallery:
        main = picture(found, item.image_id, GALLERY_SPECS, item.alt_text)
        thumb = picture(found, item.image_id, THUMB_SPECS, "")
        og = found.get((item.image_id, OG_SPEC))
        if main and thumb and og:
            items.append(GalleryItem(picture=main, thumb=thumb, og_url=og[0]))
    return items


def category_url(product: ProductPage, request) -> str | None:
    """The URL of the product's live category page, read from the cached menu."""
    if not product.category_id:
        return None
    for item in main_navigation(request):
        if item["kind"] == "category" and item["slug"] == product.category.slug:
            return item["url"]
    return None


def breadcrumbs(product: ProductPage, request, category_link: str | None) -> list[dict]:
    """Trang chủ › category › seller › product."""
    crumbs = [{"name": _("Trang chủ"), "url": "/"}]
    if category_link:
        crumbs.append({"name": product.category.display_name, "url": category_link})
    if product.seller is not None:
        crumbs.append(
            {"name": product.seller.title, "url": product.seller.get_url(request)}
        )
    crumbs.append({"name": product.title, "url": product.get_url(request)})
    return crumbs


def product_detail_context(page: ProductPage, request) -> dict:
    product = load_product(page, request)
    lists = product_lists(product)
    # The page's own helpers (JSON-LD, templates) read these two.
    product.images = lists["gallery"]
    product.current_ocop = lists["certificate"]
    related = related_products(product)
    seller = product.seller
    logo_id = seller.logo_id if seller is not None else None
    # Every rendition the page shows, read in one query.
    found = find_renditions(
        related.images,
        {item.image_id: GALLERY_IMAGE_SPECS for item in product.images},
        {logo_id: LOGO_SPECS},
    )
    gallery = gallery_items(product.images, found)
    og_image = absolute(request, gallery[0].og_url) if gallery else None
    category_link = category_url(product, request)
    crumbs = breadcrumbs(product, request, category_link)
    awards = lists["rural_awards"]
    page_url = absolute(request, product.get_url(request))
    description = product_description(product)
    return {
        "page": product,
        "self": product,
        "product": product,
        "seller": seller,
        "certificate": product.current_ocop,
        "category_url": category_link,
        "rural_awards": awards,
        "certifications": lists["certifications"],
        "tags": lists["tags"],
        "gallery": gallery,
        "seller_logo": picture(found, logo_id, LOGO_SPECS, ""),
        "related_products": related.cards(found),
        "breadcrumbs": crumbs,
        "breadcrumbs_json_ld": breadcrumb_list(crumbs, request),
        "product_json_ld": product_json_ld(
            product, request, image_urls=[og_image] if og_image else [], awards=awards
        ),
        "open_graph": open_graph(
            title=product.title,
            description=description,
            url=page_url,
            image_url=og_image,
            kind="product",
        ),
        "meta_description": description,
    }
