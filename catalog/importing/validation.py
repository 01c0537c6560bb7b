"""Every row checked before anything is written; every problem reported by line."""

from __future__ import annotations

import datetime
import hashlib
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from catalog.importing.reading import (
    CATEGORY_ALIASES,
    COLUMNS,
    EXTENDED_COLUMNS,
    IMAGE_SEPARATOR,
    REQUIRED_COLUMNS,
    RowError,
    cell_text,
    fold,
    rich_text,
)
from catalog.models import Category, RuralIndustrialAward
from catalog.models.pages import MAX_PRICE_VND
from marketplace.formatting import parse_date, parse_vnd
from sellers.models import AdminUnit, SellerType
from sellers.validators import normalize_phone, normalize_tax_code, validate_tax_code

_IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
_TRUE_WORDS = {"1", "true", "yes", "x", "có", "co"}
_MEMBER_TYPES = (SellerType.COOPERATIVE, SellerType.COOPERATIVE_GROUP)


# ---------------------------------------------------------------- validated rows


@dataclass(frozen=True)
class ImageSource:
    """An image handed over in memory (the demo generator) instead of a file path."""

    name: str
    data: bytes


@dataclass(frozen=True)
class CheckedImage:
    """An image that passed validation; bytes are re-read from ``path`` when written."""

    name: str
    sha1: str
    width: int
    height: int
    size: int
    extension: str
    path: Path | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        return self.data if self.data is not None else self.path.read_bytes()


@dataclass
class SellerData:
    """A seller as the file describes it; several rows may describe the same one."""

    key: tuple[str, str]
    line: int
    name: str
    seller_type: str
    tax_code: str = ""
    commune: AdminUnit | None = None
    district: str = ""
    profile: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OcopData:
    stars: int
    number: str
    issued: datetime.date | None


@dataclass
class ProductRow:
    line: int
    seller: SellerData
    name: str
    category: Category
    price_vnd: int
    unit: str
    description: str = ""
    summary: str = ""
    stock: int | None = None
    commune: AdminUnit | None = None
    images: list[CheckedImage] = field(default_factory=list)
    ocop: OcopData | None = None
    award: tuple[str, int] | None = None


@dataclass
class Validation:
    rows: list[ProductRow]
    errors: list[RowError]

    @property
    def ok(self) -> bool:
        return not self.errors


class _Lookups:
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


def _seller_type(text: str) -> str | None:
    wanted = fold(text).replace(" ", "_")
    for value, label in SellerType.choices:
        if wanted in (value, fold(str(label)).replace(" ", "_")):
            return value
    return None


