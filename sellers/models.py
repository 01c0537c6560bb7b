"""Sellers: the province's communes and wards, and each producer's profile page."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.fields import RichTextField
from wagtail.models import ModelLogEntry, Page, PageLogEntry
from wagtail.search import index

from marketplace.helpers import listing
from marketplace.helpers.text import fold
from marketplace.page_mixins import (
    FoldedSlugMixin,
    ViewRestrictionsInOneQueryMixin,
    with_view_restriction_flag,
    without_view_restrictions,
)
from sellers.forms import SellerPageForm
from sellers.validators import (
    display_phone,
    normalize_phone,
    normalize_tax_code,
    validate_tax_code,
)


class AdminUnit(models.Model):
    """A commune (xã) or ward (phường) of the merged province, from NQ 1687 (2025)."""

    code = models.CharField(_("mã đơn vị"), max_length=5, primary_key=True)
    name = models.CharField(_("tên"), max_length=80)
    full_name = models.CharField(_("tên đầy đủ"), max_length=100)
    unit_type = models.CharField(_("loại đơn vị"), max_length=10)
    former_province = models.CharField(_("tỉnh cũ"), max_length=40)
    former_district_hint = models.CharField(
        _("huyện cũ (gợi ý)"), max_length=60, blank=True
    )
    # The commune page's address (/xa-phuong/<slug>/): the name, ASCII-folded.
    slug = models.SlugField(_("đường dẫn"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("xã/phường")
        verbose_name_plural = _("xã/phường")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unit_slug(self.name)
            # Two units folding alike ("Long Hồ", "Long Hổ") keep apart by code.
            if AdminUnit.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
                self.slug = f"{self.slug}-{self.code}"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("commune", kwargs={"slug": self.slug})


def unit_slug(name: str) -> str:
    """ "Phú Khương" -> "phu-khuong", with the project's one Vietnamese folding."""
    return slugify(fold(name))


class SellerType(models.TextChoices):
    COOPERATIVE = "cooperative", _("Hợp tác xã")
    HOUSEHOLD_BUSINESS = "household_business", _("Hộ kinh doanh")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    PRODUCTION_FACILITY = "production_facility", _("Cơ sở sản xuất")
    COOPERATIVE_GROUP = "cooperative_group", _("Tổ hợp tác")


class IdentityMethod(models.TextChoices):
    VNEID = "vneid", _("VNeID")
    CITIZEN_ID = "citizen_id", _("Căn cước công dân")
    BUSINESS_REGISTRATION = "business_registration", _("Đăng ký kinh doanh")


def decision_log(seller: "SellerPage", limit: int = 100) -> list:
    """The seller's decisions, newest first: the department's on the seller and
    its listings (page log) and its application's (approve, reject)."""
    entries = list(
        PageLogEntry.objects.filter(page=seller, action__startswith="sellers.")
        .select_related("user")
        .order_by("-timestamp")[:limit]
    )
    application = getattr(seller, "application", None)
    if application is not None:
        entries += list(
            ModelLogEntry.objects.for_instance(application).select_related("user")
        )
    return sorted(entries, key=lambda entry: entry.timestamp, reverse=True)


class ApplicationRecordPanel(Panel):
    """The seller's registration, identity check, suspension and the log of the
    department's decisions, read only."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "sellers/admin/application_record_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["seller"] = self.instance
            context["entries"] = decision_log(self.instance) if self.instance.pk else []
            context["application"] = (
                SellerApplication.objects.filter(seller_id=self.instance.pk)
                .select_related("decided_by")
                .first()
                if self.instance.pk
                else None
            )
            return context


class SellerIndexPage(FoldedSlugMixin, Page):
    """The directory of every seller; sellers' pages and products live under it."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["sellers.SellerPage"]
    parent_page_types = ["marketplace.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh bạ người bán")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sellers = (
            without_view_restrictions(SellerPage.objects.live())
            .filter(suspended_at__isnull=True)
            .child_of(self)
            .select_related("commune", "logo")
            .order_by("title")
        )
        seller_type = request.GET.get("loai")
        if seller_type in SellerType.values:
            sellers = sellers.filter(seller_type=seller_type)
        else:
            seller_type = ""
        sellers = sellers.annotate(
            product_count=Count(
                "products",
                filter=Q(
                    products__live=True,
                    products__hidden_at__isnull=True,
                    products__held_for_screening=False,
                ),
            )
        )
        page = Paginator(sellers, 30).get_page(request.GET.get("trang"))
        page.object_list = list(page.object_list)
        listing.seller_logos(page.object_list)
        context["seller_types"] = SellerType.choices
        context["selected_type"] = seller_type
        context["sellers"] = page
        context["query_string"] = f"loai={seller_type}" if seller_type else ""
        return context


