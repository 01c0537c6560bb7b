"""schema.org JSON-LD and Open Graph data for shoppers' pages, built as plain dicts.

Templates serialise them with the ``json_ld`` filter, never by string concatenation.
"""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

SCHEMA_CONTEXT = "https://schema.org"
IN_STOCK = "https://schema.org/InStock"
OUT_OF_STOCK = "https://schema.org/OutOfStock"


def absolute(request, url: str | None) -> str | None:
    if not url:
        return None
    if request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def breadcrumb_list(crumbs, request) -> dict:
    """``BreadcrumbList`` for crumbs ``(name, url)`` (the last is the page)."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute(request, url),
            }
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def product_description(product) -> str:
    text = product.summary or strip_tags(product.description or "")
    return Truncator(" ".join(text.split())).chars(300)


def ocop_certification(certificate) -> dict:
    """The OCOP rating as a schema.org ``Certification``."""
    data = {
        "@type": "Certification",
        "name": _("Sản phẩm OCOP %(stars)s sao") % {"stars": certificate.stars},
        "certificationRating": {
            "@type": "Rating",
            "ratingValue": certificate.stars,
            "bestRating": 5,
            "worstRating": 3,
        },
        "issuedBy": {
            "@type": "GovernmentOrganization",
            "name": str(certificate.get_level_display()),
        },
    }
    if certificate.decision_number:
        data["certificationIdentification"] = certificate.decision_number
    if certificate.decision_date:
        data["validFrom"] = certificate.decision_date.isoformat()
    if certificate.expires_on:
        data["expires"] = certificate.expires_on.isoformat()
    return data


def product_json_ld(
    product, *, url: str, seller_url: str | None, image_urls: list[str], awards
) -> dict:
    """schema.org ``Product`` with a VND ``Offer`` and the OCOP certification.

    ``url``, ``seller_url`` and ``image_urls`` are absolute.
    """
    seller = product.seller
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Product",
        "name": product.title,
        "description": product_description(product),
        "sku": str(product.pk),
        "url": url,
        "image": image_urls,
        "category": product.category.display_name if product.category_id else None,
        "offers": {
            "@type": "Offer",
            "priceCurrency": "VND",
            "price": int(product.price_vnd),
            "availability": IN_STOCK if product.in_stock else OUT_OF_STOCK,
            "url": url,
        },
    }
    if seller is not None:
        organisation = {
            "@type": "Organization",
            "name": seller.legal_name or seller.title,
            "url": seller_url,
        }
        data["brand"] = {"@type": "Brand", "name": seller.title}
        data["offers"]["seller"] = organisation
    award_texts = []
    certificate = product.current_ocop
    if certificate is not None:
        data["hasCertification"] = ocop_certification(certificate)
        award_texts.append(data["hasCertification"]["name"])
    award_texts += [
        _("Sản phẩm công nghiệp nông thôn tiêu biểu %(level)s %(year)s")
        % {"level": award.get_level_display().lower(), "year": award.year}
        for award in awards
    ]
    if award_texts:
        data["award"] = award_texts
    return {key: value for key, value in data.items() if value not in (None, [])}


def open_graph(*, title: str, description: str, url: str, image_url, kind: str):
    """Open Graph properties as (property, content) pairs, blanks left out."""
    pairs = [
        ("og:type", kind),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:image", image_url),
        ("og:site_name", _("Sàn OCOP Vĩnh Long")),
    ]
    return [(prop, content) for prop, content in pairs if content]
