"""The department's catalogue tools in the admin: categories, certifications, OCOP
certificates (with verification) and rural-industrial awards; and "In tem QR", the
sheet of QR labels for sellers and the department.

The viewsets are grouped under "Sở Công Thương" in marketplace/wagtail_hooks.py.
Sellers may submit OCOP certificates for their own products; every certificate view
is scoped through catalog.permissions.OcopCertificatePermissionPolicy, which
CatalogConfig.ready() registers before any viewset.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_filters import ChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from catalog import admin_urls, moderation_urls
from catalog.admin_forms import OcopCertificateForm, SellerLicenceForm
from catalog.admin_views import can_print_labels
from catalog.dashboard import SellerHomePanel
from catalog.models import (
    Category,
    Certification,
    OcopCertificate,
    ProductPage,
    ReviewStatus,
    RuralIndustrialAward,
    ScreeningKeyword,
    SellerLicence,
    Takedown,
)
from catalog.permissions import (
    VERIFY_PERMISSION,
    awaiting_verification_count,
    return_to_sellers,
    verify_certificates,
)
from catalog.sales_data import SALES_DATA_ACTION
from catalog.spreadsheet import admin_urls as spreadsheet_urls
from catalog.spreadsheet.services import can_upload
from catalog.stock import apply_edited_stock
from marketplace.formatting import format_date
from sellers.isolation import SellerRecordsChooserViewSet
from sellers.services import is_department, sellers_for_request, sellers_for_user


def verify_url(certificate, next_url: str = "", action: str = "verify") -> str:
    """The confirmation page of the "Xác minh" (or "Trả lại") action for one
    certificate or award."""
    model_name = certificate._meta.model_name
    url = reverse("wagtail_bulk_action", args=("catalog", model_name, action))
    params = {"id": certificate.pk}
    if next_url:
        params["next"] = next_url
    return f"{url}?{urlencode(params)}"


# -- OCOP certificate listing -------------------------------------------------------

RECENTLY_EXPIRED_DAYS = 90


def _status_choices():
    return ReviewStatus.choices


def filter_expiry(queryset, value: str):
    """Expiring within 30 or 90 days, expired, or lapsed in the last 90 days."""
    today = timezone.localdate()
    if value in ("30", "90"):
        until = today + datetime.timedelta(days=int(value))
        return queryset.filter(expires_on__gte=today, expires_on__lte=until)
    if value == "expired":
        return queryset.filter(expires_on__lt=today)
    if value == "recent":
        since = today - datetime.timedelta(days=RECENTLY_EXPIRED_DAYS)
        return queryset.filter(expires_on__lt=today, expires_on__gte=since)
    return queryset


class OcopCertificateFilterSet(WagtailFilterSet):
    status = ChoiceFilter(
        label=_("Trạng thái"), choices=_status_choices, method="filter_status"
    )
    expiry = ChoiceFilter(
        label=_("Hạn hiệu lực"),
        choices=[
            ("30", _("Hết hạn trong 30 ngày")),
            ("90", _("Hết hạn trong 90 ngày")),
            ("recent", _("Hết hạn gần đây (90 ngày qua)")),
            ("expired", _("Đã hết hạn")),
        ],
        method="filter_expiry",
    )
    stars = ChoiceFilter(label=_("Số sao"), choices=[(3, "3★"), (4, "4★"), (5, "5★")])
    level = ChoiceFilter(
        label=_("Cấp công nhận"), choices=OcopCertificate.Level.choices
    )
    verification = ChoiceFilter(
        label=_("Xác minh"),
        choices=[("verified", _("Đã xác minh")), ("unverified", _("Chưa xác minh"))],
        method="filter_verification",
    )
    validity = ChoiceFilter(
        label=_("Hiệu lực"),
        choices=[
            ("current", _("Còn hiệu lực")),
            ("expired", _("Đã hết hạn")),
            ("missing_date", _("Cần bổ sung ngày quyết định")),
        ],
        method="filter_validity",
    )

    class Meta:
        model = OcopCertificate
        fields = ["stars", "level"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)

    def filter_expiry(self, queryset, name, value):
        return filter_expiry(queryset, value)

    def filter_verification(self, queryset, name, value):
        if value == "verified":
            return queryset.filter(verified_at__isnull=False)
        if value == "unverified":
            return queryset.filter(verified_at__isnull=True)
        return queryset

    def filter_validity(self, queryset, name, value):
        today = timezone.localdate()
        if value == "current":
            return queryset.filter(expires_on__gte=today)
        if value == "expired":
            return queryset.filter(expires_on__lt=today)
        if value == "missing_date":
            return queryset.filter(decision_date__isnull=True)
        return queryset


def _verifier_name(certificate: OcopCertificate) -> str:
    user = certificate.verified_by
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _status_text(record) -> str:
    """The status, with the department's reason when it was returned."""
    if record.is_returned:
        return _("Bị trả lại: %(reason)s") % {"reason": record.return_reason}
    return record.get_status_display()


