from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def cell(row, field):
    """A table cell's value, linked when its field links (the product's edit page)."""
    value = getattr(row, field.name)
    if field.link:
        return format_html('<a href="{}">{}</a>', field.link(row), value)
    return value
