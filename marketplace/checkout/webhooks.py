"""Stripe webhook: verify the signature over the raw body, record the event id so
a redelivery is a no-op, then dispatch by type to idempotent handlers."""

import logging

from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.checkout import refunds, services
from marketplace.checkout import stripe as stripe_api
from marketplace.checkout.models import PaymentState, ProcessedStripeEvent

logger = logging.getLogger(__name__)


def _completed(order, session: dict) -> str:
    # Delayed methods complete "unpaid" first and report later through
    # async_payment_succeeded or async_payment_failed.
    if session.get("payment_status") in ("paid", "no_payment_required"):
        return refunds.settle(order, services.record_payment(order, session))
    return "awaiting-payment"


def _succeeded(order, session: dict) -> str:
    return refunds.settle(order, services.record_payment(order, session))


def _failed(order, session: dict) -> str:
    return services.record_payment_failure(order, session, PaymentState.FAILED)


def _expired(order, session: dict) -> str:
    return services.record_payment_failure(order, session, PaymentState.EXPIRED)


HANDLERS = {
    "checkout.session.completed": _completed,
    "checkout.session.async_payment_succeeded": _succeeded,
    "checkout.session.async_payment_failed": _failed,
    "checkout.session.expired": _expired,
}


def handle_event(event: dict) -> str:
    """Handle one verified event exactly once; returns what happened."""
    event_type = str(event.get("type") or "")
    handler = HANDLERS.get(event_type)
    session = ((event.get("data") or {}).get("object")) or {}
    if not isinstance(session, dict):
        session = {}
    with transaction.atomic():
        order = services.find_order_for_session(session) if handler else None
        try:
            with transaction.atomic():
                ProcessedStripeEvent.objects.create(
                    event_id=event["id"][:255],
                    event_type=event_type[:100],
                    order=order,
                )
        except IntegrityError:
            return "duplicate"
        if handler is None:
            return "ignored"
        if order is None:
            logger.warning("Stripe event %s names no known order", event["id"])
            return "unknown-order"
        return handler(order, session)


@csrf_exempt
@never_cache
@require_POST
def stripe_webhook(request):
    try:
        event = stripe_api.verify_webhook(
            request.body, request.headers.get("Stripe-Signature")
        )
    except stripe_api.InvalidSignature:
        logger.warning("Stripe webhook with a bad signature refused")
        return HttpResponseBadRequest("invalid signature")
    outcome = handle_event(event)
    return HttpResponse(outcome, content_type="text/plain")
