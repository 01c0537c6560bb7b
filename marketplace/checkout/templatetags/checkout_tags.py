"""Money formatting and the cart count for checkout templates."""

from django import template

from marketplace.formatting import format_vnd

register = template.Library()


@register.filter
def vnd(amount) -> str:
    return format_vnd(amount)


@register.simple_tag(takes_context=True)
def cart_count(context) -> int:
    from marketplace.checkout.cart import SESSION_KEY

    request = context.get("request")
    if request is None or not hasattr(request, "session"):
        return 0
    return sum(int(v) for v in (request.session.get(SESSION_KEY) or {}).values())
