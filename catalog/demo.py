"""A deterministic, fictitious demo catalogue, written through the product importer.

Sellers are invented from the real naming patterns (DOMAIN.md §5.1) and never reuse the
real firms named there; products, units and price ranges come from products.csv; the
pictures are drawn with Pillow. The same seed always gives the same catalogue, and the
rows go through ``catalog.importing`` exactly like a department's spreadsheet.
"""

from __future__ import annotations

import csv
import datetime
import io
import math
import os
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from catalog.importing import CATEGORY_ALIASES, ImageSource, fold

PRODUCTS_CSV = Path(__file__).resolve().parent / "data" / "products.csv"
DEFAULT_PASSWORD = "ocop-demo-2026"  # noqa: S105 - documented demo logins only
MODERATOR_USERNAME = "so_congthuong"
SELLER_USERNAME = "nguoiban_demo"
ADMIN_USERNAME = "admin"

SELLER_TYPE_WEIGHTS = {
    "cooperative": 30,
    "household_business": 30,
    "enterprise": 22,
    "production_facility": 10,
    "cooperative_group": 8,
}
CATEGORY_ORDER = (
    "handicraft",
    "agro_aquatic",
    "processed_food",
    "beverage",
    "household",
)

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
_CATEGORY_COLOURS = {
    "handicraft": ((176, 84, 48), (236, 190, 150)),
    "agro_aquatic": ((62, 130, 60), (196, 226, 140)),
    "processed_food": ((196, 128, 40), (250, 218, 150)),
    "beverage": ((110, 50, 90), (226, 170, 200)),
    "household": ((48, 110, 140), (170, 214, 226)),
}
_CATEGORY_TEXT = {
    "handicraft": "Sản phẩm làm thủ công từ nguyên liệu địa phương, mỗi chiếc một vẻ.",
    "agro_aquatic": "Thu hoạch theo mùa, tuyển chọn và đóng gói ngay tại vườn.",
    "processed_food": "Chế biến theo công thức truyền thống, không chất bảo quản.",
    "beverage": "Ủ và đóng chai tại cơ sở, giữ trọn hương vị miệt vườn.",
    "household": "Làm từ nguyên liệu tự nhiên, an toàn cho gia đình.",
}


@dataclass(frozen=True)
class ProductType:
    """One row of products.csv."""

    category: str
    name: str
    unit: str
    price_min: int
    price_max: int


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    full_name: str
    former_province: str
    district_hint: str


@cache
def product_types() -> tuple[ProductType, ...]:
    with PRODUCTS_CSV.open(encoding="utf-8") as handle:
        return tuple(
            ProductType(
                category=row["category"],
                name=row["name_vi"],
                unit=row["unit"],
                price_min=int(row["price_min_vnd"]),
                price_max=int(row["price_max_vnd"]),
            )
            for row in csv.DictReader(handle)
        )


def load_communes() -> list[Commune]:
    from sellers.models import AdminUnit

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


@dataclass
class _Seller:
    record: dict[str, Any]
    category: str
    brand: str


def _seller(
    rng: random.Random, category: str, commune: Commune, taken: set[str]
) -> _Seller:
    tax_prefix, id_province, area_code = _PROVINCE_CODES.get(
        commune.former_province, _PROVINCE_CODES["Vĩnh Long"]
    )
    types, weights = zip(*SELLER_TYPE_WEIGHTS.items(), strict=True)
    for _attempt in range(200):
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
            form = rng.choices(
                ("Công ty TNHH", "Công ty Cổ phần", "Doanh nghiệp tư nhân"),
                (60, 15, 25),
            )[0]
            if form == "Doanh nghiệp tư nhân":
                name = f"{form} {brand}"
            else:
                name = f"{form} {org_trade} {brand}"
            short = brand
        if fold(name) not in taken and not _is_real_name(name):
            break
    else:  # pragma: no cover - the word lists hold far more combinations
        raise RuntimeError("could not invent a new seller name")
    taken.add(fold(name))
    household = seller_type in ("household_business", "production_facility")
    tax_code = (
        personal_id_12(rng, id_province) if household else tax_code_10(rng, tax_prefix)
    )
    surname = rng.choice(_SURNAMES)
    middle = rng.choice(("Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng"))
    is_ward = commune.full_name.startswith("Phường")
    street = (
        f"Số {rng.randint(1, 250)}, Khóm {rng.randint(1, 9)}"
        if is_ward
        else f"Ấp {rng.choice(_HAMLETS)}"
    )
    members = ""
    if seller_type == "cooperative":
        members = str(rng.randint(7, 120))
    elif seller_type == "cooperative_group":
        members = str(rng.randint(3, 20))
    district = commune.district_hint.split(" (")[0] if commune.district_hint else ""
    founded = rng.randint(1995, timezone.localdate().year - 1)
    record = {
        "seller_name": name,
        "seller_type": seller_type,
        "tax_code": tax_code,
        "commune": commune.code,
        "district": district,
        "phone": _phone(rng, area_code, landline=seller_type == "enterprise"),
        "representative": f"{surname} {middle} {given}",
        "street_line": street,
        "year_founded": str(founded),
        "members": members,
        "story": (
            f"{name} bắt đầu từ năm {founded} tại {commune.full_name}, "
            "tỉnh Vĩnh Long.\nSản phẩm làm từ nguyên liệu của bà con trong vùng, "
            "giữ cách làm truyền thống của địa phương."
        ),
        "seller_verified": "1" if rng.random() < 0.9 else "",
    }
    return _Seller(record=record, category=category, brand=short)


