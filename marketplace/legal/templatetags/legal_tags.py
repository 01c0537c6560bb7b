from django import template

from marketplace.legal.disclosures import footer_disclosures

register = template.Library()


@register.simple_tag(takes_context=True)
def legal_footer(context) -> dict:
    """The owner's information and the policy links for the footer."""
    return footer_disclosures(context.get("request"))
