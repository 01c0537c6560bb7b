"""Search intent: star levels, prices and places typed in the query become filters."""

import csv
from urllib.parse import parse_qs, urlsplit

import pytest

from search import services
from search.intent import CHEAP_MAX, parse, place_table
from search.models import SearchQueryLog
from search.params import API_NAMES, SearchParams
from sellers.models import AdminUnit
from tests.search.utils import QueryDict

UNITS_CSV = AdminUnit._meta.apps.get_app_config("sellers").path + (
    "/data/vinhlong_units_2025.csv"
)


@pytest.fixture(scope="module")
def places():
    with open(UNITS_CSV, encoding="utf-8") as handle:
        rows = [
            (r["admin_code"], r["name"], r["full_name"], r["former_district_hint"])
            for r in csv.DictReader(handle)
        ]
    return place_table(rows)


LONG_HO = ("29557", "29584", "29590", "29593", "29602", "29611")
# query -> (text left, stars, (price_min, price_max), communes)
CASES = [
    ("ocop 4 sao", ("", (4,), (None, None), ())),
    ("4 sao", ("", (4,), (None, None), ())),
    ("5 sao", ("", (5,), (None, None), ())),
    ("OCOP 5 SAO", ("", (5,), (None, None), ())),
    ("kẹo dừa 3 sao", ("kẹo dừa", (3,), (None, None), ())),
    ("keo 4*", ("keo", (4,), (None, None), ())),
    ("từ 4 sao", ("", (5, 4), (None, None), ())),
    ("4 sao trở lên", ("", (5, 4), (None, None), ())),
    ("bánh pía ocop", ("bánh pía", (5, 4, 3), (None, None), ())),
    ("2 sao", ("2 sao", (), (None, None), ())),
    ("dưới 100k", ("", (), (None, 100_000), ())),
    ("duoi 100k", ("", (), (None, 100_000), ())),
    ("dưới 100.000đ", ("", (), (None, 100_000), ())),
    ("dưới 100 nghìn", ("", (), (None, 100_000), ())),
    ("dưới 100", ("", (), (None, 100_000), ())),
    ("< 50k", ("", (), (None, 50_000), ())),
    ("<50k", ("", (), (None, 50_000), ())),
    ("trên 200k", ("", (), (200_000, None), ())),
    ("giá trên 1,5tr", ("", (), (1_500_000, None), ())),
    ("từ 50k đến 100k", ("", (), (50_000, 100_000), ())),
    ("tu 50 den 100k", ("", (), (50_000, 100_000), ())),
    ("50k-100k", ("", (), (50_000, 100_000), ())),
    ("từ 50k", ("", (), (50_000, None), ())),
    ("giá rẻ", ("", (), (None, CHEAP_MAX), ())),
    ("nước mắm giá rẻ", ("nước mắm", (), (None, CHEAP_MAX), ())),
    ("nước mắm 40 độ", ("nước mắm 40 độ", (), (None, None), ())),
    ("tủ 50", ("tủ 50", (), (None, None), ())),
    ("từ 50", ("", (), (50_000, None), ())),
    ("Thạnh Phú", ("", (), (None, None), ("29182",))),
    ("phú khương", ("", (), (None, None), ("28756",))),
    ("phuong phu khuong", ("", (), (None, None), ("28756",))),
    ("Phường Phú Khương 4 sao", ("", (4,), (None, None), ("28756",))),
    ("kẹo dừa xã phú khương", ("kẹo dừa", (), (None, None), ("28756",))),
    ("kẹo dừa ở Phú Khương", ("kẹo dừa", (), (None, None), ("28756",))),
    # A bare place next to product words is the product's origin: text.
    ("cam sành tam bình", ("cam sành tam bình", (), (None, None), ())),
    ("tam binh", ("", (), (None, None), ("29719",))),
    ("huyện long hồ", ("", (), (None, None), LONG_HO)),
    ("nón lá huyện Long Hồ", ("nón lá", (), (None, None), LONG_HO)),
    (
        "vung liem",
        (
            "",
            (),
            (None, None),
            ("29659", "29668", "29677", "29683", "29698", "29701", "29713"),
        ),
    ),
    # Province names are ambiguous without a prefix.
    ("bến tre", ("bến tre", (), (None, None), ())),
    ("phường bến tre", ("", (), (None, None), ("28789",))),
    (
        "bánh pía ocop 4 sao dưới 100k",
        ("bánh pía", (4,), (None, 100_000), ()),
    ),
]


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_query_words_become_filters(places, query, expected):
    text, stars, price, communes = expected
    intent = parse(query, places)
    found = (intent.text, intent.stars, intent.price, intent.communes)
    assert found == (text, stars, price, communes)


def test_removing_one_phrase_keeps_the_others(places):
    intent = parse("kẹo 4 sao dưới 100k xã Phú Khương", places)
    assert [p.kind for p in intent.phrases] == ["ocop", "price", "commune"]
    assert intent.text_without(0) == "kẹo dưới 100k xã Phú Khương"
    assert intent.text_without(1) == "kẹo 4 sao xã Phú Khương"
    assert intent.text_without(2) == "kẹo 4 sao dưới 100k"


def titles(query: str, **filters) -> list[str]:
    params = SearchParams.from_querydict(QueryDict(q=query, **filters), API_NAMES)
    return sorted(c.title for c in services.list_products(params, log=False).cards)


