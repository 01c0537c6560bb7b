"""Tags of the site shell: the site menu, the breadcrumbs, the canonical link."""

from django import template
from django.conf import settings

from catalog.structured_data import breadcrumb_list
from catalog.templatetags.catalog_tags import json_ld
from marketplace.breadcrumbs import breadcrumb_trail
from marketplace.navigation import main_navigation as menu_entries
from search.params import PAGE_NAMES

register = template.Library()


@register.simple_tag(takes_context=True)
def main_navigation(context):
    return menu_entries(context.get("request"))


def _trail(context):
    """The trail of the context's page, worked out once per render."""
    key = "breadcrumb_trail"
    if key not in context.render_context:
        context.render_context[key] = breadcrumb_trail(
            context.get("page"), context.get("request")
        )
    return context.render_context[key]


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """``<nav class="breadcrumbs">`` for the page: Trang chủ › … › the page."""
    return {"crumbs": _trail(context)}


@register.simple_tag(takes_context=True)
def breadcrumbs_json_ld(context):
    """The same trail as schema.org ``BreadcrumbList`` JSON-LD."""
    crumbs = _trail(context)
    return json_ld(breadcrumb_list(crumbs, context.get("request"))) if crumbs else ""


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's own absolute URL: no filters, sort or tracking parameters, only
    the page number of a listing past its first page. Built from the request the
    page answered, so it costs no query."""
    request = context["request"]
    url = request.build_absolute_uri(request.path)
    number = getattr(context.get("products"), "number", 1)
    if isinstance(number, int) and number > 1:
        url += f"?{PAGE_NAMES['page']}={number}"
    return url


@register.simple_tag
def admin_site_name() -> str:
    """The admin's title: WAGTAIL_SITE_NAME, never Wagtail's own name."""
    return settings.WAGTAIL_SITE_NAME
