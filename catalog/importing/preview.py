"""What writing a seller's validated rows would do, row by row, without writing.

Each row is ``new`` (no product of that name under the seller), ``changed`` (with
the sales figures and the content fields that differ) or ``unchanged``; products
match as the writer matches them: by seller and folded name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from catalog.importing import wagtail_tree
from catalog.importing.rows import ProductRow
from catalog.importing.writing import differing_fields, product_values
from catalog.models import ProductPage
from marketplace.formatting import format_vnd
from marketplace.helpers.text import fold
from sellers.models import SellerPage

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"


@dataclass
class RowPlan:
    line: int
    product: str
    status: str
    # "giá: 65.000 ₫ → 70.000 ₫", applied at once (catalog.sales_data)
    sales: list[str] = field(default_factory=list)
    # field labels of content changes, which go to the department's approval
    content: list[str] = field(default_factory=list)


def _label(name: str) -> str:
    if name == "gallery":
        return str(_("ảnh"))
    return str(ProductPage._meta.get_field(name).verbose_name)


def _sales(row: ProductRow, page: ProductPage) -> list[str]:
    changes = []
    if row.price_vnd != page.price_vnd:
        changes.append(
            f"{_label('price_vnd')}: {format_vnd(page.price_vnd)} → "
            f"{format_vnd(row.price_vnd)}"
        )
    if row.stock is not None and row.stock != page.stock:
        before = "—" if page.stock is None else page.stock
        changes.append(f"{_label('stock')}: {before} → {row.stock}")
    return changes


def _content(row: ProductRow, page: ProductPage) -> list[str]:
    draft = wagtail_tree.latest_draft(page)
    values = product_values(row)
    values.pop("price_vnd")
    names = differing_fields(draft, values)
    hashes = [image.sha1 for image in row.images]
    gallery = [item.image.file_hash for item in draft.gallery_images.all()]
    if hashes and hashes != gallery:
        names.append("gallery")
    if row.ocop is not None and not any(
        (c.stars, c.decision_number, c.decision_date)
        == (row.ocop.stars, row.ocop.number, row.ocop.issued)
        for c in page.ocop_certificates.all()
    ):
        names.append("ocop")
    return [
        str(_("chứng nhận OCOP")) if name == "ocop" else _label(name)
        for name in dict.fromkeys(names)
    ]


def plan_rows(rows: list[ProductRow], seller: SellerPage) -> list[RowPlan]:
    """One plan per row, in the file's order."""
    existing = {
        fold(page.title): page
        for page in ProductPage.objects.child_of(seller).prefetch_related(
            "gallery_images__image", "ocop_certificates"
        )
    }
    plans = []
    for row in rows:
        page = existing.get(fold(row.name))
        if page is None:
            plans.append(RowPlan(row.line, row.name, NEW))
            continue
        sales, content = _sales(row, page), _content(row, page)
        status = CHANGED if sales or content else UNCHANGED
        plans.append(RowPlan(row.line, row.name, status, sales, content))
    return plans
