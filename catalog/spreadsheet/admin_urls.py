"""Mounted under the admin at bang-tinh/ by catalog/wagtail_hooks.py."""

from django.urls import path

from catalog.spreadsheet import views

app_name = "catalog_spreadsheet"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("mau.xlsx", views.template, name="template"),
    path("sua-nhanh/", views.quick_edit, name="quick_edit"),
    path("<uuid:upload_id>/", views.detail, name="detail"),
    path("<uuid:upload_id>/tien-do/", views.status, name="status"),
    path("<uuid:upload_id>/nhap/", views.confirm, name="confirm"),
    path("<uuid:upload_id>/bo/", views.discard, name="discard"),
]
