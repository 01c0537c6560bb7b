"""The seller's home in the admin: its products by state, what needs fixing, and
certificates about to expire, each item a link to the page that fixes it.

A bounded number of queries whatever the catalogue's size (one for the products
with their flags, one for workflow states, one for certificates); the lists show
at most LIST_LIMIT items each. Checkout adds its own panel for orders.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState, get_default_page_content_type

from catalog.models import OcopCertificate, ProductImage, ProductPage

LOW_STOCK = 5
EXPIRY_WARNING_DAYS = 90
LIST_LIMIT = 20


@dataclass
class ProductItem:
    pk: int
    title: str
    stock: int | None = None
    comment: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.pk])


@dataclass
class SellerHome:
    live: int = 0
    draft: int = 0
    awaiting: list[ProductItem] = field(default_factory=list)
    rejected: list[ProductItem] = field(default_factory=list)
    low_stock: list[ProductItem] = field(default_factory=list)
    incomplete: list[ProductItem] = field(default_factory=list)
    expiring: list = field(default_factory=list)
    returned: list = field(default_factory=list)
    total: int = 0


def _product_rows(seller_ids: list[int]):
    has_image = Exists(ProductImage.objects.filter(page_id=OuterRef("pk")))
    return (
        ProductPage.objects.filter(seller_id__in=seller_ids)
        .annotate(has_image=has_image)
        .order_by("title", "pk")
        .values("pk", "title", "live", "stock", "price_vnd", "description", "has_image")
    )


def _problems(row: dict) -> list[str]:
    problems = []
    if not row["has_image"]:
        problems.append(_("thiếu ảnh"))
    if not row["price_vnd"]:
        problems.append(_("thiếu giá"))
    if not (row["description"] or "").strip():
        problems.append(_("thiếu mô tả"))
    return problems


def _workflow_states(seller_ids: list[int]) -> dict[int, WorkflowState]:
    """Active workflow states (awaiting approval or sent back) of the products."""
    product_ids = ProductPage.objects.filter(seller_id__in=seller_ids).values(
        text_id=Cast("pk", output_field=CharField())
    )
    states = (
        WorkflowState.objects.active()
        .filter(
            base_content_type_id=get_default_page_content_type().id,
            object_id__in=product_ids,
        )
        .select_related("current_task_state")
    )
    return {int(state.object_id): state for state in states}


def seller_home(seller_ids: list[int]) -> SellerHome:
    """What the seller's dashboard shows for the sellers the editor works for."""
    home = SellerHome()
    states = _workflow_states(seller_ids)
    for row in _product_rows(seller_ids):
        home.total += 1
        item = ProductItem(row["pk"], row["title"], row["stock"])
        state = states.get(row["pk"])
        if row["live"]:
            home.live += 1
        elif state is None:
            home.draft += 1
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            task_state = state.current_task_state
            item.comment = task_state.comment if task_state else ""
            home.rejected.append(item)
        elif state is not None:
            home.awaiting.append(item)
        if row["stock"] is not None and row["stock"] <= LOW_STOCK:
            home.low_stock.append(item)
        item.problems = _problems(row)
        if item.problems:
            home.incomplete.append(item)
    _add_certificates(home, seller_ids)
    return home


def _add_certificates(home: SellerHome, seller_ids: list[int]) -> None:
    today = timezone.localdate()
    until = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    expiring = Q(expires_on__gte=today, expires_on__lte=until)
    returned = Q(verified_at__isnull=True, returned_at__isnull=False)
    certificates = (
        OcopCertificate.objects.filter(product__seller_id__in=seller_ids)
        .filter(expiring | returned)
        .select_related("product")
        .order_by("expires_on", "pk")
    )
    for certificate in certificates:
        if certificate.is_returned:
            home.returned.append(certificate)
        else:
            home.expiring.append(certificate)


class SellerHomePanel(Component):
    """The first panel of a seller editor's dashboard."""

    name = "seller_home"
    template_name = "catalog/admin/seller_home_panel.html"
    order = 10

    def __init__(self, seller_ids: list[int]):
        self.seller_ids = seller_ids

    def get_context_data(self, parent_context=None):
        home = seller_home(self.seller_ids)
        return {
            "home": home,
            "limit": LIST_LIMIT,
            "low_stock_level": LOW_STOCK,
            "expiry_days": EXPIRY_WARNING_DAYS,
            "explore_urls": [
                reverse("wagtailadmin_explore", args=[pk]) for pk in self.seller_ids
            ],
        }
