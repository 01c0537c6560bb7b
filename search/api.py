"""JSON API: /api/search/ and /api/suggest/ (documented in docs/search-api.md)."""

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from search import services
from search.params import API_NAMES, SearchParams


def _json(payload: dict, max_age: int) -> JsonResponse:
    response = JsonResponse(payload, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=max_age)
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def search_api(request):
    params = SearchParams.from_querydict(request.GET, API_NAMES)
    results = services.list_products(params, source="api")
    return _json(results.api_payload(), max_age=60)


@require_GET
def suggest_api(request):
    suggestions = services.suggest(request.GET.get("q", "")[:200])
    return _json({"suggestions": suggestions}, max_age=300)
