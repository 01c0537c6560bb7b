"""The programme dashboard: every figure equals a count made directly in the
database, every table exports the rows the screen shows, sellers are refused."""

import csv
import datetime
import io
from html.parser import HTMLParser

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from catalog.models import (
    Category,
    OcopCertificate,
    OcopGroup,
    ProductPage,
    RuralIndustrialAward,
)
from marketplace.programme import sections
from marketplace.programme.figures import forget_figures
from marketplace.programme.tables import TABLES
from search.models import SearchQueryLog
from sellers.models import AdminUnit, SellerApplication, SellerPage
from tests.factories import (
    OcopCertificateFactory,
    ProductPageFactory,
    SellerPageFactory,
)
from tests.sellers.accounts import department_user, seller_with_editor

TODAY = timezone.localdate


def days(n: int) -> datetime.date:
    return TODAY() + datetime.timedelta(days=n)


def _application(reference, status, submitted_days_ago, tax_code):
    return SellerApplication.objects.create(
        reference=reference,
        status=status,
        legal_name=f"Hồ sơ {reference}",
        seller_type="cooperative",
        tax_code=tax_code,
        representative="Nguyễn Văn A",
        representative_id_number="086079001234",
        phone="+84912345678",
        email=f"{reference.lower()}@example.vn",
        street_line="Ấp 1",
        commune=AdminUnit.objects.order_by("code").first(),
        categories="Thực phẩm",
        products="Kẹo dừa",
        document="seller-applications/giay.pdf",
        consent_at=timezone.now(),
        submitted_at=timezone.now() - datetime.timedelta(days=submitted_days_ago),
    )


