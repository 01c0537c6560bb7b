"""The site's skeleton (marketplace.site_setup): home, seller directory, categories,
the department's group and workflow, built once however often it is asked for."""

import io
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, Site, WorkflowPage

from catalog.models import Category, CategoryPage
from marketplace.models import HomePage
from marketplace.site_setup import WORKFLOW_NAME, ensure_site_structure
from sellers.models import SellerIndexPage, SellerPage
from sellers.services import DEPARTMENT_GROUP

SAMPLE = Path(__file__).parent.parent / "catalog" / "fixtures" / "sample_products.csv"


def _skeleton() -> dict:
    return {
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
    }


def test_site_setup_builds_the_skeleton_once(db):
    home = ensure_site_structure()
    first = _skeleton()

    assert ensure_site_structure() == home
    assert _skeleton() == first
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert CategoryPage.objects.child_of(home).count() == Category.objects.count()
    seller_index = SellerIndexPage.objects.child_of(home).get()
    assert WorkflowPage.objects.get(page=seller_index).workflow.name == WORKFLOW_NAME
    assert Group.objects.get(name=DEPARTMENT_GROUP).permissions.filter(
        codename="verify_ocopcertificate"
    )


def test_importing_into_a_fresh_database_sets_up_the_site_first(db):
    assert not HomePage.objects.exists()

    call_command(
        "import_products",
        str(SAMPLE),
        "--publish",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    seller_index = SellerIndexPage.objects.get()
    assert seller_index.get_parent().specific_class is HomePage
    assert SellerPage.objects.child_of(seller_index).count() == 2
    assert WorkflowPage.objects.filter(page=seller_index).exists()
