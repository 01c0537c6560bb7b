"""The dashboard's cached counts are forgotten when what they count changes.

Connected by ProgrammeConfig.ready(): a page published, unpublished or deleted; a
certificate, an award or a category saved or deleted (a verification or an expiry
date changes the stars and the share without publishing anything).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from catalog.models import Category, OcopCertificate, RuralIndustrialAward
from marketplace.programme.figures import forget_figures


def register_signal_handlers() -> None:
    page_published.connect(forget_figures, dispatch_uid="programme-published")
    page_unpublished.connect(forget_figures, dispatch_uid="programme-unpublished")
    post_delete.connect(forget_figures, sender=Page, dispatch_uid="programme-page")
    for model in (Category, OcopCertificate, RuralIndustrialAward):
        label = model._meta.label_lower
        post_save.connect(
            forget_figures, sender=model, dispatch_uid=f"programme-{label}-saved"
        )
        post_delete.connect(
            forget_figures, sender=model, dispatch_uid=f"programme-{label}-deleted"
        )
