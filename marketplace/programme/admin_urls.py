"""The dashboard and its report views (mounted under /quan-tri/chuong-trinh-ocop/)."""

from django.urls import path

from marketplace.programme import reports, views
from marketplace.programme.tables import TABLES

app_name = "programme"

urlpatterns = [path("", views.DashboardView.as_view(), name="dashboard")]
for table in TABLES.values():
    urlpatterns += [
        path(
            f"{table.slug}/",
            reports.ProgrammeReportView.as_view(table=table),
            name=table.key,
        ),
        path(
            f"{table.slug}/ket-qua/",
            reports.ProgrammeReportView.as_view(table=table, results_only=True),
            name=f"{table.key}_results",
        ),
    ]
