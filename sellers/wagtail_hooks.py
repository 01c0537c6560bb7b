"""Admin wiring for sellers: the department's verification permission in the group
editor, and each seller's isolation from the others (sellers.isolation). Page-level
rights (each seller edits only its own subtree, never publishes) come from the
groups sellers.services creates; the department's group comes from
marketplace.site_setup."""

from django.contrib.auth.models import Permission
from wagtail import hooks

from sellers import isolation


@hooks.register("register_permissions")
def register_seller_verification_permission():
    return Permission.objects.filter(
        content_type__app_label="sellers", codename="verify_seller"
    )


# -- isolation: each seller's editor reaches only its own things (sellers.isolation)


@hooks.register("construct_page_chooser_queryset")
def own_pages_in_chooser(pages, request):
    """The page chooser (browse and search) lists the seller's own pages only."""
    if not isolation.is_scoped(request.user):
        return pages
    return pages.filter(pk__in=isolation.explorable_pages(request.user).values("pk"))


@hooks.register("construct_admin_api", order=100)
def own_media_in_admin_api(router):
    """After Wagtail's own endpoints: images and documents the user may choose."""
    router.register_endpoint("images", isolation.OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", isolation.OwnDocumentsAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def hide_department_reports(request, menu_items):
    if isolation.is_scoped(request.user):
        menu_items[:] = [
            item
            for item in menu_items
            if item.name not in isolation.DEPARTMENT_ONLY_MENU_ITEMS
        ]


# Before Wagtail's own check, so a logged-in outsider gets 403 rather than a login.
hooks.register("before_serve_document", isolation.refuse_private_document, order=-100)