STATUS_COLUMN = Column("status", label=_("Trạng thái"), accessor=_status_text)


def review_buttons(request, instance) -> list[MenuItem]:
    """ "Xác minh" and "Trả lại" for the department on one listed record."""
    if not request.user.has_perm(VERIFY_PERMISSION):
        return []
    next_url = request.get_full_path()
    buttons = [
        MenuItem(
            _("Trả lại"),
            url=verify_url(instance, next_url, "return"),
            icon_name="undo",
            priority=6,
        )
    ]
    if not instance.is_verified:
        buttons.append(
            MenuItem(
                _("Xác minh"),
                url=verify_url(instance, next_url),
                icon_name="check",
                priority=5,
            )
        )
    return buttons


class ReturnReasonMixin:
    """The edit view tells the seller why the department returned the record."""

    def get(self, request, *args, **kwargs):
        if self.object.is_returned:
            messages.warning(
                request,
                _(
                    "Sở Công Thương đã trả lại hồ sơ này: %(reason)s. "
                    "Sửa và lưu lại để gửi xác minh lại."
                )
                % {"reason": self.object.return_reason},
            )
        return super().get(request, *args, **kwargs)


class OcopCertificateIndexView(snippet_views.IndexView):
    """Edit and delete only where the policy allows; "Xác minh" and "Trả lại" for
    the department."""

    def get_edit_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", instance
        ):
            return super().get_edit_url(instance)
        return None

    def get_delete_url(self, instance):
        if self.permission_policy.user_has_permission_for_instance(
            self.request.user, "delete", instance
        ):
            return super().get_delete_url(instance)
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        return buttons + review_buttons(self.request, instance)


class InstancePermissionMixin:
    """Refuse (403) a certificate the permission policy keeps from this user."""

    instance_actions = ("change",)

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, self.instance_actions, instance
        ):
            raise PermissionDenied
        return instance


class OcopCertificateEditView(
    ReturnReasonMixin, InstancePermissionMixin, snippet_views.EditView
):
    instance_actions = ("change",)


class OcopCertificateDeleteView(InstancePermissionMixin, snippet_views.DeleteView):
    instance_actions = ("delete",)


class OcopCertificateHistoryView(InstancePermissionMixin, snippet_views.HistoryView):
    instance_actions = ("change", "view")


class OcopCertificateUsageView(InstancePermissionMixin, snippet_views.UsageView):
    instance_actions = ("change", "view")


class OcopCertificateInspectView(InstancePermissionMixin, snippet_views.InspectView):
    instance_actions = ("change", "view")


class OcopCertificateViewSet(SnippetViewSet):
    model = OcopCertificate
    icon = "success"
    menu_label = _("Chứng nhận OCOP")
    menu_order = 100
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = OcopCertificateFilterSet
    search_fields = ["product__title", "product__seller__title", "decision_number"]
    index_view_class = OcopCertificateIndexView
    edit_view_class = OcopCertificateEditView
    delete_view_class = OcopCertificateDeleteView
    history_view_class = OcopCertificateHistoryView
    usage_view_class = OcopCertificateUsageView
    inspect_view_class = OcopCertificateInspectView
    # The form scopes products to the seller: it needs catalog.permissions, which
    # the model itself cannot import.
    edit_handler = ObjectList(
        OcopCertificate.panels, base_form_class=OcopCertificateForm
    )
    chooser_viewset_class = SellerRecordsChooserViewSet
    list_display = [
        "product",
        Column(
            "seller",
            label=_("Người bán"),
            accessor=lambda c: c.product.seller or "",
        ),
        Column("stars", label=_("Số sao"), accessor=lambda c: f"{c.stars}★"),
        Column("level", label=_("Cấp"), accessor="get_level_display"),
        Column("decision_number", label=_("Số quyết định")),
        Column(
            "decision_date",
            label=_("Ngày quyết định"),
            accessor=lambda c: format_date(c.decision_date) or _("cần bổ sung"),
            sort_key="decision_date",
        ),
        Column(
            "expires_on",
            label=_("Hết hạn"),
            accessor=lambda c: format_date(c.expires_on),
            sort_key="expires_on",
        ),
        BooleanColumn("is_verified", label=_("Đã xác minh")),
        STATUS_COLUMN,
        Column("verified_by", label=_("Xác minh bởi"), accessor=_verifier_name),
        Column(
            "verified_at",
            label=_("Xác minh lúc"),
            accessor=lambda c: format_date(c.verified_at),
            sort_key="verified_at",
        ),
    ]
    list_export = [
        "product",
        "stars",
        "level",
        "decision_number",
        "decision_date",
        "expires_on",
        "verified_at",
        "returned_at",
        "return_reason",
    ]
    ordering = ["-decision_date", "-id"]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        ).select_related("product", "product__seller", "verified_by")


