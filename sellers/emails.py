"""Registration emails, one message per function, sent by the outbox's worker
(registered from SellersConfig.ready())."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from sellers.models import SellerApplication, SellerPage
from sellers.services import department_emails, seller_emails


def _site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _send(subject: str, template: str, context: dict, to: list[str]) -> None:
    recipients = [address for address in to if address]
    if not recipients:
        return
    body = render_to_string(template, {**context, "site_url": _site_url()})
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients).send()


def _context(application: SellerApplication) -> dict:
    status_url = reverse("sellers:application_status", args=[application.reference])
    return {
        "application": application,
        "status_url": _site_url() + status_url,
    }


def application_received(application_id: int) -> None:
    """To the applicant: the reference and where to follow the application."""
    with translation.override("vi"):
        application = SellerApplication.objects.get(pk=application_id)
        _send(
            _("Đã nhận hồ sơ đăng ký bán hàng %(ref)s")
            % {"ref": application.reference},
            "sellers/emails/application_received.txt",
            _context(application),
            [application.email],
        )


def application_to_department(application_id: int) -> None:
    """To the department: a new application waits for review."""
    with translation.override("vi"):
        application = SellerApplication.objects.select_related("commune").get(
            pk=application_id
        )
        context = _context(application)
        context["admin_url"] = _site_url() + reverse(
            "seller_application_review", args=[application.pk]
        )
        _send(
            _("[Cần duyệt] Hồ sơ bán hàng %(ref)s: %(name)s")
            % {"ref": application.reference, "name": application.legal_name},
            "sellers/emails/application_to_department.txt",
            context,
            department_emails(),
        )


def set_password_url(user) -> str:
    """A one-time link: the token stops working once the password changes."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    return _site_url() + path


def application_approved(application_id: int) -> None:
    """To the applicant: the shop is open; set the password to log in."""
    with translation.override("vi"):
        application = SellerApplication.objects.select_related("account", "seller").get(
            pk=application_id
        )
        context = _context(application)
        context["set_password_url"] = set_password_url(application.account)
        context["login_url"] = _site_url() + reverse("wagtailadmin_login")
        _send(
            _("Hồ sơ %(ref)s đã được duyệt") % {"ref": application.reference},
            "sellers/emails/application_approved.txt",
            context,
            [application.email],
        )


def application_rejected(application_id: int) -> None:
    """To the applicant: the department's reason."""
    with translation.override("vi"):
        application = SellerApplication.objects.get(pk=application_id)
        _send(
            _("Hồ sơ %(ref)s chưa được duyệt") % {"ref": application.reference},
            "sellers/emails/application_rejected.txt",
            _context(application),
            [application.email],
        )


def moderation_notice(seller_id: int, subject: str, body: str) -> None:
    """To the seller: a decision of the department (suspension, takedown,
    appeal, screening), written when it was taken."""
    seller = SellerPage.objects.filter(pk=seller_id).first()
    if seller is None:
        return
    _send(
        subject,
        "sellers/emails/moderation_notice.txt",
        {"seller": seller, "body": body},
        seller_emails(seller),
    )


def department_moderation_notice(subject: str, body: str) -> None:
    """To the department: something of moderation waits (an appeal)."""
    _send(
        subject,
        "sellers/emails/moderation_notice.txt",
        {"seller": None, "body": body},
        department_emails(),
    )


EMAILS = {
    "department_moderation_notice": department_moderation_notice,
    "seller_moderation_notice": moderation_notice,
    "seller_application_received": application_received,
    "seller_application_to_department": application_to_department,
    "seller_application_approved": application_approved,
    "seller_application_rejected": application_rejected,
}
