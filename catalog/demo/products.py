"""Demo products: types, units and prices from products.csv, as importer rows."""

from __future__ import annotations

import csv
import datetime
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.utils import timezone

from catalog.demo.pictures import draw_product_image
from catalog.demo.recognition import award_columns, ocop_columns, recognition_plan
from catalog.demo.sellers import Commune, DemoSeller, demo_seller
from catalog.importing import CATEGORY_ALIASES, ImageSource

PRODUCTS_CSV = Path(__file__).resolve().parent.parent / "data" / "products.csv"
CATEGORY_ORDER = (
    "handicraft",
    "agro_aquatic",
    "processed_food",
    "beverage",
    "household",
)
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


def _price(rng: random.Random, kind: ProductType) -> int:
    """A price inside the row's range, rounded to 1.000 đ."""
    low = math.ceil(kind.price_min / 1000) * 1000
    high = max(low, math.floor(kind.price_max / 1000) * 1000)
    return rng.randint(low // 1000, high // 1000) * 1000


def _pick_types(rng: random.Random, category: str, count: int) -> list[ProductType]:
    """Mostly the seller's own category, some others; never the same type twice."""
    own = [t for t in product_types() if t.category == category]
    others = [t for t in product_types() if t.category != category]
    rng.shuffle(own)
    rng.shuffle(others)
    from_own = min(len(own), max(1, round(count * 0.8)))
    return (own[:from_own] + others)[:count]


def _product_record(
    rng: random.Random,
    person: DemoSeller,
    kind: ProductType,
    number: int,
    recognition: str,
    today: datetime.date,
) -> dict[str, Any]:
    """One importer row: the seller's columns, the product's, its pictures."""
    seller_name = person.record["seller_name"]
    title = f"{kind.name} {person.brand}"
    category = CATEGORY_ALIASES.get(kind.category, kind.category)
    tracked = rng.random() < 0.65
    record = dict(person.record)
    record.update(
        {
            "product_name": title,
            "category": kind.category,
            "price_vnd": str(_price(rng, kind)),
            "unit": kind.unit,
            "summary": f"{kind.name} của {seller_name}.",
            "description": (
                f"{title} do {seller_name} sản xuất.\n{_CATEGORY_TEXT[kind.category]}"
            ),
            "stock": str(rng.choice((0, *range(5, 300)))) if tracked else "",
            "image": [
                ImageSource(
                    name=f"demo-{category}-{number}-{i}.jpg",
                    data=draw_product_image(
                        title, kind.category, i, product_type=kind.name
                    ),
                )
                for i in range(rng.choices((1, 2, 3), (88, 8, 4))[0])
            ],
        }
    )
    record.update(ocop_columns(rng, recognition, today))
    record.update(award_columns(rng, recognition, today))
    return record


def _product_counts(rng: random.Random, sellers: int, products: int) -> list[int]:
    """At least one product per seller; the rest spread at random."""
    counts = [1] * sellers
    for _extra in range(max(0, products - sellers)):
        counts[rng.randrange(sellers)] += 1
    return counts


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
    people = [demo_seller(rng, cat, rng.choice(communes), taken) for cat in categories]
    counts = _product_counts(rng, sellers, products)
    plan = recognition_plan(rng, sum(counts))
    records: list[dict[str, Any]] = []
    for person, count in zip(people, counts, strict=True):
        first = len(records)
        for kind in _pick_types(rng, person.category, count):
            number = len(records)
            records.append(
                _product_record(rng, person, kind, number, plan[number], today)
            )
        # One row carries the seller's logo: the others describe the same seller.
        records[first]["seller_logo"] = person.logo
    return records
