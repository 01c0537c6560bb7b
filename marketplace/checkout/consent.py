"""Consent per purpose at checkout (Law 91/2025 on personal data protection).

Each purpose is asked and recorded on its own: order handling (needed to deliver,
so required to order) and marketing (off unless the shopper ticks it). The record
names the privacy policy version in force, which the shell's legal pages know:
they sit above checkout, so the shell plugs ``privacy_policy_version`` in from its
``AppConfig.ready()``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from marketplace.checkout.models import ConsentPurpose, Order, OrderConsent
from marketplace.helpers.listing import Port

# () -> str: the privacy policy version in force ("" when none is published).
privacy_policy_version = Port("the privacy policy version in force")


@dataclass(frozen=True)
class Consents:
    order_handling: bool = False
    marketing: bool = False


def record_consents(order: Order, consents: Consents) -> list[OrderConsent]:
    """One row per purpose, granted or not, stamped with the policy version."""
    version = privacy_policy_version()
    now = timezone.now()
    return OrderConsent.objects.bulk_create(
        OrderConsent(
            order=order,
            purpose=purpose,
            granted=granted,
            policy_version=version,
            recorded_at=now,
        )
        for purpose, granted in (
            (ConsentPurpose.ORDER_HANDLING, consents.order_handling),
            (ConsentPurpose.MARKETING, consents.marketing),
        )
    )
