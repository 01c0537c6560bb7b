"""The one module that talks to Stripe: Checkout Sessions and webhook signatures.

Amounts are VND, a zero-decimal currency: ``unit_amount`` is the đồng amount as is.
"""

import json
import logging
import time
from dataclasses import dataclass
from functools import lru_cache

import stripe
from django.conf import settings

logger = logging.getLogger(__name__)

CURRENCY = "vnd"


class StripeUnavailable(Exception):
    """Stripe could not be reached or answered with an error; try again later."""


class InvalidSignature(Exception):
    """A webhook whose signature or timestamp does not check out."""


@dataclass(frozen=True)
class CreatedSession:
    id: str
    url: str


@lru_cache(maxsize=4)
def _client(api_key: str, api_base: str, version: str, timeout: float, retries: int):
    base = {"api": api_base} if api_base else None
    # The same bound to connect and to wait for each answer; the library retries
    # timeouts and refused connections (with the same idempotency key), so a call
    # gives up after about (retries + 1) × timeout seconds.
    return stripe.StripeClient(
        api_key,
        stripe_version=version,
        base_addresses=base,
        max_network_retries=retries,
        http_client=stripe.RequestsClient(timeout=(timeout, timeout)),
    )


def client():
    return _client(
        settings.STRIPE_SECRET_KEY,
        settings.STRIPE_API_BASE,
        settings.STRIPE_API_VERSION,
        settings.STRIPE_TIMEOUT,
        settings.STRIPE_MAX_NETWORK_RETRIES,
    )


def build_session_params(order, success_url: str, cancel_url: str) -> dict:
    """Checkout Session parameters: one line per product, one per seller's shipping."""
    line_items = []
    for part in order.seller_orders.all():
        for line in part.lines.all():
            line_items.append(
                {
                    "quantity": line.quantity,
                    "price_data": {
                        "currency": CURRENCY,
                        "unit_amount": line.unit_price,
                        "product_data": {
                            "name": line.product_title[:250],
                            "metadata": {"product_id": str(line.product_id or "")},
                        },
                    },
                }
            )
        if part.shipping_fee:
            line_items.append(
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": CURRENCY,
                        "unit_amount": part.shipping_fee,
                        "product_data": {
                            "name": f"Phí giao hàng – {part.seller_name}"[:250]
                        },
                    },
                }
            )
    metadata = {"order_reference": order.reference}
    lifetime = max(30, settings.CHECKOUT_SESSION_LIFETIME) * 60
    return {
        "mode": "payment",
        "payment_method_types": ["card"],
        "line_items": line_items,
        "client_reference_id": order.reference,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "customer_email": order.email,
        "locale": "vi",
        "success_url": success_url,
        "cancel_url": cancel_url,
        "expires_at": int(time.time()) + lifetime,
    }


def create_checkout_session(order, success_url: str, cancel_url: str) -> CreatedSession:
    """Create the session; the idempotency key is per order attempt, so the
    library's own retries never make a second session for the same attempt."""
    params = build_session_params(order, success_url, cancel_url)
    key = f"checkout-{order.reference}-{order.payment_attempts}"
    try:
        session = client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": key}
        )
    except stripe.StripeError as exc:
        logger.warning(
            "Stripe session for order %s failed: %s",
            order.reference,
            type(exc).__name__,
        )
        raise StripeUnavailable from exc
    return CreatedSession(id=session.id, url=session.url)


def retrieve_session(session_id: str) -> dict:
    try:
        session = client().v1.checkout.sessions.retrieve(session_id)
    except stripe.StripeError as exc:
        raise StripeUnavailable from exc
    return session.to_dict()


def expire_session(session_id: str) -> None:
    """Close an open session so it can no longer be paid."""
    try:
        client().v1.checkout.sessions.expire(session_id)
    except stripe.InvalidRequestError:
        logger.info("Session %s could not be expired (already closed)", session_id)
    except stripe.StripeError as exc:
        raise StripeUnavailable from exc


def refund_payment(payment_intent: str, amount: int, reference: str) -> str:
    """Give the money of one payment back; returns the refund id. The key makes a
    retried call (by the library or the outbox) refund once."""
    try:
        refund = client().v1.refunds.create(
            params={
                "payment_intent": payment_intent,
                "amount": amount,
                "metadata": {"order_reference": reference},
            },
            options={"idempotency_key": f"refund-{reference}-{payment_intent}"},
        )
    except stripe.StripeError as exc:
        logger.warning(
            "Stripe refund for order %s failed: %s", reference, type(exc).__name__
        )
        raise StripeUnavailable from exc
    return refund.id


def _timestamp(header: str) -> int:
    for item in header.split(","):
        key, _sep, value = item.partition("=")
        if key.strip() == "t" and value.strip().isdigit():
            return int(value.strip())
    raise InvalidSignature("no timestamp")


def verify_webhook(payload: bytes, header: str | None) -> dict:
    """The event as a dict, once the signature over the raw body is valid and its
    timestamp is within the tolerance either side of now."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    tolerance = settings.STRIPE_WEBHOOK_TOLERANCE
    if not header or not secret:
        raise InvalidSignature("missing header or secret")
    try:
        stripe.WebhookSignature.verify_header(payload, header, secret, tolerance)
    except (stripe.SignatureVerificationError, ValueError) as exc:
        raise InvalidSignature(str(exc)) from exc
    if _timestamp(header) > time.time() + tolerance:
        raise InvalidSignature("timestamp in the future")
    try:
        event = json.loads(payload)
    except (UnicodeDecodeError, ValueError) as exc:
        raise InvalidSignature("body is not JSON") from exc
    if not isinstance(event, dict) or not isinstance(event.get("id"), str):
        raise InvalidSignature("not an event")
    return event
