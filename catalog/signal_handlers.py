"""Keep denormalised product fields true when pages move in the tree."""

from wagtail.signals import page_published, page_unpublished, post_page_move


def _sync_seller_after_move(sender, instance, **kwargs):
    from catalog.models import ProductPage

    if isinstance(instance.specific, ProductPage):
        parent = instance.get_parent()
        ProductPage.objects.filter(pk=instance.pk).update(seller_id=parent.pk)


def _forget_home_figures(sender, **kwargs):
    from django.core.cache import cache

    from marketplace.home import FIGURES_CACHE_KEY
    from marketplace.navigation import forget_navigation

    cache.delete(FIGURES_CACHE_KEY)
    forget_navigation()


def register_signal_handlers() -> None:
    post_page_move.connect(_sync_seller_after_move, dispatch_uid="catalog-seller-move")
    page_published.connect(_forget_home_figures, dispatch_uid="catalog-figures-pub")
    page_unpublished.connect(_forget_home_figures, dispatch_uid="catalog-figures-unpub")
