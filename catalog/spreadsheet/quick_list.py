"""The quick list: many products' price, stock and availability on one screen.

Sales data only (catalog/sales_data.py), so nothing here waits for approval. The
stock figure is written only where the seller changed the one shown: checkout's
reservations made since the page was opened are kept on the other rows.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from catalog.models import ProductPage
from catalog.sales_data import apply_sales_data
from catalog.signals import sales_data_changed
from sellers.models import SellerPage

PER_PAGE = 50


def products_of(seller: SellerPage) -> QuerySet[ProductPage]:
    return ProductPage.objects.child_of(seller).order_by("title", "pk")


def initial_rows(products) -> list[dict]:
    return [
        {
            "san_pham": product.pk,
            "gia": product.price_vnd,
            "ton_kho": product.stock,
            "ton_kho_cu": product.stock,
            "dang_ban": product.available,
        }
        for product in products
    ]


def _wanted(data: dict) -> dict:
    wanted = {"price_vnd": data["gia"], "available": data["dang_ban"]}
    if data.get("ton_kho") != data.get("ton_kho_cu"):
        wanted["stock"] = data.get("ton_kho")
    return wanted


@transaction.atomic
def save_rows(rows: list[dict], allowed: dict[int, ProductPage], user) -> int:
    """Apply every row (all or none); return how many products changed."""
    changed = []
    for data in rows:
        page = allowed[data["san_pham"]]
        if apply_sales_data(page, user, notify=False, **_wanted(data)):
            changed.append(page.pk)
    if changed:
        sales_data_changed.send(sender=ProductPage, page_ids=changed)
    return len(changed)
