"""Demo sellers: names from the real patterns, valid tax codes, phones and stories."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from catalog.demo.logos import draw_logo
from catalog.importing import ImageSource
from marketplace.helpers.text import fold, folded_slug
from sellers.models import AdminUnit

SELLER_TYPE_WEIGHTS = {
    "cooperative": 30,
    "household_business": 30,
    "enterprise": 22,
    "production_facility": 10,
    "cooperative_group": 8,
}
_BIRTH_ORDER = ("Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Út")
_GIVEN = (
    "Lành", "Phúc", "Hậu", "Thảo", "Nhung", "Tâm", "Đức", "Hiền", "Lộc", "Tài",
    "Mai", "Lan", "Cúc", "Sen", "Dung", "Hạnh", "Nghĩa", "Thu", "Xuân", "Tình",
    "Nga", "Vân", "Quý", "Thuận", "Kiều", "Phước", "Sang", "Liên", "Bình", "Trinh",
    "Hùng", "Dũng", "Thắng", "Lợi", "Hương", "Yến", "Loan", "Nhàn", "Tuyết", "Hoa",
)  # fmt: skip
_SURNAMES = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Huỳnh",
    "Võ",
    "Phan",
    "Trương",
    "Đặng",
    "Bùi",
)
_BRANDS = (
    "Phù Sa Xanh", "Miệt Vườn", "Xứ Dừa Quê", "Sông Hậu Xanh", "Cổ Chiên Xanh",
    "Cù Lao Xanh", "Vườn Nhà", "Hương Quê", "Quê Mẹ", "Bến Đò Xưa", "Đồng Xanh",
    "Lúa Vàng", "Nắng Mới", "Hạt Ngọc Quê", "Sen Hồng Quê", "Trái Ngọt", "Mùa Vàng",
    "Bông Lúa", "Gió Chướng", "Mái Tranh", "Lộc Vườn", "Phương Nam Xanh", "Nhà Bè Quê",
    "Chín Rồng Xanh", "Vàm Cỏ Xưa", "Nước Lợ", "Bàn Tay Quê", "Mái Chèo", "Tre Làng",
    "Đất Lành", "Thơm Quê", "Hồn Quê", "Cây Nhà", "Ghe Chài", "Xuồng Ba Lá",
)  # fmt: skip
# Trade words used in organisations' names, by shop category.
_ORG_TRADES = {
    "handicraft": ("Gốm đỏ", "Đan lát", "Thủ công mỹ nghệ", "Lục bình", "Mây tre đan"),
    "agro_aquatic": (
        "Cây ăn trái",
        "Trái cây",
        "Nông nghiệp",
        "Thủy sản",
        "Rau an toàn",
    ),
    "processed_food": ("Thực phẩm", "Chế biến nông sản", "Bánh kẹo", "Đặc sản"),
    "beverage": ("Rượu truyền thống", "Trà thảo mộc", "Đồ uống", "Nước giải khát"),
    "household": ("Sản phẩm dừa", "Tinh dầu", "Xơ dừa", "Hàng gia dụng"),
}
# Trade words of household businesses and production facilities.
_HOUSE_TRADES = {
    "handicraft": ("gốm đỏ", "đan lục bình", "nón lá", "đan lát", "chiếu"),
    "agro_aquatic": ("trái cây", "bưởi", "nông sản", "khoai lang", "cá"),
    "processed_food": ("bánh tráng", "kẹo dừa", "bánh phồng", "khô cá", "mứt"),
    "beverage": ("rượu", "trà", "nước ép"),
    "household": ("xà bông", "tinh dầu", "chổi", "xơ dừa"),
}
_HAMLETS = (
    "An Thạnh", "Tân Bình", "Phú Hòa", "Long Thới", "Mỹ An", "Hòa Thuận", "Bình Phú",
    "Thạnh Lợi", "Phước Hậu", "Tân Lập", "Mỹ Hòa", "An Hòa", "Phú Long", "Tân Thuận",
)  # fmt: skip
# Distinctive words of the real firms named in DOMAIN.md: never generated.
_REAL_NAME_FRAGMENTS = (
    "ba khanh", "ut mung", "hai a", "dat dua", "thuan duyen", "long thuan",
    "dong phat", "sau ri", "mekonggreen", "phu thanh", "hieu trung",
)  # fmt: skip
_MOBILE_PREFIXES = (
    "090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035",
    "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "082",
    "083", "084", "085", "086", "088", "089",
)  # fmt: skip
# Former province → (tax office prefix, CCCD province code, landline area code).
_PROVINCE_CODES = {
    "Vĩnh Long": ("15", "086", "0270"),
    "Bến Tre": ("13", "083", "0275"),
    "Trà Vinh": ("21", "084", "0294"),
}
_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    full_name: str
    former_province: str
    district_hint: str


def load_communes() -> list[Commune]:
    return [
        Commune(u.code, u.name, u.full_name, u.former_province, u.former_district_hint)
        for u in AdminUnit.objects.order_by("code")
    ]


# ---------------------------------------------------------------- identities


def tax_code_10(rng: random.Random, prefix: str) -> str:
    """A 10-digit MST whose last digit is the check digit (DOMAIN.md §5.2)."""
    while True:
        body = prefix + "".join(str(rng.randrange(10)) for _ in range(9 - len(prefix)))
        check = (
            10 - sum(int(d) * w for d, w in zip(body, _MST_WEIGHTS, strict=True)) % 11
        )
        if check != 10:
            return body + str(check)


def personal_id_12(rng: random.Random, province_code: str) -> str:
    """A 12-digit personal ID: province, century-and-sex digit, birth year, serial."""
    born = rng.randint(1960, 2000)
    century_sex = rng.choice("01") if born < 2000 else rng.choice("23")
    serial = "".join(str(rng.randrange(10)) for _ in range(6))
    return f"{province_code}{century_sex}{born % 100:02d}{serial}"


def _phone(rng: random.Random, area_code: str, landline: bool) -> str:
    if landline:
        number = f"{rng.randint(3_800_000, 3_899_999)}"
        return f"{area_code} {number[:4]} {number[4:]}"
    number = f"{rng.randrange(10_000_000):07d}"
    return f"{rng.choice(_MOBILE_PREFIXES)}{number[0]} {number[1:4]} {number[4:]}"


def _is_real_name(name: str) -> bool:
    folded = fold(name)
    return any(re.search(rf"\b{f}\b", folded) for f in _REAL_NAME_FRAGMENTS)


# ---------------------------------------------------------------- names


@dataclass(frozen=True)
class _Name:
    seller_type: str
    name: str
    short: str  # what product titles carry: the brand, nickname or commune
    given: str


def _enterprise_name(rng: random.Random, org_trade: str, brand: str) -> str:
    form = rng.choices(
        ("Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân"), (60, 15, 25)
    )[0]
    if form == "Doanh nghiệp tư nhân":
        return f"{form} {brand}"
    return f"{form} {org_trade} {brand}"


def _candidate(rng: random.Random, category: str, commune: Commune) -> _Name:
    types, weights = zip(*SELLER_TYPE_WEIGHTS.items(), strict=True)
    seller_type = rng.choices(types, weights)[0]
    given = rng.choice(_GIVEN)
    nickname = f"{rng.choice(_BIRTH_ORDER)} {given}"
    brand = rng.choice(_BRANDS)
    org_trade = rng.choice(_ORG_TRADES[category])
    house_trade = rng.choice(_HOUSE_TRADES[category])
    if seller_type == "cooperative":
        name, short = f"Hợp tác xã {org_trade} {commune.name}", commune.name
    elif seller_type == "cooperative_group":
        name, short = f"Tổ hợp tác {house_trade} {commune.name}", commune.name
    elif seller_type == "household_business":
        prefix = rng.choice(("Hộ kinh doanh", "Cơ sở"))
        name, short = f"{prefix} {house_trade} {nickname}", nickname
    elif seller_type == "production_facility":
        name, short = f"Cơ sở sản xuất {house_trade} {nickname}", nickname
    else:
        name, short = _enterprise_name(rng, org_trade, brand), brand
    return _Name(seller_type, name, short, given)


def _new_name(
    rng: random.Random, category: str, commune: Commune, taken: set[str]
) -> _Name:
    """A name no earlier seller has and no real firm of DOMAIN.md carries."""
    for _attempt in range(200):
        candidate = _candidate(rng, category, commune)
        if fold(candidate.name) not in taken and not _is_real_name(candidate.name):
            taken.add(fold(candidate.name))
            return candidate
    raise RuntimeError("could not invent a new seller name")  # pragma: no cover


# ---------------------------------------------------------------- records


@dataclass
class DemoSeller:
    record: dict[str, Any]  # the seller's columns of every row of its products
    category: str
    brand: str
    logo: ImageSource  # its initials on a colour (the seller_logo column)


def _members(rng: random.Random, seller_type: str) -> str:
    if seller_type == "cooperative":
        return str(rng.randint(7, 120))
    if seller_type == "cooperative_group":
        return str(rng.randint(3, 20))
    return ""


def _record(rng: random.Random, who: _Name, commune: Commune) -> dict[str, Any]:
    tax_prefix, id_province, area_code = _PROVINCE_CODES.get(
        commune.former_province, _PROVINCE_CODES["Vĩnh Long"]
    )
    household = who.seller_type in ("household_business", "production_facility")
    tax_code = (
        personal_id_12(rng, id_province) if household else tax_code_10(rng, tax_prefix)
    )
    surname = rng.choice(_SURNAMES)
    middle = rng.choice(("Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng"))
    if commune.full_name.startswith("Phường"):
        street = f"Số {rng.randint(1, 250)}, Khóm {rng.randint(1, 9)}"
    else:
        street = f"Ấp {rng.choice(_HAMLETS)}"
    members = _members(rng, who.seller_type)
    district = commune.district_hint.split(" (")[0] if commune.district_hint else ""
    founded = rng.randint(1995, timezone.localdate().year - 1)
    phone = _phone(rng, area_code, landline=who.seller_type == "enterprise")
    return {
        "seller_name": who.name,
        "seller_type": who.seller_type,
        "tax_code": tax_code,
        "commune": commune.code,
        "district": district,
        "phone": phone,
        "representative": f"{surname} {middle} {who.given}",
        "street_line": street,
        "year_founded": str(founded),
        "members": members,
        "story": (
            f"{who.name} bắt đầu từ năm {founded} tại {commune.full_name}, "
            "tỉnh Vĩnh Long.\nSản phẩm làm từ nguyên liệu của bà con trong vùng, "
            "giữ cách làm truyền thống của địa phương."
        ),
        "seller_verified": "1" if rng.random() < 0.9 else "",
    }


def demo_seller(
    rng: random.Random, category: str, commune: Commune, taken: set[str]
) -> DemoSeller:
    """A new fictitious seller of ``category`` in ``commune``."""
    who = _new_name(rng, category, commune, taken)
    return DemoSeller(
        record=_record(rng, who, commune),
        category=category,
        brand=who.short,
        logo=ImageSource(name=f"{folded_slug(who.name)}.jpg", data=draw_logo(who.name)),
    )
