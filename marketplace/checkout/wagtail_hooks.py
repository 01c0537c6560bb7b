"""Orders in the Wagtail admin: a menu item for sellers and the department, and
the outbox's task log (emails and refunds, failed attempts with their error) for
the department."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from marketplace.checkout import admin_urls, admin_views, tax_views
from marketplace.checkout.dashboard import OrdersToHandlePanel
from marketplace.checkout.models import TaxRate
from sellers.services import is_department, sellers_for_request

# The shell's "Sở Công Thương" menu takes the items registered with this hook.
DEPARTMENT_MENU_HOOK = "register_department_menu_item"


class OrdersMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_orders(request.user)


class DepartmentMenuItem(MenuItem):
    def is_shown(self, request):
        return is_department(request.user)


class TaxStatementMenuItem(MenuItem):
    def is_shown(self, request):
        return tax_views.can_see_statement(request.user)


@hooks.register("register_admin_urls")
def register_order_urls():
    return [
        path(
            "don-hang/",
            include((admin_urls, "checkout_admin"), namespace="checkout_admin"),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_orders_menu_item():
    return OrdersMenuItem(
        _("Đơn hàng"),
        reverse("checkout_admin:index"),
        name="orders",
        icon_name="list-ul",
        order=250,
    )


@hooks.register(DEPARTMENT_MENU_HOOK)
def register_tax_report_menu_item():
    return DepartmentMenuItem(
        _("Khấu trừ thuế"),
        reverse("checkout_admin:tax_report"),
        name="tax_report",
        icon_name="table",
        order=600,
    )


@hooks.register("register_admin_menu_item")
def register_tax_statement_menu_item():
    return TaxStatementMenuItem(
        _("Khấu trừ thuế"),
        reverse("checkout_admin:my_tax_statement"),
        name="tax_statement",
        icon_name="table",
        order=255,
    )


class TaxRateViewSet(SnippetViewSet):
    """The withholding rates (Decree 117/2025), kept by the department; a new row
    with a later start date changes the rate from that day on."""

    model = TaxRate
    icon = "table"
    menu_label = _("Thuế suất khấu trừ")
    menu_order = 610
    add_to_admin_menu = True
    menu_hook = DEPARTMENT_MENU_HOOK
    list_display = [
        "kind",
        Column("rate", label=_("Thuế suất (%)")),
        DateColumn("valid_from", label=_("Áp dụng từ ngày")),
        "note",
    ]
    list_filter = ["kind"]
    ordering = ["kind", "-valid_from"]


register_snippet(TaxRateViewSet)


class OutboxTaskViewSet(ModelViewSet):
    """Every email and refund the outbox ran or will run; a failed attempt keeps its
    error and traceback, and the next attempt appears as a new, waiting row."""

    model = DBTaskResult  # read-only for the department: permissions.py
    icon = "mail"
    menu_label = _("Hàng đợi gửi đi")
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_enabled = True
    form_fields = ["status"]  # never shown: the policy refuses add and change
    list_filter = ["status"]
    list_display = [
        Column("task_name", label=_("Việc")),
        Column("status", label=_("Trạng thái"), accessor="get_status_display"),
        Column("args_kwargs", label=_("Tham số")),
        DateColumn("enqueued_at", label=_("Xếp hàng lúc")),
        DateColumn("run_after", label=_("Chạy sau")),
        DateColumn("finished_at", label=_("Xong lúc")),
        Column("exception_class_path", label=_("Lỗi")),
    ]
    inspect_view_fields = [
        "task_path",
        "status",
        "args_kwargs",
        "enqueued_at",
        "run_after",
        "started_at",
        "finished_at",
        "exception_class_path",
        "traceback",
    ]


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxTaskViewSet("hang_doi_gui_di", url_prefix="hang-doi-gui-di")


@hooks.register("construct_homepage_panels")
def add_orders_to_handle_panel(request, panels):
    """A seller editor's dashboard lists the orders waiting for it."""
    seller_ids = sellers_for_request(request)
    if seller_ids:
        panels.append(OrdersToHandlePanel(seller_ids))
