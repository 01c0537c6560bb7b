"""An order's progress as the shopper reads it: placed, confirmed or paid,
being prepared, shipped, delivered, or where it stopped (cancelled, refunded).

Read from the order's status and its own history (order-level status changes:
a seller moving only its part of a split order does not move the whole order).
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from marketplace.checkout.models import RANK, Order, PaymentMethodCode, Status

DONE, CURRENT, UPCOMING, STOPPED = "done", "current", "upcoming", "stopped"
ENDS = (Status.CANCELLED, Status.REFUNDED)


@dataclass(frozen=True)
class Step:
    label: str
    state: str  # DONE, CURRENT, UPCOMING or STOPPED
    at: datetime.datetime | None = None


def _reached_at(order: Order) -> dict[str, datetime.datetime]:
    """When the order first reached each status (its order-level history)."""
    reached: dict[str, datetime.datetime] = {}
    for change in order.status_changes.all():
        if change.seller_order_id is None:
            reached.setdefault(change.to_status, change.created_at)
    return reached


def _progress(order: Order) -> list[tuple[str, str]]:
    confirmed = (
        (Status.PAID, _("Đã thanh toán"))
        if order.payment_method == PaymentMethodCode.CARD
        else (Status.COD_CONFIRMED, _("Đã xác nhận"))
    )
    return [
        (Status.PENDING_PAYMENT, _("Đã đặt hàng")),
        confirmed,
        (Status.PROCESSING, _("Đang chuẩn bị hàng")),
        (Status.SHIPPED, _("Đang giao")),
        (Status.DELIVERED, _("Đã giao")),
    ]


def _furthest_before_end(order: Order, reached: dict) -> int:
    """The rank the order had reached before it was cancelled or refunded."""
    ranks = [RANK[status] for status in reached if status in RANK]
    if order.paid_at is not None:
        ranks.append(RANK[Status.PAID])
    return max(ranks, default=0)


def order_timeline(order: Order) -> list[Step]:
    reached = _reached_at(order)
    reached.setdefault(Status.PENDING_PAYMENT, order.created_at)
    if order.paid_at is not None:
        reached.setdefault(Status.PAID, order.paid_at)
    if order.status in ENDS:
        rank = _furthest_before_end(order, reached)
    else:
        rank = RANK[order.status]
    steps = []
    for status, label in _progress(order):
        if RANK[status] < rank or (RANK[status] == rank and order.status in ENDS):
            steps.append(Step(label, DONE, reached.get(status)))
        elif RANK[status] == rank:
            steps.append(Step(label, CURRENT, reached.get(status)))
        elif order.status not in ENDS:
            steps.append(Step(label, UPCOMING))
    if order.status in ENDS:
        steps.append(
            Step(Status(order.status).label, STOPPED, reached.get(order.status))
        )
    return steps
