from django.urls import path

from motcua.core.replica import reads_from_replica
from motcua.dashboards import views

app_name = "dashboards"

# Aggregate reads only: served from the read replica when DATABASE_REPLICA_URL is set.
urlpatterns = [
    path("chi-so/", reads_from_replica(views.public), name="public"),
    path("chi-so/xuat-excel/", reads_from_replica(views.public_export), name="public-export"),
    path("chi-so/cai-cach-hanh-chinh/", reads_from_replica(views.par_ranking), name="par-ranking"),
    path(
        "chi-so/cai-cach-hanh-chinh/<int:year>/<slug:slug>/",
        reads_from_replica(views.par_unit),
        name="par-unit",
    ),
    path("chi-so/hai-long/", reads_from_replica(views.satisfaction_index), name="satisfaction"),
    path("chi-so/phuc-vu/", reads_from_replica(views.service_index_public), name="service-index"),
    path("can-bo/bang-dieu-khien/", reads_from_replica(views.staff), name="staff"),
    path(
        "can-bo/bang-dieu-khien/xuat-excel/",
        reads_from_replica(views.staff_export),
        name="staff-export",
    ),
    path("can-bo/bang-dieu-khien/bao-cao.pdf", reads_from_replica(views.report), name="report"),
    # Not from the replica: it waits for the task the report view has just queued.
    path("can-bo/bang-dieu-khien/bao-cao/<str:ticket>/", views.report_ready, name="report-ready"),
    path(
        "can-bo/chi-so-phuc-vu/",
        reads_from_replica(views.service_index_staff),
        name="service-index-staff",
    ),
    path(
        "can-bo/chi-so-phuc-vu/<str:code>/<slug:part>/",
        reads_from_replica(views.drill),
        name="drill",
    ),
]
