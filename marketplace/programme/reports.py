"""One Wagtail report view per dashboard table: the whole table on screen, and the
same rows in XLSX and CSV (``?export=xlsx`` / ``?export=csv``)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from marketplace.programme.tables import Table
from sellers.services import is_department


def columns(table: Table) -> list[Column]:
    return [
        TitleColumn(field.name, label=field.label, get_url=field.link)
        if field.link
        else Column(field.name, label=field.label)
        for field in table.fields
    ]


class DepartmentOnlyMixin:
    """The programme's figures are the department's: anyone else gets a 403 (not
    the admin's usual redirect home, which an export link would follow silently)."""

    def dispatch(self, request, *args, **kwargs):
        if not is_department(request.user):
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


class ProgrammeReportView(DepartmentOnlyMixin, ReportView):
    """The rows of ``table`` (set by ``as_view(table=...)`` in admin_urls)."""

    table: Table | None = None
    paginate_by = 100
    header_icon = "table"
    # Values are already numbers or the text the screen shows.
    custom_value_preprocess = {}

    @property
    def page_title(self):
        return self.table.title

    @property
    def columns(self):
        return columns(self.table)

    @property
    def list_export(self):
        return [field.name for field in self.table.fields]

    @property
    def export_filename(self):
        return f"ocop-{self.table.slug}"

    @property
    def index_url_name(self):
        return self.table.url_name

    @property
    def index_results_url_name(self):
        return f"{self.table.url_name}_results"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("programme:dashboard"), "label": _("Chương trình OCOP")},
            {"url": "", "label": self.table.title},
        ]

    def get_queryset(self):
        return self.table.rows(None)

    def filter_queryset(self, queryset):
        return queryset

    def get_heading(self, queryset, field):
        labels = {f.name: f.label for f in self.table.fields}
        return str(labels[field])
