"""Bad image and scan uploads are refused in Vietnamese and store nothing."""

import io
import os

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfWriter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.factories import png_bytes
from tests.sellers.accounts import department_user

Image = get_image_model()
Document = get_document_model()


def _jpeg_bytes(width=400, height=300) -> bytes:
    buffer = io.BytesIO()
    noise = PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    noise.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _truncated_jpeg() -> bytes:
    content = _jpeg_bytes()
    return content[: len(content) // 2]


def _oversized_png() -> bytes:
    """A real PNG just over 10 MB (random pixels do not compress)."""
    side = 1900
    noise = PILImage.frombytes("RGB", (side, side), os.urandom(side * side * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG", compress_level=0)
    content = buffer.getvalue()
    assert len(content) > 10 * 1024 * 1024
    return content


def _huge_canvas_png() -> bytes:
    """48 megapixels of one colour: a tiny file that would decode to 48 MP."""
    buffer = io.BytesIO()
    PILImage.new("L", (8000, 6000)).save(buffer, "PNG")
    return buffer.getvalue()


BAD_IMAGES = {
    "truncated": ("anh-hong.jpg", _truncated_jpeg, "bị cắt cụt"),
    "not_an_image": (
        "gia-mao.jpg",
        lambda: b"Day khong phai la anh, chi la van ban.\n" * 200,
        "không phải là ảnh hợp lệ",
    ),
    "too_big": ("qua-nang.png", _oversized_png, "Tệp quá lớn"),
    "too_many_pixels": ("qua-rong.png", _huge_canvas_png, "Ảnh quá lớn"),
    "png_named_jpg": ("sai-duoi.jpg", png_bytes, "phần mở rộng không khớp"),
}


@pytest.fixture
def moderator(client, site_root):
    user = department_user()
    client.force_login(user)
    return user


def _root_collection_id() -> int:
    return Collection.get_first_root_node().pk


@pytest.mark.parametrize("case", sorted(BAD_IMAGES))
def test_image_add_view_refuses_bad_file_in_vietnamese(client, moderator, case):
    name, make, message = BAD_IMAGES[case]

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ảnh thử",
            "collection": _root_collection_id(),
            "file": SimpleUploadedFile(name, make(), content_type="image/jpeg"),
        },
    )

    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not Image.objects.exists()


@pytest.mark.parametrize("case", sorted(BAD_IMAGES))
def test_multiple_upload_refuses_bad_file_in_vietnamese(client, moderator, case):
    name, make, message = BAD_IMAGES[case]

    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": _root_collection_id(),
            "files[]": SimpleUploadedFile(name, make(), content_type="image/jpeg"),
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert message in payload["error_message"]
    assert not Image.objects.exists()


def test_good_image_is_accepted(client, moderator):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Kẹo dừa",
            "collection": _root_collection_id(),
            "file": SimpleUploadedFile("keo-dua.jpg", _jpeg_bytes()),
        },
    )

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (400, 300)


def test_upload_form_explains_limits_in_vietnamese(client, moderator):
    response = client.get(reverse("wagtailimages:add"))

    help_text = str(response.context["form"].fields["file"].help_text)
    assert "Dung lượng tối đa" in help_text
    assert "40 megapixel" in help_text


def _pdf_bytes() -> bytes:
    """A real one-page A4 PDF."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = _pdf_bytes()
HTML_BEHIND_PDF = (
    b"%PDF-1.7\n<html><body><script>document.location='https://x.example'"
    b"</script></body></html>\n%%EOF\n"
)


def _hundred_megapixel_png() -> bytes:
    """100 megapixels of one colour: a small file, 2.5 times the images' limit."""
    buffer = io.BytesIO()
    PILImage.new("L", (10000, 10000)).save(buffer, "PNG")
    return buffer.getvalue()


BAD_SCANS = {
    "text_named_pdf": (
        "giay-chung-nhan.pdf",
        b"khong phai pdf" * 50,
        "không phải là PDF",
    ),
    "word_document": ("giay-chung-nhan.docx", b"PK\x03\x04" + b"0" * 100, "Chỉ nhận"),
    "too_big": ("scan.pdf", PDF + b"0" * (10 * 1024 * 1024), "Tệp quá lớn"),
    "corrupt_pdf": ("quyet-dinh-hong.pdf", PDF[: len(PDF) // 2], "PDF bị hỏng"),
    "html_behind_pdf_header": ("quyet-dinh-html.pdf", HTML_BEHIND_PDF, "PDF bị hỏng"),
    "truncated_jpeg": ("scan-cat-cut.jpg", _truncated_jpeg(), "Ảnh scan bị hỏng"),
    "hundred_megapixels": ("scan-khong-lo.png", _hundred_megapixel_png(), "quá lớn"),
    "png_named_pdf": ("anh-doi-ten.pdf", png_bytes(), "không phải là PDF"),
}


def _stored_documents(name: str) -> list[str]:
    """Files Wagtail stored for an upload called ``name`` (it may add a suffix)."""
    folder = os.path.join(settings.MEDIA_ROOT, "documents")
    stem, extension = os.path.splitext(name)
    if not os.path.isdir(folder):
        return []
    return [
        f
        for f in os.listdir(folder)
        if f == name or (f.startswith(f"{stem}_") and f.endswith(extension))
    ]


@pytest.mark.parametrize("case", sorted(BAD_SCANS))
def test_certificate_scan_upload_refuses_bad_file(client, moderator, case):
    name, content, message = BAD_SCANS[case]

    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Giấy chứng nhận OCOP",
            "collection": _root_collection_id(),
            "file": SimpleUploadedFile(name, content),
        },
    )

    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not Document.objects.exists()
    assert _stored_documents(name) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("quyet-dinh.pdf", PDF),
        ("scan-anh.png", png_bytes()),
        ("scan-chup.jpg", _jpeg_bytes()),
    ],
)
def test_certificate_scan_accepts_pdf_png_and_jpeg(client, moderator, name, content):
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Giấy chứng nhận OCOP",
            "collection": _root_collection_id(),
            "file": SimpleUploadedFile(name, content),
        },
    )

    assert response.status_code == 302
    assert Document.objects.count() == 1
    assert len(_stored_documents(name)) == 1
