"""Upload checks for product images and certificate scans, with Vietnamese messages.

Wagtail's own image field lets a truncated JPEG through (it only reads the header)
and its messages are English-only; these forms are plugged in through
WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE so the single and
the multiple upload views refuse bad files before anything is stored. Certificate
scans are judged by their bytes too: the type is detected from the content, PDFs
are parsed with pypdf and images fully decoded under the images' pixel limit.
"""

import io
import logging
import os
import warnings

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.fields import FileField
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Pillow raises these for files it cannot decode completely.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError)
_BOMB_ERRORS = (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError)

# Certificate scans: extension → the type filetype must detect in the bytes.
_DOCUMENT_TYPES = {"pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png"}
# pypdf raises these (beyond its own errors) for files it cannot make sense of.
_PDF_ERRORS = (PyPdfError, ValueError, TypeError, KeyError, AttributeError, OSError)
# pypdf warns through logging about every repair it attempts; the refusal says it.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _read_upload(data) -> bytes:
    """The uploaded bytes, leaving the upload rewound for the next reader."""
    if hasattr(data, "temporary_file_path"):
        with open(data.temporary_file_path(), "rb") as handle:
            return handle.read()
    if hasattr(data, "read"):
        data.seek(0)
        content = data.read()
        data.seek(0)
        return content
    return data["content"]


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


def image_problem(content: bytes, max_pixels: int | None) -> tuple[str | None, int]:
    """Why ``content`` is no usable image (``"invalid"``, ``"truncated"``,
    ``"too_many_pixels"``) or None, and its pixel count when known. The image is
    fully decoded (``load()``), not only its header read (``verify()``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(io.BytesIO(content))
        except _BOMB_ERRORS:
            return "too_many_pixels", 0
        except _DECODE_ERRORS:
            return "invalid", 0
        width, height = image.size
        pixels = width * height * getattr(image, "n_frames", 1)
        if max_pixels and pixels > max_pixels:
            return "too_many_pixels", pixels
        try:
            image.load()
        except _BOMB_ERRORS:
            return "too_many_pixels", pixels
        except _DECODE_ERRORS:
            return "truncated", pixels
    return None, pixels


def pdf_is_readable(content: bytes) -> bool:
    """pypdf can parse the file's structure and it has at least one page."""
    try:
        return len(PdfReader(io.BytesIO(content)).pages) > 0
    except _PDF_ERRORS:
        return False


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
        expected = _DOCUMENT_TYPES[extension]
        detected = filetype.guess(content[:8192])
        if detected is None or detected.extension != expected:
            raise ValidationError(
                self.error_messages["content_mismatch"]
                % {"extension": extension.upper()},
                code="content_mismatch",
            )
        if expected == "pdf":
            if not pdf_is_readable(content):
                raise ValidationError(
                    self.error_messages["broken_pdf"], code="broken_pdf"
                )
            return
        max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        problem, pixels = image_problem(content, max_pixels)
        if problem == "too_many_pixels":
            raise ValidationError(
                self.error_messages["too_many_pixels"]
                % {"num_pixels": pixels or "?", "max_pixels": max_pixels},
                code="too_many_pixels",
            )
        if problem is not None:
            raise ValidationError(
                self.error_messages["broken_image"], code="broken_image"
            )


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
