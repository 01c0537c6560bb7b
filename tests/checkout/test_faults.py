"""Checkout under faults, against real services: a mail server that refuses every
message, a Stripe that never answers. Orders commit first, emails wait in the
outbox (the database queue) until the worker can send them, and one checkout form
makes one order however often it is sent."""

import re
import smtplib
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from catalog.models import ProductPage
from marketplace.checkout.models import Order, Status
from sellers.services import DEPARTMENT_GROUP, create_seller_account
from tests.checkout.utils import (
    checkout_data,
    holding_server,
    make_event,
    outbox_in_database,
    place_card_order,
    post_event,
    run_worker,
    session_object,
)

FAILING_MAIL = "tests.checkout.utils.FailingEmailBackend"
WORKING_MAIL = "django.core.mail.backends.locmem.EmailBackend"


def stock_of(product):
    return ProductPage.objects.get(pk=product.pk).stock


def form_key(response) -> str:
    """The checkout form's hidden key, as the shopper's browser sends it back."""
    found = re.search(r'name="checkout_key" value="([^"]+)"', response.content.decode())
    assert found, "the checkout form carries its key"
    return found.group(1)


def shopper_submits(client, product, commune, times: int, method="cod") -> list:
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    data = checkout_data(commune, method)
    data["checkout_key"] = form_key(client.get("/thanh-toan/"))
    return [client.post("/thanh-toan/", data) for _ in range(times)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_server_down_one_order_per_submission_then_the_worker_delivers(
    client, settings, product, commune
):
    outbox_in_database(settings)
    settings.OUTBOX_RETRY_DELAYS = (1, 60)
    settings.EMAIL_BACKEND = FAILING_MAIL

    # The first answer was lost to the shopper, who sends the same form 5 more times.
    responses = shopper_submits(client, product, commune, times=6)
    assert [r.status_code for r in responses] == [303] * 6
    order = Order.objects.get()
    assert order.status == Status.COD_CONFIRMED
    assert stock_of(product) == 9  # one unit reserved, once
    success = f"/thanh-toan/{order.reference}/thanh-cong/"
    assert {r["Location"] for r in responses} == {success}  # the same order each time

    # The worker tries the two emails; the mail server refuses both.
    run_worker()
    assert mail.outbox == []
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert failed.count() == 2
    assert {r.exception_class_path for r in failed} == {
        "smtplib.SMTPServerDisconnected"
    }
    assert DBTaskResult.objects.filter(status="READY").count() == 2  # retries queued

    # The mail server is back; once the retry is due the worker delivers each once.
    settings.EMAIL_BACKEND = WORKING_MAIL
    time.sleep(1.1)
    run_worker()
    assert sorted(m.subject for m in mail.outbox) == [
        f"Xác nhận đơn hàng {order.reference}",
        f"Đơn hàng mới {order.reference}",
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["an@example.vn", "htx@example.vn"]
    run_worker()
    assert len(mail.outbox) == 2  # nothing sent twice


@pytest.mark.django_db
def test_fifty_resubmitting_shoppers_with_mail_failing_make_fifty_orders(
    settings, product, commune
):
    outbox_in_database(settings)
    settings.EMAIL_BACKEND = FAILING_MAIL
    ProductPage.objects.filter(pk=product.pk).update(stock=60)
    for _ in range(50):
        responses = shopper_submits(Client(), product, commune, times=3)
        assert {r.status_code for r in responses} == {303}
    assert Order.objects.count() == 50
    assert Order.objects.values("checkout_key").distinct().count() == 50
    assert stock_of(product) == 10
    # Every confirmation waits in the outbox; none was lost to the failing server.
    assert DBTaskResult.objects.filter(status="READY").count() == 100


@pytest.mark.django_db
def test_a_form_sent_again_after_a_new_cart_still_finds_its_first_order(
    client, product, commune
):
    [first] = shopper_submits(client, product, commune, times=1)
    order = Order.objects.get()
    data = checkout_data(commune, "cod", checkout_key=order.checkout_key)
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 4})
    again = client.post("/thanh-toan/", data)
    assert again["Location"] == first["Location"]
    assert Order.objects.count() == 1 and stock_of(product) == 9


