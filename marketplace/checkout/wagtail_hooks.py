"""Orders in the Wagtail admin: a menu item for sellers and the department."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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
