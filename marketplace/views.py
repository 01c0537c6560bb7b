"""Liveness and readiness probes."""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# Each readiness check returns None when healthy or a short reason when not.
READINESS_CHECKS = {}


def readiness_check(name):
    def register(func):
        READINESS_CHECKS[name] = func
        return func

    return register


@readiness_check("database")
def _database() -> str | None:
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
    failures = {
        name: reason
        for name, check in READINESS_CHECKS.items()
        if (reason := check()) is not None
    }
    if failures:
        return JsonResponse({"status": "unavailable", "failing": failures}, status=503)
    return JsonResponse({"status": "ok", "checks": sorted(READINESS_CHECKS)})
