"""Errors as problem JSON (RFC 9457) with a stable ``code`` that clients can rely on.

{"type": "about:blank", "title": "...", "status": 409, "code": "conflict", "detail": "...", "errors": [...]}
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError

from motcua.core.errors import DomainError

logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """Raised by an endpoint when the caller exceeded a rate limit."""


def problem(
    api,
    request,
    *,
    status: int,
    code: str,
    detail: str,
    errors: list | None = None,
    field: str | None = None,
):
    body = {
        "type": "about:blank",
        "title": detail,
        "status": status,
        "code": code,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    if field:
        body["field"] = field
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = "application/problem+json"
    return response


def install_error_handlers(api) -> None:
    @api.exception_handler(DomainError)
    def domain_error(request, exc: DomainError):
        return problem(
            api, request, status=exc.status, code=exc.code, detail=str(exc.message), field=exc.field
        )

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        errors = [
            {"field": ".".join(str(p) for p in e.get("loc", [])[1:]), "message": e.get("msg", "")}
            for e in exc.errors
        ]
        return problem(
            api,
            request,
            status=422,
            code="validation_error",
            detail=_("The request is not valid."),
            errors=errors,
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return problem(
            api,
            request,
            status=401,
            code="unauthenticated",
            detail=_("Sign in or send a valid API token."),
        )

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        return problem(api, request, status=403, code="forbidden", detail=_("You may not do this."))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return problem(api, request, status=404, code="not_found", detail=_("Not found."))

    @api.exception_handler(RateLimited)
    def rate_limited(request, exc):
        return problem(
            api,
            request,
            status=429,
            code="rate_limited",
            detail=_("Too many requests. Please wait a few minutes and try again."),
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        return problem(
            api, request, status=exc.status_code, code=f"http_{exc.status_code}", detail=str(exc)
        )

    @api.exception_handler(Exception)
    def server_error(request, exc: Exception):
        logger.exception("API error", extra={"path": request.path})
        return problem(
            api,
            request,
            status=500,
            code="server_error",
            detail=_("The system had a problem. Please try again later."),
        )
