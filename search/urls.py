from django.urls import path

from search import api, views

urlpatterns = [
    path("tim-kiem/", views.search_page, name="search"),
    path("api/search/", api.search_api, name="search_api"),
    path("api/suggest/", api.suggest_api, name="suggest_api"),
]
