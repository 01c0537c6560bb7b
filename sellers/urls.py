from django.urls import path

from sellers import views

app_name = "sellers"

urlpatterns = [
    path("", views.apply, name="apply"),
    path(
        "<str:reference>/",
        views.application_status,
        name="application_status",
    ),
]
