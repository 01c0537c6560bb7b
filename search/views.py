"""The results page /tim-kiem/: works without JavaScript; facets are plain links."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from search import services
from search.params import PAGE_NAMES, SearchParams, sort_options


def _url_with(params: SearchParams, request, **changes) -> str:
    """The current query string with some parameters replaced (page reset)."""
    query = request.GET.copy()
    query.pop(PAGE_NAMES["page"], None)
    for name, value in changes.items():
        query.pop(name, None)
        if value not in (None, "", []):
            query.setlist(name, value if isinstance(value, list) else [value])
    return "?" + query.urlencode()


def _facet_links(results, request) -> dict:
    """Each bucket gets the URL that toggles it, so facets work as plain links."""
    names = PAGE_NAMES
    params = results.params
    for facet, buckets in results.facets.items():
        for bucket in buckets:
            if facet == "price":
                if bucket["selected"]:
                    bucket["toggle_url"] = _url_with(
                        params,
                        request,
                        **{names["price_min"]: None, names["price_max"]: None},
                    )
                else:
                    bucket["toggle_url"] = _url_with(
                        params,
                        request,
                        **{
                            names["price_min"]: bucket["low"],
                            names["price_max"]: bucket["high"],
                        },
                    )
                continue
            param = names[facet]
            current = request.GET.getlist(param)
            chosen = (
                [v for v in current if v != bucket["key"]]
                if bucket["selected"]
                else current + [bucket["key"]]
            )
            bucket["toggle_url"] = _url_with(params, request, **{param: chosen})
    return results.facets


def search_page(request):
    params = SearchParams.from_querydict(request.GET, PAGE_NAMES)
    results = services.list_products(params, source="page")
    query = request.GET.copy()
    query.pop(PAGE_NAMES["page"], None)
    context = {
        "params": results.params,
        "results": results,
        "products": results.page_obj,
        "facets": _facet_links(results, request),
        "query_string": query.urlencode(),
        "sort_url": _url_with(params, request, **{PAGE_NAMES["sort"]: None}),
        "suggestion_url": (
            "?" + urlencode({"q": results.suggestion}) if results.suggestion else ""
        ),
        "sort": results.params.effective_sort,
        "sort_options": sort_options(with_relevance=bool(params.q)),
        "has_filters": bool(params.as_log_filters().keys() - {"sort"}),
        "clear_url": "?" + urlencode({"q": params.raw_q}) if params.raw_q else "?",
    }
    response = TemplateResponse(request, "search/search_page.html", context)
    # Private: the page carries the visitor's CSRF token (the language switcher).
    patch_cache_control(response, private=True, max_age=60)
    return response
