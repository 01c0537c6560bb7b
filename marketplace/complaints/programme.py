"""The complaints' section of the programme dashboard: this year's and last year's
counts, from ``services.yearly_counts`` (the complaints index shows the same)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.complaints.models import Decision
from marketplace.complaints.services import yearly_counts
from marketplace.programme import sections


def _rows(year: int) -> list[tuple[str, int]]:
    counts = yearly_counts(year)
    rows = [
        (_("%(year)s: khiếu nại đã nhận") % {"year": year}, counts["filed"]),
        (_("%(year)s: trả lời đúng hạn") % {"year": year}, counts["answered_in_time"]),
        (_("%(year)s: trễ hạn") % {"year": year}, counts["late"]),
        (_("%(year)s: đang xử lý") % {"year": year}, counts["open"]),
    ]
    rows += [
        (f"{year}: {choice.label}", counts["by_decision"][choice.value])
        for choice in Decision
    ]
    return rows


def complaint_counts(request) -> dict:
    year = timezone.localdate().year
    return {"rows": _rows(year) + _rows(year - 1)}


def register_dashboard_section() -> None:
    sections.register(
        sections.Section(
            key="complaints",
            title=gettext_lazy("Khiếu nại theo năm"),
            template_name="programme/admin/section_counts.html",
            get_context=complaint_counts,
            order=50,
        )
    )
