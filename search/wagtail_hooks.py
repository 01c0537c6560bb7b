"""Admin: the search report (top queries and queries that found nothing)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [
        path(
            "bao-cao/tim-kiem/",
            admin_views.search_report,
            name="search_report",
        )
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchquerylog")


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Từ khoá tìm kiếm"),
        reverse("search_report"),
        icon_name="search",
        order=900,
    )
