"""Engine answers to browsing, remembered in the shared cache.

Category, seller and commune pages without typed words ask the engine the same
few questions over and over (the first page of "Thực phẩm chế biến", sorted by
default). Their raw answer — ids, total and facet counts, never prices or
stock, which are read from the database with the cards — is kept for
``SEARCH_ANSWER_SECONDS``. Every write to the engine (``engine.bulk``, an alias
swap) forgets them all at once by changing the generation they are keyed by, in
every worker when the cache is Redis. A write becomes searchable only after the
engine's refresh (about 1 s), so answers computed just after a write are not
kept: they might not show it yet.
"""

import hashlib
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

from marketplace.helpers.cache import current_generation

GENERATION_KEY = "search:answers:generation"
# The engine's refresh interval (1 s) with a margin.
REFRESH_GRACE_SECONDS = 2.0


def _generation() -> tuple[str, float]:
    """``(token, when it was written)``: answers are keyed by the token."""
    return current_generation(GENERATION_KEY, lambda: (uuid.uuid4().hex, 0.0))


def forget() -> None:
    """Every remembered answer is stale: the index is about to change."""
    cache.set(GENERATION_KEY, (uuid.uuid4().hex, time.time()), None)


def remembered(question: str, ask: Callable[[], dict]) -> dict:
    """The answer to ``question`` (a stable text), from the cache or ``ask()``."""
    seconds = settings.SEARCH_ANSWER_SECONDS
    if seconds <= 0:
        return ask()
    token, written_at = _generation()
    key = (
        "search:answer:"
        + hashlib.blake2b(f"{token}|{question}".encode(), digest_size=20).hexdigest()
    )
    answer = cache.get(key)
    if answer is None:
        answer = ask()
        if time.time() - written_at > REFRESH_GRACE_SECONDS:
            cache.set(key, answer, seconds)
    return answer
