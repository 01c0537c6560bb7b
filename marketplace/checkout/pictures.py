"""Thumbnails of the products on the buying pages (cart, checkout, order pages):
each product's cover picture, every rendition read in one query."""

from collections.abc import Iterable

from catalog.cards import covers, galleries
from catalog.renditions import THUMB_SPECS, Picture, find_renditions, picture


def thumbnails(product_ids: Iterable[int | None]) -> dict[int, Picture]:
    """``product id -> Picture`` of its cover; products without one are left out.

    The alt text is empty: the product's name is written next to the picture.
    """
    cover = covers(galleries({pk for pk in product_ids if pk}))
    found = find_renditions(
        {image_id: THUMB_SPECS for image_id, _alt in cover.values()}
    )
    pictures = {
        pk: picture(found, image_id, THUMB_SPECS, "")
        for pk, (image_id, _alt) in cover.items()
    }
    return {
        pk: found_picture for pk, found_picture in pictures.items() if found_picture
    }


def attach_to_cart(summary) -> None:
    """Give every cart line its ``thumbnail`` (None without a picture)."""
    found = thumbnails(line.product.pk for line in summary.lines)
    for line in summary.lines:
        line.thumbnail = found.get(line.product.pk)


def attach_to_order(order) -> None:
    """Give every order line its ``thumbnail``: the product's picture today (the
    line itself keeps only the title and price it was bought at)."""
    lines = [line for part in order.seller_orders.all() for line in part.lines.all()]
    found = thumbnails(line.product_id for line in lines)
    for line in lines:
        line.thumbnail = found.get(line.product_id)
