"""Private pages stay private: a view restriction on a page or an ancestor applies
to the public category, product and seller pages, and to their aliases, as Wagtail's own
lookup says (marketplace/page_mixins.py). That an unrestricted page needs no
restriction query is pinned in tests/catalog/test_query_counts.py."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from catalog.models import CategoryPage, ProductPage
from marketplace.page_mixins import with_view_restriction_flag
from sellers.models import SellerIndexPage, SellerPage
from tests.factories import ProductPageFactory, SellerPageFactory

pytestmark = pytest.mark.django_db


def test_a_password_on_the_seller_covers_its_product_pages(site_root, client):
    product = ProductPageFactory(title="Bánh pía sầu riêng")
    PageViewRestriction.objects.create(
        page=product.seller, restriction_type="password", password="bi-mat-123"
    )

    for url in (product.url, product.seller.url):
        html = client.get(url).content.decode()
        assert 'name="password"' in html
        assert "Bánh pía sầu riêng" not in html


def test_a_password_on_one_product_covers_that_product_only(site_root, client):
    product = ProductPageFactory(title="Rượu mai trắng")
    neighbour = ProductPageFactory(parent=product.seller, title="Rượu nếp cẩm")
    PageViewRestriction.objects.create(
        page=product, restriction_type="password", password="bi-mat-123"
    )

    html = client.get(product.url).content.decode()
    assert 'name="password"' in html and "Rượu mai trắng" not in html
    assert "Rượu nếp cẩm" in client.get(neighbour.url).content.decode()


def test_a_password_on_a_category_page_covers_it(site_root, client):
    category_page = CategoryPage.objects.order_by("path").first()
    other = CategoryPage.objects.order_by("path").last()
    PageViewRestriction.objects.create(
        page=category_page, restriction_type="password", password="bi-mat-123"
    )

    assert 'name="password"' in client.get(category_page.url).content.decode()
    assert 'name="password"' not in client.get(other.url).content.decode()


def test_a_login_restriction_on_the_directory_sends_shoppers_to_log_in(
    site_root, client
):
    product = ProductPageFactory()
    PageViewRestriction.objects.create(
        page=SellerIndexPage.objects.get(), restriction_type="login"
    )

    response = client.get(product.url)

    assert response.status_code == 302
    assert "login" in response.headers["Location"]


def restrict(page, kind, **fields):
    groups = fields.pop("groups", [])
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, **fields
    )
    restriction.groups.set(groups)
    return restriction


def asks_for_password(response) -> bool:
    return response.status_code == 200 and 'name="password"' in (
        response.content.decode()
    )


def test_an_alias_of_a_password_product_asks_for_the_password(site_root, client):
    product = ProductPageFactory(title="Rượu mai trắng")
    restrict(product, "password", password="bi-mat-123")
    alias = product.create_alias(parent=SellerPageFactory(), update_slug="ruou-mai")

    response = client.get(alias.url)

    assert asks_for_password(response)
    assert "Rượu mai trắng" not in response.content.decode()


def test_an_alias_of_a_password_seller_covers_the_aliases_of_its_products(
    site_root, client
):
    product = ProductPageFactory(title="Bánh pía sầu riêng")
    restrict(product.seller, "password", password="bi-mat-123")
    seller_alias = product.seller.create_alias(recursive=True, update_slug="htx-sao")
    product_alias = seller_alias.get_children().get()

    assert product_alias.specific.alias_of_id == product.pk
    for url in (seller_alias.url, product_alias.url):
        response = client.get(url)
        assert asks_for_password(response)
        assert "Bánh pía sầu riêng" not in response.content.decode()


def test_an_alias_of_a_public_seller_shows_its_products(site_root, client):
    product = ProductPageFactory(title="Mắm cá linh")
    seller_alias = product.seller.create_alias(recursive=True, update_slug="htx-sao")
    product_alias = seller_alias.get_children().get()

    assert "Mắm cá linh" in client.get(product_alias.url).content.decode()
    assert "Mắm cá linh" in client.get(seller_alias.url).content.decode()


@pytest.fixture
def members_only(site_root):
    """A seller only members of its cooperative's group may see, with a product."""
    members = Group.objects.create(name="Thành viên HTX Cái Mơn")
    product = ProductPageFactory(title="Sầu riêng Cái Mơn")
    restrict(product.seller, "groups", groups=[members])
    return {"product": product, "members": members}


