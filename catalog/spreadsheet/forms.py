"""Admin forms of the spreadsheet upload and the quick price list."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog.models.pages import MAX_PRICE_VND
from catalog.spreadsheet.services import SHEET_SUFFIXES, uploadable_sellers
from sellers.models import SellerPage
from sellers.services import is_department

MAX_SHEET_BYTES = 20 * 1024**2
MAX_ZIP_BYTES = 1024**3


class SellerChoiceForm(forms.Form):
    """The seller to work on: the department picks any; a seller's editor has its
    own (chosen for it when it has one)."""

    nguoi_ban = forms.ModelChoiceField(
        label=_("Người bán"),
        queryset=SellerPage.objects.none(),
        empty_label=_("Chọn người bán"),
        error_messages={
            "required": _("Chọn người bán."),
            "invalid_choice": _("Chỉ được làm việc với cơ sở của chính mình."),
        },
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        sellers = uploadable_sellers(user)
        self.fields["nguoi_ban"].queryset = sellers
        if not is_department(user):
            own = list(sellers[:2])
            if len(own) == 1:
                self.fields["nguoi_ban"].initial = own[0].pk
                self.fields["nguoi_ban"].widget = forms.HiddenInput()
                self.only_seller = own[0]
                return
        self.only_seller = None


class UploadForm(SellerChoiceForm):
    tep = forms.FileField(
        label=_("Bảng tính (.xlsx hoặc .csv)"),
        error_messages={"required": _("Chọn tệp bảng tính để tải lên.")},
    )
    anh = forms.FileField(
        label=_("Ảnh sản phẩm (.zip, không bắt buộc)"),
        required=False,
        help_text=_("Tên tệp ảnh ghi ở cột “Ảnh”; nhiều ảnh cách nhau bằng dấu ;"),
    )
    dang_ngay = forms.BooleanField(
        label=_("Đăng ngay (không qua duyệt)"), required=False, initial=True
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        if not is_department(user):
            # A seller's products always go to the department for approval.
            del self.fields["dang_ngay"]

    def clean_tep(self):
        sheet = self.cleaned_data["tep"]
        if Path(sheet.name).suffix.lower() not in SHEET_SUFFIXES:
            raise ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        if sheet.size > MAX_SHEET_BYTES:
            raise ValidationError(_("Bảng tính nặng quá 20 MB."))
        return sheet

    def clean_anh(self):
        photos = self.cleaned_data.get("anh")
        if not photos:
            return None
        if Path(photos.name).suffix.lower() != ".zip":
            raise ValidationError(_("Ảnh phải gói trong một tệp .zip."))
        if photos.size > MAX_ZIP_BYTES:
            raise ValidationError(_("Tệp ZIP nặng quá 1 GB."))
        return photos


class QuickEditForm(forms.Form):
    """One product's sales data on the quick list."""

    san_pham = forms.IntegerField(widget=forms.HiddenInput)
    gia = forms.IntegerField(
        label=_("Giá (đồng)"),
        min_value=1,
        max_value=MAX_PRICE_VND,
        error_messages={
            "required": _("Nhập giá."),
            "invalid": _("Giá phải là số đồng, ví dụ 125000."),
            "min_value": _("Giá phải lớn hơn 0 đồng."),
            "max_value": _("Giá vượt quá 1 tỷ đồng."),
        },
    )
    ton_kho = forms.IntegerField(
        label=_("Tồn kho"),
        min_value=0,
        required=False,
        error_messages={
            "invalid": _("Tồn kho phải là số nguyên không âm."),
            "min_value": _("Tồn kho không được âm."),
        },
    )
    # the stock shown when the page was opened: an unchanged figure is not written
    ton_kho_cu = forms.IntegerField(widget=forms.HiddenInput, required=False)
    dang_ban = forms.BooleanField(label=_("Đang bán"), required=False)


class BaseQuickEditFormSet(forms.BaseFormSet):
    """Rows only for the products listed to this user (``allowed``)."""

    def __init__(self, *args, allowed: dict | None = None, **kwargs):
        self.allowed = allowed or {}
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        for form in self.forms:
            product = form.cleaned_data.get("san_pham")
            if product is not None and product not in self.allowed:
                raise ValidationError(
                    _("Sản phẩm %(id)s không thuộc danh sách của cơ sở mình.")
                    % {"id": product}
                )


QuickEditFormSet = forms.formset_factory(
    QuickEditForm, formset=BaseQuickEditFormSet, extra=0, max_num=100
)
