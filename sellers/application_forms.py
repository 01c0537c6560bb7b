"""The public seller registration form and the form to follow an application."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sellers import applications
from sellers.fields import DocumentUploadField, PhoneField
from sellers.models import AdminUnit, SellerApplication
from sellers.validators import (
    normalize_citizen_id,
    normalize_tax_code,
    validate_citizen_id,
    validate_tax_code,
)


def _one_line(value: str) -> str:
    return " ".join((value or "").split())


class SellerApplicationForm(forms.ModelForm):
    phone = PhoneField(
        label=_("Số điện thoại di động"),
        max_length=20,
        help_text=_("Ví dụ 0912 345 678"),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    commune = forms.ModelChoiceField(
        label=_("Xã/phường (tỉnh Vĩnh Long)"),
        queryset=AdminUnit.objects.order_by("name"),
        empty_label=_("— Chọn xã/phường —"),
    )
    document = DocumentUploadField(label=_("Giấy chứng nhận đăng ký kinh doanh"))
    consent = forms.BooleanField(
        label=_(
            "Tôi đồng ý để Sở Công Thương xử lý các thông tin trên nhằm xét duyệt "
            "hồ sơ bán hàng."
        ),
        error_messages={
            "required": _("Vui lòng đồng ý để Sở Công Thương xét duyệt hồ sơ.")
        },
    )

    class Meta:
        model = SellerApplication
        fields = [
            "legal_name",
            "seller_type",
            "tax_code",
            "representative",
            "representative_id_number",
            "phone",
            "email",
            "street_line",
            "commune",
            "categories",
            "products",
            "document",
        ]
        labels = {
            "legal_name": _("Tên pháp lý (theo giấy đăng ký)"),
            "representative": _("Người đại diện theo pháp luật"),
            "representative_id_number": _("Số căn cước công dân của người đại diện"),
            "categories": _("Nhóm sản phẩm"),
            "products": _("Một vài sản phẩm tiêu biểu"),
        }
        help_texts = {
            "tax_code": _("10 chữ số (hợp tác xã, doanh nghiệp) hoặc 12 chữ số."),
            "representative_id_number": _("12 chữ số."),
            "categories": _("Ví dụ: thực phẩm, đồ uống, thủ công mỹ nghệ."),
            "products": _("Ví dụ: kẹo dừa, bánh tráng, mật ong."),
        }
        widgets = {
            "products": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean_legal_name(self) -> str:
        name = _one_line(self.cleaned_data["legal_name"])
        if len(name) < 3:
            raise ValidationError(_("Vui lòng nhập tên pháp lý đầy đủ."))
        return name

    def clean_representative(self) -> str:
        return _one_line(self.cleaned_data["representative"])

    def clean_street_line(self) -> str:
        street = _one_line(self.cleaned_data["street_line"])
        if len(street) < 3:
            raise ValidationError(_("Vui lòng nhập số nhà, đường hoặc ấp/khóm."))
        return street

    def clean_tax_code(self) -> str:
        code = normalize_tax_code(self.cleaned_data["tax_code"])
        validate_tax_code(code)
        if applications.tax_code_taken(code):
            raise ValidationError(
                _(
                    "Mã số thuế này đã có người bán trên sàn hoặc một hồ sơ đang chờ "
                    "duyệt. Nếu cần hỗ trợ, vui lòng liên hệ Sở Công Thương."
                ),
                code="tax_code_taken",
            )
        return code

    def clean_representative_id_number(self) -> str:
        number = normalize_citizen_id(self.cleaned_data["representative_id_number"])
        validate_citizen_id(number)
        return number


class ApplicationLookupForm(forms.Form):
    """Follow an application: its reference plus the email or tax code it gave."""

    secret = forms.CharField(
        label=_("Email hoặc mã số thuế đã khai trong hồ sơ"), max_length=254
    )
