"""What a demo product is, from its name: the kind of thing its picture shows.

A Vietnamese product name starts with what the thing is ("Rượu chuối hột" is a
liquor, "Kẹo chuối" a candy, "Chuối sấy dẻo" dried banana), so the keyword found
earliest in the folded name wins, the longest at the same place ("nước mắm" over
"nước"). A few words that say how the thing was processed win wherever they are
("Khoai lang tím sấy" is a bag of snacks, not a sweet potato). No keyword: a
generic package.
"""

from __future__ import annotations

import re
from functools import cache

from marketplace.helpers.text import fold

GENERIC = "package"
# Processing words that decide the kind wherever they stand in the name.
_PROCESSED = (
    ("snack", ("say", "snack", "chuoi ep", "gion")),
    ("dried_fish", ("mot nang",)),
)
# kind → folded keywords.
_KEYWORDS = (
    ("jar", ("mut", "mam", "pate", "cha bong", "thach", "hat dieu", "muoi")),
    ("jar", ("dau phong", "duong")),
    ("honey", ("mat ong", "mat hoa")),
    ("candy", ("keo",)),
    ("sauce", ("nuoc mam", "nuoc cham", "sot", "nuoc cot", "tuong ot")),
    ("oil", ("dau dua", "tinh dau")),
    ("pump", ("dau goi", "nuoc rua")),
    ("wine", ("ruou",)),
    ("tea", ("tra", "bot ca cao")),
    ("snack", ("bot", "com", "banh phong tom")),
    ("drink", ("nuoc", "sua")),
    ("crackers", ("banh trang", "banh phong")),
    ("noodles", ("bun", "hu tieu", "banh pho", "banh canh", "banh uot")),
    ("roll", ("cha", "nem", "lap xuong", "banh tet")),
    ("cake", ("banh",)),
    ("rice", ("gao", "nep", "mun xo", "than")),
    ("dried_fish", ("kho",)),
    ("fish", ("ca",)),
    ("seafood", ("tom", "cua", "ngheu")),
    ("eggs", ("trung",)),
    ("plant", ("cay", "mai vang", "cuc", "xa lach")),
    ("mushroom", ("nam",)),
    ("fruit", ("buoi", "cam", "quyt", "thanh tra", "chom chom", "sau rieng")),
    ("fruit", ("mang cut", "nhan", "dua", "khom", "mit", "oi", "xoai", "vu sua")),
    ("fruit", ("chuoi", "chanh", "khoai")),
    ("pot", ("chau", "noi", "ca rang")),
    ("vase", ("binh", "lu")),
    ("tile", ("gach",)),
    ("frame", ("tranh", "tuong", "mat na", "mo hinh")),
    ("basket", ("gio", "ro", "nia", "hop", "lot ly", "ghe don")),
    ("boat", ("xuong", "mo hinh xuong")),
    ("mat", ("tham", "chieu", "vong")),
    ("bag", ("tui",)),
    ("hat", ("non",)),
    ("lamp", ("den",)),
    ("cloth", ("khan", "lua")),
    ("broom", ("choi",)),
    ("rope", ("day thung",)),
    ("soap", ("xa bong",)),
    ("incense", ("nhang",)),
    ("board", ("thot",)),
    ("utensils", ("muong",)),
    ("bowl", ("chen", "gao dua")),
)
# "dừa" and "đũa" fold alike: a coconut unless the name says wood.
_WOODEN = re.compile(r"\b(dua|muong) go\b")


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


@cache
def _tables() -> tuple[list[tuple[str, re.Pattern]], list[tuple[str, re.Pattern]]]:
    processed = [(kind, _pattern(words)) for kind, words in _PROCESSED]
    nouns = [(kind, _pattern(words)) for kind, words in _KEYWORDS]
    return processed, nouns


def _earliest(text: str, table: list[tuple[str, re.Pattern]]) -> str | None:
    """The kind whose keyword starts first in ``text``; the longest on a tie."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in table:
        for found in pattern.finditer(text):
            key = (found.start(), -len(found.group(0)), kind)
            if best is None or key < best:
                best = key
            break
    return best[2] if best else None


def kind_of(name: str) -> str:
    """The kind of picture for a product called ``name`` (see the module's rule)."""
    text = fold(name)
    if _WOODEN.search(text):
        return "utensils"
    processed, nouns = _tables()
    for kind, pattern in processed:
        if pattern.search(text):
            return kind
    return _earliest(text, nouns) or GENERIC


# Fruit colours by folded keyword (skin, flesh or leaf accent).
FRUIT_COLOURS = (
    ("buoi", (150, 190, 70)),
    ("cam", (236, 140, 30)),
    ("quyt", (240, 150, 40)),
    ("thanh tra", (232, 190, 60)),
    ("chom chom", (200, 40, 50)),
    ("sau rieng", (150, 160, 60)),
    ("mang cut", (110, 40, 80)),
    ("nhan", (200, 170, 110)),
    ("dua", (90, 160, 60)),
    ("khom", (220, 170, 40)),
    ("mit", (160, 170, 60)),
    ("oi", (170, 210, 90)),
    ("xoai", (245, 200, 50)),
    ("vu sua", (140, 80, 130)),
    ("chuoi", (245, 215, 70)),
    ("chanh", (120, 190, 60)),
    ("khoai lang tim", (120, 60, 120)),
    ("khoai", (200, 140, 110)),
)
SPIKY_FRUITS = ("sau rieng", "mit", "khom", "chom chom")


def fold_has(name: str, words: tuple[str, ...]) -> bool:
    """Whether the folded ``name`` has one of the folded ``words`` as whole words."""
    return bool(_pattern(words).search(fold(name)))


def fruit_colour(name: str) -> tuple[int, int, int]:
    for word, colour in sorted(FRUIT_COLOURS, key=lambda item: -len(item[0])):
        if fold_has(name, (word,)):
            return colour
    return (200, 120, 60)
