"""The search app's admin pages, mounted under the admin by search/wagtail_hooks.py."""

from django.urls import path

from search import admin_views

app_name = "search_admin"

urlpatterns = [
    path("", admin_views.search_report, name="report"),
]
