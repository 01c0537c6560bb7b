"""Commune pages ("One Commune One Product"): /xa-phuong/ and /xa-phuong/<slug>/."""

import re

import pytest
from wagtail.models import PageViewRestriction

from marketplace import communes
from sellers.models import AdminUnit
from tests.factories import ImageFactory, ProductPageFactory, SellerPageFactory


@pytest.fixture(autouse=True)
def _database_listing(settings):
    """The database backend of the one listing pipeline (nothing listens on 9)."""
    settings.SEARCH_URL = "http://127.0.0.1:9"


@pytest.fixture
def two_communes(site_root):
    home, other = AdminUnit.objects.order_by("code")[:2]
    ours = SellerPageFactory(
        title="HTX Dừa Giồng Trôm", commune=home, logo=ImageFactory()
    )
    theirs = SellerPageFactory(title="HTX Bưởi Năm Roi", commune=other)
    return {
        "commune": home,
        "other": other,
        "ours": ours,
        "theirs": theirs,
        "our_product": ProductPageFactory(parent=ours, title="Kẹo dừa sáp"),
        "their_product": ProductPageFactory(parent=theirs, title="Bưởi da xanh"),
    }


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_every_unit_has_a_folded_unique_slug(db):
    slugs = list(AdminUnit.objects.values_list("slug", flat=True))

    assert len(slugs) == 124
    assert len(set(slugs)) == len(slugs)
    assert AdminUnit.objects.get(name="Phú Khương").slug == "phu-khuong"
    assert all(re.fullmatch(r"[a-z0-9-]+", slug) for slug in slugs)


def test_a_new_unit_gets_its_slug_on_save(db):
    unit = AdminUnit.objects.create(
        code="99999",
        name="Đồng Phú",
        full_name="Xã Đồng Phú",
        unit_type="xã",
        former_province="Vĩnh Long",
    )

    assert unit.slug == "dong-phu"
    assert unit.get_absolute_url() == "/xa-phuong/dong-phu/"


def test_commune_page_lists_its_producers_and_products_only(two_communes, client):
    commune = two_communes["commune"]

    html = html_of(client, f"/xa-phuong/{commune.slug}/")

    assert f"<h1>{commune.full_name}</h1>" in html
    assert "HTX Dừa Giồng Trôm" in html
    assert "Kẹo dừa sáp" in html
    assert "HTX Bưởi Năm Roi" not in html
    assert "Bưởi da xanh" not in html
    # The producer's card links to its page, with its logo.
    assert f'href="{two_communes["ours"].url}"' in html
    assert 'class="seller-card__logo"' in html


def test_commune_page_is_paginated_like_a_category_page(
    two_communes, client, monkeypatch
):
    ours = two_communes["ours"]
    ProductPageFactory(parent=ours, title="Bánh tráng dừa")
    ProductPageFactory(parent=ours, title="Dầu dừa tinh khiết")
    real_context = communes.commune_context
    monkeypatch.setattr(
        communes,
        "commune_context",
        lambda unit, request: real_context(unit, request, page_size=2),
    )
    url = f"/xa-phuong/{two_communes['commune'].slug}/"

    first = html_of(client, url)
    second = html_of(client, url + "?trang=2")

    assert first.count('<article class="card') == 2
    assert second.count('<article class="card') == 1
    assert 'rel="next"' in first and "trang=2" in first
    assert "3 sản phẩm" in first


def test_restricted_and_unpublished_products_are_not_on_the_commune_page(
    two_communes, client
):
    ours = two_communes["ours"]
    secret = ProductPageFactory(parent=ours, title="Rượu dừa bí mật")
    PageViewRestriction.objects.create(
        page=secret, restriction_type="password", password="bi-mat-123"
    )
    ProductPageFactory(parent=ours, title="Mứt dừa nháp", live=False, publish=False)

    html = html_of(client, f"/xa-phuong/{two_communes['commune'].slug}/")

    assert "Kẹo dừa sáp" in html
    assert "Rượu dừa bí mật" not in html
    assert "Mứt dừa nháp" not in html


def test_unknown_commune_is_not_found(site_root, client):
    assert client.get("/xa-phuong/khong-co-xa-nay/").status_code == 404


def test_commune_without_producers_answers_with_an_empty_state(two_communes, client):
    empty = AdminUnit.objects.exclude(
        pk__in=[two_communes["commune"].pk, two_communes["other"].pk]
    ).first()

    html = html_of(client, f"/xa-phuong/{empty.slug}/")

    assert "Chưa có cơ sở sản xuất nào của xã/phường này trên sàn." in html
    assert "Xã/phường này chưa có sản phẩm nào trên sàn." in html


def test_index_lists_communes_with_producers_and_their_counts(two_communes, client):
    ProductPageFactory(parent=two_communes["ours"], title="Bánh tráng dừa")
    empty = AdminUnit.objects.exclude(
        pk__in=[two_communes["commune"].pk, two_communes["other"].pk]
    ).first()

    html = html_of(client, "/xa-phuong/")

    commune = two_communes["commune"]
    entry = html[html.index(f'href="/xa-phuong/{commune.slug}/"') :]
    entry = entry[: entry.index("</li>")]
    assert "1 cơ sở" in entry
    assert "2 sản phẩm" in entry
    assert f'href="/xa-phuong/{two_communes["other"].slug}/"' in html
    assert f'href="/xa-phuong/{empty.slug}/"' not in html


def test_seller_and_product_pages_link_to_the_commune(two_communes, client):
    commune_url = f'href="/xa-phuong/{two_communes["commune"].slug}/"'

    assert commune_url in html_of(client, two_communes["ours"].url)
    assert commune_url in html_of(client, two_communes["our_product"].url)
