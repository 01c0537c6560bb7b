"""The orders' admin pages (mounted under /quan-tri/don-hang/ by wagtail_hooks)."""

from django.urls import path

from marketplace.checkout import admin_views, tax_views

urlpatterns = [
    path("", admin_views.index, name="index"),
    path("tong-hop-ngay/", admin_views.daily_summary, name="daily_summary"),
    path("<int:pk>/", admin_views.order_detail, name="order"),
    path("<int:pk>/huy/", admin_views.cancel, name="cancel"),
    path("<int:pk>/bo-tam-giu/", admin_views.release_hold, name="release_hold"),
    path("phan/<int:pk>/trang-thai/", admin_views.set_part_status, name="part_status"),
    path(
        "phan/<int:pk>/phieu-dong-goi/", admin_views.packing_slip, name="packing_slip"
    ),
    path("khau-tru-thue/", tax_views.TaxReportView.as_view(), name="tax_report"),
    path(
        "khau-tru-thue/ket-qua/",
        tax_views.TaxReportView.as_view(results_only=True),
        name="tax_report_results",
    ),
    path("khau-tru-thue/bang-ke/", tax_views.my_statement, name="my_tax_statement"),
    path(
        "khau-tru-thue/bang-ke/<int:pk>/",
        tax_views.TaxStatementView.as_view(),
        name="tax_statement",
    ),
    path(
        "khau-tru-thue/bang-ke/<int:pk>/ket-qua/",
        tax_views.TaxStatementView.as_view(results_only=True),
        name="tax_statement_results",
    ),
]
