"""The cart count in the site header. Money is formatted by catalog_tags' `vnd`."""

from django import template

from marketplace.checkout.cart import SESSION_KEY

register = template.Library()


@register.simple_tag(takes_context=True)
def cart_count(context) -> int:
    request = context.get("request")
    if request is None or not hasattr(request, "session"):
        return 0
    return sum(int(v) for v in (request.session.get(SESSION_KEY) or {}).values())
