"""Search intent: filters typed into the query ("ocop 4 sao", "dưới 100k", "xã X").

Pure functions over the prepared query (``search.text.prepare_query``): the words that
name a star level, a price or a place become filters, the other words stay the text
to match. Matching is done on folded words (``search.text.fold``), so diacritics and
case do not matter; the text left keeps the words as typed.

Places: a commune or ward name, or a former district ("huyện Long Hồ", "thị xã Bình
Minh"), becomes a commune filter when it is prefixed ("xã", "phường", "huyện", "ở",
"tại"…) or when nothing but filters is typed ("phú khương 4 sao"). A bare place name
next to product words stays text: product names carry their origin ("Cam sành Tam
Bình", "Dừa sáp Cầu Kè") and the seller may live elsewhere. Province names ("Bến
Tre", "Trà Vinh", "Vĩnh Long") are ambiguous and need a prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from marketplace.helpers.text import fold

STAR_LEVELS = (3, 4, 5)
# "giá rẻ": the cheapest price bucket of the facets (search.queries.PRICE_RANGES).
CHEAP_MAX = 50_000
PROVINCE_NAMES = frozenset({"ben tre", "tra vinh", "vinh long"})

_AMOUNT = re.compile(
    r"^(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)"
    r"(k|nghin|ngan|tr|trieu|d|dong|vnd|₫)?$"
)
_UNITS = {
    "k": 1000,
    "nghin": 1000,
    "ngan": 1000,
    "tr": 1_000_000,
    "trieu": 1_000_000,
    "d": 1,
    "dong": 1,
    "vnd": 1,
    "₫": 1,
}
_SYMBOL = re.compile(r"^(<=|>=|<|>|≤|≥)(.+)$")
_RANGE = re.compile(r"^([^-–]+)[-–]([^-–]+)$")
_STAR_TOKEN = re.compile(r"^(?:ocop)?([345])(?:sao|\*|★)$|^ocop([345])$")
_MAX_WORDS = (
    ("duoi",),
    ("<",),
    ("<=",),
    ("≤",),
    ("khong", "qua"),
    ("toi", "da"),
    ("re", "hon"),
    ("nho", "hon"),
    ("it", "hon"),
)
_MIN_WORDS = (
    ("tren",),
    (">",),
    (">=",),
    ("≥",),
    ("lon", "hon"),
    ("cao", "hon"),
    ("hon",),
    ("tu",),
)
_TO_WORDS = (("den",), ("toi",), ("-",), ("–",))
_UPWARDS = ("tro", "len")
_COMMUNE_PREFIXES = (("xa",), ("phuong",), ("p.",))
_DISTRICT_PREFIXES = (
    ("thi", "xa"),
    ("thanh", "pho"),
    ("huyen",),
    ("tx",),
    ("tp",),
    ("tp.",),
)
# "ở"/"tại" + a place; "o" only when typed with its diacritic.
_AT_WORDS = ("ở", "tại", "tai")
# The keywords as Vietnamese writes them: typed with other diacritics they are other
# words ("tủ 50" is a cabinet, not "từ 50"), typed without any they are keywords.
_KEYWORDS = {
    "tu": "từ",
    "gia": "giá",
    "re": "rẻ",
    "duoi": "dưới",
    "tren": "trên",
    "den": "đến",
    "toi": "tới",
    "hon": "hơn",
    "khong": "không",
    "qua": "quá",
    "da": "đa",
    "nho": "nhỏ",
    "it": "ít",
    "lon": "lớn",
    "tro": "trở",
    "len": "lên",
    "xa": "xã",
    "phuong": "phường",
    "huyen": "huyện",
    "thi": "thị",
    "thanh": "thành",
    "pho": "phố",
}


@dataclass(frozen=True)
class Place:
    """A name a shopper may type: a commune/ward, or a former district."""

    folded: str
    kind: str  # "commune" or "district"
    codes: tuple[str, ...]
    label: str

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.folded.split(" "))


@dataclass(frozen=True)
class Phrase:
    """Words of the query understood as one filter (one removable chip)."""

    kind: str  # "ocop", "price" or "commune"
    start: int
    end: int
    stars: tuple[int, ...] = ()
    price_min: int | None = None
    price_max: int | None = None
    place: Place | None = None


@dataclass(frozen=True)
class Intent:
    tokens: tuple[str, ...] = ()
    phrases: tuple[Phrase, ...] = ()

    @property
    def text(self) -> str:
        """The words left to match, as typed."""
        return self.text_without()

    def text_without(self, *kept_out: int) -> str:
        """The query as typed without the phrases numbered ``kept_out``: a chip's
        link, so removing a chip does not bring its filter back."""
        used = set()
        for number, phrase in enumerate(self.phrases):
            if not kept_out or number in kept_out:
                used.update(range(phrase.start, phrase.end))
        return " ".join(t for i, t in enumerate(self.tokens) if i not in used)

    @property
    def stars(self) -> tuple[int, ...]:
        found = {s for p in self.phrases for s in p.stars}
        return tuple(sorted(found, reverse=True))

    @property
    def communes(self) -> tuple[str, ...]:
        codes: list[str] = []
        for phrase in self.phrases:
            if phrase.place:
                codes += [c for c in phrase.place.codes if c not in codes]
        return tuple(codes)

    @property
    def price(self) -> tuple[int | None, int | None]:
        """The last price phrase's bounds (a query names one price)."""
        for phrase in reversed(self.phrases):
            if phrase.kind == "price":
                return phrase.price_min, phrase.price_max
        return None, None


