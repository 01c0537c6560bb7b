import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from catalog.models import ProductPage
from marketplace.checkout import services
from marketplace.checkout.models import (
    Order,
    OrderStatusChange,
    PaymentState,
    ProcessedStripeEvent,
    Status,
)
from sellers.services import DEPARTMENT_GROUP
from tests.checkout.utils import (
    make_event,
    place_card_order,
    post_event,
    session_object,
    signature,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(product, customer):
    order = place_card_order(product, customer, 2)
    order.stripe_session_id = "cs_test_" + order.reference
    order.save()
    return order


@pytest.fixture
def department_user(site_root, django_user_model):
    user = django_user_model.objects.create_user(
        "so-cong-thuong", "sct@example.vn", "x"
    )
    user.groups.add(Group.objects.get(name=DEPARTMENT_GROUP))
    return user


@pytest.fixture
def deliver(client, django_capture_on_commit_callbacks):
    """Post a signed event and run what the commit would run (emails)."""

    def _deliver(payload, header="sign"):
        with django_capture_on_commit_callbacks(execute=True):
            return post_event(client, payload, header)

    return _deliver


def stock_of(product):
    return ProductPage.objects.get(pk=product.pk).stock


def snapshot(order, product):
    order.refresh_from_db()
    return (
        order.status,
        order.payment_state,
        order.stock_held,
        stock_of(product),
        ProcessedStripeEvent.objects.count(),
        len(mail.outbox),
    )


def test_completed_session_marks_the_order_paid_and_sends_the_emails(
    order, product, deliver
):
    payload = make_event("checkout.session.completed", session_object(order))
    response = deliver(payload)
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == Status.PAID
    assert order.paid_amount == order.total
    assert order.seller_orders.get().status == Status.PAID
    assert stock_of(product) == 8
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.vn", "htx@example.vn"]


def test_the_same_event_twenty_times_fulfils_once(order, product, deliver):
    payload = make_event("checkout.session.completed", session_object(order))
    answers = {deliver(payload).status_code for _ in range(20)}
    assert answers == {200}
    order.refresh_from_db()
    assert order.status == Status.PAID
    assert ProcessedStripeEvent.objects.count() == 1
    assert len(mail.outbox) == 2  # one confirmation, one seller notice
    assert stock_of(product) == 8
    assert OrderStatusChange.objects.filter(order=order, seller_order=None).count() == 1


def test_a_second_event_for_the_same_payment_changes_nothing(order, deliver):
    deliver(make_event("checkout.session.completed", session_object(order)))
    deliver(
        make_event("checkout.session.async_payment_succeeded", session_object(order))
    )
    order.refresh_from_db()
    assert order.status == Status.PAID and not order.on_hold
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "garbage",
        "t=abc,v1=def",
        "v1=" + "0" * 64,
        "t=1700000000",
    ],
    ids=["none", "empty", "malformed", "bad-timestamp", "no-timestamp", "no-sig"],
)
def test_malformed_signatures_are_refused_without_any_change(
    order, product, deliver, header
):
    payload = make_event("checkout.session.completed", session_object(order))
    before = snapshot(order, product)
    assert deliver(payload, header).status_code == 400
    assert snapshot(order, product) == before


def test_wrong_secret_stale_future_and_altered_signatures_are_refused(
    order, product, deliver
):
    payload = make_event("checkout.session.completed", session_object(order))
    before = snapshot(order, product)
    now = int(time.time())
    good = signature(payload)
    bad_headers = [
        signature(payload, secret="whsec_someone_else"),
        signature(payload, timestamp=now - 3600),
        signature(payload, timestamp=now + 3600),
        good[:-1] + ("0" if good[-1] != "0" else "1"),
    ]
    for header in bad_headers:
        assert deliver(payload, header).status_code == 400, header
    altered = payload.replace('"paid"', '"pai"', 1)
    assert deliver(altered, good).status_code == 400
    one_byte = payload[:-2] + ("0" if payload[-2] != "0" else "1") + payload[-1]
    assert deliver(one_byte, good).status_code == 400
    assert snapshot(order, product) == before
    assert deliver(payload, good).status_code == 200


def test_amount_mismatch_puts_the_order_on_hold_and_alerts_the_department(
    order, product, deliver, department_user
):
    session = session_object(order, amount=order.total - 1000)
    assert deliver(make_event("checkout.session.completed", session)).status_code == 200
    order.refresh_from_db()
    assert order.on_hold
    assert order.status == Status.PENDING_PAYMENT
    assert order.stock_held and stock_of(product) == 8
    assert [m.to for m in mail.outbox] == [["sct@example.vn"]]
    assert order.reference in mail.outbox[0].subject


def test_currency_mismatch_puts_the_order_on_hold(order, deliver, department_user):
    session = session_object(order, currency="usd")
    deliver(make_event("checkout.session.completed", session))
    order.refresh_from_db()
    assert order.on_hold and order.status == Status.PENDING_PAYMENT


def test_expired_session_cancels_the_order_and_releases_stock(order, product, deliver):
    session = session_object(order, payment_status="unpaid") | {"status": "expired"}
    deliver(make_event("checkout.session.expired", session))
    order.refresh_from_db()
    assert order.status == Status.CANCELLED
    assert order.payment_state == PaymentState.EXPIRED
    assert stock_of(product) == 10
    deliver(make_event("checkout.session.expired", session))
    assert stock_of(product) == 10


