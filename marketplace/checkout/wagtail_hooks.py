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

from marketplace.checkout import admin_views


class OrdersMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_orders(request.user)


admin_urlpatterns = [
    path("", admin_views.index, name="index"),
    path("tong-hop-ngay/", admin_views.daily_summary, name="daily_summary"),
    path("<int:pk>/", admin_views.order_detail, name="order"),
    path("<int:pk>/huy/", admin_views.cancel, name="cancel"),
    path("<int:pk>/bo-tam-giu/", admin_views.release_hold, name="release_hold"),
    path("phan/<int:pk>/trang-thai/", admin_views.set_part_status, name="part_status"),
    path(
        "phan/<int:pk>/phieu-dong-goi/", admin_views.packing_slip, name="packing_slip"
    ),
]


@hooks.register("register_admin_urls")
def register_order_urls():
    return [
        path(
            "don-hang/",
            include((admin_urlpatterns, "checkout_admin"), namespace="checkout_admin"),
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
