"""Takedowns and screening in the admin (catalog/moderation_views.py), mounted
by catalog/wagtail_hooks.py under /quan-tri/kiem-duyet/."""

from django.urls import path

from catalog import moderation_views

app_name = "catalog_moderation"

urlpatterns = [
    path("go-tin/", moderation_views.takedown_index, name="takedowns"),
    path("go-tin/<int:pk>/", moderation_views.takedown_detail, name="takedown"),
    path("tin-bi-an/", moderation_views.own_takedowns, name="own_takedowns"),
    path("tin-bi-an/<int:pk>/khieu-nai/", moderation_views.appeal, name="appeal"),
    path("cho-kiem-duyet/", moderation_views.held_listings, name="held"),
    path("cho-kiem-duyet/<int:pk>/", moderation_views.decide_held, name="decide_held"),
]