def test_async_payment_failure_cancels_and_releases_stock(order, product, deliver):
    unpaid = session_object(order, payment_status="unpaid")
    deliver(make_event("checkout.session.completed", unpaid))
    order.refresh_from_db()
    assert order.status == Status.PENDING_PAYMENT
    deliver(make_event("checkout.session.async_payment_failed", unpaid))
    order.refresh_from_db()
    assert order.status == Status.CANCELLED
    assert order.payment_state == PaymentState.FAILED
    assert stock_of(product) == 10


def test_async_success_arriving_before_completed_is_paid_once(order, deliver):
    deliver(
        make_event("checkout.session.async_payment_succeeded", session_object(order))
    )
    deliver(
        make_event(
            "checkout.session.completed",
            session_object(order, payment_status="unpaid"),
        )
    )
    order.refresh_from_db()
    assert order.status == Status.PAID
    assert len(mail.outbox) == 2


def test_expired_after_paid_changes_nothing(order, product, deliver):
    deliver(make_event("checkout.session.completed", session_object(order)))
    expired = session_object(order, payment_status="unpaid") | {"status": "expired"}
    deliver(make_event("checkout.session.expired", expired))
    order.refresh_from_db()
    assert order.status == Status.PAID
    assert order.payment_state == PaymentState.PAID
    assert stock_of(product) == 8


def _expire_then_pay(order, deliver, meanwhile=lambda: None):
    expired = session_object(order, payment_status="unpaid") | {"status": "expired"}
    deliver(make_event("checkout.session.expired", expired))
    order.refresh_from_db()
    assert order.status == Status.CANCELLED  # the hold ran out first
    assert not order.stock_held
    meanwhile()
    mail.outbox.clear()
    return deliver(make_event("checkout.session.completed", session_object(order)))


def test_paid_after_expiry_takes_the_stock_again_and_confirms_the_order(
    order, product, deliver
):
    response = _expire_then_pay(order, deliver)
    assert response.content == b"paid"
    order.refresh_from_db()
    assert order.status == Status.PAID
    assert order.seller_orders.get().status == Status.PAID
    assert order.stock_held and stock_of(product) == 8
    assert not order.on_hold
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        f"Xác nhận đơn hàng {order.reference}",
        f"Đơn hàng mới {order.reference}",
    ]
    assert not any("Đã huỷ" in m.subject or "Đã huỷ" in m.body for m in mail.outbox)


@pytest.mark.stripe
def test_paid_after_expiry_with_the_stock_gone_is_refunded_through_stripe(
    order, product, deliver, stripe_mock
):
    def sell_out():  # other shoppers buy the units the expiry gave back
        ProductPage.objects.filter(pk=product.pk).update(stock=1)

    response = _expire_then_pay(order, deliver, sell_out)
    assert response.content == b"refund-due"
    order.refresh_from_db()
    assert order.status == Status.REFUNDED
    assert order.stripe_refund_id.startswith("re_")
    assert order.refunded_amount == order.total
    assert order.seller_orders.get().status == Status.REFUNDED
    assert stock_of(product) == 1 and not order.stock_held
    [email] = mail.outbox
    assert email.to == ["an@example.vn"]
    assert email.subject == f"Đơn hàng {order.reference}: đã hoàn tiền"
    assert "đã hoàn lại" in email.body and "Đã huỷ" not in email.body

    # Stripe delivers the same payment again: no second refund, no second email.
    again = deliver(make_event("checkout.session.completed", session_object(order)))
    assert again.content == b"duplicate"
    assert len(mail.outbox) == 1


@pytest.mark.stripe
def test_paid_after_the_department_cancelled_is_refunded_not_revived(
    order, product, deliver, stripe_mock
):
    services.cancel_order(order, note="Sở Công Thương huỷ")
    mail.outbox.clear()
    response = deliver(make_event("checkout.session.completed", session_object(order)))
    assert response.content == b"refund-due"
    order.refresh_from_db()
    assert order.status == Status.REFUNDED
    assert stock_of(product) == 10  # the units stay on the shelf
    assert [m.subject for m in mail.outbox] == [
        f"Đơn hàng {order.reference}: đã hoàn tiền"
    ]


def test_failed_after_async_success_changes_nothing(order, product, deliver):
    deliver(
        make_event("checkout.session.async_payment_succeeded", session_object(order))
    )
    deliver(
        make_event(
            "checkout.session.async_payment_failed",
            session_object(order, payment_status="unpaid"),
        )
    )
    order.refresh_from_db()
    assert order.status == Status.PAID
    assert stock_of(product) == 8


def test_events_about_an_older_session_of_the_order_do_not_cancel_it(
    order, product, deliver
):
    old = session_object(order, payment_status="unpaid") | {
        "id": "cs_test_old",
        "status": "expired",
    }
    deliver(make_event("checkout.session.expired", old))
    order.refresh_from_db()
    assert order.status == Status.PENDING_PAYMENT
    assert stock_of(product) == 8


def test_unknown_events_and_orders_are_acknowledged_and_ignored(order, deliver):
    assert deliver(make_event("customer.created", {"id": "cus_1"})).status_code == 200
    stranger = session_object(order) | {
        "metadata": {"order_reference": "nope"},
        "client_reference_id": "nope",
    }
    assert (
        deliver(make_event("checkout.session.completed", stranger)).status_code == 200
    )
    order.refresh_from_db()
    assert order.status == Status.PENDING_PAYMENT


def test_webhook_accepts_only_post_and_needs_no_csrf_token(order):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    assert client.get("/stripe/webhook/").status_code == 405
    payload = make_event("checkout.session.completed", session_object(order))
    assert post_event(client, payload).status_code == 200
    assert Order.objects.get(pk=order.pk).status == Status.PAID
