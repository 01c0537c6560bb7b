"""Liveness and readiness probes."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

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
