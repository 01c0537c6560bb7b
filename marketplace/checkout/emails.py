"""Order emails through Django's mail (the console backend in development).

Each function takes ids and is queued with transaction.on_commit, so a rolled
back change never sends mail and a committed one sends it once.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _order(order_id: int):
    from marketplace.checkout.models import Order

    return (
        Order.objects.select_related("commune")
        .prefetch_related("seller_orders__lines", "seller_orders__seller")
        .get(pk=order_id)
    )


def _site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _send(subject: str, template: str, context: dict, to: list[str]) -> None:
    recipients = [address for address in to if address]
    if not recipients:
        return
    context = {**context, "site_url": _site_url()}
    body = render_to_string(template, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def send_order_placed(order_id: int) -> None:
    """Confirmation to the shopper and a new-order notice to each seller."""
    with translation.override("vi"):
        order = _order(order_id)
        _send(
            _("Xác nhận đơn hàng %(ref)s") % {"ref": order.reference},
            "checkout/emails/order_confirmation.txt",
            {"order": order},
            [order.email],
        )
        for part in order.seller_orders.all():
            _send(
                _("Đơn hàng mới %(ref)s") % {"ref": order.reference},
                "checkout/emails/seller_new_order.txt",
                {"order": order, "part": part},
                [part.seller.email],
            )


def send_order_status(order_id: int) -> None:
    """The order's status changed (paid, cancelled...): tell the shopper."""
    with translation.override("vi"):
        order = _order(order_id)
        _send(
            _("Đơn hàng %(ref)s: %(status)s")
            % {"ref": order.reference, "status": order.get_status_display()},
            "checkout/emails/status_change.txt",
            {"order": order, "part": None},
            [order.email],
        )


def send_seller_order_status(seller_order_id: int) -> None:
    """One seller moved its part forward: tell the shopper."""
    from marketplace.checkout.models import SellerOrder

    with translation.override("vi"):
        part = SellerOrder.objects.select_related("order").get(pk=seller_order_id)
        order = _order(part.order_id)
        _send(
            _("Đơn hàng %(ref)s: %(status)s")
            % {"ref": order.reference, "status": part.get_status_display()},
            "checkout/emails/status_change.txt",
            {"order": order, "part": part},
            [order.email],
        )


def department_recipients() -> list[str]:
    from sellers.services import DEPARTMENT_GROUP

    users = (
        get_user_model()
        .objects.filter(groups__name=DEPARTMENT_GROUP, is_active=True)
        .exclude(email="")
    )
    addresses = list(users.values_list("email", flat=True))
    return sorted(set(addresses + list(settings.CHECKOUT_DEPARTMENT_EMAILS)))


def send_department_alert(order_id: int, reason: str) -> None:
    """An order was put on hold (amount mismatch, payment after cancellation...)."""
    with translation.override("vi"):
        order = _order(order_id)
        recipients = department_recipients()
        if not recipients:
            logger.error(
                "Order %s on hold and no department address to alert", order.reference
            )
            return
        body = render_to_string(
            "checkout/emails/department_alert.txt",
            {"order": order, "reason": reason, "site_url": _site_url()},
        )
        EmailMessage(
            _("[Cần xử lý] Đơn hàng %(ref)s bị tạm giữ") % {"ref": order.reference},
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        ).send()
