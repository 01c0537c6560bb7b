"""The search report: what shoppers look for, and what they do not find."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from search import query_report

PERIODS = (7, 30, 90)


def search_report(request):
    if not request.user.has_perm("search.view_searchquerylog"):
        raise PermissionDenied
    try:
        days = int(request.GET.get("ngay", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    logs = query_report.searches_since(days)
    return render(
        request,
        "search/admin/search_report.html",
        {
            "top_queries": query_report.top_queries(logs)[:50],
            "zero_queries": query_report.zero_result_queries(logs)[:50],
            "summary": query_report.summary(logs),
            "days": days,
            "periods": PERIODS,
        },
    )
