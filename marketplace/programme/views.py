"""The programme dashboard: every table's figures, their charts, and the sections
other modules register (``sections.py``)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from marketplace.programme import charts, figures, sections
from marketplace.programme.reports import DepartmentOnlyMixin
from marketplace.programme.tables import TABLES

CHARTED = {
    "category": gettext_lazy("Số sản phẩm đang bán của mỗi danh mục."),
    "stars": gettext_lazy("Số sản phẩm đang bán theo số sao OCOP còn hiệu lực."),
    "commune": gettext_lazy("Số sản phẩm đang bán theo xã/phường của người bán."),
}


def _charts(data: dict) -> dict[str, charts.BarChart]:
    return {
        key: charts.bar_chart(
            f"chart-{key}",
            str(TABLES[key].title),
            str(description),
            ((row.label, row.products) for row in data[key]),
        )
        for key, description in CHARTED.items()
    }


class DashboardView(DepartmentOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "programme/admin/dashboard.html"
    page_title = gettext_lazy("Chương trình OCOP")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = {key: table.preview_rows() for key, table in TABLES.items()}
        share = data["share"][0]
        context.update(
            tables=[(TABLES[key], rows) for key, rows in data.items()],
            charts=_charts(data),
            headline=share,
            headline_text=_(
                "%(percent)s sản phẩm đang bán có sao OCOP hoặc là sản phẩm "
                "CNNT tiêu biểu (%(products)s trên %(total)s)."
            )
            % {
                "percent": share.percent,
                "products": share.products,
                "total": share.total,
            },
            sections=[
                (section, section.get_context(self.request))
                for section in sections.registered()
            ],
            expiry_days=figures.EXPIRY_DAYS,
        )
        return context
