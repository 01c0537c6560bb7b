"""The "Sở Công Thương" admin menu: curated collections plus the catalogue's tools."""

from django.utils import timezone
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
    awaiting_verification_menu_item,
)
from marketplace.formatting import format_date
from marketplace.models import Collection
from marketplace.site_setup import ensure_category_pages


def _is_showing(collection: Collection) -> bool:
    now = timezone.now()
    started = collection.go_live_at is None or collection.go_live_at <= now
    running = collection.expire_at is None or collection.expire_at > now
    return collection.featured and started and running


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
            "go_live_at",
            label=_("Bắt đầu"),
            accessor=lambda c: format_date(c.go_live_at),
            sort_key="go_live_at",
        ),
        Column(
            "expire_at",
            label=_("Ngừng"),
            accessor=lambda c: format_date(c.expire_at),
            sort_key="expire_at",
        ),
        BooleanColumn("showing", label=_("Đang hiển thị"), accessor=_is_showing),
        "sort_order",
    ]
    list_filter = ["featured"]
    search_fields = ["title"]
    ordering = ["sort_order", "title"]


class DepartmentViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Sở Công Thương")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (
        OcopCertificateViewSet,
        RuralIndustrialAwardViewSet,
        CategoryViewSet,
        CertificationViewSet,
        CollectionViewSet,
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
