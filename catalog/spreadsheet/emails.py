"""The department's one email per seller upload (sent by the outbox's worker;
registered from CatalogConfig.ready())."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.models import SpreadsheetUpload
from sellers.services import department_emails


def upload_submitted(upload_id: str, count: int) -> None:
    """To the department: a seller's upload waits for approval."""
    with translation.override("vi"):
        upload = SpreadsheetUpload.objects.select_related("seller").get(pk=upload_id)
        recipients = department_emails()
        if not recipients:
            return
        site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        body = render_to_string(
            "catalog/emails/spreadsheet_submitted.txt",
            {
                "upload": upload,
                "count": count,
                "review_url": site + reverse("wagtailadmin_reports:workflow_tasks"),
            },
        )
        subject = _("[Cần duyệt] %(seller)s gửi %(count)d sản phẩm từ bảng tính") % {
            "seller": upload.seller.title,
            "count": count,
        }
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients).send()


EMAILS = {"spreadsheet_submitted": upload_submitted}
