"""The results page /tim-kiem/: works without JavaScript; facets are plain links."""

from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from search import services
from search.params import PAGE_NAMES, SearchParams, sort_options
from search.results import phrase_label


def _url_with(params: SearchParams, request, **changes) -> str:
    """The current query string with some parameters replaced (page reset)."""
    query = request.GET.copy()
    query.pop(PAGE_NAMES["page"], None)
    for name, value in changes.items():
        query.pop(name, None)
        if value not in (None, "", []):
            query.setlist(name, value if isinstance(value, list) else [value])
    return "?" + query.urlencode()


def _intent_chips(params: SearchParams, request) -> list[dict]:
    """A removable chip per filter the query's words became.

    Its link drops those words from ``q``, so the filter is not read again.
    """
    intent = params.understood.intent
    chips = []
    for phrase in params.understood.phrases:
        text = intent.text_without(intent.phrases.index(phrase))
        chips.append(
            {
                "phrase": phrase,
                "label": phrase_label(phrase),
                "remove_url": _url_with(params, request, q=text),
            }
        )
    return chips


def _intent_links(chips: list[dict], request) -> dict[tuple[str, str], str]:
    """``(facet, key) -> chip link`` for facet values the query's words selected
    (unticking them must remove the words, or they would select them again)."""
    links = {}
    for chip in chips:
        phrase = chip["phrase"]
        keys = [str(s) for s in phrase.stars] if phrase.kind == "ocop" else []
        if phrase.place:
            keys = list(phrase.place.codes)
        facet = {"ocop": "ocop", "commune": "commune"}.get(phrase.kind, "price")
        given = request.GET.getlist(PAGE_NAMES[facet]) if facet != "price" else []
        for key in keys or [""]:
            if key not in given:
                links[(facet, key)] = chip["remove_url"]
    return links


def _facet_links(results, request, intent_links=None) -> dict:
    """Each bucket gets the URL that toggles it, so facets work as plain links."""
    names = PAGE_NAMES
    params = results.params
    intent_links = intent_links or {}
    for facet, buckets in results.facets.items():
        for bucket in buckets:
            chip_url = intent_links.get(
                (facet, "" if facet == "price" else bucket["key"])
            )
            if bucket["selected"] and chip_url:
                bucket["toggle_url"] = chip_url
                continue
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


def _facet_chips(facets: dict, chips: list[dict]) -> list[dict]:
    """A removable chip per facet value the shopper ticked (those the query's words
    selected already have their own chip)."""
    taken = {chip["remove_url"] for chip in chips}
    return [
        {"label": bucket["label"], "remove_url": bucket["toggle_url"]}
        for buckets in facets.values()
        for bucket in buckets
        if bucket["selected"] and bucket["toggle_url"] not in taken
    ]


def search_page(request):
    params = SearchParams.from_querydict(request.GET, PAGE_NAMES)
    results = services.list_products(params, source="page")
    chips = _intent_chips(results.params, request)
    facets = _facet_links(results, request, _intent_links(chips, request))
    query = request.GET.copy()
    query.pop(PAGE_NAMES["page"], None)
    context = {
        "params": results.params,
        "results": results,
        "products": results.page_obj,
        "facets": facets,
        "intent_chips": chips,
        "facet_chips": _facet_chips(facets, chips),
        "query_string": query.urlencode(),
        "sort_url": _url_with(params, request, **{PAGE_NAMES["sort"]: None}),
        "suggestion_url": (
            "?" + urlencode({"q": results.suggestion}) if results.suggestion else ""
        ),
        "sort": results.params.effective_sort,
        "sort_options": sort_options(with_relevance=bool(params.q)),
        "has_filters": bool(params.as_log_filters().keys() - {"sort"}),
        # The text alone: the words that named filters are filters too.
        "clear_url": "?" + urlencode({"q": params.q}) if params.q else "?",
    }
    response = TemplateResponse(request, "search/search_page.html", context)
    # Private: the page carries the visitor's CSRF token (the language switcher).
    patch_cache_control(response, private=True, max_age=60)
    return response
