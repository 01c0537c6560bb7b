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

from sellers import applications
from sellers.models import SellerApplication
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
