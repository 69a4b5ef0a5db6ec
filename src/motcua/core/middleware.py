import logging
import time
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from motcua.core import requestmeta
from motcua.core.errors import PROBLEM_MEDIA_TYPE, problem_body

logger = logging.getLogger("motcua.request")


class RequestLogMiddleware:
    """Give each request an id, make it available to the audit trail, log one line per request.

    The line carries no personal data: no query string, no form data, only the user's numeric id.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex
        request.request_id = request_id
        token = requestmeta.current.set(
            requestmeta.RequestMeta(request_id=request_id, ip=requestmeta.client_ip(request))
        )
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            requestmeta.current.reset(token)
        user = getattr(request, "user", None)
        logger.info(
            "request",
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        response["X-Request-ID"] = request_id
        return response


class LanguageMiddleware:
    """Vietnamese unless the visitor chose English with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many phones in
    Vietnam run an English interface; a Vietnamese government site speaks Vietnamese first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


NUL = "\x00"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
API_PREFIXES = ("/api/", "/open311/")


class RefuseNulCharactersMiddleware:
    """Refuse (400, with a clear message) a request with a NUL character in its address, query or
    form fields, or anywhere in a JSON body.

    PostgreSQL cannot store or even compare text holding NUL: left alone, such a value reaches a
    query and becomes a server error. No text a person types contains one. The contents of
    uploaded files are not looked at. The API and Open311 get problem JSON (``nul_character``),
    pages a page that says what is wrong.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _carries_nul(request):
            return self.get_response(request)
        message = _(
            "The request contains a NUL character, which no text may contain. "
            "Remove it and send again."
        )
        if request.path.startswith(API_PREFIXES):
            body = problem_body(status=400, code="nul_character", detail=message)
            return JsonResponse(body, status=400, content_type=PROBLEM_MEDIA_TYPE)
        return render(request, "400.html", {"message": message}, status=400)


def _carries_nul(request: HttpRequest) -> bool:
    if NUL in request.path or _any_nul(request.GET):
        return True
    if request.content_type in FORM_TYPES:
        return _any_nul(request.POST)
    if request.content_type.endswith("json"):
        return b"\\u0000" in request.body or NUL.encode() in request.body
    return False


def _any_nul(data) -> bool:
    return any(NUL in key or NUL in value for key, values in data.lists() for value in values)
