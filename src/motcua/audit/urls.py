from django.urls import path

from motcua.audit import views

app_name = "audit"

urlpatterns = [path("can-bo/nhat-ky/", views.audit_log, name="log")]
