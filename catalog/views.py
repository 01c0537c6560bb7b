"""Public views of the catalogue beyond its pages: the QR codes of product labels."""

from django.http import Http404, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from catalog.labels import label_url, public_product
from catalog.qr import qr_png, qr_svg

# A product's code changes only if its URL does: a day in shared caches is safe.
QR_MAX_AGE = 24 * 60 * 60


def _public_url(product_id: int) -> tuple[str, str]:
    """(title, tracked URL) of a live, unrestricted product; 404 otherwise."""
    product = public_product(product_id)
    url = label_url(product) if product is not None else None
    if url is None:
        raise Http404
    return product.title, url


@require_safe
@cache_control(public=True, max_age=QR_MAX_AGE)
def product_qr_png(request, product_id: int):
    _title, url = _public_url(product_id)
    return HttpResponse(qr_png(url), content_type="image/png")


@require_safe
@cache_control(public=True, max_age=QR_MAX_AGE)
def product_qr_svg(request, product_id: int):
    title, url = _public_url(product_id)
    return HttpResponse(qr_svg(url, title=title), content_type="image/svg+xml")
