"""Admin wiring for sellers: the department's verification permission in the group
editor. Page-level rights (each seller edits only its own subtree, never publishes)
come from the groups sellers.services creates; the department's group comes from
marketplace.site_setup."""

from django.contrib.auth.models import Permission
from wagtail import hooks


@hooks.register("register_permissions")
def register_seller_verification_permission():
    return Permission.objects.filter(
        content_type__app_label="sellers", codename="verify_seller"
    )