DEPARTMENT_FIELDS = (
    "identity_method",
    "identity_checked_on",
    "identity_checked_by_id",
    "identity_note",
    "suspended_at",
    "suspension_reason",
)


class SellerPage(FoldedSlugMixin, ViewRestrictionsInOneQueryMixin, Page):
    """A cooperative's, household business's or enterprise's public profile."""

    legal_name = models.CharField(_("tên pháp lý"), max_length=255)
    seller_type = models.CharField(
        _("loại hình"), max_length=24, choices=SellerType.choices
    )
    tax_code = models.CharField(
        _("mã số thuế"),
        max_length=14,
        blank=True,
        validators=[validate_tax_code],
        help_text=_("10 chữ số, 10 số-3 số (chi nhánh) hoặc 12 số định danh cá nhân."),
    )
    representative = models.CharField(_("người đại diện"), max_length=120, blank=True)
    phone = models.CharField(
        _("điện thoại"),
        max_length=16,
        blank=True,
        help_text=_("Ví dụ 0912 345 678; lưu dạng +84."),
    )
    email = models.EmailField(_("email"), blank=True)
    street_line = models.CharField(
        _("địa chỉ (số nhà, đường, ấp/khóm)"), max_length=255, blank=True
    )
    commune = models.ForeignKey(
        AdminUnit,
        verbose_name=_("xã/phường"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sellers",
    )
    legacy_district = models.CharField(
        _("huyện cũ (địa chỉ trước 07/2025)"), max_length=80, blank=True
    )
    year_founded = models.PositiveSmallIntegerField(
        _("năm thành lập"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    members = models.PositiveIntegerField(
        _("số thành viên"), null=True, blank=True, help_text=_("Với hợp tác xã.")
    )
    story = RichTextField(_("câu chuyện"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    shipping_fee_vnd = models.PositiveIntegerField(
        _("phí giao hàng (đồng)"),
        default=30000,
        validators=[MaxValueValidator(5_000_000)],
        help_text=_("Phí cố định cho mỗi đơn của người bán này."),
    )
    free_shipping_threshold_vnd = models.PositiveBigIntegerField(
        _("miễn phí giao hàng từ (đồng)"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu không miễn phí giao hàng."),
    )
    allows_cod = models.BooleanField(
        _("nhận thanh toán khi nhận hàng (COD)"), default=True
    )
    # The seller's own terms, in its words: shown on its page and its products'.
    shipping_terms = models.TextField(
        _("điều kiện giao hàng"),
        blank=True,
        max_length=2000,
        help_text=_("Ví dụ: giao trong 2–3 ngày trong tỉnh, đóng gói hút chân không."),
    )
    returns_terms = models.TextField(
        _("chính sách đổi trả"),
        blank=True,
        max_length=2000,
        help_text=_("Ví dụ: đổi trong 7 ngày nếu hàng lỗi, kèm ảnh khi nhận hàng."),
    )
    contact_terms = models.TextField(
        _("liên hệ hỗ trợ"),
        blank=True,
        max_length=1000,
        help_text=_("Giờ nhận điện thoại, Zalo, người phụ trách đơn hàng."),
    )
    verified = models.BooleanField(_("đã xác minh"), default=False)
    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("xác minh bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The department's identity check (Law 122/2025), apart from the badge.
    identity_method = models.CharField(
        _("cách xác minh danh tính"),
        max_length=24,
        choices=IdentityMethod.choices,
        blank=True,
        editable=False,
    )
    identity_checked_on = models.DateField(
        _("ngày xác minh danh tính"), null=True, blank=True, editable=False
    )
    identity_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("xác minh danh tính bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    identity_note = models.TextField(_("ghi chú xác minh"), blank=True, editable=False)
    # A suspended seller's pages and products leave the public site; nothing is deleted.
    suspended_at = models.DateTimeField(
        _("tạm ngừng lúc"), null=True, blank=True, editable=False, db_index=True
    )
    suspension_reason = models.TextField(
        _("lý do tạm ngừng"), blank=True, editable=False
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldRowPanel([FieldPanel("seller_type"), FieldPanel("tax_code")]),
                FieldPanel("representative"),
                FieldRowPanel([FieldPanel("year_founded"), FieldPanel("members")]),
            ],
            heading=_("Thông tin pháp lý"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("street_line"),
                FieldPanel("commune"),
                FieldPanel("legacy_district"),
            ],
            heading=_("Liên hệ và địa chỉ"),
        ),
        FieldPanel("story"),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("cover_image")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("shipping_fee_vnd"),
                        FieldPanel("free_shipping_threshold_vnd"),
                    ]
                ),
                FieldPanel("allows_cod"),
                FieldPanel("shipping_terms"),
                FieldPanel("returns_terms"),
                FieldPanel("contact_terms"),
            ],
            heading=_("Giao hàng và thanh toán"),
        ),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("verified", permission="sellers.verify_seller"),
                ApplicationRecordPanel(),
            ],
            heading=_("Xác minh của Sở Công Thương"),
        )
    ]
    search_fields = Page.search_fields + [
        index.SearchField("legal_name"),
        index.FilterField("seller_type"),
    ]

    parent_page_types = ["sellers.SellerIndexPage"]
    subpage_types = ["catalog.ProductPage"]
    base_form_class = SellerPageForm

    class Meta:
        verbose_name = _("người bán")
        verbose_name_plural = _("người bán")
        permissions = [("verify_seller", _("Xác minh người bán"))]

    def clean(self):
        super().clean()
        self.tax_code = normalize_tax_code(self.tax_code)
        if self.phone:
            try:
                self.phone = normalize_phone(self.phone)
            except ValidationError as exc:
                raise ValidationError({"phone": exc.messages}) from exc
        if self.members and self.seller_type not in (
            SellerType.COOPERATIVE,
            SellerType.COOPERATIVE_GROUP,
        ):
            raise ValidationError(
                {"members": _("Chỉ hợp tác xã và tổ hợp tác có số thành viên.")}
            )

    def record_verification(self, user, verified: bool = True) -> None:
        """Who verified the seller and when (the admin form, the importer); taking
        the mark off clears both."""
        self.verified = verified
        self.verified_at = timezone.now() if verified else None
        self.verified_by = user if verified else None

    def with_content_json(self, content):
        """The department's identity check and suspension are never a revision's:
        publishing an edit keeps them as they are."""
        obj = super().with_content_json(content)
        # From the database: this instance may predate the decision.
        current = (
            SellerPage.objects.filter(pk=self.pk).values(*DEPARTMENT_FIELDS).first()
        )
        for name, value in (current or {}).items():
            setattr(obj, name, value)
        return obj

    def save(self, *args, **kwargs):
        if self.verified and not self.verified_at:
            self.verified_at = timezone.now()
        if not self.verified:
            self.verified_at = None
            self.verified_by = None
        super().save(*args, **kwargs)

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    @property
    def has_terms(self) -> bool:
        return bool(self.shipping_terms or self.returns_terms or self.contact_terms)

    @property
    def address_display(self) -> str:
        parts = [self.street_line]
        if self.commune_id:
            parts.append(self.commune.full_name)
        parts.append("tỉnh Vĩnh Long")
        return ", ".join(p for p in parts if p)

    @classmethod
    def display_queryset(cls):
        """Seller pages with what the public profile shows joined in.

        Pages from it carry ``loaded_for_display`` so the view does not load them again.
        """
        return with_view_restriction_flag(
            cls.objects.select_related("commune").annotate(
                loaded_for_display=models.Value(True)
            )
        )

    def serve(self, request, *args, **kwargs):
        # A suspended seller is gone for the public; the admin's preview still works.
        if self.suspended_at is not None and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        seller = self
        preview = getattr(request, "is_preview", False)
        if not preview and not getattr(self, "loaded_for_display", False):
            seller = SellerPage.display_queryset().get(pk=self.pk)
        # Its products (a page at a time), logo and cover come from the listing
        # pipeline, above this app; the cards', logo's and cover's renditions are
        # read in one query.
        context.update(listing.seller_listing(seller, request))
        url = seller.get_url(request) or ""
        context.update(
            page=seller,
            self=seller,
            breadcrumbs=[
                {"name": gettext("Trang chủ"), "url": "/"},
                # The directory is the parent page: its URL is ours minus the slug.
                {
                    "name": gettext("Người bán"),
                    "url": url[: url.rstrip("/").rfind("/") + 1],
                },
                {"name": seller.title, "url": url},
            ],
        )
        return context


