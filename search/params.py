"""What a shopper asked for, parsed from GET parameters; bad values are ignored.

The JSON API uses English names (``category``, ``ocop``…); the results page and the
category pages use the Vietnamese names the catalogue filters already use
(``danh_muc``, ``sao``…). Both parse into the same :class:`SearchParams`.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from catalog.models.certificates import STAR_LEVELS
from search import intent as search_intent
from search.reference import places
from search.text import prepare_query
from sellers.models import SellerType

PAGE_SIZE = 24
MAX_RESULT_WINDOW = 10_000


@dataclass(frozen=True)
class Sort:
    """One way to order a listing: its label and its keys, most significant first.

    Keys are ``(field, descending)`` over the backends' common vocabulary:
    ``score`` (text relevance, or the star level for ``stars``), ``published`` (first
    publication), ``price`` and ``id`` (the page id: the last tie-break, so the engine
    and the database give equal products the same order).
    """

    label: str
    keys: tuple[tuple[str, bool], ...]


# The one sort table: the engine (search.queries), the database backend
# (search.fallback) and the templates' sort menus all read it.
SORT_TABLE = {
    "relevance": Sort(
        _("Liên quan nhất"), (("score", True), ("published", True), ("id", False))
    ),
    "newest": Sort(_("Mới nhất"), (("published", True), ("id", False))),
    "price_asc": Sort(_("Giá tăng dần"), (("price", False), ("id", False))),
    "price_desc": Sort(_("Giá giảm dần"), (("price", True), ("id", False))),
    "stars": Sort(
        _("Nhiều sao OCOP"), (("score", True), ("published", True), ("id", False))
    ),
}
SORTS = tuple(SORT_TABLE)


def sort_options(with_relevance: bool = True) -> list[tuple[str, str]]:
    """``(key, label)`` for a sort menu; relevance only means something with text."""
    return [
        (key, sort.label)
        for key, sort in SORT_TABLE.items()
        if with_relevance or key != "relevance"
    ]


API_NAMES = {
    "q": "q",
    "category": "category",
    "ocop": "ocop",
    "commune": "commune",
    "seller_type": "seller_type",
    "certification": "certification",
    "price_min": "price_min",
    "price_max": "price_max",
    "in_stock": "in_stock",
    "sort": "sort",
    "page": "page",
}
PAGE_NAMES = {
    "q": "q",
    "category": "danh_muc",
    "ocop": "sao",
    "commune": "xa",
    "seller_type": "loai",
    "certification": "chung_nhan",
    "price_min": "gia_tu",
    "price_max": "gia_den",
    "in_stock": "con_hang",
    "sort": "sap_xep",
    "page": "trang",
}


def _int(value: str | None, minimum: int = 0, maximum: int = 10**12) -> int | None:
    try:
        number = int(str(value).strip().replace(".", "").replace(",", ""))
    except (TypeError, ValueError):
        return None
    return number if minimum <= number <= maximum else None


def _clean_list(values: list[str], max_items: int = 30, max_length: int = 60) -> list:
    seen = []
    for value in values[:max_items]:
        value = (value or "").strip()[:max_length]
        if value and value not in seen:
            seen.append(value)
    return seen


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    raw_q: str = ""
    categories: tuple[str, ...] = ()
    stars: tuple[int, ...] = ()
    communes: tuple[str, ...] = ()
    seller_types: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    price_min: int | None = None
    price_max: int | None = None
    in_stock: bool = False
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    # Filters the caller fixes (a category or seller page), not facets the shopper
    # toggles.
    fixed_category: str | None = None
    fixed_seller: int | None = None
    # The query as typed (prepared), before the intent took its filters out of it;
    # ``q`` is the text left to match.
    typed_q: str = ""
    understood: search_intent.Understood = field(
        default_factory=search_intent.Understood
    )

    @classmethod
    def from_querydict(cls, params, names: dict = API_NAMES, **overrides):
        raw_q = (params.get(names["q"]) or "")[:10_000]
        typed_q = prepare_query(raw_q)
        intent = search_intent.parse(typed_q, places()) if typed_q else None
        q = intent.text if intent else typed_q
        sort = params.get(names["sort"]) or ""
        if sort not in SORTS:
            sort = "relevance" if q else "newest"
        page = _int(params.get(names["page"]), 1, 10**6) or 1
        page_size = overrides.get("page_size", PAGE_SIZE)
        page = min(page, MAX_RESULT_WINDOW // page_size)
        values = cls(
            q=q,
            raw_q=raw_q.strip(),
            categories=tuple(_clean_list(params.getlist(names["category"]))),
            stars=tuple(
                sorted(
                    {
                        s
                        for v in params.getlist(names["ocop"])
                        if (s := _int(v)) in STAR_LEVELS
                    },
                    reverse=True,
                )
            ),
            communes=tuple(
                c for c in _clean_list(params.getlist(names["commune"])) if c.isdigit()
            ),
            seller_types=tuple(
                t
                for t in _clean_list(params.getlist(names["seller_type"]))
                if t in SellerType.values
            ),
            certifications=tuple(_clean_list(params.getlist(names["certification"]))),
            price_min=_int(params.get(names["price_min"])),
            price_max=_int(params.get(names["price_max"])),
            in_stock=params.get(names["in_stock"]) in ("1", "true", "on"),
            sort=sort,
            page=page,
            typed_q=typed_q,
        )
        if intent and intent.phrases:
            values = values.with_intent(intent)
        return replace(values, **overrides) if overrides else values

    def with_intent(self, intent: search_intent.Intent) -> "SearchParams":
        """The intent's filters added to the ones given (an explicit price wins)."""
        low, high = intent.price
        explicit_price = self.price_min is not None or self.price_max is not None
        price_applied = not explicit_price and (low, high) != (None, None)
        return replace(
            self,
            stars=tuple(sorted(set(self.stars) | set(intent.stars), reverse=True)),
            communes=self.communes
            + tuple(c for c in intent.communes if c not in self.communes),
            price_min=low if price_applied else self.price_min,
            price_max=high if price_applied else self.price_max,
            understood=search_intent.Understood(intent, price_applied),
        )

    @property
    def effective_sort(self) -> str:
        """The sort applied: relevance without text is newest first."""
        return "newest" if self.sort == "relevance" and not self.q else self.sort

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size

    def facet_selection(self) -> dict[str, tuple]:
        """Selected values per facet name (the facets' names in results and the API)."""
        return {
            "category": self.categories,
            "ocop": tuple(str(s) for s in self.stars),
            "commune": self.communes,
            "seller_type": self.seller_types,
            "certification": self.certifications,
            "price": (),
        }

    def as_log_filters(self) -> dict:
        filters = {
            "category": list(self.categories),
            "ocop": list(self.stars),
            "commune": list(self.communes),
            "seller_type": list(self.seller_types),
            "certification": list(self.certifications),
            "price_min": self.price_min,
            "price_max": self.price_max,
            "in_stock": self.in_stock or None,
            "fixed_category": self.fixed_category,
            "fixed_seller": self.fixed_seller,
            "sort": self.sort,
            "page": self.page if self.page > 1 else None,
            # The text matched when the query also named filters ("kẹo 4 sao").
            "text": self.q if self.q != self.typed_q else None,
        }
        return {k: v for k, v in filters.items() if v not in (None, [], "")}
