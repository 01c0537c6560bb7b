"""Orders to handle on a seller editor's dashboard (checkout's own panel: the
catalogue's panel cannot know about orders)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from marketplace.checkout.models import SellerOrder, Status

# Paid or confirmed and not yet shipped: the seller has to act.
TO_HANDLE = (Status.PAID, Status.COD_CONFIRMED, Status.PROCESSING)
LIST_LIMIT = 10


def orders_to_handle(seller_ids: list[int]) -> list[SellerOrder]:
    """The oldest parts waiting for the sellers first, at most LIST_LIMIT + 1 (one
    more tells the panel there are more)."""
    return list(
        SellerOrder.objects.filter(seller_id__in=seller_ids, status__in=TO_HANDLE)
        .exclude(order__on_hold=True)
        .select_related("order")
        .order_by("order__created_at", "pk")[: LIST_LIMIT + 1]
    )


class OrdersToHandlePanel(Component):
    name = "orders_to_handle"
    template_name = "checkout/admin/orders_to_handle_panel.html"
    order = 20

    def __init__(self, seller_ids: list[int]):
        self.seller_ids = seller_ids

    def get_context_data(self, parent_context=None):
        parts = orders_to_handle(self.seller_ids)
        return {
            "parts": parts[:LIST_LIMIT],
            "more": len(parts) > LIST_LIMIT,
            "index_url": reverse("checkout_admin:index"),
        }
