"""The complaints in the Wagtail admin: the department sees every case (filters,
search, the clock, the yearly counts) and decides; a seller sees only its own
cases and answers the department's question."""

from __future__ import annotations

import mimetypes
import os

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from marketplace.complaints import services
from marketplace.complaints.forms import DecisionForm, QuestionForm, ReplyForm
from marketplace.complaints.models import Complaint, ComplaintPhoto, Decision, Status
from sellers.services import is_department


def _visible(request: HttpRequest):
    if not services.can_see_complaints(request.user):
        raise PermissionDenied
    return services.visible_complaints(request.user)


def _department_only(request: HttpRequest) -> None:
    if not is_department(request.user):
        raise PermissionDenied


def _filtered(request: HttpRequest, complaints):
    status = request.GET.get("trang_thai", "")
    if status in Status.values:
        complaints = complaints.filter(status=status)
    if request.GET.get("tre_han") == "1":
        complaints = complaints.filter(services.late_filter())
    # PostgreSQL refuses NUL in a text parameter: drop it rather than fail.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:20]
    if query:
        complaints = complaints.filter(reference__icontains=query)
    return complaints, status, query


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("nam", "")
    this_year = timezone.localdate().year
    if raw.isdigit() and 2000 <= int(raw) <= this_year:
        return int(raw)
    return this_year


def index(request: HttpRequest) -> HttpResponse:
    complaints, status, query = _filtered(request, _visible(request))
    page = Paginator(complaints, 50).get_page(request.GET.get("p"))
    today = timezone.localdate()
    for case in page:
        case.late = services.is_late(case, today)
    department = is_department(request.user)
    year = _year(request)
    context = {
        "page": page,
        "statuses": Status.choices,
        "selected_status": status,
        "late_only": request.GET.get("tre_han") == "1",
        "query": query,
        "is_department": department,
        "counts": services.yearly_counts(year) if department else None,
        "decisions": Decision.choices,
        "years": range(today.year, today.year - 5, -1),
    }
    return render(request, "complaints/admin/index.html", context)


def _detail_context(request, case: Complaint, **forms) -> dict:
    department = is_department(request.user)
    return {
        "case": case,
        "late": services.is_late(case),
        "is_department": department,
        "photos": case.photos.all(),
        "earlier_upheld": (
            services.earlier_upheld(case).select_related("seller")
            if department and case.suspension_proposed
            else []
        ),
        "question_form": forms.get("question_form") or QuestionForm(),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "decision_form": forms.get("decision_form") or DecisionForm(),
    }


@never_cache
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(_visible(request), pk=pk)
    return render(
        request, "complaints/admin/detail.html", _detail_context(request, case)
    )


def _after_step(request, case, step, form, form_name, done: str):
    """Run one step with a valid form; show its refusal on the case page."""
    try:
        step()
    except services.ComplaintError as exc:
        context = _detail_context(request, case, **{form_name: form})
        context["step_error"] = exc.message
    else:
        messages.success(request, done)
        return redirect("complaints_admin:detail", case.pk)
    return render(request, "complaints/admin/detail.html", context, status=400)


@require_POST
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    _department_only(request)
    case = get_object_or_404(Complaint, pk=pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        return _after_step(
            request,
            case,
            lambda: services.ask_seller(case, form.cleaned_data["question"]),
            form,
            "question_form",
            _("Đã gửi câu hỏi cho người bán."),
        )
    context = _detail_context(request, case, question_form=form)
    return render(request, "complaints/admin/detail.html", context, status=400)


@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(_visible(request), pk=pk)
    if is_department(request.user):
        raise PermissionDenied  # the seller answers for itself
    form = ReplyForm(request.POST)
    if form.is_valid():
        return _after_step(
            request,
            case,
            lambda: services.seller_reply(case, form.cleaned_data["reply"]),
            form,
            "reply_form",
            _("Đã gửi trả lời cho Sở Công Thương."),
        )
    context = _detail_context(request, case, reply_form=form)
    return render(request, "complaints/admin/detail.html", context, status=400)


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    _department_only(request)
    case = get_object_or_404(Complaint, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        return _after_step(
            request,
            case,
            lambda: services.decide(case, data["decision"], data["text"], request.user),
            form,
            "decision_form",
            _("Đã lưu kết luận và báo cho người mua."),
        )
    context = _detail_context(request, case, decision_form=form)
    return render(request, "complaints/admin/detail.html", context, status=400)


@never_cache
def photo(request: HttpRequest, pk: int) -> FileResponse:
    """A shopper's photo, to the department and the case's own seller only."""
    visible = _visible(request)
    item = get_object_or_404(
        ComplaintPhoto.objects.filter(complaint__in=visible), pk=pk
    )
    if not item.file or not item.file.storage.exists(item.file.name):
        raise Http404
    name = os.path.basename(item.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(item.file.open("rb"), content_type=content_type)
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response
