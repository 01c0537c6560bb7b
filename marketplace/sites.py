"""Which Wagtail site answers a request, remembered per host for a short while.

Wagtail queries the site table on every page request, then loads the root page
twice (as a Page, then as its specific type). Sites change about never, so each
worker keeps the site and its root page's type for ``SITE_LOOKUP_TTL`` seconds
(0 turns it off) and loads the root page once, already specific, for page views.
Saving or deleting a site forgets it at once in this process; other workers see
the change within the TTL.
"""

import time

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
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
        fields = None
        if site is not None:
            fields = {f: getattr(site, f) for f in _FIELDS}
            fields["root_content_type_id"] = (
                Page.objects.filter(pk=site.root_page_id)
                .values_list("content_type_id", flat=True)
                .first()
            )
        _remembered[key] = entry = (now + ttl, fields)
    if entry[1] is None:
        return None
    fields = dict(entry[1])
    root_content_type_id = fields.pop("root_content_type_id")
    site = Site(**fields)
    site.root_content_type_id = root_content_type_id
    return site


def load_root_page(site: Site) -> None:
    """Give ``site`` its root page as its specific type, in one query."""
    content_type_id = getattr(site, "root_content_type_id", None)
    if content_type_id is None:
        return
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    root = model.objects.filter(pk=site.root_page_id).first() if model else None
    if root is not None:
        site.root_page = root


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
                load_root_page(site)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs) -> None:
    _remembered.clear()
