"""Files the seller tests share: the business-registration document an applicant
uploads at /dang-ky-ban-hang/."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def pdf_bytes() -> bytes:
    """A one-page PDF pypdf reads, drawn in memory with Pillow."""
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return buffer.getvalue()


def document(name="giay-dang-ky.pdf", content=None, content_type="application/pdf"):
    return SimpleUploadedFile(
        name, pdf_bytes() if content is None else content, content_type
    )
