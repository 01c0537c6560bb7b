"""Product pages (under their seller) and category listing pages."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from catalog.forms import REVIEWED_RELATIONS, ProductPageForm
from catalog.models.licences import ALCOHOL_LICENCE_ABV, LicenceKind, SellerLicence
from catalog.models.snippets import OcopGroup
from marketplace.formatting import format_vnd
from marketplace.helpers import listing
from marketplace.page_mixins import (
    FoldedSlugMixin,
    ViewRestrictionsInOneQueryMixin,
    with_view_restriction_flag,
)

MAX_PRICE_VND = 1_000_000_000

# (product page, request) -> what the product page shows beyond the page itself:
# gallery, certificates, related cards... ``catalog.product_detail`` builds it from
# cards and renditions, which import these models, so CatalogConfig.ready() plugs
# it in here rather than this module importing it.
product_detail = listing.Port("the product page's details")


class ProductTag(TaggedItemBase):
    content_object = ParentalKey(
        "catalog.ProductPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ProductImage(Orderable):
    """One picture of a product's gallery; the first is the cover."""

    page = ParentalKey(
        "catalog.ProductPage", related_name="gallery_images", on_delete=models.CASCADE
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    alt_text = models.CharField(
        _("mô tả ảnh (alt)"),
        max_length=200,
        help_text=_("Mô tả ngắn nội dung ảnh cho người dùng trình đọc màn hình."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("ảnh sản phẩm")


def best_valid_certificate(certificates):
    """The verified, unexpired certificate with the most stars, or None."""
    today = timezone.localdate()
    valid = [c for c in certificates if c.is_valid(today)]
    return max(valid, key=lambda c: (c.stars, c.expires_on), default=None)


MODERATION_FIELDS = (
    "hidden_at",
    "held_for_screening",
    "screening_matches",
    "screening_cleared",
)


class ProductPage(FoldedSlugMixin, ViewRestrictionsInOneQueryMixin, Page):
    """A product a seller offers; lives under its SellerPage."""

    summary = models.CharField(_("tóm tắt"), max_length=300, blank=True)
    description = RichTextField(_("mô tả chi tiết"), blank=True)
    category = models.ForeignKey(
        "catalog.Category",
        verbose_name=_("danh mục"),
        on_delete=models.PROTECT,
        related_name="products",
    )
    ocop_group = models.PositiveSmallIntegerField(
        _("nhóm sản phẩm OCOP"), choices=OcopGroup.choices, null=True, blank=True
    )
    price_vnd = models.PositiveBigIntegerField(
        _("giá (đồng)"),
        validators=[
            MinValueValidator(1, message=_("Giá phải lớn hơn 0 đồng.")),
            MaxValueValidator(MAX_PRICE_VND, message=_("Giá vượt quá 1 tỷ đồng.")),
        ],
    )
    unit = models.CharField(_("đơn vị tính"), max_length=30)
    pack_size = models.CharField(_("quy cách đóng gói"), max_length=80, blank=True)
    min_order = models.PositiveIntegerField(
        _("số lượng đặt tối thiểu"), default=1, validators=[MinValueValidator(1)]
    )
    stock = models.PositiveIntegerField(
        _("tồn kho"), null=True, blank=True, help_text=_("Để trống nếu không theo dõi.")
    )
    available = models.BooleanField(_("đang bán"), default=True)
    origin_commune = models.ForeignKey(
        "sellers.AdminUnit",
        verbose_name=_("xã/phường xuất xứ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ingredients = models.TextField(_("thành phần / nguyên liệu"), blank=True)
    shelf_life = models.CharField(_("hạn sử dụng"), max_length=80, blank=True)
    storage = models.CharField(_("bảo quản"), max_length=200, blank=True)
    certifications = ParentalManyToManyField(
        "catalog.Certification", verbose_name=_("chứng nhận khác"), blank=True
    )
    tags = ClusterTaggableManager(through=ProductTag, blank=True, verbose_name=_("thẻ"))
    alcohol_abv = models.DecimalField(
        _("nồng độ cồn (% thể tích)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0, message=_("Nồng độ cồn từ 0 đến 100%.")),
            MaxValueValidator(100, message=_("Nồng độ cồn từ 0 đến 100%.")),
        ],
        help_text=_("Đồ uống từ 5,5 độ trở lên cần giấy phép bán lẻ rượu."),
    )
    required_licence = models.CharField(
        _("hàng kinh doanh có điều kiện"),
        max_length=30,
        choices=LicenceKind.choices,
        blank=True,
        help_text=_("Để trống nếu danh mục và nồng độ cồn không đòi giấy phép."),
    )
    # Denormalised from the tree so listings filter by seller without joins on path.
    seller = models.ForeignKey(
        "sellers.SellerPage",
        verbose_name=_("người bán"),
        on_delete=models.SET_NULL,
        related_name="products",
        editable=False,
        null=True,
    )

    # Moderation (catalog.moderation): a listing the department hid, or one held
    # because its text matched the screening keywords, stays off the public site.
    hidden_at = models.DateTimeField(
        _("bị ẩn lúc"), null=True, blank=True, editable=False, db_index=True
    )
    held_for_screening = models.BooleanField(
        _("chờ kiểm duyệt từ khoá"), default=False, editable=False
    )
    screening_matches = models.CharField(
        _("từ khoá trùng"), max_length=500, blank=True, editable=False
    )
    screening_cleared = models.CharField(
        _("nội dung đã được duyệt"), max_length=40, blank=True, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("ocop_group")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price_vnd"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("pack_size"), FieldPanel("min_order")]),
                FieldRowPanel([FieldPanel("stock"), FieldPanel("available")]),
            ],
            heading=_("Giá và tồn kho"),
        ),
        InlinePanel(
            "gallery_images",
            label=_("Bộ ảnh"),
            min_num=1,
            heading=_("Bộ ảnh (ảnh đầu tiên là ảnh đại diện)"),
        ),
        FieldPanel("description"),
        # Verified by the department, not approved with the page: the form writes
        # them at once (catalog.forms.ProductPageForm) and revisions leave them out.
        InlinePanel(
            "ocop_certificates",
            label=_("Chứng nhận OCOP"),
            heading=_("Chứng nhận OCOP (Sở Công Thương xác minh)"),
            panels=[
                FieldRowPanel([FieldPanel("stars"), FieldPanel("level")]),
                FieldRowPanel(
                    [FieldPanel("decision_number"), FieldPanel("decision_date")]
                ),
                FieldPanel("expires_on"),
                FieldPanel("certificate_file"),
            ],
        ),
        InlinePanel(
            "rural_awards",
            label=_("Sản phẩm CNNT tiêu biểu"),
            heading=_("Sản phẩm công nghiệp nông thôn tiêu biểu"),
            panels=[
                FieldRowPanel([FieldPanel("level"), FieldPanel("year")]),
                FieldPanel("decision_number"),
            ],
        ),
        MultiFieldPanel(
            [
                FieldPanel("origin_commune"),
                FieldPanel("ingredients"),
                FieldRowPanel([FieldPanel("shelf_life"), FieldPanel("storage")]),
                FieldPanel("certifications"),
                FieldPanel("tags"),
            ],
            heading=_("Nguồn gốc và chất lượng"),
        ),
        MultiFieldPanel(
            [FieldPanel("alcohol_abv"), FieldPanel("required_licence")],
            heading=_("Hàng kinh doanh có điều kiện"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.FilterField("category"),
        index.FilterField("seller"),
    ]

    parent_page_types = ["sellers.SellerPage"]
    subpage_types: list[str] = []
    base_form_class = ProductPageForm
    # A copy starts without certificates: they belong to the product verified.
    exclude_fields_in_copy = list(REVIEWED_RELATIONS)

    class Meta:
        verbose_name = _("sản phẩm")
        verbose_name_plural = _("sản phẩm")

    def clean(self):
        super().clean()
        if self.ocop_group == OcopGroup.TOURISM:
            raise ValidationError(
                {"ocop_group": _("Dịch vụ du lịch không phải hàng hoá bán trên sàn.")}
            )
        # Going live (the importer, a workflow approval, revision.publish()) needs
        # the licence; the admin form checks it itself, drafts included.
        if self.live and not getattr(self, "licence_checked_by_form", False):
            problem = self.licence_problem()
            if problem:
                raise ValidationError(problem, code="licence_required")

    # -- regulated goods --

    @property
    def required_licence_kind(self) -> str:
        """The licence class the product needs ("" for none): its own flag, its
        category's, or its alcohol strength."""
        if self.required_licence:
            return self.required_licence
        if self.category_id and self.category.required_licence:
            return self.category.required_licence
        if self.alcohol_abv is not None and self.alcohol_abv >= ALCOHOL_LICENCE_ABV:
            return LicenceKind.ALCOHOL_RETAIL
        return ""

    def covering_licence(self, seller_id: int | None = None) -> SellerLicence | None:
        """The seller's verified licence in force today for the product's class."""
        kind = self.required_licence_kind
        if not kind:
            return None
        seller_id = seller_id or self.seller_id
        if seller_id is None and self.path:
            parent = self.get_parent()
            seller_id = parent.pk if parent is not None else None
        return (
            SellerLicence.objects.covering(seller_id, kind)
            .order_by("-expires_on")
            .first()
        )

    def licence_problem(self, seller_id: int | None = None) -> str | None:
        """Why the product cannot be published (Vietnamese), or None."""
        kind = self.required_licence_kind
        if not kind or self.covering_licence(seller_id) is not None:
            return None
        return _(
            "Sản phẩm thuộc hàng kinh doanh có điều kiện (%(kind)s): chỉ được đăng "
            "bán khi người bán có giấy phép đã được Sở Công Thương xác minh và còn "
            "hiệu lực."
        ) % {"kind": LicenceKind(kind).label}

    def save(self, *args, **kwargs):
        if self.path and self.seller_id is None:
            parent = self.get_parent()
            if parent is not None:
                self.seller_id = parent.id
        if self.ocop_group is None and self.category_id:
            self.ocop_group = self.category.default_ocop_group
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Stock is live data that checkout reserves and releases between revisions,
        so publishing an older revision must not overwrite it. A seller's deliberate
        change of the figure is applied by ``catalog.stock.apply_edited_stock``."""
        # Certificates and awards are the database's (see content_panels): an
        # older revision neither brings back nor deletes one.
        content = {k: v for k, v in content.items() if k not in REVIEWED_RELATIONS}
        obj = super().with_content_json(content)
        obj.stock = self.stock
        # Moderation is the department's, never a revision's (catalog.moderation).
        # From the database: this instance may predate the decision.
        current = (
            ProductPage.objects.filter(pk=self.pk).values(*MODERATION_FIELDS).first()
        )
        for name, value in (current or {}).items():
            setattr(obj, name, value)
        return obj

    # -- display helpers (they use prefetched data when listing helpers set it) --

    @classmethod
    def display_queryset(cls):
        """Product pages with everything the public page shows joined or prefetched.

        Pages from it carry ``loaded_for_display`` so the view does not load them
        again; ``catalog.product_detail`` reads their lists (gallery, certificates,
        tags...) with one plain query each, several times cheaper than prefetching.
        The live category page's ``url_path`` comes as a subquery: a join would
        rename the page table the view-restriction flag's SQL names.
        """
        category_page = CategoryPage.objects.filter(
            category_id=models.OuterRef("category_id"), live=True
        ).values("url_path")[:1]
        return with_view_restriction_flag(
            cls.objects.select_related(
                "seller__commune",
                "origin_commune",
                "category",
            ).annotate(
                loaded_for_display=models.Value(True),
                category_url_path=models.Subquery(category_page),
            )
        )

    @cached_property
    def category_url_path(self) -> str | None:
        """``url_path`` of the live page of the product's category, or None.

        ``display_queryset`` reads it with the page; a preview asks for it.
        """
        if not self.category_id:
            return None
        return (
            CategoryPage.objects.live()
            .filter(category_id=self.category_id)
            .values_list("url_path", flat=True)
            .first()
        )

    def breadcrumb_parents(self) -> list[tuple[str, str]]:
        """``(title, url_path)`` of the pages shoppers reach the product through,
        for the breadcrumbs: its category page (shoppers browse by category), then
        its seller. Both come with a page from ``display_queryset``."""
        parents = []
        if self.category_id and self.category_url_path:
            parents.append((self.category.display_name, self.category_url_path))
        if self.seller is not None:
            parents.append((self.seller.title, self.seller.url_path))
        return parents

    @cached_property
    def images(self) -> list[ProductImage]:
        return list(self.gallery_images.all())

    @property
    def primary_image(self) -> ProductImage | None:
        images = self.images
        return images[0] if images else None

    @cached_property
    def current_ocop(self):
        """The best verified, unexpired OCOP certificate, or None."""
        if self.pk is None:  # a new page being previewed has no certificates yet
            return None
        return best_valid_certificate(self.ocop_certificates.all())

    @property
    def price_display(self) -> str:
        return f"{format_vnd(self.price_vnd)} / {self.unit}"

    @property
    def in_stock(self) -> bool:
        return self.available and (self.stock is None or self.stock > 0)

    @property
    def moderated_away(self) -> bool:
        """Hidden by a takedown, held by the screening, or its seller suspended
        (the rest of the rule is in ``catalog.visibility``)."""
        if self.hidden_at is not None or self.held_for_screening:
            return True
        return self.seller_id is not None and self.seller.suspended_at is not None

    def serve(self, request, *args, **kwargs):
        # The public gets 404; the seller and the department still preview it.
        if self.moderated_away and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(product_detail(self, request))
        return context


class CategoryPage(FoldedSlugMixin, ViewRestrictionsInOneQueryMixin, Page):
    """Browse page for one shop category, with filters that work without JavaScript."""

    category = models.OneToOneField(
        "catalog.Category",
        verbose_name=_("danh mục"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("category"),
        FieldPanel("intro"),
    ]
    parent_page_types = ["marketplace.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("trang danh mục")

    @classmethod
    def display_queryset(cls):
        """Category pages with their category and view-restriction flag, for the
        home page's routing shortcut."""
        return with_view_restriction_flag(cls.objects.select_related("category"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The listing pipeline (engine first, the database otherwise) sits above
        # the catalogue: it answers through the listing port.
        context.update(listing.category_listing(self, request))
        return context
