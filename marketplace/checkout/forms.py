"""Shopper forms. None of them carries a price: amounts come from the database."""

import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.checkout.cart import CartError, parse_quantity
from sellers.fields import PhoneField
from sellers.models import AdminUnit


class QuantityField(forms.CharField):
    """A whole number from 1 to the per-line cap; '1.5', '-1', '0' are refused."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Số lượng"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.NumberInput(attrs={"min": 1, "step": 1, "inputmode": "numeric"}),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_quantity(value)
        except CartError as exc:
            raise ValidationError(exc.message, code="quantity") from exc


class CartLineForm(forms.Form):
    product = forms.CharField(widget=forms.HiddenInput, max_length=20)
    quantity = QuantityField()


def new_checkout_key() -> str:
    return secrets.token_urlsafe(24)


class CheckoutForm(forms.Form):
    customer_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    phone = PhoneField(
        label=_("Số điện thoại"),
        max_length=20,
        help_text=_("Ví dụ 0912 345 678"),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email"), help_text=_("Để nhận xác nhận đơn hàng.")
    )
    street_line = forms.CharField(label=_("Số nhà, đường, ấp/khóm"), max_length=255)
    commune = forms.ModelChoiceField(
        label=_("Xã/phường (tỉnh Vĩnh Long)"),
        queryset=AdminUnit.objects.order_by("name"),
        empty_label=_("— Chọn xã/phường —"),
    )
    note = forms.CharField(
        label=_("Ghi chú cho người bán"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    payment_method = forms.ChoiceField(label=_("Thanh toán"), widget=forms.RadioSelect)
    # Consent per purpose (Law 91/2025), never bundled: the order needs the first;
    # the second is off unless ticked.
    consent_order_handling = forms.BooleanField(
        label=_(
            "Đồng ý cho sàn và người bán xử lý dữ liệu cá nhân (họ tên, điện thoại, "
            "email, địa chỉ) để xử lý và giao đơn hàng"
        ),
        error_messages={
            "required": _(
                "Vui lòng đồng ý cho sàn và người bán xử lý dữ liệu cá nhân để "
                "giao đơn hàng."
            )
        },
    )
    consent_marketing = forms.BooleanField(
        label=_("Nhận tin khuyến mãi và giới thiệu sản phẩm OCOP qua email (tuỳ chọn)"),
        required=False,
        initial=False,
    )
    # A fresh random key each time the form is shown: submitting it again (a
    # double tap, a reload, a retry after an error page) finds the same order.
    checkout_key = forms.RegexField(
        regex=r"^[A-Za-z0-9_-]{16,64}$",
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Biểu mẫu đã cũ. Vui lòng kiểm tra lại và gửi lần nữa."),
            "invalid": _("Biểu mẫu đã cũ. Vui lòng kiểm tra lại và gửi lần nữa."),
        },
    )

    def __init__(self, *args, payment_choices=(), needs_adult=False, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_adult:
            # Only when the cart holds conditional goods (alcohol); the checkout
            # service refuses such an order without it, whatever was posted.
            self.fields["adult_confirmed"] = forms.BooleanField(
                label=_("Tôi xác nhận đã đủ 18 tuổi trở lên"),
                help_text=_("Giỏ hàng có sản phẩm rượu: không bán cho người dưới 18."),
                error_messages={
                    "required": _(
                        "Giỏ hàng có sản phẩm rượu: vui lòng xác nhận bạn từ đủ 18 "
                        "tuổi trở lên."
                    )
                },
            )
        if not self.is_bound:
            self.initial.setdefault("checkout_key", new_checkout_key())
        self.fields["payment_method"].choices = list(payment_choices)
        self.fields["customer_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_customer_name(self):
        name = " ".join(self.cleaned_data["customer_name"].split())
        if len(name) < 2:
            raise ValidationError(_("Vui lòng nhập họ và tên người nhận."))
        return name

    def clean_street_line(self):
        street = " ".join(self.cleaned_data["street_line"].split())
        if len(street) < 3:
            raise ValidationError(_("Vui lòng nhập số nhà, đường hoặc ấp/khóm."))
        return street


class OrderLookupForm(forms.Form):
    reference = forms.CharField(label=_("Mã đơn hàng"), max_length=32)
    phone = forms.CharField(label=_("Số điện thoại đặt hàng"), max_length=20)
