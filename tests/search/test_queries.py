"""Query builders produce the intended engine bodies (checked through to_dict())."""

import datetime

import pytest

from search.params import API_NAMES, SearchParams
from search.queries import autocomplete, did_you_mean, product_search
from tests.search.utils import QueryDict

# Parsing a query reads the place names of the search intent (cached, from the
# database).
pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 9, 1)


def body(**params):
    parsed = SearchParams.from_querydict(QueryDict(**params), API_NAMES)
    return product_search(parsed, "idx", TODAY).to_dict()


def test_text_query_is_fuzzy_with_a_one_letter_prefix_and_never_query_string():
    query = body(q='kẹo "dừa" AND (x*~')
    text = repr(query)
    assert "'fuzziness': 'AUTO'" in text and "'prefix_length': 1" in text
    assert "query_string" not in text
    assert "title.glued" in text and "title.prefix" in text


def test_relevance_sort_wraps_gentle_boosts_in_function_score():
    query = body(q="keo")["query"]["function_score"]
    assert query["score_mode"] == "multiply"
    assert all(f["weight"] <= 1.1 for f in query["functions"])
    assert {"term": {"in_stock": True}} in [f["filter"] for f in query["functions"]]


def test_facet_filters_go_to_post_filter_and_skip_their_own_aggregation():
    data = body(category=["handicraft", "household"], ocop="4")
    post = data["post_filter"]["bool"]["filter"]
    assert {"terms": {"category": ["handicraft", "household"]}} in post
    category_agg = data["aggs"]["category"]["filter"]["bool"]["filter"]
    assert {"terms": {"category": ["handicraft", "household"]}} not in category_agg
    assert len(category_agg) == 1  # only the OCOP filter
    ocop_agg = data["aggs"]["ocop"]["filter"]["bool"]["filter"]
    assert ocop_agg == [{"terms": {"category": ["handicraft", "household"]}}]


def test_star_filter_means_exactly_that_many_stars_valid_today():
    data = body(ocop="4")
    star = data["post_filter"]["bool"]["filter"][0]["bool"]["should"][0]["bool"]
    assert star["filter"] == [{"range": {"ocop4_until": {"gte": "2025-09-01"}}}]
    assert star["must_not"] == [{"range": {"ocop5_until": {"gte": "2025-09-01"}}}]


def test_empty_query_lists_newest_first_without_scoring():
    data = body(category="handicraft")
    assert data["query"] == {"bool": {"must": [{"match_all": {}}]}}
    assert data["sort"][0] == {"published_at": "desc"}
    assert data["track_total_hits"] is True


def test_paging_and_price_range():
    data = body(page="3", price_min="50000", price_max="100000", sort="price_asc")
    assert data["from"] == 48 and data["size"] == 24
    assert {"range": {"price_vnd": {"gte": 50000, "lte": 100000}}} in data[
        "post_filter"
    ]["bool"]["filter"]
    assert data["sort"][0] == {"price_vnd": "asc"}


def test_bad_parameters_are_ignored_not_errors():
    parsed = SearchParams.from_querydict(
        QueryDict(ocop=["7", "x", "4"], page="-3", sort="drop", price_min="abc"),
        API_NAMES,
    )
    assert parsed.stars == (4,) and parsed.page == 1
    assert parsed.sort == "newest" and parsed.price_min is None


def test_suggestions_and_autocomplete_use_folded_text():
    suggest = did_you_mean("Kẹo Chuooi", "idx").to_dict()["suggest"]["did_you_mean"]
    assert suggest["text"] == "keo chuooi"
    assert suggest["phrase"]["collate"]["prune"] is False
    query = autocomplete("Bánh tr", "a,b").to_dict()
    assert {
        "match": {"title.prefix": {"query": "banh tr", "operator": "and"}}
    } in query["query"]["bool"]["should"]