def check_image_bytes(data: bytes) -> tuple[tuple[int, int, str] | None, str]:
    """(width, height, extension) of an acceptable image, else None and why not."""
    max_bytes = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    if len(data) > max_bytes:
        return None, str(
            _("Ảnh nặng quá %(mb)d MB.") % {"mb": max_bytes // (1024 * 1024)}
        )
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            width, height = image.size
            image_format = image.format
            if width * height > max_pixels:
                return None, _too_many_pixels(max_pixels)
            image.load()  # decodes fully, so a truncated file fails here
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        return None, _too_many_pixels(max_pixels)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None, str(_("Tệp không phải ảnh hợp lệ hoặc bị hỏng."))
    extension = _IMAGE_EXTENSIONS.get(image_format or "")
    if extension is None:
        return None, str(_("Chỉ nhận ảnh JPEG, PNG hoặc WebP."))
    return (width, height, extension), ""


def _too_many_pixels(max_pixels: int) -> str:
    return str(_("Ảnh lớn quá %(mp)d megapixel.") % {"mp": max_pixels // 1_000_000})


class _RowValidator:
    """Checks one row's cells; every problem becomes a RowError."""

    def __init__(self, lookups: _Lookups, base_dir: Path | None, extended: bool):
        self.lookups = lookups
        self.base_dir = base_dir
        self.extended = extended
        self.today = timezone.localdate()

    def validate(
        self, line: int, raw: Mapping[str, Any], errors: list[RowError]
    ) -> dict[str, Any]:
        before = len(errors)

        def error(column: str, message) -> None:
            errors.append(RowError(line, column, str(message)))

        def text(column: str) -> str:
            value = raw.get(column)
            return value.strip() if isinstance(value, str) else cell_text(value)

        if raw.get(""):
            error("?", _("Ô có dữ liệu nhưng cột không có tiêu đề."))
        out: dict[str, Any] = {"line": line}

        for column, limit in (
            ("seller_name", 255),
            ("product_name", 255),
            ("unit", 30),
        ):
            value = " ".join(text(column).split())
            if not value:
                error(column, _("Ô bắt buộc, không được để trống."))
            elif len(value) > limit:
                error(column, _("Dài quá %(n)d ký tự.") % {"n": limit})
            out[column] = value

        seller_type = text("seller_type")
        out["seller_type"] = _seller_type(seller_type) if seller_type else None
        if not seller_type:
            error("seller_type", _("Ô bắt buộc, không được để trống."))
        elif out["seller_type"] is None:
            error(
                "seller_type",
                _("Loại hình “%(value)s” không hợp lệ; dùng một trong: %(choices)s.")
                % {"value": seller_type, "choices": ", ".join(SellerType.values)},
            )

        tax_code = normalize_tax_code(text("tax_code"))
        if tax_code:
            try:
                validate_tax_code(tax_code)
            except ValidationError as exc:
                error("tax_code", exc.messages[0])
        out["tax_code"] = tax_code

        out["commune"] = None
        commune = text("commune")
        if commune:
            found = self.lookups.commune(commune)
            if isinstance(found, list):
                error(
                    "commune",
                    _("Tên “%(value)s” trùng nhiều xã/phường; ghi tên đầy đủ hoặc mã.")
                    % {"value": commune},
                )
            elif found is None:
                error(
                    "commune",
                    _("Không có xã/phường “%(value)s” trong danh sách năm 2025.")
                    % {"value": commune},
                )
            else:
                out["commune"] = found
        out["district"] = text("district")[:80]

        category = text("category")
        out["category"] = self.lookups.category(category) if category else None
        if not category:
            error("category", _("Ô bắt buộc, không được để trống."))
        elif out["category"] is None:
            error(
                "category",
                _("Danh mục “%(value)s” không tồn tại; dùng một trong: %(choices)s.")
                % {"value": category, "choices": ", ".join(self.lookups.categories)},
            )

        out["price_vnd"] = self._price(text("price_vnd"), error)
        out["description"] = text("description")
        out["stock"] = self._stock(text("stock"), error)
        out["ocop"] = self._ocop(text, error)
        out["images"] = self._images(raw.get("image"), error)
        if self.extended:
            self._extended(text, out, error)
        out["valid"] = len(errors) == before
        return out

    @staticmethod
    def _price(value: str, error) -> int | None:
        if not value:
            error("price_vnd", _("Ô bắt buộc, không được để trống."))
            return None
        if value.lstrip().startswith("-"):
            error("price_vnd", _("Giá không được âm."))
            return None
        try:
            price = parse_vnd(value)
        except ValueError:
            error(
                "price_vnd",
                _("Giá “%(value)s” không phải số đồng; ví dụ 125000 hoặc 125.000.")
                % {"value": value},
            )
            return None
        if price <= 0:
            error("price_vnd", _("Giá phải lớn hơn 0 đồng."))
            return None
        if price > MAX_PRICE_VND:
            error("price_vnd", _("Giá vượt quá 1 tỷ đồng."))
            return None
        return price

    @staticmethod
    def _stock(value: str, error) -> int | None:
        if not value:
            return None
        if re.fullmatch(r"-\s*\d+", value):
            error("stock", _("Tồn kho không được âm."))
            return None
        if not value.isdigit():
            error("stock", _("Tồn kho phải là số nguyên không âm."))
            return None
        return int(value)

    def _ocop(self, text, error) -> OcopData | None:
        stars_text = text("ocop_stars").replace("★", "").strip()
        number = text("ocop_certificate_no")
        issued_text = text("ocop_issued")
        issued = None
        if issued_text:
            try:
                issued = parse_date(issued_text)
            except ValueError:
                error(
                    "ocop_issued",
                    _("Ngày “%(value)s” không hợp lệ; cần dạng dd/mm/yyyy.")
                    % {"value": issued_text},
                )
            else:
                if issued > self.today:
                    error("ocop_issued", _("Ngày cấp không thể ở tương lai."))
                    issued = None
        if len(number) > 60:
            error("ocop_certificate_no", _("Dài quá %(n)d ký tự.") % {"n": 60})
        if not stars_text:
            if number or issued_text:
                error(
                    "ocop_stars", _("Có thông tin chứng nhận OCOP nhưng thiếu số sao.")
                )
            return None
        if stars_text not in ("3", "4", "5"):
            error("ocop_stars", _("Sản phẩm OCOP chỉ được xếp hạng 3, 4 hoặc 5 sao."))
            return None
        return OcopData(stars=int(stars_text), number=number, issued=issued)

    def _images(self, value: Any, error) -> list[CheckedImage]:
        if value is None or value == "":
            return []
        if isinstance(value, ImageSource):
            value = [value]
        if isinstance(value, str):
            items: list[Any] = [p.strip() for p in value.split(IMAGE_SEPARATOR)]
            items = [p for p in items if p]
        elif self.extended and isinstance(value, list | tuple):
            items = list(value)
        else:
            error("image", _("Giá trị ảnh không hợp lệ."))
            return []
        checked = []
        for item in items:
            image = self._image(item, error)
            if image is not None:
                checked.append(image)
        return checked

    def _image(self, item: Any, error) -> CheckedImage | None:
        if isinstance(item, ImageSource):
            data, path, name = item.data, None, item.name
        else:
            relative = Path(str(item))
            if relative.is_absolute() or self.base_dir is None:
                error(
                    "image",
                    _("Đường dẫn ảnh “%(value)s” phải tương đối so với tệp nhập.")
                    % {"value": item},
                )
                return None
            path = self.base_dir / relative
            if not path.is_file():
                error("image", _("Không tìm thấy ảnh “%(value)s”.") % {"value": item})
                return None
            max_bytes = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
            if path.stat().st_size > max_bytes:
                error(
                    "image",
                    _("Ảnh “%(value)s” nặng quá %(mb)d MB.")
                    % {"value": item, "mb": max_bytes // (1024 * 1024)},
                )
                return None
            data, name = path.read_bytes(), path.name
        info, problem = check_image_bytes(data)
        if info is None:
            error("image", f"{name}: {problem}")
            return None
        width, height, extension = info
        return CheckedImage(
            name=name,
            sha1=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
            width=width,
            height=height,
            size=len(data),
            extension=extension,
            path=path,
            data=data if path is None else None,
        )

    def _extended(self, text, out: dict[str, Any], error) -> None:
        profile: dict[str, Any] = {}
        phone = text("phone")
        if phone:
            try:
                profile["phone"] = normalize_phone(phone)
            except ValidationError as exc:
                error("phone", exc.messages[0])
        email = text("email")
        if email:
            try:
                validate_email(email)
                profile["email"] = email
            except ValidationError:
                error("email", _("Địa chỉ email không hợp lệ."))
        for column, limit in (("representative", 120), ("street_line", 255)):
            value = text(column)
            if len(value) > limit:
                error(column, _("Dài quá %(n)d ký tự.") % {"n": limit})
            elif value:
                profile[column] = value
        year = text("year_founded")
        if year:
            if year.isdigit() and 1900 <= int(year) <= self.today.year:
                profile["year_founded"] = int(year)
            else:
                error("year_founded", _("Năm thành lập không hợp lệ."))
        members = text("members")
        if members:
            if not members.isdigit():
                error("members", _("Số thành viên phải là số nguyên không âm."))
            elif out.get("seller_type") not in _MEMBER_TYPES:
                error("members", _("Chỉ hợp tác xã và tổ hợp tác có số thành viên."))
            else:
                profile["members"] = int(members)
        if text("story"):
            profile["story"] = rich_text(text("story"))
        if text("seller_verified"):
            profile["verified"] = fold(text("seller_verified")) in _TRUE_WORDS
        out["profile"] = profile
        summary = text("summary")
        if len(summary) > 300:
            error("summary", _("Dài quá %(n)d ký tự.") % {"n": 300})
        out["summary"] = summary
        out["award"] = None
        level, year = text("award_level"), text("award_year")
        if level or year:
            if level not in RuralIndustrialAward.Level.values:
                error(
                    "award_level",
                    _("Cấp công nhận phải là một trong: %(choices)s.")
                    % {"choices": ", ".join(RuralIndustrialAward.Level.values)},
                )
            elif not (year.isdigit() and 2000 <= int(year) <= self.today.year):
                error("award_year", _("Năm công nhận không hợp lệ."))
            else:
                out["award"] = (level, int(year))


def _header_errors(header: Sequence[str], allowed: Sequence[str]) -> list[RowError]:
    errors = []
    seen = set()
    for name in header:
        if not name:
            continue
        if name not in allowed:
            errors.append(
                RowError(
                    1,
                    name,
                    str(
                        _("Cột không xác định; các cột hợp lệ: %(columns)s.")
                        % {"columns": ", ".join(allowed)}
                    ),
                )
            )
        elif name in seen:
            errors.append(RowError(1, name, str(_("Cột bị lặp lại."))))
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            errors.append(RowError(1, name, str(_("Thiếu cột bắt buộc."))))
    return errors


def validate_rows(
    header: Sequence[str],
    rows: Iterable[tuple[int, Mapping[str, Any]]],
    *,
    base_dir: Path | None = None,
    extended: bool = False,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> Validation:
    """Check every row (no writes); return the clean rows or every error found.

    ``extended`` also accepts EXTENDED_COLUMNS and in-memory ImageSource values: the
    demo generator's richer rows. Files read by import_products keep to COLUMNS.
    """
    allowed = COLUMNS + EXTENDED_COLUMNS if extended else COLUMNS
    errors = _header_errors(header, allowed)
    if errors:
        return Validation(rows=[], errors=errors)
    validator = _RowValidator(_Lookups(), base_dir, extended)
    rows = list(rows)
    parsed = [
        validator.validate(line, raw, errors)
        for line, raw in (progress(rows) if progress else rows)
    ]
    products = _group_rows(parsed, errors)
    errors.sort(
        key=lambda e: (e.line, allowed.index(e.column) if e.column in allowed else -1)
    )
    return Validation(rows=[] if errors else products, errors=errors)


def validate_records(
    records: Sequence[Mapping[str, Any]],
    *,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> Validation:
    """Validate rows built in memory, numbered as if under a header on line 1."""
    header = list(dict.fromkeys(key for record in records for key in record))
    return validate_rows(
        header,
        [(index + 2, record) for index, record in enumerate(records)],
        extended=True,
        progress=progress,
    )


_SELLER_FIELDS = ("seller_type", "tax_code", "commune", "district")


def _group_rows(
    parsed: list[dict[str, Any]], errors: list[RowError]
) -> list[ProductRow]:
    """Give rows describing the same seller one SellerData; flag duplicate products."""
    name_to_tax: dict[str, str] = {}
    for out in parsed:
        if out["tax_code"] and out["seller_name"]:
            name_to_tax.setdefault(fold(out["seller_name"]), out["tax_code"])
    sellers: dict[tuple[str, str], SellerData] = {}
    seen_products: dict[tuple, int] = {}
    products = []
    for out in parsed:
        line, name = out["line"], out["seller_name"]
        if not name:
            continue
        tax = out["tax_code"] or name_to_tax.get(fold(name), "")
        key = ("tax", tax) if tax else ("name", fold(name))
        seller = sellers.get(key)
        if seller is None:
            seller = sellers[key] = SellerData(
                key=key,
                line=line,
                name=name,
                seller_type=out["seller_type"],
                tax_code=tax,
                commune=out["commune"],
                district=out["district"],
                profile=dict(out.get("profile", {})),
            )
        else:
            _merge_seller(seller, out, errors)
        if out["product_name"]:
            product_key = (key, fold(out["product_name"]))
            if product_key in seen_products:
                errors.append(
                    RowError(
                        line,
                        "product_name",
                        str(
                            _("Sản phẩm trùng với dòng %(line)d của cùng người bán.")
                            % {"line": seen_products[product_key]}
                        ),
                    )
                )
                continue
            seen_products[product_key] = line
        if out["valid"]:
            products.append(
                ProductRow(
                    line=line,
                    seller=seller,
                    name=out["product_name"],
                    category=out["category"],
                    price_vnd=out["price_vnd"],
                    unit=out["unit"],
                    description=out["description"],
                    summary=out.get("summary", ""),
                    stock=out["stock"],
                    commune=out["commune"],
                    images=out["images"],
                    ocop=out["ocop"],
                    award=out.get("award"),
                )
            )
    return products


def _merge_seller(seller: SellerData, out: dict[str, Any], errors: list[RowError]):
    """Later rows may fill blanks of the seller, never contradict the first row."""
    if seller.key[0] == "tax" and fold(out["seller_name"]) != fold(seller.name):
        errors.append(_conflict(out["line"], "seller_name", seller.line))
    for name in _SELLER_FIELDS:
        value, current = out[name], getattr(seller, name)
        if not value:
            continue
        if not current:
            setattr(seller, name, value)
        elif value != current:
            errors.append(_conflict(out["line"], name, seller.line))
    for name, value in out.get("profile", {}).items():
        seller.profile.setdefault(name, value)


def _conflict(line: int, column: str, first_line: int) -> RowError:
    return RowError(
        line,
        column,
        str(_("Khác với dòng %(line)d của cùng người bán.") % {"line": first_line}),
    )
