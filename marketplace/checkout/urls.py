from django.urls import path

from marketplace.checkout import views, webhooks

app_name = "checkout"

urlpatterns = [
    path("gio-hang/", views.cart_detail, name="cart"),
    path("gio-hang/them/", views.cart_add, name="cart_add"),
    path("gio-hang/cap-nhat/", views.cart_update, name="cart_update"),
    path("gio-hang/xoa/", views.cart_remove, name="cart_remove"),
    path("thanh-toan/", views.checkout, name="checkout"),
    path(
        "thanh-toan/<str:reference>/thanh-cong/",
        views.checkout_success,
        name="success",
    ),
    path(
        "thanh-toan/<str:reference>/chua-thanh-toan/",
        views.checkout_cancelled,
        name="cancelled",
    ),
    path("thanh-toan/<str:reference>/thu-lai/", views.retry_payment, name="retry"),
    path("don-hang/", views.order_lookup, name="order_lookup"),
    path("don-hang/<str:reference>/", views.order_detail, name="order"),
    path(
        "don-hang/<str:reference>/mo/<str:token>/", views.order_link, name="order_link"
    ),
    path("stripe/webhook/", webhooks.stripe_webhook, name="stripe_webhook"),
]