# ---------------------------------------------------------------- products


def _price(rng: random.Random, kind: ProductType) -> int:
    """A price inside the row's range, rounded to 1.000 đ."""
    low = math.ceil(kind.price_min / 1000) * 1000
    high = max(low, math.floor(kind.price_max / 1000) * 1000)
    return rng.randint(low // 1000, high // 1000) * 1000


def _recognition_plan(rng: random.Random, count: int) -> list[str]:
    """Exact shares, shuffled: valid OCOP, expired OCOP, award only, nothing."""
    ocop = round(count * 0.78)
    expired = round(count * 0.03)
    award = max(math.ceil(count * 0.75) - ocop, round(count * 0.07))
    plan = ["ocop"] * ocop + ["expired"] * expired + ["award"] * award
    plan += ["none"] * max(0, count - len(plan))
    plan = plan[:count]
    rng.shuffle(plan)
    return plan


def _ocop_columns(rng: random.Random, plan: str, today: datetime.date) -> dict:
    if plan not in ("ocop", "expired"):
        return {}
    stars = rng.choices((3, 4, 5), (65, 31, 4))[0]
    days_ago = rng.randint(20, 1060) if plan == "ocop" else rng.randint(1110, 1460)
    issued = today - datetime.timedelta(days=days_ago)
    authority = "QĐ-BNN" if stars == 5 else "QĐ-UBND"
    return {
        "ocop_stars": str(stars),
        "ocop_certificate_no": f"{rng.randint(100, 2999)}/{authority}",
        "ocop_issued": issued.strftime("%d/%m/%Y"),
    }


def _award_columns(rng: random.Random, plan: str, today: datetime.date) -> dict:
    wants = plan == "award" or (plan == "ocop" and rng.random() < 0.08)
    if not wants:
        return {}
    level = rng.choices(("commune", "province", "region", "national"), (40, 45, 10, 5))
    return {
        "award_level": level[0],
        "award_year": str(rng.randint(max(2014, today.year - 8), today.year - 1)),
    }


def _pick_types(rng: random.Random, category: str, count: int) -> list[ProductType]:
    """Mostly the seller's own category, some others; never the same type twice."""
    own = [t for t in product_types() if t.category == category]
    others = [t for t in product_types() if t.category != category]
    rng.shuffle(own)
    rng.shuffle(others)
    from_own = min(len(own), max(1, round(count * 0.8)))
    return (own[:from_own] + others)[:count]


def build_demo_records(
    sellers: int, products: int, seed: int, communes: Sequence[Commune]
) -> list[dict[str, Any]]:
    """Importer rows (with in-memory images) for the demo; same seed, same rows."""
    if sellers < 1 or not communes:
        return []
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not secrets
    today = timezone.localdate()
    taken: set[str] = set()
    categories = [CATEGORY_ORDER[i % len(CATEGORY_ORDER)] for i in range(sellers)]
    rng.shuffle(categories)
    people = [_seller(rng, cat, rng.choice(communes), taken) for cat in categories]

    counts = [1] * sellers
    for _extra in range(max(0, products - sellers)):
        counts[rng.randrange(sellers)] += 1
    plan = _recognition_plan(rng, sum(counts))
    records = []
    for person, count in zip(people, counts, strict=True):
        for kind in _pick_types(rng, person.category, count):
            title = f"{kind.name} {person.brand}"
            category = CATEGORY_ALIASES.get(kind.category, kind.category)
            recognition = plan[len(records)]
            tracked = rng.random() < 0.65
            record = dict(person.record)
            record.update(
                {
                    "product_name": title,
                    "category": kind.category,
                    "price_vnd": str(_price(rng, kind)),
                    "unit": kind.unit,
                    "summary": f"{kind.name} của {person.record['seller_name']}.",
                    "description": (
                        f"{title} do {person.record['seller_name']} sản xuất.\n"
                        f"{_CATEGORY_TEXT[kind.category]}"
                    ),
                    "stock": str(rng.choice((0, *range(5, 300)))) if tracked else "",
                    "image": [
                        ImageSource(
                            name=f"demo-{category}-{len(records)}-{i}.jpg",
                            data=draw_product_image(title, kind.category, i),
                        )
                        for i in range(rng.choices((1, 2, 3), (88, 8, 4))[0])
                    ],
                }
            )
            record.update(_ocop_columns(rng, recognition, today))
            record.update(_award_columns(rng, recognition, today))
            records.append(record)
    return records


# ---------------------------------------------------------------- pictures


@cache
def _font(size: int):
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    ):
        if os.path.exists(path):
            return ImageFont.truetype(path, size)
    return None  # no Vietnamese-capable font: draw the picture without a caption


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line][:3]


