"""Admin views of the spreadsheet upload and the quick list (thin: the rules are
in catalog/spreadsheet/services.py and quick_list.py)."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from catalog.models import SpreadsheetUpload
from catalog.spreadsheet import quick_list, services
from catalog.spreadsheet.forms import QuickEditFormSet, SellerChoiceForm, UploadForm
from catalog.spreadsheet.template import template_workbook
from sellers.services import is_department

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _allowed(request) -> None:
    if not services.can_upload(request.user):
        raise PermissionDenied


def _upload_or_404(request, upload_id) -> SpreadsheetUpload:
    upload = services.upload_for(request.user, upload_id)
    if upload is None:
        raise Http404
    return upload


@never_cache
@require_http_methods(["GET", "POST"])
def upload(request):
    """The upload form, and the user's recent uploads."""
    _allowed(request)
    form = UploadForm(request.user, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        started = services.start_upload(
            request.user,
            form.cleaned_data["nguoi_ban"],
            form.cleaned_data["tep"],
            form.cleaned_data["anh"],
            publish=form.cleaned_data.get("dang_ngay", False),
        )
        return redirect("catalog_spreadsheet:detail", upload_id=started.pk)
    recent = SpreadsheetUpload.objects.filter(user=request.user).select_related(
        "seller"
    )[:10]
    return render(
        request,
        "catalog/admin/spreadsheet_upload.html",
        {"form": form, "recent": recent, "is_department": is_department(request.user)},
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET"])
def template(request):
    """The XLSX template, its example row filled for the chosen (or own) seller."""
    _allowed(request)
    form = SellerChoiceForm(request.user, request.GET or None)
    seller = form.only_seller
    if seller is None and form.is_valid():
        seller = form.cleaned_data["nguoi_ban"]
    response = HttpResponse(template_workbook(seller), content_type=XLSX)
    name = f"mau-san-pham-{slugify(seller.slug) if seller else 'ocop'}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _progress(upload: SpreadsheetUpload) -> dict:
    done, total = upload.rows_done, upload.rows_total
    if upload.status == SpreadsheetUpload.Status.IMPORTING:
        # checked again, then written: each row counts twice (services._counting)
        done = cache.get(services.progress_key(upload.pk), 0)
        total = 2 * upload.rows_total
    percent = min(100, round(100 * done / total)) if total else 0
    return {"status": upload.status, "done": done, "total": total, "percent": percent}


@never_cache
@require_http_methods(["GET"])
def detail(request, upload_id):
    """Progress while a task works on it; then the preview, or what was imported."""
    _allowed(request)
    upload = _upload_or_404(request, upload_id)
    rows = upload.preview
    counts = {
        status: sum(1 for row in rows if row["status"] == status)
        for status in ("new", "changed", "unchanged", "error")
    }
    return render(
        request,
        "catalog/admin/spreadsheet_preview.html",
        {
            "upload": upload,
            "rows": rows,
            "counts": counts,
            "progress": _progress(upload),
        },
    )


@never_cache
@require_http_methods(["GET"])
def status(request, upload_id):
    """What the preview page polls while a task works."""
    _allowed(request)
    return JsonResponse(_progress(_upload_or_404(request, upload_id)))


@never_cache
@require_POST
def confirm(request, upload_id):
    _allowed(request)
    upload = _upload_or_404(request, upload_id)
    if not services.confirm_upload(upload):
        messages.warning(request, _("Tệp này đã được nhập hoặc chưa sẵn sàng."))
    return redirect("catalog_spreadsheet:detail", upload_id=upload.pk)


@never_cache
@require_POST
def discard(request, upload_id):
    _allowed(request)
    upload = _upload_or_404(request, upload_id)
    if upload.in_progress:
        messages.warning(request, _("Tệp đang được xử lý; hãy đợi xong."))
        return redirect("catalog_spreadsheet:detail", upload_id=upload.pk)
    services.discard_upload(upload)
    messages.success(request, _("Đã bỏ tệp tải lên."))
    return redirect("catalog_spreadsheet:upload")


@never_cache
@require_http_methods(["GET", "POST"])
def quick_edit(request):
    """Price, stock and availability of many products at once (one page of them)."""
    _allowed(request)
    choice = SellerChoiceForm(request.user, request.GET or None)
    seller = choice.only_seller
    if seller is None and choice.is_valid():
        seller = choice.cleaned_data["nguoi_ban"]
    context = {"choice": choice, "seller": seller, "formset": None}
    if seller is None:
        return render(request, "catalog/admin/quick_edit.html", context)
    products = quick_list.products_of(seller)
    page = Paginator(products, quick_list.PER_PAGE).get_page(request.GET.get("p"))
    allowed = {product.pk: product for product in products}
    formset = QuickEditFormSet(
        request.POST or None,
        initial=quick_list.initial_rows(page.object_list),
        allowed=allowed,
    )
    if request.method == "POST" and formset.is_valid():
        count = quick_list.save_rows(
            [form.cleaned_data for form in formset.forms if form.cleaned_data],
            allowed,
            request.user,
        )
        messages.success(
            request, _("Đã cập nhật %(count)d sản phẩm.") % {"count": count}
        )
        return redirect(request.get_full_path())
    if request.method == "POST":
        messages.error(request, _("Có lỗi ở các dòng đánh dấu; chưa lưu gì."))
    context.update(
        {
            "formset": formset,
            "rows": list(zip(page.object_list, formset.forms, strict=False)),
            "page": page,
        }
    )
    return render(
        request,
        "catalog/admin/quick_edit.html",
        context,
        status=400 if request.method == "POST" else 200,
    )
