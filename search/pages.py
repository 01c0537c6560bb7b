"""The listings and pictures of category and seller pages, plugged into the listing
port (``marketplace.helpers.listing``) from ``SearchConfig.ready()``.

Category and seller pages list products through ``list_products``, like the
results page and the API: same parameters, cards, sort table and pagination.
"""

from django.http import QueryDict
from django.utils.translation import gettext

from catalog.models.certificates import STAR_LEVELS
from catalog.renditions import COVER_SPECS, LOGO_SPECS, picture, prefetch_renditions
from marketplace.formatting import format_vnd
from marketplace.helpers import listing
from search.params import PAGE_NAMES, SearchParams, sort_options
from search.services import list_products
from sellers.models import SellerType


def query_string(request) -> str:
    """The current parameters without the page number, for pagination links."""
    query = request.GET.copy()
    query.pop(PAGE_NAMES["page"], None)
    return query.urlencode()


def _without(request, name: str, value: str | None = None) -> str:
    """The current query string less one parameter (or one of its values)."""
    query = request.GET.copy()
    query.pop(PAGE_NAMES["page"], None)
    kept = [v for v in query.getlist(name) if value is not None and v != value]
    query.setlist(name, kept)
    return "?" + query.urlencode()


def filter_chips(params: SearchParams, request, communes: list[dict]) -> list[dict]:
    """A removable chip ``{"label", "remove_url"}`` per filter the shopper chose."""
    names = PAGE_NAMES
    types = dict(SellerType.choices)
    places = {bucket["key"]: bucket["label"] for bucket in communes}
    chips = [
        (gettext("%(stars)s sao") % {"stars": star}, names["ocop"], str(star))
        for star in sorted(params.stars)
    ]
    chips += [(types.get(t, t), names["seller_type"], t) for t in params.seller_types]
    chips += [(places.get(c, c), names["commune"], c) for c in params.communes]
    if params.price_min is not None:
        label = gettext("Từ %(price)s") % {"price": format_vnd(params.price_min)}
        chips.append((label, names["price_min"], None))
    if params.price_max is not None:
        label = gettext("Đến %(price)s") % {"price": format_vnd(params.price_max)}
        chips.append((label, names["price_max"], None))
    if params.in_stock:
        chips.append((gettext("Còn hàng"), names["in_stock"], None))
    return [
        {"label": label, "remove_url": _without(request, name, value)}
        for label, name, value in chips
    ]


def category_listing(page, request) -> dict:
    """A category page's filtered, sorted and paginated products."""
    params = SearchParams.from_querydict(
        request.GET, PAGE_NAMES, fixed_category=page.category.slug
    )
    results = list_products(params, facets=("commune",), log=False)
    communes = results.facets["commune"]
    return {
        "results": results,
        "products": results.page_obj,
        "filters": results.params,
        "sort": results.params.effective_sort,
        "sort_options": sort_options(with_relevance=False),
        "seller_type_options": SellerType.choices,
        "star_options": STAR_LEVELS,
        "commune_options": sorted(communes, key=lambda bucket: bucket["label"]),
        "filter_chips": filter_chips(results.params, request, communes),
        "query_string": query_string(request),
        "search_engine": not results.degraded,
    }


def seller_listing(seller, request) -> dict:
    """A seller's products, a page at a time, with its logo and cover."""
    pictures = ({seller.logo_id: LOGO_SPECS}, {seller.cover_image_id: COVER_SPECS})
    # Only the page number: the profile has no filters.
    wanted = QueryDict(mutable=True)
    wanted.setlist(PAGE_NAMES["page"], request.GET.getlist(PAGE_NAMES["page"]))
    # A new seller being previewed has no products yet (and no id to list them by).
    params = SearchParams.from_querydict(
        wanted, PAGE_NAMES, fixed_seller=seller.alias_of_id or seller.pk or 0
    )
    results = list_products(params, facets=(), images=pictures, log=False)
    found = results.renditions
    return {
        "results": results,
        "products": results.page_obj,
        "product_total": results.total,
        "query_string": "",
        "logo": picture(found, seller.logo_id, LOGO_SPECS, ""),
        "cover": picture(found, seller.cover_image_id, COVER_SPECS, ""),
    }


def seller_logos(sellers) -> None:
    """The directory's logo renditions, read in one query."""
    prefetch_renditions([seller.logo for seller in sellers], LOGO_SPECS)


def plug_listing_ports() -> None:
    listing.category_listing.plug(category_listing)
    listing.seller_listing.plug(seller_listing)
    listing.seller_logos.plug(seller_logos)
