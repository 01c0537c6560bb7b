"""Liveness and readiness probes; robots.txt."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from marketplace.helpers import readiness

logger = logging.getLogger(__name__)


def database_check() -> str | None:
    """Readiness of the database: one round trip."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("readiness: database unreachable")
        return "unreachable"
    return None


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    failures = readiness.failures()
    if failures:
        return JsonResponse({"status": "unavailable", "failing": failures}, status=503)
    return JsonResponse({"status": "ok", "checks": sorted(readiness.checks())})


# Private or per-visitor paths crawlers have no use for: the admin, the cart,
# checkout, orders and the JSON API. Search result pages stay crawlable: they say
# "noindex" themselves, which a crawler only reads if it may fetch them.
ROBOTS_DISALLOWED = ("/quan-tri/", "/gio-hang/", "/thanh-toan/", "/don-hang/", "/api/")


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Allow: /",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    text = "\n".join(lines) + "\n"
    return HttpResponse(text, content_type="text/plain; charset=utf-8")
