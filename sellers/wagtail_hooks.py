"""Admin wiring for sellers: the department's verification permission in the group
editor, and each seller's isolation from the others (sellers.isolation). Page-level
rights (each seller edits only its own subtree, never publishes) come from the
groups sellers.services creates; the department's group comes from
marketplace.site_setup."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from sellers import admin_urls, applications, isolation, moderation
from sellers.models import SellerApplication


@hooks.register("register_permissions")
def register_seller_verification_permission():
    return Permission.objects.filter(
        content_type__app_label="sellers", codename="verify_seller"
    )


# -- isolation: each seller's editor reaches only its own things (sellers.isolation)


@hooks.register("construct_page_chooser_queryset")
def own_pages_in_chooser(pages, request):
    """The page chooser (browse and search) lists the seller's own pages only."""
    if not isolation.is_scoped(request.user):
        return pages
    return pages.filter(pk__in=isolation.explorable_pages(request.user).values("pk"))


@hooks.register("construct_admin_api", order=100)
def own_media_in_admin_api(router):
    """After Wagtail's own endpoints: images and documents the user may choose."""
    router.register_endpoint("images", isolation.OwnImagesAdminAPIViewSet)
    router.register_endpoint("documents", isolation.OwnDocumentsAdminAPIViewSet)


@hooks.register("construct_reports_menu")
def hide_department_reports(request, menu_items):
    if isolation.is_scoped(request.user):
        menu_items[:] = [
            item
            for item in menu_items
            if item.name not in isolation.DEPARTMENT_ONLY_MENU_ITEMS
        ]


# Before Wagtail's own check, so a logged-in outsider gets 403 rather than a login.
hooks.register("before_serve_document", isolation.refuse_private_document, order=-100)


# -- seller applications: the department reviews them (sellers/admin_views.py)


class SellerApplicationIndexView(IndexView):
    def get_edit_url(self, instance):
        return reverse("seller_application_review", args=[instance.pk])


class SellerApplicationViewSet(ModelViewSet):
    """The department's list of applications (read only: sellers/permissions.py);
    each row opens the review page with the document and the decision."""

    model = SellerApplication
    icon = "form"
    menu_label = _("Hồ sơ bán hàng")
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = SellerApplicationIndexView
    form_fields = ["decision_reason"]  # never shown: the policy refuses change
    list_filter = ["status", "seller_type", "commune"]
    search_fields = ["reference", "legal_name", "tax_code", "email"]
    list_display = [
        "legal_name",
        Column("reference", label=_("Mã hồ sơ")),
        Column("seller_type", label=_("Loại hình"), accessor="get_seller_type_display"),
        Column("commune", label=_("Xã/phường")),
        Column("status", label=_("Trạng thái"), accessor="get_status_display"),
        DateColumn("submitted_at", label=_("Gửi lúc")),
    ]


@hooks.register("register_admin_viewset")
def register_seller_application_viewset():
    return SellerApplicationViewSet("seller_applications", url_prefix="ho-so-ban-hang")


@hooks.register("register_admin_urls")
def register_seller_application_urls():
    return [path("xet-duyet-ho-so/", include(admin_urls))]


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    actions.register_action(
        applications.APPROVE_ACTION, _("Duyệt hồ sơ bán hàng"), _("Đã duyệt hồ sơ")
    )
    actions.register_action(
        applications.REJECT_ACTION, _("Từ chối hồ sơ bán hàng"), _("Đã từ chối hồ sơ")
    )
    # The department's decisions on a seller and its listings (sellers.moderation).
    for action, label in moderation.ACTION_LABELS.items():
        actions.register_action(action, _(label), _(label))
