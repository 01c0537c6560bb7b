"""Shoppers find products the way they type: Vietnamese, unaccented, sloppy."""

import unicodedata

import pytest

from search import services
from search.params import API_NAMES, SearchParams
from tests.search.utils import QueryDict

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


def titles(query: str, **filters) -> list[str]:
    params = SearchParams.from_querydict(QueryDict(q=query, **filters), API_NAMES)
    results = services.list_products(params, log=False)
    assert not results.degraded
    return [r.title for r in results.cards]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kẹo chuối", "Kẹo chuối Bến Tre"),
        ("keo chuoi", "Kẹo chuối Bến Tre"),
        ("KẸO CHUỐI", "Kẹo chuối Bến Tre"),
        ("KEO CHUOI", "Kẹo chuối Bến Tre"),
        ("keo chuio", "Kẹo chuối Bến Tre"),
        ("keoj chuoois", "Kẹo chuối Bến Tre"),
        ("keos chuoois", "Kẹo chuối Bến Tre"),
        ("ke5o chuo6i1", "Kẹo chuối Bến Tre"),
        (unicodedata.normalize("NFD", "kẹo chuối"), "Kẹo chuối Bến Tre"),
        ("duong thot not", "Đường thốt nốt nguyên chất"),
        ("đường thốt nốt", "Đường thốt nốt nguyên chất"),
        ("ddwowngf thoots noots", "Đường thốt nốt nguyên chất"),
        ("banhtrang", "Bánh tráng"),
        ("banh trang me", "Bánh tráng nướng mè đen"),
        ("nuocmam", "Nước mắm cá cơm"),
        ("buoi nam roi", "Bưởi Năm Roi Bình Minh"),
        ("bươi năm rôi", "Bưởi Năm Roi Bình Minh"),
        ("chong nang", "Nón lá Long Hồ"),
        ("lá buông", "Nón lá Long Hồ"),
        ("thơm", "Dứa mật Tân Phú"),
        ("khóm", "Dứa mật Tân Phú"),
        ("kho ca loc", "Khô cá lóc một nắng"),
        ("banh canh", "Bánh canh gạo Ba Khánh"),
    ],
)
def test_vietnamese_query_puts_the_intended_product_first(catalogue, query, expected):
    assert titles(query)[0].startswith(expected)


def test_prefix_of_a_word_finds_products(catalogue):
    assert "Bánh tráng nướng mè đen" in titles("banh tra")
    assert titles("nuoc ma")[:1] == ["Nước mắm cá cơm"]


def test_seller_name_finds_the_sellers_products(catalogue):
    found = set(titles("mekonggreen"))
    assert found == {
        "Đường thốt nốt nguyên chất",
        "Nước mắm cá cơm",
        "Khô cá lóc một nắng",
    }
    assert set(titles("dat dua")) >= {"Kẹo chuối Bến Tre", "Kẹo dừa sáp"}


def test_exact_diacritics_rank_above_folded_matches(catalogue):
    # "dừa" (coconut) and "dứa" (pineapple) fold to the same letters.
    assert titles("dứa")[0] == "Dứa mật Tân Phú"
    assert titles("kẹo dừa")[0] == "Kẹo dừa sáp"


def test_in_stock_products_rank_above_out_of_stock_at_equal_relevance(catalogue):
    ranked = titles("mekonggreen")
    assert ranked[-1] == "Khô cá lóc một nắng"


def test_unknown_word_gives_a_did_you_mean_suggestion(catalogue):
    params = SearchParams.from_querydict(QueryDict(q="nuoc mamm caa"), API_NAMES)
    results = services.list_products(params, log=False)
    assert results.total < 3
    assert results.suggestion


def test_matching_words_are_highlighted(catalogue):
    params = SearchParams.from_querydict(QueryDict(q="keo chuoi"), API_NAMES)
    first = services.list_products(params, log=False).cards[0]
    assert "<mark>" in first.title_html


def test_typo_prefers_the_title_with_the_fewest_edits(catalogue):
    """ "keo dau": kẹo đậu (no edit) and kẹo dừa (one) before a tea whose title has
    "đậu", whose description has "dầu" and whose seller's name has "Kẹo"."""
    from catalog.models import Category
    from search import engine, indexing
    from search.documents import PRODUCTS, alias_name
    from tests.factories import ProductPageFactory, SellerPageFactory

    tea_maker = SellerPageFactory(title="Cơ sở Kẹo Bà Tư")
    tea = ProductPageFactory(
        title="Trà hoa đậu biếc",
        parent=tea_maker,
        category=Category.objects.get(slug="beverages"),
        summary="Trà thảo mộc từ hoa đậu biếc",
        description="<p>Không dầu, không đường; pha với mật ong kẹo đậu.</p>",
    )
    peanut = ProductPageFactory(
        title="Kẹo đậu phộng",
        parent=catalogue["sellers"]["mekong"],
        category=Category.objects.get(slug="processed-food"),
        summary="Kẹo giòn",
    )
    added = [tea.pk, peanut.pk]
    indexing.index_pages(PRODUCTS, added)
    engine.refresh(alias_name(PRODUCTS))
    try:
        ranked = titles("keo dau")
        accented = titles("kẹo đậu")
    finally:
        indexing.delete_pages(PRODUCTS, added)
        engine.refresh(alias_name(PRODUCTS))
    assert ranked[:2] == ["Kẹo đậu phộng", "Kẹo dừa sáp"]
    assert ranked.index("Trà hoa đậu biếc") > 1
    assert accented[0] == "Kẹo đậu phộng"
