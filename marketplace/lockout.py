"""The page an admin login gets while django-axes holds it locked (status 429)."""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


def locked_out(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a Vietnamese page saying how long to wait."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    response = render(request, "marketplace/lockout.html", context, status=429)
    add_never_cache_headers(response)
    return response
