"""Errors that services raise and views and the API turn into messages for the user.

Each carries a stable ``code`` (for API clients) and a translated ``message`` (for people).
"""

from __future__ import annotations


class DomainError(Exception):
    code = "invalid"
    status = 400

    def __init__(self, message, *, code: str | None = None, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        if code:
            self.code = code


class NotAllowed(DomainError):
    """The user may not do this (role, unit or state)."""

    code = "not_allowed"
    status = 403


class Conflict(DomainError):
    """Someone else changed the record first, or the state no longer allows the action."""

    code = "conflict"
    status = 409


PROBLEM_MEDIA_TYPE = "application/problem+json"


def problem_body(*, status: int, code: str, detail: str) -> dict:
    """An error as problem JSON (RFC 9457), the form every API error takes (``api.errors``)."""
    return {
        "type": "about:blank",
        "title": detail,
        "status": status,
        "code": code,
        "detail": detail,
    }
