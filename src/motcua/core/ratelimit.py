"""Fixed-window rate limits kept in the shared cache.

Used for logins, second-factor codes, public forms and lookups. With ``CACHE_URL`` pointing at
Redis the counters are shared by every server; with the default in-process cache each process
counts on its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.core.requestmeta import client_ip


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit: int
    window: int  # seconds

    def _key(self, ident: str) -> str:
        digest = hashlib.sha256(ident.encode()).hexdigest()[:32]
        return f"rl:{self.scope}:{digest}"

    def count(self, ident: str) -> int:
        return cache.get(self._key(ident), 0)

    def exceeded(self, ident: str) -> bool:
        return self.count(ident) >= self.limit

    def hit(self, ident: str) -> bool:
        """Count one attempt; True while the attempt is within the limit."""
        key = self._key(ident)
        if cache.add(key, 1, self.window):
            return self.limit >= 1
        try:
            return cache.incr(key) <= self.limit
        except ValueError:  # expired between add and incr
            cache.add(key, 1, self.window)
            return True

    def reset(self, ident: str) -> None:
        cache.delete(self._key(ident))


def limit_by_ip(rate: RateLimit, methods: tuple[str, ...] = ("POST",)):
    """View decorator: answer 429 with a Vietnamese page once an address exceeds ``rate``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods and not rate.hit(client_ip(request) or "unknown"):
                return too_many_requests(request, rate)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def too_many_requests(request, rate: RateLimit):
    minutes = max(1, rate.window // 60)
    message = _("Too many attempts. Please wait %(minutes)d minutes and try again.") % {
        "minutes": minutes
    }
    return render(request, "429.html", {"message": message}, status=429)