class VerifyCertificatesBulkAction(SnippetBulkAction):
    """ "Xác minh": the department confirms certificates (and awards) and records
    who and when."""

    display_name = _("Xác minh")
    action_type = "verify"
    aria_label = _("Xác minh các chứng nhận đã chọn")
    template_name = "catalog/admin/confirm_bulk_verify.html"
    action_priority = 20
    models = [OcopCertificate, RuralIndustrialAward, SellerLicence]

    def check_perm(self, certificate):
        return self.request.user.has_perm(VERIFY_PERMISSION)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return verify_certificates(objects, user), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Đã xác minh %(count)d chứng nhận OCOP.",
            "Đã xác minh %(count)d chứng nhận OCOP.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do trả lại"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Hãy ghi lý do trả lại.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Hãy ghi lý do trả lại."))
        return reason


class ReturnCertificatesBulkAction(SnippetBulkAction):
    """ "Trả lại": the department sends records back with a reason the seller sees;
    a verified one loses its verification."""

    display_name = _("Trả lại")
    action_type = "return"
    aria_label = _("Trả lại các hồ sơ đã chọn cho người bán")
    template_name = "catalog/admin/confirm_bulk_return.html"
    action_priority = 21
    models = [OcopCertificate, RuralIndustrialAward, SellerLicence]
    form_class = ReturnForm

    def check_perm(self, record):
        return self.request.user.has_perm(VERIFY_PERMISSION)

    @classmethod
    def execute_action(cls, objects, user=None, reason="", **kwargs):
        return return_to_sellers(objects, user, reason), 0

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "reason": self.cleaned_form.cleaned_data["reason"],
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Đã trả lại %(count)d hồ sơ cho người bán.",
            "Đã trả lại %(count)d hồ sơ cho người bán.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


hooks.register("register_bulk_action", VerifyCertificatesBulkAction)
hooks.register("register_bulk_action", ReturnCertificatesBulkAction)


class AwaitingVerificationMenuItem(AdminMenuItem):
    """ "Chờ xác minh (N)": the department's queue, with its size in the label."""

    def is_shown(self, request):
        return is_department(request.user)

    def render_component(self, request):
        # Built per request (the menu item itself is shared by every request).
        label = _("Chờ xác minh (%(count)d)") % {"count": awaiting_verification_count()}
        url = "{}?{}".format(
            reverse("wagtailsnippets_catalog_ocopcertificate:list"),
            urlencode({"status": ReviewStatus.PENDING}),
        )
        return LinkMenuItemComponent(
            self.name, label, url, icon_name=self.icon_name, attrs=self.attrs
        )


def awaiting_verification_menu_item(order: int = 50) -> AdminMenuItem:
    return AwaitingVerificationMenuItem(
        _("Chờ xác minh"),
        "#",
        name="awaiting-verification",
        icon_name="warning",
        order=order,
    )


# -- reference data the department maintains ----------------------------------------


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Danh mục")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "slug", "default_ocop_group", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


class CertificationViewSet(SnippetViewSet):
    model = Certification
    icon = "tick-inverse"
    menu_label = _("Chứng nhận khác")
    menu_order = 400
    add_to_admin_menu = False
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


class RuralIndustrialAwardFilterSet(WagtailFilterSet):
    status = ChoiceFilter(
        label=_("Trạng thái"),
        choices=[c for c in ReviewStatus.choices if c[0] != ReviewStatus.EXPIRED],
        method="filter_status",
    )

    class Meta:
        model = RuralIndustrialAward
        fields = ["level", "year"]

    def filter_status(self, queryset, name, value):
        if value == ReviewStatus.VERIFIED:
            return queryset.verified()
        if value == ReviewStatus.RETURNED:
            return queryset.returned()
        return queryset.awaiting_verification()


