from django.urls import path

from motcua.search import views

app_name = "search"

urlpatterns = [path("tim-kiem/", views.search, name="search")]
