"""Admin pages of takedowns and screening (rules in catalog.moderation).

The department lists every takedown (open / late / closed), opens one (its own,
or an authority's request with the 24-hour clock), hides, lifts and decides
appeals, and releases or rejects listings the keyword screening holds. A seller
sees only the takedowns of its own products and appeals them.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from catalog import moderation
from catalog.models import ProductPage, ScreeningKeyword, Takedown
from sellers.moderation import ModerationError
from sellers.services import is_department, sellers_for_user

STATUS_FILTERS = {
    "open": gettext_lazy("Đang mở"),
    "late": gettext_lazy("Quá hạn"),
    "closed": gettext_lazy("Đã đóng"),
}


class OpenTakedownForm(forms.Form):
    product = forms.IntegerField(label=gettext_lazy("Mã sản phẩm (ID)"), min_value=1)
    source = forms.ChoiceField(
        label=gettext_lazy("Nguồn"), choices=Takedown.Source.choices
    )
    authority = forms.CharField(
        label=gettext_lazy("Cơ quan yêu cầu"), required=False, max_length=200
    )
    reference = forms.CharField(
        label=gettext_lazy("Số văn bản yêu cầu"), required=False, max_length=100
    )
    reason = forms.CharField(
        label=gettext_lazy("Lý do (gửi cho người bán)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_product(self):
        pk = self.cleaned_data["product"]
        if not ProductPage.objects.filter(pk=pk).exists():
            raise forms.ValidationError(_("Không có sản phẩm với mã này."))
        return pk


class NoteForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Ghi chú / lý do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _department_only(request: HttpRequest) -> None:
    if not (request.user.is_active and is_department(request.user)):
        raise PermissionDenied


def _filtered(status: str):
    takedowns = Takedown.objects.select_related("product", "product__seller")
    if status == "open":
        return takedowns.open()
    if status == "late":
        return takedowns.open().late()
    if status == "closed":
        return takedowns.closed()
    return takedowns


def _open(request, form) -> Takedown:
    data = form.cleaned_data
    if data["source"] == Takedown.Source.AUTHORITY:
        return moderation.open_authority_request(
            data["product"],
            request.user,
            authority=data["authority"],
            reference=data["reference"],
            reason=data["reason"],
        )
    return moderation.hide_listing(data["product"], request.user, data["reason"])


@never_cache
def takedown_index(request: HttpRequest) -> HttpResponse:
    _department_only(request)
    form = OpenTakedownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            takedown = _open(request, form)
        except ModerationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã mở yêu cầu gỡ tin."))
            return redirect("catalog_moderation:takedown", takedown.pk)
    status = request.GET.get("trang-thai", "")
    context = {
        "takedowns": _filtered(status)[:200],
        "status": status,
        "statuses": STATUS_FILTERS,
        "now": timezone.now(),
        "form": form,
        "page_title": _("Gỡ tin"),
    }
    return TemplateResponse(request, "catalog/admin/takedown_index.html", context)


def _act(request, takedown: Takedown, note: str) -> str:
    action = request.POST.get("action")
    if action == "hide":
        moderation.act_on(takedown.pk, request.user)
        return _("Đã ẩn tin đăng.")
    if action == "lift":
        moderation.lift(takedown.pk, request.user, note)
        return _("Tin đăng đã hiển thị lại.")
    if action in ("grant", "refuse"):
        moderation.decide_appeal(
            takedown.pk, request.user, grant=action == "grant", note=note
        )
        return _("Đã trả lời khiếu nại.")
    raise ModerationError(_("Vui lòng chọn một thao tác."))


@never_cache
def takedown_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _department_only(request)
    takedown = get_object_or_404(
        Takedown.objects.select_related("product", "product__seller", "opened_by"),
        pk=pk,
    )
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = _act(request, takedown, form.cleaned_data["note"])
        except ModerationError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, message)
            return redirect("catalog_moderation:takedown", takedown.pk)
    context = {
        "takedown": takedown,
        "form": form,
        "now": timezone.now(),
        "page_title": _("Gỡ tin: %(title)s") % {"title": takedown.product.title},
    }
    return TemplateResponse(request, "catalog/admin/takedown_detail.html", context)


# -- the seller's own takedowns ----------------------------------------------------


def _own_takedowns(user):
    return Takedown.objects.filter(
        product__seller_id__in=sellers_for_user(user)
    ).select_related("product")


class AppealForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Nội dung khiếu nại"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


@never_cache
def own_takedowns(request: HttpRequest) -> HttpResponse:
    """A seller's takedowns, each with its reason, status and appeal."""
    if not request.user.is_active:
        raise PermissionDenied
    context = {
        "takedowns": _own_takedowns(request.user),
        "form": AppealForm(),
        "page_title": _("Tin đăng bị ẩn"),
    }
    return TemplateResponse(request, "catalog/admin/own_takedowns.html", context)


@require_POST
def appeal(request: HttpRequest, pk: int) -> HttpResponse:
    takedown = get_object_or_404(_own_takedowns(request.user), pk=pk)
    form = AppealForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Vui lòng ghi nội dung khiếu nại."))
        return redirect("catalog_moderation:own_takedowns")
    try:
        moderation.appeal(takedown.pk, request.user, form.cleaned_data["text"])
    except ModerationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã gửi khiếu nại đến Sở Công Thương."))
    return redirect("catalog_moderation:own_takedowns")


# -- screening --------------------------------------------------------------------


@never_cache
def held_listings(request: HttpRequest) -> HttpResponse:
    """Listings the keyword screening holds, the matched words in <mark>."""
    _department_only(request)
    phrases = list(ScreeningKeyword.objects.values_list("phrase", flat=True))
    held = ProductPage.objects.filter(held_for_screening=True).select_related("seller")
    rows = [
        {
            "product": product,
            "title": moderation.highlight(product.title, phrases),
            "text": moderation.highlight(
                moderation.screened_text(product)[len(product.title) + 1 :], phrases
            ),
        }
        for product in held[:200]
    ]
    context = {"rows": rows, "form": NoteForm(), "page_title": _("Chờ kiểm duyệt")}
    return TemplateResponse(request, "catalog/admin/held_listings.html", context)


@require_POST
def decide_held(request: HttpRequest, pk: int) -> HttpResponse:
    _department_only(request)
    product = get_object_or_404(ProductPage, pk=pk)
    form = NoteForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if request.POST.get("action") == "release":
            moderation.release(product.pk, request.user)
            messages.success(request, _("Đã cho phép đăng tin."))
        else:
            moderation.reject(product.pk, request.user, note)
            messages.success(request, _("Đã từ chối tin đăng."))
    except ModerationError as exc:
        messages.error(request, exc.message)
    return redirect("catalog_moderation:held")
