"""Admin pages of the catalogue: the sheet of QR labels ("In tem QR").

A seller's editor prints its own live products' labels; the department any
seller's. The product choice goes through ``LabelSheetForm``, which never offers
nor accepts another seller's product.
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from catalog.admin_forms import LabelSheetForm
from catalog.label_sheet import LabelFontMissing, label_sheet_pdf
from catalog.labels import labels_for
from sellers.services import is_department, sellers_for_user

logger = logging.getLogger(__name__)

TEMPLATE = "catalog/admin/label_sheet.html"


def can_print_labels(user) -> bool:
    return user.is_authenticated and (
        is_department(user) or bool(sellers_for_user(user))
    )


def _page(request, form: LabelSheetForm, status: int = 200) -> HttpResponse:
    return render(
        request,
        TEMPLATE,
        {
            "form": form,
            "seller": form.seller,
            "products": form.fields["san_pham"].queryset,
            "is_department": is_department(request.user),
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET"])
def label_sheet(request):
    """The choice: a seller (the department), then its products, all ticked."""
    if not can_print_labels(request.user):
        raise PermissionDenied
    form = LabelSheetForm(
        request.user, initial={"nguoi_ban": request.GET.get("nguoi_ban")}
    )
    if form.seller is not None:
        form.initial = {
            "nguoi_ban": form.seller.pk,
            "san_pham": list(
                form.fields["san_pham"].queryset.values_list("pk", flat=True)
            ),
        }
    return _page(request, form)


def _filename(form: LabelSheetForm) -> str:
    seller = form.seller
    return f"tem-qr-{slugify(seller.slug) if seller is not None else 'san-pham'}.pdf"


@never_cache
@require_http_methods(["GET", "POST"])
def label_sheet_download(request):
    """The PDF of the chosen products' labels ("Tải PDF"; a product's "In tem QR"
    link asks with ``?san_pham=<id>``)."""
    if not can_print_labels(request.user):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    form = LabelSheetForm(request.user, data)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        pdf = label_sheet_pdf(labels_for(form.cleaned_data["san_pham"]))
    except LabelFontMissing:
        logger.exception("QR label sheet: font missing")
        messages.error(
            request,
            _("Máy chủ thiếu phông chữ tiếng Việt để in tem; xin báo quản trị viên."),
        )
        return _page(request, form, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(form)}"'
    return response
