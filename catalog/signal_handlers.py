"""Keep denormalised product fields true when pages move in the tree, and screen
products against the keyword list as they go live."""

from django.db.models.signals import pre_save
from wagtail.signals import post_page_move

from catalog.models import ProductPage
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


def register_signal_handlers() -> None:
    post_page_move.connect(_sync_seller_after_move, dispatch_uid="catalog-seller-move")
    pre_save.connect(
        _screen_live_product, sender=ProductPage, dispatch_uid="catalog-screening"
    )
