from django.urls import path

from sellers import admin_views

urlpatterns = [
    path("<int:pk>/", admin_views.review, name="seller_application_review"),
    path("nguoi-ban/<int:pk>/", admin_views.seller_record, name="seller_record"),
    path(
        "<int:pk>/giay-dang-ky/",
        admin_views.document,
        name="seller_application_document",
    ),
]
