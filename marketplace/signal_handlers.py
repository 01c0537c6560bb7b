"""The shell forgets what it keeps in memory when what it shows changes.

Connected by MarketplaceConfig.ready(): the remembered sites when a site is saved
or deleted; the home page's figures and the menu when a page is published or
unpublished, a category (whose name the menu shows) is saved, or a page's public
visibility changes (marketplace.helpers.visibility).
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished

from catalog.models import Category
from marketplace.helpers.visibility import visibility_changed
from marketplace.home import FIGURES_CACHE_KEY
from marketplace.navigation import forget_navigation
from marketplace.sites import forget_sites


def forget_home_figures_and_menu(sender, **kwargs) -> None:
    cache.delete(FIGURES_CACHE_KEY)
    forget_navigation()


def register_signal_handlers() -> None:
    post_save.connect(forget_sites, sender=Site, dispatch_uid="shell-site-saved")
    post_delete.connect(forget_sites, sender=Site, dispatch_uid="shell-site-deleted")
    page_published.connect(
        forget_home_figures_and_menu, dispatch_uid="shell-figures-published"
    )
    page_unpublished.connect(
        forget_home_figures_and_menu, dispatch_uid="shell-figures-unpublished"
    )
    post_save.connect(
        forget_home_figures_and_menu,
        sender=Category,
        dispatch_uid="shell-category-saved",
    )
    # Takedowns, holds, suspensions and view restrictions change the public counts.
    visibility_changed.connect(
        forget_home_figures_and_menu, dispatch_uid="shell-figures-visibility"
    )