@pytest.mark.engine
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("keo 4 sao", ["Kẹo chuối Bến Tre"]),
        ("ocop 5 sao", ["Bưởi Năm Roi Bình Minh"]),
        ("kẹo dưới 50k", ["Kẹo dừa sáp"]),
        (
            "giá rẻ",
            [
                "Bánh canh gạo Ba Khánh",
                "Bánh tráng nướng mè đen",
                "Dứa mật Tân Phú",
                "Kẹo dừa sáp",
            ],
        ),
        ("trên 200k", ["Chiếu cói hoa", "Khô cá lóc một nắng"]),
        (
            "từ 50k đến 100k",
            [
                "Bưởi Năm Roi Bình Minh",
                "Kẹo chuối Bến Tre",
                "Nón lá Long Hồ",
                "Đường thốt nốt nguyên chất",
            ],
        ),
        ("bánh xã an hội", ["Bánh tráng dừa", "Bánh tráng nướng mè đen"]),
        ("phuong phu khuong 3 sao", ["Kẹo dừa sáp", "Nón lá Long Hồ"]),
    ],
)
def test_intent_filters_the_listing(catalogue, query, expected):
    assert titles(query) == expected


@pytest.mark.engine
@pytest.mark.django_db
def test_a_filter_only_query_lists_every_product_with_those_filters(catalogue):
    assert len(titles("phú khương")) == 7
    assert titles("ocop") == sorted(
        ["Kẹo chuối Bến Tre", "Kẹo dừa sáp", "Bưởi Năm Roi Bình Minh", "Nón lá Long Hồ"]
    )


@pytest.mark.engine
@pytest.mark.django_db
def test_api_reports_what_it_understood(catalogue, client):
    data = client.get("/api/search/", {"q": "kẹo 4 sao dưới 100k"}).json()
    assert data["understood"] == {"ocop": [4], "price_max": 100_000, "q": "kẹo"}
    assert [r["title"] for r in data["results"]] == ["Kẹo chuối Bến Tre"]
    place = client.get("/api/search/", {"q": "phường phú khương"}).json()
    assert place["understood"] == {"commune": ["28756"], "q": ""}
    assert client.get("/api/search/", {"q": "kẹo"}).json()["understood"] == {}


@pytest.mark.engine
@pytest.mark.django_db
def test_an_explicit_price_wins_over_the_words(catalogue, client):
    data = client.get(
        "/api/search/", {"q": "kẹo dưới 100k", "price_min": "50000"}
    ).json()
    assert data["understood"] == {"q": "kẹo"}
    prices = {r["title"]: r["price_vnd"] for r in data["results"]}
    assert "Kẹo chuối Bến Tre" in prices and "Kẹo dừa sáp" not in prices
    assert min(prices.values()) >= 50_000 and max(prices.values()) > 100_000


def _query(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


@pytest.mark.engine
@pytest.mark.django_db
def test_chips_show_the_filters_and_their_links_remove_them(catalogue, client):
    response = client.get("/tim-kiem/", {"q": "kẹo 4 sao dưới 100k"})
    html = response.content.decode()
    chips = response.context["intent_chips"]
    assert [c["label"] for c in chips] == ["OCOP 4 sao", "Giá đến 100.000 ₫"]
    assert 'class="chip"' in html and "OCOP 4 sao" in html
    assert [c.title for c in response.context["products"]] == ["Kẹo chuối Bến Tre"]

    without_stars = client.get("/tim-kiem/" + chips[0]["remove_url"])
    assert _query(chips[0]["remove_url"])["q"] == ["kẹo dưới 100k"]
    params = without_stars.context["params"]
    assert params.stars == () and params.price_max == 100_000
    assert sorted(c.title for c in without_stars.context["products"]) == [
        "Kẹo chuối Bến Tre",
        "Kẹo dừa sáp",
    ]
    assert [c["label"] for c in without_stars.context["intent_chips"]] == [
        "Giá đến 100.000 ₫"
    ]


@pytest.mark.engine
@pytest.mark.django_db
def test_unticking_a_facet_the_words_selected_removes_the_words(catalogue, client):
    response = client.get("/tim-kiem/", {"q": "keo xa phu khuong"})
    communes = response.context["facets"]["commune"]
    selected = [b for b in communes if b["selected"]]
    assert [b["key"] for b in selected] == ["28756"]
    untick = selected[0]["toggle_url"]
    assert _query(untick)["q"] == ["keo"] and "xa" not in _query(untick)
    after = client.get("/tim-kiem/" + untick)
    assert after.context["params"].communes == ()


@pytest.mark.engine
@pytest.mark.django_db
def test_the_log_keeps_the_query_as_typed_and_the_filters_it_became(
    catalogue, client, settings
):
    settings.SEARCH_LOG_MODE = "sync"
    client.get("/tim-kiem/", {"q": "Kẹo 4 sao"})
    entry = SearchQueryLog.objects.latest("created_at")
    assert entry.query == "Kẹo 4 sao" and entry.query_folded == "keo 4 sao"
    assert entry.filters["ocop"] == [4] and entry.filters["text"] == "Kẹo"


@pytest.mark.engine
@pytest.mark.django_db
def test_ticked_facets_show_as_chips_once_beside_the_words_chips(catalogue, client):
    response = client.get("/tim-kiem/", {"q": "kẹo 4 sao", "loai": "cooperative"})

    labels = [c["label"] for c in response.context["intent_chips"]]
    facet_chips = response.context["facet_chips"]
    assert labels == ["OCOP 4 sao"]
    # The 4 stars came from the words: one chip for it, not a second facet chip.
    assert [c["label"] for c in facet_chips] == ["Hợp tác xã"]
    removed = _query(facet_chips[0]["remove_url"])
    assert "loai" not in removed and removed["q"] == ["kẹo 4 sao"]
    assert response.content.decode().count('class="chip"') == 2
