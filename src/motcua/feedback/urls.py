from django.urls import path

from motcua.feedback.views import public, staff

app_name = "feedback"

urlpatterns = [
    path("phan-anh/", public.report_list, name="list"),
    path("phan-anh/gui/", public.report_new, name="new"),
    path("phan-anh/gui/cau-hoi/", public.intake_questions, name="questions"),
    path("phan-anh/gui/goi-y/", public.intake_suggest, name="suggest"),
    path("phan-anh/da-gui/<str:code>/", public.report_submitted, name="submitted"),
    path("phan-anh/tra-cuu/", public.report_lookup, name="lookup"),
    path("phan-anh/theo-doi/<str:code>/", public.report_track, name="track"),
    path("phan-anh/theo-doi/<str:code>/danh-gia/", public.report_rate, name="rate"),
    path("phan-anh/theo-doi/<str:code>/bo-sung/", public.report_supply, name="supply"),
    path("phan-anh/<str:code>/", public.report_detail, name="detail"),
    path("phan-anh/<str:code>/anh/<uuid:photo_id>/", public.report_photo, name="photo"),
    path("can-bo/phan-anh/", staff.queue, name="queue"),
    path("can-bo/phan-anh/nhap-moi/", staff.staff_new, name="staff-new"),
    path("can-bo/phan-anh/quy-tac/", staff.rules, name="rules"),
    path("can-bo/phan-anh/quy-tac/<uuid:public_id>/", staff.rule_edit, name="rule-edit"),
    path("can-bo/phan-anh/quy-tac/<uuid:public_id>/xoa/", staff.rule_delete, name="rule-delete"),
    path(
        "can-bo/phan-anh/quy-tac/<uuid:public_id>/<str:direction>/",
        staff.rule_move,
        name="rule-move",
    ),
    path("can-bo/phan-anh/<str:code>/", staff.detail, name="staff-detail"),
    path("can-bo/phan-anh/<str:code>/xu-ly/<str:action>/", staff.act, name="act"),
    path("can-bo/phan-anh/<str:code>/ghi-chu/", staff.add_note, name="note"),
    path("can-bo/phan-anh/<str:code>/dieu-chinh/", staff.correct, name="correct"),
    path(
        "can-bo/phan-anh/<str:code>/mau/<int:template_id>/",
        staff.answer_template,
        name="answer-template",
    ),
]
