from django.urls import path

from motcua.complaints import views

app_name = "complaints"

urlpatterns = [
    path("tiep-cong-dan/", views.schedule, name="schedule"),
    path("can-bo/khieu-nai-to-cao/", views.cases, name="cases"),
    path("can-bo/khieu-nai-to-cao/moi/", views.case_new, name="case-new"),
    path("can-bo/khieu-nai-to-cao/xuat-excel/", views.cases_export, name="export"),
    path("can-bo/khieu-nai-to-cao/<str:code>/", views.case_detail, name="case"),
    path("can-bo/khieu-nai-to-cao/<str:code>/nguoi-gui/", views.case_identity, name="identity"),
    path("can-bo/khieu-nai-to-cao/<str:code>/xu-ly/<str:action>/", views.case_act, name="act"),
    path(
        "can-bo/khieu-nai-to-cao/<str:code>/van-ban/<str:document>.pdf",
        views.case_document,
        name="document",
    ),
    path("can-bo/tiep-cong-dan/", views.sessions, name="sessions"),
    path("can-bo/tiep-cong-dan/<uuid:public_id>/", views.session_detail, name="session"),
    path("can-bo/tiep-cong-dan/luot/<uuid:public_id>/tra-loi/", views.visit_reply, name="reply"),
]
