"""Commune pages ("One Commune One Product"): each commune's producers and products.

The products come through the one listing pipeline (``search.services``), filtered
by the commune; the producers' logos are read with the cards' renditions, in the
same query.
"""

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Site

from catalog.cards import page_url
from catalog.renditions import LOGO_SPECS, picture
from search.params import PAGE_NAMES, PAGE_SIZE, SearchParams
from search.services import list_products
from sellers.models import AdminUnit
from sellers.visibility import public_sellers


def communes_with_producers() -> QuerySet[AdminUnit]:
    """Communes with at least one live producer, with producer and product counts."""
    return (
        AdminUnit.objects.annotate(
            producer_count=Count(
                "sellers", filter=Q(sellers__live=True), distinct=True
            ),
            product_count=Count(
                "sellers__products",
                filter=Q(sellers__live=True, sellers__products__live=True),
                distinct=True,
            ),
        )
        .filter(producer_count__gt=0)
        .order_by("name")
    )


def commune_context(unit: AdminUnit, request, page_size: int = PAGE_SIZE) -> dict:
    """A commune's live, public producers and a page of its products."""
    sellers = list(
        public_sellers()
        .filter(commune=unit)
        .select_related("commune")
        .order_by("title")
    )
    # Only the page number: the commune page has no filters.
    wanted = QueryDict(mutable=True)
    wanted.setlist(PAGE_NAMES["page"], request.GET.getlist(PAGE_NAMES["page"]))
    params = SearchParams.from_querydict(
        wanted, PAGE_NAMES, communes=(unit.code,), page_size=page_size
    )
    logos = {seller.logo_id: LOGO_SPECS for seller in sellers}
    results = list_products(params, facets=(), images=(logos,), log=False)
    root_paths = Site.get_site_root_paths()
    producers = [
        {
            "seller": seller,
            "url": page_url(seller.url_path, root_paths),
            "logo": picture(results.renditions, seller.logo_id, LOGO_SPECS, ""),
        }
        for seller in sellers
    ]
    return {
        "commune": unit,
        "producers": producers,
        "results": results,
        "products": results.page_obj,
        "product_total": results.total,
        "query_string": "",
        "crumbs": commune_crumbs(unit),
    }


def commune_crumbs(unit: AdminUnit | None = None) -> list[dict]:
    """Trang chủ › Xã/phường › the commune, for ``components/breadcrumbs.html``."""
    crumbs = [
        {"name": gettext("Trang chủ"), "url": "/"},
        {"name": gettext("Xã, phường OCOP"), "url": reverse("commune_index")},
    ]
    if unit is not None:
        crumbs.append({"name": unit.full_name, "url": unit.get_absolute_url()})
    return crumbs