# -- place table ---------------------------------------------------------------------

_DISTRICT_IN_HINT = re.compile(r"(Huyện|Thị xã|TP)\s+([^(+,]+?)\s*(?:\(|\+|$)")


def place_table(units: Iterable[Sequence[str]]) -> list[Place]:
    """Places from ``(code, name, full_name, former_district_hint)`` rows.

    Former districts come from the hints ("Huyện Long Hồ", "TP Vĩnh Long (P1…)",
    "… + xã Thanh Đức (Long Hồ)"): a district holds every unit whose hint names it.
    """
    units = list(units)
    places = [
        Place(fold(name), "commune", (code,), full) for code, name, full, _ in units
    ]
    districts: dict[str, str] = {}
    for *_unit, hint in units:
        for prefix, name in _DISTRICT_IN_HINT.findall(hint or ""):
            districts.setdefault(fold(name), f"{prefix} {name.strip()}")
    for folded, label in sorted(districts.items()):
        pattern = re.compile(rf"(?<![a-z]){re.escape(folded)}(?![a-z])")
        codes = tuple(
            code for code, *_rest, hint in units if pattern.search(fold(hint))
        )
        places.append(Place(folded, "district", codes, label))
    return places


# -- parsing ---------------------------------------------------------------------------


def _tokens(q: str) -> list[str]:
    """Words of ``q``, with "<50k" and "50k-100k" split into their parts."""
    tokens: list[str] = []
    for word in q.split():
        folded = fold(word)
        symbol = _SYMBOL.match(folded)
        ranged = _RANGE.match(folded)
        if symbol and _amount(symbol.group(2)):
            cut = len(word) - len(symbol.group(2))
            tokens += [word[:cut], word[cut:]]
        elif ranged and _amount(ranged.group(1)) and _amount(ranged.group(2)):
            left = len(ranged.group(1))
            tokens += [word[:left], word[left], word[left + 1 :]]
        else:
            tokens.append(word)
    return tokens


def _amount(folded: str) -> tuple[float, int | None] | None:
    """``(number, unit multiplier or None)`` of "100k", "100.000đ", "1,5tr"…"""
    match = _AMOUNT.match(folded)
    if not match:
        return None
    digits, unit = match.groups()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        number = float(re.sub(r"[.,]", "", digits))
    else:
        number = float(digits.replace(",", "."))
    return number, _UNITS[unit] if unit else None


