"""The catalogue's admin pages, mounted under the admin by catalog/wagtail_hooks.py."""

from django.urls import path

from catalog import admin_views

app_name = "catalog_labels"

urlpatterns = [
    path("", admin_views.label_sheet, name="index"),
    path("pdf/", admin_views.label_sheet_download, name="pdf"),
]
