"""Form fields for sellers' identity and documents, shared by the registration form
and checkout (phone numbers: one definition, sellers.validators)."""

from __future__ import annotations

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from marketplace.helpers.uploads import DOCUMENT_TYPES, document_problem, read_upload
from sellers.validators import normalize_phone


class PhoneField(forms.CharField):
    """A Vietnamese phone number, cleaned to +84…"""

    def clean(self, value):
        value = super().clean(value)
        return normalize_phone(value) if value else value


_MESSAGES = {
    "required": _("Vui lòng chọn tệp giấy đăng ký kinh doanh (PDF, JPG hoặc PNG)."),
    "empty": _("Tệp tải lên rỗng."),
    "invalid_extension": _("Chỉ nhận tệp PDF, JPG hoặc PNG."),
    "file_too_large": _("Tệp quá lớn (%(size)s). Dung lượng tối đa %(max)s."),
    "content_mismatch": _(
        "Nội dung tệp không phải là %(extension)s như phần mở rộng ghi."
    ),
    "broken_pdf": _(
        "Tệp PDF bị hỏng hoặc không đọc được. Vui lòng quét hoặc xuất lại bản PDF."
    ),
    "broken_image": _(
        "Ảnh chụp bị hỏng hoặc chưa tải lên hết. Vui lòng chọn lại tệp gốc."
    ),
    "too_many_pixels": _("Ảnh quá lớn (quá nhiều điểm ảnh). Vui lòng chụp nhỏ hơn."),
}


class DocumentUploadField(forms.FileField):
    """A PDF, JPEG or PNG judged by its bytes (marketplace.helpers.uploads) and
    capped at SELLER_APPLICATION_MAX_DOCUMENT_SIZE."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {}).update(
            {"required": _MESSAGES["required"], "empty": _MESSAGES["empty"]}
        )
        super().__init__(**kwargs)
        self.max_size = settings.SELLER_APPLICATION_MAX_DOCUMENT_SIZE
        self.widget.attrs.setdefault("accept", ".pdf,.jpg,.jpeg,.png")
        self.help_text = _("PDF, JPG hoặc PNG, tối đa %(max)s.") % {
            "max": filesizeformat(self.max_size)
        }

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if extension not in DOCUMENT_TYPES:
            raise ValidationError(
                _MESSAGES["invalid_extension"], code="invalid_extension"
            )
        if upload.size > self.max_size:
            raise ValidationError(
                _MESSAGES["file_too_large"]
                % {
                    "size": filesizeformat(upload.size),
                    "max": filesizeformat(self.max_size),
                },
                code="file_too_large",
            )
        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        problem, _pixels = document_problem(read_upload(upload), extension, max_pixels)
        if problem == "content_mismatch":
            raise ValidationError(
                _MESSAGES[problem] % {"extension": extension.upper()}, code=problem
            )
        if problem:
            raise ValidationError(_MESSAGES[problem], code=problem)
        return upload
