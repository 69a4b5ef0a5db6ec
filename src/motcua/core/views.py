import logging
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Liveness and readiness: answers 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


logger = logging.getLogger(__name__)
#: Never echoed back on the "try again" page.
_SECRET_FIELDS = ("password", "otp", "token", "secret")


def server_error(request):
    """The page for an unhandled error. When the database is out of reach (stopped, restarting,
    a failover, a lock timeout) it is a 503 page that says so and keeps what the visitor typed
    in a form that sends it again. Neither page touches the database."""
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return HttpResponseServerError(loader.render_to_string("500.html"))
    logger.warning("database unavailable", extra={"path": request.path})
    fields = []
    if request.method == "POST":
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if not any(word in name.lower() for word in _SECRET_FIELDS)
            or name == "csrfmiddlewaretoken"
            for value in values
        ]
    context = {
        "fields": fields,
        "action": request.get_full_path(),
        "had_files": bool(request.FILES),
    }
    response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = "60"
    return response
