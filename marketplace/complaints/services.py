"""Complaints' rules: the answer's due date, filing, the seller's question and
reply, the department's decision, the suspension proposal and the yearly counts.
Views, the admin and other apps' dashboards call these; emails go through the
outbox, never inside the request."""

from __future__ import annotations

import datetime
import os
import secrets
import time
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.checkout.models import Order, OrderLine
from marketplace.complaints.models import (
    UPHELD,
    Complaint,
    ComplaintPhoto,
    Decision,
    Status,
)
from marketplace.helpers.outbox import queue_email
from sellers.models import SellerPage
from sellers.services import is_department, sellers_for_user

ANSWER_WORKING_DAYS = 7
# A second upheld violation within this many days proposes a suspension.
REPEAT_WINDOW_DAYS = 365
# No 0/O, 1/I/L: a reference read over the phone is not mistyped.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_RATE_WINDOW = 3600


class ComplaintError(Exception):
    """The case cannot take this step (already decided, empty text...)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# -- the clock ---------------------------------------------------------------------


@lru_cache(maxsize=16)
def _holidays(year: int) -> holidays.HolidayBase:
    # The package's Vietnam calendar carries Tết and Hùng Kings' day (lunar dates).
    return holidays.country_holidays("VN", years=year)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def due_date(filed_on: datetime.date, days: int = ANSWER_WORKING_DAYS) -> datetime.date:
    """The last day to answer: ``days`` working days, counted from the first
    working day after the day of filing (weekends and public holidays skipped)."""
    day = filed_on
    remaining = days
    while remaining:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def is_late(complaint: Complaint, today: datetime.date | None = None) -> bool:
    """Answered after the due date, or still open past it."""
    if complaint.decided_at is not None:
        return timezone.localdate(complaint.decided_at) > complaint.due_on
    return (today or timezone.localdate()) > complaint.due_on


def late_filter(today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(decided_at__isnull=True, due_on__lt=today) | Q(
        decided_at__date__gt=F("due_on")
    )


# -- filing ------------------------------------------------------------------------


def allow_filing(address: str) -> bool:
    """Count one submission from ``address``; False past the hourly limit."""
    key = f"complaint:{address}:{int(time.time() // _RATE_WINDOW)}"
    count = cache.get(key, 0)
    if count >= settings.COMPLAINTS_PER_HOUR:
        return False
    cache.set(key, count + 1, _RATE_WINDOW)
    return True


def new_reference() -> str:
    while True:
        reference = "KN" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
        if not Complaint.objects.filter(reference=reference).exists():
            return reference


@dataclass
class Filing:
    order: Order
    seller: SellerPage
    reason: str
    text: str
    line: OrderLine | None = None
    photos: list[UploadedFile] = field(default_factory=list)


def file_complaint(filing: Filing) -> Complaint:
    """Store the case with its photos and queue the shopper's receipt, all or
    nothing; a photo written before a failed insert is taken back."""
    now = timezone.now()
    complaint = Complaint(
        reference=new_reference(),
        order=filing.order,
        seller=filing.seller,
        line=filing.line,
        product_title=filing.line.product_title if filing.line else "",
        reason=filing.reason,
        text=filing.text,
        email=filing.order.email,
        filed_at=now,
        due_on=due_date(timezone.localdate(now)),
    )
    written: list[ComplaintPhoto] = []
    try:
        with transaction.atomic():
            complaint.save()
            for number, upload in enumerate(filing.photos, start=1):
                # The shopper's own file name stays out of the stored name.
                extension = os.path.splitext(upload.name)[1].lower()
                name = f"{complaint.reference}-{number}{extension}"
                photo = ComplaintPhoto(complaint=complaint)
                photo.file.save(name, upload, save=True)
                written.append(photo)
            queue_email("complaint_filed", complaint.pk)
    except BaseException:
        for photo in written:
            photo.file.storage.delete(photo.file.name)
        raise
    return complaint


NOT_FOUND = _("Không tìm thấy khiếu nại với mã và số điện thoại này.")


def visible_to_shopper(reference: str) -> Complaint | None:
    """The case of a browser that filed or unlocked it (the view checked that)."""
    return (
        Complaint.objects.select_related("order", "seller")
        .filter(reference=reference)
        .first()
    )


def find_for_shopper(reference: str, phone_e164: str) -> Complaint | None:
    """Both must match (the reference ignores case and spaces around it)."""
    reference = (reference or "").strip()
    if not reference or len(reference) > 12 or not phone_e164:
        return None
    complaint = (
        Complaint.objects.select_related("order")
        .filter(reference__iexact=reference)
        .first()
    )
    if complaint is None or complaint.order.phone != phone_e164:
        return None
    return complaint


# -- who sees what ------------------------------------------------------------------


def can_see_complaints(user) -> bool:
    return user.is_authenticated and (
        is_department(user) or bool(sellers_for_user(user))
    )


def visible_complaints(user) -> QuerySet[Complaint]:
    """All cases for the department, else only its own sellers' cases."""
    complaints = Complaint.objects.select_related("order", "seller")
    if is_department(user):
        return complaints
    return complaints.filter(seller_id__in=sellers_for_user(user))


