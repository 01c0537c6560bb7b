"""The complaints' admin pages (mounted under /quan-tri/khieu-nai/ by wagtail_hooks)."""

from django.urls import path

from marketplace.complaints import admin_views

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/hoi-nguoi-ban/", admin_views.ask, name="ask"),
    path("<int:pk>/tra-loi/", admin_views.reply, name="reply"),
    path("<int:pk>/ket-luan/", admin_views.decide, name="decide"),
    path("anh/<int:pk>/", admin_views.photo, name="photo"),
]
