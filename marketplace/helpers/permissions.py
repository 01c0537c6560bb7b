"""Granting Django and Wagtail permissions to groups, idempotently and in bulk.

Used by the site set-up (the department's group) and by seller onboarding (each
seller's group); it knows nothing of either.
"""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection as MediaCollection
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

MEDIA_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def permissions(pairs: Iterable[tuple[str, str]]) -> list[Permission]:
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


def grant(link_model, granted: list[Permission], **scope) -> None:
    """Give ``scope`` (a group and its page or collection) the permissions it lacks."""
    held = set(
        link_model.objects.filter(**scope).values_list("permission_id", flat=True)
    )
    link_model.objects.bulk_create(
        link_model(permission=p, **scope) for p in granted if p.pk not in held
    )


def grant_media(group: Group, collection: MediaCollection) -> None:
    """Add and choose images and documents in one media collection."""
    grant(
        GroupCollectionPermission,
        permissions(MEDIA_PERMISSIONS),
        group=group,
        collection=collection,
    )


def grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    """Wagtail page permissions (``add_page``, ...) on ``page`` and its subtree."""
    grant(
        GroupPagePermission,
        permissions(("wagtailcore", codename) for codename in codenames),
        group=group,
        page=page,
    )