@pytest.mark.django_db
def test_a_checkout_without_its_key_is_refused_with_a_fresh_form(
    client, product, commune
):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    data = checkout_data(commune, "cod")
    del data["checkout_key"]
    response = client.post("/thanh-toan/", data)
    assert response.status_code == 200
    assert "Biểu mẫu đã cũ" in response.content.decode()
    assert Order.objects.count() == 0
    retry = client.post("/thanh-toan/", data | {"checkout_key": form_key(response)})
    assert retry.status_code == 303 and Order.objects.count() == 1


@pytest.mark.django_db
def test_stripe_that_never_answers_gives_try_later_within_the_bound(
    client, settings, product, commune
):
    settings.STRIPE_TIMEOUT = 1
    settings.STRIPE_MAX_NETWORK_RETRIES = 1
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 3})
    data = checkout_data(commune, "card")
    data["checkout_key"] = form_key(client.get("/thanh-toan/"))
    with holding_server() as url:
        settings.STRIPE_API_BASE = url
        started = time.monotonic()
        response = client.post("/thanh-toan/", data)
        elapsed = time.monotonic() - started
    # Two attempts of one second each and the library's half-second pause.
    assert 2 <= elapsed < 4
    assert response.status_code == 200
    assert "thử lại sau" in response.content.decode()
    order = Order.objects.get()
    assert order.status == Status.PENDING_PAYMENT
    assert order.stripe_session_id == ""
    assert not order.stock_held
    assert stock_of(product) == 10  # freed at once, not after the 30-minute hold


@pytest.mark.django_db
def test_the_department_reads_failed_mail_in_the_admin_and_sellers_cannot(
    client, settings, product, commune, django_user_model, seller
):
    outbox_in_database(settings)
    settings.EMAIL_BACKEND = FAILING_MAIL
    shopper_submits(Client(), product, commune, times=1)
    failed = DBTaskResult.objects.first()
    failed.set_failed(smtplib.SMTPServerDisconnected("Connection unexpectedly closed"))

    department = django_user_model.objects.create_user("sct", "sct@example.vn", "x")
    department.groups.add(Group.objects.get(name=DEPARTMENT_GROUP))
    client.force_login(department)
    listing = client.get("/quan-tri/hang-doi-gui-di/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "smtplib.SMTPServerDisconnected" in body
    assert "send_email" in body
    inspect = client.get(f"/quan-tri/hang-doi-gui-di/inspect/{failed.pk}/")
    assert "Connection unexpectedly closed" in inspect.content.decode()
    assert client.get(f"/quan-tri/hang-doi-gui-di/edit/{failed.pk}/").status_code in (
        302,
        403,
    )

    editor = Client()
    editor.force_login(create_seller_account(seller, "htx", "htx@example.vn", "pw"))
    assert editor.get("/quan-tri/hang-doi-gui-di/").status_code in (302, 403)


@pytest.mark.stripe
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_late_refund_waits_out_a_stripe_outage_in_the_outbox(
    client, settings, product, customer, closed_port, stripe_mock
):
    outbox_in_database(settings)
    settings.OUTBOX_RETRY_DELAYS = (1, 60)
    order = place_card_order(product, customer, 2)
    Order.objects.filter(pk=order.pk).update(stripe_session_id="cs_test_late")
    order.refresh_from_db()
    expired = session_object(order, payment_status="unpaid") | {"status": "expired"}
    post_event(client, make_event("checkout.session.expired", expired))
    ProductPage.objects.filter(pk=product.pk).update(stock=1)  # sold meanwhile

    settings.STRIPE_API_BASE = f"http://127.0.0.1:{closed_port}"
    paid = post_event(
        client, make_event("checkout.session.completed", session_object(order))
    )
    assert paid.content == b"refund-due"
    run_worker()  # the cancellation email goes; the refund fails and waits
    order.refresh_from_db()
    assert order.status == Status.CANCELLED and not order.stripe_refund_id
    refund_attempts = DBTaskResult.objects.filter(
        task_path__endswith="refund_late_payment"
    )
    assert [r.status for r in refund_attempts.order_by("enqueued_at")] == [
        "FAILED",
        "READY",
    ]

    settings.STRIPE_API_BASE = "http://127.0.0.1:12111"
    time.sleep(1.1)
    mail.outbox.clear()
    run_worker()
    order.refresh_from_db()
    assert order.status == Status.REFUNDED
    assert order.stripe_refund_id.startswith("re_")
    assert [m.subject for m in mail.outbox] == [
        f"Đơn hàng {order.reference}: đã hoàn tiền"
    ]
