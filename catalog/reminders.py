"""Reminders to sellers before their OCOP certificates expire (90 and 30 days).

due_reminders() picks what to send today; mark_reminded() records each one so it
goes out once. The daily command (marketplace/management/commands/
check_certificates.py) queues send_expiry_reminder() through the outbox, which
calls it from the worker, never from a request.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from catalog.models import OcopCertificate
from marketplace.formatting import format_date
from sellers.services import seller_emails

# Days before expiry, nearest last: a certificate first seen inside 30 days gets
# only the 30-day reminder.
REMINDER_DAYS = (90, 30)


@dataclass(frozen=True)
class Reminder:
    certificate: OcopCertificate
    days: int


def _field(days: int) -> str:
    return f"reminded_{days}_at"


def due_reminders(today: datetime.date | None = None) -> list[Reminder]:
    """Verified, unexpired certificates entering a reminder window, not yet told."""
    today = today or timezone.localdate()
    due: list[Reminder] = []
    seen: set[int] = set()
    for days in sorted(REMINDER_DAYS):
        window = OcopCertificate.objects.valid(today).filter(
            expires_on__lte=today + datetime.timedelta(days=days),
            **{f"{_field(days)}__isnull": True},
        )
        for certificate in window.select_related("product", "product__seller"):
            if certificate.pk not in seen:
                seen.add(certificate.pk)
                due.append(Reminder(certificate, days))
    return due


def mark_reminded(reminder: Reminder) -> None:
    """Record the reminder, and the earlier (longer) ones it makes pointless."""
    now = timezone.now()
    fields = [_field(d) for d in REMINDER_DAYS if d >= reminder.days]
    OcopCertificate.objects.filter(pk=reminder.certificate.pk).update(
        **dict.fromkeys(fields, now)
    )


def recently_expired(since: datetime.date, today: datetime.date) -> QuerySet:
    """Verified certificates whose badge lapsed between ``since`` and today."""
    return OcopCertificate.objects.verified().filter(
        expires_on__gte=since, expires_on__lt=today
    )


def send_expiry_reminder(certificate_id: int, days: int) -> None:
    """To the seller's addresses: this certificate expires in about ``days`` days."""
    with translation.override("vi"):
        certificate = OcopCertificate.objects.select_related(
            "product", "product__seller"
        ).get(pk=certificate_id)
        seller = certificate.product.seller
        recipients = seller_emails(seller) if seller else []
        if not recipients:
            return
        body = render_to_string(
            "catalog/emails/certificate_expiry.txt",
            {
                "certificate": certificate,
                "product": certificate.product,
                "expires_on": format_date(certificate.expires_on),
                "days": days,
                "site_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            },
        )
        subject = _("Chứng nhận OCOP của %(product)s sắp hết hạn") % {
            "product": certificate.product.title
        }
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients).send()
