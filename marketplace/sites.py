"""Which Wagtail site answers a request, remembered per host for a short while.

Wagtail queries the site table on every page request, then loads the root page
twice (as a Page, then as its specific type). Sites change about never, so each
worker keeps the site and its root page's fields for ``SITE_LOOKUP_TTL`` seconds
(0 turns it off). Below the home page, the root page only routes the request (by
its tree and URL paths), so it is rebuilt from memory; the home page itself is
always loaded fresh, as it shows its own fields. Saving or deleting a site
forgets it at once in this process; other workers see the change within the TTL.
"""

import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

_FIELDS = ("pk", "hostname", "port", "site_name", "root_page_id", "is_default_site")
_remembered: dict[tuple[str, str], tuple[float, dict | None]] = {}


def find_site(request) -> Site | None:
    """Wagtail's ``Site.find_for_request`` answer, from memory when fresh.

    A new ``Site`` object is built per request, so nothing one request caches on
    it (its root page, say) leaks into the next.
    """
    ttl = getattr(settings, "SITE_LOOKUP_TTL", 0)
    if not ttl:
        return Site._find_for_request(request)
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    now = time.monotonic()
    entry = _remembered.get(key)
    if entry is None or entry[0] < now:
        site = Site._find_for_request(request)
        _remembered[key] = entry = (now + ttl, _site_fields(site))
    if entry[1] is None:
        return None
    fields = dict(entry[1])
    root = fields.pop("root")
    site = Site(**fields)
    site.remembered_root = root
    return site


def _site_fields(site: Site | None) -> dict | None:
    """What is remembered of a site: its fields and its root page's, by type."""
    if site is None:
        return None
    fields = {f: getattr(site, f) for f in _FIELDS}
    fields["root"] = None
    content_type_id = (
        Page.objects.filter(pk=site.root_page_id)
        .values_list("content_type_id", flat=True)
        .first()
    )
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is not None:
        names = [field.attname for field in model._meta.concrete_fields]
        values = model.objects.filter(pk=site.root_page_id).values_list(*names).first()
        if values is not None:
            fields["root"] = (model, names, values)
    return fields


def load_root_page(site: Site, path: str) -> None:
    """Give ``site`` its root page as its specific type: from memory below it."""
    root = getattr(site, "remembered_root", None)
    if root is None:
        return
    model, names, values = root
    if path.strip("/"):
        site.root_page = model.from_db(DEFAULT_DB_ALIAS, names, values)
        return
    page = model.objects.filter(pk=site.root_page_id).first()
    if page is not None:
        site.root_page = page


class RememberedSiteMiddleware:
    """Page views get the remembered site, with its root page already specific."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Only page views: /healthz/ and the rest never touch the database here.
        if view_func is wagtail_views.serve:
            # Wagtail reads the request's site from this attribute when it is set.
            site = request._wagtail_site = find_site(request)
            if site is not None:
                path = view_args[0] if view_args else view_kwargs.get("path", "")
                load_root_page(site, path)


def forget_sites(**kwargs) -> None:
    """Drop every remembered site (connected to Site's post_save and post_delete)."""
    _remembered.clear()
