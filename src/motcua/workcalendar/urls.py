from django.urls import path

from motcua.workcalendar import views

app_name = "workcalendar"

urlpatterns = [
    path("can-bo/lich-lam-viec/", views.calendar_admin, name="admin"),
    path("can-bo/lich-lam-viec/<int:pk>/xoa/", views.override_delete, name="delete"),
]
