"""Vietnamese identity formats: tax codes (MST) and phone numbers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_MST_RE = re.compile(r"^(\d{10})(?:-(\d{3}))?$")
_PERSONAL_ID_RE = re.compile(r"^\d{12}$")
_MOBILE_PREFIXES = ("3", "5", "7", "8", "9")


def mst_check_digit_ok(ten_digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(ten_digits[:9], _MST_WEIGHTS, strict=True))
    check = 10 - total % 11
    return check != 10 and check == int(ten_digits[9])


def normalize_tax_code(value: str) -> str:
    return re.sub(r"\s+", "", value or "")


def validate_tax_code(value: str) -> None:
    """10-digit MST with check digit, 10-3 branch code, or 12-digit personal ID."""
    code = normalize_tax_code(value)
    if _PERSONAL_ID_RE.match(code):
        return
    match = _MST_RE.match(code)
    if not match:
        raise ValidationError(
            _(
                "Mã số thuế phải có 10 chữ số, dạng 10 số-3 số cho chi nhánh, "
                "hoặc 12 chữ số định danh cá nhân."
            ),
            code="tax_code_format",
        )
    if match.group(2) == "000":
        raise ValidationError(
            _("Mã chi nhánh phải từ 001 đến 999."), code="tax_code_branch"
        )
    if not mst_check_digit_ok(match.group(1)):
        raise ValidationError(
            _("Mã số thuế không hợp lệ (sai chữ số kiểm tra)."), code="tax_code_check"
        )


def normalize_phone(value: str) -> str:
    """Return the E.164 form (+84…) of a Vietnamese number, or raise ValidationError."""
    raw = re.sub(r"[\s.\-()]", "", value or "")
    if raw.startswith("+84"):
        national = raw[3:]
    elif raw.startswith("84") and len(raw) in (11, 12):
        national = raw[2:]
    elif raw.startswith("0"):
        national = raw[1:]
    else:
        national = None
    if national is None or not national.isdigit():
        raise ValidationError(
            _("Số điện thoại không hợp lệ. Ví dụ: 0912 345 678 hoặc 0270 3822 123."),
            code="phone_format",
        )
    is_mobile = len(national) == 9 and national[0] in _MOBILE_PREFIXES
    is_landline = len(national) == 10 and national[0] == "2"
    if not (is_mobile or is_landline):
        raise ValidationError(
            _("Số điện thoại không hợp lệ. Ví dụ: 0912 345 678 hoặc 0270 3822 123."),
            code="phone_format",
        )
    return "+84" + national


def validate_phone(value: str) -> None:
    normalize_phone(value)


def display_phone(e164: str) -> str:
    """+84912345678 → 0912 345 678; landlines 0270 3822 123."""
    if not e164 or not e164.startswith("+84"):
        return e164 or ""
    national = "0" + e164[3:]
    if len(national) == 10:
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    return f"{national[:4]} {national[4:8]} {national[8:]}"


_CITIZEN_ID_RE = re.compile(r"^\d{12}$")


def normalize_citizen_id(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "")


def validate_citizen_id(value: str) -> None:
    """The 12-digit citizen ID (CCCD). DOMAIN.md documents no check digit, so only
    the format is checked."""
    if not _CITIZEN_ID_RE.match(normalize_citizen_id(value)):
        raise ValidationError(
            _("Số căn cước công dân phải gồm đúng 12 chữ số."), code="citizen_id"
        )
