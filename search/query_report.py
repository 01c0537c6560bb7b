"""What shoppers searched for, grouped by folded query: the search report's and the
programme dashboard's one source."""

import datetime

from django.db.models import Avg, Count, Max, Q, QuerySet
from django.utils import timezone

from search.models import SearchQueryLog


def searches_since(days: int) -> QuerySet:
    """Logged searches of the last ``days`` days that had a query."""
    since = timezone.now() - datetime.timedelta(days=days)
    return SearchQueryLog.objects.filter(created_at__gte=since).exclude(query_folded="")


def top_queries(logs: QuerySet) -> QuerySet:
    """Queries by number of searches (then alphabetically), one row per folded query."""
    return (
        logs.values("query_folded")
        .annotate(
            searches=Count("pk"),
            avg_results=Avg("result_count"),
            last_seen=Max("created_at"),
            example=Max("query"),
        )
        .order_by("-searches", "query_folded")
    )


def zero_result_queries(logs: QuerySet) -> QuerySet:
    """Queries that found nothing, most searched first."""
    return (
        logs.filter(result_count=0)
        .values("query_folded")
        .annotate(
            searches=Count("pk"),
            last_seen=Max("created_at"),
            example=Max("query"),
        )
        .order_by("-searches", "query_folded")
    )


def summary(logs: QuerySet) -> dict:
    return logs.aggregate(
        total=Count("pk"),
        zero=Count("pk", filter=Q(result_count=0)),
        degraded=Count("pk", filter=Q(degraded=True)),
        avg_ms=Avg("took_ms"),
    )
