"""The product's URLs plus the baseline of every benchmark: a bare Django view returning a
constant response, served through the same middleware and server settings as the real pages."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare),
    path("", include("motcua.urls")),
]
