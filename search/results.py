"""What a search returns, whether the engine or the database fallback answered.

Result cards are plain dicts built from the indexed documents (or, in the fallback,
from the same document builder), so both paths render identically.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext as _

from marketplace.formatting import format_vnd
from search.params import STAR_LEVELS, SearchParams
from search.queries import PRICE_RANGES, price_range_key

LABELS_CACHE_KEY = "search:facet-labels"
LABELS_TTL = 300
FACET_ORDER = ("category", "ocop", "commune", "seller_type", "price", "certification")


@dataclass
class SearchResults:
    params: SearchParams
    total: int
    results: list[dict]
    facets: dict[str, list[dict]] = field(default_factory=dict)
    suggestion: str | None = None
    degraded: bool = False
    took_ms: float = 0.0

    @property
    def page(self) -> int:
        return self.params.page

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.params.page_size))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    def api_payload(self) -> dict:
        payload = {
            "total": self.total,
            "page": self.page,
            "results": [
                {
                    "title": r["title"],
                    "url": r["url"],
                    "seller": r["seller"],
                    "price_vnd": r["price_vnd"],
                    "unit": r["unit"],
                    "ocop_stars": r["ocop_stars"],
                    "image": r["image"],
                }
                for r in self.results
            ],
            "facets": {
                name: [
                    {"key": b["key"], "label": b["label"], "count": b["count"]}
                    for b in buckets
                ]
                for name, buckets in self.facets.items()
            },
            "suggestion": self.suggestion,
        }
        if self.degraded:
            payload["degraded"] = True
        return payload


def ocop_stars(source: dict, today: datetime.date) -> int | None:
    """Stars of the best certificate still valid today (None: not OCOP now)."""
    for level in STAR_LEVELS:
        until = source.get(f"ocop{level}_until")
        if until and datetime.date.fromisoformat(str(until)[:10]) >= today:
            return level
    return None


def card(source: dict, today: datetime.date, highlight: dict | None = None) -> dict:
    # The query highlights the accent-folded fields (see queries.product_search).
    highlight = highlight or {}
    title_html = highlight.get("title.folded", [""])[0]
    snippet = highlight.get("summary.folded", [""])[0]
    return {
        "title": source.get("title", ""),
        "title_html": title_html,
        "snippet_html": snippet,
        "url": source.get("url"),
        "seller": source.get("seller_name") or "",
        "seller_url": source.get("seller_url"),
        "seller_verified": bool(source.get("seller_verified")),
        "price_vnd": source.get("price_vnd"),
        "price_display": format_vnd(source.get("price_vnd")),
        "unit": source.get("unit") or "",
        "ocop_stars": ocop_stars(source, today),
        "image": source.get("image"),
        "image_alt": source.get("image_alt") or "",
        "summary": source.get("summary") or "",
        "commune_name": source.get("commune_name") or "",
        "category": source.get("category") or "",
        "category_name": source.get("category_name") or "",
        "in_stock": bool(source.get("in_stock", True)),
    }


def _reference_labels() -> dict[str, dict[str, str]]:
    labels = cache.get(LABELS_CACHE_KEY)
    if labels is None:
        from catalog.models import Category, Certification
        from sellers.models import AdminUnit

        labels = {
            "category": dict(Category.objects.values_list("slug", "name")),
            "commune": dict(AdminUnit.objects.values_list("code", "name")),
            "certification": dict(Certification.objects.values_list("code", "name")),
        }
        cache.set(LABELS_CACHE_KEY, labels, LABELS_TTL)
    return labels


def forget_labels() -> None:
    cache.delete(LABELS_CACHE_KEY)


def price_label(low: int | None, high: int | None) -> str:
    if low is None:
        return _("Dưới %(price)s") % {"price": format_vnd(high)}
    if high is None:
        return _("Từ %(price)s") % {"price": format_vnd(low)}
    return f"{format_vnd(low)} – {format_vnd(high)}"


def label_facets(counts: dict[str, dict[str, int]], params: SearchParams) -> dict:
    """``{facet: {key: count}}`` -> ordered buckets with labels and selection state."""
    from sellers.models import SellerType

    reference = _reference_labels()
    seller_types = dict(SellerType.choices)
    selected = params.facet_selection()
    facets: dict[str, list[dict]] = {}
    for name in FACET_ORDER:
        values = counts.get(name, {})
        buckets = []
        if name == "ocop":
            for level in STAR_LEVELS:
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
