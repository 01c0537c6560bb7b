"""Order emails, one message per function, through Django's mail (the console
backend in development).

Nothing here is called from a request: marketplace/checkout/tasks.py queues each
message and the worker sends it, so a retry after a failure sends that one message
again and never repeats one that already went out.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.checkout.links import order_link_path
from marketplace.checkout.models import Order, SellerOrder
from sellers.services import department_emails

logger = logging.getLogger(__name__)


def _order(order_id: int) -> Order:
    return (
        Order.objects.select_related("commune")
        .prefetch_related("seller_orders__lines", "seller_orders__seller")
        .get(pk=order_id)
    )


def _site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _for_shopper(order: Order, **extra) -> dict:
    """What every email to the shopper shows: the order and the signed link that
    opens it from any browser (links.py)."""
    return {"order": order, "order_link": order_link_path(order), **extra}


def _send(subject: str, template: str, context: dict, to: list[str]) -> None:
    """One message to every address in ``to``; an SMTP failure propagates."""
    recipients = [address for address in to if address]
    if not recipients:
        return
    body = render_to_string(template, {**context, "site_url": _site_url()})
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients).send()


def order_confirmation(order_id: int) -> None:
    """To the shopper: the order is confirmed (paid, or cash on delivery)."""
    with translation.override("vi"):
        order = _order(order_id)
        _send(
            _("Xác nhận đơn hàng %(ref)s") % {"ref": order.reference},
            "checkout/emails/order_confirmation.txt",
            _for_shopper(order),
            [order.email],
        )


def seller_new_order(seller_order_id: int) -> None:
    """To one seller: its part of a confirmed order."""
    with translation.override("vi"):
        part = SellerOrder.objects.select_related("seller").get(pk=seller_order_id)
        order = _order(part.order_id)
        _send(
            _("Đơn hàng mới %(ref)s") % {"ref": order.reference},
            "checkout/emails/seller_new_order.txt",
            {"order": order, "part": part},
            [part.seller.email],
        )


def order_status(order_id: int) -> None:
    """To the shopper: the order's status changed (cancelled, refunded...)."""
    with translation.override("vi"):
        order = _order(order_id)
        _send(
            _("Đơn hàng %(ref)s: %(status)s")
            % {"ref": order.reference, "status": order.get_status_display()},
            "checkout/emails/status_change.txt",
            _for_shopper(order, part=None),
            [order.email],
        )


def seller_order_status(seller_order_id: int) -> None:
    """To the shopper: one seller moved its part forward."""
    with translation.override("vi"):
        part = SellerOrder.objects.select_related("order").get(pk=seller_order_id)
        order = _order(part.order_id)
        _send(
            _("Đơn hàng %(ref)s: %(status)s")
            % {"ref": order.reference, "status": part.get_status_display()},
            "checkout/emails/status_change.txt",
            _for_shopper(order, part=part),
            [order.email],
        )


def payment_refunded(order_id: int) -> None:
    """To the shopper: paid after the hold ran out and the goods were gone, so the
    money went back through Stripe."""
    with translation.override("vi"):
        order = _order(order_id)
        _send(
            _("Đơn hàng %(ref)s: đã hoàn tiền") % {"ref": order.reference},
            "checkout/emails/payment_refunded.txt",
            _for_shopper(order),
            [order.email],
        )


def department_alert(order_id: int, reason: str) -> None:
    """To the department: an order was put on hold (amount mismatch...)."""
    with translation.override("vi"):
        order = _order(order_id)
        recipients = department_emails()
        if not recipients:
            logger.error(
                "Order %s on hold and no department address to alert", order.reference
            )
            return
        _send(
            _("[Cần xử lý] Đơn hàng %(ref)s bị tạm giữ") % {"ref": order.reference},
            "checkout/emails/department_alert.txt",
            {"order": order, "reason": reason},
            recipients,
        )
