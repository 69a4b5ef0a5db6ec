from django.urls import path

from motcua.dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("chi-so/", views.public, name="public"),
    path("chi-so/xuat-excel/", views.public_export, name="public-export"),
    path("chi-so/cai-cach-hanh-chinh/", views.par_ranking, name="par-ranking"),
    path("chi-so/cai-cach-hanh-chinh/<int:year>/<slug:slug>/", views.par_unit, name="par-unit"),
    path("chi-so/hai-long/", views.satisfaction_index, name="satisfaction"),
    path("chi-so/phuc-vu/", views.service_index_public, name="service-index"),
    path("can-bo/bang-dieu-khien/", views.staff, name="staff"),
    path("can-bo/bang-dieu-khien/xuat-excel/", views.staff_export, name="staff-export"),
    path("can-bo/bang-dieu-khien/bao-cao.pdf", views.report, name="report"),
    path("can-bo/chi-so-phuc-vu/", views.service_index_staff, name="service-index-staff"),
    path(
        "can-bo/chi-so-phuc-vu/<str:code>/<slug:part>/",
        views.drill,
        name="drill",
    ),
]
