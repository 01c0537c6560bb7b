"""manage.py check_certificates: the daily look at OCOP certificate expiry.

Queues the 90- and 30-day reminders to sellers through the outbox (each once:
the certificate records it was reminded) and lists what lapsed yesterday. Run it
once a day (cron line in README.md), or enqueue marketplace.tasks.check_certificates.
It lives in the site shell because it joins catalog (certificates) and the
checkout outbox (the mail queue), which catalog may not import.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from catalog import reminders
from marketplace.checkout.outbox import queue_email
from marketplace.formatting import format_date


class Command(BaseCommand):
    help = (
        "Gửi email nhắc người bán 90 và 30 ngày trước khi chứng nhận OCOP hết hạn "
        "(mỗi lần nhắc một lần) và liệt kê chứng nhận vừa hết hạn."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        with transaction.atomic():
            due = reminders.due_reminders(today)
            for reminder in due:
                queue_email(
                    "certificate_expiry", reminder.certificate.pk, reminder.days
                )
                reminders.mark_reminded(reminder)
                self._report_reminder(reminder)
        self.stdout.write(f"Đã xếp hàng {len(due)} email nhắc hết hạn.")
        yesterday = today - datetime.timedelta(days=1)
        for certificate in reminders.recently_expired(yesterday, today):
            self.stdout.write(
                f"Hết hạn {format_date(certificate.expires_on)}: {certificate} "
                f"({certificate.decision_number or '–'})"
            )

    def _report_reminder(self, reminder: reminders.Reminder) -> None:
        certificate = reminder.certificate
        self.stdout.write(
            f"Nhắc {reminder.days} ngày: {certificate} "
            f"hết hạn {format_date(certificate.expires_on)}"
        )
