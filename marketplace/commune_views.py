"""Commune pages: /xa-phuong/ (communes with producers) and /xa-phuong/<slug>/."""

from django.shortcuts import get_object_or_404, render

from marketplace import communes
from sellers.models import AdminUnit


def commune_index(request):
    return render(
        request,
        "marketplace/commune_index.html",
        {
            "communes": communes.communes_with_producers(),
            "crumbs": communes.commune_crumbs(),
        },
    )


def commune_page(request, slug: str):
    unit = get_object_or_404(AdminUnit, slug=slug)
    return render(
        request,
        "marketplace/commune_page.html",
        communes.commune_context(unit, request),
    )
