"""Who is asking, from where: set once per request, read by the audit trail and the log."""

from __future__ import annotations

import contextvars
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest


@dataclass(frozen=True)
class RequestMeta:
    request_id: str
    ip: str | None


current: contextvars.ContextVar[RequestMeta | None] = contextvars.ContextVar(
    "motcua_request_meta", default=None
)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address; behind a trusted proxy, the last address the proxy appended."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
