import logging
import time
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from motcua.core import requestmeta

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
