"""Public seller registration (/dang-ky-ban-hang/) and following an application."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from sellers import applications
from sellers.application_forms import ApplicationLookupForm, SellerApplicationForm

_SHOWN = "seller_applications_shown"


def _remember(request: HttpRequest, reference: str) -> None:
    """The browser that sent (or unlocked) an application sees its status."""
    shown = request.session.get(_SHOWN, [])
    if reference not in shown:
        request.session[_SHOWN] = [*shown, reference][-10:]


@never_cache
@csrf_protect
def apply(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(
            request,
            "sellers/registration/apply.html",
            {"form": SellerApplicationForm()},
        )
    if not applications.allow_submission(request.META.get("REMOTE_ADDR", "")):
        return render(request, "sellers/registration/too_many.html", status=429)
    form = SellerApplicationForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            application = applications.submit(form)
        except applications.DuplicateApplication:
            form.add_error(
                "tax_code", _("Mã số thuế này đã có một hồ sơ đang chờ duyệt.")
            )
        else:
            _remember(request, application.reference)
            return redirect("sellers:application_status", application.reference)
    return render(request, "sellers/registration/apply.html", {"form": form})


@never_cache
@csrf_protect
def application_status(request: HttpRequest, reference: str) -> HttpResponse:
    reference = reference.upper()
    application = None
    form = ApplicationLookupForm(request.POST or None)
    if reference in request.session.get(_SHOWN, []):
        application = applications.find_for_applicant(reference, "", trusted=True)
    elif request.method == "POST" and form.is_valid():
        application = applications.find_for_applicant(
            reference, form.cleaned_data["secret"]
        )
        if application is None:
            form.add_error(None, _("Không tìm thấy hồ sơ với mã và thông tin đã nhập."))
        else:
            _remember(request, reference)
    context = {"reference": reference, "application": application, "form": form}
    return render(request, "sellers/registration/status.html", context)
