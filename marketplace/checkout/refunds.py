"""Refunds of payments that arrived when the goods were gone (services.REFUND_DUE),
run from the outbox so a Stripe outage delays the refund but never loses it."""

from __future__ import annotations

from django_tasks import task

from marketplace.checkout import outbox, services
from marketplace.checkout import stripe as stripe_api
from marketplace.checkout.models import Order


@task(backend=outbox.BACKEND)
def refund_late_payment(order_id: int, attempt: int = 1) -> str:
    order = Order.objects.get(pk=order_id)
    if not services.refund_due(order):
        return "nothing-to-refund"
    try:
        refund_id = stripe_api.refund_payment(
            order.stripe_payment_intent, order.paid_amount, order.reference
        )
    except stripe_api.StripeUnavailable as exc:
        outbox.retry_later(refund_late_payment, (order_id,), attempt, exc)
        raise  # this attempt is recorded as failed
    return services.record_refund(order, refund_id)


def settle(order: Order, outcome: str) -> str:
    """After record_payment: queue the refund it asked for, in its transaction."""
    if outcome == services.REFUND_DUE:
        outbox.enqueue(refund_late_payment, order.pk)
    return outcome
