"""Django's Redis cache backend, without building a new redis-py client for every command.

Django's ``RedisCacheClient.get_client`` returns ``redis.Redis(connection_pool=pool)`` on each
call, and a redis-py client sets up its table of response callbacks (some 170 entries) when it
is built: on a page that makes five cache calls that cost more than the commands themselves.
A redis-py client is thread-safe and takes its connections from the pool per command, so one
client per pool can serve every call.
"""

from __future__ import annotations

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class RedisCache(django_redis.RedisCache):
    """``CACHES[...]["BACKEND"] = "motcua.core.cache.RedisCache"``."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def run_script(self, script: str, keys: list[str], args: list) -> list:
        """Run a Lua ``script`` on the server: several commands, atomic, in one round trip.

        ``keys`` are cache keys (prefixed and versioned here, as every other call does);
        ``args`` are stored as ``set`` would store them (integers as they are, so that INCR
        works on them). Returns the script's list with every stored value decoded as ``get``
        would decode it (a missing key is None).
        """
        scripts = self.__dict__.setdefault("_scripts", {})
        runner = scripts.get(script)
        if runner is None:
            client = self._cache.get_client(write=True)
            runner = scripts.setdefault(script, client.register_script(script))
        serializer = self._cache._serializer
        made = [self.make_and_validate_key(key) for key in keys]
        found = runner(keys=made, args=[serializer.dumps(arg) for arg in args])
        return [serializer.loads(value) if isinstance(value, bytes) else value for value in found]
