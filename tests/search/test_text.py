"""Vietnamese text handling: folding, NFC, tone placement, Telex and VNI repair."""

import unicodedata

import pytest

from marketplace.helpers.text import fold
from search.text import (
    normalize,
    normalize_tone_placement,
    prepare_query,
    repair_input_method,
)


def test_folding_maps_d_with_stroke_which_unicode_does_not_decompose():
    assert fold("Đường thốt nốt ĐẶC SẢN") == "duong thot not dac san"
    assert fold("tôi được đi học") == "toi duoc di hoc"


def test_decomposed_input_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "kẹo chuối")
    assert decomposed != "kẹo chuối"
    assert normalize(decomposed) == "kẹo chuối"


def test_old_and_new_tone_placement_become_the_same():
    assert normalize_tone_placement("Hoà Thuỷ hoà") == "Hòa Thủy hòa"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("keoj chuoois", "kẹo chuối"),
        ("keos chuoois", "kéo chuối"),
        ("ke5o chuo6i1", "kẹo chuối"),
        ("ddaauf", "đầu"),
        ("banhs trangs", "bánh tráng"),
        ("bánh trangs", "bánh tráng"),
        ("ba1nh tra1ng", "bánh tráng"),
        ("nuwowcs mawms", "nước mắm"),
        ("nu7o7c1 ma8m1", "nước mắm"),
        ("khoai lang tims", "khoai lang tím"),
        ("hoaf", "hòa"),
    ],
)
def test_telex_and_vni_leftovers_are_converted(typed, meant):
    assert repair_input_method(typed) == meant


@pytest.mark.parametrize(
    "typed",
    ["Mekonggreen", "coffee", "duong thot not", "banhtrang", "xoong", "500g", "iPhone"],
)
def test_brand_names_english_and_plain_syllables_stay_as_typed(typed):
    assert repair_input_method(typed) == typed


def test_queries_are_capped_and_control_characters_removed():
    assert len(prepare_query("a" * 10_000)) == 200
    assert prepare_query("kẹo\x00 \t dừa\n") == "kẹo dừa"
    assert prepare_query("   ") == ""
