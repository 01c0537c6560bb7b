"""Django's own Redis cache, with a ``clear()`` that removes only this cache's keys.

Django's ``RedisCache.clear()`` flushes the whole Redis database. Several caches
(``default``, ``renditions``), test runs in parallel and benchmarks share one
database under different key prefixes, so clearing one must leave the others.
"""

from django.core.cache.backends.redis import RedisCache

_BATCH = 500


class SiteRedisCache(RedisCache):
    """``RedisCache`` whose ``clear()`` deletes only keys under its ``KEY_PREFIX``."""

    def clear(self) -> bool:
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(write=True)
        pattern = f"{self.key_prefix}:*"
        batch = []
        for key in client.scan_iter(match=pattern, count=_BATCH):
            batch.append(key)
            if len(batch) >= _BATCH:
                client.delete(*batch)
                batch.clear()
        if batch:
            client.delete(*batch)
        return True