class SellerAccess(models.Model):
    """Links a seller to the group that edits its subtree and its media collection."""

    seller = models.OneToOneField(
        SellerPage, on_delete=models.CASCADE, related_name="access"
    )
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="seller_access"
    )
    media_collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("quyền của người bán")

    def __str__(self) -> str:
        return str(self.group)


def _private_storage():
    """Registration documents never go under MEDIA_ROOT (settings STORAGES)."""
    return storages["private"]


class SellerApplication(models.Model):
    """A producer's request to sell on the floor (/dang-ky-ban-hang/), with its
    business-registration document; the department approves or rejects it in the
    admin, and the applicant follows it by its reference."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Từ chối")

    reference = models.CharField(_("mã hồ sơ"), max_length=12, unique=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    legal_name = models.CharField(_("tên pháp lý"), max_length=255)
    seller_type = models.CharField(
        _("loại hình"), max_length=24, choices=SellerType.choices
    )
    tax_code = models.CharField(
        _("mã số thuế"), max_length=14, validators=[validate_tax_code], db_index=True
    )
    representative = models.CharField(_("người đại diện"), max_length=120)
    representative_id_number = models.CharField(
        _("số CCCD của người đại diện"), max_length=12
    )
    phone = models.CharField(_("điện thoại"), max_length=16)
    email = models.EmailField(_("email"))
    street_line = models.CharField(
        _("địa chỉ (số nhà, đường, ấp/khóm)"), max_length=255
    )
    commune = models.ForeignKey(
        AdminUnit,
        verbose_name=_("xã/phường"),
        on_delete=models.PROTECT,
        related_name="seller_applications",
    )
    categories = models.CharField(_("nhóm sản phẩm"), max_length=255)
    products = models.TextField(_("sản phẩm tiêu biểu"), max_length=1000)
    document = models.FileField(
        _("giấy đăng ký kinh doanh"),
        storage=_private_storage,
        upload_to="seller-applications/%Y/%m/",
        max_length=200,
    )
    consent_at = models.DateTimeField(_("đồng ý xử lý dữ liệu lúc"))
    submitted_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    decided_at = models.DateTimeField(_("quyết định lúc"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("quyết định bởi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_reason = models.TextField(_("lý do"), blank=True)
    seller = models.OneToOneField(
        SellerPage,
        verbose_name=_("người bán"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("hồ sơ đăng ký bán hàng")
        verbose_name_plural = _("hồ sơ đăng ký bán hàng")
        constraints = [
            # One pending application per tax code, even under concurrent posts.
            models.UniqueConstraint(
                fields=["tax_code"],
                condition=Q(status="pending"),
                name="one_pending_application_per_tax_code",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} · {self.legal_name}"

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)