def _starts(words: Sequence[str], at: int, options: Iterable[tuple[str, ...]]) -> int:
    """Length of the first of ``options`` found at ``words[at:]``, else 0."""
    for option in options:
        if tuple(words[at : at + len(option)]) == option:
            return len(option)
    return 0


def _amount_at(words: Sequence[str], at: int) -> tuple[float, int | None, int] | None:
    """``(number, unit or None, words used)`` of "100k", "100 nghìn", "100.000đ"."""
    parsed = _amount(words[at]) if at < len(words) else None
    if parsed is None:
        return None
    number, unit = parsed
    if unit is None and at + 1 < len(words) and words[at + 1] in _UNITS:
        return number, _UNITS[words[at + 1]], 2
    return number, unit, 1


def _dong(number: float, unit: int | None) -> int:
    # A bare number: "dưới 100" means 100.000 đ; "dưới 150000" means itself.
    if unit is None:
        unit = 1 if number >= 1000 else 1000
    return int(number * unit)


def _price_at(words: Sequence[str], at: int) -> tuple[int, int] | None:
    """``(value in đồng, words used)`` of an amount at ``at``."""
    found = _amount_at(words, at)
    return (_dong(found[0], found[1]), found[2]) if found else None


def _price_phrase(words: Sequence[str], at: int) -> Phrase | None:
    start = at
    if words[at] == "gia":
        if words[at + 1 : at + 2] == ["re"]:
            return Phrase("price", start, at + 2, price_max=CHEAP_MAX)
        at += 1
        if at >= len(words):
            return None
    if words[at] == "tu" and _amount_at(words, at + 1):
        return _from_phrase(words, start, at + 1)
    for options, bound in ((_MAX_WORDS, "price_max"), (_MIN_WORDS, "price_min")):
        used = _starts(words, at, options)
        value = _price_at(words, at + used) if used else None
        if value:
            end = at + used + value[1]
            if tuple(words[end : end + 2]) == _UPWARDS:
                end += 2
            return Phrase("price", start, end, **{bound: value[0]})
    return _range_phrase(words, start, at, need_unit=True)


def _from_phrase(words: Sequence[str], start: int, at: int) -> Phrase:
    """ "từ 50k đến 100k", "từ 50k", "từ 50k trở lên" (``at``: the first amount)."""
    ranged = _range_phrase(words, start, at, need_unit=False)
    if ranged:
        return ranged
    low, used = _price_at(words, at)
    end = at + used
    if tuple(words[end : end + 2]) == _UPWARDS:
        end += 2
    return Phrase("price", start, end, price_min=low)


def _range_phrase(
    words: Sequence[str], start: int, at: int, need_unit: bool
) -> Phrase | None:
    """ "50k-100k", "50 - 100 nghìn", "50 đến 100k"; bare, one amount needs a unit."""
    low = _amount_at(words, at)
    if not low:
        return None
    after = at + low[2]
    to = _starts(words, after, _TO_WORDS)
    high = _amount_at(words, after + to) if to else None
    if not high or (need_unit and low[1] is None and high[1] is None):
        return None
    # "50-100k": the first number takes the second's unit.
    low_unit = low[1] if low[1] is not None else high[1]
    return Phrase(
        "price",
        start,
        after + to + high[2],
        price_min=_dong(low[0], low_unit),
        price_max=_dong(high[0], high[1]),
    )


