"""What an import did, in counts for the commands to print, and what it left to do."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from catalog.models import OcopCertificate


@dataclass
class ImportSummary:
    sellers: Counter = field(default_factory=Counter)
    products: Counter = field(default_factory=Counter)
    certificates: Counter = field(default_factory=Counter)
    awards: Counter = field(default_factory=Counter)
    images_created: int = 0
    # (line, seller, product) of OCOP certificates still missing their issue date
    needing_completion: list[tuple[int, str, str]] = field(default_factory=list)
    # products created or given a new content revision (for the approval workflow)
    content_changed: list[int] = field(default_factory=list)


def certificates_needing_completion() -> QuerySet:
    """OCOP certificates whose decision date (hence expiry) the department must add."""
    return OcopCertificate.objects.filter(decision_date__isnull=True).select_related(
        "product", "product__seller"
    )


def _counts(counter: Counter) -> str:
    return str(
        _("%(created)d mới, %(updated)d cập nhật, %(unchanged)d không đổi")
        % {
            "created": counter["created"],
            "updated": counter["updated"],
            "unchanged": counter["unchanged"],
        }
    )


def summary_lines(summary: ImportSummary) -> list[str]:
    """The import's counts, one line per kind of record, for the commands to print."""
    certificates = summary.certificates
    return [
        str(_("Người bán: %(counts)s") % {"counts": _counts(summary.sellers)}),
        str(_("Sản phẩm: %(counts)s") % {"counts": _counts(summary.products)}),
        str(
            _(
                "Chứng nhận OCOP: %(created)d mới, %(verified)d được xác minh, "
                "%(completed)d bổ sung ngày, %(unchanged)d không đổi"
            )
            % {
                "created": certificates["created"],
                "verified": certificates["verified"],
                "completed": certificates["completed"],
                "unchanged": certificates["unchanged"],
            }
        ),
        str(
            _("Giải thưởng CNNT tiêu biểu: %(created)d mới, %(unchanged)d không đổi")
            % {
                "created": summary.awards["created"],
                "unchanged": summary.awards["unchanged"],
            }
        ),
        str(_("Ảnh: %(count)d mới") % {"count": summary.images_created}),
    ]
