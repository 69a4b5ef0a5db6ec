"""Whole public pages cached for anonymous visitors, with holes for the per-request values.

A portal page is the same for every anonymous visitor except for a few values: the CSRF token
(the language switch and the HTMX headers), an article's view count, the site's visit
counter. The page is rendered once with a marker in place of each of those values and kept in
the cache; every request fills the markers from cheap sources. Any change to the content bumps
a version kept with every page (``invalidate``, called after the change commits), and a page of
another version is drawn again, so an edit shows at once; ``PAGE_CACHE_SECONDS`` bounds what
no save announces (an article whose scheduled time arrives, the date shown in the archive box).
A hit costs one cache round trip: the version and the page are read together.

Signed-in users, HTMX requests and visitors with a message waiting always get a fresh page.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.functional import cached_property
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

VERSION_KEY = "pagecache:version"
CSRF_HOLE = "csrf_token"


class _Markers:
    @cached_property
    def nonce(self) -> str:
        """Derived from the secret key, so that no text an author types can pass for a marker."""
        return salted_hmac("motcua.pagecache", "marker").hexdigest()[:16]

    def __call__(self, name: str) -> str:
        """Plain text that HTML escaping leaves as it is."""
        return f"\u2063{self.nonce}:{name}\u2063"


marker = _Markers()


def _cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.PAGE_CACHE_SECONDS > 0
        and not request.headers.get("HX-Request")
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


def _version(found: dict) -> int:
    """The current content version, from what ``cache.get_many([VERSION_KEY, ...])`` found."""
    version = found.get(VERSION_KEY)
    return cache.get_or_set(VERSION_KEY, time.time_ns, None) if version is None else version


def _key(request: HttpRequest) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return fragment_key(request.LANGUAGE_CODE, digest)


def fragment_key(*parts: str) -> str:
    """A key of the page cache. It names the markers' nonce: a page drawn under another secret
    key (a rotation, or another process of a benchmark sharing the cache) has markers that
    this process would not fill."""
    return ":".join(["pagecache", marker.nonce, *parts])


class CachedPage:
    """One request's view of the page cache: its page, and values the view keeps beside it
    (``facts``), read in one round trip and valid for the same content version."""

    def __init__(self, request: HttpRequest, *, facts: tuple[str, ...] = ()):
        self.request = request
        self.enabled = _cacheable(request)
        self.key = _key(request) if self.enabled else ""
        self._found = cache.get_many([VERSION_KEY, self.key, *facts]) if self.enabled else {}
        self.version = _version(self._found) if self.enabled else None

    def fact(self, key: str, compute: Callable[[], object]):
        """The value kept under ``key`` for the current content, else ``compute()``, kept
        unless it is None."""
        version, value = self._found.get(key, (None, None))
        if not self.enabled or version != self.version:
            value = compute()
            if self.enabled and value is not None:
                cache.set(key, (self.version, value), settings.PAGE_CACHE_SECONDS)
        return value

    def response(
        self,
        render_page: Callable[[dict[str, str | SafeString]], HttpResponse],
        holes: dict[str, object],
    ) -> HttpResponse:
        """The page ``render_page(context)`` draws, from the cache when it can be shared.

        ``holes`` maps context names to this request's values; ``render_page`` must put its
        ``context`` argument into the template context (it holds a marker for each hole and
        for the CSRF token). The values are escaped as the template would escape them.
        """
        if not self.enabled:
            return render_page({name: conditional_escape(value) for name, value in holes.items()})
        page_version, html = self._found.get(self.key, (None, None))
        if page_version != self.version:
            context = {name: marker(name) for name in [*holes, CSRF_HOLE]}
            response = render_page(context)
            if response.status_code != 200:
                return response
            html = response.content.decode()
            cache.set(self.key, (self.version, html), settings.PAGE_CACHE_SECONDS)
        values = {**holes, CSRF_HOLE: get_token(self.request)}
        for name, value in values.items():
            html = html.replace(marker(name), conditional_escape(value))
        return HttpResponse(html)


def content_fact(key: str, compute: Callable[[], object]):
    """``compute()``, kept under ``key`` for the current content version: one round trip when
    kept. For what any request, a form's POST too, derives from the content alone."""
    found = cache.get_many([VERSION_KEY, key])
    version = _version(found)
    kept_version, value = found.get(key, (None, None))
    if kept_version != version:
        value = compute()
        cache.set(key, (version, value), settings.PAGE_CACHE_SECONDS)
    return value


def cached_page(request: HttpRequest, render_page, holes: dict[str, object]) -> HttpResponse:
    """``CachedPage(request).response(render_page, holes)``: a page with nothing kept beside."""
    return CachedPage(request).response(render_page, holes)


def invalidate() -> None:
    """Every cached page is stale once the current transaction commits."""

    def bump():
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no version (never set, or evicted): start a new series
            cache.set(VERSION_KEY, time.time_ns(), None)

    transaction.on_commit(bump)


def _content_changed(**kwargs) -> None:
    invalidate()


def invalidate_on_change(*models) -> None:
    """Every cached page is stale once a saved or deleted row of ``models`` commits (call it
    from the owning app's ``ready``; counters written with ``update()`` send no signal)."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        post_save.connect(_content_changed, sender=model, weak=False)
        post_delete.connect(_content_changed, sender=model, weak=False)
