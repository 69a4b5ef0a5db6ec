"""Errors as problem JSON (RFC 9457) with a stable ``code`` that clients can rely on.

{"type": "about:blank", "title": "...", "status": 409, "code": "conflict", "detail": "...", "errors": [...]}

Every operation of the OpenAPI document lists the error statuses it can answer with, each
described by the ``Problem`` schema (``document_problems``), so clients and the fuzzing test
know every answer in advance.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from motcua.core.errors import PROBLEM_MEDIA_TYPE, DomainError, problem_body

logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """Raised by an endpoint when the caller exceeded a rate limit."""


CSRF_FAILED = "CSRF check Failed"  # the message of django-ninja's HttpError for cookie auth


class FieldProblem(Schema):
    field: str
    message: str


class Problem(Schema):
    """An error answer (RFC 9457 problem JSON)."""

    type: str
    title: str
    status: int
    code: str
    detail: str
    errors: list[FieldProblem] | None = None
    field: str | None = None


#: The error statuses of every operation and the codes each may carry; 401 only where the
#: operation needs authentication.
ERROR_STATUSES = {
    "400": "A rule refused the request: `invalid` or a code naming the rule "
    "(e.g. `documents_missing`).",
    "401": "`unauthenticated`: no valid API token or staff session.",
    "403": "`forbidden` (role or unit), `not_allowed` (the workflow refuses this action in this "
    "state) or `csrf_failed` (a session call without the CSRF token).",
    "404": "`not_found`.",
    "409": "`conflict`: someone else changed the record first.",
    "422": "`validation_error`: a parameter or field is missing or malformed; `errors` lists them.",
    "429": "`rate_limited`: too many requests from this address.",
}


def document_problems(schema: dict) -> dict:
    """Add the ``Problem`` schema and the error statuses to every operation of an OpenAPI
    document (an operation's own declaration of a status wins)."""
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    problem_schema = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(problem_schema.pop("$defs", {}), Problem=problem_schema)
    content = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in schema["paths"].values():
        for operation in operations.values():
            for status, description in ERROR_STATUSES.items():
                if status == "401" and not operation.get("security"):
                    continue
                operation["responses"].setdefault(
                    status, {"description": description, "content": content}
                )
    return schema


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
    body = problem_body(status=status, code=code, detail=detail)
    if errors:
        body["errors"] = errors
    if field:
        body["field"] = field
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM_MEDIA_TYPE
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
        if exc.status_code == 403 and str(exc) == CSRF_FAILED:
            return problem(
                api,
                request,
                status=403,
                code="csrf_failed",
                detail=_("The CSRF token is missing or wrong: reload the page and try again."),
            )
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