def test_a_group_restriction_refuses_a_shopper_outside_the_group(
    members_only, client, django_user_model
):
    client.force_login(django_user_model.objects.create_user("khach"))

    for url in (members_only["product"].url, members_only["product"].seller.url):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response.headers["Location"]


def test_a_group_restriction_lets_a_member_see_the_pages(
    members_only, client, django_user_model
):
    member = django_user_model.objects.create_user("thanh_vien")
    member.groups.add(members_only["members"])
    client.force_login(member)

    product = members_only["product"]
    for url, title in (
        (product.url, product.title),
        (product.seller.url, product.seller.title),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert title in response.content.decode()


def test_a_group_restriction_covers_the_aliases_of_its_pages(
    members_only, client, django_user_model
):
    seller = members_only["product"].seller
    seller_alias = seller.create_alias(recursive=True, update_slug="htx-sao")
    client.force_login(django_user_model.objects.create_user("khach"))

    for page in (seller_alias, seller_alias.get_children().get()):
        assert client.get(page.url).status_code == 302


@pytest.fixture
def restricted_tree(site_root):
    """Pages at every depth under password, login and group restrictions, with
    aliases of restricted and public pages, aliases of aliases, and pages that
    are not aliases under an alias."""
    members = Group.objects.create(name="Thành viên")
    restrict(CategoryPage.objects.first(), "login")
    locked = SellerPageFactory()
    restrict(locked, "password", password="bi-mat-123")
    locked_product = ProductPageFactory(parent=locked)
    grouped = SellerPageFactory()
    restrict(grouped, "groups", groups=[members])
    ProductPageFactory(parent=grouped)
    public = SellerPageFactory()
    login_product = ProductPageFactory(parent=public)
    restrict(login_product, "login")
    ProductPageFactory(parent=public)

    locked_alias = locked.create_alias(recursive=True, update_slug="khoa-sao")
    public_alias = public.create_alias(recursive=True, update_slug="cong-khai-sao")
    # An alias's own restriction is not Wagtail's to apply: its source's is.
    restrict(public_alias, "password", password="khong-dung")
    ProductPageFactory(parent=public_alias)
    alias_of_alias = locked_alias.create_alias(update_slug="khoa-sao-sao")
    ProductPageFactory(parent=alias_of_alias)
    grouped.create_alias(recursive=True, update_slug="nhom-sao")
    locked_product.create_alias(parent=public, update_slug="san-pham-khoa-sao")
    login_product.create_alias(parent=grouped, update_slug="san-pham-dang-nhap-sao")
    return Page.objects.all()


def wagtail_restrictions(page) -> set[int]:
    """Wagtail's own answer: the base ``Page.get_view_restrictions``."""
    return set(Page.get_view_restrictions(page).values_list("pk", flat=True).distinct())


def test_the_restriction_flag_agrees_with_wagtail_for_every_page(restricted_tree):
    flags = {
        pk: (restricted, aliased)
        for pk, restricted, aliased in with_view_restriction_flag(
            Page.objects.all()
        ).values_list("pk", "view_restricted", "under_alias")
    }
    alias_paths = list(
        Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    )
    pages = list(Page.objects.all())
    restricted = {page.pk: wagtail_restrictions(page) for page in pages}

    assert any(restricted.values()) and not all(restricted.values())
    for page in pages:
        under_alias = any(page.path.startswith(path) for path in alias_paths)
        assert flags[page.pk][1] == under_alias, page.url_path
        if not flags[page.pk][0]:
            # Never unflagged when a restriction covers the page.
            assert restricted[page.pk] == set(), page.url_path
        elif not under_alias:
            # Flagged only because of a restriction, where no alias is involved.
            assert restricted[page.pk], page.url_path


@pytest.mark.parametrize("model", [SellerPage, ProductPage, CategoryPage])
def test_the_pages_own_restriction_lookup_agrees_with_wagtail(restricted_tree, model):
    """Flagged by the public pages' display query or not: the same restrictions."""
    loaded = list(model.display_queryset()) + list(model.objects.all())

    assert len(loaded) > 4
    for page in loaded:
        mine = set(page.get_view_restrictions().values_list("pk", flat=True))
        assert mine == wagtail_restrictions(page), page.url_path
