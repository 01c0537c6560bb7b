"""The site's skeleton: home page, seller directory, category pages, the department's
group and its approval workflow. Every function is idempotent."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection as MediaCollection
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from catalog.models import Category, CategoryPage
from marketplace.helpers.permissions import grant_media, grant_pages, permissions
from marketplace.helpers.text import folded_slug
from marketplace.models import HomePage
from sellers.models import SellerIndexPage
from sellers.services import DEPARTMENT_GROUP

WORKFLOW_NAME = "Sở Công Thương duyệt nội dung người bán"
APPROVAL_TASK_NAME = "Sở Công Thương phê duyệt"

_DEPARTMENT_MODEL_PERMISSIONS = {
    "catalog": [
        "category",
        "certification",
        "ocopcertificate",
        "ruralindustrialaward",
        "sellerlicence",
    ],
    "marketplace": ["collection"],
}
_DEPARTMENT_EXTRA_PERMISSIONS = [
    ("catalog", "verify_ocopcertificate"),
    ("catalog", "change_regulatedgoodssettings"),
    ("legal", "change_ownerdisclosure"),
    ("sellers", "verify_seller"),
    ("wagtailadmin", "access_admin"),
    ("search", "view_searchquerylog"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
]
_DEPARTMENT_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "delete_page",
]


@transaction.atomic
def ensure_site_structure() -> HomePage:
    """Create (once) the home page, seller directory, category pages, the department
    group and its approval workflow. Safe to call any number of times."""
    home = _ensure_home_page()
    seller_index = SellerIndexPage.objects.first()
    if seller_index is None:
        seller_index = home.add_child(
            instance=SellerIndexPage(title="Người bán", slug="nguoi-ban")
        )
    ensure_category_pages(home)
    department = ensure_department_group(home)
    ensure_workflow(department, seller_index)
    return home


def _ensure_home_page() -> HomePage:
    """The home page as the default site's root, Wagtail's welcome page removed."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(
                title="Sàn OCOP Vĩnh Long",
                slug="trang-chu",
                hero_title="Đặc sản và sản phẩm OCOP của Vĩnh Long",
                hero_text=(
                    "Mua trực tiếp từ hợp tác xã, hộ kinh doanh và doanh nghiệp "
                    "địa phương, sản phẩm được Sở Công Thương xác minh."
                ),
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.pk or not site.site_name:
        # The admin titles itself with the site's name, else its hostname.
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).filter(
        content_type__model="page"
    ).delete()
    return home


def ensure_category_pages(home: Page | None = None) -> None:
    """One live browse page under the home page for every shop category, at the
    category's folded Vietnamese name (``/thuc-pham-che-bien/``)."""
    home = home or HomePage.objects.first()
    if home is None:
        return
    existing = set(CategoryPage.objects.values_list("category_id", flat=True))
    for category in Category.objects.exclude(pk__in=existing):
        home.add_child(
            instance=CategoryPage(
                title=category.name, slug=folded_slug(category.name), category=category
            )
        )
    ensure_category_redirects()


def ensure_category_redirects() -> None:
    """The category's key as a URL (``/processed-food/``, the English page URLs
    before issue 12, still the search API's ``category`` values) answers with a
    permanent redirect to the category's page."""
    taken = set(Redirect.objects.filter(site=None).values_list("old_path", flat=True))
    for page in CategoryPage.objects.select_related("category"):
        old_path = Redirect.normalise_path(f"/{page.category.slug}/")
        if page.slug != page.category.slug and old_path not in taken:
            Redirect.objects.create(
                old_path=old_path, site=None, redirect_page=page, is_permanent=True
            )


def ensure_department_group(home: Page) -> Group:
    """The department's group: reference data, verification, every page and medium."""
    group, _created = Group.objects.get_or_create(name=DEPARTMENT_GROUP)
    group.permissions.add(
        *permissions(
            [
                *_DEPARTMENT_EXTRA_PERMISSIONS,
                *(
                    (app_label, f"{action}_{model}")
                    for app_label, models in _DEPARTMENT_MODEL_PERMISSIONS.items()
                    for model in models
                    for action in ("add", "change", "delete", "view")
                ),
            ]
        )
    )
    grant_pages(group, home, _DEPARTMENT_PAGE_PERMISSIONS)
    grant_media(group, MediaCollection.get_first_root_node())
    return group


def ensure_workflow(department: Group, seller_index: Page) -> Workflow:
    """Sellers' pages go to the department for approval before they are published."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(department)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=seller_index, defaults={"workflow": workflow}
    )
    return workflow
