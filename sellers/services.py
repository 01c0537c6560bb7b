"""Site structure, the department's group and workflow, and seller onboarding."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import (
    Collection as MediaCollection,
)
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from sellers.models import SellerAccess, SellerIndexPage, SellerPage

DEPARTMENT_GROUP = "Sở Công Thương"
WORKFLOW_NAME = "Sở Công Thương duyệt nội dung người bán"
SELLER_GROUP_PREFIX = "Người bán"

_DEPARTMENT_MODEL_PERMISSIONS = {
    "catalog": ["category", "certification", "ocopcertificate", "ruralindustrialaward"],
    "marketplace": ["collection"],
}
_DEPARTMENT_EXTRA_PERMISSIONS = [
    ("catalog", "verify_ocopcertificate"),
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
# Sellers may submit certificates for their own products; only the department
# verifies them (catalog.wagtail_hooks scopes every view to the seller's products).
_SELLER_MODEL_PERMISSIONS = [
    ("catalog", "add_ocopcertificate"),
    ("catalog", "change_ocopcertificate"),
    ("catalog", "delete_ocopcertificate"),
    ("catalog", "view_ocopcertificate"),
    ("wagtailadmin", "access_admin"),
]
_MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permissions(pairs) -> list[Permission]:
    """The permissions named by ``(app_label, codename)`` pairs, in one query."""
    wanted = set(pairs)
    found = [
        permission
        for permission in Permission.objects.filter(
            codename__in={codename for _app, codename in wanted}
        ).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in wanted
    ]
    if len(found) != len(wanted):
        missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
        raise Permission.DoesNotExist(f"permissions not found: {sorted(missing)}")
    return found


def _grant(link_model, permissions: list[Permission], **scope) -> None:
    """Give ``scope`` (a group and its page or collection) the permissions it lacks."""
    held = set(
        link_model.objects.filter(**scope).values_list("permission_id", flat=True)
    )
    link_model.objects.bulk_create(
        link_model(permission=p, **scope) for p in permissions if p.pk not in held
    )


def _grant_media(group: Group, collection: MediaCollection) -> None:
    _grant(
        GroupCollectionPermission,
        _permissions(_MEDIA_PERMISSIONS),
        group=group,
        collection=collection,
    )


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    _grant(
        GroupPagePermission,
        _permissions(("wagtailcore", codename) for codename in codenames),
        group=group,
        page=page,
    )


@transaction.atomic
def ensure_site_structure():
    """Create (once) the home page, seller directory, category pages, the department
    group and its approval workflow. Safe to call any number of times."""
    from marketplace.models import HomePage

    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
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
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).filter(
        content_type__model="page"
    ).delete()

    seller_index = SellerIndexPage.objects.first()
    if seller_index is None:
        seller_index = home.add_child(
            instance=SellerIndexPage(title="Người bán", slug="nguoi-ban")
        )
    ensure_category_pages(home)

    department = ensure_department_group(home)
    ensure_workflow(department, seller_index)
    return home


def ensure_category_pages(home: Page | None = None) -> None:
    """One live browse page under the home page for every shop category."""
    from catalog.models import Category, CategoryPage
    from marketplace.models import HomePage

    home = home or HomePage.objects.first()
    if home is None:
        return
    existing = set(CategoryPage.objects.values_list("category_id", flat=True))
    for category in Category.objects.exclude(pk__in=existing):
        home.add_child(
            instance=CategoryPage(
                title=category.name, slug=category.slug, category=category
            )
        )


def ensure_department_group(home: Page) -> Group:
    group, _created = Group.objects.get_or_create(name=DEPARTMENT_GROUP)
    group.permissions.add(
        *_permissions(
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
    _grant_pages(group, home, _DEPARTMENT_PAGE_PERMISSIONS)
    _grant_media(group, MediaCollection.get_first_root_node())
    return group


def ensure_workflow(department: Group, seller_index: Page) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name="Sở Công Thương phê duyệt").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="Sở Công Thương phê duyệt")
    task.groups.add(department)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=seller_index, defaults={"workflow": workflow}
    )
    return workflow


def seller_group_name(seller: SellerPage) -> str:
    # Zero-padded id: media collections are kept sorted by name, so each new
    # seller's collection goes last instead of renumbering every sibling's path.
    return f"{SELLER_GROUP_PREFIX} #{seller.pk:06d}: {seller.title}"[:150]


def _grant_seller_models(group: Group) -> None:
    group.permissions.add(*_permissions(_SELLER_MODEL_PERMISSIONS))


@transaction.atomic
def ensure_seller_access(seller: SellerPage) -> SellerAccess:
    """The seller's own group: add and edit (never publish) on its subtree only."""
    access = SellerAccess.objects.filter(seller=seller).select_related("group").first()
    if access is not None:
        _grant_seller_models(access.group)
        # Idempotent repair: seeding gives older sellers their collection rights.
        _grant_media(access.group, access.media_collection)
        return access
    group, _created = Group.objects.get_or_create(name=seller_group_name(seller))
    _grant_seller_models(group)
    _grant_pages(group, seller, ["add_page", "change_page"])
    root_collection = MediaCollection.get_first_root_node()
    media = root_collection.add_child(instance=MediaCollection(name=group.name[:255]))
    _grant_media(group, media)
    return SellerAccess.objects.create(
        seller=seller, group=group, media_collection=media
    )


@transaction.atomic
def create_seller_account(
    seller: SellerPage,
    username: str,
    email: str,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
):
    """A login for one seller's staff: edits that seller's pages, in Vietnamese."""
    from wagtail.users.models import UserProfile

    access = ensure_seller_access(seller)
    user_model = get_user_model()
    user = user_model.objects.create_user(
        username=username or slugify(seller.title),
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.add(access.group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    return user


def sellers_for_user(user) -> list[int]:
    """Ids of the sellers whose group the user belongs to."""
    return list(
        SellerAccess.objects.filter(group__user=user).values_list(
            "seller_id", flat=True
        )
    )


def is_department(user) -> bool:
    return user.is_superuser or user.groups.filter(name=DEPARTMENT_GROUP).exists()


def sees_every_seller(user) -> bool:
    """The department (and superusers) work on every seller's records."""
    return user.is_active and (
        user.is_superuser or user.has_perm("catalog.verify_ocopcertificate")
    )


def products_for_user(user):
    """Product pages whose records (certificates, awards) the user may manage."""
    from catalog.models import ProductPage

    products = ProductPage.objects.all()
    if sees_every_seller(user):
        return products
    return products.filter(seller_id__in=sellers_for_user(user))


def certificates_for_user(user):
    """OCOP certificates the user may see in the admin: all, or their products' own."""
    from catalog.models import OcopCertificate

    certificates = OcopCertificate.objects.all()
    if sees_every_seller(user):
        return certificates
    return certificates.filter(product__seller_id__in=sellers_for_user(user))


def verify_certificates(certificates, user) -> int:
    """Record the department user who verified each unverified certificate, and when."""
    verified = 0
    for certificate in certificates:
        if not certificate.is_verified:
            certificate.verify(user)
            verified += 1
    return verified
