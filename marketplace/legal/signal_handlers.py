"""The footer's cached disclosures are forgotten when what they show changes.

Connected by LegalConfig.ready().
"""

from django.db.models.signals import post_save
from wagtail.signals import page_published, page_unpublished

from marketplace.legal.disclosures import forget_footer
from marketplace.legal.models import OwnerDisclosure


def register_signal_handlers() -> None:
    post_save.connect(
        forget_footer, sender=OwnerDisclosure, dispatch_uid="legal-owner-saved"
    )
    page_published.connect(forget_footer, dispatch_uid="legal-page-published")
    page_unpublished.connect(forget_footer, dispatch_uid="legal-page-unpublished")
