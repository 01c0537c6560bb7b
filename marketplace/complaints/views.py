"""The public complaint pages (/khieu-nai/): filing, the confirmation and
following a case. Never cached; CSRF on every form; rules in services.py."""

from __future__ import annotations

import hmac
import re

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from marketplace.checkout.models import Order
from marketplace.complaints import services
from marketplace.complaints.forms import ComplaintForm, FollowForm, FollowLookupForm

_SHOWN = "complaints_shown"
_REFERENCE = re.compile(r"[A-Za-z0-9]{1,12}")
# The order pages remember the orders this browser placed or looked up.
_ORDERS = "checkout_orders"


def _remember(request: HttpRequest, reference: str) -> None:
    shown = request.session.get(_SHOWN, [])
    if reference not in shown:
        request.session[_SHOWN] = [*shown, reference][-10:]


def _known(request: HttpRequest, key: str, reference: str) -> bool:
    return any(
        hmac.compare_digest(str(known), str(reference))
        for known in request.session.get(key, [])
    )


def _prefilled_order(request: HttpRequest) -> Order | None:
    """The order the shopper came from (its page links here), if this browser
    may see it."""
    reference = request.GET.get("don", "")
    if not isinstance(reference, str) or not _known(request, _ORDERS, reference):
        return None
    return Order.objects.filter(reference=reference).first()


def _blank_form(request: HttpRequest) -> ComplaintForm:
    order = _prefilled_order(request)
    initial = {"reference": order.reference} if order else {}
    line = request.GET.get("dong", "")
    if order and line.isdigit():
        initial["line"] = int(line)
    return ComplaintForm(order=order, initial=initial)


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def file(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "complaints/file.html", {"form": _blank_form(request)})
    if not services.allow_filing(request.META.get("REMOTE_ADDR", "")):
        return render(request, "complaints/too_many.html", status=429)
    form = ComplaintForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "complaints/file.html", {"form": form}, status=400)
    data = form.cleaned_data
    complaint = services.file_complaint(
        services.Filing(
            order=form.order,
            seller=data["seller"],
            line=data.get("line"),
            reason=data["reason"],
            text=data["text"],
            photos=data["photos"],
        )
    )
    _remember(request, complaint.reference)
    return redirect("complaints:status", complaint.reference)


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def status(request: HttpRequest, reference: str) -> HttpResponse:
    """The case's status: to the browser that filed it, or with the phone."""
    if not _REFERENCE.fullmatch(reference):
        raise Http404
    reference = reference.upper()
    complaint = None
    form = FollowForm(request.POST or None)
    if _known(request, _SHOWN, reference):
        complaint = services.visible_to_shopper(reference)
    elif request.method == "POST" and form.is_valid():
        complaint = services.find_for_shopper(reference, form.cleaned_data["phone"])
        if complaint is None:
            form.add_error(None, services.NOT_FOUND)
        else:
            _remember(request, complaint.reference)
    context = {"reference": reference, "complaint": complaint, "form": form}
    code = 400 if request.method == "POST" and complaint is None else 200
    return render(request, "complaints/status.html", context, status=code)


@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    """Reference plus the order's phone; the same vague error either way."""
    form = FollowLookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        complaint = services.find_for_shopper(data["reference"], data["phone"])
        if complaint is not None:
            _remember(request, complaint.reference)
            return redirect("complaints:status", complaint.reference)
        form.add_error(None, services.NOT_FOUND)
    code = 400 if request.method == "POST" else 200
    return render(request, "complaints/follow.html", {"form": form}, status=code)
