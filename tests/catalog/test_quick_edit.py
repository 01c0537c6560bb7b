"""The quick list: many products' price, stock and availability at once, the
seller's own only, all rows or none."""

import pytest
from django.urls import reverse

from catalog.models import ProductPage
from tests.factories import ProductPageFactory
from tests.sellers.accounts import seller_with_editor

URL = "catalog_spreadsheet:quick_edit"


@pytest.fixture
def shop(site_root, client):
    seller, first, editor = seller_with_editor("htx-dua", title="HTX Dừa Sáp")
    second = ProductPageFactory(parent=seller, title="Bánh phồng dừa", stock=5)
    other, other_product, _ = seller_with_editor(
        "htx-khac", title="HTX Khác ZZB-MARKER", tax_code="1500678902"
    )
    client.force_login(editor)
    return {"products": [first, second], "other_product": other_product}


def _data(client, **changes) -> dict:
    """The formset as the page renders it, with ``changes`` on top."""
    response = client.get(reverse(URL))
    assert response.status_code == 200
    formset = response.context["formset"]
    data = {
        f"{formset.prefix}-TOTAL_FORMS": len(formset.forms),
        f"{formset.prefix}-INITIAL_FORMS": len(formset.forms),
    }
    for form in formset.forms:
        for name, value in form.initial.items():
            if name == "dang_ban":
                if value:
                    data[form.add_prefix(name)] = "on"
            elif value is not None:
                data[form.add_prefix(name)] = value
    data.update(changes)
    return data


def test_seller_changes_price_stock_and_availability_of_many_products(client, shop):
    first, second = sorted(shop["products"], key=lambda p: p.title)
    data = _data(client, **{"form-0-gia": "70000", "form-1-ton_kho": "0"})
    data.pop("form-1-dang_ban", None)

    response = client.post(reverse(URL), data)

    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.price_vnd == 70000
    assert (second.stock, second.available) == (0, False)
    assert not first.has_unpublished_changes and not first.workflow_in_progress


def test_one_bad_row_saves_nothing_and_marks_the_row(client, shop):
    prices = {p.pk: p.price_vnd for p in shop["products"]}
    data = _data(client, **{"form-0-gia": "70000", "form-1-ton_kho": "-3"})

    response = client.post(reverse(URL), data)

    assert response.status_code == 400
    assert "Tồn kho không được âm." in response.content.decode()
    for pk, price in prices.items():
        assert ProductPage.objects.get(pk=pk).price_vnd == price


def test_another_sellers_product_is_refused(client, shop):
    other = shop["other_product"]
    data = _data(client, **{"form-0-san_pham": other.pk, "form-0-gia": "1"})

    response = client.post(reverse(URL), data)

    assert response.status_code == 400
    assert ProductPage.objects.get(pk=other.pk).price_vnd != 1


def test_list_shows_only_the_sellers_own_products(client, shop):
    response = client.get(reverse(URL))
    body = response.content.decode()

    assert "Bánh phồng dừa" in body
    assert shop["other_product"].title not in body
    assert "ZZB-MARKER" not in body
    other_seller = shop["other_product"].get_parent()
    refused = client.get(reverse(URL) + f"?nguoi_ban={other_seller.pk}")
    assert "ZZB-MARKER" not in refused.content.decode()
    assert shop["other_product"].title not in refused.content.decode()
