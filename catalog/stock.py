"""A seller's edit of the stock figure applies at once, outside the approval workflow.

Page revisions never carry stock back onto the live row (see
``ProductPage.with_content_json``); only a figure the seller actually changed in the
edit form is written, under a row lock, so reservations made meanwhile are kept."""

from django.db import transaction

from catalog.models import ProductPage


def _stock_in(revision) -> int | None:
    return revision.content.get("stock") if revision is not None else None


def apply_edited_stock(page: ProductPage) -> bool:
    """Compare the two newest revisions; when the seller changed stock, make it live.
    Returns True when the live figure changed."""
    revisions = list(page.revisions.order_by("-created_at", "-id")[:2])
    if not revisions:
        return False
    edited = _stock_in(revisions[0])
    previous = _stock_in(revisions[1]) if len(revisions) > 1 else None
    if len(revisions) > 1 and edited == previous:
        return False
    with transaction.atomic():
        live = ProductPage.objects.select_for_update().get(pk=page.pk)
        if live.stock == edited:
            return False
        ProductPage.objects.filter(pk=page.pk).update(stock=edited)
    return True
