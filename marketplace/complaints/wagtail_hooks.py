"""Complaints in the Wagtail admin: an item under "Sở Công Thương" for the
department, a top-level item for sellers (their own cases only)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from marketplace.complaints import admin_urls
from sellers.services import is_department, sellers_for_user

# The shell's "Sở Công Thương" menu takes the items registered with this hook.
DEPARTMENT_MENU_HOOK = "register_department_menu_item"


class DepartmentComplaintsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_department(request.user)


class SellerComplaintsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return not is_department(user) and bool(sellers_for_user(user))


@hooks.register("register_admin_urls")
def register_complaint_urls():
    return [
        path(
            "khieu-nai/",
            include((admin_urls, "complaints_admin"), namespace="complaints_admin"),
        )
    ]


@hooks.register(DEPARTMENT_MENU_HOOK)
def register_department_complaints_menu_item():
    return DepartmentComplaintsMenuItem(
        _("Khiếu nại"),
        reverse("complaints_admin:index"),
        name="complaints",
        icon_name="warning",
        order=150,
    )


@hooks.register("register_admin_menu_item")
def register_seller_complaints_menu_item():
    return SellerComplaintsMenuItem(
        _("Khiếu nại"),
        reverse("complaints_admin:index"),
        name="my_complaints",
        icon_name="warning",
        order=256,
    )
