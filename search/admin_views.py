"""The search report: what shoppers look for, and what they do not find."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Max, Q
from django.shortcuts import render
from django.utils import timezone

from search.models import SearchQueryLog

PERIODS = (7, 30, 90)


def search_report(request):
    if not request.user.has_perm("search.view_searchquerylog"):
        raise PermissionDenied
    try:
        days = int(request.GET.get("ngay", 30))
    except ValueError:
        days = 30
    days = days if days in PERIODS else 30
    since = timezone.now() - datetime.timedelta(days=days)
    logs = SearchQueryLog.objects.filter(created_at__gte=since).exclude(query_folded="")
    grouped = (
        logs.values("query_folded")
        .annotate(
            searches=Count("pk"),
            avg_results=Avg("result_count"),
            last_seen=Max("created_at"),
            example=Max("query"),
        )
        .order_by("-searches", "query_folded")
    )
    summary = logs.aggregate(
        total=Count("pk"),
        zero=Count("pk", filter=Q(result_count=0)),
        degraded=Count("pk", filter=Q(degraded=True)),
        avg_ms=Avg("took_ms"),
    )
    return render(
        request,
        "search/admin/search_report.html",
        {
            "top_queries": grouped[:50],
            "zero_queries": (
                logs.filter(result_count=0)
                .values("query_folded")
                .annotate(
                    searches=Count("pk"),
                    last_seen=Max("created_at"),
                    example=Max("query"),
                )
                .order_by("-searches", "query_folded")[:50]
            ),
            "summary": summary,
            "days": days,
            "periods": PERIODS,
        },
    )
