"""Helpers shared by the catalogue's tests (import files, rows, pictures)."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image as PILImage

from catalog.importing import COLUMNS, validate_rows

TAX_CODE = "0100109106"  # a valid 10-digit MST
FIXTURES = Path(__file__).parent / "fixtures"


def product_row(**overrides) -> dict:
    row = {
        "seller_name": "Hợp tác xã Thử Nghiệm",
        "seller_type": "cooperative",
        "tax_code": TAX_CODE,
        "commune": "Phú Khương",
        "district": "",
        "product_name": "Kẹo dừa sáp",
        "category": "processed_food",
        "price_vnd": "125.000",
        "unit": "hộp",
        "description": "Kẹo dừa làm tay.",
        "ocop_stars": "",
        "ocop_certificate_no": "",
        "ocop_issued": "",
        "stock": "",
        "image": "",
    }
    row.update(overrides)
    return row


def write_csv(path, rows, header=COLUMNS):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(header), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run_import(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_products", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def import_errors(path) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_products", str(path), stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def jpeg(path, size=(80, 60)):
    PILImage.new("RGB", size, (200, 80, 40)).save(path, "JPEG")
    return path


def validate(rows, header=COLUMNS, base_dir=None):
    numbered = [(line, row) for line, row in enumerate(rows, start=2)]
    return validate_rows(list(header), numbered, base_dir=base_dir)


def snippet_url(model, view, *args):
    name = f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:{view}"
    return reverse(name, args=args)
