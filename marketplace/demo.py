"""The demo site: the catalogue (``catalog.demo`` through the importer), the demo
logins and the home page's featured collections. ``manage.py seed_demo`` runs it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from wagtail.users.models import UserProfile

from catalog.demo import build_demo_records, load_communes
from catalog.importing import (
    ImportSummary,
    RowError,
    validate_records,
    write_rows,
)
from catalog.models import OcopCertificate, ProductPage
from marketplace.legal.setup import ensure_legal_pages
from marketplace.models import Collection, CollectionItem
from marketplace.site_setup import ensure_site_structure
from sellers.models import SellerPage
from sellers.services import DEPARTMENT_GROUP, create_seller_account

DEFAULT_PASSWORD = "ocop-demo-2026"  # noqa: S105 - documented demo logins only
MODERATOR_USERNAME = "so_congthuong"
SELLER_USERNAME = "nguoiban_demo"
ADMIN_USERNAME = "admin"

Progress = Callable[[str], Callable[[Iterable], Iterable]]


# ---------------------------------------------------------------- logins


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
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != "vi":
        profile.preferred_language = "vi"
        profile.save(update_fields=["preferred_language"])


@transaction.atomic
def ensure_staff_logins(password: str):
    """The admin superuser and the department moderator; returns the moderator."""
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


# ---------------------------------------------------------------- collections

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


def _certified_products(filters: dict, min_stars: int, size: int) -> list:
    certified = OcopCertificate.objects.valid(timezone.localdate()).filter(
        product=OuterRef("pk"), stars__gte=min_stars
    )
    return list(
        ProductPage.objects.live()
        .filter(Exists(certified), **filters)
        .prefetch_related("gallery_images")
        .order_by("title")[:size]
    )


@transaction.atomic
def ensure_demo_collections(size: int = 8) -> int:
    """Featured collections of valid OCOP products; existing ones are left alone."""
    created = 0
    for order, (title, text, filters, min_stars) in enumerate(_COLLECTIONS):
        if Collection.objects.filter(title=title).exists():
            continue
        products = _certified_products(filters, min_stars, size)
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


# ---------------------------------------------------------------- the whole demo


@dataclass
class DemoSeed:
    """What seeding did: the import's counts, or the rows' errors (nothing written)."""

    errors: list[RowError]
    summary: ImportSummary | None = None
    collections: int = 0


def seed_demo(
    *, sellers: int, products: int, seed: int, password: str, progress: Progress
) -> DemoSeed:
    """Site structure, logins, the catalogue through the importer, collections.

    ``progress(label)`` wraps the rows of each pass (the command passes tqdm).
    Idempotent: a second run with the same figures changes nothing.
    """
    home = ensure_site_structure()
    ensure_legal_pages(home)
    moderator = ensure_staff_logins(password)
    records = build_demo_records(sellers, products, seed, load_communes())
    result = validate_records(records, progress=progress("check"))
    if not result.ok:
        return DemoSeed(errors=result.errors)
    summary = write_rows(
        result.rows,
        publish=True,
        user=moderator,
        source=f"seed_demo --seed {seed}",
        progress=progress("write"),
    )
    ensure_seller_login(records[0]["tax_code"], password)
    return DemoSeed(errors=[], summary=summary, collections=ensure_demo_collections())
