"""Product listings from the database: filters, sorting and card-ready querysets."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import OcopCertificate, ProductPage
from sellers.models import AdminUnit, SellerType

PAGE_SIZE = 24

SORTS = {
    "newest": ("-first_published_at", _("Mới nhất")),
    "price_asc": ("price_vnd", _("Giá tăng dần")),
    "price_desc": ("-price_vnd", _("Giá giảm dần")),
    "stars": ("-ocop_stars_now", _("Nhiều sao OCOP")),
}


def valid_certificates():
    return OcopCertificate.objects.valid(timezone.localdate())


def with_ocop_stars(products: QuerySet) -> QuerySet:
    """Annotate ``ocop_stars_now``: stars of the best valid certificate, or None."""
    best = (
        valid_certificates()
        .filter(product=OuterRef("pk"))
        .order_by("-stars")
        .values("stars")[:1]
    )
    return products.annotate(ocop_stars_now=Subquery(best))


def _ints(values: list[str], allowed: set[int] | None = None) -> list[int]:
    result = []
    for value in values:
        try:
            number = int(value)
        except (TypeError, ValueError):
            continue
        if allowed is None or number in allowed:
            result.append(number)
    return result


@dataclass
class ProductFilter:
    """Parses the shopper's filter parameters; unknown values are ignored."""

    params: object
    category: object = None
    page_size: int = PAGE_SIZE

    def __post_init__(self):
        get_list = self.params.getlist
        self.stars = _ints(get_list("sao"), {3, 4, 5})
        self.communes = [c for c in get_list("xa") if c.isdigit()]
        self.seller_types = [t for t in get_list("loai") if t in SellerType.values]
        self.price_min = (_ints([self.params.get("gia_tu", "")]) or [None])[0]
        self.price_max = (_ints([self.params.get("gia_den", "")]) or [None])[0]
        self.in_stock = self.params.get("con_hang") == "1"
        sort = self.params.get("sap_xep", "newest")
        self.sort = sort if sort in SORTS else "newest"

    def queryset(self) -> QuerySet:
        products = with_ocop_stars(ProductPage.objects.live())
        if self.category is not None:
            products = products.filter(category=self.category)
        if self.stars:
            products = products.filter(
                Exists(
                    valid_certificates().filter(
                        product=OuterRef("pk"), stars__in=self.stars
                    )
                )
            )
        if self.communes:
            products = products.filter(seller__commune_id__in=self.communes)
        if self.seller_types:
            products = products.filter(seller__seller_type__in=self.seller_types)
        if self.price_min is not None:
            products = products.filter(price_vnd__gte=self.price_min)
        if self.price_max is not None:
            products = products.filter(price_vnd__lte=self.price_max)
        if self.in_stock:
            products = products.filter(available=True).filter(
                Q(stock__isnull=True) | Q(stock__gt=0)
            )
        order = SORTS[self.sort][0]
        if order == "-ocop_stars_now":
            return products.order_by(F("ocop_stars_now").desc(nulls_last=True), "pk")
        return products.order_by(order, "pk")

    def context(self) -> dict:
        from catalog.cards import product_cards

        page = Paginator(self.queryset(), self.page_size).get_page(
            self.params.get("trang")
        )
        page.object_list = product_cards(page.object_list)
        communes = AdminUnit.objects.filter(
            sellers__products__live=True,
            **(
                {"sellers__products__category": self.category}
                if self.category is not None
                else {}
            ),
        ).distinct()
        return {
            "products": page,
            "filters": self,
            "sort_options": [(key, label) for key, (_o, label) in SORTS.items()],
            "seller_type_options": SellerType.choices,
            "star_options": [3, 4, 5],
            "commune_options": communes.order_by("name"),
            "query_string": self.query_string(),
        }

    def query_string(self) -> str:
        """The current filters without the page number, for pagination links."""
        params = self.params.copy()
        params.pop("trang", None)
        return params.urlencode()
