from django.urls import path

from motcua.api.root import api

urlpatterns = [path("api/v1/", api.urls)]
