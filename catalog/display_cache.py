"""What public catalogue pages show of slow-changing records, kept in the cache.

A product page reads its own row and its related products' rows afresh on every
view (price, stock and availability change with each order). What it builds
from other records — gallery renditions, certificates, awards, certifications,
tags, the related products' covers and stars — changes only when those records
do. That part is remembered under a key made of

- the fresh rows it was built from (so a new price, stock or revision is a new
  key, with nothing to forget),
- today's date (a certificate lapses at midnight without any write),
- the language, and
- the catalogue's generation: a random token replaced whenever a record the
  cache does not see in those rows is saved or deleted (certificates, awards,
  images, view restrictions; publishing, moves, takedowns and holds, see
  ``catalog.signal_handlers``). In every worker when the cache is Redis.

Entries live at most ``CATALOG_DISPLAY_SECONDS`` (0 turns the cache off).
"""

import hashlib
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from marketplace.helpers.cache import current_generation

GENERATION_KEY = "catalog:display:generation"


def generation() -> str:
    return current_generation(GENERATION_KEY, lambda: uuid.uuid4().hex)


def forget(*args, **kwargs) -> None:
    """Every remembered display is stale (a signal receiver, hence the arguments)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def display_key(name: str, fresh: object) -> str:
    text = f"{generation()}|{timezone.localdate()}|{get_language()}|{fresh!r}"
    digest = hashlib.blake2b(text.encode(), digest_size=20).hexdigest()
    return f"catalog:display:{name}:{digest}"


def remembered(name: str, fresh: object, build: Callable[[], dict]) -> dict:
    """``build()``'s result for the fresh values ``fresh`` (plain values whose
    ``repr`` shows all of them), from the cache when it holds it."""
    seconds = settings.CATALOG_DISPLAY_SECONDS
    if seconds <= 0:
        return build()
    key = display_key(name, fresh)
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, seconds)
    return found
