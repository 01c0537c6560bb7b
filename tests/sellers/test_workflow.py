"""Seller edits go to the department for approval, and again after every change."""

import pytest
from django.urls import reverse

from catalog.models import ProductPage
from tests.sellers.accounts import department_user, form_data, seller_with_editor


@pytest.fixture
def shop(site_root):
    seller, product, editor = seller_with_editor("hop-tac-xa-dua")
    return {"product": product, "editor": editor, "moderator": department_user()}


def _submit(client, user, product, title):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    data = form_data(client, url, title=title, **{"action-submit": "1"})
    return client.post(url, data)


def _save_draft(client, user, product, title):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    return client.post(url, form_data(client, url, title=title))


def _approve(client, moderator, product):
    product = ProductPage.objects.get(pk=product.pk)
    task_state = product.current_workflow_task_state
    assert task_state is not None, "the page is not waiting for approval"
    client.force_login(moderator)
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[product.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )


def _live_title(product) -> str:
    return ProductPage.objects.get(pk=product.pk).title


def test_seller_submission_waits_for_department(client, shop):
    product = shop["product"]

    response = _submit(client, shop["editor"], product, "Kẹo dừa sáp lá dứa")

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.workflow_in_progress
    assert _live_title(product) != "Kẹo dừa sáp lá dứa"


def test_department_approval_puts_seller_edit_live(client, shop):
    product = shop["product"]
    _submit(client, shop["editor"], product, "Kẹo dừa sáp lá dứa")

    response = _approve(client, shop["moderator"], product)

    assert response.status_code == 302
    assert _live_title(product) == "Kẹo dừa sáp lá dứa"
    assert not ProductPage.objects.get(pk=product.pk).workflow_in_progress


def test_edit_after_approval_needs_new_approval(client, shop):
    product = shop["product"]
    _submit(client, shop["editor"], product, "Lần một")
    _approve(client, shop["moderator"], product)

    _submit(client, shop["editor"], product, "Lần hai")

    assert _live_title(product) == "Lần một"
    _approve(client, shop["moderator"], product)
    assert _live_title(product) == "Lần hai"


def test_page_under_review_is_locked_for_the_seller(client, shop):
    product = shop["product"]
    _submit(client, shop["editor"], product, "Bản đã gửi duyệt")

    _save_draft(client, shop["editor"], product, "Bản sửa lén sau khi gửi")

    latest = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert latest.title == "Bản đã gửi duyệt"
    _approve(client, shop["moderator"], product)
    assert _live_title(product) == "Bản đã gửi duyệt"


def test_changes_requested_then_resubmitted_needs_approval_again(client, shop):
    product = shop["product"]
    _submit(client, shop["editor"], product, "Bản đầu")
    task_state = ProductPage.objects.get(pk=product.pk).current_workflow_task_state
    client.force_login(shop["moderator"])
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[product.pk, "reject", task_state.pk],
        ),
        {"comment": "Bổ sung ảnh bao bì"},
    )

    _submit(client, shop["editor"], product, "Bản đã bổ sung")

    assert _live_title(product) != "Bản đã bổ sung"
    assert ProductPage.objects.get(pk=product.pk).workflow_in_progress
    _approve(client, shop["moderator"], product)
    assert _live_title(product) == "Bản đã bổ sung"


def test_seller_cannot_approve_own_submission(client, shop):
    product = shop["product"]
    _submit(client, shop["editor"], product, "Tự duyệt")
    task_state = ProductPage.objects.get(pk=product.pk).current_workflow_task_state

    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[product.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )

    assert response.status_code in (302, 403)
    assert _live_title(product) != "Tự duyệt"
    assert ProductPage.objects.get(pk=product.pk).workflow_in_progress


def test_department_can_publish_directly(client, shop):
    product = shop["product"]
    client.force_login(shop["moderator"])
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    client.post(url, form_data(client, url, title="Sở sửa", **{"action-publish": "1"}))

    assert _live_title(product) == "Sở sửa"
