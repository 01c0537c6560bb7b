from django.urls import path

from marketplace.complaints import views

app_name = "complaints"

urlpatterns = [
    path("", views.file, name="file"),
    path("theo-doi/", views.follow, name="follow"),
    path("<str:reference>/", views.status, name="status"),
]
