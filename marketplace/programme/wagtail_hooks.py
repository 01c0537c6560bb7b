"""The dashboard in the department's "Sở Công Thương" menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from marketplace.programme import admin_urls
from sellers.services import is_department

# The shell's "Sở Công Thương" menu (marketplace/wagtail_hooks.py) takes these items.
DEPARTMENT_MENU_HOOK = "register_department_menu_item"


class DepartmentMenuItem(MenuItem):
    def is_shown(self, request):
        return is_department(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("chuong-trinh-ocop/", include(admin_urls, namespace="programme"))]


@hooks.register(DEPARTMENT_MENU_HOOK)
def register_dashboard_menu_item():
    return DepartmentMenuItem(
        _("Chương trình OCOP"),
        reverse("programme:dashboard"),
        name="programme_dashboard",
        icon_name="table",
        order=1,
    )
