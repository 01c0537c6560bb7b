"""Checkout with every field wrong: a summary at the top linking to each field,
each error next to its field, and everything typed kept."""

import re

import pytest
from django import forms

from marketplace.checkout.forms import CheckoutForm
from marketplace.checkout.models import Order

pytestmark = pytest.mark.django_db

WRONG = {
    "customer_name": "A",
    "phone": "12345",
    "email": "lan@",
    "street_line": "x",
    "commune": "",
    "note": "Gọi trước khi giao",
    "payment_method": "",
    "checkout_key": "",
}


@pytest.fixture
def refused(client, product):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    data = dict(WRONG)
    data["checkout_key"] = "k" * 24
    return client.post("/thanh-toan/", data)


def field_box(content: str, name: str) -> str:
    """The .field block around the control called ``name``."""
    blocks = re.split(r'(?=<div class="field field--)', content)
    for block in blocks:
        if f'name="{name}"' in block:
            return block
    raise AssertionError(f"no field block for {name}")


def test_every_wrong_field_is_listed_at_the_top_with_a_link_to_it(refused):
    assert refused.status_code == 200
    assert Order.objects.count() == 0
    content = refused.content.decode()
    summary = content.split('class="error-summary" role="alert"', 1)[1]
    summary = summary.split("</div>", 1)[0]
    form = refused.context["form"]
    wrong = ("customer_name", "phone", "email", "street_line", "commune")
    for name in (*wrong, "payment_method"):
        assert form[name].errors, name
        assert f'href="#{form[name].id_for_label}"' in summary, name
        for error in form[name].errors:
            assert error in summary
    assert "note" not in form.errors


def test_each_error_is_next_to_its_field_and_tied_to_it(refused):
    content = refused.content.decode()
    form = refused.context["form"]
    for name in ("customer_name", "phone", "email", "street_line", "commune"):
        box = field_box(content, name)
        assert "field--error" in box.split(">", 1)[0]
        for error in form[name].errors:
            assert error in box, name
        error_id = f"{form[name].auto_id}_error"
        assert f'id="{error_id}"' in box
        assert re.search(rf'aria-describedby="[^"]*{error_id}', box), name
        assert 'aria-invalid="true"' in box
    payment = field_box(content, "payment_method")
    assert form["payment_method"].errors[0] in payment
    assert f'id="{form["payment_method"].auto_id}_error"' in payment


def test_what_was_typed_is_kept(refused):
    content = refused.content.decode()
    assert 'name="customer_name" value="A"' in content
    assert 'name="phone" value="12345"' in content
    assert 'name="email" value="lan@"' in content
    assert 'name="street_line" value="x"' in content
    assert "Gọi trước khi giao</textarea>" in content


def test_steps_are_numbered_fieldsets_in_order(client, product):
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    content = client.get("/thanh-toan/").content.decode()
    legends = re.findall(r'<fieldset class="step card" id="buoc-([a-z-]+)"', content)
    assert legends == ["lien-he", "dia-chi", "thanh-toan", "xac-nhan"]
    order = [content.index(f'name="{n}"') for n in ("customer_name", "street_line")]
    assert order == sorted(order)
    assert content.index('name="payment_method"') < content.index(">Đặt hàng</button>")


def test_a_field_added_to_the_form_is_asked_in_the_review_step(
    client, product, monkeypatch
):
    # Another part of the site (consents, say) adds a field: it must show.
    fields = dict(CheckoutForm.base_fields)
    fields["extra_consent"] = forms.BooleanField(label="Tôi đồng ý thử nghiệm")
    monkeypatch.setattr(CheckoutForm, "base_fields", fields)
    client.post("/gio-hang/them/", {"product": product.pk, "quantity": 1})
    content = client.get("/thanh-toan/").content.decode()
    review = content.split('id="buoc-xac-nhan"', 1)[1]
    assert 'name="extra_consent"' in review
    assert "Tôi đồng ý thử nghiệm" in review
