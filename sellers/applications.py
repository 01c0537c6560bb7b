"""Seller registration: applications, their references, the rate limit, and the
department's decisions. Views and the admin call these; emails go through the
outbox (marketplace.helpers.outbox), never inside the request."""

from __future__ import annotations

import logging
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from marketplace.helpers.outbox import queue_email
from sellers.models import SellerApplication, SellerPage
from sellers.validators import normalize_tax_code

logger = logging.getLogger(__name__)

# No 0/O, 1/I/L: a reference read over the phone is not mistyped.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8
_RATE_WINDOW = 3600


class DuplicateApplication(Exception):
    """Another pending application with the same tax code won the race."""


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