def _stars_phrase(words: Sequence[str], at: int) -> Phrase | None:
    start, upwards = at, False
    if words[at] == "tu":
        upwards, at = True, at + 1
    glued = _STAR_TOKEN.match(words[at]) if at < len(words) else None
    if glued:
        level, end = int(glued.group(1) or glued.group(2)), at + 1
    else:
        ocop = words[at] == "ocop"
        number = at + 1 if ocop else at
        if number < len(words) and words[number] in ("3", "4", "5"):
            has_sao = words[number + 1 : number + 2] in (["sao"], ["*"], ["★"])
            if not (ocop or has_sao):
                return None
            level, end = int(words[number]), number + 1 + has_sao
        elif ocop and not upwards:
            return Phrase("ocop", start, at + 1, stars=STAR_LEVELS[::-1])
        else:
            return None
    if tuple(words[end : end + 2]) == _UPWARDS:
        upwards, end = True, end + 2
    stars = tuple(s for s in STAR_LEVELS[::-1] if s == level or (upwards and s > level))
    return Phrase("ocop", start, end, stars=stars)


def _place_phrase(
    words: Sequence[str], keys: Sequence[str], typed: Sequence[str], at: int, by_words
) -> tuple[Phrase, bool] | None:
    """A place at ``at`` and whether it was prefixed (``typed``: words as typed)."""
    kinds: tuple[str, ...] = ("commune", "district")
    used = _starts(keys, at, _DISTRICT_PREFIXES)
    if used:
        kinds = ("district",)
    else:
        used = _starts(keys, at, _COMMUNE_PREFIXES)
        if used:
            kinds = ("commune",)
        elif typed[at].lower() in _AT_WORDS:
            used = 1
    for length in range(min(4, len(words) - at - used), 0, -1):
        name = " ".join(words[at + used : at + used + length])
        for kind in kinds:
            place = by_words.get((kind, name))
            if place is None or not place.codes:
                continue
            if not used and name in PROVINCE_NAMES:
                continue
            return Phrase("commune", at, at + used + length, place=place), bool(used)
    return None


def _keyword(typed: str, folded: str) -> str:
    written = _KEYWORDS.get(folded)
    if written and typed.lower() not in (folded, written):
        return ""
    return folded


def parse(q: str, places: Iterable[Place] = ()) -> Intent:
    """Split ``q`` into filters and the text left (see the module docstring)."""
    tokens = _tokens(q)
    words = [fold(t) for t in tokens]
    keys = [_keyword(t, w) for t, w in zip(tokens, words, strict=True)]
    by_words = {(p.kind, p.folded): p for p in places}
    phrases: list[Phrase] = []
    bare_places: list[Phrase] = []
    at = 0
    while at < len(words):
        phrase = _stars_phrase(keys, at) or _price_phrase(keys, at)
        bare = False
        if phrase is None:
            found = _place_phrase(words, keys, tokens, at, by_words)
            if found:
                phrase, prefixed = found
                bare = not prefixed
        if phrase is None:
            at += 1
            continue
        (bare_places if bare else phrases).append(phrase)
        at = phrase.end
    intent = Intent(tuple(tokens), tuple(phrases))
    if bare_places and not _without(intent, bare_places).strip():
        phrases = sorted(phrases + bare_places, key=lambda p: p.start)
        intent = Intent(tuple(tokens), tuple(phrases))
    return intent


def _without(intent: Intent, more: list[Phrase]) -> str:
    return Intent(intent.tokens, intent.phrases + tuple(more)).text


@dataclass(frozen=True)
class Understood:
    """What the query said besides its text, as applied to the listing."""

    intent: Intent = field(default_factory=Intent)
    price_applied: bool = True

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        return tuple(
            p for p in self.intent.phrases if p.kind != "price" or self.price_applied
        )

    def as_dict(self) -> dict:
        """The API's ``understood``: only what was found."""
        found: dict = {}
        if self.intent.stars:
            found["ocop"] = list(self.intent.stars)
        low, high = self.intent.price
        if self.price_applied and low is not None:
            found["price_min"] = low
        if self.price_applied and high is not None:
            found["price_max"] = high
        if self.intent.communes:
            found["commune"] = list(self.intent.communes)
        if found or self.intent.phrases:
            found["q"] = self.intent.text
        return found
