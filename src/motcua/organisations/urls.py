from django.urls import path

from motcua.organisations import views

app_name = "organisations"

urlpatterns = [
    path("don-vi/", views.directory, name="directory"),
    path("don-vi/<slug:slug>/", views.unit_detail, name="unit"),
    path("can-bo/", views.staff_home, name="staff-home"),
    path("can-bo/don-vi-lam-viec/", views.switch_unit, name="switch-unit"),
]