def draw_product_image(title: str, category: str, variant: int = 0) -> bytes:
    """An 800×600 JPEG in the category's colours with the product's name."""
    dark, light = _CATEGORY_COLOURS.get(category, ((90, 90, 90), (210, 210, 210)))
    shade = sum(map(ord, title)) % 40 - 20
    background = tuple(max(0, min(255, c + shade)) for c in light)
    image = Image.new("RGB", (800, 600), background)
    draw = ImageDraw.Draw(image)
    radius = 150 + 25 * variant
    draw.ellipse((400 - radius, 250 - radius, 400 + radius, 250 + radius), fill=dark)
    draw.ellipse((330, 180, 470, 320), fill=background)
    draw.rounded_rectangle((40, 430, 760, 570), radius=24, fill=(255, 255, 255))
    font = _font(34)
    if font is not None:
        lines = _wrap(title, 34)
        top = 500 - 21 * (len(lines) - 1)
        for index, line in enumerate(lines):
            draw.text((400, top + 42 * index), line, font=font, fill=dark, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


# ------------------------------------------------------- logins and collections


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD


def _ensure_password(user, password: str) -> None:
    if not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])


def _prefer_vietnamese(user) -> None:
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != "vi":
        profile.preferred_language = "vi"
        profile.save(update_fields=["preferred_language"])


@transaction.atomic
def ensure_staff_logins(password: str):
    """The admin superuser and the department moderator; returns the moderator."""
    from sellers.services import DEPARTMENT_GROUP

    users = get_user_model().objects
    admin = users.filter(username=ADMIN_USERNAME).first()
    if admin is None:
        admin = users.create_superuser(ADMIN_USERNAME, "admin@example.com", password)
    _ensure_password(admin, password)
    moderator = users.filter(username=MODERATOR_USERNAME).first()
    if moderator is None:
        moderator = users.create_user(
            MODERATOR_USERNAME,
            "so.congthuong@example.com",
            password,
            first_name="Cán bộ",
            last_name="Sở Công Thương",
        )
    _ensure_password(moderator, password)
    moderator.groups.add(Group.objects.get(name=DEPARTMENT_GROUP))
    _prefer_vietnamese(moderator)
    return moderator


@transaction.atomic
def ensure_seller_login(tax_code: str, password: str):
    """The demo seller editor, bound to the seller with that tax code."""
    from sellers.models import SellerPage
    from sellers.services import create_seller_account

    user = get_user_model().objects.filter(username=SELLER_USERNAME).first()
    if user is None:
        seller = SellerPage.objects.filter(tax_code=tax_code).order_by("pk").first()
        if seller is None:
            return None
        user = create_seller_account(
            seller,
            username=SELLER_USERNAME,
            email="nguoiban.demo@example.com",
            password=password,
            first_name="Người bán",
            last_name="Demo",
        )
    _ensure_password(user, password)
    return user


def demo_logins(password: str) -> list[DemoLogin]:
    return [
        DemoLogin("Quản trị", ADMIN_USERNAME, password),
        DemoLogin("Sở Công Thương (kiểm duyệt)", MODERATOR_USERNAME, password),
        DemoLogin("Người bán", SELLER_USERNAME, password),
    ]


_COLLECTIONS = (
    (
        "Quà Tết miền Tây",
        "<p>Bánh kẹo, mứt và rượu OCOP của các hợp tác xã để biếu Tết.</p>",
        {"category__slug__in": ["processed-food", "beverages"]},
        3,
    ),
    (
        "Đặc sản OCOP 4 sao",
        "<p>Sản phẩm được Sở Công Thương xác minh đạt OCOP 4 sao trở lên.</p>",
        {"category__slug__in": ["processed-food", "agro-aquatic", "beverages"]},
        4,
    ),
    (
        "Thủ công mỹ nghệ làng nghề",
        "<p>Gốm đỏ, lục bình và hàng đan lát của làng nghề trong tỉnh.</p>",
        {"category__slug": "handicraft"},
        3,
    ),
)


@transaction.atomic
def ensure_demo_collections(size: int = 8) -> int:
    """Featured collections of valid OCOP products; existing ones are left alone."""
    from catalog.listing import valid_certificates
    from catalog.models import ProductPage
    from marketplace.models import Collection, CollectionItem

    created = 0
    for order, (title, text, filters, min_stars) in enumerate(_COLLECTIONS):
        if Collection.objects.filter(title=title).exists():
            continue
        certified = valid_certificates().filter(
            product=OuterRef("pk"), stars__gte=min_stars
        )
        products = list(
            ProductPage.objects.live()
            .filter(Exists(certified), **filters)
            .prefetch_related("gallery_images")
            .order_by("title")[:size]
        )
        if not products:
            continue
        cover = products[0].primary_image
        collection = Collection.objects.create(
            title=title,
            text=text,
            image=cover.image if cover else None,
            sort_order=order,
        )
        CollectionItem.objects.bulk_create(
            CollectionItem(collection=collection, product=product, sort_order=index)
            for index, product in enumerate(products)
        )
        created += 1
    return created
