"""The project's URLs plus a stand-in for the dossiers app's submission page, to test that the
procedure page links to it once it exists."""

from django.http import HttpResponse
from django.urls import include, path

from motcua.urls import urlpatterns as project_urls

dossiers = (
    [path("nop-ho-so/<slug:slug>/", lambda request, slug: HttpResponse(slug), name="submit")],
    "dossiers",
)

urlpatterns = [path("", include(dossiers)), *project_urls]
