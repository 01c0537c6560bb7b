"""The "Sở Công Thương" admin menu: curated collections plus the catalogue's tools."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from catalog.models import Category
from catalog.wagtail_hooks import (
    CategoryViewSet,
    CertificationViewSet,
    OcopCertificateViewSet,
    RuralIndustrialAwardViewSet,
    ScreeningKeywordViewSet,
    SellerLicenceViewSet,
    awaiting_verification_menu_item,
)
from marketplace.formatting import format_date
from marketplace.models import Collection
from marketplace.models.snippets import ScheduleStatus
from marketplace.site_setup import ensure_category_pages


def _schedule_status(collection: Collection) -> str:
    return ScheduleStatus(collection.schedule_status()).label


class CollectionViewSet(SnippetViewSet):
    """Curated, ordered product lists; the items are an ordered InlinePanel."""

    model = Collection
    icon = "list-ol"
    menu_label = _("Bộ sưu tập nổi bật")
    menu_order = 500
    add_to_admin_menu = False
    list_display = [
        "title",
        BooleanColumn("featured", label=_("Trang chủ")),
        Column(
            "starts_at",
            label=_("Bắt đầu"),
            accessor=lambda c: format_date(c.starts_at),
            sort_key="starts_at",
        ),
        Column(
            "ends_at",
            label=_("Kết thúc"),
            accessor=lambda c: format_date(c.ends_at),
            sort_key="ends_at",
        ),
        Column("status", label=_("Lịch hiển thị"), accessor=_schedule_status),
        "sort_order",
    ]
    list_filter = ["featured"]
    search_fields = ["title"]
    ordering = ["sort_order", "title"]


class DepartmentViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Sở Công Thương")
    menu_icon = "clipboard-list"
    menu_order = 250
    # Other apps add their own items with this hook (checkout: the tax withholding).
    submenu_hook = "register_department_menu_item"
    items = (
        OcopCertificateViewSet,
        RuralIndustrialAwardViewSet,
        SellerLicenceViewSet,
        CategoryViewSet,
        CertificationViewSet,
        CollectionViewSet,
        ScreeningKeywordViewSet,
    )

    def get_submenu_items(self):
        # The department's queue first, with its size.
        return [awaiting_verification_menu_item(order=0), *super().get_submenu_items()]


register_snippet(DepartmentViewSetGroup)


@hooks.register("after_create_snippet")
def add_page_for_new_category(request, instance):
    """A category the department adds gets its browse page straight away."""
    if isinstance(instance, Category):
        ensure_category_pages()
