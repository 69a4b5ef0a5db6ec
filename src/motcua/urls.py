from django.contrib import admin
from django.urls import include, path

from motcua.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("motcua.accounts.urls")),
    path("", include("motcua.organisations.urls")),
    path("", include("motcua.audit.urls")),
    path("", include("motcua.workcalendar.urls")),
    path("", include("motcua.dossiers.urls")),
    path("", include("motcua.surveys.urls")),
    path("", include("motcua.par.urls")),
    path("", include("motcua.dashboards.urls")),
    path("", include("motcua.api.urls")),
]

handler403 = "motcua.core.views.permission_denied"
handler404 = "motcua.core.views.page_not_found"
