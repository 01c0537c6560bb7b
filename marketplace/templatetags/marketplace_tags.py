"""Tags of the site shell: the menu, the footer, the language switcher, the
breadcrumbs, the canonical link."""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from catalog.structured_data import breadcrumb_list
from catalog.templatetags.catalog_tags import json_ld
from marketplace.breadcrumbs import breadcrumb_trail
from marketplace.helpers.fragments import SHELL, render_alone
from marketplace.legal.disclosures import footer_disclosures
from marketplace.navigation import main_navigation as menu_entries
from search.params import PAGE_NAMES

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context, template_name: str) -> str:
    """The menu entries drawn by ``template_name`` (the phone's menu, the wide
    screen's bar), the current section marked; rendered once per worker for
    each state of the menu."""
    request = context.get("request")
    items = menu_entries(request)
    path = getattr(request, "path", "")
    current = path if any(item["url"] == path for item in items) else ""
    return SHELL.remembered(
        template_name,
        (items, current),
        lambda: render_alone(
            context, template_name, {"nav_items": items, "current_url": current}
        ),
    )


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    """The footer (owner's disclosures, policies, links), rendered once per
    worker for each state of what it shows."""
    request = context.get("request")
    values = {"legal": footer_disclosures(request), "nav_items": menu_entries(request)}
    return SHELL.remembered(
        "site_footer",
        (values["legal"], values["nav_items"]),
        lambda: render_alone(context, "components/site_footer.html", values),
    )


@register.simple_tag(takes_context=True)
def language_switcher(context) -> str:
    """The language form, rendered once per page although the header shows it
    twice (the phone's menu and the wide screen's bar)."""
    key = "language_switcher"
    if key not in context.render_context:
        template_ = context.template.engine.get_template(
            "components/language_switcher.html"
        )
        context.render_context[key] = mark_safe(template_.render(context))
    return context.render_context[key]


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
