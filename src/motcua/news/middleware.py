from django.conf import settings

from motcua.news import counters
from motcua.news.visitors import COOKIE, Visitor

_SKIPPED = ("/can-bo/", "/admin/", "/static/", "/media/", "/healthz", "/i18n/")


class VisitCounterMiddleware:
    """Count a visit to the site the first time a browser session opens a public page
    ("Số lượt truy cập"), and keep the visitor's cookie of counted articles."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public_page = request.method == "GET" and not request.path.startswith(_SKIPPED)
        visitor = request.visitor = Visitor(request) if public_page else None
        response = self.get_response(request)
        if visitor is None:
            return response
        page = response.status_code == 200 and response.get("Content-Type", "").startswith(
            "text/html"
        )
        if not visitor.tallied:  # else the view counted the visit with its figures
            # The flush check comes after the page is rendered: it shows one consistent figure.
            visit = [counters.site_counter()] if page and visitor.counts_as_visit else []
            counters.tally(count=visit, check_flush=True)
        if not page:
            return response
        if visitor.changed and not visitor.is_bot:
            response.set_cookie(
                COOKIE,
                visitor.cookie_value(),
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
