"""Logins the admin tests act as: seller editors and department moderators."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.forms import BooleanField

from sellers.services import DEPARTMENT_GROUP, create_seller_account
from tests.factories import ProductPageFactory, SellerPageFactory

PASSWORD = "mat-khau-thu-nghiem-123"


def department_user(username: str = "so-cong-thuong"):
    user = get_user_model().objects.create_user(
        username, email=f"{username}@example.vn", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=DEPARTMENT_GROUP))
    return user


def seller_with_editor(username: str, **seller_fields):
    """A published seller with one published product and a login for its staff."""
    seller = SellerPageFactory(**seller_fields)
    product = ProductPageFactory(parent=seller)
    user = create_seller_account(
        seller, username=username, email=f"{username}@example.vn", password=PASSWORD
    )
    return seller, product, user


def form_data(client, url: str, **overrides) -> dict:
    """POST data for an admin form as the browser would send it unchanged, from the
    form the admin renders at `url`, with `overrides` applied on top."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    data: dict = {}
    _add_form(form, data)
    for formset in getattr(form, "formsets", {}).values():
        _add_form(formset.management_form, data)
        for child in formset.forms:
            _add_form(child, data)
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def _add_form(form, data: dict) -> None:
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field, BooleanField):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            continue
        formatted = field.widget.format_value(value)
        if isinstance(formatted, list | tuple):
            formatted = [v for v in formatted if v not in ("", None)]
            if not formatted:
                continue
        data[bound.html_name] = formatted
