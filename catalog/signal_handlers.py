"""Keep denormalised product fields true when pages move in the tree, screen
products against the keyword list as they go live, and forget the remembered
product displays when a record they are built from changes."""

from django.db.models.signals import post_delete, post_save, pre_save
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished, post_page_move

from catalog import display_cache
from catalog.models import (
    Certification,
    OcopCertificate,
    ProductPage,
    RuralIndustrialAward,
)
from catalog.moderation import screen_on_publish


def _sync_seller_after_move(sender, instance, **kwargs):
    if isinstance(instance.specific, ProductPage):
        parent = instance.get_parent()
        ProductPage.objects.filter(pk=instance.pk).update(seller_id=parent.pk)


def _screen_live_product(sender, instance, update_fields=None, **kwargs):
    """A product saved live (published) is screened against the keyword list;
    saves of a few fields (a draft's bookkeeping, stock) are not."""
    if instance.live and update_fields is None:
        screen_on_publish(instance)


def _forget_displays_on_change() -> None:
    """Records a remembered display shows without reading their rows again:
    certificates and awards (badges, stars), certifications and tags (their
    names), images (renditions), and any page published, unpublished or moved
    (galleries and covers of related products)."""
    image_model = get_image_model()
    watched = (
        OcopCertificate,
        RuralIndustrialAward,
        Certification,
        Tag,
        image_model,
    )
    for model in watched:
        for signal, change in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                display_cache.forget,
                sender=model,
                dispatch_uid=f"catalog-display-{model._meta.label}-{change}",
            )
    post_delete.connect(
        display_cache.forget,
        sender=image_model.get_rendition_model(),
        dispatch_uid="catalog-display-rendition-deleted",
    )
    for signal, change in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(display_cache.forget, dispatch_uid=f"catalog-display-{change}")


def register_signal_handlers() -> None:
    post_page_move.connect(_sync_seller_after_move, dispatch_uid="catalog-seller-move")
    _forget_displays_on_change()
    pre_save.connect(
        _screen_live_product, sender=ProductPage, dispatch_uid="catalog-screening"
    )
