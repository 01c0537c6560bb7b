"""Seller registration: applications, their references, the rate limit, and the
department's decisions. Views and the admin call these; emails go through the
outbox (marketplace.helpers.outbox), never inside the request."""

from __future__ import annotations

import logging
import secrets
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from marketplace.helpers.outbox import queue_email
from marketplace.helpers.text import fold
from sellers.models import SellerApplication, SellerIndexPage, SellerPage
from sellers.services import create_seller_account
from sellers.validators import normalize_tax_code

logger = logging.getLogger(__name__)

# No 0/O, 1/I/L: a reference read over the phone is not mistyped.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8
_RATE_WINDOW = 3600


class DuplicateApplication(Exception):
    """Another pending application with the same tax code won the race."""


class DecisionError(Exception):
    """The application cannot take this decision (already decided, no reason)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


APPROVE_ACTION = "sellers.application.approve"
REJECT_ACTION = "sellers.application.reject"


def new_reference() -> str:
    while True:
        reference = "".join(
            secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH)
        )
        if not SellerApplication.objects.filter(reference=reference).exists():
            return reference


def tax_code_taken(tax_code: str) -> bool:
    """An existing seller or a pending application already uses this tax code."""
    code = normalize_tax_code(tax_code)
    return (
        SellerPage.objects.filter(tax_code=code).exists()
        or SellerApplication.objects.filter(
            tax_code=code, status=SellerApplication.Status.PENDING
        ).exists()
    )


def _rate_key(address: str) -> str:
    return f"seller-application:{address}:{int(time.time() // _RATE_WINDOW)}"


def allow_submission(address: str) -> bool:
    """Count one submission from ``address``; False past the hourly limit."""
    key = _rate_key(address)
    count = cache.get(key, 0)
    if count >= settings.SELLER_APPLICATIONS_PER_HOUR:
        return False
    cache.set(key, count + 1, _RATE_WINDOW)
    return True


def submit(form) -> SellerApplication:
    """Store a valid registration form as a pending application and queue the two
    emails (applicant, department) with it."""
    application = form.save(commit=False)
    application.reference = new_reference()
    application.consent_at = timezone.now()
    try:
        with transaction.atomic():
            application.save()
            queue_email("seller_application_received", application.pk)
            queue_email("seller_application_to_department", application.pk)
    except IntegrityError as exc:
        # The file was written before the refused insert: take it back.
        if application.document.name:
            application.document.storage.delete(application.document.name)
        raise DuplicateApplication from exc
    logger.info("Seller application %s received", application.reference)
    return application


def find_for_applicant(
    reference: str, secret: str, trusted: bool = False
) -> SellerApplication | None:
    """The application if ``secret`` is its email or its tax code (or the caller
    already knows this browser sent it: ``trusted``)."""
    application = SellerApplication.objects.filter(reference=reference.upper()).first()
    if application is None or trusted:
        return application
    given = secret.strip()
    if given.lower() == application.email.lower():
        return application
    if normalize_tax_code(given) == application.tax_code:
        return application
    return None


def _pending_for_update(application_id: int) -> SellerApplication:
    application = SellerApplication.objects.select_for_update().get(pk=application_id)
    if application.status != SellerApplication.Status.PENDING:
        raise DecisionError(_("Hồ sơ này đã được quyết định."))
    return application


def _unique(base: str, taken) -> str:
    candidate, n = base, 1
    while taken(candidate):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _seller_page(application: SellerApplication, user) -> SellerPage:
    directory = SellerIndexPage.objects.get()
    base = slugify(fold(application.legal_name))[:70].strip("-") or "nguoi-ban"
    slug = _unique(base, lambda s: directory.get_children().filter(slug=s).exists())
    seller = SellerPage(
        title=application.legal_name,
        slug=slug,
        legal_name=application.legal_name,
        seller_type=application.seller_type,
        tax_code=application.tax_code,
        representative=application.representative,
        phone=application.phone,
        email=application.email,
        street_line=application.street_line,
        commune_id=application.commune_id,
    )
    directory.add_child(instance=seller)
    seller.save_revision(user=user, log_action=True).publish(user=user)
    return seller


def _username(application: SellerApplication) -> str:
    users = get_user_model().objects
    return _unique(
        f"mst-{application.tax_code}",
        lambda name: users.filter(username__iexact=name).exists(),
    )


@transaction.atomic
def approve(application_id: int, user) -> SellerApplication:
    """The seller's page, collection, group and login, all or nothing; the login
    gets a one-time set-password link by email."""
    application = _pending_for_update(application_id)
    seller = _seller_page(application, user)
    account = create_seller_account(
        seller,
        username=_username(application),
        email=application.email,
        first_name=application.representative[:150],
    )
    application.status = SellerApplication.Status.APPROVED
    application.seller = seller
    application.account = account
    application.decided_at = timezone.now()
    application.decided_by = user
    application.save()
    log(application, APPROVE_ACTION, user=user)
    queue_email("seller_application_approved", application.pk)
    return application


@transaction.atomic
def reject(application_id: int, user, reason: str) -> SellerApplication:
    """Refuse the application with a reason the applicant is sent."""
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(_("Vui lòng ghi lý do từ chối để gửi cho người nộp."))
    application = _pending_for_update(application_id)
    application.status = SellerApplication.Status.REJECTED
    application.decision_reason = reason
    application.decided_at = timezone.now()
    application.decided_by = user
    application.save()
    log(application, REJECT_ACTION, user=user, data={"reason": reason})
    queue_email("seller_application_rejected", application.pk)
    return application
