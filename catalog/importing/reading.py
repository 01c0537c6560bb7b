"""The import table's columns, its errors, and reading CSV and XLSX files."""

from __future__ import annotations

import csv
import datetime
import html
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from marketplace.helpers.text import fold

COLUMNS = (
    "seller_name",
    "seller_type",
    "tax_code",
    "commune",
    "district",
    "product_name",
    "category",
    "price_vnd",
    "unit",
    "description",
    "ocop_stars",
    "ocop_certificate_no",
    "ocop_issued",
    "stock",
    "image",
)
REQUIRED_COLUMNS = (
    "seller_name",
    "seller_type",
    "product_name",
    "category",
    "price_vnd",
    "unit",
)
# The headings of the admin's template (catalog/spreadsheet/template.py); a file may
# use them instead of the column names, in any case and with or without accents.
HEADINGS = {
    "seller_name": _("Tên người bán"),
    "seller_type": _("Loại hình"),
    "tax_code": _("Mã số thuế"),
    "commune": _("Xã/phường"),
    "district": _("Huyện cũ"),
    "product_name": _("Tên sản phẩm"),
    "category": _("Danh mục"),
    "price_vnd": _("Giá (đồng)"),
    "unit": _("Đơn vị tính"),
    "description": _("Mô tả"),
    "ocop_stars": _("Số sao OCOP"),
    "ocop_certificate_no": _("Số quyết định OCOP"),
    "ocop_issued": _("Ngày cấp OCOP"),
    "stock": _("Tồn kho"),
    "image": _("Ảnh"),
}
# Seller-profile and award details the demo generator fills in; files keep to COLUMNS.
IMAGE_SEPARATOR = ";"  # several pictures in one cell
EXTENDED_COLUMNS = (
    "phone",
    "email",
    "representative",
    "street_line",
    "year_founded",
    "members",
    "story",
    "seller_verified",
    "seller_logo",
    "summary",
    "award_level",
    "award_year",
)
# products.csv spells three categories differently from the Category slugs.
CATEGORY_ALIASES = {
    "agro_aquatic": "agro-aquatic",
    "processed_food": "processed-food",
    "beverage": "beverages",
}


# ---------------------------------------------------------------- errors


@dataclass(frozen=True)
class RowError:
    """One bad cell; ``line`` is the spreadsheet line number (header = line 1)."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return str(
            _("dòng %(line)d, cột %(column)s: %(message)s")
            % {"line": self.line, "column": self.column, "message": self.message}
        )


class ImportFileError(Exception):
    """The file cannot be read at all (wrong format or encoding)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ImportValidationError(Exception):
    """Rows failed validation; nothing was written."""

    def __init__(self, errors: Sequence[RowError]):
        super().__init__(f"{len(errors)} invalid cells")
        self.errors = list(errors)


# ---------------------------------------------------------------- reading


@dataclass
class Table:
    """A header and its rows, each with its spreadsheet line number; ``headings``
    keeps each column's heading as the file wrote it (for error messages)."""

    header: list[str]
    rows: list[tuple[int, dict[str, Any]]]
    headings: dict[str, str] = field(default_factory=dict)


def _heading_names() -> dict[str, str]:
    """Folded Vietnamese (and English) heading → column name."""
    names = {}
    for column, heading in HEADINGS.items():
        for language in ("vi", "en"):
            with translation.override(language):
                names[fold(str(heading))] = column
    return names


def column_name(heading: str) -> str:
    """The column a heading names: a column name as is, or a template heading."""
    text = heading.strip()
    if text.lower() in COLUMNS:
        return text.lower()
    return _heading_names().get(fold(text), text.lower())


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table_from_lists(lines: Iterable[tuple[int, Sequence[Any]]]) -> Table:
    iterator = iter(lines)
    first = next(iterator, None)
    written = [cell_text(c) for c in first[1]] if first else []
    header = [column_name(text) for text in written]
    rows = []
    for line, cells in iterator:
        texts = [cell_text(c) for c in cells]
        if not any(texts):
            continue
        row: dict[str, Any] = {}
        for index, text in enumerate(texts):
            name = header[index] if index < len(header) else ""
            if name:
                row[name] = text
            elif text:
                # Data under a column without a heading is reported by validation.
                row.setdefault("", text)
        rows.append((line, row))
    headings = {name: text for name, text in zip(header, written, strict=True) if name}
    return Table(header=header, rows=rows, headings=headings)


def read_table(path: Path) -> Table:
    """Read a .csv (UTF-8, comma or semicolon) or .xlsx file's first sheet."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _("Tệp CSV phải được lưu với bảng mã UTF-8.")
            ) from exc
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return _table_from_lists(enumerate(reader, start=1))
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, OSError, KeyError, ValueError) as exc:
            raise ImportFileError(_("Không đọc được tệp Excel (.xlsx).")) from exc
        try:
            sheet = workbook.worksheets[0]
            return _table_from_lists(
                enumerate(sheet.iter_rows(values_only=True), start=1)
            )
        finally:
            workbook.close()
    raise ImportFileError(_("Chỉ nhận tệp .csv hoặc .xlsx."))


def rich_text(text: str) -> str:
    """Plain text lines → the paragraphs a RichTextField stores."""
    paragraphs = [" ".join(p.split()) for p in text.splitlines()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)
