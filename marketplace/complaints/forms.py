"""The shopper's complaint form and the follow-up lookup. Photos are judged by
their bytes (marketplace.helpers.uploads), as the registration document is."""

from __future__ import annotations

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from marketplace.checkout.models import Order, OrderLine
from marketplace.checkout.services import find_order_for_shopper
from marketplace.complaints.models import Decision, Reason
from marketplace.helpers.uploads import document_problem, read_upload
from sellers.validators import normalize_phone

PHONE_INPUT = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
MAX_PHOTOS = 3
PHOTO_TYPES = {"jpg": "jpg", "jpeg": "jpg", "png": "png"}
NOT_FOUND = _("Không tìm thấy đơn với mã và số điện thoại này. Vui lòng kiểm tra lại.")


def _phone_or_blank(value: str) -> str:
    try:
        return normalize_phone(value)
    except ValidationError:
        return ""


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to MAX_PHOTOS JPEG or PNG photos, each fully decoded and size-capped."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", MultiplePhotoInput(attrs={"accept": ".jpg,.jpeg,.png"})
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            uploads = [upload for upload in data if upload]
        else:
            uploads = [data] if data else []
        if len(uploads) > MAX_PHOTOS:
            raise ValidationError(
                _("Tối đa %(n)s ảnh.") % {"n": MAX_PHOTOS}, code="too_many"
            )
        return [self._one(upload) for upload in uploads]

    def _one(self, upload):
        upload = super().clean(upload)
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if extension not in PHOTO_TYPES:
            raise ValidationError(_("Chỉ nhận ảnh JPG hoặc PNG."), code="extension")
        limit = settings.COMPLAINT_MAX_PHOTO_SIZE
        if upload.size > limit:
            raise ValidationError(
                _("Ảnh quá lớn (%(size)s). Dung lượng tối đa %(max)s.")
                % {"size": filesizeformat(upload.size), "max": filesizeformat(limit)},
                code="too_large",
            )
        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        problem, _pixels = document_problem(
            read_upload(upload), PHOTO_TYPES[extension], max_pixels
        )
        if problem == "too_many_pixels":
            raise ValidationError(
                _("Ảnh quá lớn (quá nhiều điểm ảnh). Vui lòng chụp nhỏ hơn."),
                code=problem,
            )
        if problem:
            raise ValidationError(
                _("Tệp “%(name)s” không phải ảnh JPG/PNG đọc được.")
                % {"name": os.path.basename(upload.name)[:80]},
                code=problem,
            )
        return upload


class LineChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: OrderLine) -> str:
        return f"{obj.product_title} — {obj.seller_order.seller_name}"


class ComplaintForm(forms.Form):
    """One submission: the order is found by its reference and phone (as the
    order lookup does); with several sellers in the order, the product says whose
    part the complaint is about."""

    reference = forms.CharField(label=_("Mã đơn hàng"), max_length=32)
    phone = forms.CharField(
        label=_("Số điện thoại đặt hàng"), max_length=20, widget=PHONE_INPUT
    )
    line = LineChoiceField(
        label=_("Sản phẩm bị khiếu nại"),
        queryset=OrderLine.objects.none(),
        required=False,
        empty_label=_("Cả đơn hàng"),
    )
    reason = forms.ChoiceField(label=_("Lý do"), choices=Reason.choices)
    text = forms.CharField(
        label=_("Nội dung khiếu nại"),
        max_length=3000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photos = PhotosField(label=_("Ảnh chụp (tối đa 3 ảnh JPG/PNG)"), required=False)

    def __init__(self, *args, order: Order | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if order is None and self.is_bound:
            order = self._find_order(
                self.data.get("reference", ""), self.data.get("phone", "")
            )
        self.order = order
        if order is not None:
            self.fields["line"].queryset = OrderLine.objects.filter(
                seller_order__order=order
            ).select_related("seller_order")

    @staticmethod
    def _find_order(reference, phone) -> Order | None:
        if not isinstance(reference, str) or not isinstance(phone, str):
            return None
        if "\x00" in reference:  # PostgreSQL refuses NUL in a text parameter
            return None
        return find_order_for_shopper(reference[:40], _phone_or_blank(phone[:40]))

    def clean(self):
        data = super().clean()
        if self.order is None or not self._matches(data):
            raise ValidationError(NOT_FOUND, code="not_found")
        line = data.get("line")
        if line is None:
            parts = list(self.order.seller_orders.all())
            if len(parts) != 1:
                self.add_error(
                    "line",
                    _("Đơn có hàng của nhiều người bán: vui lòng chọn sản phẩm."),
                )
                return data
            data["seller"] = parts[0].seller
        else:
            data["seller"] = line.seller_order.seller
        return data

    def _matches(self, data) -> bool:
        """The order found when the form was built is the one typed in."""
        found = self._find_order(data.get("reference", ""), data.get("phone", ""))
        return found is not None and found.pk == self.order.pk


class FollowForm(forms.Form):
    phone = forms.CharField(
        label=_("Số điện thoại đặt hàng"), max_length=20, widget=PHONE_INPUT
    )

    def clean_phone(self):
        return _phone_or_blank(self.cleaned_data["phone"])


class FollowLookupForm(FollowForm):
    reference = forms.CharField(label=_("Mã khiếu nại"), max_length=20)
    field_order = ["reference", "phone"]


# -- the department's and the seller's forms (admin) ------------------------------


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Câu hỏi cho người bán"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Trả lời của người bán"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Kết luận"), choices=Decision.choices)
    text = forms.CharField(
        label=_("Nội dung kết luận (gửi người mua)"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
