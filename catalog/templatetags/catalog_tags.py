"""Template filters and components for shoppers' pages: money, dates, OCOP badge,
pictures, pagination and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from catalog.renditions import SPECS_BY_NAME, Picture, image_picture
from marketplace.formatting import format_date, format_number, format_vnd
from marketplace.helpers.fragments import CARDS

register = template.Library()

# JSON inside <script> must not be able to close the tag or open a comment.
_JSON_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
}


@register.filter
def vnd(value) -> str:
    """125000 → '125.000 ₫'; anything not a number renders as nothing."""
    try:
        return format_vnd(int(value))
    except (TypeError, ValueError):
        return ""


@register.filter
def vnnum(value) -> str:
    """1312 → '1.312'."""
    try:
        return format_number(int(value))
    except (TypeError, ValueError):
        return ""


@register.filter
def vndate(value) -> str:
    """A date or datetime as dd/mm/yyyy."""
    try:
        return format_date(value)
    except (AttributeError, TypeError, ValueError):
        return ""


@register.filter
def star_glyphs(count) -> str:
    """4 → '★★★★'."""
    try:
        return "★" * max(0, min(int(count), 5))
    except (TypeError, ValueError):
        return ""


@register.filter
def json_ld(data) -> str:
    """A dict as a ``<script type="application/ld+json">`` element, safely escaped."""
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


def _valid_stars(subject) -> int | None:
    """Stars of a valid certificate: the certificate given, or a product's best one.

    Listing cards carry ``ocop_stars_now`` (computed from valid certificates in the
    query) so a grid needs no certificate query per product.
    """
    from catalog.models import OcopCertificate, ProductPage

    if isinstance(subject, OcopCertificate):
        return subject.stars if subject.is_valid() else None
    if isinstance(subject, ProductPage):
        prefetched = getattr(subject, "_prefetched_objects_cache", {})
        if "ocop_certificates" not in prefetched and hasattr(subject, "ocop_stars_now"):
            return subject.ocop_stars_now
        certificate = subject.current_ocop
        return certificate.stars if certificate else None
    return None


@register.inclusion_tag("components/ocop_badge.html")
def ocop_badge(subject, size="small"):
    """The neutral 'OCOP ★★★★' badge, only for a verified, unexpired certificate.

    Never the official OCOP mark (QĐ 1162/QĐ-VPĐP-OCOP): a text badge from our record.
    """
    return {"stars": _valid_stars(subject), "size": size}


@register.simple_tag
def elided_page_range(page_obj):
    """Page numbers around the current one, with '…' gaps for long listings."""
    return page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=2, on_ends=1
    )


LOADING_CHOICES = ("lazy", "eager", "high")


@register.simple_tag(takes_context=True)
def product_card(context, card, with_summary=False) -> str:
    """``components/product_card.html`` for a ``catalog.cards.ProductCard``.

    A card shows nothing but its own values, so its HTML is rendered once per
    worker for each state of them (``marketplace.helpers.fragments.CARDS``);
    a grid of 24 cards costs 24 lookups instead of 24 renders.
    """
    with_summary = bool(with_summary)

    def render() -> str:
        template_ = context.template.engine.get_template("components/product_card.html")
        return template_.render(
            context.new({"card": card, "with_summary": with_summary})
        )

    return CARDS.remembered("product_card", (card, with_summary), render)


@register.inclusion_tag("components/picture.html")
def picture(image: Picture | None, css_class: str = "", loading: str = "lazy"):
    """One ``<img>`` from a ``catalog.renditions.Picture``: nothing when it is None.

    ``loading``: "lazy" below the fold (the default), "eager" for an image seen
    at once, "high" for the one image the page is about (the LCP).
    """
    if loading not in LOADING_CHOICES:
        raise template.TemplateSyntaxError(f"picture: unknown loading {loading!r}")
    return {"picture": image, "css_class": css_class, "loading": loading}


@register.filter
def as_picture(image, specs_name: str) -> Picture | None:
    """A Wagtail image as a ``Picture`` at the named specs (``"logo"``...).

    For pages that attach renditions to image objects (``prefetch_renditions``)
    rather than reading them with ``find_renditions``.
    """
    return image_picture(image, SPECS_BY_NAME[specs_name])
