"""Checkout's emails in the outbox (marketplace/helpers/outbox.py): order
confirmations, status changes and department alerts, one message per task, so a
retry sends again only the message that failed. Registered from
CheckoutConfig.ready(); late refunds (refunds.py) use the same queue.
"""

from __future__ import annotations

from collections.abc import Callable

from catalog import reminders
from marketplace.checkout import emails
from marketplace.helpers.outbox import (
    BACKEND,
    enqueue,
    queue_email,
    register_emails,
    retry_later,
    send_email,
)

__all__ = ["BACKEND", "enqueue", "queue_email", "retry_later", "send_email"]

EMAILS: dict[str, Callable[..., None]] = {
    "order_confirmation": emails.order_confirmation,
    "seller_new_order": emails.seller_new_order,
    "order_status": emails.order_status,
    "seller_order_status": emails.seller_order_status,
    "payment_refunded": emails.payment_refunded,
    "department_alert": emails.department_alert,
    # Not an order email, but the same queue and retries (catalog sits below
    # checkout, so the outbox calls it rather than the other way round).
    "certificate_expiry": reminders.send_expiry_reminder,
}


def register_checkout_emails() -> None:
    register_emails(EMAILS)
