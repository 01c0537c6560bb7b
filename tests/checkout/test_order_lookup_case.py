import pytest
from django.test import Client

from marketplace.checkout import payments, services

pytestmark = pytest.mark.django_db


def test_order_reference_typed_in_another_case_with_spaces_finds_the_order(
    product, customer
):
    order = services.place_order({product.pk: 1}, customer, payments.METHODS["cod"])
    typed = f"  {order.reference.swapcase()} "
    response = Client().post("/don-hang/", {"reference": typed, "phone": "0912345678"})
    assert response.status_code == 302
    assert response["Location"] == f"/don-hang/{order.reference}/"
