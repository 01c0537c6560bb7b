"""Regulated goods (alcohol of 5.5% and more): a product needing a licence goes
live only with its seller's verified licence in force; its page shows the licence;
the department's switch closes the whole class to carts."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from catalog.models import (
    Category,
    LicenceKind,
    ProductPage,
    RegulatedGoodsSettings,
    SellerLicence,
)
from sellers.services import create_seller_account, ensure_seller_access
from tests.catalog.utils import product_row, write_csv
from tests.factories import ProductPageFactory, SellerPageFactory
from tests.sellers.accounts import PASSWORD, department_user, form_data

TODAY = datetime.date.today


def licence_for(seller, *, verified_by=None, **fields) -> SellerLicence:
    access = ensure_seller_access(seller)
    document = get_document_model().objects.create(
        title="Giấy phép bán lẻ rượu",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="giay-phep.pdf"),
        collection=access.media_collection,
    )
    values = {
        "seller": seller,
        "kind": LicenceKind.ALCOHOL_RETAIL,
        "number": "15/GP-SCT",
        "issuer": "Sở Công Thương tỉnh Vĩnh Long",
        "issued_on": TODAY() - datetime.timedelta(days=100),
        "expires_on": TODAY() + datetime.timedelta(days=800),
        "licence_file": document,
    }
    values.update(fields)
    licence = SellerLicence.objects.create(**values)
    if verified_by is not None:
        licence.verify(verified_by)
    return licence


def spirits(seller, **fields) -> ProductPage:
    """A rice spirit of 29.5% as a draft (it cannot go live without a licence)."""
    values = {"title": "Rượu đế Phú Lộc", "alcohol_abv": Decimal("29.5")}
    values.update(fields)
    return ProductPageFactory(parent=seller, publish=False, live=False, **values)


@pytest.fixture
def seller(site_root):
    return SellerPageFactory(title="Hợp tác xã Rượu Phú Lộc")


@pytest.fixture
def department(site_root):
    return department_user()


def test_spirits_of_5_5_percent_or_more_need_a_licence_and_weaker_drinks_do_not(
    seller,
):
    assert spirits(seller).required_licence_kind == LicenceKind.ALCOHOL_RETAIL
    assert spirits(seller, alcohol_abv=Decimal("5.5")).required_licence_kind
    assert spirits(seller, alcohol_abv=Decimal("4.5")).required_licence_kind == ""


def test_a_category_flag_makes_every_product_of_it_need_a_licence(seller):
    category = Category.objects.get(slug="beverages")
    category.required_licence = LicenceKind.ALCOHOL_RETAIL
    category.save()

    product = spirits(seller, alcohol_abv=None, category=category)

    assert product.required_licence_kind == LicenceKind.ALCOHOL_RETAIL


def test_product_needing_a_licence_cannot_be_published_without_one(seller):
    product = spirits(seller)

    with pytest.raises(ValidationError) as refused:
        product.save_revision().publish()

    assert "giấy phép đã được Sở Công Thương xác minh" in str(refused.value)
    assert not ProductPage.objects.get(pk=product.pk).live


@pytest.mark.parametrize(
    "problem",
    [
        {"verified": False},
        {"expires_on": TODAY() - datetime.timedelta(days=1)},
        {"other_seller": True},
    ],
    ids=["unverified", "expired", "another-sellers"],
)
def test_an_unverified_expired_or_foreign_licence_does_not_cover_it(
    seller, department, problem
):
    holder = SellerPageFactory() if problem.get("other_seller") else seller
    fields = {"expires_on": problem["expires_on"]} if "expires_on" in problem else {}
    if "expires_on" in fields:
        fields["issued_on"] = fields["expires_on"] - datetime.timedelta(days=365)
    licence_for(
        holder,
        verified_by=None if problem.get("verified") is False else department,
        **fields,
    )
    product = spirits(seller)

    with pytest.raises(ValidationError):
        product.save_revision().publish()


def test_product_is_published_with_a_verified_licence_in_force(seller, department):
    licence_for(seller, verified_by=department)
    product = spirits(seller)

    product.save_revision().publish()

    assert ProductPage.objects.get(pk=product.pk).live


def test_editing_a_verified_licence_sends_it_back_to_the_department(seller, department):
    licence = licence_for(seller, verified_by=department)

    licence.number = "16/GP-SCT"
    licence.save()

    assert not SellerLicence.objects.get(pk=licence.pk).is_verified
    assert not SellerLicence.objects.valid().exists()


def test_department_publishing_in_the_admin_sees_the_vietnamese_refusal(
    client, seller, department
):
    product = spirits(seller)
    client.force_login(department)
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    response = client.post(url, form_data(client, url, **{"action-publish": "1"}))

    assert response.status_code == 200
    assert "giấy phép đã được Sở Công Thương xác minh" in str(
        response.context["form"].non_field_errors()
    )
    assert not ProductPage.objects.get(pk=product.pk).live


def test_a_draft_needing_a_licence_can_still_be_saved_in_the_admin(
    client, seller, department
):
    product = spirits(seller)
    client.force_login(department)
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    response = client.post(url, form_data(client, url, title="Rượu đế Phú Lộc 2"))

    assert response.status_code == 302
    saved = ProductPage.objects.get(pk=product.pk)
    assert saved.draft_title == "Rượu đế Phú Lộc 2"
    assert not saved.live


def test_department_publishes_in_the_admin_once_the_licence_is_verified(
    client, seller, department
):
    licence_for(seller, verified_by=department)
    product = spirits(seller)
    client.force_login(department)
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])

    response = client.post(url, form_data(client, url, **{"action-publish": "1"}))

    assert response.status_code == 302
    assert ProductPage.objects.get(pk=product.pk).live


def test_product_page_shows_the_licence_number_issuer_and_validity(
    client, seller, department
):
    licence = licence_for(seller, verified_by=department)
    product = spirits(seller)
    product.save_revision().publish()

    response = client.get(product.url)

    text = response.content.decode()
    assert "15/GP-SCT" in text
    assert "Sở Công Thương tỉnh Vĩnh Long" in text
    assert licence.issued_on.strftime("%d/%m/%Y") in text
    assert licence.expires_on.strftime("%d/%m/%Y") in text
    assert "Thêm vào giỏ hàng" in text


def test_switching_the_class_off_closes_the_page_and_refuses_cart_adds(
    client, seller, department
):
    licence_for(seller, verified_by=department)
    product = spirits(seller)
    product.save_revision().publish()
    settings = RegulatedGoodsSettings.load()
    settings.alcohol_sales_open = False
    settings.save()

    page = client.get(product.url).content.decode()
    response = client.post(
        reverse("checkout:cart_add"), {"product": product.pk, "quantity": 1}
    )

    assert "tạm ngừng bán mặt hàng này" in page
    assert "Thêm vào giỏ hàng" not in page
    assert response.status_code == 302
    assert not client.session.get("checkout_cart")
    cart = client.get(reverse("checkout:cart")).content.decode()
    assert "tạm ngừng bán trên sàn" in cart


def test_switching_the_class_off_leaves_other_products_buyable(
    client, seller, department
):
    licence_for(seller, verified_by=department)
    spirits(seller).save_revision().publish()
    juice = ProductPageFactory(parent=seller, title="Nước cốt dừa")
    settings = RegulatedGoodsSettings.load()
    settings.alcohol_sales_open = False
    settings.save()

    client.post(reverse("checkout:cart_add"), {"product": juice.pk, "quantity": 1})

    assert client.session["checkout_cart"] == {str(juice.pk): 1}


def test_licence_dates_are_checked_in_vietnamese(seller):
    licence = SellerLicence(
        seller=seller,
        number="1/GP",
        issuer="Sở Công Thương",
        issued_on=timezone.localdate(),
        expires_on=timezone.localdate() - datetime.timedelta(days=1),
    )

    with pytest.raises(ValidationError) as refused:
        licence.full_clean()

    assert "Ngày hết hạn phải sau ngày cấp" in str(refused.value)
    assert "bản scan giấy phép" in str(refused.value)


def test_the_importer_refuses_to_publish_products_of_a_licensed_category(
    site_root, tmp_path
):
    category = Category.objects.get(slug="beverages")
    category.required_licence = LicenceKind.ALCOHOL_RETAIL
    category.save()
    path = write_csv(
        tmp_path / "ruou.csv",
        [product_row(product_name="Rượu dừa Mỏ Cày", category="beverage")],
    )
    errors = io.StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_products",
            str(path),
            "--publish",
            stdout=io.StringIO(),
            stderr=errors,
        )

    assert "giấy phép đã được Sở Công Thương xác minh" in errors.getvalue()
    assert not ProductPage.objects.filter(title="Rượu dừa Mỏ Cày").exists()


def test_approving_a_product_whose_licence_lapsed_meanwhile_says_why(
    client, seller, department
):
    editor = create_seller_account(
        seller, username="ruou-phu-loc", email="ruou@example.vn", password=PASSWORD
    )
    licence = licence_for(seller, verified_by=department)
    product = spirits(seller)
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    client.post(url, form_data(client, url, **{"action-submit": "1"}))
    task_state = ProductPage.objects.get(pk=product.pk).current_workflow_task_state
    assert task_state is not None
    # The licence lapses before the department gets to the product.
    SellerLicence.objects.filter(pk=licence.pk).update(
        expires_on=TODAY() - datetime.timedelta(days=1)
    )

    client.force_login(department)
    dashboard = reverse("wagtailadmin_home")
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[product.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
        HTTP_REFERER=f"http://testserver{dashboard}",
        follow=True,
    )

    assert response.status_code == 200
    assert response.redirect_chain[0] == (f"http://testserver{dashboard}", 302)
    said = [str(message) for message in response.context["messages"]]
    assert any("giấy phép đã được Sở Công Thương xác minh" in text for text in said)
    product = ProductPage.objects.get(pk=product.pk)
    assert not product.live
    # Nothing of the refused approval was kept: the page still waits for it.
    assert product.current_workflow_task_state.pk == task_state.pk
