"""The menu, the footer and product cards are rendered once per worker for each
state of their data (marketplace/helpers/fragments.py): what shoppers see still
follows every change of that data, page by page."""

from django.utils import translation

from catalog.models import Category, CategoryPage
from marketplace.helpers.fragments import FragmentStore
from tests.factories import ProductPageFactory


def nav_links(html: str, url: str) -> list[str]:
    return [chunk.split(">", 1)[0] for chunk in html.split(f'<a href="{url}"')[1:]]


def test_the_menu_marks_the_section_of_each_page_it_is_remembered_for(
    client, site_root
):
    first, second = CategoryPage.objects.order_by("path")[:2]

    for current, other in ((first, second), (second, first), (first, second)):
        html = client.get(current.url).content.decode()
        # The phone's menu and the wide bar mark the current section, and only it.
        mine, others = nav_links(html, current.url), nav_links(html, other.url)
        assert len(mine) >= 2 and len(others) >= 2
        assert all('aria-current="page"' in link for link in mine[:2])
        assert not any('aria-current="page"' in link for link in others)


def test_a_renamed_category_shows_in_the_remembered_menu_at_once(client, site_root):
    assert "Đặc sản chế biến" not in client.get("/").content.decode()

    category = Category.objects.get(slug="processed-food")
    category.name = "Đặc sản chế biến"
    category.save()

    html = client.get("/").content.decode()
    assert html.count("Đặc sản chế biến") >= 3  # menu, wide bar, footer (and tile)


def test_a_cards_new_price_is_a_new_piece(client, site_root):
    product = ProductPageFactory(title="Kẹo dừa béo")
    category_url = product.category.page.url
    assert "125.000" in client.get(category_url).content.decode()

    product.price_vnd = 99000
    product.save_revision().publish()

    html = client.get(category_url).content.decode()
    assert "99.000" in html and "125.000" not in html


def test_each_language_gets_its_own_piece():
    store = FragmentStore(limit=8)
    for code in ("vi", "en"):
        with translation.override(code):
            store.remembered("greeting", ("hello",), lambda code=code: code)

    with translation.override("en"):
        assert store.remembered("greeting", ("hello",), lambda: "never") == "en"
    with translation.override("vi"):
        assert store.remembered("greeting", ("hello",), lambda: "never") == "vi"


def test_a_store_keeps_its_most_recently_used_pieces_only():
    store = FragmentStore(limit=2)
    store.remembered("card", 1, lambda: "one")
    store.remembered("card", 2, lambda: "two")
    store.remembered("card", 1, lambda: "never")  # used again: kept
    store.remembered("card", 3, lambda: "three")  # the least recently used goes

    assert store.remembered("card", 1, lambda: "again") == "one"
    assert store.remembered("card", 2, lambda: "two, again") == "two, again"
