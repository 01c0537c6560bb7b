"""Public URLs of the catalogue outside its page tree (included by the shell)."""

from django.urls import path

from catalog import views

urlpatterns = [
    path("qr/<int:product_id>.png", views.product_qr_png, name="product_qr_png"),
    path("qr/<int:product_id>.svg", views.product_qr_svg, name="product_qr_svg"),
]
