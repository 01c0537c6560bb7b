"""Files and steps the spreadsheet-upload tests share."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from catalog.importing import COLUMNS
from catalog.importing.reading import HEADINGS
from catalog.models import SpreadsheetUpload
from tests.factories import png_bytes


def row(**cells) -> dict:
    base = {
        "product_name": "Kẹo dừa sáp",
        "category": "processed_food",
        "price_vnd": "125000",
        "unit": "hộp",
        "description": "Kẹo dừa làm tay.",
        "stock": "20",
    }
    base.update(cells)
    return base


def xlsx(rows, vietnamese=True) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([str(HEADINGS[c]) if vietnamese else c for c in COLUMNS])
    for cells in rows:
        sheet.append([cells.get(c, "") for c in COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("san-pham.xlsx", out.getvalue())


def csv_file(rows) -> SimpleUploadedFile:
    lines = [",".join(COLUMNS)]
    lines += [",".join(str(cells.get(c, "")) for c in COLUMNS) for cells in rows]
    return SimpleUploadedFile("san-pham.csv", "\n".join(lines).encode())


def photos_zip(files: dict[str, bytes]) -> SimpleUploadedFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("anh.zip", out.getvalue())


def jpeg_bytes(color=(200, 80, 40)) -> bytes:
    return png_bytes(80, 60, color, fmt="JPEG")


def upload(client, capture, seller, sheet, photos=None, **extra):
    """Post the upload form; the validation task runs after the commit."""
    data = {"nguoi_ban": seller.pk, "tep": sheet, **extra}
    if photos is not None:
        data["anh"] = photos
    with capture(execute=True):
        response = client.post(reverse("catalog_spreadsheet:upload"), data)
    return response


def latest_upload() -> SpreadsheetUpload:
    return SpreadsheetUpload.objects.order_by("-created_at").first()


def confirm(client, capture, item: SpreadsheetUpload):
    with capture(execute=True):
        response = client.post(reverse("catalog_spreadsheet:confirm", args=[item.pk]))
    item.refresh_from_db()
    return response
