"""Admin views of the tax withholding (tax.py): the department's monthly report of
every household seller, and each seller's own statement, both exported as XLSX
with Wagtail's report views."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from marketplace.checkout import tax
from marketplace.checkout.models import SellerOrder
from marketplace.formatting import format_date, format_vnd
from sellers.models import SellerPage
from sellers.services import is_department, sellers_for_user


def _month_choices():
    return [(f"{m:%Y-%m}", f"{m:%m/%Y}") for m in tax.months_with_entries()]


def _rate(value) -> str:
    return f"{value.normalize():f}".replace(".", ",") + " %"


class MonthFilterSet(WagtailFilterSet):
    thang = django_filters.ChoiceFilter(
        label=gettext_lazy("Tháng"), choices=_month_choices, empty_label=None
    )

    class Meta:
        model = SellerOrder  # unused: the rows come from tax.py
        fields = []


class TaxReportFilterSet(MonthFilterSet):
    nguoi_ban = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Người bán"),
        queryset=SellerPage.objects.filter(
            seller_type__in=tax.WITHHELD_SELLER_TYPES
        ).order_by("title"),
    )


def _money(name: str, label):
    return Column(
        name, label=label, accessor=lambda row: format_vnd(getattr(row, name))
    )


class TaxReportBase(ReportView):
    """Rows computed by tax.py; the filters only pick the month (and seller)."""

    paginate_by = 100
    header_icon = "table"
    custom_value_preprocess = {}

    def filter_queryset(self, queryset):
        return queryset

    def chosen(self, name: str):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name) or None
        return None

    @cached_property
    def month(self):
        return tax.parse_month(self.chosen("thang") or "")

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))


class TaxReportView(TaxReportBase):
    """Sở Công Thương: withholding per household seller and month, to declare."""

    page_title = gettext_lazy("Khấu trừ thuế")
    filterset_class = TaxReportFilterSet
    index_url_name = "checkout_admin:tax_report"
    index_results_url_name = "checkout_admin:tax_report_results"
    export_filename = "khau-tru-thue"
    columns = [
        Column("month_label", label=gettext_lazy("Tháng")),
        TitleColumn(
            "seller_name",
            label=gettext_lazy("Người bán"),
            get_url=lambda row: reverse(
                "checkout_admin:tax_statement", args=[row.seller.seller_id]
            ),
        ),
        Column("tax_code", label=gettext_lazy("Mã số thuế")),
        Column("orders", label=gettext_lazy("Số đơn")),
        _money("paid", gettext_lazy("Tiền hàng đã thanh toán")),
        _money("refunded", gettext_lazy("Hoàn tiền")),
        _money("base", gettext_lazy("Doanh thu tính thuế")),
        _money("vat", gettext_lazy("Thuế GTGT")),
        _money("pit", gettext_lazy("Thuế TNCN")),
        _money("withheld", gettext_lazy("Tổng khấu trừ")),
    ]
    list_export = [
        "month_label",
        "seller_name",
        "tax_code",
        "orders",
        "paid",
        "refunded",
        "base",
        "vat",
        "pit",
        "withheld",
    ]
    export_headings = {
        "month_label": gettext_lazy("Tháng"),
        "seller_name": gettext_lazy("Người bán"),
        "tax_code": gettext_lazy("Mã số thuế"),
        "orders": gettext_lazy("Số đơn"),
        "paid": gettext_lazy("Tiền hàng đã thanh toán (đồng)"),
        "refunded": gettext_lazy("Hoàn tiền (đồng)"),
        "base": gettext_lazy("Doanh thu tính thuế (đồng)"),
        "vat": gettext_lazy("Thuế GTGT khấu trừ (đồng)"),
        "pit": gettext_lazy("Thuế TNCN khấu trừ (đồng)"),
        "withheld": gettext_lazy("Tổng khấu trừ (đồng)"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_department(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        seller = self.chosen("nguoi_ban")
        return tax.monthly_rows(self.month, [seller.pk] if seller else None)


class TaxStatementView(TaxReportBase):
    """A seller's own statement: each payment and refund, and its monthly totals.
    Another seller's statement is a 404; the department may open any."""

    results_template_name = "checkout/admin/tax_statement_results.html"
    filterset_class = MonthFilterSet
    columns = [
        Column("month_label", label=gettext_lazy("Tháng")),
        Column("order_reference", label=gettext_lazy("Mã đơn")),
        Column("kind", label=gettext_lazy("Loại")),
        Column(
            "booked_on",
            label=gettext_lazy("Ngày ghi nhận"),
            accessor=lambda line: format_date(line.booked_on),
        ),
        Column(
            "paid_on",
            label=gettext_lazy("Ngày thanh toán"),
            accessor=lambda line: format_date(line.paid_on),
        ),
        _money("amount", gettext_lazy("Tiền hàng")),
        Column(
            "vat_rate",
            label=gettext_lazy("Thuế suất GTGT"),
            accessor=lambda line: _rate(line.vat_rate),
        ),
        Column(
            "pit_rate",
            label=gettext_lazy("Thuế suất TNCN"),
            accessor=lambda line: _rate(line.pit_rate),
        ),
    ]
    list_export = [
        "month_label",
        "order_reference",
        "kind",
        "booked_on_text",
        "paid_on_text",
        "amount",
        "vat_rate",
        "pit_rate",
    ]
    export_headings = {
        "month_label": gettext_lazy("Tháng"),
        "order_reference": gettext_lazy("Mã đơn"),
        "kind": gettext_lazy("Loại"),
        "booked_on_text": gettext_lazy("Ngày ghi nhận"),
        "paid_on_text": gettext_lazy("Ngày thanh toán"),
        "amount": gettext_lazy("Tiền hàng (đồng)"),
        "vat_rate": gettext_lazy("Thuế suất GTGT (%)"),
        "pit_rate": gettext_lazy("Thuế suất TNCN (%)"),
    }

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        pk = kwargs["pk"]
        if not user.is_authenticated:
            raise PermissionDenied
        if not is_department(user) and pk not in sellers_for_user(user):
            raise Http404
        self.seller = get_object_or_404(SellerPage, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Bảng kê khấu trừ thuế")

    def get_page_subtitle(self):
        return self.seller.title

    def get_index_url(self):
        return reverse("checkout_admin:tax_statement", args=[self.seller.pk])

    def get_index_results_url(self):
        return reverse("checkout_admin:tax_statement_results", args=[self.seller.pk])

    def get_filename(self):
        return f"bang-ke-khau-tru-thue-{self.seller.slug}"

    def get_queryset(self):
        return [
            _StatementRow(line)
            for line in tax.statement_lines(self.seller.pk, self.month)
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["withheld_type"] = self.seller.seller_type in tax.WITHHELD_SELLER_TYPES
        context["month_rows"] = tax.monthly_rows(self.month, [self.seller.pk])
        return context

    def write_xlsx(self, queryset, output):
        """The lines, then a second sheet with the seller's monthly totals."""
        workbook = Workbook(write_only=True)
        lines = workbook.create_sheet(title=_("Chi tiết"))
        lines.append([self.get_heading(queryset, f) for f in self.list_export])
        for row in queryset:
            lines.append([getattr(row, f) for f in self.list_export])
        totals = workbook.create_sheet(title=_("Tổng hợp theo tháng"))
        fields = TaxReportView.list_export
        totals.append([str(TaxReportView.export_headings[f]) for f in fields])
        for month_row in tax.monthly_rows(self.month, [self.seller.pk]):
            totals.append([getattr(month_row, f) for f in fields])
        workbook.save(output)


class _StatementRow:
    """A statement line as the screen and the spreadsheet show it."""

    def __init__(self, line: tax.StatementLine):
        self.line = line
        self.month_label = line.month_label
        self.order_reference = line.order_reference
        self.kind = _("Hoàn tiền") if line.is_refund else _("Thanh toán")
        self.booked_on = line.booked_on
        self.paid_on = line.paid_on
        self.booked_on_text = format_date(line.booked_on)
        self.paid_on_text = format_date(line.paid_on)
        self.amount = line.amount
        self.vat_rate = line.vat_rate
        self.pit_rate = line.pit_rate


def my_statement(request):
    """The menu's way in: the department to its report, a seller to its own
    statement."""
    if is_department(request.user):
        return redirect("checkout_admin:tax_report")
    own = sellers_for_user(request.user)
    if not own:
        raise PermissionDenied
    return redirect("checkout_admin:tax_statement", min(own))


def can_see_statement(user) -> bool:
    """Sellers with a household business among theirs (the menu item)."""
    if not user.is_authenticated or is_department(user):
        return False
    return SellerPage.objects.filter(
        pk__in=sellers_for_user(user), seller_type__in=tax.WITHHELD_SELLER_TYPES
    ).exists()
