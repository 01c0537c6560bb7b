"""What a product listing returns, whether the engine or the database answered.

Every listing (the results page, category and seller pages, the search API) gets a
:class:`ListingResults`: the one card type (``catalog.cards.ProductCard``), the total,
the facets and a Django page for the shared pagination component.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Page, Paginator
from django.utils.translation import gettext as _

from catalog.cards import ProductCard
from catalog.models.certificates import STAR_LEVELS
from catalog.renditions import Found
from marketplace.formatting import format_vnd
from search.intent import Phrase
from search.params import SearchParams
from search.queries import PRICE_RANGES, price_range_key
from search.reference import reference_labels
from sellers.models import SellerType

FACET_ORDER = ("category", "ocop", "commune", "seller_type", "price", "certification")


class _CountedPage(Sequence):
    """One page of cards that Django's Paginator counts as ``total`` items."""

    def __init__(self, total: int, items: list):
        self.total, self.items = total, items

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.items
        return self.items[index]


@dataclass
class ListingResults:
    params: SearchParams
    total: int
    cards: list[ProductCard]
    facets: dict[str, list[dict]] = field(default_factory=dict)
    suggestion: str | None = None
    degraded: bool = False
    took_ms: float = 0.0
    # Renditions read with the cards' (a seller page's logo and cover, say).
    renditions: Found = field(default_factory=dict)

    @property
    def page(self) -> int:
        return self.params.page

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.params.page_size))

    @cached_property
    def page_obj(self) -> Page:
        """The cards as a Django page, for ``components/pagination.html``."""
        paginator = Paginator(
            _CountedPage(self.total, self.cards), self.params.page_size
        )
        return paginator.get_page(self.page)

    def api_payload(self) -> dict:
        payload = {
            "total": self.total,
            "page": self.page,
            "results": [card.api_result() for card in self.cards],
            "facets": {
                name: [
                    {"key": b["key"], "label": b["label"], "count": b["count"]}
                    for b in buckets
                ]
                for name, buckets in self.facets.items()
            },
            "suggestion": self.suggestion,
            "understood": self.params.understood.as_dict(),
        }
        if self.degraded:
            payload["degraded"] = True
        return payload


def price_label(low: int | None, high: int | None) -> str:
    if low is None:
        return _("Dưới %(price)s") % {"price": format_vnd(high)}
    if high is None:
        return _("Từ %(price)s") % {"price": format_vnd(low)}
    return f"{format_vnd(low)} – {format_vnd(high)}"


def label_facets(
    counts: dict[str, dict[str, int]],
    params: SearchParams,
    wanted: tuple[str, ...] = FACET_ORDER,
) -> dict:
    """``{facet: {key: count}}`` -> ordered buckets with labels and selection state."""
    if not wanted:
        return {}  # a seller's page: no facets, and no labels to read
    reference = reference_labels()
    seller_types = dict(SellerType.choices)
    selected = params.facet_selection()
    facets: dict[str, list[dict]] = {}
    for name in (n for n in FACET_ORDER if n in wanted):
        values = counts.get(name, {})
        buckets = []
        if name == "ocop":
            for level in reversed(STAR_LEVELS):
                buckets.append(
                    {
                        "key": str(level),
                        "label": _("OCOP %(stars)s sao") % {"stars": level},
                        "count": values.get(str(level), 0),
                    }
                )
        elif name == "price":
            for low, high in PRICE_RANGES:
                key = price_range_key(low, high)
                buckets.append(
                    {
                        "key": key,
                        "label": price_label(low, high),
                        "count": values.get(key, 0),
                        "low": low,
                        "high": high,
                        "selected": params.price_min == low
                        and params.price_max == high,
                    }
                )
        else:
            names = (
                {k: str(v) for k, v in seller_types.items()}
                if name == "seller_type"
                else reference.get(name, {})
            )
            for key, count in values.items():
                if count:
                    buckets.append(
                        {"key": key, "label": names.get(key, key), "count": count}
                    )
            for key in selected.get(name, ()):
                if key not in values and key in names:
                    buckets.append({"key": key, "label": names[key], "count": 0})
            buckets.sort(key=lambda b: (-b["count"], b["label"]))
        for bucket in buckets:
            bucket.setdefault("selected", bucket["key"] in selected.get(name, ()))
        facets[name] = buckets
    return facets


def counts_from_aggregations(aggregations: dict) -> dict[str, dict[str, int]]:
    """Engine aggregations (raw dict) -> ``{facet: {key: count}}``."""
    counts: dict[str, dict[str, int]] = {}
    for name, wrapper in aggregations.items():
        values = wrapper.get("values", {})
        buckets = values.get("buckets", {})
        if isinstance(buckets, dict):
            counts[name] = {k: b["doc_count"] for k, b in buckets.items()}
        else:
            counts[name] = {str(b["key"]): b["doc_count"] for b in buckets}
    return counts


def phrase_label(phrase: Phrase) -> str:
    """A chip's text for what a query's words were understood as."""
    if phrase.kind == "ocop":
        if len(phrase.stars) == len(STAR_LEVELS):
            return _("Có chứng nhận OCOP")
        if len(phrase.stars) > 1:
            return _("OCOP từ %(stars)s sao") % {"stars": min(phrase.stars)}
        return _("OCOP %(stars)s sao") % {"stars": phrase.stars[0]}
    if phrase.kind == "price":
        if phrase.price_min is None:
            return _("Giá đến %(price)s") % {"price": format_vnd(phrase.price_max)}
        return price_label(phrase.price_min, phrase.price_max)
    if phrase.place.kind == "district":
        return _("%(district)s (cũ)") % {"district": phrase.place.label}
    return phrase.place.label
