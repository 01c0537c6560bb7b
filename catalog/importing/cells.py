"""One cell at a time: each function reads a column, reports its problems, returns
the clean value (or None)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from catalog.importing.reading import CATEGORY_ALIASES, RowError, cell_text
from catalog.importing.rows import OcopData
from catalog.models import Category
from catalog.models.certificates import STAR_LEVELS
from catalog.models.pages import MAX_PRICE_VND
from marketplace.formatting import parse_date, parse_vnd
from marketplace.helpers.text import fold
from sellers.models import AdminUnit, SellerType
from sellers.validators import normalize_tax_code, validate_tax_code

REQUIRED = _("Ô bắt buộc, không được để trống.")


def too_long(limit: int) -> str:
    return str(_("Dài quá %(n)d ký tự.") % {"n": limit})


@dataclass
class Cells:
    """One row's raw cells and the list its problems go to."""

    line: int
    raw: Mapping[str, Any]
    errors: list[RowError]

    def text(self, column: str) -> str:
        value = self.raw.get(column)
        return value.strip() if isinstance(value, str) else cell_text(value)

    def error(self, column: str, message) -> None:
        self.errors.append(RowError(self.line, column, str(message)))


class Lookups:
    """Categories and communes, loaded once per validation."""

    def __init__(self) -> None:
        self.categories = {c.slug: c for c in Category.objects.all()}
        self.communes_by_code: dict[str, AdminUnit] = {}
        self.communes_by_name: dict[str, list[AdminUnit]] = {}
        for unit in AdminUnit.objects.all():
            self.communes_by_code[unit.code] = unit
            for name in {fold(unit.name), fold(unit.full_name)}:
                self.communes_by_name.setdefault(name, []).append(unit)

    def category(self, text: str) -> Category | None:
        slug = text.strip().lower()
        return self.categories.get(CATEGORY_ALIASES.get(slug, slug))

    def commune(self, text: str) -> AdminUnit | list[AdminUnit] | None:
        if text.isdigit():
            return self.communes_by_code.get(text)
        found = self.communes_by_name.get(fold(text), [])
        if len(found) > 1:
            return found
        return found[0] if found else None


# ---------------------------------------------------------------- any row


def required_text(cells: Cells, column: str, limit: int) -> str:
    """A required one-line text, inner whitespace collapsed."""
    value = " ".join(cells.text(column).split())
    if not value:
        cells.error(column, REQUIRED)
    elif len(value) > limit:
        cells.error(column, too_long(limit))
    return value


def seller_type(cells: Cells) -> str | None:
    text = cells.text("seller_type")
    if not text:
        cells.error("seller_type", REQUIRED)
        return None
    wanted = fold(text).replace(" ", "_")
    for value, label in SellerType.choices:
        if wanted in (value, fold(str(label)).replace(" ", "_")):
            return value
    cells.error(
        "seller_type",
        _("Loại hình “%(value)s” không hợp lệ; dùng một trong: %(choices)s.")
        % {"value": text, "choices": ", ".join(SellerType.values)},
    )
    return None


def tax_code(cells: Cells) -> str:
    code = normalize_tax_code(cells.text("tax_code"))
    if code:
        try:
            validate_tax_code(code)
        except ValidationError as exc:
            cells.error("tax_code", exc.messages[0])
    return code


def commune(cells: Cells, lookups: Lookups) -> AdminUnit | None:
    text = cells.text("commune")
    if not text:
        return None
    found = lookups.commune(text)
    if isinstance(found, list):
        cells.error(
            "commune",
            _("Tên “%(value)s” trùng nhiều xã/phường; ghi tên đầy đủ hoặc mã.")
            % {"value": text},
        )
        return None
    if found is None:
        cells.error(
            "commune",
            _("Không có xã/phường “%(value)s” trong danh sách năm 2025.")
            % {"value": text},
        )
    return found


def category(cells: Cells, lookups: Lookups) -> Category | None:
    text = cells.text("category")
    if not text:
        cells.error("category", REQUIRED)
        return None
    found = lookups.category(text)
    if found is None:
        cells.error(
            "category",
            _("Danh mục “%(value)s” không tồn tại; dùng một trong: %(choices)s.")
            % {"value": text, "choices": ", ".join(lookups.categories)},
        )
    return found


def price(cells: Cells) -> int | None:
    value = cells.text("price_vnd")
    if not value:
        cells.error("price_vnd", REQUIRED)
        return None
    if value.lstrip().startswith("-"):
        cells.error("price_vnd", _("Giá không được âm."))
        return None
    try:
        amount = parse_vnd(value)
    except ValueError:
        cells.error(
            "price_vnd",
            _("Giá “%(value)s” không phải số đồng; ví dụ 125000 hoặc 125.000.")
            % {"value": value},
        )
        return None
    if amount <= 0:
        cells.error("price_vnd", _("Giá phải lớn hơn 0 đồng."))
        return None
    if amount > MAX_PRICE_VND:
        cells.error("price_vnd", _("Giá vượt quá 1 tỷ đồng."))
        return None
    return amount


def stock(cells: Cells) -> int | None:
    value = cells.text("stock")
    if not value:
        return None
    if re.fullmatch(r"-\s*\d+", value):
        cells.error("stock", _("Tồn kho không được âm."))
        return None
    if not value.isdigit():
        cells.error("stock", _("Tồn kho phải là số nguyên không âm."))
        return None
    return int(value)


def _issue_date(cells: Cells, today: datetime.date) -> datetime.date | None:
    text = cells.text("ocop_issued")
    if not text:
        return None
    try:
        issued = parse_date(text)
    except ValueError:
        cells.error(
            "ocop_issued",
            _("Ngày “%(value)s” không hợp lệ; cần dạng dd/mm/yyyy.") % {"value": text},
        )
        return None
    if issued > today:
        cells.error("ocop_issued", _("Ngày cấp không thể ở tương lai."))
        return None
    return issued


def ocop(cells: Cells, today: datetime.date) -> OcopData | None:
    """The OCOP certificate columns: stars, decision number, issue date."""
    stars = cells.text("ocop_stars").replace("★", "").strip()
    number = cells.text("ocop_certificate_no")
    issued = _issue_date(cells, today)
    if len(number) > 60:
        cells.error("ocop_certificate_no", too_long(60))
    if not stars:
        if number or cells.text("ocop_issued"):
            cells.error(
                "ocop_stars", _("Có thông tin chứng nhận OCOP nhưng thiếu số sao.")
            )
        return None
    if stars not in {str(level) for level in STAR_LEVELS}:
        cells.error("ocop_stars", _("Sản phẩm OCOP chỉ được xếp hạng 3, 4 hoặc 5 sao."))
        return None
    return OcopData(stars=int(stars), number=number, issued=issued)
