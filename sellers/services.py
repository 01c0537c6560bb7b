"""Seller onboarding and identity: each seller's group and logins, and who the
department is. The site's skeleton (home page, department group, workflow) is
set up by marketplace.site_setup."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection as MediaCollection

from marketplace.helpers.permissions import grant_media, grant_pages, permissions
from sellers.models import SellerAccess, SellerPage

DEPARTMENT_GROUP = "Sở Công Thương"
SELLER_GROUP_PREFIX = "Người bán"
# What makes a user the department: its group grants this permission (superusers
# hold every permission). Checked through Django's permission cache, no query.
DEPARTMENT_PERMISSION = "sellers.verify_seller"

# Sellers may submit certificates for their own products; only the department
# verifies them (catalog.permissions scopes every view to the seller's products).
_SELLER_MODEL_PERMISSIONS = [
    ("catalog", "add_ocopcertificate"),
    ("catalog", "change_ocopcertificate"),
    ("catalog", "delete_ocopcertificate"),
    ("catalog", "view_ocopcertificate"),
    ("catalog", "add_sellerlicence"),
    ("catalog", "change_sellerlicence"),
    ("catalog", "delete_sellerlicence"),
    ("catalog", "view_sellerlicence"),
    ("wagtailadmin", "access_admin"),
]


def seller_group_name(seller: SellerPage) -> str:
    # Zero-padded id: media collections are kept sorted by name, so each new
    # seller's collection goes last instead of renumbering every sibling's path.
    return f"{SELLER_GROUP_PREFIX} #{seller.pk:06d}: {seller.title}"[:150]


def _grant_seller_models(group: Group) -> None:
    group.permissions.add(*permissions(_SELLER_MODEL_PERMISSIONS))


@transaction.atomic
def ensure_seller_access(seller: SellerPage) -> SellerAccess:
    """The seller's own group: add and edit (never publish) on its subtree only."""
    access = SellerAccess.objects.filter(seller=seller).select_related("group").first()
    if access is not None:
        _grant_seller_models(access.group)
        # Idempotent repair: seeding gives older sellers their collection rights.
        grant_media(access.group, access.media_collection)
        return access
    group, _created = Group.objects.get_or_create(name=seller_group_name(seller))
    _grant_seller_models(group)
    grant_pages(group, seller, ["add_page", "change_page"])
    root_collection = MediaCollection.get_first_root_node()
    media = root_collection.add_child(instance=MediaCollection(name=group.name[:255]))
    grant_media(group, media)
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
    """The department (and superusers): works on every seller's records."""
    return user.has_perm(DEPARTMENT_PERMISSION)


def department_users():
    """Active department staff (superusers aside), e.g. to be told of new orders."""
    return get_user_model().objects.with_perm(
        DEPARTMENT_PERMISSION,
        include_superusers=False,
        # The permissions live in the database (axes' backend holds none).
        backend="django.contrib.auth.backends.ModelBackend",
    )


def department_emails() -> list[str]:
    """Where the department is told things: its staff's addresses plus
    CHECKOUT_DEPARTMENT_EMAILS (a shared mailbox)."""
    users = (
        get_user_model()
        .objects.filter(groups__name=DEPARTMENT_GROUP, is_active=True)
        .exclude(email="")
    )
    addresses = list(users.values_list("email", flat=True))
    return sorted(set(addresses + list(settings.CHECKOUT_DEPARTMENT_EMAILS)))


def seller_emails(seller: SellerPage) -> list[str]:
    """Where a seller is written to: its public address and its active logins'."""
    users = get_user_model().objects.filter(
        groups__seller_access__seller=seller, is_active=True
    )
    addresses = {seller.email, *users.values_list("email", flat=True)}
    return sorted(address for address in addresses if address)


def sellers_for_request(request) -> list[int]:
    """sellers_for_user for the request's user, read once per request (the
    dashboard's panels from several apps all ask)."""
    if not hasattr(request, "_seller_ids"):
        request._seller_ids = sellers_for_user(request.user)
    return request._seller_ids
