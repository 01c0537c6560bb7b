"""Price, stock and availability: sales data, applied at once, never moderated.

The department approves what a product *is* (its name, pictures, description,
category, certificate). What it costs, how many are left and whether it is on sale
change daily and are the seller's own business, so they skip the workflow: the
new figures go to the live row and into the page's latest (and live) revision, so
that publishing a draft waiting for approval later does not bring old figures
back. Each change is logged on the page's history (who, what, from and to).

Used by the spreadsheet upload and the quick price list (catalog/spreadsheet/).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Revision

from catalog.models import ProductPage
from catalog.signals import sales_data_changed

SALES_DATA_ACTION = "catalog.sales_data"
SALES_FIELDS = ("price_vnd", "stock", "available")


def _changes(live: ProductPage, wanted: dict[str, Any]) -> dict[str, Any]:
    return {
        name: value
        for name, value in wanted.items()
        if name in SALES_FIELDS and getattr(live, name) != value
    }


def _update_revisions(live: ProductPage, changes: dict[str, Any]) -> None:
    ids = {live.latest_revision_id, live.live_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=ids):
        revision.content.update(changes)
        revision.save(update_fields=["content"])


@transaction.atomic
def apply_sales_data(
    page: ProductPage,
    user: AbstractBaseUser | None,
    *,
    notify: bool = True,
    **wanted: Any,
) -> dict[str, Any]:
    """Set the given sales fields (``price_vnd``, ``stock``, ``available``) that
    differ; return them. Under a row lock: a reservation made meanwhile is not
    lost for the fields left alone."""
    live = ProductPage.objects.select_for_update().get(pk=page.pk)
    changes = _changes(live, wanted)
    if not changes:
        return {}
    before = {name: getattr(live, name) for name in changes}
    ProductPage.objects.filter(pk=live.pk).update(**changes)
    _update_revisions(live, changes)
    for name, value in changes.items():
        setattr(page, name, value)
    log(
        page,
        SALES_DATA_ACTION,
        user=user,
        data={"before": before, "after": changes},
    )
    if notify:
        sales_data_changed.send(sender=ProductPage, page_ids=[page.pk])
    return changes
