"""Helpers for the buying tests: form data, placed orders, Stripe events signed
like Stripe signs them, the outbox's worker, a failing mail server and a Stripe
stand-in that never answers."""

import json
import signal
import smtplib
import socket
import threading
import time
import uuid
from contextlib import contextmanager

import stripe
from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from marketplace.checkout import payments, services
from marketplace.checkout.forms import new_checkout_key


def checkout_data(commune, method="card", **extra) -> dict:
    data = {
        "customer_name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "email": "an@example.vn",
        "street_line": "Ấp Mỹ Phú",
        "commune": commune.pk,
        "note": "",
        "payment_method": method,
        "checkout_key": new_checkout_key(),
        "consent_order_handling": "on",
    }
    data.update(extra)
    return data


def place_card_order(product, customer, quantity=2):
    return services.place_order(
        {product.pk: quantity}, customer, payments.METHODS["card"]
    )


def session_object(order, *, payment_status="paid", amount=None, currency="vnd"):
    return {
        "id": order.stripe_session_id or "cs_test_" + order.reference,
        "object": "checkout.session",
        "client_reference_id": order.reference,
        "metadata": {"order_reference": order.reference},
        "amount_total": order.total if amount is None else amount,
        "currency": currency,
        "payment_status": payment_status,
        "payment_intent": "pi_" + order.reference,
        "status": "complete" if payment_status == "paid" else "open",
    }


def make_event(event_type, session, event_id=None) -> str:
    return json.dumps(
        {
            "id": event_id or "evt_" + uuid.uuid4().hex,
            "object": "event",
            "type": event_type,
            "created": int(time.time()),
            "data": {"object": session},
        }
    )


def signature(payload: str, secret=None, timestamp=None) -> str:
    """The `Stripe-Signature` header, signed by the stripe library's own code."""
    return stripe.WebhookSignature.generate_signature_header(
        payload, secret or settings.STRIPE_WEBHOOK_SECRET, timestamp
    )


def post_event(client, payload: str, header: str | None = "sign"):
    headers = {}
    if header == "sign":
        header = signature(payload)
    if header is not None:
        headers["HTTP_STRIPE_SIGNATURE"] = header
    return client.post(
        "/stripe/webhook/", data=payload, content_type="application/json", **headers
    )


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that refuses every message, as a down SMTP relay does."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def outbox_in_database(settings) -> None:
    """The production outbox: tasks wait in the database for the worker."""
    settings.TASKS = {
        **settings.TASKS,
        "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }


def run_worker() -> None:
    """`manage.py db_worker` over every task due now, then back (the command sets
    its own signal handlers; the test process gets its own back)."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        call_command(
            "db_worker",
            "--backend",
            "outbox",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0",
            verbosity=0,
        )
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


@contextmanager
def holding_server():
    """A local port that accepts connections and never answers: a hung Stripe."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _addr = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=2)
        for conn in held:
            conn.close()
        server.close()
