from django.urls import path, re_path

from motcua.procedures import views

app_name = "procedures"

urlpatterns = [
    path("thu-tuc/", views.catalogue, name="catalogue"),
    path("thu-tuc/kiosk/", views.kiosk, name="kiosk"),
    path("thu-tuc/kiosk/<slug:slug>/", views.kiosk_detail, name="kiosk-detail"),
    re_path(
        r"^thu-tuc/mau-don/(?P<name>[0-9A-Za-z][0-9A-Za-z._-]*)$", views.form_download, name="form"
    ),
    path("thu-tuc/<slug:slug>/", views.procedure_detail, name="detail"),
    path("thu-tuc/<slug:slug>/ban-in/", views.procedure_print, name="print"),
    path("can-bo/thu-tuc/nhap-xuat/", views.transfer_page, name="transfer"),
    re_path(
        r"^can-bo/thu-tuc/nhap-xuat/tai-ve\.(?P<fmt>json|csv)$",
        views.export_download,
        name="export",
    ),
]
