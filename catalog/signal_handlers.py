"""Keep denormalised product fields true when pages move in the tree."""

from wagtail.signals import post_page_move

from catalog.models import ProductPage


def _sync_seller_after_move(sender, instance, **kwargs):
    if isinstance(instance.specific, ProductPage):
        parent = instance.get_parent()
        ProductPage.objects.filter(pk=instance.pk).update(seller_id=parent.pk)


def register_signal_handlers() -> None:
    post_page_move.connect(_sync_seller_after_move, dispatch_uid="catalog-seller-move")