class RuralIndustrialAwardIndexView(snippet_views.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        return buttons + review_buttons(self.request, instance)


class RuralIndustrialAwardEditView(ReturnReasonMixin, snippet_views.EditView):
    pass


class RuralIndustrialAwardViewSet(SnippetViewSet):
    model = RuralIndustrialAward
    icon = "trophy"
    menu_label = _("Sản phẩm CNNT tiêu biểu")
    menu_order = 200
    add_to_admin_menu = False
    index_view_class = RuralIndustrialAwardIndexView
    edit_view_class = RuralIndustrialAwardEditView
    list_display = [
        "product",
        Column(
            "seller",
            label=_("Người bán"),
            accessor=lambda a: a.product.seller or "",
        ),
        Column("level", label=_("Cấp"), accessor="get_level_display"),
        "year",
        "decision_number",
        STATUS_COLUMN,
    ]
    filterset_class = RuralIndustrialAwardFilterSet
    search_fields = ["product__title", "product__seller__title", "decision_number"]
    chooser_viewset_class = SellerRecordsChooserViewSet

    def get_queryset(self, request):
        return RuralIndustrialAward.objects.select_related("product", "product__seller")


# -- licences of regulated goods -------------------------------------------------------


class SellerLicenceFilterSet(WagtailFilterSet):
    status = ChoiceFilter(
        label=_("Trạng thái"), choices=_status_choices, method="filter_status"
    )

    class Meta:
        model = SellerLicence
        fields = ["kind"]

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == ReviewStatus.EXPIRED:
            return queryset.filter(expires_on__lt=today)
        current = queryset.exclude(expires_on__lt=today)
        if value == ReviewStatus.VERIFIED:
            return current.verified()
        if value == ReviewStatus.RETURNED:
            return current.returned()
        return current.awaiting_verification()


class SellerLicenceIndexView(OcopCertificateIndexView):
    """Edit and delete where the policy allows; the department's review buttons."""


class SellerLicenceEditView(
    ReturnReasonMixin, InstancePermissionMixin, snippet_views.EditView
):
    instance_actions = ("change",)


class SellerLicenceDeleteView(InstancePermissionMixin, snippet_views.DeleteView):
    instance_actions = ("delete",)


class SellerLicenceHistoryView(InstancePermissionMixin, snippet_views.HistoryView):
    instance_actions = ("change", "view")


class SellerLicenceUsageView(InstancePermissionMixin, snippet_views.UsageView):
    instance_actions = ("change", "view")


class SellerLicenceInspectView(InstancePermissionMixin, snippet_views.InspectView):
    instance_actions = ("change", "view")


class SellerLicenceViewSet(SnippetViewSet):
    """Licences for conditional goods (alcohol): the seller files, the department
    verifies or returns; a seller sees only its own (catalog.permissions)."""

    model = SellerLicence
    icon = "doc-full"
    menu_label = _("Giấy phép hàng có điều kiện")
    menu_order = 150
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = SellerLicenceFilterSet
    search_fields = ["number", "issuer", "seller__title"]
    index_view_class = SellerLicenceIndexView
    edit_view_class = SellerLicenceEditView
    delete_view_class = SellerLicenceDeleteView
    history_view_class = SellerLicenceHistoryView
    usage_view_class = SellerLicenceUsageView
    inspect_view_class = SellerLicenceInspectView
    edit_handler = ObjectList(SellerLicence.panels, base_form_class=SellerLicenceForm)
    chooser_viewset_class = SellerRecordsChooserViewSet
    list_display = [
        "number",
        "seller",
        Column("kind", label=_("Loại"), accessor="get_kind_display"),
        "issuer",
        Column(
            "issued_on",
            label=_("Ngày cấp"),
            accessor=lambda lic: format_date(lic.issued_on),
            sort_key="issued_on",
        ),
        Column(
            "expires_on",
            label=_("Hết hạn"),
            accessor=lambda lic: format_date(lic.expires_on),
            sort_key="expires_on",
        ),
        STATUS_COLUMN,
    ]
    ordering = ["-expires_on", "-id"]

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        ).select_related("seller")


@hooks.register("after_edit_page")
def apply_stock_edit(request, page):
    """Stock changes take effect at once; the rest of the edit waits for approval."""
    if isinstance(page.specific, ProductPage):
        apply_edited_stock(page.specific)