# -- the steps ----------------------------------------------------------------------


def _locked(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def ask_seller(complaint: Complaint, question: str) -> Complaint:
    """The department's question to the seller; the shopper and the seller are
    told."""
    question = (question or "").strip()
    if not question:
        raise ComplaintError(_("Vui lòng nhập câu hỏi cho người bán."))
    with transaction.atomic():
        case = _locked(complaint)
        if case.status == Status.DECIDED:
            raise ComplaintError(_("Khiếu nại này đã có kết luận."))
        case.question = question
        case.asked_at = timezone.now()
        case.status = Status.ASKED
        case.save(update_fields=["question", "asked_at", "status"])
        queue_email("complaint_seller_asked", case.pk)
        queue_email("complaint_question_to_seller", case.pk)
    return case


def seller_reply(complaint: Complaint, reply: str) -> Complaint:
    reply = (reply or "").strip()
    if not reply:
        raise ComplaintError(_("Vui lòng nhập nội dung trả lời."))
    with transaction.atomic():
        case = _locked(complaint)
        if case.status != Status.ASKED:
            raise ComplaintError(_("Khiếu nại này không chờ người bán trả lời."))
        case.seller_reply = reply
        case.replied_at = timezone.now()
        case.status = Status.REPLIED
        case.save(update_fields=["seller_reply", "replied_at", "status"])
    return case


def earlier_upheld(case: Complaint) -> QuerySet[Complaint]:
    """The seller's other upheld cases decided within the last 12 months."""
    since = case.decided_at - datetime.timedelta(days=REPEAT_WINDOW_DAYS)
    return Complaint.objects.filter(
        seller_id=case.seller_id,
        decision__in=UPHELD,
        decided_at__gte=since,
        decided_at__lte=case.decided_at,
    ).exclude(pk=case.pk)


def decide(complaint: Complaint, decision: str, text: str, user) -> Complaint:
    """The department's conclusion; a second upheld violation within 12 months
    proposes the seller's suspension (the suspension itself is the department's
    act, elsewhere)."""
    text = (text or "").strip()
    if decision not in Decision.values:
        raise ComplaintError(_("Vui lòng chọn kết luận."))
    if not text:
        raise ComplaintError(_("Vui lòng nhập nội dung kết luận gửi người mua."))
    with transaction.atomic():
        # Lock the seller's row too: two decisions at once still see each other.
        SellerPage.objects.select_for_update(of=("self",)).filter(
            pk=complaint.seller_id
        ).first()
        case = _locked(complaint)
        if case.status == Status.DECIDED:
            raise ComplaintError(_("Khiếu nại này đã có kết luận."))
        case.decision = decision
        case.decision_text = text
        case.decided_at = timezone.now()
        case.decided_by = user
        case.status = Status.DECIDED
        case.suspension_proposed = case.upheld and earlier_upheld(case).exists()
        case.save()
        queue_email("complaint_decided", case.pk)
    return case


# -- figures ------------------------------------------------------------------------


def yearly_counts(year: int, today: datetime.date | None = None) -> dict:
    """Cases filed in ``year`` (local time): filed, answered in time, late
    (answered late or open past the due date), and how many of each decision.
    The programme dashboard shows these too."""
    today = today or timezone.localdate()
    cases = Complaint.objects.filter(filed_at__year=year)
    late = late_filter(today)
    figures = cases.aggregate(
        filed=Count("pk"),
        answered_in_time=Count("pk", filter=Q(decided_at__isnull=False) & ~Q(late)),
        late=Count("pk", filter=late),
        open=Count("pk", filter=Q(decided_at__isnull=True)),
    )
    by_decision = dict(
        cases.exclude(decision="")
        .values_list("decision")
        .annotate(n=Count("pk"))
        .values_list("decision", "n")
    )
    figures["by_decision"] = {
        choice.value: by_decision.get(choice.value, 0) for choice in Decision
    }
    figures["year"] = year
    return figures
