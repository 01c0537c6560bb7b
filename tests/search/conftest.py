"""Search test fixtures: the engine (real, never mocked) and a small catalogue.

Tests marked ``engine`` need OpenSearch at SEARCH_URL (``make engine-start``): locally
they are skipped when it is not running, with CI=true they fail. Index names carry
the test process id (settings.test), and this process's indexes are dropped at the end.
"""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from tests.search.utils import engine_reason, index_everything
from tests.utils import service_required


def build_catalogue() -> dict:
    """A dozen realistic products from four fictitious sellers."""
    from catalog.models import Category, Certification
    from marketplace.site_setup import ensure_site_structure
    from sellers.models import AdminUnit, SellerType
    from tests.factories import (
        OcopCertificateFactory,
        ProductPageFactory,
        SellerPageFactory,
    )

    ensure_site_structure()
    communes = list(AdminUnit.objects.order_by("code")[:3])
    category = {c.slug: c for c in Category.objects.all()}
    certification = {c.code: c for c in Certification.objects.all()}
    sellers = {
        "dat_dua": SellerPageFactory(
            title="Hợp tác xã Kẹo Dừa Đất Dừa",
            slug="htx-dat-dua",
            seller_type=SellerType.COOPERATIVE,
            commune=communes[0],
        ),
        "ut_mung": SellerPageFactory(
            title="Cơ sở Bánh Tráng Út Mừng",
            slug="co-so-ut-mung",
            seller_type=SellerType.PRODUCTION_FACILITY,
            commune=communes[1],
            verified=False,
        ),
        "mekong": SellerPageFactory(
            title="Công ty TNHH Thực phẩm Mekonggreen",
            slug="mekonggreen",
            seller_type=SellerType.ENTERPRISE,
            commune=communes[2],
        ),
        "ba_khanh": SellerPageFactory(
            title="Hộ kinh doanh Ba Khánh",
            slug="ba-khanh",
            seller_type=SellerType.HOUSEHOLD_BUSINESS,
            commune=communes[0],
        ),
    }
    rows = [
        (
            "keo_chuoi",
            "Kẹo chuối Bến Tre",
            "dat_dua",
            "processed-food",
            60000,
            "Kẹo chuối dẻo làm từ chuối xiêm chín cây",
            "",
        ),
        (
            "keo_dua",
            "Kẹo dừa sáp",
            "dat_dua",
            "processed-food",
            45000,
            "Kẹo dừa truyền thống",
            "Nấu từ nước cốt dừa sáp Cầu Kè.",
        ),
        (
            "chieu",
            "Chiếu cói hoa",
            "dat_dua",
            "handicraft",
            550000,
            "Chiếu cói dệt tay",
            "Dệt tay từ cói, nhuộm màu tự nhiên.",
        ),
        (
            "banh_trang",
            "Bánh tráng nướng mè đen",
            "ut_mung",
            "processed-food",
            30000,
            "Bánh tráng mè đen nướng giòn",
            "",
        ),
        (
            "banh_trang_dua",
            "Bánh tráng dừa",
            "ut_mung",
            "processed-food",
            150000,
            "Bánh tráng nước cốt dừa",
            "",
        ),
        (
            "duong",
            "Đường thốt nốt nguyên chất",
            "mekong",
            "processed-food",
            80000,
            "Đường thốt nốt nấu thủ công",
            "",
        ),
        (
            "nuoc_mam",
            "Nước mắm cá cơm",
            "mekong",
            "processed-food",
            120000,
            "Nước mắm truyền thống 40 độ đạm",
            "",
        ),
        (
            "kho_ca",
            "Khô cá lóc một nắng",
            "mekong",
            "processed-food",
            250000,
            "Cá lóc đồng phơi một nắng",
            "",
        ),
        (
            "dua",
            "Dứa mật Tân Phú",
            "ba_khanh",
            "agro-aquatic",
            25000,
            "Trái ngọt thanh, mọng nước",
            "",
        ),
        (
            "buoi",
            "Bưởi Năm Roi Bình Minh",
            "ba_khanh",
            "agro-aquatic",
            70000,
            "Bưởi ngọt, ít hạt",
            "",
        ),
        (
            "non_la",
            "Nón lá Long Hồ",
            "ba_khanh",
            "handicraft",
            90000,
            "Nón lá truyền thống",
            "Đan bằng lá buông, vành rộng, giúp chống nắng khi ra đồng.",
        ),
        (
            "banh_canh",
            "Bánh canh gạo Ba Khánh",
            "ba_khanh",
            "processed-food",
            35000,
            "Sợi bánh canh dai",
            "",
        ),
    ]
    products = {}
    for key, title, seller, cat, price, summary, description in rows:
        products[key] = ProductPageFactory(
            title=title,
            slug=key.replace("_", "-"),
            parent=sellers[seller],
            category=category[cat],
            price_vnd=price,
            summary=summary,
            description=f"<p>{description}</p>" if description else "",
            stock=0 if key == "kho_ca" else None,
        )
    today = timezone.localdate()
    OcopCertificateFactory(product=products["keo_chuoi"], stars=4)
    OcopCertificateFactory(product=products["keo_dua"], stars=3)
    OcopCertificateFactory(product=products["buoi"], stars=5)
    OcopCertificateFactory(product=products["non_la"], stars=3)
    # Expired: no longer OCOP. Unverified: never counted.
    OcopCertificateFactory(
        product=products["duong"],
        stars=5,
        decision_date=today - datetime.timedelta(days=1200),
        expires_on=today - datetime.timedelta(days=5),
    )
    OcopCertificateFactory(product=products["nuoc_mam"], stars=4, verified_at=None)
    products["buoi"].certifications.add(certification["vietgap"])
    products["nuoc_mam"].certifications.add(certification["haccp"])
    products["dua"].certifications.add(certification["vietgap"])
    return {"products": products, "sellers": sellers, "communes": communes}


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """Built once per module inside a transaction that is rolled back afterwards."""
    reason = engine_reason()
    if reason is not None and service_required():
        pytest.fail(f"search engine {reason}")
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            data = build_catalogue()
            if reason is None:
                index_everything()
            yield data
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
