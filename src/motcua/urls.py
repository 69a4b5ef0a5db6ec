from pathlib import Path

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from motcua.consultations.sitemaps import SITEMAPS as CONSULTATION_SITEMAPS
from motcua.contests.sitemaps import SITEMAPS as CONTEST_SITEMAPS
from motcua.core import views as core_views
from motcua.news.sitemaps import SITEMAPS as NEWS_SITEMAPS
from motcua.news.views import public as news_public

SITEMAPS = {**NEWS_SITEMAPS, **CONSULTATION_SITEMAPS, **CONTEST_SITEMAPS}

urlpatterns = [
    # The busiest public pages first: Django tries the patterns in this order.
    path("", news_public.home, name="home"),
    path("", include("motcua.news.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", core_views.healthz, name="healthz"),
    # Published files (article images, documents, videos). Only MEDIA_ROOT/public is served;
    # in production a web server or a public bucket may serve the same folder instead.
    re_path(
        r"^media/public/(?P<path>.*)$",
        serve,
        {"document_root": Path(settings.MEDIA_ROOT) / "public"},
        name="public-media",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("motcua.accounts.urls")),
    path("", include("motcua.organisations.urls")),
    path("", include("motcua.audit.urls")),
    path("", include("motcua.workcalendar.urls")),
    path("", include("motcua.procedures.urls")),
    path("", include("motcua.dossiers.urls")),
    path("", include("motcua.surveys.urls")),
    path("", include("motcua.par.urls")),
    path("", include("motcua.dashboards.urls")),
    path("", include("motcua.api.urls")),
    path("", include("motcua.feedback.urls")),
    path("", include("motcua.complaints.urls")),
    path("", include("motcua.search.urls")),
    path("", include("motcua.consultations.urls")),
    path("", include("motcua.contests.urls")),
]

handler403 = "motcua.core.views.permission_denied"
handler404 = "motcua.core.views.page_not_found"
handler500 = "motcua.core.views.server_error"
