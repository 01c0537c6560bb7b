"""Django's own Redis cache, kept to this site's keys and able to lose Redis.

- ``clear()`` removes only keys under the cache's ``KEY_PREFIX``: Django's flushes
  the whole Redis database, which several caches (``default``, ``renditions``),
  parallel test runs and benchmarks share under different prefixes.
- One ``redis.Redis`` client per connection pool instead of one per operation.
- When Redis is down or stalls, reads miss and writes are dropped (logged), so
  pages are computed from the database instead of failing; after a failure the
  cache is skipped for ``RETRY_AFTER`` seconds rather than waiting on every call.
  A forget lost that way lasts at most the key's own timeout.
"""

import logging
import time
from collections.abc import Callable

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_BATCH = 500
_DOWN = (RedisConnectionError, RedisTimeoutError)
RETRY_AFTER = 5.0


def current_generation(key: str, new: Callable[[], object]) -> object:
    """The value under ``key`` that names the current generation of some cached
    entries (their keys include it; replacing it forgets them all at once),
    ``new()`` stored first when there is none. ``new()`` should give a random
    token, not a counter: a generation evicted from the cache must never come
    back and meet entries stored under it."""
    current = cache.get(key)
    if current is None:
        current = new()
        cache.add(key, current, None)
        current = cache.get(key, current)
    return current


class _OneClientPerPool(RedisCacheClient):
    """Django builds a new ``redis.Redis`` for every operation, and building one
    copies its table of some 170 reply callbacks: about a quarter of a
    millisecond per cache read. One client per connection pool, as redis-py
    means it to be used (a client is safe to share between threads)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SiteRedisCache(RedisCache):
    """``RedisCache`` that clears only its prefix, survives a Redis outage and
    keeps one Redis client per connection pool."""

    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _OneClientPerPool

    def _call(self, operation, fallback, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return operation(*args, **kwargs)
        except _DOWN as error:
            self._down_until = time.monotonic() + RETRY_AFTER
            logger.warning(
                "cache: Redis unreachable (%s); working without it for %.0f s",
                error,
                RETRY_AFTER,
            )
            return fallback

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def add(self, *args, **kwargs):
        return self._call(super().add, False, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call(super().set, None, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call(super().set_many, [], *args, **kwargs)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self) -> bool:
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(write=True)
        batch = []
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=_BATCH):
            batch.append(key)
            if len(batch) >= _BATCH:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)
        return True
