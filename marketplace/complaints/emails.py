"""Complaint emails, one message per function, sent by the outbox's worker
(marketplace/helpers/outbox.py), never inside a request. Registered from
ComplaintsConfig.ready()."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from marketplace.complaints.models import Complaint
from marketplace.helpers.outbox import register_emails
from sellers.services import seller_emails


def _complaint(complaint_id: int) -> Complaint:
    return Complaint.objects.select_related("order", "seller").get(pk=complaint_id)


def _send(subject: str, template: str, complaint: Complaint, to: list[str]) -> None:
    recipients = [address for address in to if address]
    if not recipients:
        return
    context = {
        "complaint": complaint,
        "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }
    body = render_to_string(template, context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients).send()


def complaint_filed(complaint_id: int) -> None:
    """To the shopper: the case is open, with its reference and due date."""
    with translation.override("vi"):
        complaint = _complaint(complaint_id)
        _send(
            _("Đã nhận khiếu nại %(ref)s") % {"ref": complaint.reference},
            "complaints/emails/filed.txt",
            complaint,
            [complaint.email],
        )


def complaint_seller_asked(complaint_id: int) -> None:
    """To the shopper: the department has asked the seller."""
    with translation.override("vi"):
        complaint = _complaint(complaint_id)
        _send(
            _("Khiếu nại %(ref)s: đã yêu cầu người bán giải trình")
            % {"ref": complaint.reference},
            "complaints/emails/seller_asked.txt",
            complaint,
            [complaint.email],
        )


def complaint_question_to_seller(complaint_id: int) -> None:
    """To the seller: the department's question, to answer in the admin."""
    with translation.override("vi"):
        complaint = _complaint(complaint_id)
        _send(
            _("[Cần trả lời] Khiếu nại %(ref)s") % {"ref": complaint.reference},
            "complaints/emails/question_to_seller.txt",
            complaint,
            seller_emails(complaint.seller),
        )


def complaint_decided(complaint_id: int) -> None:
    """To the shopper: the department's conclusion."""
    with translation.override("vi"):
        complaint = _complaint(complaint_id)
        _send(
            _("Khiếu nại %(ref)s: %(decision)s")
            % {
                "ref": complaint.reference,
                "decision": complaint.get_decision_display(),
            },
            "complaints/emails/decided.txt",
            complaint,
            [complaint.email],
        )


EMAILS = {
    "complaint_filed": complaint_filed,
    "complaint_seller_asked": complaint_seller_asked,
    "complaint_question_to_seller": complaint_question_to_seller,
    "complaint_decided": complaint_decided,
}


def register_complaint_emails() -> None:
    register_emails(EMAILS)
