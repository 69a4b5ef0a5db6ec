from django.urls import path

from motcua.par import views

app_name = "par"

urlpatterns = [
    path("can-bo/chi-so-cchc/", views.assessments, name="assessments"),
    path("can-bo/chi-so-cchc/<uuid:public_id>/", views.detail, name="assessment"),
    path("can-bo/chi-so-cchc/<uuid:public_id>/diem/<str:code>/", views.score, name="score"),
    path(
        "can-bo/chi-so-cchc/<uuid:public_id>/minh-chung/<str:code>/",
        views.add_evidence,
        name="add-evidence",
    ),
    path(
        "can-bo/chi-so-cchc/<uuid:public_id>/tep/<uuid:evidence_id>/",
        views.evidence,
        name="evidence",
    ),
    path("can-bo/chi-so-cchc/<uuid:public_id>/thao-tac/<slug:action>/", views.act, name="act"),
    path("can-bo/danh-gia-mot-cua/", views.onestop, name="onestop"),
]
