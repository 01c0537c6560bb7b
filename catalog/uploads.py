"""Upload checks for product images and certificate scans, with Vietnamese messages.

Wagtail's own image field lets a truncated JPEG through (it only reads the header)
and its messages are English-only; these forms are plugged in through
WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE so the single and
the multiple upload views refuse bad files before anything is stored. Certificate
scans are judged by their bytes too: the type is detected from the content, PDFs
are parsed with pypdf and images fully decoded under the images' pixel limit.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.fields import FileField
from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from marketplace.helpers.uploads import DOCUMENT_TYPES as _DOCUMENT_TYPES
from marketplace.helpers.uploads import document_problem, image_problem
from marketplace.helpers.uploads import read_upload as _read_upload

__all__ = ["CheckedDocumentField", "CheckedImageField", "image_problem"]


class CheckedImageField(WagtailImageField):
    """Wagtail's image field plus a full decode, so broken files never reach storage."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = self.supported_formats_text
        self.help_text = _(
            "Định dạng: %(formats)s. Dung lượng tối đa %(size)s, "
            "tối đa %(pixels)s megapixel."
        ) % {
            "formats": formats,
            "size": self.max_upload_size_text,
            "pixels": (self.max_image_pixels or 0) // 1_000_000,
        }
        self.error_messages.update(
            {
                "required": _("Vui lòng chọn một tệp ảnh."),
                "empty": _("Tệp tải lên rỗng."),
                "invalid_image": _(
                    "Tệp tải lên không phải là ảnh hợp lệ hoặc đã bị hỏng."
                ),
                "image_truncated": _(
                    "Ảnh bị hỏng hoặc chưa tải lên hết (tệp bị cắt cụt). "
                    "Vui lòng chọn lại tệp gốc."
                ),
                "invalid_image_extension": _(
                    "Định dạng ảnh không được hỗ trợ. Chỉ nhận: %(formats)s."
                )
                % {"formats": formats},
                "invalid_image_known_format": _(
                    "Tệp không phải ảnh .%(extension)s thật: phần mở rộng không "
                    "khớp với định dạng của tệp (%(image_format)s)."
                ),
                "file_too_large": _(
                    "Tệp quá lớn (%(file_size)s). Dung lượng tối đa %(max_filesize)s."
                ),
                "file_too_large_unknown_size": _(
                    "Tệp quá lớn. Dung lượng tối đa %(max_filesize)s."
                )
                % {"max_filesize": self.max_upload_size_text},
                "file_too_many_pixels": _(
                    "Ảnh quá lớn (%(num_pixels)s điểm ảnh). "
                    "Tối đa %(max_pixels_count)s điểm ảnh."
                ),
            }
        )

    def to_python(self, data):
        upload = FileField.to_python(self, data)
        if upload is None:
            return None
        # Size first: no point decoding 50 MB to refuse it afterwards.
        self.check_image_file_size(upload)
        self._check_decodes(_read_upload(data))
        return super().to_python(data)

    def _too_many_pixels(self, num_pixels) -> ValidationError:
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {
                "num_pixels": num_pixels,
                "max_pixels_count": self.max_image_pixels,
            },
            code="file_too_many_pixels",
        )

    def _check_decodes(self, content: bytes) -> None:
        """Open and fully decode the image; Pillow's bomb warning counts as an error."""
        problem, pixels = image_problem(content, self.max_image_pixels)
        if problem == "too_many_pixels":
            raise self._too_many_pixels(pixels or _("không rõ số"))
        if problem == "invalid":
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            )
        if problem == "truncated":
            raise ValidationError(
                self.error_messages["image_truncated"], code="image_truncated"
            )


class CheckedDocumentField(WagtailDocumentField):
    """Certificate scans: a PDF pypdf can read, or a JPEG or PNG that decodes fully
    within the images' pixel limit; the type detected in the bytes must match the
    extension."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed_extensions = [
            ext
            for ext in getattr(settings, "WAGTAILDOCS_EXTENSIONS", _DOCUMENT_TYPES)
            if ext in _DOCUMENT_TYPES
        ]
        formats = ", ".join(ext.upper() for ext in self.allowed_extensions)
        self.help_text = _("Định dạng: %(formats)s. Dung lượng tối đa %(size)s.") % {
            "formats": formats,
            "size": self.max_upload_size_text,
        }
        self.error_messages.update(
            {
                "required": _("Vui lòng chọn một tệp."),
                "empty": _("Tệp tải lên rỗng."),
                "invalid_extension": _("Chỉ nhận bản scan dạng %(formats)s.")
                % {"formats": formats},
                "content_mismatch": _(
                    "Nội dung tệp không phải là %(extension)s như phần mở rộng ghi."
                ),
                "broken_pdf": _(
                    "Tệp PDF bị hỏng hoặc không đọc được. Vui lòng quét hoặc xuất "
                    "lại bản PDF."
                ),
                "broken_image": _(
                    "Ảnh scan bị hỏng hoặc chưa tải lên hết. Vui lòng chọn lại tệp gốc."
                ),
                "too_many_pixels": _(
                    "Ảnh scan quá lớn (%(num_pixels)s điểm ảnh). "
                    "Tối đa %(max_pixels)s điểm ảnh."
                ),
                "file_too_large": _(
                    "Tệp quá lớn (%(file_size)s). Dung lượng tối đa %(max_filesize)s."
                ),
                "file_too_large_unknown_size": _(
                    "Tệp quá lớn. Dung lượng tối đa %(max_filesize)s."
                )
                % {"max_filesize": self.max_upload_size_text},
            }
        )

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
        if extension not in self.allowed_extensions:
            raise ValidationError(
                self.error_messages["invalid_extension"], code="invalid_extension"
            )
        self._check_content(_read_upload(data), extension)
        return upload

    def _check_content(self, content: bytes, extension: str) -> None:
        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        problem, pixels = document_problem(content, extension, max_pixels)
        if problem is None:
            return
        message = self.error_messages[problem]
        if problem == "content_mismatch":
            message = message % {"extension": extension.upper()}
        elif problem == "too_many_pixels":
            message = message % {"num_pixels": pixels or "?", "max_pixels": max_pixels}
        raise ValidationError(message, code=problem)


def _swap_file_field(form, field_class) -> None:
    """Replace the generated file field, keeping its widget, label and requiredness."""
    current = form.fields.get("file")
    if current is None:  # the multiple-upload edit form has no file field
        return
    form.fields["file"] = field_class(
        label=current.label, required=current.required, widget=current.widget
    )


class ImageForm(BaseImageForm):
    """Base form of every Wagtail image form (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_file_field(self, CheckedImageField)


class DocumentForm(BaseDocumentForm):
    """Base form of every Wagtail document form (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_file_field(self, CheckedDocumentField)