def _search(query, results, days_ago=1):
    log = SearchQueryLog.objects.create(
        query=query,
        query_folded=query.lower(),
        result_count=results,
        took_ms=12,
    )
    SearchQueryLog.objects.filter(pk=log.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


@pytest.fixture
def catalogue(site_root):
    """Sellers and products covering each rule: several, expired, unverified and
    returned certificates, awards verified or not, unpublished pages, gaps."""
    communes = list(AdminUnit.objects.order_by("code")[:3])
    beverages = Category.objects.get(slug="beverages")
    coop = SellerPageFactory(title="HTX Dừa Bến Tre", commune=communes[0])
    household = SellerPageFactory(
        title="Hộ Kinh Doanh Mứt",
        seller_type="household_business",
        commune=communes[1],
    )
    SellerPageFactory(title="Doanh Nghiệp Chưa Có Hàng", seller_type="enterprise")
    hidden_seller = SellerPageFactory(title="HTX Chưa Duyệt", commune=communes[2])
    Page.objects.get(pk=hidden_seller.pk).specific.unpublish()

    # Best valid is 4: the 5 is expired, the other 5 unverified.
    four = ProductPageFactory(parent=coop, title="Kẹo dừa", ocop_group=OcopGroup.FOOD)
    OcopCertificateFactory(product=four, stars=4, expires_on=days(400))
    OcopCertificateFactory(product=four, stars=5, expires_on=days(-1))
    OcopCertificateFactory(product=four, stars=5, verified_at=None)
    # Two valid: 5 wins; the 5 expires within 90 days.
    five = ProductPageFactory(
        parent=coop,
        title="Rượu dừa",
        category=beverages,
        ocop_group=OcopGroup.BEVERAGES,
    )
    OcopCertificateFactory(product=five, stars=3, expires_on=days(500))
    OcopCertificateFactory(product=five, stars=5, expires_on=days(60))
    # A returned certificate does not count; nor does a verified award's absence.
    returned = ProductPageFactory(parent=coop, title="Bánh phồng")
    OcopCertificateFactory(
        product=returned,
        stars=3,
        verified_at=None,
        returned_at=timezone.now(),
        return_reason="Thiếu bản scan",
    )
    # Awarded only, without pictures or description.
    awarded = ProductPageFactory(
        parent=household, title="Mứt mãng cầu", images=0, description=""
    )
    RuralIndustrialAward.objects.create(
        product=awarded, level="province", year=2024, verified_at=timezone.now()
    )
    # Lapsed 20 days ago, nothing valid left: listed as lapsed (not one lapsed 120
    # days ago, nor five's expired 4★ beside its valid ones).
    OcopCertificateFactory(product=awarded, stars=4, expires_on=days(-20))
    OcopCertificateFactory(product=awarded, stars=3, expires_on=days(-120))
    OcopCertificateFactory(product=five, stars=4, expires_on=days(-10))
    # An unverified award and an unverified certificate: not recognised; no price.
    unverified = ProductPageFactory(
        parent=household, title="Mứt gừng", description="<p>Ngon</p>"
    )
    ProductPage.objects.filter(pk=unverified.pk).update(price_vnd=0)
    RuralIndustrialAward.objects.create(product=unverified, level="province", year=2024)
    OcopCertificateFactory(product=unverified, stars=3, verified_at=None)
    # Unpublished, with a valid 5 expiring soon: counted nowhere.
    draft = ProductPageFactory(parent=coop, title="Bản nháp", publish=False)
    draft.unpublish()
    OcopCertificateFactory(product=draft, stars=5, expires_on=days(10))
    # A certificate expiring in 91 days is not "within 90".
    later = ProductPageFactory(parent=household, title="Bánh tét", description="x")
    OcopCertificateFactory(product=later, stars=3, expires_on=days(91))

    _application("HS0001", "pending", 2, "1500678902")
    _application("HS0002", "approved", 10, "1500678903")
    _application("HS0003", "rejected", 29, "1500678904")
    _application("HS0004", "approved", 45, "1500678905")  # older than 30 days

    for _n in range(3):
        _search("keo dua", 12)
    _search("ruou dua", 4)
    for _n in range(2):
        _search("mut sen", 0)
    _search("bun bo", 0, days_ago=40)  # too old
    return {"coop": coop, "household": household, "four": four, "five": five}


@pytest.fixture
def department(client):
    client.force_login(department_user())
    return client


# -- direct counts -------------------------------------------------------------


def _live():
    return list(ProductPage.objects.live())


def _best_stars(product) -> int | None:
    stars = [
        c.stars
        for c in OcopCertificate.objects.filter(product=product)
        if c.verified_at is not None and c.expires_on and c.expires_on >= TODAY()
    ]
    return max(stars, default=None)


def _awarded(product) -> bool:
    return RuralIndustrialAward.objects.filter(
        product=product, verified_at__isnull=False
    ).exists()


def _direct(key_of) -> dict:
    """{group: (sellers with products, products)} over live products."""
    groups: dict = {}
    for product in _live():
        sellers, count = groups.get(key_of(product), (set(), 0))
        groups[key_of(product)] = (sellers | {product.seller_id}, count + 1)
    return {key: (len(s), n) for key, (s, n) in groups.items()}


def _rows(table_key: str) -> dict:
    return {
        row.label: (row.sellers, row.products)
        for row in TABLES[table_key].rows(None)
        if row.products or row.sellers
    }


def test_breakdowns_by_category_stars_and_group_equal_direct_counts(catalogue):
    by_category = _direct(lambda p: p.category.name)
    by_stars = _direct(_best_stars)
    by_group = _direct(lambda p: p.ocop_group)

    assert _rows("category") == by_category
    stars = _rows("stars")
    assert stars == {
        (f"{k}★" if k else "Chưa có sao OCOP"): v for k, v in by_stars.items()
    }
    # The seed reaches each rule: the expired and unverified 5★ do not lift "Kẹo
    # dừa", a 3★ under a valid 5★ does not count, the draft's 5★ neither.
    assert stars["4★"] == stars["5★"] == stars["3★"] == (1, 1)
    labels = dict(OcopGroup.choices)
    assert _rows("ocop_group") == {
        str(labels[k]) if k else "Chưa xếp nhóm": v for k, v in by_group.items()
    }


def test_breakdowns_by_seller_type_and_commune_count_live_sellers(catalogue):
    sellers = list(SellerPage.objects.live())
    live = _live()

    def expected(key_of, label_of):
        return {
            label_of(key): (
                sum(1 for s in sellers if key_of(s) == key),
                sum(1 for p in live if key_of(p.seller) == key),
            )
            for key in {key_of(s) for s in sellers}
        }

    assert _rows("seller_type") == expected(
        lambda s: s.seller_type,
        lambda k: str(dict(SellerPage._meta.get_field("seller_type").choices)[k]),
    )
    assert _rows("commune") == expected(
        lambda s: s.commune_id, lambda k: AdminUnit.objects.get(code=k).full_name
    )
    assert "HTX Chưa Duyệt" not in {s.title for s in sellers}  # unpublished: out


def test_recognised_share_is_the_valid_ocop_or_verified_award_share(catalogue):
    live = _live()
    ocop = [p for p in live if _best_stars(p)]
    awarded = [p for p in live if _awarded(p)]
    either = {p.pk for p in ocop} | {p.pk for p in awarded}
    rows = {row.key: row for row in TABLES["share"].rows(None)}

    assert (rows["ocop"].products, rows["ocop"].total) == (len(ocop), len(live))
    assert rows["awarded"].products == len(awarded)
    assert rows["recognised"].products == len(either)
    assert (len(either), len(live)) == (4, 6)
    assert rows["recognised"].percent == "66,7 %"


def test_missing_information_lists_each_live_product_with_its_gaps(catalogue):
    rows = {row.title: row.missing for row in TABLES["missing"].rows(None)}
    expected = {}
    for product in _live():
        gaps = [
            name
            for name, gap in (
                ("ảnh", not product.gallery_images.exists()),
                ("giá", product.price_vnd == 0),
                ("mô tả", product.description in ("", "<p></p>")),
            )
            if gap
        ]
        if gaps:
            expected[product.title] = ", ".join(gaps)

    assert rows == expected
    assert rows["Mứt mãng cầu"] == "ảnh, mô tả"
    assert rows["Mứt gừng"] == "giá"


def test_expiring_certificates_are_valid_ones_of_live_products_within_90_days(
    catalogue,
):
    expected = [
        c.pk
        for c in OcopCertificate.objects.order_by("expires_on", "pk")
        if c.verified_at
        and c.expires_on
        and TODAY() <= c.expires_on <= days(90)
        and c.product.live
    ]
    rows = TABLES["expiring"].rows(None)

    assert [row.pk for row in rows] == expected
    assert [(row.product, row.days_left) for row in rows] == [("Rượu dừa", 60)]
    assert rows[0].expires_on_text == days(60).strftime("%d/%m/%Y")


def test_lapsed_certificates_are_those_that_left_a_live_product_without_a_badge(
    catalogue,
):
    still_rated = {
        c.product_id
        for c in OcopCertificate.objects.all()
        if c.verified_at and c.expires_on and c.expires_on >= TODAY()
    }
    expected = [
        c.pk
        for c in OcopCertificate.objects.order_by("-expires_on", "pk")
        if c.verified_at
        and c.expires_on
        and days(-90) <= c.expires_on < TODAY()
        and c.product.live
        and c.product_id not in still_rated
    ]
    rows = TABLES["lapsed"].rows(None)

    assert [row.pk for row in rows] == expected
    assert [(row.product, row.stars, row.days_ago) for row in rows] == [
        ("Mứt mãng cầu", 4, 20)
    ]


def test_applications_of_the_last_30_days_by_status(catalogue):
    since = timezone.now() - datetime.timedelta(days=30)
    recent = SellerApplication.objects.filter(submitted_at__gte=since)
    rows = {row.key: row.applications for row in TABLES["applications"].rows(None)}

    assert rows == {
        status: recent.filter(status=status).count()
        for status, _label in SellerApplication.Status.choices
    }
    assert rows == {"pending": 1, "approved": 1, "rejected": 1}


def test_top_and_zero_result_queries_of_the_last_30_days(catalogue):
    top = [(r.query, r.searches) for r in TABLES["top_queries"].rows(None)]
    zero = [(r.query, r.searches) for r in TABLES["zero_queries"].rows(None)]

    assert top == [("keo dua", 3), ("mut sen", 2), ("ruou dua", 1)]
    assert zero == [("mut sen", 2)]


# -- the screen, its charts and its exports --------------------------------------


class _Cells(HTMLParser):
    """The text of every row of the page's first listing table's body."""

    def __init__(self):
        super().__init__()
        self.rows, self._row, self._cell, self._depth = [], None, None, 0
        self._listing = self._done = False

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        if tag == "table" and "listing" in (dict(attrs).get("class") or "").split():
            self._listing = True
        elif tag == "tbody" and self._listing:
            self._depth += 1
        elif tag == "tr" and self._depth:
            self._row = []
        elif tag == "td" and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if self._done:
            return
        if tag == "td" and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag == "tbody" and self._depth:
            self._done = True

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _screen_rows(html: str) -> list[list[str]]:
    parser = _Cells()
    parser.feed(html)
    return parser.rows


def _text(value) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("key", list(TABLES))
def test_every_table_exports_the_screens_rows_to_xlsx_and_csv(
    catalogue, department, key
):
    url = reverse(TABLES[key].url_name)
    screen = _screen_rows(department.get(url).content.decode())
    headings = [str(field.label) for field in TABLES[key].fields]

    xlsx = department.get(url + "?export=xlsx")
    assert xlsx["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.getvalue())).active
    xlsx_rows = [[_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    csv_response = department.get(url + "?export=csv")
    body = b"".join(csv_response.streaming_content).decode("utf-8")
    csv_rows = list(csv.reader(io.StringIO(body)))

    assert screen, "the report shows its rows"
    assert xlsx_rows[0] == headings == csv_rows[0]
    assert xlsx_rows[1:] == screen == csv_rows[1:]


def test_dashboard_shows_the_headline_charts_and_every_table(catalogue, department):
    html = department.get(reverse("programme:dashboard")).content.decode()

    assert "66,7 %" in html
    assert "(4 trên 6)" in html
    for key in ("category", "stars", "commune"):
        assert f'aria-labelledby="chart-{key}-title chart-{key}-desc"' in html
        assert f'<title id="chart-{key}-title">{TABLES[key].title}</title>' in html
    for table in TABLES.values():
        assert f'href="{reverse(table.url_name)}?export=xlsx"' in html
    edit = reverse("wagtailadmin_pages:edit", args=[catalogue["five"].pk])
    assert f'<a href="{edit}">Rượu dừa</a>' in html  # expiring: links the product


def test_dashboard_is_in_the_department_menu(catalogue, department):
    html = department.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("programme:dashboard") in html


def test_figures_follow_a_publish_and_a_verification(catalogue, department):
    url = reverse("programme:dashboard")
    assert "(4 trên 6)" in department.get(url).content.decode()

    ProductPageFactory(parent=catalogue["coop"], title="Mới đăng")
    assert "(4 trên 7)" in department.get(url).content.decode()

    certificate = OcopCertificate.objects.get(product__title="Mứt gừng")
    certificate.verify(department_user("nguoi-xac-minh"))
    assert "(5 trên 7)" in department.get(url).content.decode()


def test_sellers_are_refused_the_dashboard_and_every_report(catalogue, client):
    _seller, _product, editor = seller_with_editor("co-so-a")
    client.force_login(editor)
    urls = [reverse("programme:dashboard")]
    for table in TABLES.values():
        url = reverse(table.url_name)
        urls += [url, url + "?export=xlsx", url + "?export=csv"]

    responses = [client.get(url) for url in urls]

    assert {response.status_code for response in responses} == {403}
    assert not any(b"66,7" in response.content for response in responses)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("programme:dashboard") not in home


def test_extra_sections_registered_by_other_modules_are_shown(catalogue, department):
    sections.register(
        sections.Section(
            key="thu-nghiem",
            title="Khiếu nại theo năm",
            template_name="programme/admin/section_counts.html",
            get_context=lambda request: {"rows": [("2026", 7), ("2025", 3)]},
            report_url_name="programme:share",
        )
    )
    try:
        html = department.get(reverse("programme:dashboard")).content.decode()
    finally:
        sections.unregister("thu-nghiem")

    assert '<h2 id="section-thu-nghiem">Khiếu nại theo năm</h2>' in html
    assert '<tr><th scope="row">2026</th><td>7</td></tr>' in html


def test_dashboard_query_count(catalogue, department, django_assert_num_queries):
    url = reverse("programme:dashboard")
    department.get(url)  # the session, the menu and the cached figures are warm

    with django_assert_num_queries(QUERIES_WARM):
        assert department.get(url).status_code == 200

    # Cold: one query per breakdown, the names of categories and communes.
    forget_figures()
    with CaptureQueriesContext(connection) as cold:
        department.get(url)
    assert len(cold) == QUERIES_WARM + QUERIES_FIGURES


# Session, user, its two permission sets, its profile (5); the applications, the top
# and the zero-result queries (3); the menu: locales, page and collection
# permissions, the explorer's root, the verification queue's two counts (6); the
# complaints' section: this year's and last year's counts and decisions (4). The
# figures come from the cache.
QUERIES_WARM = 18
# Categories and their counts (2), stars, group, communes and their names (2),
# seller type, share, missing, expiring, lapsed.
QUERIES_FIGURES = 11
