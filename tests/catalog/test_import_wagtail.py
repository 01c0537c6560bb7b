"""An imported page behaves like one created in Wagtail's admin.

The importer takes shortcuts through Wagtail (catalog/importing/wagtail_tree.py):
one save per new page, its indexes muted during the write and refreshed once at the
end. These tests pin what editors would notice if a shortcut lost something: the
admin's page search, the "usage" of images and categories (the reference index),
the page tree, the history.
"""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from catalog.importing import import_file
from catalog.models import Category, ProductPage
from sellers.models import SellerIndexPage, SellerPage
from tests.catalog.utils import jpeg, product_row, run_import, write_csv
from tests.factories import SellerPageFactory

# A word no fixture holds, so a search finds only what the import wrote.
NAME = "Kẹo dừa Zentaro"


def admin_search(client, query: str) -> str:
    response = client.get("/quan-tri/pages/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def imported(site_root, tmp_path):
    jpeg(tmp_path / "keo.jpg")
    jpeg(tmp_path / "hop.jpg", size=(90, 60))
    row = product_row(product_name=NAME, image="keo.jpg;hop.jpg")
    run_import(write_csv(tmp_path / "products.csv", [row]), "--publish")
    return ProductPage.objects.get()


def test_imported_product_and_seller_are_found_by_the_admin_page_search(
    imported, admin_client
):
    html = admin_search(admin_client, "zentaro")

    assert NAME in html
    assert f"/quan-tri/pages/{imported.pk}/edit/" in html
    assert "Thử Nghiệm" in admin_search(admin_client, "Nghiệm")
    assert list(Page.objects.autocomplete("zentaro")) == [imported.page_ptr]


def test_imported_draft_is_found_by_the_admin_search_too(
    site_root, tmp_path, admin_client
):
    run_import(write_csv(tmp_path / "products.csv", [product_row(product_name=NAME)]))

    product = ProductPage.objects.get()
    assert not product.live
    assert f"/quan-tri/pages/{product.pk}/edit/" in admin_search(
        admin_client, "zentaro"
    )


def test_imported_product_lists_its_gallery_images_and_category_as_references(
    imported,
):
    images = list(get_image_model().objects.order_by("pk"))
    category = Category.objects.get(slug="processed-food")

    for target in (*images, category):
        usage = ReferenceIndex.get_references_to(target)
        assert {ref.object_id for ref in usage} == {str(imported.pk)}, target
    seller = ReferenceIndex.get_references_to(imported.seller)
    assert str(imported.pk) in {ref.object_id for ref in seller}


def test_imported_pages_sit_in_the_tree_as_admin_created_pages_do(imported):
    seller = imported.seller
    index = SellerIndexPage.objects.get()

    assert seller.get_parent().specific == index
    assert imported.get_parent().specific == seller
    assert seller.numchild == 1
    assert index.numchild == SellerPage.objects.count() == 1
    assert imported.path.startswith(seller.path)
    assert imported.depth == seller.depth + 1
    assert imported.url_path == f"{seller.url_path}{imported.slug}/"
    assert imported.url == f"{seller.url}{imported.slug}/"
    assert Page.find_problems() == ([], [], [], [], [])


def test_imported_page_has_one_live_revision_and_its_creation_logged(imported):
    revision = imported.revisions.get()

    assert imported.live_revision == revision == imported.latest_revision
    assert revision.user is None  # no --user: the import is recorded as the system
    assert revision.as_object().price_vnd == imported.price_vnd
    assert not imported.has_unpublished_changes
    assert imported.first_published_at is not None
    entries = PageLogEntry.objects.filter(page=imported).order_by("pk")
    assert [e.action for e in entries] == ["wagtail.create", "wagtail.publish"]
    assert entries[1].revision == revision


def test_imported_page_opens_in_the_admin_editor(imported, admin_client):
    response = admin_client.get(f"/quan-tri/pages/{imported.pk}/edit/")

    assert response.status_code == 200
    assert NAME in response.content.decode()


def test_failed_import_leaves_wagtails_search_index_updating_pages_again(
    site_root, tmp_path, admin_client
):
    path = write_csv(tmp_path / "products.csv", [product_row(product_name=NAME)])

    def fail_midway(rows):
        yield from rows
        raise RuntimeError("operator pressed Ctrl-C")

    with pytest.raises(RuntimeError):
        import_file(path, publish=True, progress=fail_midway)
    assert not ProductPage.objects.exists()
    assert NAME not in admin_search(admin_client, "zentaro")

    # The same edit an editor saves in the admin reaches the search index at once.
    SellerPageFactory(title="Cơ sở Quokka")
    assert "Cơ sở Quokka" in admin_search(admin_client, "quokka")
