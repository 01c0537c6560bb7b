"""The listing port: what page models below ``search`` ask the listing pipeline for.

Category pages (``catalog``) and seller pages (``sellers``) show product listings
and pictures that higher layers build: ``search.services.list_products`` (engine
first, the database otherwise) and ``catalog``'s cards and renditions. A lower
layer must not import a higher one, so the page models call these ports and the
``search`` app plugs its implementations in from ``SearchConfig.ready()``.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured


class Port:
    """One function a higher layer provides; calling the port calls it."""

    def __init__(self, name: str):
        self.name = name
        self._provider: Callable[..., Any] | None = None

    def plug(self, provider: Callable[..., Any]) -> None:
        self._provider = provider

    def __call__(self, *args, **kwargs):
        if self._provider is None:
            raise ImproperlyConfigured(
                f"Nothing provides {self.name}: is the search app installed?"
            )
        return self._provider(*args, **kwargs)


# (category page, request) -> the category page's listing context.
category_listing = Port("the category page listing")
# (seller page, request) -> the seller page's products, logo and cover.
seller_listing = Port("the seller page listing")
# (sellers) -> None: the directory's logo renditions read in one query.
seller_logos = Port("the seller directory's logos")
