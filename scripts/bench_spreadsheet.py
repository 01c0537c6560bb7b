"""Spreadsheet upload benchmark: a 1,000-row XLSX with a ZIP of 1,000 photos,
uploaded by a seller through the admin's own services (catalog/spreadsheet/):
time to validate (store the files, check the ZIP, check every row and every photo,
build the preview; target under 30 s) and to import after the confirmation
(validate again, write every product with its photo, submit each to the
department's workflow; target under 90 s). Issue 13's figure.

Runs on a fresh SQLite database in a temporary folder (migrated first, not
counted); tasks run at once as in development. Writes the "spreadsheet" section
of docs/benchmarks.md.

    .venv/bin/python scripts/bench_spreadsheet.py [--rows 1000]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VALIDATE_TARGET_S = 30.0
IMPORT_TARGET_S = 90.0


def _photo(n: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 600), (n % 256, (n * 7) % 256, (n * 13) % 256))
    ImageDraw.Draw(image).ellipse((200, 100, 600, 500), fill=(250, 245, 235))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def _files(rows: int):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from catalog.importing import COLUMNS
    from catalog.importing.reading import HEADINGS

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([str(HEADINGS[c]) for c in COLUMNS])
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w") as archive:
        for n in range(rows):
            cells = {
                "product_name": f"Kẹo dừa thử nghiệm số {n}",
                "category": "processed_food",
                "price_vnd": str(50000 + n * 100),
                "unit": "hộp",
                "description": f"Sản phẩm thử số {n}.",
                "stock": str(n % 50),
                "image": f"anh/san-pham-{n}.jpg",
            }
            sheet.append([cells.get(c, "") for c in COLUMNS])
            archive.writestr(f"anh/san-pham-{n}.jpg", _photo(n))
    out = io.BytesIO()
    workbook.save(out)
    return (
        SimpleUploadedFile("bench.xlsx", out.getvalue()),
        SimpleUploadedFile("anh.zip", archive_bytes.getvalue()),
    )


def _seller():
    from marketplace.site_setup import ensure_site_structure
    from sellers.models import SellerIndexPage, SellerPage
    from sellers.services import create_seller_account

    ensure_site_structure()
    seller = SellerPage(
        title="Hợp tác xã Đo Hiệu Năng",
        legal_name="Hợp tác xã Đo Hiệu Năng",
        slug="htx-do-hieu-nang",
        seller_type="cooperative",
        tax_code="0100109106",
    )
    SellerIndexPage.objects.get().add_child(instance=seller)
    seller.save_revision().publish()
    user = create_seller_account(seller, "bench-seller", "bench@example.vn", "x" * 12)
    return seller, user


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ocop-bench-spreadsheet-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "marketplace.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    os.environ["PRIVATE_MEDIA_ROOT"] = str(folder / "private")
    os.environ.setdefault("SEARCH_URL", "http://127.0.0.1:9")  # no engine needed
    import django

    django.setup()
    from django.core.management import call_command

    from catalog.models import ProductPage
    from catalog.spreadsheet import services
    from scripts.benchlib import write_section

    call_command("migrate", verbosity=0)
    seller, user = _seller()
    sheet, photos = _files(args.rows)

    start = time.perf_counter()
    upload = services.start_upload(user, seller, sheet, photos)
    validate_s = time.perf_counter() - start
    upload.refresh_from_db()
    if upload.status != "ready":
        sys.stderr.write(f"validation failed: {upload.errors[:3]}\n")
        return 1

    start = time.perf_counter()
    services.confirm_upload(upload)
    import_s = time.perf_counter() - start
    upload.refresh_from_db()
    imported = ProductPage.objects.child_of(seller).count()
    waiting = sum(
        1 for p in ProductPage.objects.child_of(seller) if p.workflow_in_progress
    )
    load = os.getloadavg()[0]
    ok = validate_s < VALIDATE_TARGET_S and import_s < IMPORT_TARGET_S
    markdown = (
        "## Spreadsheet upload\n\n"
        f"{args.rows} rows (XLSX) with {args.rows} photos of 800 × 600 px in a ZIP, "
        "uploaded by a seller on SQLite (tasks run at once): validation with the "
        f"preview {validate_s:.1f} s (target {VALIDATE_TARGET_S:.0f} s), import "
        f"after the confirmation {import_s:.1f} s (target {IMPORT_TARGET_S:.0f} s; "
        f"checks the files again, writes {imported} products, {waiting} submitted "
        f"for approval); status {upload.status}. Load average {load:.1f} on this "
        f"machine's cores (shared); {'meets' if ok else 'MISSES'} the targets.\n"
    )
    write_section("spreadsheet", markdown)
    sys.stdout.write(markdown)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
