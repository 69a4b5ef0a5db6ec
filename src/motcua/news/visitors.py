"""Who has already been counted, kept in the visitor's browser: no server state, no write.

A session cookie (it ends when the browser closes: one "visitor session") lists the articles
this browser has already been counted for. A browser without it is a new visit to the site.
"""

from __future__ import annotations

import re

from django.http import HttpRequest

COOKIE = "motcua_seen"
MAX_REMEMBERED = 60
_TOKEN = re.compile(r"^[0-9a-f]{12}$")
_BOTS = re.compile(r"bot|crawl|spider|slurp|facebookexternalhit|preview", re.IGNORECASE)


def token_for(public_id) -> str:
    return public_id.hex[:12]


class Visitor:
    def __init__(self, request: HttpRequest):
        raw = request.COOKIES.get(COOKIE)
        self.is_new = raw is None
        self.is_bot = bool(_BOTS.search(request.headers.get("User-Agent", "")))
        self.seen = [t for t in (raw or "").split(".")[1:] if _TOKEN.match(t)]
        self.changed = self.is_new
        #: Whether this request's site visit and flush check were sent already (by a view that
        #: counts and shows figures in one go); else the middleware sends them at the end.
        self.tallied = False

    @property
    def counts_as_visit(self) -> bool:
        """A browser session's first public page is a visit to the site (crawlers are not)."""
        return self.is_new and not self.is_bot

    def first_view(self, token: str) -> bool:
        """True the first time this browser session views ``token`` (then remembers it)."""
        if self.is_bot:
            return False
        if token in self.seen:
            return False
        self.seen = [*self.seen, token][-MAX_REMEMBERED:]
        self.changed = True
        return True

    def cookie_value(self) -> str:
        return ".".join(["v", *self.seen])
