"""Admin: the search report (top queries and queries that found nothing)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("bao-cao/tim-kiem/", include(admin_urls, namespace="search_admin"))]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchquerylog")


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Từ khoá tìm kiếm"),
        reverse("search_admin:report"),
        icon_name="search",
        order=900,
    )
