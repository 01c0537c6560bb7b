"""seed_demo: exact counts, realistic fictitious data, deterministic and idempotent."""

import hashlib
import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Exists, OuterRef, Q
from wagtail.images import get_image_model
from wagtail.models import Revision

from catalog.demo import build_demo_records, load_communes, product_types
from catalog.listing import valid_certificates
from catalog.models import Category, OcopCertificate, ProductPage, RuralIndustrialAward
from marketplace.models import Collection
from sellers.models import SellerAccess, SellerPage
from sellers.services import DEPARTMENT_GROUP
from sellers.validators import validate_tax_code

NAME_PATTERN = re.compile(
    r"^(Hợp tác xã|Hộ kinh doanh|Cơ sở|Công ty TNHH|Công ty Cổ phần"
    r"|Doanh nghiệp tư nhân|Tổ hợp tác) "
)
REAL_FIRMS = ("Ba Khánh", "Đất Dừa", "Thuận Duyên", "Long Thuận", "Đông Phát", "Sầu Ri")


def fingerprint(records) -> list[tuple]:
    return [
        (
            r["seller_name"],
            r["tax_code"],
            r["product_name"],
            r["price_vnd"],
            r.get("ocop_stars"),
            tuple(hashlib.sha256(i.data).hexdigest() for i in r["image"]),
        )
        for r in records
    ]


def test_same_seed_gives_the_same_demo_and_another_seed_differs(db):
    communes = load_communes()

    first = build_demo_records(12, 40, 7, communes)
    again = build_demo_records(12, 40, 7, communes)
    other = build_demo_records(12, 40, 8, communes)

    assert fingerprint(first) == fingerprint(again)
    assert fingerprint(first) != fingerprint(other)


def test_demo_sellers_follow_real_naming_patterns_with_valid_identities(db):
    records = build_demo_records(60, 200, 3, load_communes())
    sellers = {r["seller_name"]: r for r in records}
    types = {r["seller_type"]: r for r in records}

    assert len(sellers) == 60
    for name, record in sellers.items():
        assert NAME_PATTERN.match(name), name
        assert not any(firm in name for firm in REAL_FIRMS), name
        validate_tax_code(record["tax_code"])
    assert len(types["household_business"]["tax_code"]) == 12
    assert len(types["enterprise"]["tax_code"]) == 10


def test_demo_prices_stay_inside_the_csv_range_rounded_to_thousands(db):
    ranges = {t.name: (t.price_min, t.price_max, t.unit) for t in product_types()}

    for record in build_demo_records(20, 80, 11, load_communes()):
        kind = next(n for n in ranges if record["product_name"].startswith(n + " "))
        low, high, unit = ranges[kind]
        price = int(record["price_vnd"])
        assert price % 1000 == 0
        assert low <= price <= high or (price - low < 1000 and high - low < 1000)
        assert record["unit"] == unit


def test_small_demo_has_exact_sellers_every_category_and_recognised_products(db):
    call_command(
        "seed_demo", sellers=12, products=40, seed=5, verbosity=0, stdout=io.StringIO()
    )

    products = ProductPage.objects.all()
    assert SellerPage.objects.live().count() == 12
    assert products.live().count() >= 40
    assert not products.filter(live=False).exists()
    assert set(products.values_list("category__slug", flat=True)) == set(
        Category.objects.values_list("slug", flat=True)
    )
    recognised = products.filter(
        Exists(valid_certificates().filter(product=OuterRef("pk")))
        | Exists(RuralIndustrialAward.objects.verified().filter(product=OuterRef("pk")))
    ).count()
    assert recognised >= 0.75 * products.count()
    assert not OcopCertificate.objects.filter(
        Q(verified_at__isnull=True) | Q(decision_date__isnull=True)
    ).exists()
    assert all(p.primary_image for p in products.prefetch_related("gallery_images"))
    assert SellerAccess.objects.count() == 12


def test_seeding_twice_changes_nothing_and_keeps_the_demo_logins(db):
    def counts():
        return (
            SellerPage.objects.count(),
            ProductPage.objects.count(),
            Revision.objects.count(),
            get_image_model().objects.count(),
            OcopCertificate.objects.count(),
            RuralIndustrialAward.objects.count(),
            Collection.objects.count(),
            get_user_model().objects.count(),
        )

    call_command(
        "seed_demo", sellers=6, products=15, seed=9, verbosity=0, stdout=io.StringIO()
    )
    first = counts()
    names = sorted(SellerPage.objects.values_list("title", flat=True))

    output = io.StringIO()
    call_command("seed_demo", sellers=6, products=15, seed=9, stdout=output)

    assert counts() == first
    assert sorted(SellerPage.objects.values_list("title", flat=True)) == names
    assert "Sản phẩm: 0 mới, 0 cập nhật, 15 không đổi" in output.getvalue()
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    moderator = users.get(username="so_congthuong")
    assert moderator.groups.filter(name=DEPARTMENT_GROUP).exists()
    assert moderator.check_password("ocop-demo-2026")
    seller_editor = users.get(username="nguoiban_demo")
    assert SellerAccess.objects.filter(group__user=seller_editor).count() == 1
    assert "so_congthuong / ocop-demo-2026" in output.getvalue()
