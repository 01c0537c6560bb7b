"""Expiry: reminders 90 and 30 days before (once each), and on the day the badge
and its search boost go while the product stays listed."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from catalog.models import OcopCertificate
from marketplace.tasks import check_certificates
from search import engine, services
from search.documents import PRODUCTS, alias_name
from search.params import API_NAMES, SearchParams
from search.queries import product_search
from tests.factories import OcopCertificateFactory, ProductPageFactory
from tests.search.utils import QueryDict, index_everything
from tests.sellers.accounts import seller_with_editor

pytestmark = pytest.mark.django_db

BADGE = "ocop-badge--large"  # the product's own badge, not its related cards'


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture
def shop(site_root):
    seller, product, editor = seller_with_editor(
        "co-so-a", title="Hợp tác xã Bưởi Năm Roi", email="htx@example.vn"
    )
    return {"seller": seller, "product": product, "editor": editor}


def run(django_capture_on_commit_callbacks) -> str:
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_certificates", stdout=out)
    return out.getvalue()


def test_reminders_go_90_and_30_days_before_once_each(
    shop, django_capture_on_commit_callbacks
):
    product = shop["product"]
    certificate = OcopCertificateFactory(
        product=product, stars=4, expires_on=days_from_today(90)
    )
    OcopCertificateFactory(product=product, expires_on=days_from_today(200))
    OcopCertificateFactory(
        product=product, expires_on=days_from_today(20), verified_at=None
    )

    report = run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["co-so-a@example.vn", "htx@example.vn"]
    assert product.title in message.subject
    assert days_from_today(90).strftime("%d/%m/%Y") in message.body
    assert "Nhắc 90 ngày" in report
    assert run(django_capture_on_commit_callbacks).count("Nhắc") == 0
    assert len(mail.outbox) == 1

    # Sixty days later: the same certificate is 30 days from expiry.
    OcopCertificate.objects.filter(pk=certificate.pk).update(
        expires_on=days_from_today(30)
    )
    report = run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert "Nhắc 30 ngày" in report
    assert "còn khoảng 30 ngày" in mail.outbox[1].body

    run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_certificate_first_seen_inside_30_days_gets_one_reminder(
    shop, django_capture_on_commit_callbacks
):
    certificate = OcopCertificateFactory(
        product=shop["product"], expires_on=days_from_today(10)
    )

    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    certificate.refresh_from_db()
    assert certificate.reminded_30_at and certificate.reminded_90_at


def test_a_new_expiry_date_gets_new_reminders(shop, django_capture_on_commit_callbacks):
    certificate = OcopCertificateFactory(
        product=shop["product"], expires_on=days_from_today(25)
    )
    run(django_capture_on_commit_callbacks)

    certificate.expires_on = days_from_today(28)
    certificate.save()
    certificate.verify(user=None)
    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 2


def test_report_lists_what_lapsed_yesterday(shop, django_capture_on_commit_callbacks):
    OcopCertificateFactory(
        product=shop["product"],
        decision_number="12/HET-HOM-QUA",
        expires_on=days_from_today(-1),
    )
    OcopCertificateFactory(
        product=shop["product"],
        decision_number="13/HET-LAU-ROI",
        expires_on=days_from_today(-40),
    )

    report = run(django_capture_on_commit_callbacks)

    assert "12/HET-HOM-QUA" in report
    assert "13/HET-LAU-ROI" not in report
    assert mail.outbox == []


def test_the_task_runs_the_command(shop, django_capture_on_commit_callbacks):
    OcopCertificateFactory(product=shop["product"], expires_on=days_from_today(60))

    with django_capture_on_commit_callbacks(execute=True):
        result = check_certificates.enqueue()

    assert "Nhắc 90 ngày" in result.return_value
    assert len(mail.outbox) == 1


# -- on the day of expiry ------------------------------------------------------------


def test_badge_shows_on_the_last_day_and_is_gone_the_day_after(client, shop):
    last_day = shop["product"]
    lapsed = ProductPageFactory(parent=shop["seller"])
    OcopCertificateFactory(product=last_day, expires_on=days_from_today(0))
    OcopCertificateFactory(product=lapsed, expires_on=days_from_today(-1))

    assert BADGE in client.get(last_day.url).content.decode()
    page = client.get(lapsed.url)
    assert page.status_code == 200  # still listed and for sale
    assert BADGE not in page.content.decode()


def _score(query: str, today: datetime.date) -> float:
    params = SearchParams.from_querydict(QueryDict(q=query), API_NAMES)
    search = product_search(params, alias_name(PRODUCTS), today)
    hits = engine.execute(search, alias_name(PRODUCTS)).to_dict()["hits"]["hits"]
    assert len(hits) == 1
    return hits[0]["_score"]


@pytest.mark.engine
def test_expiry_removes_the_stars_filter_and_boost_on_the_day(shop):
    product = shop["product"]
    product.title = "Bưởi da xanh Mỏ Cày"
    product.save_revision().publish()
    OcopCertificateFactory(product=product, stars=4, expires_on=days_from_today(0))
    index_everything()
    engine.refresh(alias_name(PRODUCTS))
    today, tomorrow = days_from_today(0), days_from_today(1)
    stars = SearchParams.from_querydict(QueryDict(ocop="4"), API_NAMES)
    everything = SearchParams.from_querydict(QueryDict(q="buoi da xanh"), API_NAMES)

    assert services.list_products(stars, log=False, today=today).total == 1
    assert services.list_products(stars, log=False, today=tomorrow).total == 0
    assert services.list_products(everything, log=False, today=tomorrow).total == 1
    # The OCOP boosts (3 stars or more x1.1, 4 or more x1.05) apply until the day.
    ratio = _score("buoi da xanh", today) / _score("buoi da xanh", tomorrow)
    assert ratio == pytest.approx(1.1 * 1.05, rel=1e-4)
