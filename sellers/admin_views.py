"""The department's review of one seller application: its details, its document
(served from private storage only to the department) and the decision."""

from __future__ import annotations

import mimetypes
import os

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from sellers import applications, moderation
from sellers.models import IdentityMethod, SellerApplication, SellerPage
from sellers.services import is_department


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do (bắt buộc khi từ chối; gửi cho người nộp)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _department_only(request: HttpRequest) -> None:
    if not (request.user.is_active and is_department(request.user)):
        raise PermissionDenied


def _decide(request, application, form) -> str:
    """Approve or reject; returns the message to show."""
    if request.POST.get("action") == "approve":
        done = applications.approve(application.pk, request.user)
        return _("Đã duyệt hồ sơ %(ref)s: đã tạo gian hàng và tài khoản %(user)s.") % {
            "ref": done.reference,
            "user": done.account.username,
        }
    if request.POST.get("action") == "reject":
        done = applications.reject(
            application.pk, request.user, form.cleaned_data["reason"]
        )
        return _("Đã từ chối hồ sơ %(ref)s.") % {"ref": done.reference}
    raise applications.DecisionError(_("Vui lòng chọn Duyệt hoặc Từ chối."))


@never_cache
def review(request: HttpRequest, pk: int) -> HttpResponse:
    _department_only(request)
    application = get_object_or_404(
        SellerApplication.objects.select_related(
            "commune", "decided_by", "seller", "account"
        ),
        pk=pk,
    )
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = _decide(request, application, form)
        except applications.DecisionError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, message)
            return redirect("seller_application_review", application.pk)
    context = {
        "application": application,
        "form": form,
        "page_title": _("Hồ sơ %(ref)s") % {"ref": application.reference},
        "header_title": application.legal_name,
    }
    return TemplateResponse(request, "sellers/admin/application_review.html", context)


@never_cache
def document(request: HttpRequest, pk: int) -> FileResponse:
    _department_only(request)
    application = get_object_or_404(SellerApplication, pk=pk)
    if not application.document or not application.document.storage.exists(
        application.document.name
    ):
        raise Http404
    name = os.path.basename(application.document.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        application.document.open("rb"), content_type=content_type, filename=name
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# -- the department's record of a seller: identity check, suspension, the log ------


class IdentityCheckForm(forms.Form):
    method = forms.ChoiceField(
        label=gettext_lazy("Cách xác minh"), choices=IdentityMethod.choices
    )
    checked_on = forms.DateField(
        label=gettext_lazy("Ngày xác minh (dd/mm/yyyy)"),
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SuspensionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Lý do (gửi cho người bán)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _record_decision(request, seller) -> str:
    action = request.POST.get("action")
    if action == "identity":
        form = IdentityCheckForm(request.POST)
        if not form.is_valid():
            raise moderation.ModerationError(
                _("Vui lòng chọn cách xác minh và ghi ngày dạng dd/mm/yyyy.")
            )
        data = form.cleaned_data
        moderation.record_identity_check(
            seller.pk, request.user, data["method"], data["checked_on"], data["note"]
        )
        return _("Đã ghi nhận xác minh danh tính.")
    form = SuspensionForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if action == "suspend":
        moderation.suspend(seller.pk, request.user, reason)
        return _("Đã tạm ngừng người bán; sản phẩm đã rời khỏi sàn.")
    if action == "reinstate":
        moderation.reinstate(seller.pk, request.user, reason)
        return _("Đã khôi phục người bán.")
    raise moderation.ModerationError(_("Vui lòng chọn một thao tác."))


@never_cache
def seller_record(request: HttpRequest, pk: int) -> HttpResponse:
    _department_only(request)
    seller = get_object_or_404(SellerPage, pk=pk)
    error = ""
    if request.method == "POST":
        try:
            message = _record_decision(request, seller)
        except moderation.ModerationError as exc:
            error = exc.message
        else:
            messages.success(request, message)
            return redirect("seller_record", seller.pk)
    context = {
        "seller": seller,
        "error": error,
        "entries": moderation.decision_log(seller),
        "identity_form": IdentityCheckForm(),
        "suspension_form": SuspensionForm(),
        "page_title": _("Hồ sơ người bán: %(name)s") % {"name": seller.title},
    }
    return TemplateResponse(request, "sellers/admin/seller_record.html", context)
