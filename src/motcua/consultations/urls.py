from django.urls import path

from motcua.consultations.views import public, staff

app_name = "consultations"

urlpatterns = [
    path("lay-y-kien/", public.consultation_list, name="list"),
    path("lay-y-kien/<slug:slug>/", public.consultation_detail, name="detail"),
    path("can-bo/lay-y-kien/", staff.consultation_list, name="staff-list"),
    path("can-bo/lay-y-kien/moi/", staff.consultation_edit, name="staff-create"),
    path("can-bo/lay-y-kien/phan-bien/", staff.opinion_submit, name="staff-opinion"),
    path("can-bo/lay-y-kien/<uuid:public_id>/", staff.consultation_manage, name="staff-detail"),
    path("can-bo/lay-y-kien/<uuid:public_id>/sua/", staff.consultation_edit, name="staff-edit"),
    path(
        "can-bo/lay-y-kien/<uuid:public_id>/cong-bo/",
        staff.consultation_publish,
        name="staff-publish",
    ),
    path(
        "can-bo/lay-y-kien/<uuid:public_id>/bao-cao/",
        staff.report_publish,
        name="staff-report",
    ),
    path(
        "can-bo/lay-y-kien/gop-y/<uuid:public_id>/<slug:decision>/",
        staff.comment_moderate,
        name="staff-moderate",
    ),
    path(
        "can-bo/lay-y-kien/tra-loi/<slug:kind>/<uuid:public_id>/",
        staff.answer,
        name="staff-answer",
    ),
]