# -- QR labels ----------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_label_urls():
    return [path("tem-qr/", include(admin_urls, namespace="catalog_labels"))]


class LabelsMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return can_print_labels(request.user)


@hooks.register("register_admin_menu_item")
def register_labels_menu_item():
    return LabelsMenuItem(
        _("In tem QR"),
        reverse("catalog_labels:index"),
        name="qr-labels",
        icon_name="tag",
        order=260,
    )


class ProductLabelButton(PageMenuItem):
    """ "In tem QR" on a live product: its label as a one-label PDF sheet."""

    label = _("In tem QR")
    icon_name = "tag"

    @property
    def url(self):
        url = reverse("catalog_labels:pdf")
        return f"{url}?{urlencode({'san_pham': self.page.pk})}"

    def is_shown(self, user):
        return self.page.live and issubclass(self.page.specific_class, ProductPage)


@hooks.register("register_page_listing_more_buttons")
def product_label_listing_button(page, user, next_url=None):
    yield ProductLabelButton(page=page, priority=45)


@hooks.register("register_page_header_buttons")
def product_label_header_button(page, user, view_name, next_url=None):
    yield ProductLabelButton(page=page, priority=66)


# -- spreadsheet upload and quick list (catalog/spreadsheet/) -------------------------


@hooks.register("register_admin_urls")
def register_spreadsheet_urls():
    return [
        path("bang-tinh/", include(spreadsheet_urls, namespace="catalog_spreadsheet"))
    ]


class SpreadsheetMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return can_upload(request.user)


@hooks.register("register_admin_menu_item")
def register_spreadsheet_menu_item():
    return SpreadsheetMenuItem(
        _("Tải bảng tính sản phẩm"),
        reverse("catalog_spreadsheet:upload"),
        name="spreadsheet-upload",
        icon_name="upload",
        order=262,
    )


@hooks.register("register_admin_menu_item")
def register_quick_edit_menu_item():
    return SpreadsheetMenuItem(
        _("Sửa nhanh giá và tồn kho"),
        reverse("catalog_spreadsheet:quick_edit"),
        name="quick-edit",
        icon_name="pick",
        order=264,
    )


@hooks.register("register_log_actions")
def register_sales_data_log_action(actions):
    actions.register_action(
        SALES_DATA_ACTION,
        _("Cập nhật giá, tồn kho hoặc trạng thái bán"),
        _("Đã cập nhật giá, tồn kho hoặc trạng thái bán (không cần duyệt)"),
    )


# -- takedowns and screening (catalog/moderation_views.py) ---------------------------


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("kiem-duyet/", include(moderation_urls, namespace="catalog_moderation"))
    ]


class DepartmentOnlyMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return is_department(request.user)


class SellerTakedownsMenuItem(AdminMenuItem):
    """A seller's own hidden listings, shown when it has any."""

    def is_shown(self, request):
        user = request.user
        if is_department(user):
            return False
        return Takedown.objects.filter(
            product__seller_id__in=sellers_for_user(user)
        ).exists()


@hooks.register("register_department_menu_item")
def register_takedowns_menu_item():
    return DepartmentOnlyMenuItem(
        _("Gỡ tin"),
        reverse("catalog_moderation:takedowns"),
        name="takedowns",
        icon_name="warning",
        order=20,
    )


@hooks.register("register_department_menu_item")
def register_held_listings_menu_item():
    return DepartmentOnlyMenuItem(
        _("Chờ kiểm duyệt từ khoá"),
        reverse("catalog_moderation:held"),
        name="held-listings",
        icon_name="warning",
        order=21,
    )


@hooks.register("register_admin_menu_item")
def register_own_takedowns_menu_item():
    return SellerTakedownsMenuItem(
        _("Tin bị ẩn"),
        reverse("catalog_moderation:own_takedowns"),
        name="own-takedowns",
        icon_name="warning",
        order=265,
    )


class ScreeningKeywordViewSet(SnippetViewSet):
    """The department's keyword list; matching listings wait in moderation."""

    model = ScreeningKeyword
    icon = "warning"
    menu_label = _("Từ khoá kiểm duyệt")
    menu_order = 22
    add_to_admin_menu = False
    list_display = ["phrase", "note"]
    search_fields = ["phrase"]


# -- the seller's home ---------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_seller_home_panel(request, panels):
    """Seller editors open the admin on their own shop: products by state, what
    needs fixing and certificates about to expire."""
    seller_ids = sellers_for_request(request)
    if seller_ids:
        panels.append(SellerHomePanel(seller_ids))
