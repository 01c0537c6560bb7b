"""The tax withholding report (Decree 117/2025): sums checked against a month worked
out by hand, the XLSX equal to the screen, each seller's own statement only, and
rates applied by payment date."""

import datetime
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.checkout import payments, services, tax
from marketplace.checkout.models import Order, TaxKind, TaxRate
from sellers.models import SellerType
from sellers.services import create_seller_account
from tests.checkout.utils import session_object
from tests.factories import ProductPageFactory, SellerPageFactory
from tests.sellers.accounts import department_user, seller_with_editor

TZ = datetime.timezone(datetime.timedelta(hours=7))  # Asia/Ho_Chi_Minh, no DST
JULY = datetime.date(2025, 7, 1)
AUGUST = datetime.date(2025, 8, 1)


def at(day: str, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(
        hour=hour, minute=minute, tzinfo=TZ
    )


def _seller(title: str, seller_type: str, fee: int):
    return SellerPageFactory(
        title=title,
        seller_type=seller_type,
        shipping_fee_vnd=fee,
        free_shipping_threshold_vnd=None,
        allows_cod=True,
    )


def paid(items: dict, customer, when: datetime.datetime) -> Order:
    """A card order Stripe reported paid, its payment confirmed at ``when``."""
    order = services.place_order(items, customer, payments.METHODS["card"])
    assert services.record_payment(order, session_object(order)) == "paid"
    Order.objects.filter(pk=order.pk).update(paid_at=when)
    order.refresh_from_db()
    return order


def refund(order: Order, amount: int, when: datetime.datetime) -> None:
    """A refund recorded on the order (record_refund records whole refunds at the
    current time; the date and partial amount are set as the test needs)."""
    services.record_refund(order, "re_" + order.reference)
    Order.objects.filter(pk=order.pk).update(refunded_amount=amount, refunded_at=when)


@pytest.fixture
def sellers(site_root):
    return {
        "h1": _seller("Hộ kinh doanh Bánh tráng Út Mừng", "household_business", 20000),
        "h2": _seller("Hộ kinh doanh Kẹo dừa Hai Á", "household_business", 15000),
        "coop": _seller("Hợp tác xã Bưởi Năm Roi", SellerType.COOPERATIVE, 30000),
    }


@pytest.fixture
def example(sellers, customer):
    """Two household sellers and a cooperative over July and August 2025.

    Bánh tráng (H1) 45.070 ₫, kẹo dừa (H2) 33.350 ₫, bưởi (cooperative) 125.000 ₫.
    """
    h1 = ProductPageFactory(parent=sellers["h1"], title="Bánh tráng", price_vnd=45070)
    h2 = ProductPageFactory(parent=sellers["h2"], title="Kẹo dừa", price_vnd=33350)
    coop = ProductPageFactory(parent=sellers["coop"], title="Bưởi", price_vnd=125000)
    orders = {
        # H1, July: 2 × 45.070 = 90.140
        "o1": paid({h1.pk: 2}, customer, at("2025-07-05")),
        # H1 + cooperative, 23:30 local on 31 July (16:30 UTC): July, H1 45.070
        "o2": paid({h1.pk: 1, coop.pk: 1}, customer, at("2025-07-31", 23, 30)),
        # H2, July: 3 × 33.350 = 100.050, 30.000 refunded on 25 July
        "o3": paid({h2.pk: 3}, customer, at("2025-07-20")),
        # H2, 00:15 local on 1 August (still 31 July in UTC): August, 33.350
        "o4": paid({h2.pk: 1}, customer, at("2025-08-01", 0, 15)),
        # H1, July: 45.070, refunded whole (with shipping: 65.070) on 3 August
        "o5": paid({h1.pk: 1}, customer, at("2025-07-10")),
        # H1, August: 3 × 45.070 = 135.210
        "o7": paid({h1.pk: 3}, customer, at("2025-08-15")),
    }
    refund(orders["o3"], 30000, at("2025-07-25"))
    refund(orders["o5"], 65070, at("2025-08-03"))
    # Cash on delivery, collected by the seller: never in the report, even with a
    # payment date.
    cod = services.place_order({h1.pk: 4}, customer, payments.METHODS["cod"])
    Order.objects.filter(pk=cod.pk).update(paid_at=at("2025-07-06"))
    return {"orders": orders, **sellers}


def _table(rows):
    return [
        (r.month, r.seller.name, r.orders, r.paid, r.refunded, r.base, r.vat, r.pit)
        for r in rows
    ]


# Worked by hand, rounding half up once per seller and month:
#   H1 July   paid 90.140 + 45.070 + 45.070 = 180.280, no refund (o5's is in August)
#             VAT 1% 1.802,8 → 1.803; PIT 0,5% 901,4 → 901
#   H2 July   paid 100.050, refund 30.000 (≤ goods, all goods) → base 70.050
#             VAT 700,5 → 701 (half up, not to even); PIT 350,25 → 350
#   H1 August paid 135.210, refund of o5: goods first, min(65.070, 45.070) = 45.070
#             → base 90.140; VAT 901,4 → 901; PIT 450,7 → 451
#   H2 August paid 33.350 → VAT 333,5 → 334; PIT 166,75 → 167
#   The cooperative's 125.000 and the COD order's 180.280 are not withheld.
H1, H2 = "Hộ kinh doanh Bánh tráng Út Mừng", "Hộ kinh doanh Kẹo dừa Hai Á"
EXPECTED = [
    (AUGUST, H1, 1, 135210, 45070, 90140, 901, 451),
    (AUGUST, H2, 1, 33350, 0, 33350, 334, 167),
    (JULY, H1, 3, 180280, 0, 180280, 1803, 901),
    (JULY, H2, 1, 100050, 30000, 70050, 701, 350),
]


def test_report_sums_match_the_hand_computed_months(example):
    assert _table(tax.monthly_rows()) == EXPECTED
    assert _table(tax.monthly_rows(JULY)) == EXPECTED[2:]
    assert _table(tax.monthly_rows(AUGUST, [example["h2"].pk])) == [EXPECTED[1]]


def test_rate_in_force_on_the_payment_date_applies(example):
    TaxRate.objects.create(
        kind=TaxKind.VAT, rate=Decimal("2.00"), valid_from=datetime.date(2025, 8, 10)
    )

    august_h1 = tax.monthly_rows(AUGUST, [example["h1"].pk])[0]

    # o7 paid 15/08 at 2%: 2.704,2; o5's refund reverses its July payment at 1%:
    # −450,7 → 2.253,5 → 2.254. PIT unchanged: 451. July keeps 1%.
    assert (august_h1.vat, august_h1.pit) == (2254, 451)
    assert _table(tax.monthly_rows(JULY)) == EXPECTED[2:]


def test_no_withholding_before_the_decree(sellers, customer):
    product = ProductPageFactory(parent=sellers["h1"], price_vnd=45070)
    paid({product.pk: 2}, customer, at("2025-06-30", 23, 59))

    (row,) = tax.monthly_rows()

    assert (row.month, row.paid, row.vat, row.pit) == (
        datetime.date(2025, 6, 1),
        90140,
        0,
        0,
    )


def test_a_refund_shared_by_sellers_goes_to_goods_in_proportion():
    # 100.000 refunded on goods of 45.070 and 125.000: 100.000 × 45.070 / 170.070
    # = 26.500,85 → 26.501; the other part takes the rest, 73.499.
    assert tax.refund_shares([(1, 45070), (2, 125000)], 100000) == [26501, 73499]
    # More than the goods (shipping refunded too): only the goods count.
    assert tax.refund_shares([(1, 45070)], 65070) == [45070]


def test_refunds_above_a_months_sales_withhold_nothing(sellers, customer):
    product = ProductPageFactory(parent=sellers["h2"], price_vnd=33350)
    order = paid({product.pk: 1}, customer, at("2025-07-31"))
    refund(order, 48350, at("2025-08-02"))

    august = tax.monthly_rows(AUGUST)[0]

    assert (august.paid, august.refunded, august.base) == (0, 33350, -33350)
    assert (august.vat, august.pit) == (0, 0)


def _xlsx_rows(response) -> list[tuple]:
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    body = b"".join(response.streaming_content)
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def test_department_report_xlsx_has_the_rows_of_the_screen(client, example):
    client.force_login(department_user())
    url = reverse("checkout_admin:tax_report")

    screen = client.get(url, {"thang": "2025-07"})
    export = client.get(url, {"thang": "2025-07", "export": "xlsx"})

    assert screen.status_code == 200
    html = screen.content.decode()
    for text in ("180.280 ₫", "1.803 ₫", "70.050 ₫", "701 ₫", H1, H2):
        assert text in html
    assert "Bưởi Năm Roi" not in html
    heading, *rows = _xlsx_rows(export)
    assert heading[:4] == ("Tháng", "Người bán", "Mã số thuế", "Số đơn")
    assert "Thuế GTGT khấu trừ (đồng)" in heading
    assert rows == [
        ("07/2025", H1, "0100109106", 3, 180280, 0, 180280, 1803, 901, 2704),
        ("07/2025", H2, "0100109106", 1, 100050, 30000, 70050, 701, 350, 1051),
    ]
    assert [(r.seller.name, r.withheld) for r in screen.context["object_list"]] == [
        (row[1], row[9]) for row in rows
    ]


def test_a_seller_cannot_open_the_department_report(client, example):
    _seller, _product, editor = seller_with_editor("ho-mot")
    client.force_login(editor)

    response = client.get(reverse("checkout_admin:tax_report"), {"export": "xlsx"})

    # Wagtail answers a refused admin view by sending the user back to the dashboard.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def _editor_of(seller, username):
    return create_seller_account(
        seller, username=username, email=f"{username}@example.vn", password="x" * 20
    )


def test_seller_downloads_its_own_statement_only(client, example):
    editor = _editor_of(example["h1"], "ut-mung")
    client.force_login(editor)
    own = reverse("checkout_admin:tax_statement", args=[example["h1"].pk])
    other = reverse("checkout_admin:tax_statement", args=[example["h2"].pk])

    menu = client.get(reverse("checkout_admin:my_tax_statement"))
    export = client.get(own, {"export": "xlsx"})
    refused = client.get(other)
    refused_export = client.get(other, {"export": "xlsx"})

    assert menu.status_code == 302 and menu.url == own
    heading, *lines = _xlsx_rows(export)
    assert heading[:3] == ("Tháng", "Mã đơn", "Loại")
    ref = {k: o.reference for k, o in example["orders"].items()}
    assert [(line[0], line[1], line[2], line[5]) for line in lines] == [
        ("07/2025", ref["o1"], "Thanh toán", 90140),
        ("07/2025", ref["o5"], "Thanh toán", 45070),
        ("07/2025", ref["o2"], "Thanh toán", 45070),
        ("08/2025", ref["o5"], "Hoàn tiền", -45070),
        ("08/2025", ref["o7"], "Thanh toán", 135210),
    ]
    assert refused.status_code == 404
    assert refused_export.status_code == 404


def test_statement_xlsx_totals_sheet_matches_the_report(client, example):
    client.force_login(department_user())
    url = reverse("checkout_admin:tax_statement", args=[example["h2"].pk])

    response = client.get(url, {"export": "xlsx"})

    body = b"".join(response.streaming_content)
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    totals = [tuple(r) for r in book.worksheets[1].iter_rows(values_only=True)][1:]
    assert totals == [
        ("08/2025", H2, "0100109106", 1, 33350, 0, 33350, 334, 167, 501),
        ("07/2025", H2, "0100109106", 1, 100050, 30000, 70050, 701, 350, 1051),
    ]


def test_seeded_rates_start_with_the_decree(db):
    rates = {
        (r.kind, r.valid_from): r.rate for r in TaxRate.objects.filter(valid_from=JULY)
    }

    assert rates == {
        ("vat", JULY): Decimal("1.00"),
        ("pit", JULY): Decimal("0.50"),
    }
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"


def _menu_has(body: str, label: str) -> bool:
    # The sidebar menu is embedded as JSON, with non-ASCII letters escaped.
    return json.dumps(label)[1:-1] in body or label in body


def test_department_menu_has_the_report_and_the_rates(client, site_root):
    client.force_login(department_user())

    body = client.get(reverse("wagtailadmin_home")).content.decode()

    assert _menu_has(body, "Khấu trừ thuế")
    assert _menu_has(body, "Thuế suất khấu trừ")
    assert reverse("checkout_admin:tax_report") in body


def test_department_adds_a_rate_in_the_admin_and_sellers_cannot(client, sellers):
    url = reverse("wagtailsnippets_checkout_taxrate:add")
    data = {"kind": "pit", "rate": "0.75", "valid_from": "01/01/2026", "note": ""}
    _seller, _product, editor = seller_with_editor("ho-hai")

    client.force_login(editor)
    refused = client.post(url, data)
    client.force_login(department_user())
    added = client.post(url, data)

    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert added.status_code == 302, added.context["form"].errors
    rate = TaxRate.objects.get(kind="pit", valid_from=datetime.date(2026, 1, 1))
    assert rate.rate == Decimal("0.75")
    table = tax.rate_table()
    assert tax.rate_on(table, "pit", datetime.date(2025, 12, 31)) == Decimal("0.50")
    assert tax.rate_on(table, "pit", datetime.date(2026, 1, 1)) == Decimal("0.75")


def test_a_household_sellers_menu_leads_to_its_statement(client, sellers):
    editor = _editor_of(sellers["h2"], "hai-a")
    client.force_login(editor)

    body = client.get(reverse("wagtailadmin_home")).content.decode()
    statement = client.get(
        reverse("checkout_admin:tax_statement", args=[sellers["h2"].pk])
    )

    assert _menu_has(body, "Khấu trừ thuế")
    assert statement.status_code == 200
    assert "thanh toán khi nhận hàng (COD)" in statement.content.decode()


def test_a_refund_recorded_by_the_checkout_offsets_the_month_it_was_made(
    sellers, customer
):
    product = ProductPageFactory(parent=sellers["h2"], price_vnd=33350)
    order = paid({product.pk: 1}, customer, at("2025-07-10"))

    services.record_refund(order, "re_" + order.reference)

    order.refresh_from_db()
    (row,) = tax.monthly_rows(tax.local_month(order.refunded_at))
    assert (row.paid, row.refunded) == (0, 33350)  # the whole goods, not shipping
    assert tax.monthly_rows(JULY)[0].paid == 33350
